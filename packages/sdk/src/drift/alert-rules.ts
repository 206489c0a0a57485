import { z } from 'zod';
import { SEVERITY_ASCENDING as SEVERITIES } from './finding-query.ts';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const envName = (what: string) =>
  z
    .string({ error: `expected the name of the environment variable that holds ${what}` })
    .regex(
      ENV_NAME,
      `expected the name of an environment variable (e.g. SLACK_WEBHOOK_URL), not ${what} itself`,
    );

/** The transitions of a finding an alert rule can fire on. */
export const TRANSITIONS = ['added', 'removed', 'changed'] as const;
export type Transition = (typeof TRANSITIONS)[number];

const httpUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), 'expected an http(s) URL');

const slackSink = z.strictObject({
  type: z.literal('slack'),
  /** The incoming webhook URL is a secret: only the variable's name is in the file. */
  webhookUrlEnv: envName('the Slack incoming webhook URL'),
  /** Alerts per message (Slack allows 50 blocks; each alert takes about four). */
  batchSize: z.number().int().min(1).max(12).default(10),
});

const jiraSink = z
  .strictObject({
    type: z.literal('jira'),
    url: httpUrl,
    /** REST API version: 2 (plain-text descriptions) or 3 (Atlassian Document Format). */
    apiVersion: z.union([z.literal(2), z.literal(3)]).default(2),
    /** Jira Cloud searches with `/search/jql`; Data Center and Server with `/search`. */
    deployment: z.enum(['cloud', 'datacenter'], { error: 'expected cloud or datacenter' }).default('cloud'),
    project: z.string().min(1, 'expected a project key, e.g. SEC'),
    issueType: z.string().min(1).default('Bug'),
    emailEnv: envName('the Jira user e-mail').optional(),
    apiTokenEnv: envName('the Jira API token').optional(),
    /** For Data Center personal access tokens (Bearer). */
    bearerTokenEnv: envName('the Jira personal access token').optional(),
    labels: z.array(z.string().regex(/^\S+$/, 'Jira labels cannot contain spaces')).default([]),
    /** Extra fields merged into every issue, as Jira's create-issue API takes them. */
    fields: z.record(z.string(), z.unknown()).default({}),
    /** Priority name per severity, e.g. `{ critical: Highest, high: High }`. */
    priorities: z.partialRecord(z.enum(SEVERITIES), z.string()).default({}),
  })
  .refine((sink) => (sink.emailEnv !== undefined) === (sink.apiTokenEnv !== undefined), {
    message: 'emailEnv and apiTokenEnv go together (Jira Cloud basic auth)',
  })
  .refine((sink) => sink.apiTokenEnv !== undefined || sink.bearerTokenEnv !== undefined, {
    message: 'set emailEnv and apiTokenEnv (Jira Cloud) or bearerTokenEnv (Data Center)',
  });

const webhookSink = z
  .strictObject({
    type: z.literal('webhook'),
    url: httpUrl.optional(),
    /** When the URL itself carries a token, keep it in the environment. */
    urlEnv: envName('the webhook URL').optional(),
    /** HMAC-SHA256 signing secret, from the environment. */
    secretEnv: envName('the signing secret').optional(),
    signatureHeader: z.string().min(1).default('X-Skygraph-Signature-256'),
    headers: z.record(z.string(), z.string()).default({}),
    batchSize: z.number().int().min(1).max(1000).default(100),
  })
  .refine((sink) => (sink.url === undefined) !== (sink.urlEnv === undefined), {
    message: 'set exactly one of url and urlEnv',
  });

const stdoutSink = z.strictObject({ type: z.literal('stdout') });

const sink = z.discriminatedUnion('type', [slackSink, jiraSink, webhookSink, stdoutSink], {
  error: 'expected type: slack, jira, webhook or stdout',
});

const isoDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString() : value;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  // A date alone means "through that day": the exception lapses when the next UTC day starts.
  const at = dateOnly ? Date.parse(`${text}T00:00:00Z`) + 86_400_000 : Date.parse(text);
  if (Number.isNaN(at) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'expected a date, e.g. 2027-03-31 or 2027-03-31T12:00:00Z' });
    return z.NEVER;
  }
  return { text, endsAt: new Date(at) };
});

const rule = z
  .strictObject({
    name: z.string().min(1).regex(/^\S+$/, 'rule names cannot contain spaces'),
    /** Query names (globs). */
    queries: z.array(z.string().min(1)).default([]),
    tags: z.array(z.string().min(1)).default([]),
    on: z
      .array(z.enum(TRANSITIONS, { error: `expected one of ${TRANSITIONS.join(', ')}` }))
      .min(1)
      .default(['added']),
    minSeverity: z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(', ')}` }).default('info'),
    sinks: z.array(z.string().min(1)).min(1, 'a rule needs at least one sink'),
  })
  .refine((r) => r.queries.length > 0 || r.tags.length > 0, {
    message: 'a rule selects queries by name (queries) or by tag (tags)',
  });

const exception = z.strictObject({
  /** Query names (globs); none: every query. */
  queries: z.array(z.string().min(1)).default([]),
  /** Rule names; none: every rule. */
  rules: z.array(z.string().min(1)).default([]),
  /** Identity column -> glob of the value; every entry must match. */
  match: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String))
    .refine((m) => Object.keys(m).length > 0, 'an exception matches at least one identity column'),
  reason: z
    .string({ error: 'every exception needs a reason' })
    .trim()
    .min(3, 'every exception needs a reason'),
  expires: isoDate.optional(),
});

/** The schema of an alert rules file (YAML or JSON). */
export const alertRulesSchema = z
  .strictObject({
    version: z.literal(1, { error: 'expected version: 1' }).default(1),
    /** On a query's first snapshot: `silent` records the findings as known, `alert` alerts them all. */
    baseline: z.enum(['silent', 'alert']).default('silent'),
    sinks: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'sink names: letters, digits, . _ -'), sink),
    rules: z.array(rule).min(1, 'at least one rule'),
    exceptions: z.array(exception).default([]),
    delivery: z
      .strictObject({
        retries: z.number().int().min(0).max(10).default(3),
        timeoutSeconds: z.number().positive().max(300).default(15),
        minRetryDelayMs: z.number().int().min(1).default(500),
        /** How long one run may spend delivering, all sinks together; what is left stays pending. */
        deadlineSeconds: z.number().positive().max(3600).default(120),
      })
      .default({ retries: 3, timeoutSeconds: 15, minRetryDelayMs: 500, deadlineSeconds: 120 }),
  })
  .superRefine((config, ctx) => {
    const names = new Set<string>();
    config.rules.forEach((r, index) => {
      if (names.has(r.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'name'],
          message: `duplicate rule "${r.name}"`,
        });
      }
      names.add(r.name);
      r.sinks.forEach((name, i) => {
        if (!(name in config.sinks)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules', index, 'sinks', i],
            message: `unknown sink "${name}" (defined: ${Object.keys(config.sinks).join(', ') || 'none'})`,
          });
        }
      });
    });
    config.exceptions.forEach((e, index) => {
      e.rules.forEach((name, i) => {
        if (!names.has(name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['exceptions', index, 'rules', i],
            message: `unknown rule "${name}"`,
          });
        }
      });
    });
  });

/** A validated alert rules file. */
export type AlertRules = z.output<typeof alertRulesSchema>;
export type AlertRule = AlertRules['rules'][number];
export type AlertException = AlertRules['exceptions'][number];
export type SinkConfig = AlertRules['sinks'][string];
export type SlackSinkConfig = Extract<SinkConfig, { type: 'slack' }>;
export type JiraSinkConfig = Extract<SinkConfig, { type: 'jira' }>;
export type WebhookSinkConfig = Extract<SinkConfig, { type: 'webhook' }>;
/** What a rules file may hold before defaults apply. */
export type AlertRulesInput = z.input<typeof alertRulesSchema>;
