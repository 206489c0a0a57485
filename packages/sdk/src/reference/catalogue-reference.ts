import type { CatalogueQuery } from '../catalogue/index.ts';

/** The query catalogue as Markdown: per provider and group, each query with what it returns and takes. */
export function catalogueReference(queries: readonly CatalogueQuery[]): string {
  const lines = [
    '# Query catalogue',
    '',
    'Generated from the built-in catalogue by `pnpm docs:generate`; do not edit.',
    'Run any of them with `skygraph query <name>`, select them with `--tags`, and narrow them with',
    '`--account`, `--project` or `--customer` (always a query parameter, never spliced into the Cypher).',
    '',
  ];
  const byProvider = new Map<string, CatalogueQuery[]>();
  for (const query of queries) {
    const list = byProvider.get(query.provider) ?? [];
    list.push(query);
    byProvider.set(query.provider, list);
  }
  for (const [provider, list] of [...byProvider].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## ${provider} (${list.length} queries)`, '');
    for (const query of [...list].sort(
      (a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name),
    )) {
      lines.push(`### \`${query.name}\` — ${query.title}`, '', query.description, '');
      lines.push(`- group: ${query.group}; tags: ${query.tags.map((t) => `\`${t}\``).join(', ')}`);
      if (query.severity) lines.push(`- severity: **${query.severity}**`);
      if (query.remediation) lines.push(`- remediation: ${query.remediation}`);
      lines.push(`- columns: ${query.columns.map((c) => `\`${c.name}\` (${c.spec})`).join(', ')}`);
      if (query.identity.length > 0)
        lines.push(`- identity (for drift): ${query.identity.map((c) => `\`${c}\``).join(', ')}`);
      if (query.parameters.length > 0) {
        lines.push(
          `- parameters: ${query.parameters.map((p) => `\`${p.name}\`${p.default === undefined ? '' : ` = ${JSON.stringify(p.default)}`}`).join(', ')}`,
        );
      }
      if (query.scope) lines.push(`- scope: ${query.scope.kind} (\`${query.scope.variable}\`)`);
      lines.push('', '```cypher', query.cypher.trim(), '```', '');
    }
  }
  return `${lines.join('\n')}\n`;
}
