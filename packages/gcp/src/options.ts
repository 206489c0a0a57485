import { type ConfigOf, defineOption, optionSchemas } from '@skygraph/core';
import { z } from 'zod';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The GCP API families a sync can cover. */
export const GCP_SERVICES = ['crm', 'compute', 'gke', 'storage'] as const;
export type GcpService = (typeof GCP_SERVICES)[number];

const idList = (what: string, pattern: RegExp) =>
  z
    .array(z.string().regex(pattern, `expected ${what}`))
    .default([])
    .transform((ids) => ids.map((id) => id.replace(/^(organizations|folders)\//, '')));

/**
 * The settings of the GCP provider. Every option is also an environment
 * variable `SKYGRAPH_<FLAG>` (e.g. `SKYGRAPH_GCP_PROJECTS`) and a config-file key.
 * `googleAccessTokenEnvVar` is shared with the Workspace provider.
 */
export const gcpOptions = {
  gcpOrganizations: defineOption({
    flag: 'gcp-organizations',
    kind: 'list',
    valueName: '<ids>',
    description:
      'Organisations to sync, comma-separated numeric ids or organizations/<id> (default: every organisation the credentials can see)',
    schema: idList('a numeric organisation id, e.g. 123456789012', /^(organizations\/)?\d+$/),
    group: 'gcp',
  }),
  gcpProjects: defineOption({
    flag: 'gcp-projects',
    kind: 'list',
    valueName: '<ids>',
    description: 'Only these project ids, comma-separated (default: every active project found)',
    schema: optionSchemas.list(),
    group: 'gcp',
  }),
  gcpExcludeProjects: defineOption({
    flag: 'gcp-exclude-projects',
    kind: 'list',
    valueName: '<ids>',
    description: 'Project ids to skip, comma-separated',
    schema: optionSchemas.list(),
    group: 'gcp',
  }),
  gcpFolders: defineOption({
    flag: 'gcp-folders',
    kind: 'list',
    valueName: '<ids>',
    description:
      'Only projects under these folders (at any depth), comma-separated numeric ids or folders/<id>',
    schema: idList('a numeric folder id, e.g. 123456789012', /^(folders\/)?\d+$/),
    group: 'gcp',
  }),
  gcpExcludeFolders: defineOption({
    flag: 'gcp-exclude-folders',
    kind: 'list',
    valueName: '<ids>',
    description: 'Skip the projects under these folders (at any depth), comma-separated',
    schema: idList('a numeric folder id, e.g. 123456789012', /^(folders\/)?\d+$/),
    group: 'gcp',
  }),
  gcpServices: defineOption({
    flag: 'gcp-services',
    kind: 'list',
    valueName: '<list>',
    description: `What to sync, comma-separated: ${GCP_SERVICES.join(',')} (default: all; crm is the organisation/folder/project hierarchy)`,
    schema: z
      .array(z.enum(GCP_SERVICES, { error: `expected some of ${GCP_SERVICES.join(', ')}` }))
      .default([])
      .transform((list) => (list.length === 0 ? [...GCP_SERVICES] : [...new Set(list)])),
    group: 'gcp',
  }),
  gcpEndpoint: defineOption({
    flag: 'gcp-endpoint',
    kind: 'string',
    valueName: '<url>',
    description:
      'One root URL for every Google Cloud API (Private Service Connect, a proxy, an emulator), e.g. https://gcp-apis.internal.example.com',
    schema: z.url({ error: 'expected a URL such as https://gcp-apis.internal.example.com' }).optional(),
    group: 'gcp',
  }),
  googleAccessTokenEnvVar: defineOption({
    flag: 'google-access-token-env-var',
    kind: 'string',
    valueName: '<NAME>',
    description:
      'Name of the environment variable holding a pre-issued OAuth access token for Google Cloud and Workspace APIs (instead of Application Default Credentials)',
    schema: z
      .string()
      .regex(ENV_NAME, 'expected the name of an environment variable, e.g. GOOGLE_ACCESS_TOKEN')
      .optional(),
    group: 'gcp',
  }),
  gcpConcurrency: defineOption({
    flag: 'gcp-concurrency',
    kind: 'number',
    valueName: '<n>',
    description: 'GCP projects synced at once (the global --concurrency still applies)',
    schema: optionSchemas.positiveInt(8),
    group: 'gcp',
  }),
};

/** The validated GCP settings. */
export type GcpConfig = ConfigOf<typeof gcpOptions>;
