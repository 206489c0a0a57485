import { describe, expect, it } from 'vitest';
import { defineQuery } from '../catalogue/define-query.ts';
import { renderCsv, toCsv } from './render-csv.ts';
import { renderHtml } from './render-html.ts';
import { renderJson } from './render-json.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderTerminal } from './render-terminal.ts';
import type { Report } from './report-types.ts';

const finding = defineQuery({
  name: 'open_things',
  title: 'Things open to the world',
  provider: 'aws',
  group: 'ec2',
  tags: ['aws', 'security'],
  description: 'Things anyone can reach',
  severity: 'high',
  remediation: 'Close them <now>',
  cypher:
    'MATCH (a:AWSAccount)-[:RESOURCE]->(t:Thing) RETURN t.name AS name, t.ports AS ports, t.size AS size',
  columns: { name: 'string', ports: 'number[]', size: 'number?' },
});

const HOSTILE = '<script>alert("x")</script> | *bold* =cmd|calc\u001b[31mred';

function report(): Report {
  return {
    name: 'test-report',
    title: 'Test <report>',
    description: 'A report & its "description"',
    generatedAt: '2026-01-02T03:04:05.000Z',
    scope: { account: 'prod' },
    store: { kind: 'embedded', location: '/tmp/graph' },
    lastRun: null,
    summary: {
      findings: {
        total: 2,
        bySeverity: { critical: 0, high: 2, medium: 0, low: 0, info: 0 },
        top: [{ query: 'open_things', title: finding.title, severity: 'high', count: 2 }],
      },
      resources: {
        total: 7,
        byAccount: [{ key: '<prod>', count: 7 }],
        byRegion: [{ key: 'eu-west-1', count: 7 }],
        byType: [
          { key: 'EC2Instance', count: 5 },
          { key: 'S3Bucket', count: 2 },
        ],
      },
      queries: { run: 1, skipped: 0, failed: 0 },
    },
    sections: [
      {
        title: 'EC2',
        description: '',
        results: [
          {
            query: finding,
            rows: [
              { name: HOSTILE, ports: [22, 3389], size: null },
              { name: 'web, "quoted"', ports: [], size: 10 },
            ],
            durationMs: 3,
          },
        ],
      },
    ],
  };
}

describe('renderers', () => {
  it('HTML escapes every value and forbids network fetches', () => {
    const html = renderHtml(report());
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<title>Test &lt;report&gt;</title>');
    expect(html).toContain('Close them &lt;now&gt;');
    expect(html).toContain(`content="default-src 'none'`);
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=["']?https?:|href=["']?https?:/);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('data-key="&lt;prod&gt;"');
  });

  it('Markdown escapes markup and table separators', () => {
    const md = renderMarkdown(report());
    const row = md.split('\n').find((line) => line.includes('alert'));
    expect(row).toBe(
      '| &lt;script&gt;alert\\("x"\\)&lt;/script&gt; \\| \\*bold\\* =cmd\\|calc\\\\u001b\\[31mred | 22, 3389 |  |',
    );
    expect(md).toContain('| Findings | critical | high | medium | low | info |');
    expect(md).toContain('### `HIGH` Things open to the world');
  });

  it('CSV quotes per RFC 4180 and neutralises formulas', () => {
    const csv = toCsv(finding.columns, [
      { name: '=HYPERLINK("http://evil")', ports: [1], size: -5 },
      { name: 'a,"b"', ports: [], size: null },
    ]);
    expect(csv).toBe('name,ports,size\r\n"\'=HYPERLINK(""http://evil"")",1,-5\r\n"a,""b""",,\r\n');
    const files = renderCsv(report());
    expect(files.map((f) => f.filename)).toEqual(['summary.csv', 'open_things.csv']);
    expect(files[0]?.content).toBe(
      'section,query,title,severity,rows,status\r\nEC2,open_things,Things open to the world,high,2,ok\r\n',
    );
  });

  it('terminal output never passes control characters through', () => {
    const text = renderTerminal(report(), { color: false });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b[31mred');
    expect(text).toContain('[HIGH] Things open to the world (open_things) — 2 rows');
    expect(renderTerminal(report(), { color: true })).toContain('\u001b[31mHIGH\u001b[0m');
  });

  it('JSON keeps rows and the query metadata', () => {
    const json = JSON.parse(renderJson(report()));
    expect(json.sections[0].results[0].query).toMatchObject({ name: 'open_things', severity: 'high' });
    expect(json.sections[0].results[0].rows[0].name).toBe(HOSTILE);
    expect(json.summary.findings.total).toBe(2);
  });
});
