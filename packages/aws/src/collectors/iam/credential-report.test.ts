import { describe, expect, it } from 'vitest';
import { generateAwsEstate } from '../../emulator/generate-estate.ts';
import { credentialReportCsv } from '../../emulator/iam-account-handler.ts';
import { parseCredentialReport, reportDate, reportFlag } from './credential-report.ts';

// The documented columns, as IAM writes them (a root row and two users, one with a comma in its name).
const REPORT = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  '<root_account>,arn:aws:iam::123456789012:root,2014-07-10T20:24:39+00:00,not_supported,2019-03-07T21:32:57+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'alice,arn:aws:iam::123456789012:user/alice,2019-05-01T00:00:00+00:00,true,no_information,2019-05-01T00:05:00+00:00,2019-07-30T00:05:00+00:00,false,true,2019-05-02T00:00:00+00:00,2024-01-01T10:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  '"a,b",arn:aws:iam::123456789012:user/a+b,2019-05-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'broken,arn:aws:iam::123456789012:user/broken,2019',
  '',
].join('\n');

describe('parseCredentialReport', () => {
  it('keys the rows by ARN, with the documented columns by name', () => {
    const rows = parseCredentialReport(REPORT);
    expect([...rows.keys()]).toEqual([
      'arn:aws:iam::123456789012:root',
      'arn:aws:iam::123456789012:user/alice',
      'arn:aws:iam::123456789012:user/a+b',
    ]);
    expect(rows.get('arn:aws:iam::123456789012:root')).toMatchObject({
      user: '<root_account>',
      password_enabled: 'not_supported',
      mfa_active: 'true',
    });
    expect(rows.get('arn:aws:iam::123456789012:user/a+b')?.user).toBe('a,b');
    expect(rows.get('arn:aws:iam::123456789012:user/alice')?.access_key_1_last_used_service).toBe('s3');
  });

  it('reads flags and dates, and the placeholders as unknown', () => {
    expect(reportFlag('true')).toBe(true);
    expect(reportFlag('FALSE')).toBe(false);
    expect(reportFlag('not_supported')).toBeUndefined();
    expect(reportDate('2019-03-07T21:32:57+00:00')).toBe('2019-03-07T21:32:57.000Z');
    expect(reportDate('N/A')).toBeUndefined();
    expect(reportDate('no_information')).toBeUndefined();
    expect(reportDate('not_supported')).toBeUndefined();
  });
});

describe("the emulator's report, read back", () => {
  it('keeps a user whose name holds a comma on one row', () => {
    const estate = generateAwsEstate({ seed: 3, accounts: 2, regionsPerAccount: 1 });
    const account = estate.accounts[1];
    const user = account?.iam.users[0];
    if (!account || !user) throw new Error('the estate has no member account with users');
    user.userName = 'ops,contractor';
    const rows = parseCredentialReport(credentialReportCsv(account));
    expect(rows.get(user.arn)?.user).toBe('ops,contractor');
    expect(rows.size).toBe(account.iam.users.length + 1);
  });
});
