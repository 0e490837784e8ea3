// Asking for a report's PDF as a reader's browser does, with plain fetch: the request answers 303
// to the print job's page (setting the browser cookie the job is tied to), the page refreshes
// until the job is done and then links to the PDF.
import { expect } from 'vitest';

/** One browser's cookies (the per-browser cookie names its print jobs). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): Record<string, string> {
    return this.cookies.size ? { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...this.header(), ...(init.headers as Record<string, string>) },
    });
    this.keep(response);
    return response;
  }
}

export interface AskedPrint {
  /** The job page the request sent the reader to (`/fr/jobs/12`). */
  jobPage: string;
  jobId: number;
}

/** Asks for a PDF (`/fr/reports/roadmap/x.pdf`): expects the 303 to its job page. */
export async function askForPdf(origin: string, path: string, jar: CookieJar): Promise<AskedPrint> {
  const response = await jar.get(`${origin}${path}`);
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(303);
  const jobPage = response.headers.get('Location') ?? '';
  expect(jobPage).toMatch(/^\/[a-z]{2}\/jobs\/\d+$/);
  return { jobPage, jobId: Number(jobPage.split('/').pop()) };
}

/** Reads the job page until its job is done (the page stops refreshing), then returns the PDF's address. */
export async function awaitPdfLink(origin: string, jobPage: string, jar: CookieJar, withinMs = 240_000): Promise<string> {
  const until = Date.now() + withinMs;
  for (;;) {
    const page = await jar.get(`${origin}${jobPage}`);
    expect(page.status, jobPage).toBe(200);
    const html = await page.text();
    const link = /<a href="(\/[a-z]{2}\/reports\/prints\/[0-9a-f-]+)">/.exec(html)?.[1];
    if (link) return link;
    expect(html, `${jobPage} has not failed`).toContain('http-equiv="refresh"');
    if (Date.now() > until) throw new Error(`${jobPage} is still not done`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** A report's PDF as a reader gets it: asked for, waited for on its job page, downloaded. */
export async function printPdf(origin: string, path: string, jar = new CookieJar()): Promise<{ response: Response; bytes: Uint8Array }> {
  // A print kept from an earlier request for the same report and data is served at once.
  const first = await jar.get(`${origin}${path}`);
  if (first.status === 200 && first.headers.get('Content-Type') === 'application/pdf')
    return { response: first, bytes: new Uint8Array(await first.arrayBuffer()) };
  expect(first.status, `${path}: ${await first.clone().text()}`).toBe(303);
  const link = await awaitPdfLink(origin, first.headers.get('Location') ?? '', jar);
  const response = await jar.get(`${origin}${link}`);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}
