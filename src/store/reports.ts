// The queries behind `dealer report`. Exports read rows in keyset-paged batches, so memory stays
// flat whatever the size of the book, and each batch crosses from SQLite as one JSON array: with
// better-sqlite3 a value handed to JavaScript costs more than the work of the row (~0.1 us each;
// nine per row make most of a million-row export), and one string per batch is about 20% faster.
import type { Day } from '../domain/dates.js';
import { CUSTOMER_STAGES } from '../domain/vocab.js';
import {
  PROSPECT_EXTRAS,
  PROSPECT_SHEET,
  VISIT_SHEET,
  type Cell,
  type ProspectColumn,
  type VisitColumn,
} from '../domain/sheets.js';
import { prepared, sqlList, type DB } from './db.js';
import { fields, int, intOrNull, text, textOrNull } from './decode.js';

/** A period's bounds for SQL: an open end reaches past any date a book can hold. */
const span = (p: Period) => ({ from: p.from ?? '0000-01-01', to: p.to ?? '9999-12-31' });

export interface Period {
  from?: Day;
  to?: Day;
}

/** Rows fetched per batch: larger batches were no faster and held more memory (145 MiB at 5000). */
const BATCH = 1000;

/** A batch as it crosses from SQLite: the rows as one JSON array of arrays, and the last id in it. */
function decodeBatch(raw: unknown): { rows: Cell[][]; last: number | null } {
  if (!Array.isArray(raw) || raw.length !== 2) throw new TypeError('report batch: not [json, last]');
  const json: unknown = raw[0];
  const last: unknown = raw[1];
  if (last === null) return { rows: [], last: null };
  if (typeof json !== 'string' || typeof last !== 'number') throw new TypeError('report batch: bad types');
  const rows: unknown = JSON.parse(json);
  if (!Array.isArray(rows) || !rows.every(isCells)) throw new TypeError('report batch: rows are not cells');
  return { rows, last };
}

const isCell = (v: unknown): v is Cell => v === null || typeof v === 'string' || typeof v === 'number';
const isCells = (r: unknown): r is Cell[] => Array.isArray(r) && r.every(isCell);

/**
 * Runs a query of the form `SELECT json_group_array(json_array(id, ...)), max(id) FROM (rows after
 * @after, in id order, LIMIT @limit)` until it comes back empty, yielding each row in id order.
 */
function* batches(db: DB, sql: string, params: Record<string, unknown>): Iterable<Cell[]> {
  const stmt = prepared(db, sql).raw(true);
  for (let after = 0; ;) {
    const { rows, last } = decodeBatch(stmt.get({ ...params, after, limit: BATCH }));
    if (last === null) return;
    // The aggregate follows the subquery's order in practice; sorting makes it a guarantee.
    yield* rows.sort((a, b) => Number(a[0]) - Number(b[0]));
    after = last;
  }
}

/** Where each prospects column comes from; `overdue_days` is the domain's to work out (finishProspectRow). */
const PROSPECT_SQL: Record<ProspectColumn | (typeof PROSPECT_EXTRAS)[number], string> = {
  id: 'p.id',
  name: 'p.name',
  phone: 'p.phone',
  tier: 'p.tier',
  stage: 'p.stage',
  source: 'p.source',
  interest: 'p.interest',
  expected_purchase: 'p.expected',
  last_contact: 'c.date',
  last_contact_kind: 'c.kind',
  contacts: '(SELECT count(*) FROM contact WHERE prospect_id = p.id)',
  next_callback: 'p.next_callback',
  overdue_days: 'NULL',
  wechat: 'p.wechat',
  email: 'p.email',
  org: 'p.org',
  referred_by: 'p.referred_by',
  budget: 'p.budget',
  birthday: 'p.birthday',
  created: 'substr(p.created, 1, 10)',
  won_on: 'p.won_on',
  lost_reason: 'p.lost_reason',
  note: 'p.note',
  deposit: 'd.deposit',
  deposit_on: 'd.deposit_on',
  hold_until: 'd.hold_until',
  top_up: 'd.top_up',
  top_up_by: 'd.top_up_by',
  refunded_on: 'd.refunded_on',
  order_model: 'd.model',
  order_price: 'd.price',
  delivery_date: 'd.delivery',
  delivered_on: 'd.delivered_on',
  insurance_until: 'd.insurance_until',
  renewed_on: 'd.renewed_on',
  matures: 'd.matures',
  tier_manual: 'p.tier_manual',
};

const VISIT_SQL: Record<VisitColumn, string> = {
  id: 'c.id',
  prospect_id: 'c.prospect_id',
  name: 'p.name',
  phone: 'p.phone',
  date: 'c.date',
  kind: 'c.kind',
  outcome: 'c.outcome',
  note: 'c.note',
  stage: 'c.stage',
};

const selectList = <K extends string>(keys: readonly K[], sql: Record<K, string>) => keys.map((k) => sql[k]).join(', ');

/**
 * Prospects added or contacted in the period (all of them without one), with their latest contact
 * and contact count: the prospects sheet's columns in its order, then PROSPECT_EXTRAS.
 */
export function prospectRows(db: DB, p: Period): Iterable<Cell[]> {
  const columns = selectList([...PROSPECT_SHEET.map((c) => c.key), ...PROSPECT_EXTRAS], PROSPECT_SQL);
  return batches(
    db,
    `SELECT json_group_array(json_array(${columns})), max(p.id)
     FROM (SELECT * FROM prospect p WHERE p.id > @after
             AND (@all OR substr(p.created, 1, 10) BETWEEN @from AND @to
                  OR EXISTS (SELECT 1 FROM contact WHERE prospect_id = p.id AND date BETWEEN @from AND @to))
           ORDER BY p.id LIMIT @limit) p
     LEFT JOIN contact c ON c.id = (SELECT id FROM contact WHERE prospect_id = p.id ORDER BY date DESC, id DESC LIMIT 1)
     LEFT JOIN deal d ON d.prospect_id = p.id`,
    { ...span(p), all: p.from || p.to ? 0 : 1 },
  );
}

const VISIT_SELECT = selectList(
  VISIT_SHEET.map((c) => c.key),
  VISIT_SQL,
);

/** Contacts in the period, as the visits sheet's columns. */
export const VISITS_SQL = `SELECT ${VISIT_SELECT} FROM contact c JOIN prospect p ON p.id = c.prospect_id`;

/** In id order, the date only filtering (`+date`): read through the date index, each batch would sort the period again. */
export function visitRows(db: DB, p: Period): Iterable<Cell[]> {
  return batches(
    db,
    `SELECT json_group_array(json_array(${VISIT_SELECT})), max(c.id)
     FROM (SELECT * FROM contact WHERE id > @after AND +date BETWEEN @from AND @to ORDER BY id LIMIT @limit) c
     JOIN prospect p ON p.id = c.prospect_id`,
    span(p),
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
     FROM prospect p WHERE substr(p.created, 1, 10) BETWEEN @from AND @to`,
  )
    .all(span(p))
    .map((row) => {
      const r = fields(row, 'prospect');
      return {
        source: textOrNull(r.source, 'source'),
        stage: text(r.stage, 'stage'),
        logged: textOrNull(r.logged, 'logged'),
      };
    });
}

/** For the activity report: how many contacts of each kind on each day of the period. */
export function contactsPerDay(db: DB, from: Day, to: Day): { date: Day; kind: string; n: number }[] {
  return prepared(db, 'SELECT date, kind, count(*) AS n FROM contact WHERE date BETWEEN ? AND ? GROUP BY date, kind')
    .all(from, to)
    .map((row) => {
      const r = fields(row, 'contact');
      return { date: text(r.date, 'date'), kind: text(r.kind, 'kind'), n: int(r.n, 'n') };
    });
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
  )
    .all(span(p))
    .map((row) => {
      const r = fields(row, 'grading');
      return {
        tier: text(r.tier, 'tier'),
        day: text(r.day, 'day'),
        wonOn: textOrNull(r.wonOn, 'wonOn'),
        stage: text(r.stage, 'stage'),
      };
    });
}

export interface DealRow {
  id: number;
  name: string;
  model: string | null;
  price: number | null;
  deposit: number | null;
  wonOn: Day;
  delivery: Day | null;
  deliveredOn: Day | null;
  /** The first contact, or the day they were added: where the days to the order count from. */
  first: Day;
}

/** Orders won in the period, oldest first. */
export function dealRows(db: DB, p: Period): DealRow[] {
  return prepared(
    db,
    `SELECT p.id, p.name, d.model, d.price, d.deposit, p.won_on AS wonOn, d.delivery, d.delivered_on AS deliveredOn,
            coalesce((SELECT min(date) FROM contact WHERE prospect_id = p.id), substr(p.created, 1, 10)) AS first
     FROM prospect p LEFT JOIN deal d ON d.prospect_id = p.id
     WHERE p.won_on IS NOT NULL AND p.stage IN (${sqlList(CUSTOMER_STAGES)}) AND p.won_on BETWEEN @from AND @to
     ORDER BY p.won_on, p.id`,
  )
    .all(span(p))
    .map((row) => {
      const r = fields(row, 'deal');
      return {
        id: int(r.id, 'id'),
        name: text(r.name, 'name'),
        model: textOrNull(r.model, 'model'),
        price: intOrNull(r.price, 'price'),
        deposit: intOrNull(r.deposit, 'deposit'),
        wonOn: text(r.wonOn, 'wonOn'),
        delivery: textOrNull(r.delivery, 'delivery'),
        deliveredOn: textOrNull(r.deliveredOn, 'deliveredOn'),
        first: text(r.first, 'first'),
      };
    });
}
