import { envNameOf, type OptionSpec } from '@skygraph/core';

/** A table of options: flag, environment variable, description, grouped as the specs say. */
export function optionsReference(title: string, specs: Record<string, OptionSpec>): string {
  const groups = new Map<string, [string, OptionSpec][]>();
  for (const entry of Object.entries(specs)) {
    const list = groups.get(entry[1].group) ?? [];
    list.push(entry);
    groups.set(entry[1].group, list);
  }
  const lines = [`## ${title}`, ''];
  for (const [group, entries] of groups) {
    lines.push(
      `### ${group}`,
      '',
      '| flag | environment | config key | description |',
      '| --- | --- | --- | --- |',
    );
    for (const [key, spec] of entries) {
      const value = spec.kind === 'boolean' ? '' : ` ${spec.valueName ?? '<value>'}`;
      lines.push(
        `| \`--${spec.flag}${value}\` | \`${envNameOf(spec.flag)}\` | \`${key}\` | ${spec.description.replaceAll('|', '\\|')} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
