// A reader without JavaScript, for in-process HTTP tests: keeps cookies like a browser and
// sends forms back with the CSRF token the page gave it.
import type { Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';

export interface Visit {
  status: number;
  headers: Headers;
  html: string;
  location: string | null;
}

export class Visitor {
  readonly cookies = new Map<string, string>();
  /** The CSRF token of the last page that had a form. */
  csrf = '';

  private readonly headers: Record<string, string>;

  /** Each visitor comes from its own address (the test app trusts X-Forwarded-For). */
  constructor(
    private readonly app: Hono<AppEnv>,
    headers: Record<string, string> = {},
  ) {
    this.headers = { 'X-Forwarded-For': `192.0.2.${(Visitor.count = (Visitor.count % 250) + 1)}`, ...headers };
  }

  private static count = 0;

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  private async visit(response: Response): Promise<Visit> {
    this.keep(response);
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, headers: response.headers, html, location: response.headers.get('Location') };
  }

  async get(path: string): Promise<Visit> {
    return this.visit(await this.app.request(path, { headers: { ...this.headers, Cookie: this.cookieHeader() } }));
  }

  /** Posts a form; the CSRF token is added unless `csrf: false` (or another value) is given. */
  async post(path: string, fields: Record<string, string | string[]> = {}, options: { csrf?: string | false } = {}): Promise<Visit> {
    const body = new URLSearchParams();
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== false) body.append('_csrf', token);
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return this.visit(
      await this.app.request(path, {
        method: 'POST',
        body,
        headers: { ...this.headers, Cookie: this.cookieHeader(), 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  /** Signs up (or fails the test) and returns the account page. */
  async signUp(lang: string, name: string, email: string, password: string): Promise<Visit> {
    await this.get(`/${lang}/sign-up`);
    const response = await this.post(`/${lang}/sign-up`, { name, email, password });
    if (response.status !== 303) throw new Error(`sign-up answered ${response.status}: ${response.html.slice(0, 300)}`);
    return this.get(response.location!);
  }

  /** Signs in and, like a browser, follows the redirect: its page carries the CSRF token renewed at sign-in. */
  async signIn(lang: string, email: string, password: string): Promise<Visit> {
    await this.get(`/${lang}/sign-in`);
    const response = await this.post(`/${lang}/sign-in`, { email, password });
    if (response.status === 303 && response.location) await this.get(response.location);
    return response;
  }
}
