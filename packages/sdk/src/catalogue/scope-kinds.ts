/**
 * The scopes a query can be narrowed to, one per provider: the node that
 * owns a provider's resources and the properties a user may name it by.
 */
export const SCOPE_KINDS = {
  account: { provider: 'aws', label: 'AWSAccount', keys: ['id', 'name'], noun: 'AWS account' },
  project: {
    provider: 'gcp',
    label: 'GCPProject',
    keys: ['id', 'projectnumber', 'displayname'],
    noun: 'GCP project',
  },
  customer: {
    provider: 'gsuite',
    label: 'GSuiteTenant',
    keys: ['id', 'customer_id'],
    noun: 'Workspace customer',
  },
} as const satisfies Record<string, ScopeKindSpec>;

export interface ScopeKindSpec {
  readonly provider: string;
  readonly label: string;
  readonly keys: readonly string[];
  readonly noun: string;
}

/** `account` (AWS), `project` (GCP), `customer` (Google Workspace). */
export type ScopeKind = keyof typeof SCOPE_KINDS;

export const SCOPE_KIND_NAMES = Object.keys(SCOPE_KINDS) as ScopeKind[];

/** Narrows queries to one account / project / customer, by id or name: `{ account: '123456789012' }`. */
export type ScopeFilter = Partial<Record<ScopeKind, string>>;

/** Where a query's scope hangs: the variable bound to the provider's scope node. */
export interface ScopeDeclaration {
  readonly kind: ScopeKind;
  readonly variable: string;
}
