import type { CollectContext } from '@skygraph/core';
import type { GcpClients } from './api/gcp-clients.ts';
import type { ApiGate } from './services/api-gate.ts';

/** What Resource Manager says about a project. */
export interface ProjectInfo {
  readonly projectId: string;
  readonly projectNumber?: string | undefined;
  readonly displayName?: string | undefined;
  readonly state?: string | undefined;
  /** `organizations/<id>` or `folders/<id>`. */
  readonly parent?: string | undefined;
}

/** The state every collector of one project scope shares. */
export interface ProjectContext {
  readonly project: ProjectInfo;
  readonly clients: GcpClients;
  /** Which APIs are enabled in the project (asked once, on first use). */
  readonly apis: ApiGate;
}

/** The collect context of a project scope. */
export type ProjectCollectContext = CollectContext<ProjectContext>;
