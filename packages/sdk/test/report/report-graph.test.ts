import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogue, SEVERITIES } from '../../src/catalogue/index.ts';
import {
  buildReport,
  defineReport,
  REPORT_NAMES,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderTerminal,
} from '../../src/report/index.ts';
import { buildEstateGraph, type EstateGraph } from '../fixtures/estate-graph.ts';
import { renderInChromium } from './headless-chromium.ts';
import { countColour, decodePng } from './png-pixels.ts';

let estate: EstateGraph;
beforeAll(async () => {
  estate = await buildEstateGraph();
});
afterAll(async () => {
  await estate?.close();
});

const NOW = new Date('2026-03-01T12:00:00Z');

describe('reports on a synced estate', () => {
  it('builds every named report without a failed query', async () => {
    for (const name of REPORT_NAMES) {
      const report = await buildReport(estate.client, name, { catalogue: builtinCatalogue, now: NOW });
      expect(report.summary.queries.failed, name).toBe(0);
      expect(report.sections.length, name).toBeGreaterThan(0);
      expect(report.generatedAt).toBe('2026-03-01T12:00:00.000Z');
    }
  });

  it('summarises findings by severity and resources by project, region and type', async () => {
    const report = await buildReport(estate.client, 'gcp-security', {
      catalogue: builtinCatalogue,
      now: NOW,
    });
    const results = report.sections.flatMap((s) => s.results);
    expect(results.every((r) => r.query.severity !== null && r.query.provider === 'gcp')).toBe(true);
    for (const severity of SEVERITIES) {
      const rows = results
        .filter((r) => r.query.severity === severity)
        .reduce((n, r) => n + r.rows.length, 0);
      expect(report.summary.findings.bySeverity[severity], severity).toBe(rows);
    }
    expect(report.summary.findings.bySeverity.critical).toBeGreaterThan(0);
    expect(report.summary.findings.top[0]?.severity).toBe('critical');
    // Within a section, the most severe findings come first.
    for (const section of report.sections) {
      const ranks = section.results.map((r) => SEVERITIES.indexOf(r.query.severity ?? 'info'));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    const projects = (await estate.client.runQuery('gcp_projects')).rows.map((r) => r.project_id);
    expect(report.summary.resources.byAccount.map((c) => c.key).sort()).toEqual([...projects].sort());
    expect(report.summary.resources.byType.map((c) => c.key)).toEqual(
      expect.arrayContaining(['GCPInstance', 'GKECluster', 'GCPBucket', 'GCPFirewall']),
    );
    const total = report.summary.resources.byType.reduce((n, c) => n + c.count, 0);
    expect(report.summary.resources.total).toBe(total);
    expect(report.summary.resources.byRegion.reduce((n, c) => n + c.count, 0)).toBe(total);
  });

  it('reports the AWS estate: critical findings first, resources by account, region and type', async () => {
    const report = await buildReport(estate.client, 'aws-security', {
      catalogue: builtinCatalogue,
      now: NOW,
    });
    expect(report.summary.findings.top.slice(0, 3).map((t) => t.severity)).toEqual([
      'critical',
      'critical',
      'critical',
    ]);
    expect(report.summary.findings.top.map((t) => t.query)).toEqual(
      expect.arrayContaining([
        's3_anonymous',
        'rds_open_to_world',
        'iam_role_trusts_everyone',
        'ec2_open_to_world',
      ]),
    );
    const accounts = (await estate.client.runQuery('aws_accounts')).rows.filter((a) => a.in_scope);
    expect(report.summary.resources.byAccount.map((c) => c.key)).toEqual(
      expect.arrayContaining(accounts.map((a) => String(a.account_name))),
    );
    expect(report.summary.resources.byRegion.map((c) => c.key)).toEqual(
      expect.arrayContaining(['us-east-1', 'global']),
    );
    expect(report.summary.resources.byType.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        'AWSEC2Instance',
        'AWSS3Bucket',
        'AWSRDSInstance',
        'AWSUser',
        'AWSEC2SecurityGroup',
      ]),
    );
    // Nodes with extra labels count once, under their schema's label.
    expect(report.summary.resources.byType.map((c) => c.key)).not.toContain('AWSPrincipal');
  });

  it('narrows a report to one project; queries that cannot be narrowed are skipped, not wrong', async () => {
    const [project] = (await estate.client.runQuery('gcp_projects')).rows;
    const id = String(project?.project_id);
    const report = await buildReport(estate.client, 'overview', {
      catalogue: builtinCatalogue,
      scope: { project: id },
    });
    expect(report.scope).toEqual({ project: id });
    const results = report.sections.flatMap((s) => s.results);
    for (const result of results.filter((r) => !r.skipped)) {
      for (const row of result.rows) expect(row.project_id, result.query.name).toBe(id);
    }
    expect(results.filter((r) => r.query.provider === 'aws').every((r) => r.skipped)).toBe(true);
    expect(results.find((r) => r.query.name === 'gcp_organizations')?.skipped).toBe(
      'it cannot be narrowed to one GCP project',
    );
    expect(report.summary.resources.byAccount.map((c) => c.key)).toEqual([id]);
  });

  it('builds custom reports from catalogue selections', async () => {
    const exposure = defineReport({
      name: 'internet-exposure',
      title: 'Internet exposure',
      description: 'What the internet can reach',
      providers: ['gcp'],
      sections: [
        { title: 'Exposed', select: { tags: 'security,networking', minSeverity: 'high' } },
        { title: 'Firewalls', select: { names: ['gcp_firewall_allow'] } },
      ],
    });
    const report = await buildReport(estate.client, exposure, { catalogue: builtinCatalogue });
    expect(report.sections[0]?.results.map((r) => r.query.name)).toEqual(
      expect.arrayContaining(['gcp_instances_public', 'gcp_firewall_open_to_world', 'gke_public_endpoint']),
    );
    expect(report.sections[1]?.results.map((r) => r.query.name)).toEqual(['gcp_firewall_allow']);
    expect(() => defineReport({ ...exposure, name: 'Bad Name' })).toThrow(/kebab-case/);
  });

  it('renders to terminal, Markdown, CSV and JSON with every row', async () => {
    const report = await buildReport(estate.client, 'gcp-security', { catalogue: builtinCatalogue });
    const rows = report.sections.flatMap((s) => s.results).reduce((n, r) => n + r.rows.length, 0);
    const buckets = report.sections
      .flatMap((s) => s.results)
      .find((r) => r.query.name === 'gcp_bucket_public');
    const bucket = String(buckets?.rows[0]?.bucket);
    expect(renderTerminal(report)).toContain(bucket);
    expect(renderMarkdown(report)).toContain(bucket.replace(/[_-]/g, (c) => (c === '_' ? '\\_' : c)));
    const csv = renderCsv(report);
    expect(csv.find((f) => f.filename === 'gcp_bucket_public.csv')?.content).toContain(bucket);
    const json = JSON.parse(renderJson(report));
    expect(
      json.sections
        .flatMap((s: { results: { rows: unknown[] }[] }) => s.results)
        .reduce((n: number, r: { rows: unknown[] }) => n + r.rows.length, 0),
    ).toBe(rows);
  });
});

describe('the HTML report in a browser', () => {
  it('draws the charts, lists the findings and sorts tables, with no network', async () => {
    const report = await buildReport(estate.client, 'overview', { catalogue: builtinCatalogue });
    const html = renderHtml(report);
    // A probe appended to a copy of the page measures what the browser laid out and clicks a header.
    const probe = `<pre id="probe-results"></pre><script>
(function () {
  var out = { ready: document.documentElement.getAttribute('data-ready'), charts: {} };
  document.querySelectorAll('figure').forEach(function (f) {
    var drawn = 0;
    f.querySelectorAll('rect.bar').forEach(function (r) { var b = r.getBBox(); if (b.width > 0 && b.height > 0) drawn++; });
    out.charts[f.id] = drawn;
  });
  out.findingRows = document.querySelectorAll('tr.finding-row').length;
  var table = document.querySelector('#q-gcp_firewall_open_to_world table.sortable');
  var firstCells = function () { return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.cells[2].textContent; }); };
  out.before = firstCells();
  table.tHead.rows[0].cells[2].querySelector('button').click();
  out.ascending = firstCells();
  table.tHead.rows[0].cells[2].querySelector('button').click();
  out.descending = firstCells();
  document.getElementById('probe-results').textContent = JSON.stringify(out);
})();
</script>`;
    const { dom, png } = await renderInChromium(html.replace('</body>', `${probe}</body>`));
    const text = /<pre id="probe-results">([\s\S]*?)<\/pre>/.exec(dom)?.[1] ?? '';
    const result = JSON.parse(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    expect(result.ready).toBe('true');
    const findings = report.sections
      .flatMap((s) => s.results)
      .filter((r) => r.query.severity !== null)
      .reduce((n, r) => n + r.rows.length, 0);
    expect(result.findingRows).toBe(findings);
    expect(findings).toBe(report.summary.findings.total);
    // Severity chart: one drawn bar per severity with findings; resource charts: one per key shown.
    const withFindings = SEVERITIES.filter((s) => report.summary.findings.bySeverity[s] > 0).length;
    expect(result.charts['chart-severity']).toBe(withFindings);
    const owners = report.summary.resources.byAccount.length;
    expect(result.charts['chart-account']).toBe(Math.min(owners, 12) + (owners > 12 ? 1 : 0));
    expect(result.charts['chart-type']).toBeGreaterThan(3);
    expect(result.charts['chart-region']).toBeGreaterThan(0);
    const sorted = [...result.before].sort((a: string, b: string) =>
      a.localeCompare(b, undefined, { numeric: true }),
    );
    expect(result.ascending).toEqual(sorted);
    expect(result.descending).toEqual([...sorted].reverse());
    // The screenshot shows the bars in their colours: critical/high severity and resource types.
    const pixels = decodePng(png);
    expect(countColour(pixels, '#dc2626')).toBeGreaterThan(100);
    expect(countColour(pixels, '#7c3aed')).toBeGreaterThan(100);
  });
});
