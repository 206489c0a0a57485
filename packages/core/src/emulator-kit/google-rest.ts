import type { ServerResponse } from 'node:http';

/**
 * One error as Google APIs put it on the wire: the HTTP status, the canonical
 * `status` name, and the legacy `errors[]` entry with `reason`/`domain` that
 * the discovery-based clients (googleapis) surface as `err.errors`.
 */
export interface GoogleErrorSpec {
  httpStatus: number;
  status: string;
  message: string;
  reason: string;
  domain?: string;
  /** Extra keys of the `errors[0]` entry (e.g. `location`, `extendedHelp`). */
  errorExtras?: Record<string, string>;
  /** `google.rpc` detail messages (ErrorInfo, Help, ...), each with its `@type`. */
  details?: Array<Record<string, unknown>>;
  headers?: Record<string, string>;
}

export class GoogleApiError extends Error {
  constructor(readonly spec: GoogleErrorSpec) {
    super(spec.message);
    this.name = 'GoogleApiError';
  }
}

export function googleErrorBody(spec: GoogleErrorSpec): { error: Record<string, unknown> } {
  const error: Record<string, unknown> = {
    code: spec.httpStatus,
    message: spec.message,
    errors: [
      { message: spec.message, domain: spec.domain ?? 'global', reason: spec.reason, ...spec.errorExtras },
    ],
    status: spec.status,
  };
  if (spec.details && spec.details.length > 0) error.details = spec.details;
  return { error };
}

export function sendJson(
  res: ServerResponse,
  httpStatus: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(httpStatus, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    vary: 'Origin, X-Origin, Referer',
    ...headers,
  });
  res.end(text);
}

export function sendGoogleError(res: ServerResponse, spec: GoogleErrorSpec): void {
  sendJson(res, spec.httpStatus, googleErrorBody(spec), spec.headers);
}

/** 401 exactly as Google answers a request without credentials. */
export function unauthenticatedError(): GoogleErrorSpec {
  return {
    httpStatus: 401,
    status: 'UNAUTHENTICATED',
    message:
      'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    reason: 'required',
    errorExtras: { location: 'Authorization', locationType: 'header' },
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'CREDENTIALS_MISSING',
        domain: 'googleapis.com',
      },
    ],
    headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' },
  };
}

export function invalidArgument(message: string, reason = 'invalid'): GoogleErrorSpec {
  return { httpStatus: 400, status: 'INVALID_ARGUMENT', message, reason };
}

export function notFoundError(message: string): GoogleErrorSpec {
  return { httpStatus: 404, status: 'NOT_FOUND', message, reason: 'notFound' };
}

/** Accepts `Authorization: Bearer <token>` (any non-empty token) or an `access_token` query parameter. */
export function hasCredentials(authorization: string | undefined, query: URLSearchParams): boolean {
  const match = /^Bearer\s+(\S+)/i.exec(authorization ?? '');
  return match !== null || (query.get('access_token') ?? '') !== '';
}

// ---- paging ------------------------------------------------------------------

/** Page tokens are opaque to callers; here they carry an offset and the list they belong to. */
export function encodePageToken(offset: number, listKey: string): string {
  return Buffer.from(JSON.stringify({ o: offset, k: listKey })).toString('base64url');
}

export function decodePageToken(token: string | null, listKey: string): number {
  if (token === null || token === '') return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'o' in parsed &&
      'k' in parsed &&
      typeof parsed.o === 'number' &&
      Number.isInteger(parsed.o) &&
      parsed.o >= 0 &&
      parsed.k === listKey
    ) {
      return parsed.o;
    }
  } catch {
    // fall through to the error below
  }
  throw new GoogleApiError(invalidArgument('Invalid page token.', 'invalid'));
}

export interface Page<T> {
  items: T[];
  nextPageToken: string | undefined;
}

export function paginate<T>(items: readonly T[], pageSize: number, offset: number, listKey: string): Page<T> {
  const slice = items.slice(offset, offset + pageSize);
  const end = offset + slice.length;
  return { items: slice, nextPageToken: end < items.length ? encodePageToken(end, listKey) : undefined };
}

/**
 * Reads an integer page-size parameter. `max` either clamps (APIs that document
 * "the server may return fewer") or, with `rejectAbove`, fails like Compute does.
 */
export function readPageSize(
  query: URLSearchParams,
  name: string,
  options: { default: number; max: number; rejectAbove?: boolean },
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return options.default;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new GoogleApiError(invalidArgument(`Invalid value for field '${name}': '${raw}'.`));
  }
  if (value === 0) return options.default;
  if (value > options.max) {
    if (options.rejectAbove) {
      throw new GoogleApiError(
        invalidArgument(
          `Invalid value for field '${name}': '${raw}'. Must be less than or equal to ${options.max}`,
        ),
      );
    }
    return options.max;
  }
  return value;
}

// ---- partial responses (`fields=`) ------------------------------------------------

type FieldTree = Map<string, FieldTree | true>;

function parseFields(text: string): FieldTree {
  let pos = 0;
  const parseList = (): FieldTree => {
    const tree: FieldTree = new Map();
    for (;;) {
      let name = '';
      while (pos < text.length && !',()'.includes(text[pos] ?? '')) name += text[pos++];
      const path = name
        .trim()
        .split('/')
        .filter((part) => part !== '');
      let sub: FieldTree | true = true;
      if (text[pos] === '(') {
        pos++;
        sub = parseList();
        if (text[pos] !== ')') throw new GoogleApiError(invalidArgument(`Invalid field selection ${text}`));
        pos++;
      }
      if (path.length > 0) {
        let node = tree;
        for (const [index, part] of path.entries()) {
          if (index === path.length - 1) {
            node.set(part, sub);
          } else {
            const existing = node.get(part);
            const child: FieldTree = existing instanceof Map ? existing : new Map();
            node.set(part, child);
            node = child;
          }
        }
      }
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      return tree;
    }
  };
  const tree = parseList();
  if (pos !== text.length) throw new GoogleApiError(invalidArgument(`Invalid field selection ${text}`));
  return tree;
}

function applyFields(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((item) => applyFields(item, tree));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  // `*` selects every key, e.g. the scopes of an aggregated list: `items/*/instances(name)`.
  for (const [key, child] of Object.entries(value)) {
    const sub = tree.get(key) ?? tree.get('*');
    if (sub === undefined) continue;
    out[key] = sub === true ? child : applyFields(child, sub);
  }
  return out;
}

/** Google's partial-response selector, e.g. `nextPageToken,items(name,tags/items)`. */
export function selectFields(body: unknown, fields: string | null): unknown {
  if (fields === null || fields.trim() === '') return body;
  return applyFields(body, parseFields(fields));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
