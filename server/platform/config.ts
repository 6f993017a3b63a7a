import path from 'node:path';
import { z } from 'zod';
import { defaultTimeZone, isTimeZone } from '../../shared/format/russian.ts';
import { messages } from './messages.ts';

/** A configuration problem that stops the server with one sentence naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']))
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** Each variable with the sentence shown when its value is wrong. */
const variables = {
  PORT: { schema: z.coerce.number().int().min(1).max(65535), problem: messages.config.port },
  PROFROST_DATA_DIR: { schema: z.string().trim().min(1), problem: messages.config.dir },
  PROFROST_PUBLIC_URL: { schema: z.url({ protocol: /^https?$/ }), problem: messages.config.url },
  PROFROST_DEMO: { schema: flag, problem: messages.config.flag },
  PROFROST_REPORT_MIN_GROUP: { schema: z.coerce.number().int().min(3).max(1000), problem: messages.config.minGroup },
  PROFROST_TIME_ZONE: { schema: z.string().trim().refine(isTimeZone), problem: messages.config.timeZone },
} as const;

export interface Config {
  port: number;
  /** Absolute path of the folder with the SQLite database and backups. */
  dataDir: string;
  /** The address teachers' browsers reach the server at; the extension is built with it. */
  publicUrl: string;
  /** Seed demo data into a database that is new. */
  demo: boolean;
  /**
   * K: the fewest teachers a number in a summary or a report page may describe;
   * smaller ones are suppressed. Never below 3, 5 by default.
   */
  minGroup: number;
  /** The deployment's time zone for the times the screens show (IANA name, Europe/Moscow by default; Asia/Yakutsk at UTC+9). */
  timeZone?: string;
}

export const defaultMinGroup = 5;

export interface ConfigDefaults {
  /** `npm start` seeds demo data unless PROFROST_DEMO says otherwise; `profrost serve` does not. */
  demo: boolean;
}

function read<K extends keyof typeof variables>(env: NodeJS.ProcessEnv, name: K): z.output<(typeof variables)[K]['schema']> | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const result = variables[name].schema.safeParse(raw);
  if (!result.success) throw new ConfigError(messages.config.invalid(name, variables[name].problem, raw));
  return result.data as z.output<(typeof variables)[K]['schema']>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = { demo: false }): Config {
  const port = read(env, 'PORT') ?? 8787;
  const dataDir = path.resolve(read(env, 'PROFROST_DATA_DIR') ?? './data');
  const publicUrl = (read(env, 'PROFROST_PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const demo = read(env, 'PROFROST_DEMO') ?? defaults.demo;
  const minGroup = read(env, 'PROFROST_REPORT_MIN_GROUP') ?? defaultMinGroup;
  const timeZone = read(env, 'PROFROST_TIME_ZONE') ?? defaultTimeZone;
  return { port, dataDir, publicUrl, demo, minGroup, timeZone };
}
