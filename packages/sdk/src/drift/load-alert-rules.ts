import { readFileSync } from 'node:fs';
import { ConfigError } from '@skygraph/core';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type AlertRules, alertRulesSchema } from './alert-rules.ts';

/**
 * Parses and validates alert rules (YAML, or JSON, which is YAML too).
 * Every problem is reported at once, with its line and column and what is
 * expected, e.g. `rules.yaml:12:9: rules[0].on[1]: expected one of added, removed, changed (got "new")`.
 */
export function parseAlertRules(text: string, source = 'alert rules'): AlertRules {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const pos = error.linePos?.[0];
      return `${source}${pos ? `:${pos.line}:${pos.col}` : ''}: ${error.message.split('\n')[0]}`;
    });
    throw new ConfigError(`${source} is not valid YAML:\n  - ${problems.join('\n  - ')}`);
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`${source} must hold a mapping with sinks, rules and (optionally) exceptions`);
  }
  const parsed = alertRulesSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const at = positionOf(doc, lines, issue.path);
    return `${source}${at}: ${pathText(issue.path)}${describe(issue, doc)}`;
  });
  throw new ConfigError(`invalid alert rules:\n  - ${problems.join('\n  - ')}`);
}

/** Reads and validates an alert rules file. */
export function loadAlertRules(path: string): AlertRules {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`--alert-rules: cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseAlertRules(text, path);
}

type Path = readonly PropertyKey[];

function pathText(path: Path): string {
  if (path.length === 0) return '';
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return `${out}: `;
}

function describe(issue: z.core.$ZodIssue, doc: ReturnType<typeof parseDocument>): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  const given = doc.getIn(issue.path as PropertyKey[]);
  // Whatever sits in a `...Env` key might be a pasted secret: never echo it.
  const secretish = /Env$/.test(String(issue.path.at(-1) ?? ''));
  const shown =
    given === undefined || typeof given === 'object' || secretish
      ? ''
      : ` (got ${JSON.stringify(String(given))})`;
  const message =
    issue.code === 'invalid_type' && given === undefined && issue.message.startsWith('Invalid input')
      ? 'required'
      : issue.message;
  return `${message}${shown}`;
}

function positionOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: Path): string {
  // Walk down as far as the document goes: a missing key points at its parent.
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth) as PropertyKey[], true) as
      | { range?: [number, number, number] }
      | undefined;
    const offset = node && (isMap(node) || isSeq(node) || 'range' in node) ? node.range?.[0] : undefined;
    if (offset !== undefined) {
      const { line, col } = lines.linePos(offset);
      return `:${line}:${col}`;
    }
  }
  return '';
}
