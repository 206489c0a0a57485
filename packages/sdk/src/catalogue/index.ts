export { builtinCatalogue, builtinQueries } from './builtin-catalogue.ts';
export { type Catalogue, createCatalogue, type QuerySelector } from './catalogue.ts';
export { CatalogueError } from './catalogue-error.ts';
export {
  type CommunityQuery,
  type ExportOptions,
  exportCommunityQueries,
  type ImportResult,
  importCommunityQueries,
} from './community-format.ts';
export {
  type BuiltQueryInput,
  type CatalogueQuery,
  type CypherQueryInput,
  defineQuery,
  isFinding,
  type ParamType,
  type QueryParameter,
  SEVERITIES,
  type Severity,
} from './define-query.ts';
export {
  checkColumns,
  type PreparedQuery,
  prepareQuery,
  type QueryResult,
  type RunQueryOptions,
  runCatalogueQuery,
} from './run-query.ts';
export { SCOPE_KINDS, type ScopeDeclaration, type ScopeFilter, type ScopeKind } from './scope-kinds.ts';
export { parseTagExpression, type TagExpression, type TagFilter, tagPredicate } from './tag-expression.ts';
