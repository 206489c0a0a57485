import { describe, expect, it } from 'vitest';
import { EKS_CA_DATA } from '../../emulator/generate-eks.ts';
import { certificateFields, transformClusters } from './clusters.ts';

const where = { accountId: '111122223333', region: 'us-west-2' };
const ARN = 'arn:aws:eks:us-west-2:111122223333:cluster/prod';
const KEY = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE = 'arn:aws:iam::111122223333:role/eks-admin';

describe('EKS transforms', () => {
  it('writes a cluster as Cartography does, with endpoint access, logging and the secrets key', () => {
    const [clusters, nodegroups, entries] = transformClusters(
      {
        clusters: [
          {
            cluster: {
              name: 'prod',
              arn: ARN,
              createdAt: new Date('2024-01-02T03:04:05Z'),
              version: '1.30',
              endpoint: 'https://ABC.gr7.us-west-2.eks.amazonaws.com',
              roleArn: 'arn:aws:iam::111122223333:role/eks-cluster-role',
              resourcesVpcConfig: {
                vpcId: 'vpc-1',
                endpointPublicAccess: true,
                endpointPrivateAccess: false,
                publicAccessCidrs: ['0.0.0.0/0'],
              },
              logging: {
                clusterLogging: [
                  { types: ['api', 'audit'], enabled: true },
                  { types: ['scheduler'], enabled: false },
                ],
              },
              encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: KEY } }],
              accessConfig: { authenticationMode: 'API' },
              status: 'ACTIVE',
              platformVersion: 'eks.5',
            },
            nodegroups: [
              {
                nodegroupName: 'ng',
                nodegroupArn: 'arn:aws:eks:us-west-2:111122223333:nodegroup/prod/ng/1',
                subnets: ['subnet-1'],
                scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
              },
            ],
            accessEntries: [{ principalArn: ROLE, type: 'STANDARD', kubernetesGroups: [] }],
          },
        ],
      },
      where,
    );
    expect(clusters?.rows[0]).toMatchObject({
      id: ARN,
      created_at: '2024-01-02T03:04:05.000Z',
      endpoint_public_access: true,
      public_access_cidrs: ['0.0.0.0/0'],
      audit_logging: true,
      logging_types: ['api', 'audit'],
      secrets_encryption_key_arn: KEY,
      authentication_mode: 'API',
      certificate_authority_data_present: false,
      certificate_authority_parse_status: 'missing',
      secretsKey: KEY,
    });
    expect(nodegroups?.rows[0]).toMatchObject({
      cluster_name: 'prod',
      desired_size: 2,
      cluster: ARN,
      subnets: ['subnet-1'],
    });
    expect(entries?.rows[0]).toMatchObject({
      id: `${ARN}/access-entry/${ROLE}`,
      principal_arn: ROLE,
      cluster: ARN,
      principal: ROLE,
    });
  });

  it('parses the certificate authority as Cartography does, and says why it could not', () => {
    expect(certificateFields(EKS_CA_DATA)).toMatchObject({
      certificate_authority_data_present: true,
      certificate_authority_parse_status: 'parsed',
      certificate_authority_subject: 'CN=kubernetes',
      certificate_authority_issuer: 'CN=kubernetes',
      certificate_authority_sha256_fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      certificate_authority_not_before: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(certificateFields('not base64!')).toMatchObject({
      certificate_authority_parse_status: 'invalid_base64',
    });
    expect(certificateFields(Buffer.from('hello').toString('base64'))).toMatchObject({
      certificate_authority_parse_status: 'invalid_certificate',
    });
  });
});
