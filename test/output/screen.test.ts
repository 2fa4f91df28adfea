import { describe, expect, it } from 'vitest';
import { jsonText, safe, screen } from '../../src/output/screen.js';

describe('safe: one value on one line', () => {
  it.each([
    ['\u001b[2J', '\\x1b[2J'],
    ['a\u0000b', 'a\\x00b'],
    ['bell\u0007', 'bell\\x07'],
    ['x\by', 'x\\x08y'],
    ['over\rwrite', 'over\\rwrite'],
    ['del\u007f', 'del\\x7f'],
    ['csi\u009b', 'csi\\u009b'],
    ['rtl\u202eolleh', 'rtl\\u202eolleh'],
    ['isolate\u2066x\u2069', 'isolate\\u2066x\\u2069'],
    ['two\nlines', 'two lines'],
    ['windows\r\nline', 'windows line'],
    ['tab\there', 'tab here'],
    // Marks that print nothing: two names or numbers that look alike are told apart.
    ['مرحبا\u200f', 'مرحبا\\u200f'],
    ['138\u200e0013\u200f8000', '138\\u200e0013\\u200f8000'],
    ['alm\u061c', 'alm\\u061c'],
    ['\ufeffbom', '\\ufeffbom'],
    ['word\u2060join\u2064', 'word\\u2060join\\u2064'],
  ])('%j is shown as %j', (input, shown) => expect(safe(input)).toBe(shown));

  it.each([
    '王磊',
    'Zoë',
    '👨‍👩‍👧‍👦 family',
    '❤️',
    '👍🏽',
    '🇨🇳',
    'e\u0301',
    'ab\u200dc',
    '\u2764\ufe0f',
    '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
  ])('leaves %j alone', (text) => expect(safe(text)).toBe(text));
});

describe('screen: the guard on whole lines', () => {
  const red = '\u001b[31mlate\u001b[39m';
  it('keeps line breaks and, with colour on, dealer’s own codes', () => {
    expect(screen(`a\n${red}`, true)).toBe(`a\n${red}`);
  });
  it('shows every other control sequence', () => {
    expect(screen(`${red}\u001b[2J\u001b]0;t\u0007`, true)).toBe(`${red}\\x1b[2J\\x1b]0;t\\x07`);
    expect(screen('\u001b[8mhidden', true)).toBe('\\x1b[8mhidden');
  });
  it('keeps no escape at all when colour is off', () => {
    expect(screen(red, false)).toBe('\\x1b[31mlate\\x1b[39m');
  });
});

describe('jsonText', () => {
  it('parses back to the exact text, with nothing raw a terminal would obey', () => {
    const value = { name: 'a\u001b[2J\u009b\u202e\u007fz' };
    const text = jsonText(value, 2);
    expect(JSON.parse(text)).toEqual(value);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});
