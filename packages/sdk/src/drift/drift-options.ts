import { defineOption, optionSchemas } from '@skygraph/core';
import { z } from 'zod';

/** Settings of a drift run, shared by `skygraph drift` and `collect --then-drift`. */
export const driftOptions = {
  alertRules: defineOption({
    flag: 'alert-rules',
    kind: 'string',
    valueName: '<file>',
    description:
      'YAML file of alert rules: sinks, rules (queries, transitions, severity), exceptions (without it drift only snapshots and diffs)',
    schema: z.string().min(1, 'expected a file path').optional(),
    group: 'drift',
  }),
  snapshotDir: defineOption({
    flag: 'snapshot-dir',
    kind: 'string',
    valueName: '<dir>',
    description:
      'Keep drift snapshots and alert state as JSON files in this folder (default: in the graph store)',
    schema: z.string().min(1, 'expected a folder path').optional(),
    group: 'drift',
  }),
  driftNamespace: defineOption({
    flag: 'drift-namespace',
    kind: 'string',
    valueName: '<name>',
    description: 'Separates the snapshots and alert state of independent drift setups sharing a store',
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'expected letters, digits, dots, dashes or underscores')
      .default('default'),
    group: 'drift',
  }),
  snapshotRetention: defineOption({
    flag: 'snapshot-retention',
    kind: 'number',
    valueName: '<n>',
    description: 'Snapshots kept per query',
    schema: optionSchemas.positiveInt(30),
    group: 'drift',
  }),
  driftQueries: defineOption({
    flag: 'drift-queries',
    kind: 'list',
    valueName: '<names>',
    description:
      'More catalogue queries to snapshot, comma-separated names (globs allowed), besides those the rules watch',
    schema: optionSchemas.list(),
    group: 'drift',
  }),
  driftTags: defineOption({
    flag: 'drift-tags',
    kind: 'list',
    valueName: '<tags>',
    description: 'More catalogue queries to snapshot, by tag, comma-separated',
    schema: optionSchemas.list(),
    group: 'drift',
  }),
};

/** `collect --then-drift`: run drift right after a sync that succeeded (or partly succeeded). */
export const thenDriftOption = {
  thenDrift: defineOption({
    flag: 'then-drift',
    kind: 'boolean',
    description: 'After the sync, run drift (snapshots, alerts) with the --alert-rules and drift settings',
    schema: z.boolean({ error: 'expected true or false' }).default(false),
    group: 'drift',
  }),
};

/** `skygraph drift --dry-run`. */
export const driftDryRunOption = {
  dryRun: defineOption({
    flag: 'dry-run',
    kind: 'boolean',
    description: 'Show the alerts drift would raise; save no snapshot, send nothing',
    schema: z.boolean({ error: 'expected true or false' }).default(false),
    group: 'drift',
  }),
};
