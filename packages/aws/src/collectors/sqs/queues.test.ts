import { describe, expect, it } from 'vitest';
import { transformQueues } from './queues.ts';

const where = { accountId: '111122223333', region: 'eu-west-1' };
const ARN = 'arn:aws:sqs:eu-west-1:111122223333:orders';
const URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders';
const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', ...statement }],
  });

describe('SQS transform', () => {
  it('types the attributes, links the dead-letter queue and analyses the queue policy', () => {
    const [queues] = transformQueues(
      {
        queues: [
          {
            url: URL,
            attributes: {
              QueueArn: ARN,
              CreatedTimestamp: '1700000000',
              VisibilityTimeout: '30',
              SqsManagedSseEnabled: 'false',
              RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}-dlq`, maxReceiveCount: 5 }),
              Policy: policy({ Principal: '*' }),
            },
          },
          {
            url: `${URL}-b`,
            attributes: {
              QueueArn: `${ARN}-b`,
              KmsMasterKeyId: 'alias/aws/sqs',
              Policy: policy({
                Principal: '*',
                Condition: { StringEquals: { 'aws:SourceAccount': '444455556666' } },
              }),
            },
          },
          { url: `${URL}-c`, attributes: { QueueArn: `${ARN}-c`, SqsManagedSseEnabled: 'true' } },
        ],
      },
      where,
    );
    expect(queues.rows[0]).toMatchObject({
      id: ARN,
      name: 'orders',
      url: URL,
      created_timestamp: 1_700_000_000,
      visibility_timeout: 30,
      sqs_managed_sse_enabled: false,
      redrive_policy_dead_letter_target_arn: `${ARN}-dlq`,
      redrive_policy_max_receive_count: 5,
      dead_letter_queue: `${ARN}-dlq`,
      anonymous_access: true,
      anonymous_actions: ['sqs:SendMessage'],
      cross_account_principals: [],
      fifo_queue: false,
    });
    // `*` narrowed to another account's sources: that account, not everyone.
    expect(queues.rows[1]).toMatchObject({
      sqs_managed_sse_enabled: false,
      kms_master_key_id: 'alias/aws/sqs',
      anonymous_access: false,
      cross_account_principals: ['arn:aws:iam::444455556666:root'],
    });
    // No policy: open to no one beyond the account.
    expect(queues.rows[2]).toMatchObject({ anonymous_access: false, cross_account_principals: [] });
    expect(queues.rows[2]?.policy).toBeUndefined();
  });
});
