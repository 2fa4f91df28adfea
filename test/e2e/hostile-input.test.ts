// Ids and dates a hostile (or careless) hand types or a third-party file carries (issue 10, items 7-8).
// The parsers are tested in-process, one line per case; a few runs of the binary prove every door
// goes through them: the command line, a CSV, and what dealer exports reading back in.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, parseDay } from '../../src/domain/dates.js';
import { parseId } from '../../src/domain/ids.js';
import { readDate } from '../../src/input/rows.js';
import { sandbox, type Sandbox } from '../helpers/cli.js';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('ids: plain decimal digits within 2^53 - 1', () => {
  it.each([
    ['0x1'],
    ['1e0'],
    ['0b1010'],
    ['0o7'],
    ['9007199254740993'],
    ['9007199254740992'],
    [' 1'],
    ['1 '],
    ['+1'],
    ['1.0'],
    ['-1'],
    ['0'],
    [''],
    ['Infinity'],
    ['١'],
    ['1_000'],
    ['#'],
    ['##1'],
  ])('refuses %j', (text) => expect(code(() => parseId(text))).toBe('badId'));

  it.each([
    ['1', 1],
    ['#12', 12],
    ['007', 7],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads %j as %d', (text, id) => expect(parseId(text)).toBe(id));
});

describe('dates: 1900-01-01 to 2199-12-31, everywhere', () => {
  const today = '2026-03-02';
  it.each([
    ['0050-06-01'],
    ['1899-12-31'],
    ['2200-01-01'],
    ['9999-12-31'],
    ['+9999y'],
    ['-200y'],
    ['+2100m'],
    ['-9999w'],
  ])('the command line refuses %j', (text) => expect(code(() => parseDay(text, today))).toBe('dateOutOfRange'));

  it.each([['2026-02-30'], ['0000-00-00'], ['12025-11-27'], ['+99999d']])('and %j is no date at all', (text) =>
    expect(code(() => parseDay(text, today))).toBe('badDate'),
  );

  it.each([
    ['1900-01-01', '1900-01-01'],
    ['2199-12-31', '2199-12-31'],
    ['+173y', '2199-03-02'],
    ['-126y', '1900-03-02'],
  ])('the command line accepts %j', (text, day) => expect(parseDay(text, today)).toBe(day));

  it.each([['0050-06-01'], ['0050/6/1'], ['2200/1/1'], ['1899.12.31'], ['2250年1月1日']])('a file refuses %j', (text) =>
    expect(code(() => readDate(text))).toBe('dateOutOfRange'),
  );

  it.each([
    ['1900/1/1', '1900-01-01'],
    ['2199-12-31 23:59', '2199-12-31'],
  ])('a file accepts %j', (text, day) => expect(readDate(text)).toBe(day));

  it('no arithmetic leaves the range: a day past the end is refused, not written', () => {
    expect(code(() => addDays('2199-12-31', 1))).toBe('dateOutOfRange');
    expect(code(() => addDays('1900-01-01', -1))).toBe('dateOutOfRange');
  });
});

describe('through the binary', () => {
  let s: Sandbox;
  beforeEach(() => {
    s = sandbox();
    s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
  });
  afterEach(() => s.cleanup());
  const csv = (name: string, text: string) => {
    writeFileSync(join(s.dir, name), text);
    return join(s.dir, name);
  };
  const refused = (args: string[], says: RegExp) => {
    const r = s.run(args);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(says)]);
  };

  it.each([
    [['show', '0x1'], /"0x1" is not a prospect id/],
    [['forget', '0b1', '--yes'], /"0b1" is not a prospect id/],
    [['show', '9007199254740993'], /"9007199254740993" is not a prospect id/],
    [['visit', '1', '--date', '0050-06-01'], /"0050-06-01" is outside the dates dealer keeps/],
    [['edit', '1', '--next', '+9999y'], /"\+9999y" is outside the dates dealer keeps/],
  ])('%j is refused', (args, says) => refused(args, says));

  it('a CSV id beyond 2^53 - 1 or a date outside the range names the value and the line', () => {
    refused(
      [
        'import',
        'prospects',
        csv('ids.csv', 'id,name,phone\n2,Li Na,13900139000\n9007199254740993,Zhou Min,13700137000\n'),
      ],
      /line 3: "9007199254740993" is not a prospect id/,
    );
    refused(
      ['import', 'prospects', csv('dates.csv', 'name,phone,next_callback\nLi Na,13900139000,0050-06-01\n')],
      /line 2: "0050-06-01" is outside the dates dealer keeps/,
    );
    expect(s.json<unknown[]>(['list'])).toHaveLength(1);
  });

  it('what dealer writes at the range edges, its import reads back', () => {
    s.ok(['add-prospect', 'Li Na', '--phone', '13900139000', '--birthday', '1900-01-01', '--next', '2199-12-31']);
    s.ok(['visit', '2', '--date', '1900-01-01', '--next', '2199-12-31']);
    const other = { env: { DEALER_DB: join(s.dir, 'other', 'dealer.db') } };
    const prospects = csv('prospects.csv', s.ok(['report', 'prospects']).stdout);
    const visits = csv('visits.csv', s.ok(['report', 'visits', '--from', '1900-01-01']).stdout);
    for (const [kind, file] of [
      ['prospects', prospects],
      ['visits', visits],
    ]) {
      const r = s.run(['import', kind!, file!], other);
      expect([r.code, r.stderr]).toEqual([0, '']);
    }
    const back = s.json<{ birthday: string; nextCallback: string; contacts: { date: string }[] }>(['show', '2'], other);
    expect(back).toMatchObject({
      birthday: '1900-01-01',
      nextCallback: '2199-12-31',
      contacts: [{ date: '1900-01-01' }],
    });
  });
});
