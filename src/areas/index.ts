// The area catalogue the application shares: read once from data/areas, on first use.
import { loadAreaCatalog, type AreaCatalog } from './catalog.ts';

let catalog: Promise<AreaCatalog> | undefined;

export function areaCatalog(): Promise<AreaCatalog> {
  catalog ??= loadAreaCatalog().catch((error: unknown) => {
    catalog = undefined;
    throw error;
  });
  return catalog;
}

export type { AreaCatalog, Area } from './catalog.ts';

/** Area codes typed in a list: separated by spaces, commas (also Arabic ، and Chinese ，、) or semicolons. */
export function splitCodes(text: string): string[] {
  return text.split(/[\s,;\u060C\uFF0C\u3001\uFF1B]+/).filter(Boolean);
}
