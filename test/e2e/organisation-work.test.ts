// An organisation's milestone on the morning list, walked with `today --work` at a pseudo-terminal,
// and ticked off with `done`/`snooze`: a milestone is the customer's date, information with a day,
// never a duty that aborts the walk or fails a command while the list shows it.
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { atTerminal, DOWN, ENTER } from '../helpers/terminal.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
  s.ok(['add-prospect', 'Org A', '--org', 'Org A', '--phone', '13800000001', '--next', '2026-03-20']);
  s.ok(['people', 'add', '1', 'Li Ming', '--role', 'selector']);
  s.ok(['people', 'milestone', '1', 'tender', 'today', '--note', 'bring the quote']);
});
afterEach(() => s.cleanup());

const WAIT = 60;
const links = () => {
  const db = new Database(s.db, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM contact_person').pluck().get();
  } finally {
    db.close();
  }
};

describe("a milestone row's trade", () => {
  it("is named only when the account's trade differs from the book's, as on every other row", () => {
    s.ok(['config', 'set', 'trade', 'medical']);
    s.ok(['edit', '1', '--trade', 'medical']);
    const row = s.json<{ reason: string; trade?: string }[]>(['today']).find((r) => r.reason === 'milestone');
    expect(row).toBeDefined();
    expect(row?.trade).toBeUndefined();
  });
});

describe('a milestone in today --work', () => {
  it('offers only speaking to them, going on or stopping; going on ends the walk normally', () => {
    const r = atTerminal(s, ['today', '--work'], [{ after: 'What happened?', send: `${DOWN}${ENTER}`, within: WAIT }]);
    expect(r.output).toContain('bring the quote');
    expect(r.output).not.toContain('Done without a contact');
    expect(r.output).not.toContain('Put off');
    expect(r.code).toBe(0);
  });

  it('"Spoke to them" asks whom you spoke with and records them', () => {
    const r = atTerminal(
      s,
      ['today', '--work'],
      [
        { after: 'What happened?', send: ENTER, within: WAIT },
        { after: 'Kind of contact', send: ENTER, within: WAIT },
        { after: 'How did it go?', send: ENTER, within: WAIT },
        { after: 'Note', send: ENTER, within: WAIT },
        { after: 'Stage now', send: ENTER, within: WAIT },
        { after: 'Whom did you speak with?', send: `nobody${ENTER}`, within: WAIT },
        { after: 'Not among its people: nobody', send: `\u0015li ming${ENTER}`, within: WAIT },
        { after: 'Next callback', send: ENTER, within: WAIT },
      ],
    );
    expect(r.code).toBe(0);
    expect(r.output).not.toMatch(/Not among its people: nobody[^\n]*Li Ming, /);
    expect(links()).toBe(1);
  });
});

describe('done and snooze on a milestone day', () => {
  it('done acknowledges the milestone; snooze says how to move the customer’s day', () => {
    const done = s.run(['done', '1']);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('it stays on the list for its day');
    const snooze = s.run(['snooze', '1', '+3d']);
    expect(snooze.code).toBe(2);
    expect(snooze.stderr).toContain('--move-to');
    // The milestone stays on the list for its day: it happens whatever we tick off.
    expect(s.ok(['today']).stdout).toContain('tender');
  });

  it('shows the day before, to prepare', () => {
    expect(s.ok(['people', 'milestone', '1', 'selection', '2026-03-03']).stdout).toContain('the day before and on the day');
    expect(s.ok(['today']).stdout).toMatch(/selection meeting/);
    // What to open with is the account's stage's topic, not the showroom visit's preparation.
    const rows = s.json<{ reason: string; topic: string }[]>(['today']).filter((r) => r.reason === 'milestone');
    expect(rows.map((r) => r.topic)).toEqual(['consult', 'consult']);
  });
});

describe('an organisation is never graded O from a date', () => {
  it('in report prospects as of a later day, and when imported', () => {
    s.ok(['add-prospect', 'Org B', '--org', 'Org B', '--phone', '13800000002', '--within', '20d']);
    const rows = s.json<{ id: number; tier: string }[]>(['report', 'prospects', '--date', '2026-03-20']);
    expect(rows.find((r) => r.id === 2)?.tier).toBe('A');
    const file = `${s.dir}/in.csv`;
    writeFileSync(file, 'name,phone,org,expected_purchase\nOrg C,13800000003,Org C,2026-03-05\n');
    s.ok(['import', 'prospects', file]);
    expect(s.json<{ tier: string }>(['show', '3']).tier).toBe('A');
    const db = new Database(s.db, { readonly: true });
    try {
      expect(db.prepare('SELECT tier FROM prospect WHERE id = 3').pluck().get()).toBe('A');
    } finally {
      db.close();
    }
  });
});

describe('milestones in the calendar', () => {
  it('two on one day are two events, each with its note', () => {
    s.ok(['people', 'milestone', '1', 'selection', '2026-03-04', '--note', 'demo the van']);
    s.ok(['people', 'milestone', '1', 'funding', '2026-03-04']);
    const ics = s.ok(['calendar', '--out', '-', '--days', '7']).stdout;
    const uids = [...ics.matchAll(/^UID:(milestone-1-2026-03-04[^\r\n]*)/gm)].map((m) => m[1]);
    expect(new Set(uids).size).toBe(2);
    expect(ics.replace(/\r\n /g, '')).toContain('demo the van');
    // The notice row the day after a calendar's window is not an event beyond it.
    expect(s.ok(['calendar', '--out', '-', '--days', '1']).stdout).not.toContain('2026-03-04');
  });
});
