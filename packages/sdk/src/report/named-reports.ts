import type { QuerySelector } from '../catalogue/catalogue.ts';
import { CatalogueError } from '../catalogue/catalogue-error.ts';
import type { ReportSpec, SectionSpec } from './report-types.ts';

/** Section titles of the catalogue's groups. */
export const GROUP_TITLES: Readonly<Record<string, string>> = {
  account: 'Accounts',
  iam: 'IAM',
  ec2: 'EC2',
  ebs: 'EBS volumes',
  rds: 'RDS',
  s3: 'S3',
  vpc: 'VPCs and peerings',
  elb: 'Load balancers',
  hierarchy: 'Organisation, folders and projects',
  compute: 'Compute Engine',
  network: 'VPC networks and firewalls',
  gke: 'GKE',
  storage: 'Cloud Storage',
  users: 'Users',
  groups: 'Groups',
};

const PROVIDER_TITLES: Readonly<Record<string, string>> = {
  aws: 'AWS',
  gcp: 'GCP',
  gsuite: 'Google Workspace',
};

function sections(
  provider: string,
  groups: readonly string[],
  extra: Omit<QuerySelector, 'provider' | 'group'>,
): SectionSpec[] {
  return groups.map((group) => ({
    title: GROUP_TITLES[group] ?? group,
    select: { ...extra, provider, group },
  }));
}

/**
 * Defines a report from catalogue selections (checked: a title, a name, at
 * least one section).
 *
 * @example
 * const weekly = defineReport({
 *   name: 'weekly-exposure', title: 'Weekly exposure', description: 'What the internet can reach',
 *   providers: ['aws', 'gcp'],
 *   sections: [{ title: 'Exposed', select: { tags: 'security,public|world' } }],
 * });
 */
export function defineReport(spec: ReportSpec): ReportSpec {
  if (!/^[a-z][a-z0-9-]*$/.test(spec.name))
    throw new CatalogueError(`report "${spec.name}": the name must be kebab-case`);
  if (!spec.title) throw new CatalogueError(`report "${spec.name}": a title is required`);
  if (spec.sections.length === 0)
    throw new CatalogueError(`report "${spec.name}": at least one section is required`);
  return Object.freeze({
    ...spec,
    sections: Object.freeze([...spec.sections]),
    providers: Object.freeze([...spec.providers]),
  });
}

const AWS_GROUPS = ['account', 'iam', 'ec2', 'ebs', 'rds', 's3', 'vpc', 'elb'];
const GCP_GROUPS = ['hierarchy', 'compute', 'network', 'gke', 'storage'];
const GSUITE_GROUPS = ['users', 'groups'];

/** The named reports. */
export const NAMED_REPORTS = {
  'aws-inventory': defineReport({
    name: 'aws-inventory',
    title: 'AWS inventory',
    description: 'Accounts, identities, compute, storage, databases and networks of the AWS estate.',
    providers: ['aws'],
    sections: sections('aws', AWS_GROUPS, { tags: 'inventory' }),
  }),
  'aws-security': defineReport({
    name: 'aws-security',
    title: 'AWS security',
    description: 'Misconfigurations and risky identities in the AWS estate, by severity.',
    providers: ['aws'],
    sections: sections('aws', AWS_GROUPS, { findings: true }),
  }),
  'aws-networking': defineReport({
    name: 'aws-networking',
    title: 'AWS networking',
    description: 'VPCs, peerings, security groups and load balancers of the AWS estate.',
    providers: ['aws'],
    sections: sections('aws', ['vpc', 'ec2', 'rds', 'elb'], { tags: 'networking' }),
  }),
  'gcp-inventory': defineReport({
    name: 'gcp-inventory',
    title: 'GCP inventory',
    description:
      'Organisation, folders, projects, instances, clusters, networks and buckets of the GCP estate.',
    providers: ['gcp'],
    sections: sections('gcp', GCP_GROUPS, { tags: 'inventory' }),
  }),
  'gcp-security': defineReport({
    name: 'gcp-security',
    title: 'GCP security',
    description: 'Misconfigurations in the GCP estate, by severity.',
    providers: ['gcp'],
    sections: sections('gcp', GCP_GROUPS, { findings: true }),
  }),
  'gcp-networking': defineReport({
    name: 'gcp-networking',
    title: 'GCP networking',
    description:
      'VPC networks, subnets, firewall rules and exposed instances and clusters of the GCP estate.',
    providers: ['gcp'],
    sections: sections('gcp', ['network', 'compute', 'gke'], { tags: 'networking' }),
  }),
  'gsuite-identity': defineReport({
    name: 'gsuite-identity',
    title: 'Google Workspace identity',
    description: 'Users, administrators, 2-step verification and groups of the Workspace directory.',
    providers: ['gsuite'],
    sections: sections('gsuite', GSUITE_GROUPS, {}),
  }),
  overview: defineReport({
    name: 'overview',
    title: 'Estate overview',
    description: 'Every finding across AWS, GCP and Google Workspace, with the estate at a glance.',
    providers: ['aws', 'gcp', 'gsuite'],
    sections: [
      { title: 'Estate', select: { tags: 'estate' } },
      ...Object.entries(PROVIDER_TITLES).map(([provider, title]) => ({
        title: `${title} findings`,
        select: { provider, findings: true },
      })),
    ],
  }),
} as const satisfies Record<string, ReportSpec>;

/** The name of a built-in report. */
export type ReportName = keyof typeof NAMED_REPORTS;

export const REPORT_NAMES = Object.keys(NAMED_REPORTS) as ReportName[];

/** The named report, or an error listing the names. */
export function namedReport(name: string): ReportSpec {
  const spec = (NAMED_REPORTS as Record<string, ReportSpec>)[name];
  if (!spec) throw new CatalogueError(`no report named "${name}"; reports: ${REPORT_NAMES.join(', ')}`);
  return spec;
}
