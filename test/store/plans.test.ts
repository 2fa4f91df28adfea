// The morning query, `list --due` and `show` must stay index lookups as the book grows: a full scan
// of contacts turns a 2 ms query into minutes at a million rows.
import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBook } from '../bench/seed.js';
import { monthDays } from '../../src/domain/due.js';
import { answersOf } from '../../src/store/answers.js';
import { contactsOf, latestContact, remindersOf } from '../../src/store/contacts.js';
import { dueRows } from '../../src/store/due.js';
import { milestonesBetween, milestonesOf, peopleOf } from '../../src/store/people.js';
import { getProspect, listProspects } from '../../src/store/prospects.js';

const TODAY = '2026-03-02';
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dealer-plans-'));
  db = await seedBook(join(dir, 'big.db'), { prospects: 10_000, contacts: 100_000, today: TODAY });
  db.exec('ANALYZE');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every statement `fn` prepares, with its query plan. */
function plans(fn: () => unknown): { sql: string; plan: string[] }[] {
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  try {
    fn();
  } finally {
    db.prepare = prepare;
  }
  return seen.map((sql) => {
    const params = (sql.match(/\?|@\w+/g) ?? []).map((m) => (m === '?' ? null : m));
    const named = Object.fromEntries(params.filter((p): p is string => p !== null).map((p) => [p.slice(1), null]));
    const positional = params.filter((p) => p === null);
    const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(
      ...(Object.keys(named).length ? [named] : []),
      ...positional,
    ) as { detail: string }[];
    return { sql, plan: rows.map((r) => r.detail) };
  });
}

/**
 * A plan line reading a whole table, or a whole index (`SCAN p USING INDEX i` visits every entry),
 * fails; scanning the rows a co-routine or materialised subquery produced is fine, since those are
 * already bounded by index searches of their own.
 */
export function fullScans(plan: string[]): string[] {
  const derived = new Set(plan.flatMap((l) => /^(?:CO-ROUTINE|MATERIALIZE) (\w+)/.exec(l)?.[1] ?? []));
  return plan.filter((l) => {
    const scanned = /^SCAN (\w+)/.exec(l)?.[1];
    return scanned !== undefined && scanned !== 'CONSTANT' && !derived.has(scanned);
  });
}

function expectIndexed(found: { sql: string; plan: string[] }[]) {
  expect(found.length).toBeGreaterThan(0);
  for (const { sql, plan } of found) {
    expect(fullScans(plan), `${sql}\n${plan.join('\n')}`).toEqual([]);
    expect(plan.join('\n'), sql).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  }
}

describe('the full-scan detector', () => {
  it('sees table scans under an alias and full index scans, not co-routine scans or searches', () => {
    expect(fullScans(['SCAN p'])).toEqual(['SCAN p']);
    expect(fullScans(['SCAN p USING INDEX prospect_next_callback'])).toHaveLength(1);
    expect(fullScans(['SCAN contact USING COVERING INDEX contact_prospect_date'])).toHaveLength(1);
    expect(fullScans(['CO-ROUTINE item', 'SCAN item', 'SEARCH p USING INTEGER PRIMARY KEY (rowid=?)'])).toEqual([]);
    expect(fullScans(['SEARCH p USING INDEX prospect_next_callback (next_callback<?)', 'SCAN CONSTANT ROW'])).toEqual(
      [],
    );
  });
});

describe('query plans at 10,000 prospects', () => {
  it('the morning list reads through indexes', () => {
    const found = plans(() => dueRows(db, TODAY, monthDays(TODAY, TODAY)));
    expectIndexed(found);
    expect(found[0]!.plan.join('\n')).toMatch(/prospect_next_callback/);
    expect(found[0]!.plan.join('\n')).toMatch(/contact_prospect_date/);
  });

  it('list --due reads through the callback index, in its order', () => {
    expectIndexed(plans(() => listProspects(db, { dueBy: TODAY })));
  });

  it('show reads through indexes', () => {
    expectIndexed(
      plans(() => [
        getProspect(db, 77),
        contactsOf(db, 77),
        remindersOf(db, 77),
        answersOf(db, 77),
        latestContact(db, 77),
      ]),
    );
  });

  it("an organisation's people, whom they met and the milestones read through indexes", () => {
    expectIndexed(plans(() => [peopleOf(db, 77), milestonesOf(db, 77), milestonesBetween(db, TODAY, '2026-03-09')]));
  });

  it('the morning list finds the due prospects', () => {
    const rows = dueRows(db, TODAY, monthDays(TODAY, TODAY));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.due <= TODAY || r.reason === 'birthday')).toBe(true);
  });
});
