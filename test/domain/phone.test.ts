// How consultants actually write numbers, each with the one E.164 spelling it must become: two
// spellings of one phone that normalise differently add the same customer twice.
import { describe, expect, it } from 'vitest';
import { DealerError } from '../../src/domain/errors.js';
import { legacySpellings, needsParser, normalisePhone, normalisePhones, plainMobile } from '../../src/domain/phone.js';
import { phoneParser } from '../../src/input/phone.js';

const parse = await phoneParser();
const REFUSED = null;

// typed, book's region, expected (null: refused)
const TABLE: [string, string, string | null][] = [
  // mainland mobiles
  ['13800138000', 'CN', '+8613800138000'],
  ['138 0013 8000', 'CN', '+8613800138000'],
  ['138-0013-8000', 'CN', '+8613800138000'],
  ['+86 138 0013 8000', 'CN', '+8613800138000'],
  ['+86-138-0013-8000', 'CN', '+8613800138000'],
  ['0086 138 0013 8000', 'CN', '+8613800138000'],
  ['8613800138000', 'CN', '+8613800138000'],
  ['(+86) 138.0013.8000', 'CN', '+8613800138000'],
  ['１３８００１３８０００', 'CN', '+8613800138000'],
  ['＋８６　１３８　００１３　８０００', 'CN', '+8613800138000'],
  ['13800138000', 'HK', '+8613800138000'],
  ['+86 13800138000', 'US', '+8613800138000'],
  // mainland landlines: with and without 0086, +86, (0), area code in brackets, extensions
  ['021-5555-0101', 'CN', '+862155550101'],
  ['+86 (0)21 5555 0101', 'CN', '+862155550101'],
  ['+86 21 5555 0101', 'CN', '+862155550101'],
  ['0086 21 5555 0101', 'CN', '+862155550101'],
  ['(021) 5555-0101', 'CN', '+862155550101'],
  ['（021）5555-0101', 'CN', '+862155550101'],
  ['02155550101', 'CN', '+862155550101'],
  ['010-6552-1234', 'CN', '+861065521234'],
  ['8610 6552 1234', 'CN', '+861065521234'],
  ['0755-8888-6666', 'CN', '+8675588886666'],
  ['400-810-8888', 'CN', '+864008108888'],
  ['021-5555-0101 ext. 12', 'CN', '+862155550101;ext=12'],
  ['021-5555-0101转12', 'CN', '+862155550101;ext=12'],
  ['021 5555 0101 分机 12', 'CN', '+862155550101;ext=12'],
  // Hong Kong, Macau, Taiwan
  ['852 9123 4567', 'CN', '+85291234567'],
  ['+852 9123 4567', 'CN', '+85291234567'],
  ['9123 4567', 'HK', '+85291234567'],
  ['+853 6612 3456', 'CN', '+85366123456'],
  ['6612 3456', 'MO', '+85366123456'],
  ['+886 912 345 678', 'CN', '+886912345678'],
  ['0912-345-678', 'TW', '+886912345678'],
  ['(02) 2345-6789', 'TW', '+886223456789'],
  // US and UK
  ['+1 (212) 555-0123', 'CN', '+12125550123'],
  ['001 212 555 0123', 'CN', '+12125550123'],
  ['(415) 555-0100', 'US', '+14155550100'],
  ['1-415-555-0100', 'US', '+14155550100'],
  ['+44 (0)7700 900123', 'CN', '+447700900123'],
  ['0044 7911 123456', 'CN', '+447911123456'],
  ['07911 123456', 'GB', '+447911123456'],
  ['020 7946 0018', 'GB', '+442079460018'],
  // refused: a mistyped mobile, too short, letters, nothing
  ['138 0013 800', 'CN', REFUSED],
  ['138001380001', 'CN', REFUSED],
  ['95588', 'CN', REFUSED],
  ['12', 'CN', REFUSED],
  ['138-0013-800O', 'CN', REFUSED],
  ['call me', 'CN', REFUSED],
  ['+1234567890123456789', 'CN', REFUSED],
  ['', 'CN', REFUSED],
];

describe('normalisePhone', () => {
  it.each(TABLE)('%s (%s) → %s', (typed, region, expected) => {
    if (expected === REFUSED) {
      const refusal = (() => {
        try {
          normalisePhone(typed, region, parse);
        } catch (e) {
          return e;
        }
      })();
      expect(refusal).toBeInstanceOf(DealerError);
      expect(refusal).toMatchObject({ code: 'badPhone', exitCode: 2, params: { input: typed } });
    } else expect(normalisePhone(typed, region, parse)).toBe(expected);
  });

  it('reads plain mainland mobiles without the numbering plans', () => {
    for (const typed of ['13800138000', '+86 138 0013 8000', '0086-138-0013-8000', '１３８００１３８０００']) {
      expect(needsParser(typed)).toBe(false);
      expect(normalisePhone(typed)).toBe('+8613800138000');
    }
    expect(plainMobile('021-5555-0101')).toBeNull();
    expect(needsParser('13800138000; 021-5555-0101')).toBe(true);
  });
});

describe('normalisePhones', () => {
  it('splits on the separators people type and drops repeats', () => {
    expect(normalisePhones('138 0013 8000; 010-6552-1234, +86 13800138000', 'CN', parse)).toEqual([
      '+8613800138000',
      '+861065521234',
    ]);
    expect(normalisePhones('13800138000、13900139000')).toEqual(['+8613800138000', '+8613900139000']);
  });
});

describe('legacySpellings', () => {
  it('names the spellings the old normaliser stored for the same number', () => {
    expect(legacySpellings('+862155550101')).toContain('+8602155550101');
    expect(legacySpellings('+85291234567')).toContain('+8685291234567');
    expect(legacySpellings('+447700900123')).toContain('+4407700900123');
    expect(legacySpellings('+447700900123', 'HK')).toContain('+852447700900123');
    expect(legacySpellings('+8613800138000')).toEqual([]);
    expect(legacySpellings('+862155550101;ext=12')).toEqual([]);
  });
});
