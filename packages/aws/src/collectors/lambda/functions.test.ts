import { describe, expect, it } from 'vitest';
import { type FunctionDetails, transformFunctions } from './functions.ts';

const where = { accountId: '123456789012', region: 'us-east-2' };
const ARN = 'arn:aws:lambda:us-east-2:123456789012:function:my-function';
const ROLE = 'arn:aws:iam::123456789012:role/lambda-role';

/** ListFunctions, GetPolicy, ListFunctionUrlConfigs and ListAliases answers (Lambda API reference examples). */
function details(fields: Partial<FunctionDetails> = {}): FunctionDetails {
  return {
    configuration: {
      FunctionName: 'my-function',
      FunctionArn: ARN,
      Runtime: 'nodejs20.x',
      Role: ROLE,
      Handler: 'index.handler',
      CodeSize: 302,
      Description: '',
      Timeout: 3,
      MemorySize: 128,
      LastModified: '2019-09-24T18:20:35.054+0000',
      CodeSha256: 'ZQukCqxtkqFgyF2cU41Avj99TKQ/hNihPtDtRcc08mI=',
      Version: '$LATEST',
      VpcConfig: {
        SubnetIds: ['subnet-071f712345678e7c8'],
        SecurityGroupIds: ['sg-085912345678492fb'],
        VpcId: 'vpc-08e1234',
      },
      TracingConfig: { Mode: 'PassThrough' },
      RevisionId: '5e0c7ad0-fe5f-4a96-b2f3-f1b0f2c6e4a9',
      Layers: [{ Arn: 'arn:aws:lambda:us-east-2:123456789012:layer:my-layer:3', CodeSize: 169 }],
      PackageType: 'Zip',
      Architectures: ['arm64'],
    },
    policy: null,
    urls: [],
    aliases: [
      {
        AliasArn: `${ARN}:BLUE`,
        Name: 'BLUE',
        FunctionVersion: '3',
        Description: 'Production environment BLUE.',
        RevisionId: '594f41fb-b85f-4c20-95c7-6ca5f2a92c93',
      },
    ],
    ...fields,
  };
}

const statement = (fields: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Id: 'default',
    Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: ARN, ...fields }],
  });

describe('Lambda transforms', () => {
  it('writes a function as Cartography does, with its role, VPC, layers and aliases', () => {
    const [functions, layers, aliases] = transformFunctions({ functions: [details()] }, where);
    expect(functions?.rows[0]).toMatchObject({
      id: ARN,
      arn: ARN,
      name: 'my-function',
      modifieddate: '2019-09-24T18:20:35.054+0000',
      memory: 128,
      tracingconfigmode: 'PassThrough',
      architecture_normalized: 'arm64',
      anonymous_access: false,
      anonymous_actions: [],
      cross_account_principals: [],
      role: ROLE,
      principal: ROLE,
      executionRole: ROLE,
      vpc_id: 'vpc-08e1234',
      subnets: ['subnet-071f712345678e7c8'],
      securityGroups: ['sg-085912345678492fb'],
    });
    expect(layers?.rows).toEqual([
      {
        id: 'arn:aws:lambda:us-east-2:123456789012:layer:my-layer:3',
        arn: 'arn:aws:lambda:us-east-2:123456789012:layer:my-layer:3',
        codesize: 169,
        signingprofileversionarn: undefined,
        signingjobarn: undefined,
        functionarn: ARN,
        region: 'us-east-2',
        functions: ARN,
      },
    ]);
    expect(aliases?.rows[0]).toMatchObject({
      id: `${ARN}:BLUE`,
      aliasname: 'BLUE',
      functionversion: '3',
      function: ARN,
    });
  });

  it('reads public and cross-account access from the policy and the function URL', () => {
    const rows = (d: Partial<FunctionDetails>) =>
      transformFunctions({ functions: [details(d)] }, where)[0]?.rows[0];
    expect(rows({ policy: statement({ Principal: '*' }) })).toMatchObject({
      anonymous_access: true,
      anonymous_actions: ['lambda:InvokeFunction'],
    });
    // A service that invokes the function on behalf of the account's own resource is not the public.
    expect(
      rows({
        policy: statement({
          Principal: { Service: 's3.amazonaws.com' },
          Condition: { StringEquals: { 'AWS:SourceAccount': '123456789012' } },
        }),
      }),
    ).toMatchObject({ anonymous_access: false, cross_account_principals: [] });
    expect(rows({ policy: statement({ Principal: { AWS: '210987654321' } }) })).toMatchObject({
      anonymous_access: false,
      cross_account_principals: ['arn:aws:iam::210987654321:root'],
    });
    // The statement the console adds with an auth type NONE URL: the auth type condition narrows no caller.
    const publicUrl = rows({
      policy: statement({
        Principal: '*',
        Action: 'lambda:InvokeFunctionUrl',
        Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
      }),
      urls: [
        {
          FunctionUrl: 'https://abc.lambda-url.us-east-2.on.aws/',
          FunctionArn: ARN,
          AuthType: 'NONE',
          CreationTime: '',
          LastModifiedTime: '',
        },
      ],
    });
    expect(publicUrl).toMatchObject({
      anonymous_access: true,
      anonymous_actions: ['lambda:InvokeFunctionUrl'],
      function_url: 'https://abc.lambda-url.us-east-2.on.aws/',
      function_url_auth_type: 'NONE',
    });
    // A policy that could not be read leaves the analysis unknown.
    expect(rows({ policy: undefined })?.anonymous_access).toBeUndefined();
  });
});
