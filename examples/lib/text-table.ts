/** A cell value as text: lists joined with commas, nothing for null. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Rows as a plain-text table with a header, columns padded to their widest
 * cell (capped, so one long ARN does not push the rest off the screen).
 *
 * @example
 * process.stdout.write(textTable([{ id: 'i-1', public: true }]));
 */
export function textTable<T extends object>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[] = Object.keys(rows[0] ?? {}) as (keyof T & string)[],
  maxWidth = 60,
): string {
  if (rows.length === 0) return '(none)\n';
  const cell = (value: unknown) => {
    const text = cellText(value).replace(/\s+/g, ' ');
    return text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text;
  };
  const body = rows.map((row) => columns.map((column) => cell(row[column])));
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...body.map((cells) => cells[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((text, i) => text.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(columns), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}\n`;
}
