import type { ErrorKind } from '../errors/skygraph-error.ts';
import type { Logger } from '../log/logger.ts';
import type { AnyNodeSchema, NodeRow } from '../schema/define.ts';

/** The node every node of a scope hangs off, e.g. `(:AWSAccount {id})`. */
export interface ScopeOwner {
  readonly label: string;
  readonly key: string;
  readonly value: string;
}

/**
 * One unit of collection, cleanup and failure isolation: an account in a
 * region, a project, a Workspace customer. Its stale data is deleted only when
 * every collector of it succeeded.
 */
export interface Scope<C = unknown> {
  /** Unique and stable across runs, e.g. `aws/123456789012/eu-west-1`. */
  readonly id: string;
  readonly provider: string;
  readonly owner: ScopeOwner;
  /**
   * Node properties that tell this scope's nodes from those of sibling scopes
   * with the same owner (e.g. `{ region: 'eu-west-1' }`): cleanup only
   * considers nodes that match them.
   */
  readonly filters?: Readonly<Record<string, string>>;
  /** What a person reads in reports: `{ account, region }`, `{ project }`. */
  readonly labels: Readonly<Record<string, string>>;
  readonly collectors: readonly Collector<C>[];
  /** Provider state for the collectors: clients, credentials. */
  readonly context: C;
}

/** What a collector gets: the scope, cancellation, and the API call wrapper. */
export interface CollectContext<C = unknown> {
  readonly scope: Scope<C>;
  readonly context: C;
  readonly updateTag: number;
  readonly signal: AbortSignal;
  readonly log: Logger;
  /**
   * Runs one API request with retries (throttling, transient errors) and
   * counts it. `operation` names it in reports, e.g. `ec2:DescribeInstances`.
   */
  call<T>(operation: string, request: () => Promise<T>): Promise<T>;
}

/** Rows for one schema: what a transform returns. */
export interface Load<S extends AnyNodeSchema = AnyNodeSchema> {
  readonly schema: S;
  readonly rows: readonly NodeRow<S>[];
}

/** A load of any schema, as a collector returns it. */
export interface AnyLoad {
  readonly schema: AnyNodeSchema;
  readonly rows: readonly object[];
}

/** Pairs rows with their schema, type-checking the rows. */
export function load<S extends AnyNodeSchema>(schema: S, rows: readonly NodeRow<S>[]): Load<S> {
  return { schema, rows };
}

/**
 * A collector is data plus pure functions: `fetch` streams raw API pages,
 * `transform` turns one page into typed rows (pure, unit-tested on recorded
 * responses), and the runner loads them through the schemas.
 */
export interface Collector<C = unknown, Page = unknown> {
  readonly name: string;
  /** Every schema this collector writes; their stale nodes are cleaned up per scope. */
  readonly schemas: readonly AnyNodeSchema[];
  fetch(ctx: CollectContext<C>): AsyncIterable<Page>;
  transform(page: Page, ctx: CollectContext<C>): readonly AnyLoad[];
}

/** Declares a collector (typed helper). */
export function defineCollector<C, Page>(collector: Collector<C, Page>): Collector<C, Page> {
  return collector;
}

/** Hand-written Cypher run after loading, over the whole graph (Cartography's analysis jobs). */
export interface AnalysisJob {
  readonly name: string;
  readonly description: string;
  /**
   * Run in order, each with `$updateTag`, and `$moduleName`/`$moduleVersion`
   * for the relationships they write (see `writerStamp`).
   */
  readonly statements: readonly string[];
}

/**
 * A change to a graph an earlier skygraph version wrote (a renamed property,
 * a relationship no longer written), run before every sync. Its statement
 * touches at most `$batch` entities and returns how many as `migrated`; the
 * runner repeats it until it returns fewer. On a migrated graph it finds
 * nothing, so it must be cheap then (a label scan at most).
 */
export interface Migration {
  readonly name: string;
  readonly cypher: string;
}

/** What the runner gives a provider while it plans its scopes. */
export interface PlanContext {
  readonly updateTag: number;
  readonly signal: AbortSignal;
  readonly log: Logger;
  call<T>(operation: string, request: () => Promise<T>): Promise<T>;
}

/** A cloud or directory provider: its schemas, how it finds its scopes, its analysis. */
export interface Provider {
  readonly name: string;
  /** The provider package's version, written on what it loads as `_module_version`. */
  readonly version?: string;
  readonly schemas: readonly AnyNodeSchema[];
  /** Classifies API errors so the runner retries only throttling and transient failures. */
  classifyError(error: unknown): ErrorKind;
  /** Discovers the scopes to collect (accounts and regions, projects...), streaming them as found. */
  plan(ctx: PlanContext): AsyncIterable<Scope<unknown>>;
  readonly analysis?: readonly AnalysisJob[];
  /** Run before the sync, in order; see {@link Migration}. */
  readonly migrations?: readonly Migration[];
  /** At most this many of its scopes at once (the global limit still applies). */
  readonly concurrency?: number;
}
