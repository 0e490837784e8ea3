// concord/sql-in-data-module: a slice's SQL (the `sql` tagged template, `.query(`/`.execute(` on a
// store or transaction, Drizzle's query builders) lives only in its data modules, so that a page,
// a route, a service or the CLI reads through a named repository function (issue 15, item 1).
import type { Rule } from 'eslint';
import { isDataModule, repositoryPath } from './slices.ts';

const where = 'src/<slice>/repository.ts, src/<slice>/<topic>-repository.ts or src/<slice>/repository/';

export const sqlInDataModule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description: "SQL only in a slice's data modules (repository.ts, <topic>-repository.ts, repository/, schema.ts) and src/store",
    },
    schema: [],
    messages: {
      template: `SQL belongs in the slice's data module (${where}): move this query there and call the repository function from here.`,
      query: `Running a query belongs in the slice's data module (${where}): call a repository function from here.`,
      drizzle: `Drizzle's query builders belong in the slice's data module (${where}) or its schema.ts.`,
    },
  },
  create(context) {
    if (isDataModule(repositoryPath(context.filename, context.cwd))) return {};
    return {
      TaggedTemplateExpression(node) {
        if (node.tag.type === 'Identifier' && node.tag.name === 'sql') context.report({ node, messageId: 'template' });
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        if (callee.property.name !== 'query' && callee.property.name !== 'execute') return;
        // Hono's `c.req.query('q')` reads the URL's query string, not the store.
        const receiver = callee.object;
        if (
          receiver.type === 'MemberExpression' &&
          !receiver.computed &&
          receiver.property.type === 'Identifier' &&
          receiver.property.name === 'req'
        )
          return;
        context.report({ node, messageId: 'query' });
      },
      ImportDeclaration(node) {
        const from = String(node.source.value);
        if (from !== 'drizzle-orm' && !from.startsWith('drizzle-orm/')) return;
        // Types (`InferSelectModel`) describe rows and run no query.
        const typeOnly = (n: object) => 'importKind' in n && n.importKind === 'type';
        if (typeOnly(node) || node.specifiers.every(typeOnly)) return;
        context.report({ node, messageId: 'drizzle' });
      },
    };
  },
};
