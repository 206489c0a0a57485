import { ConfigError, type RetryPolicy } from '@skygraph/core';
import type { AlertRules } from '../alert-rules.ts';
import { createJiraSink } from './jira-sink.ts';
import type { AlertSink } from './sink.ts';
import { createSlackSink } from './slack-sink.ts';
import { createStdoutSink } from './stdout-sink.ts';
import { createWebhookSink } from './webhook-sink.ts';

export interface CreateSinksOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Where the stdout sink writes (default: standard output). */
  readonly stdout?: NodeJS.WritableStream;
  /** Overrides the rules file's delivery settings (tests use short delays). */
  readonly retry?: Partial<RetryPolicy>;
}

/**
 * Builds the sinks a rules file declares, reading their secrets from the
 * environment variables it names. Every missing variable is reported at
 * once, by name (never a value).
 */
export function createSinks(rules: AlertRules, options: CreateSinksOptions = {}): Map<string, AlertSink> {
  const env = options.env ?? process.env;
  const retry: RetryPolicy = {
    retries: rules.delivery.retries,
    minTimeoutMs: rules.delivery.minRetryDelayMs,
    maxTimeoutMs: Math.max(rules.delivery.minRetryDelayMs, 30_000),
    ...options.retry,
  };
  const timeoutMs = rules.delivery.timeoutSeconds * 1000;
  const missing: string[] = [];
  const read = (sink: string, variable: string): string => {
    const value = env[variable];
    if (value === undefined || value === '') {
      missing.push(`sinks.${sink}: the environment variable ${variable} is not set`);
      return '';
    }
    return value;
  };
  const sinks = new Map<string, AlertSink>();
  for (const [name, config] of Object.entries(rules.sinks)) {
    switch (config.type) {
      case 'slack':
        sinks.set(
          name,
          createSlackSink({
            name,
            webhookUrl: read(name, config.webhookUrlEnv),
            batchSize: config.batchSize,
            retry,
            timeoutMs,
          }),
        );
        break;
      case 'jira': {
        const auth =
          config.emailEnv !== undefined && config.apiTokenEnv !== undefined
            ? { email: read(name, config.emailEnv), apiToken: read(name, config.apiTokenEnv) }
            : { bearerToken: read(name, config.bearerTokenEnv ?? '') };
        sinks.set(name, createJiraSink({ name, config, auth, retry, timeoutMs }));
        break;
      }
      case 'webhook': {
        const url = config.url ?? read(name, config.urlEnv ?? '');
        const secret = config.secretEnv === undefined ? undefined : read(name, config.secretEnv);
        sinks.set(
          name,
          createWebhookSink({
            name,
            url,
            ...(secret === undefined ? {} : { secret }),
            signatureHeader: config.signatureHeader,
            headers: config.headers,
            batchSize: config.batchSize,
            retry,
            timeoutMs,
          }),
        );
        break;
      }
      case 'stdout':
        sinks.set(name, createStdoutSink(name, options.stdout));
        break;
    }
  }
  if (missing.length > 0) throw new ConfigError(`alert sinks cannot start:\n  - ${missing.join('\n  - ')}`);
  return sinks;
}
