import type { Rng } from './random.ts';

/** Resource ids in the shapes AWS uses (`i-0` + 16 hex digits, and so on). */
export const ec2Id = (rng: Rng, prefix: string): string => `${prefix}-0${rng.hex(16)}`;

/** IAM unique ids: a four-letter prefix (AIDA, AROA, AGPA, ANPA, AIPA) and 17 characters. */
export const iamUniqueId = (rng: Rng, prefix: 'AIDA' | 'AROA' | 'AGPA' | 'ANPA' | 'AIPA'): string =>
  `${prefix}${rng.upperAlnum(17)}`;

export const accessKeyId = (rng: Rng): string => `AKIA${rng.upperAlnum(16)}`;

export const uuid = (rng: Rng): string =>
  `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${rng.hex(3)}-${rng.hex(12)}`;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Temporary (`ASIA`) access key ids carry the account id in their first eight
 * characters after the prefix, as real AWS keys do, so that a key can be traced
 * to its account even by an emulator that has forgotten the session.
 */
export function sessionAccessKeyId(accountId: string, rng: Rng): string {
  let n = BigInt(accountId);
  let encoded = '';
  for (let i = 0; i < 8; i++) {
    encoded = BASE32[Number(n & 31n)] + encoded;
    n >>= 5n;
  }
  return `ASIA${encoded}${rng.upperAlnum(8)}`;
}

/** The account id carried by a key from {@link sessionAccessKeyId}, if it looks like one. */
export function accountIdFromSessionKey(keyId: string): string | undefined {
  if (!/^ASIA[A-Z2-7]{16}$/.test(keyId)) return undefined;
  let n = 0n;
  for (const ch of keyId.slice(4, 12)) n = (n << 5n) | BigInt(BASE32.indexOf(ch));
  return n.toString().padStart(12, '0');
}

export function privateDnsName(ip: string, region: string): string {
  const host = `ip-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

export function publicDnsName(ip: string, region: string): string {
  const host = `ec2-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1'
    ? `${host}.compute-1.amazonaws.com`
    : `${host}.${region}.compute.amazonaws.com`;
}
