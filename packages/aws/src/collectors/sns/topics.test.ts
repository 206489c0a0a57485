import { describe, expect, it } from 'vitest';
import { transformSns } from './topics.ts';

const where = { accountId: '111122223333', region: 'eu-west-1' };
const ARN = 'arn:aws:sns:eu-west-1:111122223333:alerts';
const DEFAULT = {
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: ['SNS:Publish', 'SNS:Subscribe'],
  Condition: { StringEquals: { 'AWS:SourceOwner': '111122223333' } },
};
const policy = (...statements: Record<string, unknown>[]) => JSON.stringify({ Statement: statements });

describe('SNS transform', () => {
  it('writes Cartography attributes, analyses the topic policy and skips pending subscriptions', () => {
    const [topics, subscriptions] = transformSns(
      {
        topics: [
          {
            arn: ARN,
            attributes: {
              DisplayName: 'Alerts',
              Owner: '111122223333',
              SubscriptionsConfirmed: '2',
              Policy: policy(DEFAULT, {
                Effect: 'Allow',
                Principal: { AWS: 'arn:aws:iam::444455556666:root' },
                Action: 'SNS:Subscribe',
              }),
            },
          },
          {
            arn: `${ARN}-open`,
            attributes: { Policy: policy({ Effect: 'Allow', Principal: '*', Action: 'SNS:Publish' }) },
          },
          { arn: `${ARN}-refused`, attributes: undefined },
        ],
        subscriptions: [
          {
            SubscriptionArn: `${ARN}:1234`,
            TopicArn: ARN,
            Protocol: 'sqs',
            Endpoint: 'arn:aws:sqs:eu-west-1:111122223333:q',
          },
          { SubscriptionArn: 'PendingConfirmation', TopicArn: ARN, Protocol: 'email' },
        ],
      },
      where,
    );
    // The default policy narrows `*` to the owner account: neither public nor cross-account.
    expect(topics.rows[0]).toMatchObject({
      name: 'alerts',
      displayname: 'Alerts',
      subscriptionsconfirmed: 2,
      anonymous_access: false,
      cross_account_principals: ['arn:aws:iam::444455556666:root'],
    });
    expect(topics.rows[1]).toMatchObject({ anonymous_access: true, anonymous_actions: ['SNS:Publish'] });
    expect(topics.rows[2]?.anonymous_access).toBeUndefined();
    expect(topics.rows[2]?.kmsmasterkeyid).toBeUndefined();
    expect(subscriptions.rows).toEqual([
      expect.objectContaining({ id: `${ARN}:1234`, topic: ARN, protocol: 'sqs' }),
    ]);
  });
});
