import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CellOutput, createNotebookRunner, type NotebookRunner } from './notebook-runner.ts';

const NOTEBOOKS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'notebooks');
const notebook = (name: string) => join(NOTEBOOKS, `${name}.ipynb`);

/** What the cell whose source contains `marker` showed. */
function outputOf(cells: readonly CellOutput[], marker: string): string {
  const cell = cells.find((c) => c.source.includes(marker));
  if (!cell) throw new Error(`no cell runs ${marker}`);
  return cell.text;
}

/** The number of rows of the table a `showQuery` cell displayed for the query. */
function rowsShown(cells: readonly CellOutput[], query: string): number {
  const text = outputOf(cells, `'${query}'`);
  const at = text.indexOf(`\`${query}\``);
  const count = /<p>(\d+) rows<\/p>/.exec(text.slice(at));
  if (at < 0 || !count) throw new Error(`the output shows no table for ${query}`);
  return Number(count[1]);
}

describe('committed notebooks', () => {
  it.each(readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb')))(
    '%s has no outputs and runs on the tslab kernel',
    (file) => {
      const json = JSON.parse(readFileSync(join(NOTEBOOKS, file), 'utf8')) as {
        metadata: { kernelspec: { name: string } };
        cells: { cell_type: string; outputs?: unknown[]; execution_count?: number | null }[];
      };
      expect(json.metadata.kernelspec.name).toBe('tslab');
      for (const cell of json.cells.filter((c) => c.cell_type === 'code')) {
        expect(cell.outputs).toEqual([]);
        expect(cell.execution_count).toBeNull();
      }
    },
  );
});

// Each notebook starts the demo estate in its kernel and syncs it: about half a minute each.
describe.concurrent('notebooks executed headlessly with nbconvert and the tslab kernel', () => {
  let runner: NotebookRunner;
  beforeAll(async () => {
    runner = await createNotebookRunner();
  }, 120_000);
  afterAll(() => runner?.dispose());

  it('inventory: accounts, projects, resources per owner and the inventory reports', {
    timeout: 600_000,
  }, async () => {
    const cells = await runner.execute(notebook('inventory'));
    expect(outputOf(cells, 'startDemoEstate')).toMatch(
      /sync success: \d+ nodes, \d+ relationships, \d+ scopes/,
    );
    const owners = outputOf(cells, "showQuery('aws_accounts'");
    for (const name of ['acme-management', 'acme-security', 'acme-log-archive', 'Payments prod']) {
      expect(owners).toContain(name);
    }
    expect(outputOf(cells, 'perOwner')).toMatch(
      /<td>AWS account<\/td><td>acme-management<\/td><td>\d+<\/td>/,
    );
    expect(outputOf(cells, 'instancesByProject')).toContain('MATCH (p)-[:RESOURCE]->(i:GCPInstance)');
    expect(rowsShown(cells, 's3_buckets')).toBeGreaterThan(0);
    expect(outputOf(cells, "'aws-inventory'")).toContain('# AWS inventory');
    expect(outputOf(cells, "'gcp-inventory'")).toContain('<td>GCPInstance</td>');
    expect(outputOf(cells, 'fs.rmSync(workDir')).toContain('closed');
  });

  it('security: findings by severity, the seeded exposures and risky trust', {
    timeout: 600_000,
  }, async () => {
    const cells = await runner.execute(notebook('security'));
    const severities = outputOf(cells, "'overview'");
    expect(severities).toMatch(/<td>critical<\/td><td>[1-9]\d*<\/td>/);
    expect(severities).toContain('S3 buckets anyone can access');

    expect(outputOf(cells, "showQuery('ec2_open_to_world'")).toContain('open-ssh-world');
    expect(outputOf(cells, "showQuery('gke_public_endpoint'")).toContain('legacy-cluster-0');
    expect(outputOf(cells, "showQuery('rds_public'")).toContain('public-unencrypted-db');
    expect(outputOf(cells, "showQuery('s3_anonymous'")).toContain('-public-acl-');
    expect(rowsShown(cells, 'gcp_bucket_public')).toBeGreaterThan(0);

    const trust = outputOf(cells, 'STS_ASSUMEROLE_ALLOW');
    expect(trust).toContain('user/assume-anything-dave');
    expect(trust).toContain('trust-everyone-role');
    expect(trust).toContain('cross-account-vendor-role');
    expect(outputOf(cells, "showQuery('gsuite_admins_without_2sv'")).toMatch(/super admin/);
    expect(outputOf(cells, 'renderHtml')).toMatch(/overview\.html: \d+ bytes/);
  });

  it('networking: open rules, external peerings, load balancers and the networking reports', {
    timeout: 600_000,
  }, async () => {
    const cells = await runner.execute(notebook('networking'));
    expect(outputOf(cells, "showQuery('ec2_security_group_open_to_world'")).toContain('open-ssh-world');
    expect(outputOf(cells, "showQuery('gcp_firewall_open_to_world'")).toContain('allow-ssh-from-anywhere');
    expect(outputOf(cells, 'FIREWALL_INGRESS')).toMatch(
      /<td>bastion-0<\/td><td>[\d.]+<\/td><td>[^<]*allow-ssh-from-anywhere/,
    );
    expect(rowsShown(cells, 'aws_vpc_peering_external')).toBeGreaterThan(0);
    expect(outputOf(cells, "showQuery('elbv2_internet_facing'")).toContain('public-web-alb');
    expect(outputOf(cells, "showQuery('elb_internet_facing'")).toContain('public-web-elb');
    const reports = outputOf(cells, "'aws-networking', 'gcp-networking'");
    expect(reports).toContain('# AWS networking');
    expect(reports).toContain('# GCP networking');
  });
});
