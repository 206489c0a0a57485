/**
 * Resource Manager v3 resources as the REST API documents them (and as the
 * Cloud client library decodes them). `state` is the enum name, or its
 * number when a client asked for numeric enums.
 */
export interface CrmOrganization {
  /** `organizations/<id>`. */
  name?: string | null;
  displayName?: string | null;
  directoryCustomerId?: string | null;
  state?: unknown;
}

export interface CrmFolder {
  /** `folders/<id>`. */
  name?: string | null;
  /** `organizations/<id>` or `folders/<id>`. */
  parent?: string | null;
  displayName?: string | null;
  state?: unknown;
}

export interface CrmProject {
  /** `projects/<number>`. */
  name?: string | null;
  parent?: string | null;
  projectId?: string | null;
  displayName?: string | null;
  state?: unknown;
  labels?: Record<string, string> | null;
}

const STATES: Record<number, string> = { 0: 'STATE_UNSPECIFIED', 1: 'ACTIVE', 2: 'DELETE_REQUESTED' };

/** The lifecycle state's name, whichever enum encoding the client used. */
export function stateName(state: unknown): string | null {
  if (typeof state === 'number') return STATES[state] ?? String(state);
  if (typeof state === 'string' && state !== '') return state;
  return null;
}

/** `projects/123` -> `123`. */
export function projectNumberOf(project: CrmProject): string | null {
  const match = /^projects\/(\d+)$/.exec(project.name ?? '');
  return match?.[1] ?? null;
}
