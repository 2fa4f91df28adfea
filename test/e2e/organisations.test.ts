// Organisations with several people (issue 14.3), through the built binary: a hospital account with
// four people, visits that met some of them, the roles map that says who is still unmet or against
// us, a tender on the morning list, and the refusals that write nothing. The tests share one book
// and run in order, to keep the CLI starts few.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Result, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;

const count = (table: string): unknown => {
  const db = new Database(s.db, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  } finally {
    db.close();
  }
};

/** Exit 2, one line on stderr starting `error:`, nothing on stdout. */
function refused(r: Result, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).toMatch(pattern);
}

interface PersonJson {
  name: string;
  role: string;
  stance: string | null;
  met: number;
  lastMet: string | null;
}

beforeAll(() => {
  s = sandbox('2026-03-02');
  s.ok(['add-prospect', 'City Hospital', '--org', 'City Hospital', '--trade', 'medical', '--phone', '13800138000']);
});
afterAll(() => s.cleanup());

describe('a hospital account with four people', () => {
  it('with nobody yet, says how to add someone and which roles the deal needs', () => {
    const r = s.ok(['people', '1']);
    expect(r.stdout).toContain('No people recorded for #1 yet. Add one with: dealer people add 1 <name> --role <role>');
    expect(r.stdout).toContain('department director, dean or deputy dean, equipment office, purchasing office');
  });

  it('adds people by role, in English or the Chinese words', () => {
    expect(s.ok(['people', 'add', '1', 'Dr Wang', '--role', '科室主任', '--stance', 'supporter']).stdout).toContain(
      'Added Dr Wang (department director) to #1 City Hospital',
    );
    s.ok(['people', 'add', '1', 'Dean Li', '--role', 'dean']);
    s.ok(['people', 'add', '1', 'Zhao', '--role', '设备科', '--stance', '反对', '--phone', '010-6552 1234']);
    s.ok(['people', 'add', '1', 'Qian', '--role', 'purchasing-office']);
    expect(count('person')).toBe(4);
  });

  it('records whom each visit met', () => {
    s.ok(['visit', '1', '--kind', 'visit', '--with', 'Dr Wang', '--date', 'yesterday']);
    const v = s.json<{ with: string[]; id: number }>(['visit', '1', '--kind', 'visit', '--with', 'dean li', '--with', 'Dr Wang']);
    expect(v.with).toEqual(['Dean Li', 'Dr Wang']);
    expect(count('contact_person')).toBe(3);
  });

  it('show maps the roles and flags the two never met and the opponent (Done when)', () => {
    const text = s.ok(['show', '1']).stdout;
    expect(text).toContain('People (4)');
    expect(text).toMatch(/department director: Dr Wang \(supporter, met 2026-03-02\)/);
    expect(text).toMatch(/equipment office: Zhao \(opponent, never met\)/);
    expect(text).toContain('Never met: Zhao (equipment office), Qian (purchasing office)');
    expect(text).toContain('Opposed: Zhao (equipment office)');

    const shown = s.json<{ roles: { unmet: PersonJson[]; opposed: PersonJson[]; missing: string[] }; people: PersonJson[] }>(
      ['show', '1'],
    );
    expect(shown.roles.unmet.map((p) => p.name)).toEqual(['Zhao', 'Qian']);
    expect(shown.roles.opposed.map((p) => p.name)).toEqual(['Zhao']);
    expect(shown.roles.missing).toEqual([]);
    expect(shown.people.find((p) => p.name === 'Dr Wang')).toMatchObject({ met: 2, lastMet: '2026-03-02' });
  });

  it('people --json lists them with their role, stance and meetings', () => {
    const list = s.json<{ shape: string; people: PersonJson[] }>(['people', '1']);
    expect(list.shape).toBe('hospital');
    expect(list.people.map((p) => [p.name, p.role, p.stance, p.met])).toEqual([
      ['Dr Wang', 'director', 'supporter', 2],
      ['Dean Li', 'dean', null, 1],
      ['Zhao', 'equipment', 'opponent', 0],
      ['Qian', 'purchasing', null, 0],
    ]);
  });

  it('lists them in Chinese with the words a sales trainer uses', () => {
    const r = s.ok(['people', '1', '--lang', 'zh']);
    expect(r.stdout).toContain('科室主任');
    expect(r.stdout).toContain('院长/副院长');
    expect(r.stdout).toContain('设备科');
    expect(r.stdout).toContain('采购办');
    expect(r.stdout).toContain('还没见过：Zhao（设备科）、Qian（采购办）');
  });

  it('a tender day is on the morning list the day before (to prepare) and on its day, not earlier', () => {
    s.ok(['people', 'milestone', '1', '招标', '2026-03-05', '--note', 'bring the quote']);
    type Row = { id: number; reason: string; due: string; milestone?: { kind: string; note: string; day: string } };
    const onDay = s.json<Row[]>(['today', '--date', '2026-03-05']);
    expect(onDay.find((r) => r.reason === 'milestone')).toMatchObject({
      id: 1,
      due: '2026-03-05',
      milestone: { kind: 'tender', note: 'bring the quote' },
    });
    const before = s.json<Row[]>(['today', '--date', '2026-03-04']);
    // The notice is due the day before (overdueDays 0 = due today); the milestone keeps its own day.
    expect(before.find((r) => r.reason === 'milestone')).toMatchObject({ due: '2026-03-04', milestone: { day: '2026-03-05' } });
    const earlier = s.json<Row[]>(['today', '--date', '2026-03-03']);
    expect(earlier.some((r) => r.reason === 'milestone')).toBe(false);
  });
});

describe('refusals write nothing', () => {
  it('an unknown name with --with lists the people known, and records no contact', () => {
    const contacts = count('contact');
    refused(s.run(['visit', '1', '--with', 'Dr Wang', '--with', 'Ghost']), /#1 has nobody called "Ghost" — its people: Dr Wang, Dean Li, Zhao, Qian/);
    expect(count('contact')).toBe(contacts);
  });

  it("someone of another organisation is not this one's", () => {
    s.ok(['add-prospect', 'Far Logistics', '--org', 'Far Logistics', '--cycle', 'long', '--batch', 'small', '--phone', '13800138002']);
    s.ok(['people', 'add', '2', 'Boss Ma', '--role', '决策人']);
    refused(s.run(['visit', '1', '--with', 'Boss Ma']), /nobody called "Boss Ma"/);
  });

  it('a private buyer has no people: make it an organisation first', () => {
    s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138001']); // #3
    const people = count('person');
    refused(s.run(['people', 'add', '3', 'His Wife', '--role', 'decider']), /#3 is an individual.*dealer edit 3 --org/);
    refused(s.run(['visit', '3', '--with', 'His Wife']), /#3 is an individual/);
    expect(count('person')).toBe(people);
  });

  it.each([
    [['people', 'add', '1', 'Evil\u001b]0;owned\u0007'], /one line/],
    [['people', 'add', '1', '  ', '--role', 'dean'], /name is empty/],
    [['people', 'add', '1', 'Sun'], /Sun is new at #1: say their role.*director, dean/],
    [['people', 'add', '1', 'Sun', '--role', 'decider'], /"decider" is not a role at this organisation/],
    [['people', 'add', '1', 'Sun', '--role', 'dean', '--phone', 'ask the nurse'], /not a phone number/],
    [['people', '99999999999999999999999'], /not a prospect id/],
    [['people', '42'], /no prospect #42/],
    [['people', 'milestone', '1', 'tender', '2026-03-01'], /cannot be in the past/],
  ])('%j is exit 2', (args, pattern) => {
    const before = [count('person'), count('milestone')];
    refused(s.run(args), pattern);
    expect([count('person'), count('milestone')]).toEqual(before);
  });
});
