import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProfiles, profileNames } from './shared-config-profiles.ts';

describe('shared config profiles', () => {
  it('reads profile sections of the config and credentials files, skipping other sections', () => {
    const config = [
      '[default]',
      'region = eu-west-1',
      '[profile prod]  # production',
      'role_arn = arn:aws:iam::123456789012:role/audit',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      '[services local]',
    ].join('\n');
    expect(profileNames(config, 'config')).toEqual(['default', 'prod']);
    expect(profileNames('[default]\n[ci]\r\naws_access_key_id = x\n', 'credentials')).toEqual([
      'default',
      'ci',
    ]);
  });

  it('lists both files once, config first, at the paths the environment names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skygraph-profiles-'));
    try {
      writeFileSync(join(dir, 'config'), '[profile a]\n[default]\n');
      writeFileSync(join(dir, 'credentials'), '[default]\n[b]\n');
      expect(
        listProfiles({
          AWS_CONFIG_FILE: join(dir, 'config'),
          AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        }),
      ).toEqual(['a', 'default', 'b']);
      expect(listProfiles({ HOME: join(dir, 'nowhere') })).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
