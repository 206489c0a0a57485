import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pythonJson, statementRows } from './policy-rows.ts';

describe('policy statement rows', () => {
  it('writes JSON text exactly as Python json.dumps does, as Cartography stores it', () => {
    const value = [
      {
        StringEquals: { 'aws:PrincipalTag/team': ['é-ops', 'naïve \u2028 "quoted"', 'emoji 😀'] },
        Bool: { 'aws:SecureTransport': false },
        NumericLessThan: { 's3:max-keys': 10 },
        Null: null,
        Tab: 'a\tb\\c\u0001\u007f',
      },
    ];
    const python = execFileSync(
      'python3',
      ['-c', 'import json,sys; print(json.dumps(json.load(sys.stdin)), end="")'],
      {
        input: JSON.stringify(value),
        encoding: 'utf8',
      },
    );
    expect(pythonJson(value)).toBe(python);
  });

  it('keys statements by Sid, counts those without one, and keeps a repeated Sid apart', () => {
    const rows = statementRows('arn:aws:iam::aws:policy/P', {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
        { Sid: 'A', Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
        { Effect: 'Allow', Action: 'sts:*', Resource: '*', Condition: { Bool: { 'aws:x': 'true' } } },
      ],
    });
    expect(rows.map((r) => r.id)).toEqual([
      'arn:aws:iam::aws:policy/P/statement/A',
      'arn:aws:iam::aws:policy/P/statement/1',
      'arn:aws:iam::aws:policy/P/statement/2',
      'arn:aws:iam::aws:policy/P/statement/3',
    ]);
    expect(rows[3]?.condition).toBe('[{"Bool": {"aws:x": "true"}}]');
  });
});
