// Phone numbers are kept as typed (for display and dialling) and normalised to E.164 for matching,
// so `+86 138-0013-8000`, `0086 13800138000` and `13800138000` are recognised as one customer.
// A plain mainland mobile — what a consultant types nine times out of ten — is read here in pure
// code; anything else (landlines, Hong Kong, `+44 (0)…`, extensions) needs a country's numbering
// plan, which the caller supplies as a parser built on libphonenumber-js: loading it costs more
// than the rest of add-prospect, so it is loaded only for the numbers that need it.
import { usage } from './errors.js';
import { own } from './own.js';

/** Regions `config set phone.region` accepts (where a number without a country code is read), and their codes. */
const CALLING_CODES: Record<string, string> = {
  CN: '86',
  HK: '852',
  MO: '853',
  TW: '886',
  SG: '65',
  MY: '60',
  JP: '81',
  KR: '82',
  IN: '91',
  US: '1',
  CA: '1',
  GB: '44',
  DE: '49',
  FR: '33',
  AU: '61',
};
export const REGIONS = Object.keys(CALLING_CODES);

/**
 * A numbering-plan parser: E.164 of a number read with `region` as the default, or null when it is
 * not one — `strict`: its digits fit the country's ranges; otherwise only its length.
 */
export type PhoneParser = (text: string, region: string, strict: boolean) => { e164: string; ext?: string } | null;

const SEPARATORS = /[,;，；、/|]+/;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const IDEOGRAPHIC_SPACE = /\u3000/g;
/** `转12`, `分机 12`, `ext. 12`, `x12`, `#12` at the end: the switchboard extension. */
const EXTENSION = /\s*(?:转|轉|分机|分機|ext\.?|extn\.?|extension|x|#)\s*(\d{1,6})\s*$/i;
/** A mainland mobile, with or without +86 / 0086 / 86 in front: 1, then 3-9, then nine digits. */
const GREATER_CHINA = ['CN', 'HK', 'MO', 'TW'];
const MAINLAND_MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;

/** Splits what was typed into the separate numbers it holds. */
export function splitPhones(typed: string): string[] {
  return typed
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Full-width digits and signs (１３８, ＋) as the plain ones a search or a dialler reads. */
export const halfWidth = (text: string) =>
  text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(IDEOGRAPHIC_SPACE, ' ')
    .replace(/[–—－]/g, '-');

/** The number and its extension, with full-width characters made plain; refuses what is not a number. */
function tidy(typed: string): { number: string; ext?: string } {
  const half = halfWidth(typed).trim();
  const ext = EXTENSION.exec(half);
  // `(+86) 138…`: the brackets some write around the country code.
  const number = (ext ? half.slice(0, ext.index) : half).replace(/^\(\s*(\+\d{1,3})\s*\)/, '$1 ');
  if (!/^\+?[\d\s().\-]+$/.test(number) || !/\d/.test(number)) throw usage('badPhone', { input: typed });
  return { number, ext: ext?.[1] };
}

/** The E.164 form of a plain mainland mobile (`138 0013 8000`, `+86 138-0013-8000`), else null. */
export function plainMobile(typed: string, region = 'CN'): string | null {
  const half = halfWidth(typed).trim();
  if (!/^[(]?\+?[\d\s\-.()]+$/.test(half)) return null;
  const compact = half.replace(/[\s\-.()]/g, '');
  const m = MAINLAND_MOBILE.exec(compact);
  // Without a country code, 11 digits from 13 to 19 are a mainland mobile in a Greater China book
  // (no Hong Kong, Macau or Taiwan number looks like that); in a US book they would be +1 numbers.
  if (!m || (!GREATER_CHINA.includes(region) && compact === m[1])) return null;
  return `+86${m[1]}`;
}

/** Whether any number in the typed field needs the numbering-plan parser. */
export function needsParser(typed: string, region = 'CN'): boolean {
  return splitPhones(typed).some((p) => plainMobile(p, region) === null);
}

/** A reading to try: with `strict`, the digits must fit the country's number ranges, not only its lengths. */
interface Reading {
  text: string;
  strict: boolean;
}

/**
 * The readings to try, in order. A country code the consultant typed (+ or 00) is trusted with a
 * length check only: a range opened after the metadata was built must not be refused. Without
 * one, 11 or more digits that do not start with the trunk 0 are no national spelling in the
 * regions dealer serves (mainland landlines start with 0, mobiles were read before), so
 * `852 9123 4567` is Hong Kong's country code, not a mainland number.
 */
function readings(number: string): Reading[] {
  // `+86 (0)21…`, `+44 (0)7700…`: the (0) is the trunk prefix dialled at home, never after the code.
  const clean = number.replace(/\(\s*0\s*\)/g, ' ').trim();
  const digits = clean.replace(/\D/g, '');
  if (clean.startsWith('+')) return [{ text: `+${digits}`, strict: false }];
  if (digits.startsWith('00')) return [{ text: `+${digits.slice(2)}`, strict: false }];
  const national = { text: clean, strict: true };
  const international = { text: `+${digits}`, strict: true };
  return digits.length >= 11 && !digits.startsWith('0') ? [international, national] : [national, international];
}

/** `138 0013 800` (a digit short) is a mistyped mainland mobile, whatever a numbering plan allows. */
function mistypedMobile(number: string, region: string): boolean {
  const digits = number.replace(/\(\s*0\s*\)/g, '').replace(/\D/g, '');
  const plus = number.trim().startsWith('+');
  const national = /^(\+86|0086)/.test(plus ? `+${digits}` : digits)
    ? digits.replace(/^(00)?86/, '')
    : !plus && region === 'CN'
      ? digits
      : '';
  return /^1[3-9]/.test(national) && national.length !== 11;
}

/** One number to E.164 (`+8613800138000`, `+862155550101;ext=12`); a usage error names what is not one. */
export function normalisePhone(typed: string, region = 'CN', parse?: PhoneParser): string {
  const mobile = plainMobile(typed, region);
  if (mobile) return mobile;
  const { number, ext } = tidy(typed);
  if (mistypedMobile(number, region)) throw usage('badPhone', { input: typed });
  // A caller that skipped needsParser() is a bug, not something the user typed.
  if (!parse) throw new Error(`phone parser not loaded for ${typed}`);
  for (const { text, strict } of readings(number)) {
    const found = parse(text, region, strict);
    if (found) {
      const extension = ext ?? found.ext;
      return extension ? `${found.e164};ext=${extension}` : found.e164;
    }
  }
  throw usage('badPhone', { input: typed });
}

/** Every number in a typed phone field, normalised and de-duplicated, in the order typed. */
export function normalisePhones(typed: string, region = 'CN', parse?: PhoneParser): string[] {
  return [...new Set(splitPhones(typed).map((p) => normalisePhone(p, region, parse)))];
}

/** The numbers to look for in the book: these, and how an older dealer may have stored them. */
export function matchKeys(numbers: string[], region = 'CN'): string[] {
  return [...new Set([...numbers, ...numbers.flatMap((n) => legacySpellings(n, region))])];
}

/**
 * How dealer's first normaliser may have stored the same number: it kept the trunk 0 after a country code
 * (`+86 (0)21…` → `+8602155550101`) and put the book's country code before numbers typed with
 * another one but no + (`852 9123 4567` → `+8685291234567`). The duplicate check looks these up
 * too, so a book's old numbers still match without rewriting them; a prospect whose phone is
 * edited is stored the new way. Country codes are 1-3 digits and prefix-free: trying each split
 * yields the one old spelling plus strings no real number has.
 */
export function legacySpellings(e164: string, region = 'CN'): string[] {
  const digits = e164.slice(1);
  // Extensions were refused before; mainland mobiles were always stored right — and are most of an
  // import, which then looks each number up once, not four times.
  if (digits === '' || e164.includes(';') || MAINLAND_MOBILE.test(e164.replace('+', ''))) return [];
  const home = own(CALLING_CODES, region) ?? '86';
  const out = digits.startsWith(home) ? [] : [`+${home}${digits}`];
  for (const k of [1, 2, 3]) if (digits[k] !== '0') out.push(`+${digits.slice(0, k)}0${digits.slice(k)}`);
  return out;
}
