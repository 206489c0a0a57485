import { AwsApiError } from './api-error.ts';
import type { AwsTag } from './estate-types.ts';
import { type RequestContext, structListParam, subList } from './request-context.ts';

/** Maps a filter name to the values a resource has for it. */
export type FilterTable<T> = Record<
  string,
  (item: T) => readonly (string | undefined)[] | string | boolean | number | undefined
>;

interface ParsedFilter {
  name: string;
  values: RegExp[];
}

function wildcard(value: string): RegExp {
  const pattern = value
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`);
}

/** Parses `Filter.N.Name` / `Filter.N.Value.M`, refusing names the resource does not support, as EC2 does. */
export function parseFilters<T>(
  ctx: RequestContext,
  table: FilterTable<T>,
  hasTags: boolean,
): ParsedFilter[] {
  return structListParam(ctx.params, 'Filter').map((entry) => {
    const name = entry.get('Name') ?? '';
    const known =
      name in table || (hasTags && (name === 'tag-key' || name === 'tag-value' || name.startsWith('tag:')));
    if (!known) throw new AwsApiError('InvalidParameterValue', `The filter '${name}' is invalid`);
    return { name, values: subList(entry, 'Value').map(wildcard) };
  });
}

export function applyFilters<T>(
  items: readonly T[],
  filters: ParsedFilter[],
  table: FilterTable<T>,
  tagsOf?: (item: T) => readonly AwsTag[],
): readonly T[] {
  if (filters.length === 0) return items;
  return items.filter((item) =>
    filters.every((f) => {
      let actual: readonly (string | undefined)[];
      if (f.name.startsWith('tag:') && tagsOf) {
        const key = f.name.slice(4);
        actual = tagsOf(item)
          .filter((t) => t.key === key)
          .map((t) => t.value);
      } else if (f.name === 'tag-key' && tagsOf) actual = tagsOf(item).map((t) => t.key);
      else if (f.name === 'tag-value' && tagsOf) actual = tagsOf(item).map((t) => t.value);
      else {
        const v = table[f.name]?.(item);
        actual = Array.isArray(v) ? v : v === undefined ? [] : [String(v)];
      }
      return actual.some((a) => a !== undefined && f.values.some((re) => re.test(a)));
    }),
  );
}
