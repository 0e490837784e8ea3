// Where a file sits in Concord's slices, as the conventions of issue 15 define them: a slice is a
// folder `src/<slice>/`; its data modules (the only place its SQL may live) are `repository.ts`,
// `<topic>-repository.ts`, files under `repository/`, and `schema.ts` (the Drizzle tables);
// `src/store/` is the store layer. The tables each slice owns are read from its `schema.ts`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** The file's path from the repository root, with forward slashes ("src/pledges/pages.tsx"). */
export function repositoryPath(filename: string, cwd: string): string {
  const relative = path.isAbsolute(filename) ? path.relative(cwd, filename) : filename;
  return relative.split(path.sep).join('/');
}

/** The slice a file belongs to ("pledges" for src/pledges/pages.tsx); undefined outside a slice folder. */
export function sliceOf(file: string): string | undefined {
  const match = /^src\/([^/]+)\//.exec(file);
  return match?.[1];
}

/** Folders under src/ that are layers under every slice, not slices: they may hold SQL and name any table. */
const layers = new Set(['store', 'testing']);

export function isLayer(file: string): boolean {
  const slice = sliceOf(file);
  return slice !== undefined && layers.has(slice);
}

/** Whether a file is a data module, where SQL belongs. */
export function isDataModule(file: string): boolean {
  if (isLayer(file)) return true;
  return /^src\/[^/]+\/(schema\.ts|repository\.ts|[a-z0-9-]+-repository\.ts|repository\/.+\.ts)$/.test(file);
}

const tablePattern = /pgTable\(\s*['"]([a-z_][a-z0-9_]*)['"]/g;

const ownersByRoot = new Map<string, Map<string, string>>();

/**
 * The tables each slice defines in `src/<slice>/schema.ts`, as table name → slice, read once per
 * repository root (at lint start). `src/store/schema.ts` only gathers the others and owns none.
 */
export function tableOwners(root: string): Map<string, string> {
  const known = ownersByRoot.get(root);
  if (known) return known;
  const owners = new Map<string, string>();
  const src = path.join(root, 'src');
  for (const slice of existsSync(src) ? readdirSync(src) : []) {
    if (layers.has(slice)) continue;
    const schema = path.join(src, slice, 'schema.ts');
    if (!existsSync(schema)) continue;
    for (const match of readFileSync(schema, 'utf8').matchAll(tablePattern)) owners.set(match[1] ?? '', slice);
  }
  ownersByRoot.set(root, owners);
  return owners;
}
