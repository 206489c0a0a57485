/**
 * Types skygraph writes that Cartography has no model of, by main label,
 * with the reason. Their names follow Cartography's style; each is named in
 * docs/migrating-from-cartography.md. The label and schema tests check that
 * Cartography still models none of them: when it does, skygraph takes its
 * names and the type leaves this list.
 */
export const SKYGRAPH_ONLY_TYPES: Readonly<Record<string, string>> = {
  AWSOrganizationPolicy: 'Organizations service and resource control policies: no open tool graphs them',
  AWSOrganizationPolicyStatement: 'the statements of those policies',
  AWSEBSDefaultEncryption:
    'EBS encryption by default per account and region (GetEbsEncryptionByDefault): Cartography has no model of it',
  AWSEKSNodegroup: 'EKS managed node groups: Cartography reads clusters and access entries only',
  AWSGuardDutyRegionStatus:
    'GuardDuty coverage per account and region: Cartography writes nothing where no detector exists',
};
