import { asList, type PolicyDocument, type RawStatement, statementsOf } from '../iam/policy-document.ts';

/** What a key policy opens up, as the key's properties store it. */
export interface KeyPolicyAccess {
  /** An Allow statement names everyone with no condition (Cartography's `anonymous_access`). */
  anonymous_access: boolean;
  /** The actions those statements allow. */
  anonymous_actions: string[];
  /** AWS principals of other accounts that Allow statements name (account ids as `arn:aws:iam::<id>:root`). */
  cross_account_principals: string[];
}

/** Which condition keys a service's policies narrow callers with, or leave them as they are. */
export interface PolicyConditionKeys {
  /** Keys (lower case) that name the calling account: `*` narrowed by one of them is that account. */
  callerAccount: ReadonlySet<string>;
  /** Keys (lower case) that narrow nothing about who calls (Lambda's `lambda:FunctionUrlAuthType`). */
  neutral?: ReadonlySet<string>;
}

const KMS_CONDITION_KEYS: PolicyConditionKeys = {
  callerAccount: new Set(['kms:calleraccount', 'aws:principalaccount']),
};

/** The condition keys of a statement, lower case. */
function conditionKeys(statement: RawStatement): string[] {
  const condition = statement.Condition;
  if (!condition || typeof condition !== 'object') return [];
  return Object.values(condition as Record<string, unknown>).flatMap((operator) =>
    operator && typeof operator === 'object' ? Object.keys(operator).map((k) => k.toLowerCase()) : [],
  );
}

const ACCOUNT_OF = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/;

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!principal || typeof principal !== 'object') return false;
  return asList((principal as Record<string, unknown>).AWS).includes('*');
}

/** The AWS principals a statement names, account ids as their root ARN. */
function awsPrincipals(principal: unknown): string[] {
  if (!principal || typeof principal !== 'object') return [];
  return asList((principal as Record<string, unknown>).AWS).map((p) =>
    /^\d{12}$/.test(p) ? `arn:aws:iam::${p}:root` : p,
  );
}

/** The accounts a statement's condition narrows callers to (`kms:CallerAccount`, `aws:PrincipalAccount`). */
function callerAccounts(statement: RawStatement, keys: PolicyConditionKeys): string[] {
  const condition = statement.Condition;
  if (!condition || typeof condition !== 'object') return [];
  const accounts: string[] = [];
  for (const operator of Object.values(condition as Record<string, unknown>)) {
    if (!operator || typeof operator !== 'object') continue;
    for (const [key, value] of Object.entries(operator as Record<string, unknown>)) {
      if (keys.callerAccount.has(key.toLowerCase())) accounts.push(...asList(value));
    }
  }
  return accounts;
}

/**
 * What a key policy lets others do: whether everyone may use the key (an
 * Allow statement with a `*` principal and no condition but `keys.neutral`
 * ones, the rule the S3 bucket analysis follows too) and which principals of
 * other accounts it trusts, by name or through `*` narrowed to another caller
 * account. Other services' resource policies pass their own condition keys.
 *
 * @example
 * keyPolicyAccess(JSON.parse(policy), '111122223333').cross_account_principals; // ['arn:aws:iam::444455556666:root']
 */
export function keyPolicyAccess(
  policy: PolicyDocument | undefined,
  accountId: string,
  keys: PolicyConditionKeys = KMS_CONDITION_KEYS,
): KeyPolicyAccess {
  const anonymous = new Set<string>();
  const foreign = new Set<string>();
  for (const s of statementsOf(policy)) {
    if (s.Effect !== 'Allow') continue;
    if (isEveryone(s.Principal)) {
      if (conditionKeys(s).every((k) => keys.neutral?.has(k)))
        for (const a of asList(s.Action)) anonymous.add(a);
      for (const account of callerAccounts(s, keys)) {
        if (account !== accountId) foreign.add(`arn:aws:iam::${account}:root`);
      }
      continue;
    }
    for (const principal of awsPrincipals(s.Principal)) {
      const account = ACCOUNT_OF.exec(principal)?.[1];
      if (account !== undefined && account !== accountId) foreign.add(principal);
    }
  }
  const actions = [...anonymous].sort();
  return {
    anonymous_access: actions.length > 0,
    anonymous_actions: actions,
    cross_account_principals: [...foreign].sort(),
  };
}
