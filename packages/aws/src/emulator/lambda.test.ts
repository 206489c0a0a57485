import {
  GetPolicyCommand,
  LambdaClient,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsLambdaFunction } from './estate-types.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 71,
    scale: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 4, counts: { lambdaFunctions: 7 } },
  });
});
afterAll(() => emulator.close());

const hubRegion = () => {
  const region = emulator.estate.accounts[0]?.regions['us-east-1'];
  if (!region) throw new Error('no hub region');
  return region;
};
const lambda = (region = 'us-east-1') => new LambdaClient(clientConfig(emulator, { region }));
const named = (suffix: string): AwsLambdaFunction => {
  const f = hubRegion().lambdaFunctions.find((x) => x.functionName.endsWith(suffix));
  if (!f) throw new Error(`no function ${suffix}`);
  return f;
};

describe('Lambda emulation', () => {
  it('pages ListFunctions with MaxItems and NextMarker, per region', async () => {
    const arns: string[] = [];
    let pages = 0;
    for await (const page of paginateListFunctions({ client: lambda() }, { MaxItems: 3 })) {
      pages++;
      arns.push(...(page.Functions ?? []).map((f) => f.FunctionArn ?? ''));
    }
    const model = hubRegion().lambdaFunctions;
    expect(arns).toEqual(model.map((f) => f.functionArn));
    expect(pages).toBe(Math.ceil(model.length / 3));
    const other = await lambda('eu-west-1').send(new ListFunctionsCommand({}));
    const otherModel = emulator.estate.accounts[0]?.regions['eu-west-1']?.lambdaFunctions ?? [];
    expect(other.Functions?.map((f) => f.FunctionName)).toEqual(otherModel.map((f) => f.functionName));
  });

  it('returns the documented FunctionConfiguration', async () => {
    const out = await lambda().send(new ListFunctionsCommand({ MaxItems: 1000 }));
    const vpc = hubRegion().lambdaFunctions.find((f) => f.vpcConfig);
    const f = out.Functions?.find((x) => x.FunctionArn === vpc?.functionArn);
    expect(f).toMatchObject({
      FunctionName: vpc?.functionName,
      Runtime: vpc?.runtime,
      Role: vpc?.role,
      Version: '$LATEST',
      PackageType: 'Zip',
      TracingConfig: { Mode: vpc?.tracingMode },
      VpcConfig: { SubnetIds: vpc?.vpcConfig?.subnetIds, SecurityGroupIds: vpc?.vpcConfig?.securityGroupIds },
    });
    expect(f?.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  });

  it('answers GetPolicy with the policy, and ResourceNotFoundException when there is none', async () => {
    const open = named('-public-invoke');
    const out = await lambda().send(new GetPolicyCommand({ FunctionName: open.functionName }));
    expect(JSON.parse(out.Policy ?? '{}')).toEqual(open.policy);
    const byArn = await lambda().send(new GetPolicyCommand({ FunctionName: open.functionArn }));
    expect(byArn.Policy).toBe(out.Policy);
    const none = named('-legacy-report');
    const error = await rejectionOf(lambda().send(new GetPolicyCommand({ FunctionName: none.functionName })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.$metadata?.httpStatusCode).toBe(404);
    const missing = await rejectionOf(
      lambda().send(new GetPolicyCommand({ FunctionName: 'no-such-function' })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.message).toContain('Function not found');
  });

  it('lists function URLs with their auth type, and aliases', async () => {
    const webhook = named('-public-webhook');
    const urls = await lambda().send(
      new ListFunctionUrlConfigsCommand({ FunctionName: webhook.functionName }),
    );
    expect(urls.FunctionUrlConfigs).toEqual([
      expect.objectContaining({
        AuthType: 'NONE',
        FunctionArn: webhook.functionArn,
        FunctionUrl: webhook.url?.url,
      }),
    ]);
    const plain = named('-public-invoke');
    const none = await lambda().send(new ListFunctionUrlConfigsCommand({ FunctionName: plain.functionName }));
    expect(none.FunctionUrlConfigs).toEqual([]);
    const aliased = hubRegion().lambdaFunctions.find((f) => f.aliases.length > 0);
    const aliases = await lambda().send(new ListAliasesCommand({ FunctionName: aliased?.functionName }));
    expect(aliases.Aliases?.map((a) => a.AliasArn)).toEqual(
      aliased?.aliases.map((a) => `${aliased.functionArn}:${a.name}`),
    );
  });

  it('answers REST-JSON errors: bad MaxItems and markers, throttling and denial by fault rules', async () => {
    const bad = await rejectionOf(lambda().send(new ListFunctionsCommand({ MaxItems: 0 })));
    expect(bad.name).toBe('InvalidParameterValueException');
    const marker = await rejectionOf(lambda().send(new ListFunctionsCommand({ Marker: 'bogus' })));
    expect(marker.name).toBe('InvalidParameterValueException');
    emulator.setFaults([{ service: 'lambda', operation: 'ListFunctions', kind: 'Throttling', times: 1 }]);
    const throttled = await rejectionOf(lambda().send(new ListFunctionsCommand({})));
    expect(throttled.name).toBe('TooManyRequestsException');
    expect(throttled.$metadata?.httpStatusCode).toBe(429);
    emulator.setFaults([{ service: 'lambda', kind: 'AccessDenied', times: 1 }]);
    const denied = await rejectionOf(lambda().send(new ListFunctionsCommand({})));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('lambda:ListFunctions');
    emulator.setFaults([]);
  });

  it('serves each account its own functions through the audit role', async () => {
    const account = emulator.estate.accounts[1];
    if (!account) throw new Error('no second account');
    const credentials = await assumeAuditRole(emulator, account.id);
    const client = new LambdaClient(clientConfig(emulator, { credentials }));
    const out = await client.send(new ListFunctionsCommand({ MaxItems: 1000 }));
    expect(out.Functions?.map((f) => f.FunctionArn)).toEqual(
      account.regions['us-east-1']?.lambdaFunctions.map((f) => f.functionArn),
    );
  });
});
