// Phone numbers are kept as typed (for display and dialling) and normalised to E.164 for matching,
// so `+86 138-0013-8000`, `0086 13800138000` and `13800138000` are recognised as one customer.
// This is matching, not validation: a consultant must be able to store any number a customer gives.
import { usage } from './errors.js';

interface Region {
  code: string;
  /** National trunk prefix dropped before adding the country code. */
  trunk: string;
  /** National significant number length, when fixed: lets `8613800138000` be read as +86. */
  nsn?: number[];
}

export const REGIONS: Record<string, Region> = {
  CN: { code: '86', trunk: '0', nsn: [11] },
  HK: { code: '852', trunk: '' },
  MO: { code: '853', trunk: '' },
  TW: { code: '886', trunk: '0' },
  SG: { code: '65', trunk: '' },
  MY: { code: '60', trunk: '0' },
  JP: { code: '81', trunk: '0' },
  KR: { code: '82', trunk: '0' },
  IN: { code: '91', trunk: '0' },
  US: { code: '1', trunk: '1', nsn: [10] },
  CA: { code: '1', trunk: '1', nsn: [10] },
  GB: { code: '44', trunk: '0' },
  DE: { code: '49', trunk: '0' },
  FR: { code: '33', trunk: '0' },
  AU: { code: '61', trunk: '0' },
};

const SEPARATORS = /[,;，；、/|]+/;
const FULL_WIDTH = /[０-９＋]/g;

/** Splits what was typed into the separate numbers it holds. */
export function splitPhones(typed: string): string[] {
  return typed
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** One number to E.164 (`+8613800138000`); throws a usage error for text that is not a number. */
export function normalisePhone(typed: string, region = 'CN'): string {
  const half = typed.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!/^[\d\s+().\-–]+$/.test(half)) throw usage('badPhone', { input: typed });
  const plus = half.trim().startsWith('+');
  let digits = half.replace(/\D/g, '');
  const r = REGIONS[region] ?? REGIONS.CN!;
  let e164: string;
  if (plus) e164 = `+${digits}`;
  else if (digits.startsWith('00')) e164 = `+${digits.slice(2)}`;
  else if (r.nsn?.includes(digits.length - r.code.length) && digits.startsWith(r.code)) e164 = `+${digits}`;
  else {
    if (r.trunk && digits.startsWith(r.trunk)) digits = digits.slice(r.trunk.length);
    e164 = `+${r.code}${digits}`;
  }
  const count = e164.length - 1;
  if (count < 6 || count > 15) throw usage('badPhone', { input: typed });
  return e164;
}

/** Every number in a typed phone field, normalised and de-duplicated, in the order typed. */
export function normalisePhones(typed: string, region = 'CN'): string[] {
  return [...new Set(splitPhones(typed).map((p) => normalisePhone(p, region)))];
}
