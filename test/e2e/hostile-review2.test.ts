// What the second hostile review broke, one case each: ids past what JavaScript counts exactly,
// impossible dates through import and won/lost, reminders a removed contact left behind, a hold
// without a deposit, WeChat duplicates in an import, raw placeholders, loose numbers and dates,
// invisible marks, a file named as the book's folder, and a footer wider than the screen.
import { mkdirSync, writeFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

const csv = (name: string, text: string) => {
  const path = join(s.dir, name);
  writeFileSync(path, text);
  return path;
};
const refused = (args: string[], message: RegExp, env?: Record<string, string>) => {
  const r = s.run(args, { env });
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect([1, 2]).toContain(r.code);
  return r;
};

describe('ids', () => {
  it('a new prospect after an imported id of 2^53 - 1 is refused, not given an id dealer cannot read', () => {
    s.ok(['add-prospect', 'A', '--phone', '13900000001']);
    s.ok(['import', 'prospects', csv('max.csv', 'id,name,phone\n9007199254740991,Max,13900000034\n')]);
    refused(
      ['add-prospect', 'Next', '--phone', '13900000035'],
      /^error: no prospect can be added: .*#9007199254740991/,
    );
    expect(s.json<unknown[]>(['list'])).toHaveLength(2);
  });

  it('a referred_by naming nobody is found by a dry run too, before any commit', () => {
    const r = s.run([
      'import',
      'prospects',
      '--dry-run',
      csv('ref.csv', 'id,name,phone,referred_by\n5,A,13800000001,77\n'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/referred_by that is neither in the book nor in the file/);
  });
});

describe('impossible dates, however they arrive', () => {
  beforeEach(() => s.ok(['add-prospect', 'A', '--phone', '13700000001']));

  it.each([
    ['visits', 'prospect_id,date,kind\n1,2027-01-01,call\n', /line 2: a contact cannot be in the future: 2027-01-01/],
    ['prospects', 'name,phone,birthday\nB,13700000009,2027-01-01\n', /line 2: a birthday cannot be in the future/],
    [
      'prospects',
      'name,phone,expected_purchase\nB,13700000009,2026-01-01\n',
      /line 2: an expected purchase date cannot be in the past/,
    ],
    ['prospects', 'name,phone,next_callback\nB,13700000009,2026-03-01\n', /line 2: a callback cannot be in the past/],
  ])('import %s refuses %j', (kind, text, message) => {
    refused(['import', kind, csv('dates.csv', text)], message);
  });

  it("dealer's own export keeps its overdue callbacks: only one before the day the prospect was added is refused", () => {
    s.ok([
      'import',
      'prospects',
      csv('old.csv', 'name,phone,created,next_callback\nB,13700000009,2026-01-01,2026-02-01\n'),
    ]);
    refused(
      [
        'import',
        'prospects',
        csv('bad.csv', 'name,phone,created,next_callback\nC,13700000008,2026-01-01,2025-12-01\n'),
      ],
      /line 2: a callback cannot be before the prospect was added: 2025-12-01 is before 2026-01-01/,
    );
  });

  it.each([
    [['lost', '1', '--reason', 'x', '--date', '+1y'], /a contact cannot be in the future: 2027-03-02/],
    [['won', '1', '--date', 'tomorrow'], /a contact cannot be in the future: 2026-03-03/],
    [['won', '1', '--date', '2199-12-31'], /a contact cannot be in the future: 2199-12-31 is after today/],
  ])('%j is refused with the date the user typed', (args, message) => {
    const r = refused(args, message);
    expect(r.code).toBe(2);
    expect(s.json<{ stage: string }>(['show', '1']).stage).toBe('new');
  });
});

describe('a hold needs a deposit', () => {
  it('--hold without --stage leaves a won customer won', () => {
    s.ok(['add-prospect', 'A', '--phone', '13700000001']);
    s.ok(['won', '1']);
    refused(['visit', '1', '--kind', 'call', '--hold', '2d'], /needs the deposit stage, not won/);
    expect(s.json<{ stage: string }>(['show', '1']).stage).toBe('won');
  });

  it('a hold too long is named as a hold, not a purchase window', () => {
    refused(['visit', '1', '--kind', 'call', '--hold', '99999d'], /^error: "99999d" is not how long a deposit holds/);
  });
});

describe('correcting a contact', () => {
  it("deleting a call from before the deal leaves a won customer's callback on the won date", () => {
    s.ok(['add-prospect', 'A', '--phone', '13700137001', '--met', 'showroom']);
    s.ok(['visit', '1', '--kind', 'call'], { DEALER_NOW: '2026-03-03' });
    s.ok(['won', '1'], { DEALER_NOW: '2026-03-05' });
    s.ok(['contact', 'delete', '2'], { DEALER_NOW: '2026-03-06' });
    expect(s.json<{ nextCallback: string }>(['show', '1']).nextCallback).toBe('2026-06-03');
  });
});

describe('import duplicates', () => {
  it('a WeChat id already in the book is skipped like a phone already in the book', () => {
    s.ok(['add-prospect', 'A', '--phone', '13700137001', '--wechat', 'mbrown88']);
    const r = s.ok(['import', 'prospects', csv('wx.csv', 'name,wechat\nG,MBrown88\n')]);
    expect(r.stdout).toMatch(/line 2: already in the book as #1 A/);
    expect(s.json<unknown[]>(['list'])).toHaveLength(1);
  });
});

describe('consult', () => {
  it('the questions still to ask are personalised as script consult --for shows them', () => {
    s.ok(['add-prospect', 'A', '--phone', '13700137001', '--interest', 'Q5L']);
    const out = s.ok(['consult', '1', '--set', 'budget=300k']).stdout;
    expect(out).toMatch(/alongside the Q5L\?/);
    expect(out).not.toMatch(/\{\w+\}/);
  });
});

describe('an empty date', () => {
  it('visit --date "" is refused, not read as today', () => {
    s.ok(['add-prospect', 'A', '--phone', '13700137001']);
    refused(['visit', '1', '--date', ''], /^error: "" is not a date/);
  });
});

describe('the book path', () => {
  it('a file where a folder of --db should be is a path typed wrong: exit 2, like a folder as the book', () => {
    writeFileSync(join(s.dir, 'somefile'), '');
    mkdirSync(join(s.dir, 'folder'));
    expect(s.run(['list', '--db', join(s.dir, 'folder')]).code).toBe(2);
    const r = refused(['list', '--db', join(s.dir, 'somefile', 'x.db')], /is a file, not a folder/);
    expect(r.code).toBe(2);
  });
});

describe('fitted to the screen', () => {
  it('the contacts footer wraps at 60 columns', () => {
    s.ok(['add-prospect', 'A', '--phone', '13700137001']);
    s.ok(['visit', '1', '--kind', 'call']);
    const out = s.ok(['contacts', '1'], { COLUMNS: '60' }).stdout;
    expect(out).toMatch(/delete 1/);
    for (const line of out.trimEnd().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
  });
});
