// `concord <command>`: operator commands against the configured store (CONCORD_DATA_DIR or
// DATABASE_URL). Later domains add their commands (ingest, import, user) here.
import { parseArgs } from 'node:util';
import { sql, empty } from './store/sql.ts';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { openStore, type Store } from './store/index.ts';
import { migrate } from './store/migrate.ts';
import { seedFrameworks } from './frameworks/seed.ts';
import { seedIndicators } from './indicators/seed.ts';
import { readFile, writeFile } from 'node:fs/promises';
import {
  describeImport,
  exportFormats,
  exportObservations,
  importFormats,
  importObservations,
  type ExportFormat,
  type ImportFormat,
} from './indicators/service.ts';
import { listFrameworks } from './frameworks/service.ts';
import { createUser, findUserByEmail, setPassword, setRole, type Role } from './accounts/service.ts';
import { Refusal } from './shared/refusal.ts';
import { translator } from './i18n/index.ts';
import { newToken } from './accounts/tokens.ts';
import { refreshAreaGroups } from './initiatives/area-groups.ts';
import { areaCatalog } from './areas/index.ts';
import { isLanguage, languages, type Language } from './language/languages.ts';
import { documentFiles, describeIngest } from './documents/files.ts';
import { ingestFile } from './documents/service.ts';
import { libraryState } from './documents/library.ts';
import { storeMatcherSuggestions } from './documents/paragraph-links.ts';
import { DocumentReadError } from './documents/model.ts';

interface Command {
  summary: string;
  usage: string;
  run(args: string[], config: Config): Promise<number>;
}

async function withStore<T>(config: Config, work: (store: Store) => Promise<T>, migrateOnOpen = true): Promise<T> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: migrateOnOpen });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function where(config: Config): string {
  return config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded store in ${config.dataDir}`;
}

const commands: Record<string, Command> = {
  seed: {
    summary: 'Load the framework reference data (idempotent: a second run changes nothing)',
    usage: 'concord seed [--data DIR]',
    async run(args, config) {
      const { values } = parseArgs({ args, options: { data: { type: 'string' } } });
      return withStore(config, async (store) => {
        const report = await seedFrameworks(store, values.data, 'concord seed');
        console.log(`Reference data ${report.checksum.slice(0, 12)} in ${where(config)}:`);
        for (const table of Object.keys(report.inserted)) {
          console.log(
            `  ${table.padEnd(26)} ${String(report.inserted[table]).padStart(5)} inserted ${String(report.updated[table]).padStart(5)} updated`,
          );
        }
        const regrouped = await refreshAreaGroups(store, await areaCatalog());
        if (regrouped) console.log(`  country-group tokens redone for ${regrouped} initiatives`);
        console.log(report.unchanged && !regrouped ? 'Nothing changed: the store already held this data.' : 'Done.');
        const indicators = await seedIndicators(store, 'concord seed');
        console.log(
          indicators.unchanged
            ? 'Indicators: nothing changed.'
            : `Indicators: ${indicators.indicators} indicators, ${indicators.targets} targets, ${indicators.links} links; observations ${indicators.observations.inserted} inserted, ${indicators.observations.updated} updated; assessed ${indicators.assessed.join(', ') || 'none'}.`,
        );
        return 0;
      });
    },
  },
  migrate: {
    summary: 'Apply pending database migrations',
    usage: 'concord migrate',
    async run(_args, config) {
      return withStore(
        config,
        async (store) => {
          const applied = await migrate(store);
          console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
          return 0;
        },
        false,
      );
    },
  },
  status: {
    summary: 'Show the store, its schema and what it holds',
    usage: 'concord status',
    async run(_args, config) {
      return withStore(config, async (store) => {
        const [release] = await store.db.query<{ checksum: string; loaded_at: string }>(
          sql`SELECT checksum, loaded_at FROM reference_releases WHERE dataset = 'frameworks'`,
        );
        const migrations = await store.db.query<{ tag: string }>(sql`SELECT tag FROM concord_migrations ORDER BY tag`);
        const [links] = await store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM links`);
        console.log(`Store: ${where(config)}`);
        console.log(`Schema: ${migrations.length} migrations (${migrations.at(-1)?.tag ?? 'none'})`);
        console.log(
          release
            ? `Reference data: ${release.checksum.slice(0, 12)}, loaded ${release.loaded_at}`
            : 'Reference data: not loaded (run concord seed)',
        );
        for (const f of await listFrameworks(store.db))
          console.log(`  ${f.id.padEnd(5)} ${String(f.elementCount).padStart(5)} elements  ${f.languages.join(' ')}`);
        console.log(`Links: ${links?.n ?? 0}`);
        const library = await libraryState(store.db);
        console.log(
          `Library: ${library.read} of ${library.total} documents read${library.waiting.length ? `; to read: ${library.waiting.join(', ')}` : ''}`,
        );
        for (const f of library.failures) console.log(`  could not read ${f.file}: ${f.reason}`);
        return 0;
      });
    },
  },
};

/** The password from standard input (--password-stdin), or a new random one to print once. */
async function passwordFrom(useStdin: boolean | undefined): Promise<{ password: string; generated: boolean }> {
  if (!useStdin) return { password: newToken(18), generated: true };
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password.length < 10) throw new Error('the password on standard input is shorter than 10 characters');
  return { password, generated: false };
}

const roles: Role[] = ['contributor', 'reviewer', 'administrator'];

const userCommands: Record<string, (args: string[], config: Config) => Promise<number>> = {
  async create(args, config) {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        admin: { type: 'boolean' },
        role: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    });
    if (!values.email || !values.name) throw new UsageError('--email and --name are required');
    const role = (values.admin ? 'administrator' : (values.role ?? 'contributor')) as Role;
    if (!roles.includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
    const { password, generated } = await passwordFrom(values['password-stdin']);
    return withStore(config, async (store) => {
      const user = await createUser(store, { email: values.email!, name: values.name!, password, role }, 'concord user create');
      console.log(`Created ${user.role} ${user.email} (${user.id}).`);
      if (generated) console.log(`Password (shown once; change it after signing in): ${password}`);
      return 0;
    });
  },
  async password(args, config) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, 'password-stdin': { type: 'boolean' } } });
    if (!values.email) throw new UsageError('--email is required');
    const { password, generated } = await passwordFrom(values['password-stdin']);
    return withStore(config, async (store) => {
      const user = await findUserByEmail(store.db, values.email!);
      if (!user) throw new Error(`no account has the address ${values.email}`);
      await setPassword(store, user.id, password, 'concord user password');
      console.log(`New password set for ${user.email}; their sessions were signed out.`);
      if (generated) console.log(`Password (shown once): ${password}`);
      return 0;
    });
  },
  async role(args, config) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, role: { type: 'string' } } });
    if (!values.email || !values.role || !roles.includes(values.role as Role))
      throw new UsageError(`--email and --role (${roles.join(', ')}) are required`);
    return withStore(config, async (store) => {
      const user = await findUserByEmail(store.db, values.email!);
      if (!user) throw new Error(`no account has the address ${values.email}`);
      await setRole(store, 'concord user role', user.id, values.role as Role);
      console.log(`${user.email} is now ${values.role}.`);
      return 0;
    });
  },
};

class UsageError extends Error {}

commands.ingest = {
  summary: 'Read UN documents (txt, Markdown, HTML, DOCX, PDF; files or folders) into the store',
  usage: 'concord ingest <file|folder...> [--lang ar|zh|en|fr|ru|es] [--symbol A/RES/79/194]',
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { lang: { type: 'string' }, symbol: { type: 'string' } },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file or folder');
    if (values.lang !== undefined && !isLanguage(values.lang)) throw new UsageError(`--lang must be one of ${languages.join(', ')}`);
    const lang = values.lang;
    const files = await documentFiles(positionals);
    if (files.length === 0) throw new UsageError('no document files found there');
    if (values.symbol && files.length > 1) throw new UsageError('--symbol names one document: give one file with it');
    return withStore(config, async (store) => {
      let failed = 0;
      for (const file of files) {
        try {
          const result = await ingestFile(
            store,
            await readFile(file),
            { fileName: file, provenance: 'concord ingest' },
            { ...(lang ? { lang } : {}), ...(values.symbol ? { symbol: values.symbol } : {}) },
          );
          console.log(describeIngest(file, result));
        } catch (error) {
          failed++;
          if (error instanceof DocumentReadError) console.error(`${file}: not ingested (${error.code}): ${error.message}`);
          else console.error(`${file}: not ingested: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (files.length > 1) console.log(`${files.length - failed} of ${files.length} files ingested into ${where(config)}.`);
      return failed ? 1 : 0;
    });
  },
};

commands.suggest = {
  summary: "Store the matcher's link suggestions for documents read before suggestions were stored (links already there stay)",
  usage: 'concord suggest [--document ID]',
  async run(args, config) {
    const { values } = parseArgs({ args, options: { document: { type: 'string' } } });
    return withStore(config, async (store) => {
      const versions = await store.db.query<{ id: number; document_id: string; lang: Language }>(
        sql`SELECT id, document_id, lang FROM document_versions ${values.document ? sql`WHERE document_id = ${values.document}` : empty}
            ORDER BY document_id, lang`,
      );
      if (values.document && versions.length === 0) throw new UsageError(`no document ${values.document}`);
      for (const v of versions) {
        const added = await store.transaction((tx) => storeMatcherSuggestions(tx, Number(v.id), v.lang));
        console.log(`${v.document_id} (${v.lang}): ${added} suggestion(s) added`);
      }
      return 0;
    });
  },
};

const observationCommands: Record<string, (args: string[], config: Config) => Promise<number>> = {
  async import(args, config) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, source: { type: 'string' } },
    });
    const file = positionals[0];
    if (!file) throw new UsageError('name the file to import');
    if (values.format !== undefined && !(importFormats as readonly string[]).includes(values.format))
      throw new UsageError(`--format must be one of ${importFormats.join(', ')}`);
    const text = await readFile(file, 'utf8');
    return withStore(config, async (store) => {
      const report = await importObservations(store, text, {
        actor: 'concord observations import',
        ...(values.format ? { format: values.format as ImportFormat } : {}),
        ...(values.source ? { defaultSource: values.source } : {}),
      });
      (report.ok ? console.log : console.error)(describeImport(report));
      return report.ok ? 0 : 1;
    });
  },
  async export(args, config) {
    const { values } = parseArgs({
      args,
      options: { indicator: { type: 'string' }, area: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    });
    const format = (values.format ?? 'csv') as ExportFormat;
    if (!(exportFormats as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${exportFormats.join(', ')}`);
    return withStore(config, async (store) => {
      const text = await exportObservations(
        store.db,
        { ...(values.indicator ? { indicator: values.indicator } : {}), ...(values.area ? { areas: values.area.split(',') } : {}) },
        format,
      );
      if (values.out) await writeFile(values.out, text);
      else process.stdout.write(text);
      return 0;
    });
  },
};

commands.observations = {
  summary: 'Import observations (all or nothing, with a row-by-row report) or export them',
  usage:
    'concord observations import FILE [--format csv|sdmx-csv|sdmx-json|sdmx-ml] [--source ID]\n' +
    '             concord observations export [--indicator CODE] [--area CODES] [--format csv|sdmx-csv|sdmx-json] [--out FILE]',
  async run(args, config) {
    const [sub, ...rest] = args;
    const command = sub ? observationCommands[sub] : undefined;
    if (!command) throw new UsageError('choose import or export');
    return command(rest, config);
  },
};

commands.user = {
  summary: 'Manage accounts: create (the first administrator), password, role',
  usage:
    'concord user create --email E --name N [--admin | --role R] [--password-stdin]\n' +
    '             concord user password --email E [--password-stdin]\n' +
    '             concord user role --email E --role contributor|reviewer|administrator',
  async run(args, config) {
    const [sub, ...rest] = args;
    const command = sub ? userCommands[sub] : undefined;
    if (!command) throw new UsageError('choose create, password or role');
    return command(rest, config);
  },
};

function help(): void {
  console.log('Usage: concord <command> [options]\n\nCommands:');
  for (const [name, c] of Object.entries(commands)) console.log(`  ${name.padEnd(10)} ${c.summary}\n             ${c.usage}`);
  console.log('\nThe store is the one Concord serves: CONCORD_DATA_DIR (default ./var/db) or DATABASE_URL.');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help();
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`concord: unknown command "${name}". Run "concord help" for the list.`);
    return 2;
  }
  try {
    return await command.run(args, loadConfig());
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`concord ${name}: ${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof Refusal) {
      console.error(`concord ${name}: ${translator('en')(error.key, error.values)}`);
      return 1;
    }
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`concord ${name}: ${error.message}\nUsage: ${command.usage}`);
      return 2;
    } else console.error(`concord ${name} failed:`, error instanceof Error ? error.message : error);
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2));
}
