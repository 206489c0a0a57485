import { ConfigError } from '@skygraph/core';
import { describe, expect, it } from 'vitest';
import { parseAlertRules } from './load-alert-rules.ts';

const valid = `
sinks:
  secops:
    type: slack
    webhookUrlEnv: SLACK_WEBHOOK_URL
  tickets:
    type: jira
    url: https://example.atlassian.net
    apiVersion: 3
    project: SEC
    emailEnv: JIRA_EMAIL
    apiTokenEnv: JIRA_API_TOKEN
rules:
  - name: exposure
    tags: [exposure]
    on: [added, changed]
    minSeverity: high
    sinks: [secops, tickets]
exceptions:
  - queries: ["aws-ec2-*"]
    match: { instance: "i-0bastion*" }
    reason: bastion hosts are reachable on 22 by design
    expires: 2027-03-31
`;

function problems(text: string): string {
  try {
    parseAlertRules(text, 'rules.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the rules to be rejected');
}

describe('parseAlertRules', () => {
  it('accepts a valid file and fills in defaults', () => {
    const rules = parseAlertRules(valid);
    expect(rules.baseline).toBe('silent');
    expect(rules.rules[0]?.minSeverity).toBe('high');
    expect(rules.sinks.tickets).toMatchObject({ type: 'jira', issueType: 'Bug', deployment: 'cloud' });
    expect(rules.delivery.retries).toBe(3);
    // A date alone means through that day (UTC).
    expect(rules.exceptions[0]?.expires?.endsAt.toISOString()).toBe('2027-04-01T00:00:00.000Z');
  });

  it('points at the line and column of a bad value and says what is expected', () => {
    const message = problems(valid.replace('on: [added, changed]', 'on: [added, new]'));
    expect(message).toMatch(
      /rules\.yaml:16:\d+: rules\[0\]\.on\[1\]: expected one of added, removed, changed \(got "new"\)/,
    );
  });

  it('rejects an exception without a reason and an unknown key, all at once', () => {
    const text = valid
      .replace('    reason: bastion hosts are reachable on 22 by design\n', '')
      .replace('minSeverity: high', 'minSeverity: high\n    severity: high');
    const message = problems(text);
    expect(message).toContain('exceptions[0].reason: every exception needs a reason');
    expect(message).toContain('rules[0]: unknown key "severity"');
  });

  it('rejects a rule that sends to a sink the file does not define', () => {
    expect(problems(valid.replace('sinks: [secops, tickets]', 'sinks: [secops, pager]'))).toContain(
      'rules[0].sinks[1]: unknown sink "pager" (defined: secops, tickets)',
    );
  });

  it('wants the name of the variable holding a secret, not the secret', () => {
    const message = problems(
      valid.replace(
        'webhookUrlEnv: SLACK_WEBHOOK_URL',
        'webhookUrlEnv: https://hooks.slack.com/services/T0/B0/xyz',
      ),
    );
    expect(message).toContain('sinks.secops.webhookUrlEnv: expected the name of an environment variable');
    expect(message).not.toContain('hooks.slack.com');
  });

  it('rejects an expiry that is not a date', () => {
    expect(problems(valid.replace('expires: 2027-03-31', 'expires: next spring'))).toContain(
      'exceptions[0].expires: expected a date, e.g. 2027-03-31',
    );
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problems('rules: [\n  - name: x\n')).toMatch(/rules\.yaml:\d+:\d+: /);
  });
});
