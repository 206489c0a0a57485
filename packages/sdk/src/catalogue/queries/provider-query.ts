import type { ColumnSpec, RowOfColumns } from '../../query/column-spec.ts';
import { type CatalogueQuery, type CypherQueryInput, defineQuery } from '../define-query.ts';
import type { ScopeDeclaration } from '../scope-kinds.ts';

type ProviderInput<C extends Record<string, ColumnSpec>> = Omit<CypherQueryInput<C>, 'provider' | 'scope'> & {
  /** Default: the provider's scope on variable `a` (AWS) / `p` (GCP) / `c` (Workspace); null: not scopable. */
  scope?: ScopeDeclaration | null;
};

/** Defines an AWS query: tagged `aws`, scoped by the account bound to `a` unless told otherwise. */
export function awsQuery<const C extends Record<string, ColumnSpec>>(
  input: ProviderInput<C>,
): CatalogueQuery<RowOfColumns<C>> {
  return defineQuery<C>({
    ...input,
    provider: 'aws',
    tags: ['aws', ...input.tags],
    scope: input.scope === undefined ? { kind: 'account', variable: 'a' } : input.scope,
  });
}

/** Defines a GCP query: tagged `gcp`, scoped by the project bound to `p` unless told otherwise. */
export function gcpQuery<const C extends Record<string, ColumnSpec>>(
  input: ProviderInput<C>,
): CatalogueQuery<RowOfColumns<C>> {
  return defineQuery<C>({
    ...input,
    provider: 'gcp',
    tags: ['gcp', ...input.tags],
    scope: input.scope === undefined ? { kind: 'project', variable: 'p' } : input.scope,
  });
}

/** Defines a Google Workspace query: tagged `gsuite`, scoped by the customer bound to `c` unless told otherwise. */
export function gsuiteQuery<const C extends Record<string, ColumnSpec>>(
  input: ProviderInput<C>,
): CatalogueQuery<RowOfColumns<C>> {
  return defineQuery<C>({
    ...input,
    provider: 'gsuite',
    tags: ['gsuite', ...input.tags],
    scope: input.scope === undefined ? { kind: 'customer', variable: 'c' } : input.scope,
  });
}
