import { describe, expect, it } from 'vitest';
import { parsePolicyDocument, statementsOf, trustedPrincipals } from './policy-document.ts';

describe('policy documents', () => {
  it('parses the URL-encoded JSON the IAM Query API returns, and plain JSON', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
    };
    const encoded = encodeURIComponent(JSON.stringify(doc));
    expect(parsePolicyDocument(encoded)).toEqual(doc);
    expect(parsePolicyDocument(JSON.stringify(doc))).toEqual(doc);
    expect(parsePolicyDocument('not json')).toBeUndefined();
    // A single statement object counts as a list of one.
    expect(statementsOf(doc)).toHaveLength(1);
  });

  it("lists a trust policy's principals, account ids as root ARNs, Allow statements only", () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            AWS: ['111122223333', 'arn:aws:iam::444455556666:role/deployer'],
            Service: 'ec2.amazonaws.com',
          },
          Action: 'sts:AssumeRole',
        },
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/corp' },
          Action: 'sts:AssumeRoleWithSAML',
        },
        { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
      ],
    };
    expect(trustedPrincipals(trust)).toEqual({
      aws: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:role/deployer', '*'],
      service: ['ec2.amazonaws.com'],
      federated: ['arn:aws:iam::111122223333:saml-provider/corp'],
    });
  });
});
