// `concord <command>`: operator commands against the configured store (CONCORD_DATA_DIR or
// DATABASE_URL). Later domains add their commands (ingest, import, user) here. Each command
// writes through an output sink and reads files from its context's working folder, so that
// while a server owns the embedded store it runs there, handed over, with the same output.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { sql, empty } from './store/sql.ts';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { openStore, type Store } from './store/index.ts';
import { migrate } from './store/migrate.ts';
import { seedFrameworks } from './frameworks/seed.ts';
import { seedIndicators } from './indicators/seed.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { describeIatiImport, importIatiFiles } from './registries/iati-import.ts';
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
import { refreshAllMandates } from './mandates/service.ts';
import { DocumentReadError } from './documents/model.ts';
import { StoreInUse } from './store/owner.ts';
import type { OutputSink } from './store/handover.ts';
import { handOverIfOwned, inUseExitCode, readStdin, terminal } from './cli-handover.ts';

/** What a command runs with: its store, where it prints, where it reads files and input from. */
export interface CommandContext {
  config: Config;
  output: OutputSink;
  /** The folder relative paths in the arguments are read from (the caller's, when handed over). */
  cwd: string;
  /** The caller's standard input, whole. */
  stdin: () => Promise<string>;
  /** Runs `work` on the store: opened and closed around it when run alone, the server's own when handed over. */
  withStore: <T>(work: (store: Store) => Promise<T>, migrateOnOpen?: boolean) => Promise<T>;
}

interface Command {
  summary: string;
  usage: string;
  run(args: string[], context: CommandContext): Promise<number>;
}

/** A path as the caller typed it, read from the caller's folder. */
function fromCaller(context: CommandContext, file: string): string {
  return path.resolve(context.cwd, file);
}

function where(config: Config): string {
  return config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded store in ${config.dataDir}`;
}

const commands: Record<string, Command> = {
  seed: {
    summary: 'Load the framework reference data (idempotent: a second run changes nothing)',
    usage: 'concord seed [--data DIR]',
    async run(args, context) {
      const { config, output, withStore } = context;
      const { values } = parseArgs({ args, options: { data: { type: 'string' } } });
      const dataFolder = values.data === undefined ? undefined : fromCaller(context, values.data);
      return withStore(async (store) => {
        const report = await seedFrameworks(store, dataFolder, 'concord seed');
        output.log(`Reference data ${report.checksum.slice(0, 12)} in ${where(config)}:`);
        for (const table of Object.keys(report.inserted)) {
          output.log(
            `  ${table.padEnd(26)} ${String(report.inserted[table]).padStart(5)} inserted ${String(report.updated[table]).padStart(5)} updated`,
          );
        }
        const regrouped = await refreshAreaGroups(store, await areaCatalog());
        if (regrouped) output.log(`  country-group tokens redone for ${regrouped} initiatives`);
        output.log(report.unchanged && !regrouped ? 'Nothing changed: the store already held this data.' : 'Done.');
        const indicators = await seedIndicators(store, 'concord seed');
        output.log(
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
    async run(_args, { output, withStore }) {
      return withStore(async (store) => {
        const applied = await migrate(store);
        output.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
        return 0;
      }, false);
    },
  },
  status: {
    summary: 'Show the store, its schema and what it holds',
    usage: 'concord status',
    async run(_args, { config, output, withStore }) {
      return withStore(async (store) => {
        const [release] = await store.db.query<{ checksum: string; loaded_at: string }>(
          sql`SELECT checksum, loaded_at FROM reference_releases WHERE dataset = 'frameworks'`,
        );
        const migrations = await store.db.query<{ tag: string }>(sql`SELECT tag FROM concord_migrations ORDER BY tag`);
        const [links] = await store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM links`);
        output.log(`Store: ${where(config)}`);
        output.log(`Schema: ${migrations.length} migrations (${migrations.at(-1)?.tag ?? 'none'})`);
        output.log(
          release
            ? `Reference data: ${release.checksum.slice(0, 12)}, loaded ${release.loaded_at}`
            : 'Reference data: not loaded (run concord seed)',
        );
        for (const f of await listFrameworks(store.db))
          output.log(`  ${f.id.padEnd(5)} ${String(f.elementCount).padStart(5)} elements  ${f.languages.join(' ')}`);
        output.log(`Links: ${links?.n ?? 0}`);
        const library = await libraryState(store.db);
        output.log(
          `Library: ${library.read} of ${library.total} documents read${library.waiting.length ? `; to read: ${library.waiting.join(', ')}` : ''}`,
        );
        for (const f of library.failures) output.log(`  could not read ${f.file}: ${f.reason}`);
        return 0;
      });
    },
  },
};

/** The password from standard input (--password-stdin), or a new random one to print once. */
async function passwordFrom(useStdin: boolean | undefined, context: CommandContext): Promise<{ password: string; generated: boolean }> {
  if (!useStdin) return { password: newToken(18), generated: true };
  const password = (await context.stdin()).replace(/\r?\n$/, '');
  if (password.length < 10) throw new Error('the password on standard input is shorter than 10 characters');
  return { password, generated: false };
}

const roles: Role[] = ['contributor', 'reviewer', 'administrator'];

const userCommands: Record<string, (args: string[], context: CommandContext) => Promise<number>> = {
  async create(args, context) {
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
    const { password, generated } = await passwordFrom(values['password-stdin'], context);
    return context.withStore(async (store) => {
      const user = await createUser(store, { email: values.email!, name: values.name!, password, role }, 'concord user create');
      context.output.log(`Created ${user.role} ${user.email} (${user.id}).`);
      if (generated) context.output.log(`Password (shown once; change it after signing in): ${password}`);
      return 0;
    });
  },
  async password(args, context) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, 'password-stdin': { type: 'boolean' } } });
    if (!values.email) throw new UsageError('--email is required');
    const { password, generated } = await passwordFrom(values['password-stdin'], context);
    return context.withStore(async (store) => {
      const user = await findUserByEmail(store.db, values.email!);
      if (!user) throw new Error(`no account has the address ${values.email}`);
      await setPassword(store, user.id, password, 'concord user password');
      context.output.log(`New password set for ${user.email}; their sessions were signed out.`);
      if (generated) context.output.log(`Password (shown once): ${password}`);
      return 0;
    });
  },
  async role(args, context) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, role: { type: 'string' } } });
    if (!values.email || !values.role || !roles.includes(values.role as Role))
      throw new UsageError(`--email and --role (${roles.join(', ')}) are required`);
    return context.withStore(async (store) => {
      const user = await findUserByEmail(store.db, values.email!);
      if (!user) throw new Error(`no account has the address ${values.email}`);
      await setRole(store, 'concord user role', user.id, values.role as Role);
      context.output.log(`${user.email} is now ${values.role}.`);
      return 0;
    });
  },
};

class UsageError extends Error {}

commands.ingest = {
  summary: 'Read UN documents (txt, Markdown, HTML, DOCX, PDF; files or folders) into the store',
  usage: 'concord ingest <file|folder...> [--lang ar|zh|en|fr|ru|es] [--symbol A/RES/79/194]',
  async run(args, context) {
    const { config, output } = context;
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { lang: { type: 'string' }, symbol: { type: 'string' } },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file or folder');
    if (values.lang !== undefined && !isLanguage(values.lang)) throw new UsageError(`--lang must be one of ${languages.join(', ')}`);
    const lang = values.lang;
    // Read from the caller's folder, named as the caller named them (relative stays relative).
    const files: { read: string; shown: string }[] = [];
    for (const given of positionals) {
      for (const found of await documentFiles([fromCaller(context, given)]))
        files.push({ read: found, shown: path.isAbsolute(given) ? found : path.relative(context.cwd, found) });
    }
    if (files.length === 0) throw new UsageError('no document files found there');
    if (values.symbol && files.length > 1) throw new UsageError('--symbol names one document: give one file with it');
    return context.withStore(async (store) => {
      let failed = 0;
      for (const { read, shown: file } of files) {
        try {
          const result = await ingestFile(
            store,
            await readFile(read),
            { fileName: file, provenance: 'concord ingest' },
            { ...(lang ? { lang } : {}), ...(values.symbol ? { symbol: values.symbol } : {}) },
          );
          output.log(describeIngest(file, result));
        } catch (error) {
          failed++;
          if (error instanceof DocumentReadError) output.error(`${file}: not ingested (${error.code}): ${error.message}`);
          else output.error(`${file}: not ingested: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (files.length > 1) output.log(`${files.length - failed} of ${files.length} files ingested into ${where(config)}.`);
      return failed ? 1 : 0;
    });
  },
};

commands.suggest = {
  summary: "Store the matcher's link suggestions for documents read before suggestions were stored (links already there stay)",
  usage: 'concord suggest [--document ID]',
  async run(args, { output, withStore }) {
    const { values } = parseArgs({ args, options: { document: { type: 'string' } } });
    return withStore(async (store) => {
      const versions = await store.db.query<{ id: number; document_id: string; lang: Language }>(
        sql`SELECT id, document_id, lang FROM document_versions ${values.document ? sql`WHERE document_id = ${values.document}` : empty}
            ORDER BY document_id, lang`,
      );
      if (values.document && versions.length === 0) throw new UsageError(`no document ${values.document}`);
      for (const v of versions) {
        const added = await store.transaction((tx) => storeMatcherSuggestions(tx, Number(v.id), v.lang));
        output.log(`${v.document_id} (${v.lang}): ${added} suggestion(s) added`);
      }
      return 0;
    });
  },
};

commands.mandates = {
  summary: 'Read the mandates of documents stored before the mandate tracker existed (corrections and answers stay)',
  usage: 'concord mandates',
  async run(_args, { output, withStore }) {
    return withStore(async (store) => {
      output.log(`${await refreshAllMandates(store)} mandate(s) read`);
      return 0;
    });
  },
};

const importCommands: Record<string, (args: string[], context: CommandContext) => Promise<number>> = {
  async iati(args, context) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length === 0) throw new UsageError('name at least one IATI activity file');
    return context.withStore(async (store) => {
      // Streamed from disk: a file is never held whole in memory.
      const report = await importIatiFiles(
        store,
        positionals.map((file) => ({ name: file, open: () => createReadStream(fromCaller(context, file)) })),
      );
      const lines = describeIatiImport(report);
      for (const line of lines) (report.load ? context.output.log : context.output.error)(line);
      return report.load ? 0 : 1;
    });
  },
};

commands.import = {
  summary:
    'Import registry files: IATI activity files (all or nothing, with an activity-by-activity report; a second import changes nothing)',
  usage: 'concord import iati FILE...',
  async run(args, context) {
    const [sub, ...rest] = args;
    const command = sub ? importCommands[sub] : undefined;
    if (!command) throw new UsageError('name what to import: iati');
    return command(rest, context);
  },
};

const observationCommands: Record<string, (args: string[], context: CommandContext) => Promise<number>> = {
  async import(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, source: { type: 'string' } },
    });
    const file = positionals[0];
    if (!file) throw new UsageError('name the file to import');
    if (values.format !== undefined && !(importFormats as readonly string[]).includes(values.format))
      throw new UsageError(`--format must be one of ${importFormats.join(', ')}`);
    const text = await readFile(fromCaller(context, file), 'utf8');
    return context.withStore(async (store) => {
      const report = await importObservations(store, text, {
        actor: 'concord observations import',
        ...(values.format ? { format: values.format as ImportFormat } : {}),
        ...(values.source ? { defaultSource: values.source } : {}),
      });
      (report.ok ? context.output.log : context.output.error)(describeImport(report));
      return report.ok ? 0 : 1;
    });
  },
  async export(args, context) {
    const { values } = parseArgs({
      args,
      options: { indicator: { type: 'string' }, area: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    });
    const format = (values.format ?? 'csv') as ExportFormat;
    if (!(exportFormats as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${exportFormats.join(', ')}`);
    return context.withStore(async (store) => {
      const text = await exportObservations(
        store.db,
        { ...(values.indicator ? { indicator: values.indicator } : {}), ...(values.area ? { areas: values.area.split(',') } : {}) },
        format,
      );
      if (values.out) await writeFile(fromCaller(context, values.out), text);
      else context.output.write(text);
      return 0;
    });
  },
};

commands.observations = {
  summary: 'Import observations (all or nothing, with a row-by-row report) or export them',
  usage:
    'concord observations import FILE [--format csv|sdmx-csv|sdmx-json|sdmx-ml] [--source ID]\n' +
    '             concord observations export [--indicator CODE] [--area CODES] [--format csv|sdmx-csv|sdmx-json] [--out FILE]',
  async run(args, context) {
    const [sub, ...rest] = args;
    const command = sub ? observationCommands[sub] : undefined;
    if (!command) throw new UsageError('choose import or export');
    return command(rest, context);
  },
};

commands.user = {
  summary: 'Manage accounts: create (the first administrator), password, role',
  usage:
    'concord user create --email E --name N [--admin | --role R] [--password-stdin]\n' +
    '             concord user password --email E [--password-stdin]\n' +
    '             concord user role --email E --role contributor|reviewer|administrator',
  async run(args, context) {
    const [sub, ...rest] = args;
    const command = sub ? userCommands[sub] : undefined;
    if (!command) throw new UsageError('choose create, password or role');
    return command(rest, context);
  },
};

function help(output: OutputSink): void {
  output.log('Usage: concord <command> [options]\n\nCommands:');
  for (const [name, c] of Object.entries(commands)) output.log(`  ${name.padEnd(10)} ${c.summary}\n             ${c.usage}`);
  output.log('\nThe store is the one Concord serves: CONCORD_DATA_DIR (default ./var/db) or DATABASE_URL.');
  output.log('While a server owns the embedded store, every command is handed to it and runs there.');
}

/**
 * Runs one command (`argv` without the program name) in `context` and returns its exit code;
 * every error becomes a message on the context's output. The server runs handed-over commands
 * through here too.
 */
export async function runCommand(argv: string[], context: CommandContext): Promise<number> {
  const { output } = context;
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(output);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    output.error(`concord: unknown command "${name}". Run "concord help" for the list.`);
    return 2;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      output.error(`concord ${name}: ${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof StoreInUse) {
      output.error(`concord ${name}: ${error.message}`);
      return inUseExitCode;
    }
    if (error instanceof Refusal) {
      output.error(`concord ${name}: ${translator('en')(error.key, error.values)}`);
      return 1;
    }
    if (error instanceof ConfigError) output.error(error.message);
    else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      output.error(`concord ${name}: ${error.message}\nUsage: ${command.usage}`);
      return 2;
    } else output.error(`concord ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** The context of a command run in this process: it opens the store, owning it while it works. */
function localContext(config: Config, name: string): CommandContext {
  return {
    config,
    output: terminal,
    cwd: process.cwd(),
    stdin: readStdin,
    async withStore(work, migrateOnOpen = true) {
      const store = await openStore({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        migrate: migrateOnOpen,
        owner: `concord ${name}`,
      });
      try {
        return await work(store);
      } finally {
        await store.close();
      }
    },
  };
}

/**
 * `concord …` as typed: on the embedded store owned by a live server, the command is handed to
 * that server; owned by another command, it is refused (exit 2); else it runs here.
 */
export async function runCli(argv: string[]): Promise<number> {
  const handedOver = await handOverIfOwned(argv);
  if (handedOver !== undefined) return handedOver;
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  return runCommand(argv, localContext(config, argv[0] ?? ''));
}

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2));
}
