import type { Row } from '@skygraph/core';
import type { Expr, LinkNode, MatchClause, PropNode, QueryAst, ReturnExpr, ValueNode } from './ast.ts';
import type { CompiledQuery } from './compiled-query.ts';

const OPERATORS: Record<string, string> = {
  '=': '=',
  '<>': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  in: 'IN',
  contains: 'CONTAINS',
  'starts with': 'STARTS WITH',
  'ends with': 'ENDS WITH',
  '=~': '=~',
};

/** Collects parameters while the text is generated: values get `$p0`, `$p1`...; placeholders keep their name. */
class Params {
  readonly values: Record<string, unknown> = {};
  readonly placeholders: string[] = [];
  #next = 0;

  ref(node: ValueNode): string {
    if (node.kind === 'param') {
      if (!this.placeholders.includes(node.name)) this.placeholders.push(node.name);
      return `$${node.name}`;
    }
    const name = `p${this.#next++}`;
    this.values[name] = node.value;
    return `$${name}`;
  }
}

/** Turns a query AST into Cypher text and parameters. */
export function compileQuery<R extends Row = Row>(ast: QueryAst): CompiledQuery<R> {
  const params = new Params();
  const lines: string[] = [];
  for (const clause of ast.clauses) {
    lines.push(`${clause.optional ? 'OPTIONAL MATCH' : 'MATCH'} ${pattern(clause)}`);
    if (clause.where.length > 0) lines.push(`WHERE ${conjunction(clause.where, params)}`);
  }
  const items = ast.returns.map((item) => {
    const text = returnExpr(item.expr);
    return text === item.alias ? text : `${text} AS ${item.alias}`;
  });
  const distinct = ast.distinct ? 'DISTINCT ' : '';
  if (ast.having.length > 0) {
    lines.push(`WITH ${distinct}${items.join(', ')}`);
    const conditions = ast.having.map((h) => {
      if (h.op === 'is null' || h.op === 'is not null') return `${h.column} ${h.op.toUpperCase()}`;
      const value = params.ref(h.value ?? { kind: 'value', value: null });
      return h.op === 'includes' ? `${value} IN ${h.column}` : `${h.column} ${OPERATORS[h.op]} ${value}`;
    });
    lines.push(`WHERE ${conditions.join(' AND ')}`);
    lines.push(`RETURN ${ast.returns.map((item) => item.alias).join(', ')}`);
  } else {
    lines.push(`RETURN ${distinct}${items.join(', ')}`);
  }
  if (ast.orderBy.length > 0) {
    lines.push(
      `ORDER BY ${ast.orderBy.map((o) => (o.direction === 'desc' ? `${o.column} DESC` : o.column)).join(', ')}`,
    );
  }
  if (ast.skip !== undefined) lines.push(`SKIP ${ast.skip}`);
  if (ast.limit !== undefined) lines.push(`LIMIT ${ast.limit}`);
  return {
    cypher: lines.join('\n'),
    params: params.values,
    columns: ast.returns.map((item) => ({ name: item.alias, spec: item.spec })),
    placeholders: params.placeholders,
  };
}

function pattern(clause: MatchClause): string {
  const node = `(${clause.variable}:${clause.label})`;
  if (!clause.link) return node;
  return `(${clause.link.other})${arrow(clause.link)}${node}`;
}

function arrow(link: LinkNode): string {
  const hops = link.hops ? `*${link.hops[0]}..${link.hops[1]}` : '';
  const rel = `[:${link.type}${hops}]`;
  return link.direction === 'out' ? `-${rel}->` : `<-${rel}-`;
}

function prop(node: PropNode): string {
  return `${node.variable}.${node.property}`;
}

function conjunction(exprs: readonly Expr[], params: Params): string {
  return exprs.map((e) => expr(e, params, exprs.length > 1)).join(' AND ');
}

function expr(e: Expr, params: Params, nested: boolean): string {
  switch (e.kind) {
    case 'compare': {
      const value = params.ref(e.right);
      return e.op === 'includes'
        ? `${value} IN ${prop(e.left)}`
        : `${prop(e.left)} ${OPERATORS[e.op]} ${value}`;
    }
    case 'compare-props':
      return `${prop(e.left)} ${OPERATORS[e.op]} ${prop(e.right)}`;
    case 'null-check':
      return `${prop(e.prop)} ${e.op.toUpperCase()}`;
    case 'and':
    case 'or': {
      if (e.items.length === 0) return e.kind === 'and' ? 'true' : 'false';
      if (e.items.length === 1) return expr(e.items[0] as Expr, params, nested);
      const text = e.items.map((item) => expr(item, params, true)).join(e.kind === 'and' ? ' AND ' : ' OR ');
      return nested ? `(${text})` : text;
    }
    case 'not':
      return `NOT ${expr(e.item, params, true)}`;
    case 'exists': {
      const rel = `[:${e.type}]`;
      const arrowText = e.direction === 'out' ? `-${rel}->` : `<-${rel}-`;
      return `EXISTS { MATCH (${e.variable})${arrowText}(:${e.label}) }`;
    }
  }
}

function returnExpr(e: ReturnExpr): string {
  switch (e.kind) {
    case 'prop':
      return prop(e.prop);
    case 'node':
      return e.variable;
    case 'aggregate': {
      const arg = e.arg === null ? '*' : e.arg.kind === 'prop' ? prop(e.arg.prop) : e.arg.variable;
      return `${e.fn}(${e.distinct ? 'DISTINCT ' : ''}${arg})`;
    }
  }
}
