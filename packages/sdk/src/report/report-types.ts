import type { QuerySelector } from '../catalogue/catalogue.ts';
import type { Severity } from '../catalogue/define-query.ts';
import type { QueryResult } from '../catalogue/run-query.ts';
import type { ScopeFilter } from '../catalogue/scope-kinds.ts';
import type { LastRun } from '../client/graph-status.ts';

/** One section of a report: the catalogue queries a selector picks. */
export interface SectionSpec {
  readonly title: string;
  readonly description?: string;
  readonly select: QuerySelector;
}

/** What a report is made of; named reports and custom ones alike. */
export interface ReportSpec {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly sections: readonly SectionSpec[];
  /** Providers whose resources the summary counts. */
  readonly providers: readonly string[];
}

/** A count of something, by key (an account, a region, a resource type). */
export interface Count {
  readonly key: string;
  readonly count: number;
}

export interface ReportSummary {
  readonly findings: {
    /** Rows of finding queries: each is one problem. */
    readonly total: number;
    readonly bySeverity: Readonly<Record<Severity, number>>;
    /** Finding queries with at least one row, most severe first. */
    readonly top: readonly {
      readonly query: string;
      readonly title: string;
      readonly severity: Severity;
      readonly count: number;
    }[];
  };
  readonly resources: {
    readonly total: number;
    readonly byAccount: readonly Count[];
    readonly byRegion: readonly Count[];
    readonly byType: readonly Count[];
  };
  readonly queries: { readonly run: number; readonly skipped: number; readonly failed: number };
}

export interface ReportSection {
  readonly title: string;
  readonly description: string;
  readonly results: readonly QueryResult[];
}

/** A built report: data only, rendered by the renderers. */
export interface Report {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** ISO time the report was built. */
  readonly generatedAt: string;
  readonly scope: ScopeFilter | null;
  readonly store: { readonly kind: string; readonly location: string } | null;
  readonly lastRun: LastRun | null;
  readonly summary: ReportSummary;
  readonly sections: readonly ReportSection[];
}
