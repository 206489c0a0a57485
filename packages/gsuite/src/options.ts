import { type ConfigOf, defineOption } from '@skygraph/core';
import { z } from 'zod';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** How the Workspace provider authenticates. */
export const GSUITE_AUTH_MODES = ['delegated', 'oauth', 'default'] as const;
export type GsuiteAuthMode = (typeof GSUITE_AUTH_MODES)[number];

/**
 * The settings of the Google Workspace provider; each is also an environment
 * variable `SKYGRAPH_<FLAG>` and a config-file key. A pre-issued access token
 * comes through the GCP provider's `--google-access-token-env-var`, passed to
 * `createGsuiteProvider(config, { accessToken })`.
 */
export const gsuiteOptions = {
  gsuiteAuth: defineOption({
    flag: 'gsuite-auth',
    kind: 'string',
    valueName: '<mode>',
    description:
      'delegated: a service account with domain-wide delegation acting as --gsuite-admin-email; oauth: an OAuth client and refresh token; default: Application Default Credentials',
    schema: z
      .enum(GSUITE_AUTH_MODES, { error: `expected one of ${GSUITE_AUTH_MODES.join(', ')}` })
      .default('delegated'),
    group: 'gsuite',
  }),
  gsuiteAdminEmail: defineOption({
    flag: 'gsuite-admin-email',
    kind: 'string',
    valueName: '<email>',
    description: 'The Workspace administrator the service account acts as (delegated auth)',
    schema: z.email({ error: 'expected an email address, e.g. admin@example.com' }).optional(),
    group: 'gsuite',
  }),
  gsuiteCredentialsEnvVar: defineOption({
    flag: 'gsuite-credentials-env-var',
    kind: 'string',
    valueName: '<NAME>',
    description:
      'Name of the environment variable holding the service-account key JSON (delegated) or the OAuth client and refresh token JSON (oauth); delegated falls back to the GOOGLE_APPLICATION_CREDENTIALS file',
    schema: z
      .string()
      .regex(ENV_NAME, 'expected the name of an environment variable, e.g. GSUITE_CREDENTIALS')
      .optional(),
    group: 'gsuite',
  }),
  gsuiteCustomer: defineOption({
    flag: 'gsuite-customer',
    kind: 'string',
    valueName: '<id>',
    description: 'Workspace customer id (default my_customer: the administrator’s own)',
    schema: z.string().min(1).default('my_customer'),
    group: 'gsuite',
  }),
  gsuiteEndpoint: defineOption({
    flag: 'gsuite-endpoint',
    kind: 'string',
    valueName: '<url>',
    description: 'Root URL for the Admin SDK (a proxy, Private Service Connect, an emulator)',
    schema: z.url({ error: 'expected a URL such as https://admin-api.internal.example.com' }).optional(),
    group: 'gsuite',
  }),
};

/** The validated Workspace settings. */
export type GsuiteConfig = ConfigOf<typeof gsuiteOptions>;
