// The two small helpers that replaced casts: a vocabulary check and a partial change's own keys.
import { describe, expect, it } from 'vitest';
import { definedOnly } from '../../src/domain/prospect.js';
import { wordOf } from '../../src/domain/vocab.js';
import { TRADES } from '../../src/domain/trade.js';

describe('wordOf', () => {
  it('gives back a word of the list, and nothing for any other value', () => {
    expect(wordOf(TRADES, 'travel')).toBe('travel');
    expect(wordOf(TRADES, 'Travel')).toBeUndefined();
    expect(wordOf(TRADES, 'constructor')).toBeUndefined();
    expect(wordOf(TRADES, undefined)).toBeUndefined();
  });
});

describe('definedOnly', () => {
  it('drops the keys left undefined, keeps a null (a field to clear), and leaves its input alone', () => {
    const given = { model: undefined, price: null, delivery: '2026-04-01' };
    const out = definedOnly(given);
    expect(out).toStrictEqual({ price: null, delivery: '2026-04-01' });
    expect(Object.keys(out)).toEqual(['price', 'delivery']);
    expect(Object.keys(given)).toEqual(['model', 'price', 'delivery']);
  });
});
