// Printing reports to PDF with Debian's chromium through playwright-core: one browser, launched on
// the first print and reused; one print at a time; closed when Concord stops. Prints are asked for
// as jobs (print-job.ts), so the queue is the jobs table, durable and shared between processes,
// not a list in memory here. The page is loaded from the application itself: every request of the print
// (the report's HTML, its stylesheets) is answered in-process by the app's fetch, so no port, no
// cookie and no outside network is involved.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Chromium is not installed where Concord looks for it (CONCORD_CHROMIUM, else /usr/bin/chromium). */
export class ChromiumMissing extends Error {
  constructor(readonly executablePath: string) {
    super(`No chromium at ${executablePath}`);
    this.name = 'ChromiumMissing';
  }
}

export interface PrintJob {
  /** The print version of the report, e.g. http://concord.internal/fr/reports/roadmap/<id>?print=1 */
  url: string;
  /** Answers the page's requests (the app's `fetch`). */
  fetch: (request: Request) => Response | Promise<Response>;
}

/** Chromium without anything that talks to the network on its own (ARCHITECTURE.md). */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export class PdfPrinter {
  private browser: Promise<Browser> | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly executablePath: string,
    private readonly timeoutMs = 60_000,
  ) {}

  available(): boolean {
    return existsSync(this.executablePath);
  }

  /** Prints the page at job.url to an A4 PDF (the page's own @page rules decide size and margins). */
  async print(job: PrintJob): Promise<Uint8Array> {
    if (!this.available()) throw new ChromiumMissing(this.executablePath);
    // One page at a time in the one browser, should a worker run several jobs at once.
    const run = this.tail.then(() => this.printNow(job));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async launch(): Promise<Browser> {
    if (this.browser) {
      const browser = await this.browser.catch(() => undefined);
      if (browser?.isConnected()) return browser;
    }
    const { chromium } = await import('playwright-core');
    this.browser = chromium.launch({ executablePath: this.executablePath, headless: true, args: chromiumArgs });
    // A failed launch is not kept: the next print tries again.
    this.browser.catch(() => (this.browser = undefined));
    return this.browser;
  }

  private async printNow(job: PrintJob): Promise<Uint8Array> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(this.timeoutMs);
      await page.route('**/*', async (route) => {
        const request = route.request();
        const headers = { ...request.headers() };
        // Uncompressed: the bytes go straight back to the browser.
        delete headers['accept-encoding'];
        const response = await job.fetch(new Request(request.url(), { method: request.method(), headers }));
        await route.fulfill({
          status: response.status,
          headers: Object.fromEntries(response.headers),
          body: Buffer.from(await response.arrayBuffer()),
        });
      });
      const response = await page.goto(job.url, { waitUntil: 'load' });
      if (!response?.ok()) throw new Error(`The report page answered ${response?.status() ?? 'nothing'} to the printer`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
      return new Uint8Array(pdf);
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  /** Closes the browser (at shutdown); a later print launches a new one. */
  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => undefined);
  }
}

const printers = new Map<string, PdfPrinter>();

/** The one printer for a chromium binary (per process). */
export function printerFor(executablePath: string): PdfPrinter {
  let printer = printers.get(executablePath);
  if (!printer) printers.set(executablePath, (printer = new PdfPrinter(executablePath)));
  return printer;
}

/** Closes every printer's browser: call when Concord stops. */
export async function closePrinters(): Promise<void> {
  await Promise.all([...printers.values()].map((p) => p.close()));
}
