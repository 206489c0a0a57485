import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors/skygraph-error.ts';

export type OptionKind = 'string' | 'number' | 'boolean' | 'list';

/** One setting: its flag, its environment variable, its config-file key, its validation. */
export interface OptionSpec<T extends z.ZodType = z.ZodType> {
  /** The flag without dashes, e.g. `aws-role-name`; the contract scripts and docs rely on. */
  readonly flag: string;
  readonly kind: OptionKind;
  readonly description: string;
  /** Shown in help, e.g. `<path-or-uri>`. */
  readonly valueName?: string;
  readonly schema: T;
  /** Which part of the docs lists it. */
  readonly group: string;
  /**
   * A secret, or where one is kept: its value is never shown, not even in an
   * error. Every `*-env-var` option counts as one (a secret pasted in place
   * of a variable name must not be printed back).
   */
  readonly secret?: boolean;
}

/** Whether an option's value must never be shown. */
export function isSecretOption(spec: Pick<OptionSpec, 'flag' | 'secret'>): boolean {
  return spec.secret === true || spec.flag.endsWith('-env-var');
}

/** Declares an option (typed helper). */
export function defineOption<T extends z.ZodType>(spec: OptionSpec<T>): OptionSpec<T> {
  return spec;
}

/** The validated config a set of options describes. */
export type ConfigOf<O extends Record<string, OptionSpec>> = { [K in keyof O]: z.output<O[K]['schema']> };

/** `aws-role-name` -> `SKYGRAPH_AWS_ROLE_NAME`. */
export function envNameOf(flag: string): string {
  return `SKYGRAPH_${flag.toUpperCase().replaceAll('-', '_')}`;
}

/** `aws-role-name` -> `awsRoleName`. */
export function camelOf(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export interface ConfigSources {
  /** Values from parsed flags, keyed by config key (camelCase); undefined when not given. */
  flags?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** A JSON or YAML file with config keys (camelCase or flag names). */
  file?: string;
}

/**
 * Resolves options from defaults < config file < environment < flags, and
 * validates them. Errors name the setting, where its value came from, and
 * what is expected.
 */
export function resolveConfig<O extends Record<string, OptionSpec>>(
  options: O,
  sources: ConfigSources,
): ConfigOf<O> {
  const fileValues = sources.file ? readConfigFile(sources.file, options) : {};
  const env = sources.env ?? process.env;
  const raw: Record<string, { value: unknown; from: string }> = {};
  for (const [key, spec] of Object.entries(options)) {
    const envName = envNameOf(spec.flag);
    const flagValue = sources.flags?.[key];
    if (flagValue !== undefined) raw[key] = { value: flagValue, from: `--${spec.flag}` };
    else if (env[envName] !== undefined && env[envName] !== '')
      raw[key] = { value: env[envName], from: envName };
    else if (fileValues[key] !== undefined)
      raw[key] = { value: fileValues[key], from: `${key} in ${sources.file}` };
  }
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(options)) {
    const given = raw[key];
    const value = given === undefined ? undefined : coerce(spec.kind, given.value);
    const parsed = spec.schema.safeParse(value);
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      const where = given ? `${given.from}` : `--${spec.flag}`;
      const shown = given && !isSecretOption(spec) ? ` (got ${JSON.stringify(given.value)})` : '';
      const issue = parsed.error.issues[0];
      problems.push(`${where}: ${issue?.message ?? 'invalid value'}${shown}`);
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return out as ConfigOf<O>;
}

function coerce(kind: OptionKind, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  switch (kind) {
    case 'number':
      return text === '' || Number.isNaN(Number(text)) ? text : Number(text);
    case 'boolean':
      if (/^(true|1|yes|on)$/i.test(text)) return true;
      if (/^(false|0|no|off)$/i.test(text)) return false;
      return text;
    case 'list':
      return text === ''
        ? []
        : text
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item.length > 0);
    default:
      return text;
  }
}

function readConfigFile(path: string, options: Record<string, OptionSpec>): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`--config: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(
      `--config: ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`--config: ${path} must hold a mapping of settings, e.g. "concurrency: 8"`);
  }
  const known = new Map<string, string>();
  for (const [key, spec] of Object.entries(options)) {
    known.set(key, key);
    known.set(spec.flag, key);
  }
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    const key = known.get(name);
    if (!key) {
      throw new ConfigError(
        `--config: unknown setting "${name}" in ${path}; known: ${[...new Set(known.values())].sort().join(', ')}`,
      );
    }
    out[key] = value;
  }
  return out;
}

/** Zod helpers for common option shapes. */
export const optionSchemas = {
  positiveInt: (fallback: number) =>
    z
      .number({ error: 'expected a whole number' })
      .int('expected a whole number')
      .positive('expected a number above 0')
      .default(fallback),
  list: () => z.array(z.string()).default([]),
};
