import type { Row } from '@skygraph/core';
import { describe, expect, it } from 'vitest';
import type { AlertRulesInput } from './alert-rules.ts';
import { alertRulesSchema } from './alert-rules.ts';
import { evaluateAlerts } from './evaluate-alerts.ts';
import type { FindingQuery } from './finding-query.ts';
import type { Snapshot } from './snapshot.ts';
import { type AlertState, emptyAlertState } from './snapshot-store.ts';

const openGroups: FindingQuery = {
  name: 'aws-sg-open-to-world',
  severity: 'high',
  tags: ['exposure', 'aws'],
  description: 'Security groups that let 0.0.0.0/0 in',
  cypher: 'unused here',
  identityKeys: ['account', 'group'],
};
const newUsers: FindingQuery = {
  name: 'aws-iam-users',
  severity: 'info',
  tags: ['inventory'],
  cypher: 'unused here',
  identityKeys: ['account', 'user'],
};

function rules(extra: Partial<AlertRulesInput> = {}) {
  return alertRulesSchema.parse({
    sinks: { slack: { type: 'slack', webhookUrlEnv: 'SLACK' }, log: { type: 'stdout' } },
    rules: [{ name: 'exposure', tags: ['exposure'], on: ['added', 'changed', 'removed'], sinks: ['slack'] }],
    ...extra,
  });
}

/** Runs evaluations one after the other, carrying the snapshots and the state, as drift does. */
function driftSession(config: ReturnType<typeof rules>, queries: FindingQuery[] = [openGroups]) {
  let state: AlertState = emptyAlertState();
  const previous = new Map<string, Snapshot>();
  let run = 0;
  return (rowsByQuery: Record<string, Row[]>, now = new Date(`2026-06-0${run + 1}T03:00:00Z`)) => {
    run += 1;
    const evaluations = queries.map((query) => {
      const current: Snapshot = {
        id: `${query.name}/${run}`,
        namespace: 'default',
        query: query.name,
        runId: `run-${run}`,
        takenAt: now.toISOString(),
        identityKeys: query.identityKeys,
        columns: [],
        rows: rowsByQuery[query.name] ?? [],
        truncated: false,
      };
      const before = previous.get(query.name);
      previous.set(query.name, current);
      return { query, current, ...(before ? { previous: before } : {}) };
    });
    const result = evaluateAlerts({ rules: config, evaluations, state, runId: `run-${run}`, now });
    state = result.state;
    return result;
  };
}

const sg = (account: string, group: string, ports: number[] = [22]) => ({ account, group, ports });

describe('evaluateAlerts', () => {
  it('stays quiet on the first snapshot, then alerts what is new, once', () => {
    const run = driftSession(rules());
    expect(run({ [openGroups.name]: [sg('111', 'sg-1')] }).alerts).toEqual([]);
    const second = run({ [openGroups.name]: [sg('111', 'sg-1'), sg('222', 'sg-2')] });
    expect(second.alerts.map((a) => [a.transition, a.identity])).toEqual([
      ['added', { account: '222', group: 'sg-2' }],
    ]);
    expect(second.alerts[0]).toMatchObject({
      query: 'aws-sg-open-to-world',
      severity: 'high',
      scope: { column: 'account', value: '222' },
      resource: 'sg-2',
      rules: ['exposure'],
    });
    expect(second.deliveries.map((d) => d.sink)).toEqual(['slack']);
    expect(run({ [openGroups.name]: [sg('111', 'sg-1'), sg('222', 'sg-2')] }).alerts).toEqual([]);
  });

  it('alerts every finding of the first snapshot with baseline: alert', () => {
    const run = driftSession(rules({ baseline: 'alert' }));
    expect(run({ [openGroups.name]: [sg('1', 'a'), sg('1', 'b')] }).alerts).toHaveLength(2);
  });

  it('never alerts twice for a finding already alerted and still present, even if a diff says it is new', () => {
    const config = rules();
    const first = driftSession(config);
    first({ [openGroups.name]: [] });
    const alerted = first({ [openGroups.name]: [sg('1', 'a')] });
    expect(alerted.alerts).toHaveLength(1);
    // A run that compares with an older snapshot (the newer one was lost) but has the state.
    const replay = evaluateAlerts({
      rules: config,
      evaluations: [
        {
          query: openGroups,
          previous: { ...snapshotOf([]), runId: 'old' },
          current: snapshotOf([sg('1', 'a')]),
        },
      ],
      state: alerted.state,
      runId: 'again',
      now: new Date('2026-06-09T00:00:00Z'),
    });
    expect(replay.alerts).toEqual([]);
  });

  it('reports a changed finding with old and new values, once per new content', () => {
    const run = driftSession(rules());
    run({ [openGroups.name]: [sg('1', 'a', [22])] });
    const changed = run({ [openGroups.name]: [sg('1', 'a', [22, 3389])] });
    expect(changed.alerts.map((a) => [a.transition, a.changes])).toEqual([
      ['changed', { ports: { old: [22], new: [22, 3389] } }],
    ]);
    expect(run({ [openGroups.name]: [sg('1', 'a', [22, 3389])] }).alerts).toEqual([]);
  });

  it('alerts a removed finding, and alerts it again if it comes back', () => {
    const run = driftSession(rules());
    run({ [openGroups.name]: [] });
    run({ [openGroups.name]: [sg('1', 'a')] });
    expect(run({ [openGroups.name]: [] }).alerts.map((a) => a.transition)).toEqual(['removed']);
    expect(run({ [openGroups.name]: [sg('1', 'a')] }).alerts.map((a) => a.transition)).toEqual(['added']);
  });

  it('lets an exception suppress a finding until it expires, then alerts once', () => {
    const config = rules({
      exceptions: [
        {
          queries: ['aws-sg-*'],
          match: { account: '1', group: 'sg-bastion*' },
          reason: 'bastion, accepted in SEC-12',
          expires: '2026-06-02',
        },
      ],
    });
    const run = driftSession(config);
    run({ [openGroups.name]: [] }, new Date('2026-06-01T03:00:00Z'));
    const suppressed = run(
      { [openGroups.name]: [sg('1', 'sg-bastion-1'), sg('1', 'sg-web')] },
      new Date('2026-06-02T03:00:00Z'),
    );
    expect(suppressed.alerts.map((a) => a.resource)).toEqual(['sg-web']);
    expect(suppressed.suppressed).toMatchObject([
      {
        fingerprint: expect.any(String),
        transition: 'added',
        reason: 'bastion, accepted in SEC-12 (until 2026-06-02)',
      },
    ]);
    const expired = run(
      { [openGroups.name]: [sg('1', 'sg-bastion-1'), sg('1', 'sg-web')] },
      new Date('2026-06-03T00:00:01Z'),
    );
    expect(expired.alerts.map((a) => [a.transition, a.resource])).toEqual([['added', 'sg-bastion-1']]);
    expect(expired.alerts[0]?.note).toBe('exception expired: bastion, accepted in SEC-12 (until 2026-06-02)');
    expect(
      run(
        { [openGroups.name]: [sg('1', 'sg-bastion-1'), sg('1', 'sg-web')] },
        new Date('2026-06-04T00:00:00Z'),
      ).alerts,
    ).toEqual([]);
  });

  it('alerts a finding present since the baseline when the exception that covered it expires', () => {
    const config = rules({
      exceptions: [
        { match: { group: 'sg-old' }, reason: 'legacy, decommission in Q2', expires: '2026-06-01' },
      ],
    });
    const run = driftSession(config);
    run({ [openGroups.name]: [sg('1', 'sg-old')] }, new Date('2026-05-01T00:00:00Z'));
    const result = run({ [openGroups.name]: [sg('1', 'sg-old')] }, new Date('2026-06-05T00:00:00Z'));
    expect(result.alerts.map((a) => a.note)).toEqual([
      'exception expired: legacy, decommission in Q2 (until 2026-06-01)',
    ]);
  });

  it('applies severity thresholds and tags, and sends a finding raised by two rules once per sink', () => {
    const config = rules({
      rules: [
        { name: 'exposure', tags: ['exposure'], on: ['added'], minSeverity: 'high', sinks: ['slack'] },
        { name: 'everything-aws', tags: ['aws', 'inventory'], on: ['added'], sinks: ['slack', 'log'] },
        { name: 'critical-only', queries: ['*'], on: ['added'], minSeverity: 'critical', sinks: ['log'] },
      ],
    });
    const run = driftSession(config, [openGroups, newUsers]);
    run({});
    const result = run({
      [openGroups.name]: [sg('1', 'a')],
      [newUsers.name]: [{ account: '1', user: 'bob' }],
    });
    const byQuery = Object.fromEntries(result.alerts.map((a) => [a.query, a.rules]));
    expect(byQuery).toEqual({
      'aws-sg-open-to-world': ['exposure', 'everything-aws'],
      'aws-iam-users': ['everything-aws'],
    });
    expect(result.deliveries.map((d) => `${d.alert.query}->${d.sink}`).sort()).toEqual([
      'aws-iam-users->log',
      'aws-iam-users->slack',
      'aws-sg-open-to-world->log',
      'aws-sg-open-to-world->slack',
    ]);
  });
});

function snapshotOf(rows: Row[]): Snapshot {
  return {
    id: `x/${rows.length}`,
    namespace: 'default',
    query: openGroups.name,
    runId: 'r',
    takenAt: '2026-06-08T00:00:00.000Z',
    identityKeys: openGroups.identityKeys,
    columns: [],
    rows,
    truncated: false,
  };
}
