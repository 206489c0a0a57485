import { z } from 'zod';
import { defineOption, optionSchemas } from './options.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The settings of the engine and of every run, whatever the providers. */
export const coreOptions = {
  store: defineOption({
    flag: 'store',
    kind: 'string',
    valueName: '<path-or-uri>',
    description:
      'Graph store: bolt://, bolt+s://, neo4j://, neo4j+s:// for Neo4j, or a file path for the embedded store (default ~/.skygraph/graph.grafeo, or $SKYGRAPH_HOME/graph.grafeo)',
    schema: z.string().min(1, 'expected a path or a Neo4j URI').optional(),
    group: 'store',
  }),
  neo4jUser: defineOption({
    flag: 'neo4j-user',
    kind: 'string',
    valueName: '<user>',
    description: 'Neo4j user name',
    schema: z.string().min(1).optional(),
    group: 'store',
  }),
  neo4jPasswordEnvVar: defineOption({
    flag: 'neo4j-password-env-var',
    kind: 'string',
    valueName: '<NAME>',
    description:
      'Name of the environment variable that holds the Neo4j password (the password itself is never a flag)',
    schema: z
      .string()
      .regex(ENV_NAME, 'expected the name of an environment variable, e.g. NEO4J_PASSWORD')
      .optional(),
    group: 'store',
  }),
  neo4jDatabase: defineOption({
    flag: 'neo4j-database',
    kind: 'string',
    valueName: '<name>',
    description: 'Neo4j database name (default: the server default)',
    schema: z.string().min(1).optional(),
    group: 'store',
  }),
  providers: defineOption({
    flag: 'providers',
    kind: 'list',
    valueName: '<list>',
    description:
      'Providers to sync, comma-separated: aws,gcp,gsuite (default: those with credentials configured)',
    schema: z.array(z.enum(['aws', 'gcp', 'gsuite'], { error: 'expected aws, gcp or gsuite' })).default([]),
    group: 'run',
  }),
  updateTag: defineOption({
    flag: 'update-tag',
    kind: 'number',
    valueName: '<int>',
    description: 'Update tag of the run (default: now, in seconds); jobs that split one estate share one',
    schema: z
      .number({ error: 'expected a whole number' })
      .int('expected a whole number')
      .positive()
      .optional(),
    group: 'run',
  }),
  concurrency: defineOption({
    flag: 'concurrency',
    kind: 'number',
    valueName: '<n>',
    description: 'Scopes (account/region, project, domain) synced at once, over all providers',
    schema: optionSchemas.positiveInt(16),
    group: 'run',
  }),
  batchSize: defineOption({
    flag: 'batch-size',
    kind: 'number',
    valueName: '<n>',
    description: 'Rows per write transaction',
    schema: optionSchemas.positiveInt(1000),
    group: 'run',
  }),
  failFast: defineOption({
    flag: 'fail-fast',
    kind: 'boolean',
    description: 'Stop at the first failed scope (default: sync every other scope, exit 1 at the end)',
    schema: z.boolean({ error: 'expected true or false' }).default(false),
    group: 'run',
  }),
  leaseWait: defineOption({
    flag: 'lease-wait',
    kind: 'number',
    valueName: '<seconds>',
    description: 'Wait up to this long for a scope another run is syncing (default 0: skip it and report)',
    schema: z.number().int().nonnegative('expected 0 or more seconds').default(0),
    group: 'run',
  }),
  changeRetentionDays: defineOption({
    flag: 'change-retention-days',
    kind: 'number',
    valueName: '<days>',
    description:
      'Days the change log keeps what each sync added, removed and changed (0 turns the change log off)',
    schema: z.number().int().nonnegative('expected 0 or more days').default(30),
    group: 'run',
  }),
  logLevel: defineOption({
    flag: 'log-level',
    kind: 'string',
    valueName: '<level>',
    description: `Log level: ${LOG_LEVELS.join(', ')}`,
    schema: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    group: 'output',
  }),
  jsonLogs: defineOption({
    flag: 'json-logs',
    kind: 'boolean',
    description: 'Log JSON lines (default when standard error is not a terminal)',
    schema: z.boolean({ error: 'expected true or false' }).optional(),
    group: 'output',
  }),
};
