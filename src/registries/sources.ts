// The registries Concord reads (one connector each): the `?source=` filters, the registry's source
// facet and the sources page list them from here. `concord` stands for records made in Concord.
import type { RegistrySource } from './connector.ts';
import { dpgaSource } from './dpga.ts';
import { iatiSource } from './iati-record.ts';

export const registrySources: readonly RegistrySource[] = [dpgaSource, iatiSource];

/** The values of the `source` filter: each registry's id, and `concord` for records made here. */
export const sourceFilterValues = ['concord', ...registrySources.map((s) => s.id)] as const;

export function registrySource(id: string): RegistrySource | undefined {
  return registrySources.find((s) => s.id === id);
}
