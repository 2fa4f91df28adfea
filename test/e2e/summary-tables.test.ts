// The summary tables (report activity|tiers|funnel --format table, config list) look like every
// list: aligned columns without borders, each column as wide as its widest cell, fitted to the
// screen, headers in the message language. COLUMNS gives the width when stdout is not a terminal.
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
const FROM = ['--from', '2026-02-24', '--to', '2026-03-02'];

beforeAll(() => {
  s = sandbox('2026-03-02');
  s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--within', '1w', '--source', 'walk-in']);
  s.ok(['add-prospect', '李娜', '--phone', '13900139000', '--within', '1m', '--source', 'existing-customer']);
  s.ok(['visit', '1', '--kind', 'call', '--date', '2026-02-26']);
  s.ok(['visit', '1', '--kind', 'test-drive', '--stage', 'test-drive', '--date', '2026-02-27']);
  s.ok(['visit', '2', '--kind', 'wechat', '--date', '2026-03-02']);
});
afterAll(() => s.cleanup());

const SCREENS = [
  ['report', 'activity', '--format', 'table', ...FROM],
  ['report', 'tiers', '--format', 'table'],
  ['report', 'funnel', '--format', 'table'],
  ['config', 'list'],
];

const at = (width: number | undefined, lang: string, args: string[]) => {
  const r = s.run(['--lang', lang, ...args], { env: { COLUMNS: width ? String(width) : undefined } });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trimEnd().split('\n');
};

describe.each(['en', 'zh'])('%s', (lang) => {
  it.each([60, 80, 120])('fits %i columns, without borders, every row shown', (width) => {
    for (const args of SCREENS) {
      const lines = at(width, lang, args);
      const what = `dealer ${args.join(' ')} at ${width}`;
      expect(
        lines.filter((l) => stringWidth(l) > width),
        what,
      ).toEqual([]);
      expect(lines.join('\n'), what).not.toMatch(/[┌┐└┘│─]/);
      if (args[1] === 'activity') {
        expect(lines, what).toHaveLength(1 + 7); // a header, then one line a day
        // The day, its total and the goal stay at any width; so do the kinds used that week.
        expect(lines[0], what).toMatch(
          lang === 'en'
            ? /^date .*call.*test_drive.*wechat.*total  goal  met$/
            : /^日期 .*电话.*试驾.*微信.*合计  目标  达标$/,
        );
      }
    }
  });

  it('translates the headers and words people read, not the numbers', () => {
    const heads = SCREENS.map((args) => at(120, lang, args)[0]!);
    if (lang === 'en') {
      expect(heads[1]).toBe('tier  graded  bought_within_window  bought_later  lost  open  within_pct');
      expect(heads[2]).toMatch(/^source +stage +reached  conversion_pct$/);
    } else {
      for (const h of heads) expect(h).not.toMatch(/[a-z]{3}/);
      expect(heads[1]).toBe('级别  定级人数  期内成交  期后成交  战败  未结  期内成交率%');
      const funnel = at(120, lang, SCREENS[2]!).join('\n');
      expect(funnel).toContain('全部');
      expect(funnel).toContain('老客户');
      expect(at(120, lang, SCREENS[0]!).at(-1)).toMatch(/ 否$/);
    }
  });
});

it('pads a narrow column only to its widest cell, and right-aligns the counts', () => {
  // Everything fits at 120: each column is exactly as wide as its header or its widest cell.
  const lines = at(120, 'en', SCREENS[0]!);
  expect(lines[0]).toBe(
    'date        call  showroom  visit  test_drive  sms  wechat  email  delivery  other  total  goal  met',
  );
  expect(lines.find((l) => l.startsWith('2026-02-27'))).toBe(
    '2026-02-27     0         0      0           1    0       0      0         0      0      1    10  no',
  );
});

it('at 60 columns, the kinds nobody used that week go first', () => {
  const head = at(60, 'en', SCREENS[0]!)[0]!;
  expect(head.split(/ +/)).toEqual(['date', 'call', 'test_drive', 'wechat', 'total', 'goal', 'met']);
});

it('without a terminal or COLUMNS, the rows are whole', () => {
  expect(at(undefined, 'en', SCREENS[0]!)[0]).toContain('showroom  visit');
});
