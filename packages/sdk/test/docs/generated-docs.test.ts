import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReference } from '../../src/reference/generate-reference.ts';

const docs = resolve(import.meta.dirname, '../../../../docs');

describe('generated reference docs', () => {
  for (const [path, content] of Object.entries(generateReference())) {
    it(`docs/${path} matches the code (run \`pnpm docs:generate\` when this fails)`, () => {
      let onDisk = '';
      try {
        onDisk = readFileSync(join(docs, path), 'utf8');
      } catch {
        // missing counts as stale
      }
      expect(onDisk === content, `docs/${path} is stale: run pnpm docs:generate`).toBe(true);
    });
  }

  it('covers every schema label, every collect flag and every catalogue query', () => {
    const pages = generateReference();
    for (const label of [
      'AWSAccount',
      'AWSEC2Instance',
      'AWSEC2SecurityGroup',
      'AWSS3Bucket',
      'GCPInstance',
      'GKECluster',
      'GSuiteUser',
    ]) {
      expect(pages['reference/schema.md']).toContain(`### ${label}`);
    }
    for (const flag of [
      '--store',
      '--aws-role-name',
      '--gcp-endpoint',
      '--gsuite-admin-email',
      '--then-drift',
    ]) {
      expect(pages['reference/cli.md']).toContain(flag);
    }
    expect(pages['reference/catalogue.md']).toContain('`ec2_open_to_world`');
  });
});
