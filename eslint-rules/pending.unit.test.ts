// The pending lists of eslint.config.js can only shrink: each listed file must still break the rule
// it is excused from, so a file fixed by a restructuring fails here until its line is deleted (and
// the rule then guards it). Each file is linted with that one rule, as the main configuration sets it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../eslint.config.js';

const root = path.resolve(import.meta.dirname, '..');
const prefix = 'pending: issue 15 / ';

interface Block {
  name?: string;
  files?: unknown[];
  rules?: Record<string, unknown>;
  plugins?: Record<string, ESLint.Plugin>;
  settings?: Record<string, unknown>;
}
const blocks = config as Block[];

/** The rule's setting in the block that turns the slice conventions on. */
function settingOf(rule: string): Linter.RuleEntry {
  const block = blocks.find((b) => b.rules?.[rule] !== undefined && b.rules[rule] !== 'off');
  if (!block) throw new Error(`no block of eslint.config.js turns ${rule} on`);
  return block.rules?.[rule] as Linter.RuleEntry;
}

const conventions = blocks.find((b) => b.name === 'concord: slice conventions');
const pending = blocks.filter((b) => b.name?.startsWith(prefix));

describe('the pending lists of eslint.config.js', () => {
  // A list emptied by the restructuring is deleted, and its rule then guards every file.
  it('has at most one list per rule of the slice conventions, none empty', () => {
    const rules = pending.map((b) => b.name?.slice(prefix.length));
    expect(new Set(rules).size).toBe(rules.length);
    for (const rule of rules)
      expect([
        'concord/no-cross-slice-table',
        'concord/no-role-check-in-view',
        'concord/sql-in-data-module',
        'import-x/no-cycle',
        'max-lines',
        'max-lines-per-function',
      ]).toContain(rule);
    for (const block of pending) expect(block.files?.length, block.name).toBeGreaterThan(0);
  });

  // Each listed file parsed once, with every rule it is excused from on: file → the rules it breaks.
  const broken = new Map<string, Set<string>>();
  beforeAll(() => {
    const linter = new Linter({ cwd: root });
    const excused = new Map<string, string[]>();
    for (const block of pending.filter((b) => b.name !== `${prefix}import-x/no-cycle`))
      for (const file of block.files as string[]) excused.set(file, [...(excused.get(file) ?? []), block.name?.slice(prefix.length) ?? '']);
    for (const [file, rules] of excused) {
      // A file moved or deleted breaks nothing any more.
      if (!existsSync(path.join(root, file))) continue;
      const messages = linter.verify(
        readFileSync(path.join(root, file), 'utf8'),
        [
          {
            files: ['**/*.ts', '**/*.tsx'],
            languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
            plugins: { concord: conventions?.plugins?.concord as ESLint.Plugin },
            rules: Object.fromEntries(rules.map((rule) => [rule, settingOf(rule)])),
          },
        ],
        path.join(root, file),
      );
      broken.set(file, new Set(messages.map((m) => m.ruleId ?? '')));
    }
  }, 120_000);

  for (const block of pending.filter((b) => b.name !== `${prefix}import-x/no-cycle`)) {
    const rule = block.name?.slice(prefix.length) ?? '';
    it(`lists only files that still break ${rule}`, () => {
      const fixed = (block.files as string[]).filter((file) => !broken.get(file)?.has(rule));
      expect(fixed, `these files no longer break ${rule}: delete them from its pending list`).toEqual([]);
    });
  }

  it('lists only files still on an import cycle (or none, the rule then on everywhere)', async () => {
    const block = pending.find((b) => b.name === `${prefix}import-x/no-cycle`);
    const files = (block?.files ?? []) as string[];
    // No file excused: the rule is on for all production source.
    if (files.length === 0) return expect(settingOf('import-x/no-cycle')).toEqual(['error', { ignoreExternal: true }]);
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts', '**/*.tsx'],
          languageOptions: { parser: tseslint.parser },
          plugins: { 'import-x': conventions?.plugins?.['import-x'] as ESLint.Plugin },
          settings: conventions?.settings ?? {},
          rules: { 'import-x/no-cycle': settingOf('import-x/no-cycle') },
        },
      ],
    });
    const results = await eslint.lintFiles(files);
    const fixed = results
      .filter((r) => !r.messages.some((m) => m.ruleId === 'import-x/no-cycle'))
      .map((r) => path.relative(root, r.filePath));
    expect(fixed, 'these files are on no import cycle any more: delete them from its pending list').toEqual([]);
  }, 120_000);
});
