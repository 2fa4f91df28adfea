import { describe, expect, it } from 'vitest';
import { DealerError } from '../../src/domain/errors.js';
import { normalisePhone, normalisePhones } from '../../src/domain/phone.js';

describe('normalisePhone', () => {
  it.each([
    ['13800138000', 'CN', '+8613800138000'],
    ['+86 138-0013-8000', 'CN', '+8613800138000'],
    ['0086 138 0013 8000', 'CN', '+8613800138000'],
    ['8613800138000', 'CN', '+8613800138000'],
    ['(+86) 138.0013.8000', 'CN', '+8613800138000'],
    ['１３８００１３８０００', 'CN', '+8613800138000'],
    ['010-6552-1234', 'CN', '+861065521234'],
    ['+852 9123 4567', 'CN', '+85291234567'],
    ['(415) 555-0100', 'US', '+14155550100'],
    ['1-415-555-0100', 'US', '+14155550100'],
    ['020 7946 0018', 'GB', '+442079460018'],
  ])('%s (%s) → %s', (typed, region, expected) => expect(normalisePhone(typed, region)).toBe(expected));

  it.each(['abc', '138-0013-800O', '12', '+1234567890123456789', ''])('rejects %j', (typed) => {
    expect(() => normalisePhone(typed)).toThrow(DealerError);
  });
});

describe('normalisePhones', () => {
  it('splits on the separators people type and drops repeats', () => {
    expect(normalisePhones('138 0013 8000; 010-6552-1234, +86 13800138000')).toEqual([
      '+8613800138000',
      '+861065521234',
    ]);
    expect(normalisePhones('13800138000、13900139000')).toEqual(['+8613800138000', '+8613900139000']);
  });
});
