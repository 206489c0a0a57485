/** A policy statement as IAM documents write it (single values or lists). */
export interface RawStatement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: unknown;
}

/** A policy document as IAM stores it. */
export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement?: RawStatement | RawStatement[];
}

/**
 * Parses a policy document as IAM returns it: URL-encoded JSON in the Query
 * API (GetAccountAuthorizationDetails, GetRolePolicy...), plain JSON elsewhere.
 * Returns undefined for a document that is not valid JSON.
 */
export function parsePolicyDocument(raw: string | undefined): PolicyDocument | undefined {
  if (raw === undefined || raw === '') return undefined;
  for (const text of [raw, safeDecode(raw)]) {
    if (text === undefined) continue;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') return parsed as PolicyDocument;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}

/** A list field that IAM allows as a single string. */
export function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** The statements of a document (a single statement object counts as one). */
export function statementsOf(doc: PolicyDocument | undefined): RawStatement[] {
  const s = doc?.Statement;
  if (s === undefined) return [];
  return (Array.isArray(s) ? s : [s]).filter((x): x is RawStatement => typeof x === 'object' && x !== null);
}

/** The principals a trust policy's Allow statements name, by kind. */
export interface TrustedPrincipals {
  /** `AWS` principals, account ids normalised to `arn:aws:iam::<id>:root`; `*` kept as is. */
  aws: string[];
  service: string[];
  federated: string[];
}

/** The principals a role's trust policy lets assume the role (Allow statements only). */
export function trustedPrincipals(doc: PolicyDocument | undefined): TrustedPrincipals {
  const aws = new Set<string>();
  const service = new Set<string>();
  const federated = new Set<string>();
  for (const s of statementsOf(doc)) {
    if (s.Effect !== 'Allow') continue;
    const principal = s.Principal;
    if (principal === '*') {
      aws.add('*');
      continue;
    }
    if (!principal || typeof principal !== 'object') continue;
    const p = principal as Record<string, unknown>;
    for (const value of asList(p.AWS)) aws.add(/^\d{12}$/.test(value) ? `arn:aws:iam::${value}:root` : value);
    for (const value of asList(p.Service)) service.add(value);
    for (const value of asList(p.Federated)) federated.add(value);
  }
  return { aws: [...aws], service: [...service], federated: [...federated] };
}
