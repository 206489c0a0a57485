import { AwsApiError } from './api-error.ts';
import type { AwsAccount, AwsEstate, AwsOrganizationPolicy } from './estate-types.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import type { RequestContext } from './request-context.ts';

type Json = Record<string, unknown>;

const epochSeconds = (iso: string) => new Date(iso).getTime() / 1000;

function accountJson(estate: AwsEstate, a: AwsAccount): Json {
  const { organization: org } = estate;
  return {
    Id: a.id,
    Arn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${a.id}`,
    Email: a.email,
    Name: a.name,
    Status: a.status,
    State: a.status,
    JoinedMethod: a.joinedMethod,
    JoinedTimestamp: epochSeconds(a.joinedTimestamp),
  };
}

function str(input: Json, name: string): string | undefined {
  const v = input[name];
  return typeof v === 'string' ? v : undefined;
}

function required(input: Json, name: string): string {
  const v = str(input, name);
  if (!v) throw new AwsApiError('InvalidInputException', `You must specify a value for ${name}.`);
  return v;
}

/** Pages a list with NextToken/MaxResults (1..20, as Organizations allows). */
function paged<T>(
  ctx: RequestContext,
  input: Json,
  items: readonly T[],
  key: string,
  render: (item: T) => Json,
): Json {
  const max = input.MaxResults;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 20)) {
    throw new AwsApiError(
      'InvalidInputException',
      'You provided a value that is outside the allowed range for MaxResults (1-20).',
    );
  }
  const start = decodeToken(
    ctx.operation,
    str(input, 'NextToken'),
    () => new AwsApiError('InvalidInputException', 'The NextToken is invalid.'),
  );
  const page = pageOf(items, start, typeof max === 'number' ? max : 20);
  const out: Json = { [key]: page.items.map(render) };
  if (page.next !== undefined) out.NextToken = encodeToken(ctx.operation, page.next);
  return out;
}

/** Every policy type ListPolicies accepts as a filter (the emulator holds SCPs and RCPs only). */
const POLICY_TYPES = new Set([
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'TAG_POLICY',
  'BACKUP_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
  'CHATBOT_POLICY',
  'DECLARATIVE_POLICY_EC2',
  'SECURITYHUB_POLICY',
  'SECURITYHUB_CSPM_POLICY',
  'INSPECTOR_POLICY',
  'UPGRADE_ROLLOUT_POLICY',
  'BEDROCK_POLICY',
  'S3_POLICY',
  'NETWORK_SECURITY_DIRECTOR_POLICY',
  'GUARDDUTY_POLICY',
]);

function policySummary(p: AwsOrganizationPolicy): Json {
  return {
    Id: p.id,
    Arn: p.arn,
    Name: p.name,
    Description: p.description,
    Type: p.type,
    AwsManaged: p.awsManaged,
  };
}

export const ORGANIZATIONS_OPERATIONS: readonly string[] = [
  'DescribeOrganization',
  'DescribeAccount',
  'ListRoots',
  'ListOrganizationalUnitsForParent',
  'ListAccounts',
  'ListAccountsForParent',
  'ListParents',
  'ListChildren',
  'ListPolicies',
  'DescribePolicy',
  'ListTargetsForPolicy',
];

export function handleOrganizations(ctx: RequestContext, input: Json): Json {
  const { estate } = ctx;
  const org = estate.organization;
  if (!ORGANIZATIONS_OPERATIONS.includes(ctx.operation)) {
    throw new AwsApiError('UnknownOperationException', `Unknown operation ${ctx.operation}`);
  }
  if (ctx.account.parentId === undefined) {
    throw new AwsApiError(
      'AWSOrganizationsNotInUseException',
      'Your account is not a member of an organization.',
    );
  }
  if (ctx.operation === 'DescribeOrganization') {
    return {
      Organization: {
        Id: org.id,
        Arn: org.arn,
        FeatureSet: org.featureSet,
        MasterAccountArn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${org.managementAccountId}`,
        MasterAccountId: org.managementAccountId,
        MasterAccountEmail: org.managementAccountEmail,
        AvailablePolicyTypes: org.policyTypes.map((t) => ({ Type: t.type, Status: t.status })),
      },
    };
  }
  if (ctx.account.id !== org.managementAccountId) {
    throw new AwsApiError('AccessDeniedException', "You don't have permissions to access this resource.");
  }
  const members = estate.accounts.filter((a) => a.parentId !== undefined);
  const isParent = (id: string) => id === org.rootId || estate.organizationalUnits.some((o) => o.id === id);
  const parentOf = (id: string) => {
    if (!isParent(id))
      throw new AwsApiError(
        'ParentNotFoundException',
        "We can't find a root or OU with the ParentId that you specified.",
      );
    return id;
  };
  const ouJson = (o: AwsEstate['organizationalUnits'][number]): Json => ({
    Id: o.id,
    Arn: o.arn,
    Name: o.name,
  });
  const parentType = (id: string) => (id.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT');
  const policyOf = (id: string) => {
    if (!/^p-[0-9a-zA-Z_]{8,128}$/.test(id))
      throw new AwsApiError(
        'InvalidInputException',
        'The provided PolicyId does not match the required pattern (p- followed by 8 to 128 letters, digits or underscores).',
      );
    const policy = estate.organizationPolicies.find((p) => p.id === id);
    if (!policy)
      throw new AwsApiError(
        'PolicyNotFoundException',
        "We can't find a policy with the PolicyId that you specified.",
      );
    return policy;
  };
  // Disabling a policy type detaches every policy of that type.
  const attachedWhileEnabled = (p: AwsOrganizationPolicy) =>
    org.policyTypes.some((t) => t.type === p.type && t.status === 'ENABLED') ? p.targetIds : [];
  const targetJson = (id: string): Json => {
    if (id === org.rootId) return { TargetId: id, Arn: org.rootArn, Name: org.rootName, Type: 'ROOT' };
    const ou = estate.organizationalUnits.find((o) => o.id === id);
    if (ou) return { TargetId: id, Arn: ou.arn, Name: ou.name, Type: 'ORGANIZATIONAL_UNIT' };
    const account = members.find((a) => a.id === id);
    return {
      TargetId: id,
      Arn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${id}`,
      Name: account?.name,
      Type: 'ACCOUNT',
    };
  };

  switch (ctx.operation) {
    case 'DescribeAccount': {
      const id = required(input, 'AccountId');
      const account = members.find((a) => a.id === id);
      if (!account)
        throw new AwsApiError('AccountNotFoundException', "You specified an account that doesn't exist.");
      return { Account: accountJson(estate, account) };
    }
    case 'ListRoots':
      return paged(ctx, input, [org], 'Roots', () => ({
        Id: org.rootId,
        Arn: org.rootArn,
        Name: org.rootName,
        PolicyTypes: org.policyTypes.map((t) => ({ Type: t.type, Status: t.status })),
      }));
    case 'ListAccounts':
      return paged(ctx, input, members, 'Accounts', (a) => accountJson(estate, a));
    case 'ListAccountsForParent': {
      const parent = parentOf(required(input, 'ParentId'));
      return paged(
        ctx,
        input,
        members.filter((a) => a.parentId === parent),
        'Accounts',
        (a) => accountJson(estate, a),
      );
    }
    case 'ListOrganizationalUnitsForParent': {
      const parent = parentOf(required(input, 'ParentId'));
      return paged(
        ctx,
        input,
        estate.organizationalUnits.filter((o) => o.parentId === parent),
        'OrganizationalUnits',
        ouJson,
      );
    }
    case 'ListPolicies': {
      const filter = required(input, 'Filter');
      if (!POLICY_TYPES.has(filter))
        throw new AwsApiError(
          'InvalidInputException',
          `You provided an invalid value for Filter: ${filter}.`,
        );
      return paged(
        ctx,
        input,
        estate.organizationPolicies.filter((p) => p.type === filter),
        'Policies',
        policySummary,
      );
    }
    case 'DescribePolicy': {
      const policy = policyOf(required(input, 'PolicyId'));
      return { Policy: { PolicySummary: policySummary(policy), Content: JSON.stringify(policy.content) } };
    }
    case 'ListTargetsForPolicy': {
      const policy = policyOf(required(input, 'PolicyId'));
      return paged(ctx, input, attachedWhileEnabled(policy), 'Targets', targetJson);
    }
    case 'ListChildren': {
      const parent = parentOf(required(input, 'ParentId'));
      const type = required(input, 'ChildType');
      const ids =
        type === 'ACCOUNT'
          ? members.filter((a) => a.parentId === parent).map((a) => a.id)
          : estate.organizationalUnits.filter((o) => o.parentId === parent).map((o) => o.id);
      return paged(ctx, input, ids, 'Children', (id) => ({ Id: id, Type: type }));
    }
    default: {
      const child = required(input, 'ChildId');
      const parent =
        members.find((a) => a.id === child)?.parentId ??
        estate.organizationalUnits.find((o) => o.id === child)?.parentId;
      if (!parent)
        throw new AwsApiError(
          'ChildNotFoundException',
          "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.",
        );
      return paged(ctx, input, [parent], 'Parents', (id) => ({ Id: id, Type: parentType(id) }));
    }
  }
}
