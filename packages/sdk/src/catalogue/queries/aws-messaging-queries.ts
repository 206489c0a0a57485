import { awsQuery } from './provider-query.ts';

/** SQS queues and SNS topics: who their resource policies let in, and encryption at rest. */

const COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
  name: 'string',
  arn: 'string',
} as const;

/** Nodes of `label` (as `n`) that pass `where`, returning the shared columns then `extra`. */
function messagingCypher(label: 'AWSSQSQueue' | 'AWSSNSTopic', where: string, extra: string): string {
  return `MATCH (a:AWSAccount)-[:RESOURCE]->(n:${label})
WHERE ${where}
RETURN a.id AS account_id, a.name AS account_name, n.region AS region, n.name AS name, n.arn AS arn, ${extra}
ORDER BY account_name, region, arn`;
}

export const sqsQueuePublic = awsQuery({
  name: 'sqs_queue_public',
  title: 'SQS queues anyone may use',
  group: 'sqs',
  tags: ['security', 'messaging', 'misconfig'],
  description:
    'SQS queues whose queue policy allows everyone (Principal "*") without a condition: any AWS account can run the listed actions, sending forged messages to its consumers or reading and deleting its messages',
  severity: 'critical',
  remediation:
    'Replace the "*" principal with the accounts or roles that need the queue, or narrow it with aws:SourceArn (the topic or bucket that sends) or aws:PrincipalOrgID.',
  cypher: messagingCypher(
    'AWSSQSQueue',
    'n.anonymous_access = true',
    'n.anonymous_actions AS anonymous_actions',
  ),
  columns: { ...COLUMNS, anonymous_actions: 'string[]?' },
  identity: ['arn'],
});

export const snsTopicPublic = awsQuery({
  name: 'sns_topic_public',
  title: 'SNS topics anyone may use',
  group: 'sns',
  tags: ['security', 'messaging', 'misconfig'],
  description:
    'SNS topics whose topic policy allows everyone (Principal "*") without a condition: any AWS account can run the listed actions, publishing forged notifications or subscribing to read every message',
  severity: 'critical',
  remediation:
    'Replace the "*" principal with the accounts that need the topic, or narrow it with aws:SourceOwner, aws:SourceArn or aws:PrincipalOrgID.',
  cypher: messagingCypher(
    'AWSSNSTopic',
    'n.anonymous_access = true',
    'n.anonymous_actions AS anonymous_actions',
  ),
  columns: { ...COLUMNS, anonymous_actions: 'string[]?' },
  identity: ['arn'],
});

export const sqsQueueCrossAccount = awsQuery({
  name: 'sqs_queue_cross_account',
  title: 'SQS queues other accounts may use',
  group: 'sqs',
  tags: ['security', 'messaging', 'identity'],
  description:
    'SQS queues whose queue policy allows principals of other AWS accounts; check each is an account you mean to exchange messages with',
  severity: 'medium',
  remediation:
    'Remove the statements naming accounts that should not use the queue, or narrow them to the actions they need.',
  cypher: messagingCypher(
    'AWSSQSQueue',
    'size(n.cross_account_principals) > 0',
    'n.cross_account_principals AS cross_account_principals',
  ),
  columns: { ...COLUMNS, cross_account_principals: 'string[]' },
  identity: ['arn'],
});

export const snsTopicCrossAccount = awsQuery({
  name: 'sns_topic_cross_account',
  title: 'SNS topics other accounts may use',
  group: 'sns',
  tags: ['security', 'messaging', 'identity'],
  description:
    'SNS topics whose topic policy allows principals of other AWS accounts; check each is an account you mean to publish to or subscribe from the topic',
  severity: 'medium',
  remediation:
    'Remove the statements naming accounts that should not use the topic, or narrow them to the actions they need.',
  cypher: messagingCypher(
    'AWSSNSTopic',
    'size(n.cross_account_principals) > 0',
    'n.cross_account_principals AS cross_account_principals',
  ),
  columns: { ...COLUMNS, cross_account_principals: 'string[]' },
  identity: ['arn'],
});

export const sqsQueueUnencrypted = awsQuery({
  name: 'sqs_queue_unencrypted',
  title: 'SQS queues without server-side encryption',
  group: 'sqs',
  tags: ['security', 'messaging', 'encryption', 'misconfig'],
  description:
    'SQS queues with neither SSE-SQS nor a KMS key: messages waiting in the queue are stored unencrypted',
  severity: 'low',
  remediation:
    'Turn on SSE-SQS (set-queue-attributes --attributes SqsManagedSseEnabled=true) or SSE-KMS with a customer managed key (KmsMasterKeyId).',
  cypher: messagingCypher(
    'AWSSQSQueue',
    'n.kms_master_key_id IS NULL AND n.sqs_managed_sse_enabled = false',
    'n.anonymous_access AS anonymous_access',
  ),
  columns: { ...COLUMNS, anonymous_access: 'boolean?' },
  identity: ['arn'],
});

export const snsTopicUnencrypted = awsQuery({
  name: 'sns_topic_unencrypted',
  title: 'SNS topics without server-side encryption',
  group: 'sns',
  tags: ['security', 'messaging', 'encryption', 'misconfig'],
  description: 'SNS topics without a KMS key: messages are stored unencrypted until they are delivered',
  severity: 'low',
  remediation:
    'Set a KMS key on the topic (set-topic-attributes --attribute-name KmsMasterKeyId), alias/aws/sns or a customer managed key whose policy lets the publishers use it.',
  // A topic whose attributes could not be read has no owner either: unknown, not unencrypted.
  cypher: messagingCypher(
    'AWSSNSTopic',
    'n.owner IS NOT NULL AND n.kmsmasterkeyid IS NULL',
    'n.anonymous_access AS anonymous_access',
  ),
  columns: { ...COLUMNS, anonymous_access: 'boolean?' },
  identity: ['arn'],
});

export const awsMessagingQueries = [
  sqsQueuePublic,
  snsTopicPublic,
  sqsQueueCrossAccount,
  snsTopicCrossAccount,
  sqsQueueUnencrypted,
  snsTopicUnencrypted,
] as const;
