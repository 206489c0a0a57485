import { describe, expect, it } from 'vitest';
import { type AccountSelection, isSelected } from './account-selection.ts';

const none: AccountSelection = { accounts: [], exclude: [], includeOus: [], excludeOus: [] };
const path = ['r-ab12', 'ou-ab12-workload', 'ou-ab12-prod'];

describe('isSelected', () => {
  it('keeps active accounts only', () => {
    expect(isSelected({ id: '111111111111', state: 'ACTIVE' }, none)).toBe(true);
    expect(isSelected({ id: '111111111111', state: 'SUSPENDED' }, none)).toBe(false);
    expect(isSelected({ id: '111111111111' }, none)).toBe(true);
  });

  it('applies the account list and exclusions by id or name', () => {
    expect(isSelected({ id: '111111111111' }, { ...none, accounts: ['222222222222'] })).toBe(false);
    expect(isSelected({ id: '111111111111', name: 'prod' }, { ...none, exclude: ['prod'] })).toBe(false);
    expect(isSelected({ id: '111111111111', name: 'prod' }, { ...none, exclude: ['111111111111'] })).toBe(
      false,
    );
  });

  it('applies OU filters at any depth', () => {
    expect(isSelected({ id: '111111111111', path }, { ...none, includeOus: ['ou-ab12-workload'] })).toBe(
      true,
    );
    expect(isSelected({ id: '111111111111', path }, { ...none, includeOus: ['ou-ab12-security'] })).toBe(
      false,
    );
    expect(isSelected({ id: '111111111111', path }, { ...none, excludeOus: ['ou-ab12-prod'] })).toBe(false);
    expect(isSelected({ id: '111111111111' }, { ...none, includeOus: ['ou-ab12-workload'] })).toBe(false);
  });
});
