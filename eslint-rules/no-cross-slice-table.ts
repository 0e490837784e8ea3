// concord/no-cross-slice-table: a table belongs to the slice whose schema.ts defines it; another
// slice reads it through the owner's exported read functions, never by naming it in its own SQL,
// so that renaming a table touches one folder (issue 15, item 1).
import type { Rule } from 'eslint';
import { isLayer, repositoryPath, sliceOf, tableOwners } from './slices.ts';

// A table named after FROM, JOIN, INTO or UPDATE (optionally quoted, ONLY, or in the public schema).
const tableReference = /\b(?:from|join|into|update)\s+(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;

export const noCrossSliceTable: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: "SQL names only the tables its own slice's schema.ts defines" },
    schema: [],
    messages: {
      foreignTable:
        'The table {{table}} belongs to the {{owner}} slice (src/{{owner}}/schema.ts): read it through a function that slice exports (its repository or service), not in {{slice}} SQL.',
    },
  },
  create(context) {
    const file = repositoryPath(context.filename, context.cwd);
    if (isLayer(file)) return {};
    const slice = sliceOf(file) ?? 'src';
    const owners = tableOwners(context.cwd);
    return {
      TaggedTemplateExpression(node) {
        if (node.tag.type !== 'Identifier' || node.tag.name !== 'sql') return;
        // Interpolations are parameters (or fragments checked where they are written): a placeholder keeps words apart.
        const text = node.quasi.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' $ ');
        const named = new Set<string>();
        for (const match of text.matchAll(tableReference)) {
          const table = (match[1] ?? '').toLowerCase();
          const owner = owners.get(table);
          if (owner === undefined || owner === slice || named.has(table)) continue;
          named.add(table);
          context.report({ node, messageId: 'foreignTable', data: { table, owner, slice } });
        }
      },
    };
  },
};
