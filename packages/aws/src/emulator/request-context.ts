import type { AwsAccount, AwsEstate } from './estate-types.ts';

/** The emulated services, as they are counted in stats and matched by fault rules. */
export type AwsServiceName =
  | 'sts'
  | 'organizations'
  | 'ec2'
  | 'elb'
  | 'elbv2'
  | 'rds'
  | 'iam'
  | 's3'
  | 'kms'
  | 'secretsmanager'
  | 'cloudtrail'
  | 'lambda'
  | 'eks'
  | 'guardduty'
  | 'ecs'
  | 'ecr'
  | 'route53'
  | 'sqs'
  | 'sns'
  | 'dynamodb'
  | 'ssm'
  | 'autoscaling'
  | 's3control'
  | 'config'
  | 'tagging'
  | 'sso'
  | 'identitystore';

/** Who is calling: resolved from the access key id of the request's signature. */
export interface Caller {
  accountId: string;
  arn: string;
  userId: string;
  kind: 'hub' | 'user' | 'assumed-role';
  roleName?: string;
  sessionName?: string;
}

export interface RequestContext {
  service: AwsServiceName;
  operation: string;
  region: string;
  estate: AwsEstate;
  caller: Caller;
  /** The caller's account (an account the estate knows). */
  account: AwsAccount;
  requestId: string;
  /** Query parameters (Query/EC2 protocols: form body merged over the URL query). */
  params: URLSearchParams;
  /** The parsed JSON body (JSON and REST-JSON protocols; `{}` when there is none). */
  json?: Record<string, unknown>;
  /** The HTTP request (the REST protocols route and read by method, path, query and body). */
  http?: { method: string; url: URL; body: string; headers: Record<string, string | string[] | undefined> };
}

/** Values of a Query-protocol list: `Name.1`, `Name.member.1`, `Name.Item.1` ... in index order. */
export function listParam(params: URLSearchParams, name: string): string[] {
  const found: [number, string][] = [];
  const prefix = `${name}.`;
  for (const [key, value] of params) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length).split('.');
    const index = rest.length === 1 ? rest[0] : rest.length === 2 ? rest[1] : undefined;
    if (index !== undefined && /^\d+$/.test(index)) found.push([Number(index), value]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/**
 * Structure lists of the Query protocols: `Filter.1.Name` (EC2), `Filters.Filter.1.Name` (RDS),
 * `Targets.member.1.Id` (ELBv2). Returns one record per index with the remaining key path.
 */
export function structListParam(params: URLSearchParams, name: string): Map<string, string>[] {
  const byIndex = new Map<number, Map<string, string>>();
  const prefix = `${name}.`;
  for (const [key, value] of params) {
    if (!key.startsWith(prefix)) continue;
    const parts = key.slice(prefix.length).split('.');
    let i = 0;
    if (!/^\d+$/.test(parts[0] ?? '')) i = 1;
    const index = parts[i];
    if (index === undefined || !/^\d+$/.test(index) || parts.length <= i + 1) continue;
    const entry = byIndex.get(Number(index)) ?? new Map<string, string>();
    entry.set(parts.slice(i + 1).join('.'), value);
    byIndex.set(Number(index), entry);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** Values under a sub-list of a structure entry (`Value.1`, `Values.Value.1`, `Values.member.1`). */
export function subList(entry: Map<string, string>, name: string): string[] {
  const found: [number, string][] = [];
  for (const [key, value] of entry) {
    const parts = key.split('.');
    if (parts[0] !== name) continue;
    const index = parts.length === 2 ? parts[1] : parts.length === 3 ? parts[2] : undefined;
    if (index !== undefined && /^\d+$/.test(index)) found.push([Number(index), value]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** A regional resource set of the caller's account, or an empty one. */
export function regionOf(ctx: RequestContext) {
  return ctx.account.regions[ctx.region];
}
