import { ConfigError } from '@skygraph/core';

/**
 * Checks an index prefix against Elasticsearch's index name rules
 * (lowercase; none of `\ / * ? " < > | , # :` or spaces; not starting with
 * `-`, `_` or `+`), leaving room for the date suffix.
 */
export function validateIndexPrefix(prefix: string): string {
  const problems: string[] = [];
  if (prefix.length === 0) problems.push('it is empty');
  if (prefix !== prefix.toLowerCase()) problems.push('it has capital letters');
  if (/[\\/*?"<>|,#:\s]/.test(prefix)) problems.push('it has one of \\ / * ? " < > | , # : or a space');
  if (/^[-_+.]/.test(prefix)) problems.push('it starts with -, _, + or .');
  if (Buffer.byteLength(prefix) > 200) problems.push('it is longer than 200 bytes');
  if (problems.length > 0) {
    throw new ConfigError(
      `--es-index-prefix "${prefix}" is not a valid Elasticsearch index prefix: ${problems.join(', ')}`,
    );
  }
  return prefix;
}

/** The daily index of a date (UTC): `<prefix>-YYYY.MM.DD`. */
export function dailyIndexName(prefix: string, date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${date.getUTCFullYear()}.${pad(date.getUTCMonth() + 1)}.${pad(date.getUTCDate())}`;
}
