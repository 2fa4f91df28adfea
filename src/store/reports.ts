// The queries behind `dealer report`. Exports read rows in keyset-paged batches, so memory stays
// flat whatever the size of the book, and each batch crosses from SQLite as one JSON array: with
// better-sqlite3 a value handed to JavaScript costs more than the work of the row (~0.1 us each;
// nine per row make most of a million-row export), and one string per batch is about 20% faster.
import type { Day } from '../domain/dates.js';
import { prepared, type DB } from './db.js';

export interface Period {
  from?: Day;
  to?: Day;
}

/** Rows fetched per batch: larger batches were no faster and held more memory (145 MiB at 5000). */
const BATCH = 1000;

/**
 * Runs a query of the form `SELECT json_group_array(json_array(id, ...)), max(id) FROM (rows after
 * @after, in id order, LIMIT @limit)` until it comes back empty, yielding each row in id order.
 */
function* batches(db: DB, sql: string, params: Record<string, unknown>): Iterable<unknown[]> {
  const stmt = prepared(db, sql).raw(true);
  for (let after = 0; ;) {
    const [json, last] = stmt.get({ ...params, after, limit: BATCH }) as [string, number | null];
    if (last === null) return;
    // The aggregate follows the subquery's order in practice; sorting makes it a guarantee.
    yield* (JSON.parse(json) as [number, ...unknown[]][]).sort((a, b) => a[0] - b[0]);
    after = last;
  }
}

/**
 * Prospects added or contacted in the period (all of them without one), with their latest contact
 * and contact count: id, name, phone, tier, tier_manual, expected, stage, source, interest,
 * last date, last kind, contacts, next_callback, wechat, email, org, referred_by, budget, birthday,
 * created day, won_on, lost_reason, note, then the deal's columns (DEAL_COLUMNS).
 */
export function prospectRows(db: DB, p: Period): Iterable<unknown[]> {
  return batches(
    db,
    `SELECT json_group_array(json_array(p.id, p.name, p.phone, p.tier, p.tier_manual, p.expected, p.stage, p.source,
              p.interest, c.date, c.kind, (SELECT count(*) FROM contact WHERE prospect_id = p.id), p.next_callback,
              p.wechat, p.email, p.org, p.referred_by, p.budget, p.birthday, substr(p.created, 1, 10),
              p.won_on, p.lost_reason, p.note, d.deposit, d.deposit_on, d.hold_until, d.top_up, d.top_up_by,
              d.refunded_on, d.model, d.price, d.delivery, d.delivered_on, d.insurance_until, d.renewed_on,
              d.matures)), max(p.id)
     FROM (SELECT * FROM prospect p WHERE p.id > @after
             AND (@all OR substr(p.created, 1, 10) BETWEEN @from AND @to
                  OR EXISTS (SELECT 1 FROM contact WHERE prospect_id = p.id AND date BETWEEN @from AND @to))
           ORDER BY p.id LIMIT @limit) p
     LEFT JOIN contact c ON c.id = (SELECT id FROM contact WHERE prospect_id = p.id ORDER BY date DESC, id DESC LIMIT 1)
     LEFT JOIN deal d ON d.prospect_id = p.id`,
    { from: p.from ?? '0000-01-01', to: p.to ?? '9999-12-31', all: p.from || p.to ? 0 : 1 },
  );
}

/** Contacts in the period: id, prospect_id, name, phone, date, kind, outcome, note, stage. */
export const VISITS_SQL = `SELECT c.id, c.prospect_id, p.name, p.phone, c.date, c.kind, c.outcome, c.note, c.stage
  FROM contact c JOIN prospect p ON p.id = c.prospect_id`;

/** In id order, the date only filtering (`+date`): read through the date index, each batch would sort the period again. */
export function visitRows(db: DB, p: Period): Iterable<unknown[]> {
  return batches(
    db,
    `SELECT json_group_array(json_array(c.id, c.prospect_id, p.name, p.phone, c.date, c.kind, c.outcome, c.note, c.stage)),
            max(c.id)
     FROM (SELECT * FROM contact WHERE id > @after AND +date BETWEEN @from AND @to ORDER BY id LIMIT @limit) c
     JOIN prospect p ON p.id = c.prospect_id`,
    { from: p.from ?? '0000-01-01', to: p.to ?? '9999-12-31' },
  );
}

export interface StageHistory {
  source: string | null;
  stage: string;
  /** Every stage the prospect was ever logged at, comma-separated. */
  logged: string | null;
}

/** For the funnel: prospects added in the period, with every stage they were at. */
export function stageHistories(db: DB, p: Period): StageHistory[] {
  return prepared(
    db,
    // A deposit taken (even if refunded since) and a hand-over count as reached (issue 13).
    `SELECT p.source, p.stage, concat_ws(',', (SELECT group_concat(stage) FROM stage_log WHERE prospect_id = p.id),
              (SELECT CASE WHEN d.delivered_on IS NOT NULL THEN 'delivered' WHEN d.deposit_on IS NOT NULL THEN 'deposit' END
                 FROM deal d WHERE d.prospect_id = p.id)) AS logged
     FROM prospect p WHERE substr(p.created, 1, 10) BETWEEN ? AND ?`,
  ).all(p.from ?? '0000-01-01', p.to ?? '9999-12-31') as StageHistory[];
}

/** For the activity report: how many contacts of each kind on each day of the period. */
export function contactsPerDay(db: DB, from: Day, to: Day): { date: Day; kind: string; n: number }[] {
  return prepared(
    db,
    'SELECT date, kind, count(*) AS n FROM contact WHERE date BETWEEN ? AND ? GROUP BY date, kind',
  ).all(from, to) as { date: Day; kind: string; n: number }[];
}

export interface Grading {
  tier: string;
  day: Day;
  wonOn: Day | null;
  stage: string;
}

/** For the calibration report: every grading in the period, with how the prospect ended up. */
export function gradings(db: DB, p: Period): Grading[] {
  return prepared(
    db,
    `SELECT g.tier, g.day, p.won_on AS wonOn, p.stage FROM grade_log g JOIN prospect p ON p.id = g.prospect_id
     WHERE g.day BETWEEN @from AND @to
     UNION ALL
     -- A prospect never re-graded has no history rows: its grade is the one it was added with.
     SELECT p.tier, substr(p.created, 1, 10), p.won_on, p.stage FROM prospect p
     WHERE substr(p.created, 1, 10) BETWEEN @from AND @to
       AND NOT EXISTS (SELECT 1 FROM grade_log WHERE prospect_id = p.id)`,
  ).all({ from: p.from ?? '0000-01-01', to: p.to ?? '9999-12-31' }) as Grading[];
}

/**
 * Orders won in the period, oldest first: id, name, model, price, deposit, won_on, delivery,
 * delivered_on, and the first contact (or the day they were added), for days to the order.
 */
export function dealRows(db: DB, p: Period): unknown[][] {
  return prepared(
    db,
    `SELECT p.id, p.name, d.model, d.price, d.deposit, p.won_on, d.delivery, d.delivered_on,
            coalesce((SELECT min(date) FROM contact WHERE prospect_id = p.id), substr(p.created, 1, 10)) AS first
     FROM prospect p LEFT JOIN deal d ON d.prospect_id = p.id
     WHERE p.won_on IS NOT NULL AND p.stage IN ('won', 'delivered', 'follow-up') AND p.won_on BETWEEN ? AND ?
     ORDER BY p.won_on, p.id`,
  )
    .raw()
    .all(p.from ?? '0000-01-01', p.to ?? '9999-12-31') as unknown[][];
}
