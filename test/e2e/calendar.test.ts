// The calendar as a phone imports it, read back with an iCalendar library: UIDs that survive moving
// the book, a reminder on every duty, and a cancellation, once, for a duty that has gone.
import Database from 'better-sqlite3';
import ICAL from 'ical.js';
import { mkdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
  s.ok(['add-prospect', '王磊', '--phone', '13800138000', '--tier', 'O']);
  s.ok(['add-prospect', 'Li Na', '--phone', '13900139000', '--tier', 'A', '--birthday', '03-10']);
});
afterEach(() => s.cleanup());

interface Event {
  uid: string;
  status: string | null;
  summary: string;
  start: string;
  triggers: string[];
}

function events(text: string): Event[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    status: (v.getFirstPropertyValue('status') as string | null) ?? null,
    summary: String(v.getFirstPropertyValue('summary')),
    start: String(v.getFirstPropertyValue('dtstart')),
    triggers: v.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
  }));
}

const exported = (env: Record<string, string> = {}, out = join(s.dir, 'cb.ics')) => {
  s.ok(['calendar', '--out', out], env);
  return events(readFileSync(out, 'utf8'));
};
const uids = (list: Event[]) => list.map((e) => e.uid).sort();

describe('calendar', () => {
  it('keeps every UID when the book is moved to another folder or opened through a symlink', () => {
    const before = exported();
    expect(before.map((e) => e.summary)).toEqual([
      '王磊: callback (O)',
      'Li Na: callback (A)',
      expect.stringMatching(/^Li Na: birthday/),
    ]);
    const moved = join(s.dir, 'elsewhere', 'my-book.db');
    mkdirSync(join(s.dir, 'elsewhere'));
    renameSync(s.db, moved);
    expect(uids(exported({ DEALER_DB: moved }))).toEqual(uids(before));
    const link = join(s.dir, 'link.db');
    symlinkSync(moved, link);
    expect(uids(exported({ DEALER_DB: link }))).toEqual(uids(before));
    // Another book has its own id: its events never replace this one's on a shared phone.
    const other = sandbox('2026-03-02');
    try {
      other.ok(['add-prospect', '王磊', '--phone', '13800138000', '--tier', 'O']);
      other.ok(['calendar', '--out', join(other.dir, 'o.ics')]);
      const theirs = events(readFileSync(join(other.dir, 'o.ics'), 'utf8'));
      expect(uids(before)).not.toContain(theirs[0]!.uid);
    } finally {
      other.cleanup();
    }
  });

  it('reminds at 09:00 on the day by default, at the configured time, or not at all', () => {
    for (const e of exported()) expect(e.triggers).toEqual(['PT9H']);
    s.ok(['config', 'set', 'calendar.alarm', '8:30']);
    for (const e of exported()) expect(e.triggers).toEqual(['PT8H30M']);
    s.ok(['config', 'set', 'calendar.alarm', 'none']);
    for (const e of exported()) expect(e.triggers).toEqual([]);
    const bad = s.run(['config', 'set', 'calendar.alarm', '25:00']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: calendar.alarm must be a time of day like 09:00, or none, not "25:00"/);
  });

  it('cancels a duty that has gone since the last export, once, under the same UID', () => {
    const first = exported();
    const callback = first.find((e) => e.summary.startsWith('王磊'))!;
    s.ok(['lost', '1', '--reason', 'price'], { DEALER_NOW: '2026-03-03' });
    const second = exported({ DEALER_NOW: '2026-03-03' });
    const gone = second.filter((e) => e.status === 'CANCELLED');
    expect(gone.map((e) => e.uid)).toEqual([callback.uid]);
    expect(gone[0]!.start).toBe(callback.start);
    expect(gone[0]!.triggers).toEqual([]);
    expect(second.filter((e) => e.status !== 'CANCELLED').map((e) => e.summary)).toEqual([
      'Li Na: callback (A)',
      expect.stringMatching(/^Li Na: birthday/),
    ]);
    const third = exported({ DEALER_NOW: '2026-03-03' });
    expect(third.map((e) => e.uid)).not.toContain(callback.uid);
  });

  it('keeps a duty outside a shorter window, and writes to standard output with --out -', () => {
    // New leads are due the next day (speed to lead): book Li Na's callback past the short window.
    s.ok(['edit', '2', '--next', '2026-03-09']);
    exported();
    s.ok(['calendar', '--days', '3', '--out', join(s.dir, 'short.ics')]);
    const short = events(readFileSync(join(s.dir, 'short.ics'), 'utf8'));
    expect(short.map((e) => [e.summary, e.status])).toEqual([['王磊: callback (O)', null]]);
    const r = s.ok(['calendar', '--out', '-']);
    const list = events(r.stdout);
    expect(list).toHaveLength(3);
    expect(list.every((e) => e.status === null)).toBe(true);
  });

  it('writes to the book only when the export differs from the last one', () => {
    exported();
    const db = new Database(s.db, { readonly: true });
    try {
      const version = () => db.pragma('data_version', { simple: true });
      const before = version();
      exported();
      expect(version()).toBe(before);
      exported({ DEALER_NOW: '2026-03-03' }); // the birthday moves nearer: nothing to remember
      expect(version()).toBe(before);
      s.ok(['lost', '2', '--reason', 'price']);
      const afterLost = version();
      exported();
      expect(version()).not.toBe(afterLost);
    } finally {
      db.close();
    }
  });
});
