// Static assets, served under a content hash so browsers may cache them for a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

interface Asset {
  path: string;
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

/** An asset file of this folder, at a path that changes whenever its content does. */
function asset(file: string, type: string): Asset {
  const body = readFileSync(new URL(`./assets/${file}`, import.meta.url));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = file.lastIndexOf('.');
  return { path: `/assets/${file.slice(0, dot)}.${hash}${file.slice(dot)}`, body, type };
}

const stylesheet = asset('concord.css', 'text/css; charset=utf-8');
/** The tab icon (a "C" on Concord's blue), linked from every page so browsers do not ask for /favicon.ico. */
const favicon = asset('favicon.svg', 'image/svg+xml');
/** Suggestions as you type (issue 16, item 5): linked only from form pages that offer them, never from reading pages. */
const suggestScript = asset('suggest.js', 'text/javascript; charset=utf-8');

export const assets = {
  cssPath: stylesheet.path,
  css: stylesheet.body,
  faviconPath: favicon.path,
  suggestScriptPath: suggestScript.path,
  /** Every asset, for the router. */
  files: [stylesheet, favicon, suggestScript] as const,
};
