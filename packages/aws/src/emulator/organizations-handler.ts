import { AwsApiError } from './api-error.ts';
import type { AwsAccount, AwsEstate } from './estate-types.ts';
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

export const ORGANIZATIONS_OPERATIONS: readonly string[] = [
  'DescribeOrganization',
  'DescribeAccount',
  'ListRoots',
  'ListOrganizationalUnitsForParent',
  'ListAccounts',
  'ListAccountsForParent',
  'ListParents',
  'ListChildren',
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
        AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
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
        PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
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
