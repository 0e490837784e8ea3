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
