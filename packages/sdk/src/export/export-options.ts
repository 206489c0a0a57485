import { defineOption, optionSchemas } from '@skygraph/core';
import { z } from 'zod';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Settings of `skygraph export elasticsearch`. */
export const exportOptions = {
  esUrl: defineOption({
    flag: 'es-url',
    kind: 'string',
    valueName: '<url>',
    description: 'Elasticsearch URL, e.g. https://es.example.com:9200 (required unless --dry-run)',
    schema: z
      .string()
      .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'expected an http(s) URL')
      .optional(),
    group: 'export',
  }),
  esIndexPrefix: defineOption({
    flag: 'es-index-prefix',
    kind: 'string',
    valueName: '<prefix>',
    description: 'Daily indices are <prefix>-YYYY.MM.DD; the index template covers <prefix>-*',
    schema: z.string().min(1).default('skygraph'),
    group: 'export',
  }),
  esApiKeyEnvVar: defineOption({
    flag: 'es-api-key-env-var',
    kind: 'string',
    valueName: '<NAME>',
    description: 'Name of the environment variable that holds an Elasticsearch API key (encoded form)',
    schema: z
      .string()
      .regex(ENV_NAME, 'expected the name of an environment variable, e.g. ES_API_KEY')
      .optional(),
    group: 'export',
  }),
  esUsername: defineOption({
    flag: 'es-username',
    kind: 'string',
    valueName: '<user>',
    description: 'Elasticsearch user for basic auth (with --es-password-env-var)',
    schema: z.string().min(1).optional(),
    group: 'export',
  }),
  esPasswordEnvVar: defineOption({
    flag: 'es-password-env-var',
    kind: 'string',
    valueName: '<NAME>',
    description: 'Name of the environment variable that holds the Elasticsearch password',
    schema: z
      .string()
      .regex(ENV_NAME, 'expected the name of an environment variable, e.g. ES_PASSWORD')
      .optional(),
    group: 'export',
  }),
  esCaCert: defineOption({
    flag: 'es-ca-cert',
    kind: 'string',
    valueName: '<file>',
    description: 'PEM file of the CA that signed the cluster certificate',
    schema: z.string().min(1).optional(),
    group: 'export',
  }),
  exportQueries: defineOption({
    flag: 'export-queries',
    kind: 'list',
    valueName: '<names>',
    description: 'Catalogue queries to export, comma-separated names (globs allowed)',
    schema: optionSchemas.list(),
    group: 'export',
  }),
  exportTags: defineOption({
    flag: 'export-tags',
    kind: 'list',
    valueName: '<tags>',
    description: 'Catalogue queries to export, by tag, comma-separated',
    schema: optionSchemas.list(),
    group: 'export',
  }),
  dryRun: defineOption({
    flag: 'dry-run',
    kind: 'boolean',
    description: 'Print the index template and the bulk requests instead of sending them (no network at all)',
    schema: z.boolean({ error: 'expected true or false' }).default(false),
    group: 'export',
  }),
};
