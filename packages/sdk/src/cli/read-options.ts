import { defineOption } from '@skygraph/core';
import { z } from 'zod';
import type { ScopeFilter } from '../catalogue/index.ts';

/** Flags that narrow catalogue queries to one account, project or Workspace customer (always a parameter). */
export const scopeOptions = {
  account: defineOption({
    flag: 'account',
    kind: 'string',
    valueName: '<id-or-name>',
    description: 'Only this AWS account (id or name)',
    schema: z.string().min(1).optional(),
    group: 'scope',
  }),
  project: defineOption({
    flag: 'project',
    kind: 'string',
    valueName: '<id>',
    description: 'Only this GCP project (id, number or name)',
    schema: z.string().min(1).optional(),
    group: 'scope',
  }),
  customer: defineOption({
    flag: 'customer',
    kind: 'string',
    valueName: '<id>',
    description: 'Only this Google Workspace customer',
    schema: z.string().min(1).optional(),
    group: 'scope',
  }),
};

export function scopeFilterOf(config: {
  account?: string | undefined;
  project?: string | undefined;
  customer?: string | undefined;
}): ScopeFilter | undefined {
  const scope: ScopeFilter = {
    ...(config.account ? { account: config.account } : {}),
    ...(config.project ? { project: config.project } : {}),
    ...(config.customer ? { customer: config.customer } : {}),
  };
  return Object.keys(scope).length > 0 ? scope : undefined;
}
