import { canonicalJson, shortHash } from '../drift/canonical.ts';

/** An index template as `PUT /_index_template/<name>` takes it. */
export interface IndexTemplate {
  readonly name: string;
  readonly body: {
    readonly index_patterns: string[];
    readonly priority: number;
    readonly template: Record<string, unknown>;
    readonly _meta: Record<string, unknown>;
  };
}

/**
 * The index template of the daily indices: result columns are keywords
 * (exact values, aggregatable) unless they are booleans or numbers;
 * `*lastupdated` (update tags, seconds) and `*firstseen` (milliseconds) are
 * dates, as are text columns whose names end in date, time or `_at`;
 * descriptions are full text. Malformed values are kept in `_source`
 * rather than rejecting the document. `_meta.hash` lets an install tell the
 * template is already there.
 */
export function buildIndexTemplate(prefix: string): IndexTemplate {
  const template = {
    settings: {
      'index.mapping.ignore_malformed': true,
      'index.mapping.total_fields.limit': 5000,
    },
    mappings: {
      // Explicit rules below, instead of guessing dates from any string that looks like one.
      date_detection: false,
      dynamic_templates: [
        {
          update_tags: {
            match_mapping_type: 'long',
            match: '*lastupdated',
            mapping: { type: 'date', format: 'epoch_second' },
          },
        },
        {
          first_seen: {
            match_mapping_type: 'long',
            match: '*firstseen',
            mapping: { type: 'date', format: 'epoch_millis' },
          },
        },
        {
          date_strings: {
            match_mapping_type: 'string',
            match_pattern: 'regex',
            match: '(?i)^.*(date|time|timestamp|_at)$',
            mapping: { type: 'date', format: 'strict_date_optional_time||epoch_millis' },
          },
        },
        { booleans: { match_mapping_type: 'boolean', mapping: { type: 'boolean' } } },
        { strings: { match_mapping_type: 'string', mapping: { type: 'keyword', ignore_above: 1024 } } },
      ],
      properties: {
        '@timestamp': { type: 'date' },
        metadata: {
          properties: {
            query_name: { type: 'keyword' },
            query_id: { type: 'keyword' },
            query_description: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } },
            query_headers: { type: 'keyword' },
            query_severity: { type: 'keyword' },
            query_tags: { type: 'keyword' },
            run_id: { type: 'keyword' },
          },
        },
      },
    },
  };
  const patterns = [`${prefix}-*`];
  return {
    name: prefix,
    body: {
      index_patterns: patterns,
      // Above the built-in templates (100) that could match a prefix such as logs-*.
      priority: 200,
      template,
      _meta: { managed_by: 'skygraph', hash: shortHash(canonicalJson({ patterns, template })) },
    },
  };
}
