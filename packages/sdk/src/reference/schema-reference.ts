import { type AnyNodeSchema, relationshipsOf } from '@skygraph/core';

/** The node schemas a module exports (its values of kind `node`), in label order. */
export function schemasOf(module: Record<string, unknown>): AnyNodeSchema[] {
  const found = new Map<string, AnyNodeSchema>();
  for (const value of Object.values(module)) {
    if (value && typeof value === 'object' && (value as { kind?: unknown }).kind === 'node') {
      const schema = value as AnyNodeSchema;
      found.set(schema.label, schema);
    }
  }
  return [...found.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The graph schema reference of one provider as Markdown: a Mermaid diagram
 * of labels and relationships, then per label its extra labels, key,
 * properties and relationships. Generated from the schemas, never by hand.
 */
export function schemaReference(title: string, schemas: readonly AnyNodeSchema[]): string {
  const lines = [`## ${title}`, '', '```mermaid', 'graph LR'];
  const edges = new Set<string>();
  for (const schema of schemas) {
    if (schema.scope) edges.add(`  ${schema.scope.owner.label} -- ${schema.scope.rel} --> ${schema.label}`);
    for (const [, rel] of relationshipsOf(schema)) {
      edges.add(
        rel.direction === 'out'
          ? `  ${schema.label} -- ${rel.type} --> ${rel.target.label}`
          : `  ${rel.target.label} -- ${rel.type} --> ${schema.label}`,
      );
    }
  }
  lines.push(...[...edges].sort(), '```', '');
  for (const schema of schemas) {
    lines.push(`### ${schema.label}`, '');
    if (schema.description) lines.push(schema.description, '');
    if (schema.extraLabels.length > 0)
      lines.push(`Extra labels: ${schema.extraLabels.map((l: string) => `\`${l}\``).join(', ')}`, '');
    if (schema.legacyLabels.length > 0)
      lines.push(
        `Earlier name (still written, accepted by the query builder; an older graph is relabelled at the next sync): ${schema.legacyLabels.map((l: string) => `\`${l}\``).join(', ')}`,
        '',
      );
    lines.push(`Key: \`${schema.key}\``, '');
    if (schema.scope) {
      lines.push(`Scope: \`(:${schema.scope.owner.label})-[:${schema.scope.rel}]->(:${schema.label})\``, '');
    }
    lines.push('| property | type |', '| --- | --- |');
    for (const [name, type] of Object.entries(schema.properties as Record<string, string>)) {
      lines.push(`| \`${name}\` | ${type.endsWith('?') ? `${type.slice(0, -1)} (optional)` : type} |`);
    }
    for (const [name, type] of Object.entries((schema.computed ?? {}) as Record<string, string>)) {
      lines.push(`| \`${name}\` | ${type.replace(/\?$/, '')} (set by analysis or another writer) |`);
    }
    lines.push(
      '| `firstseen` | number (ms, set once) |',
      '| `lastupdated` | number (update tag of the last sync) |',
      '| `skygraph_hash` | string (fingerprint of the collected properties) |',
      '',
    );
    const rels = relationshipsOf(schema);
    if (rels.length > 0) {
      lines.push('| relationship | pattern |', '| --- | --- |');
      for (const [field, rel] of rels) {
        const pattern =
          rel.direction === 'out'
            ? `(:${schema.label})-[:${rel.type}]->(:${rel.target.label} {${rel.target.key}})`
            : `(:${schema.label})<-[:${rel.type}]-(:${rel.target.label} {${rel.target.key}})`;
        lines.push(`| ${field} | \`${pattern}\`${rel.description ? ` — ${rel.description}` : ''} |`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}
