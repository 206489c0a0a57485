import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsEmulator } from './server.ts';

export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** SDK client options aimed at the emulator; one attempt so that injected errors surface at once. */
export function clientConfig(
  emulator: AwsEmulator,
  options: { credentials?: TestCredentials; region?: string; maxAttempts?: number } = {},
) {
  return {
    endpoint: emulator.url,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? emulator.hubCredentials,
    maxAttempts: options.maxAttempts ?? 1,
  };
}

/** Assumes the audit role in an account with the hub credentials, as the collectors do. */
export async function assumeAuditRole(emulator: AwsEmulator, accountId: string): Promise<TestCredentials> {
  const sts = new STSClient(clientConfig(emulator));
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${emulator.estate.auditRoleName}`,
      RoleSessionName: 'skygraph-test',
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
    throw new Error('AssumeRole returned no credentials');
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

/** The rejection of a promise, for asserting on SDK errors. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}
