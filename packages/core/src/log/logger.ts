import { pino } from 'pino';

export type Logger = pino.Logger;
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * Paths of log fields that may carry secrets; pino replaces their values.
 * Credentials are never logged on purpose; this is the net under that rule.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'secretAccessKey',
  '*.secretAccessKey',
  '*.SecretAccessKey',
  'sessionToken',
  '*.sessionToken',
  '*.SessionToken',
  'token',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.refresh_token',
  '*.private_key',
  '*.apiKey',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'credentials',
  '*.credentials',
];

export interface LoggerOptions {
  level?: LogLevel;
  /** JSON lines (for machines); otherwise a compact human line format. */
  json?: boolean;
  /** Where logs go; standard error by default, so standard output stays for results. */
  destination?: NodeJS.WritableStream;
}

/** Creates the structured logger (pino) with secrets redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? process.stderr;
  const base = {
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: undefined,
  };
  if (options.json ?? true) return pino(base, destination as pino.DestinationStream);
  return pino({ ...base, timestamp: false }, humanStream(destination));
}

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

function humanStream(destination: NodeJS.WritableStream): pino.DestinationStream {
  return {
    write(line: string) {
      const { level, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const extra = Object.entries(rest)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      destination.write(
        `${LEVELS[level as number] ?? level} ${String(msg ?? '')}${extra ? ` ${extra}` : ''}\n`,
      );
    },
  };
}

/** A logger that drops everything (tests, library use without logging). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
