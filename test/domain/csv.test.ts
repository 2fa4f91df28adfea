import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, defuse, unDefuse } from '../../src/output/csv.js';
import { fold } from '../../src/output/ics.js';

describe('CSV fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\ronly', '"cr\ronly"'],
    ['王磊', '王磊'],
    ['=1+2', "'=1+2"],
    ['+8613800138000', "'+8613800138000"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['\nx', `"'\nx"`],
    ['＝全角', "'＝全角"],
    ['＋１', "'＋１"],
    ['－１', "'－１"],
    ['＠x', "'＠x"],
    ["'=already", "''=already"],
  ])('%j is written %j', (value, written) => expect(csvField(value)).toBe(written));

  it('numbers and empty cells', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('undoes its own defusing exactly, so an import restores what was exported', () => {
    for (const v of ['=1', "'=1", "''=1", '+86', "'plain", 'plain', '-', '＠']) expect(unDefuse(defuse(v))).toBe(v);
  });

  it('lines end with CRLF and read back with a real parser', () => {
    const text = csvLine(['a,b', 'x"y', 'multi\nline', 3, null]) + csvLine(['=2', '', 'z', 0, 'ok']);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text)).toEqual([
      ['a,b', 'x"y', 'multi\nline', '3', ''],
      ["'=2", '', 'z', '0', 'ok'],
    ]);
  });
});

describe('iCalendar line folding', () => {
  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'王'.repeat(40)}`;
    const folded = fold(line).split('\r\n');
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });
});
