// Every setting, read from the environment once and validated.
import { z } from 'zod';
import path from 'node:path';

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// address' }).optional());

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  CONCORD_DATA_DIR: z.string().trim().min(1).default('./var/db'),
  DATABASE_URL: optionalUrl.optional(),
  CONCORD_OPERATOR_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  CONCORD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CONCORD_MAX_UPLOAD_MB: z.coerce.number().positive().default(25),
  CONCORD_LOG: z.enum(['silent', 'info', 'debug']).default('info'),
  SMTP_URL: z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// address' }))
    .optional(),
  CONCORD_TRUST_PROXY: z
    .string()
    .regex(/^(\d{1,2}|true|false)$/, 'must be 0, 1 (true), false, or the number of proxies')
    .default('0'),
  SMTP_FROM: z.string().trim().min(3).default('Concord <concord@localhost>'),
  CONCORD_PUBLIC_URL: z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }))
    .optional(),
  CONCORD_CHROMIUM: z.string().trim().min(1).default('/usr/bin/chromium'),
  CONCORD_LIBRARY: z.enum(['on', 'off'], 'must be on or off').default('on'),
  CONCORD_REGISTRIES: z.enum(['on', 'off'], 'must be on or off').default('on'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  operatorToken: string | undefined;
  secret: string | undefined;
  maxUploadMb: number;
  log: 'silent' | 'info' | 'debug';
  /**
   * How many reverse proxies in front of Concord append to X-Forwarded-For (0: none; the client
   * address is then the socket's). Only the entries those proxies added are believed.
   */
  trustProxy: number;
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Where readers reach this instance (links in mail); defaults to http://HOST:PORT. */
  publicUrl: string;
  /** The chromium that prints reports to PDF (Debian's by default). */
  chromium: string;
  /** Whether a start reads the shipped core library (data/documents) in the background. */
  readLibrary: boolean;
  /** Whether a start loads the shipped registries (data/registries) in the background. */
  readRegistries: boolean;
}

export class ConfigError extends Error {}

/** Reads the configuration; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Concord's configuration is not valid:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.CONCORD_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    operatorToken: c.CONCORD_OPERATOR_TOKEN,
    secret: c.CONCORD_SECRET,
    maxUploadMb: c.CONCORD_MAX_UPLOAD_MB,
    log: c.CONCORD_LOG,
    trustProxy: c.CONCORD_TRUST_PROXY === 'true' ? 1 : c.CONCORD_TRUST_PROXY === 'false' ? 0 : Number(c.CONCORD_TRUST_PROXY),
    smtpUrl: c.SMTP_URL,
    smtpFrom: c.SMTP_FROM,
    publicUrl: (c.CONCORD_PUBLIC_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/$/, ''),
    chromium: c.CONCORD_CHROMIUM,
    readLibrary: c.CONCORD_LIBRARY === 'on',
    readRegistries: c.CONCORD_REGISTRIES === 'on',
  };
}
