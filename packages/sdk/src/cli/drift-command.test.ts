import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../drift/index.ts';
import { describeDrift } from './drift-command.ts';

describe('describeDrift', () => {
  it('says per sink what was delivered and why the rest is pending', () => {
    const report = {
      runId: 'r',
      takenAt: '2026-12-07T00:00:00.000Z',
      namespace: 'default',
      dryRun: false,
      queries: [],
      alerts: [],
      suppressed: [],
      sinks: [
        {
          sink: 'secops',
          type: 'slack',
          delivered: 0,
          redelivered: 0,
          failed: 117,
          errors: ['secops: HTTP 503 down'],
        },
        { sink: 'audit', type: 'webhook', delivered: 117, redelivered: 0, failed: 0, errors: [] },
      ],
      pending: 117,
      warnings: [],
      status: 'failed',
    } as unknown as DriftReport;
    const text = describeDrift(report);
    expect(text).toContain('sink secops (slack): 0 delivered, 117 failed: secops: HTTP 503 down');
    expect(text).toContain('sink audit (webhook): 117 delivered');
    expect(text).toContain('117 pending delivery');
  });
});
