// Prospects and their phone numbers: the only place their SQL lives.
import type { Day } from '../domain/dates.js';
import type { Prospect, ProspectFields } from '../domain/prospect.js';
import type { Tier } from '../domain/tier.js';
import type { Stage } from '../domain/vocab.js';
import { prepared, type DB } from './db.js';
import { assertNextIdSafe } from './ids.js';

/** Field name in the domain → column in the prospect table. */
const COLUMNS: Record<keyof ProspectFields, string> = {
  name: 'name',
  phone: 'phone',
  wechat: 'wechat',
  email: 'email',
  kind: 'kind',
  org: 'org',
  source: 'source',
  referredBy: 'referred_by',
  interest: 'interest',
  budget: 'budget',
  expected: 'expected',
  tier: 'tier',
  tierManual: 'tier_manual',
  orgCycle: 'org_cycle',
  orgBatch: 'org_batch',
  stage: 'stage',
  need: 'need',
  canPay: 'can_pay',
  decides: 'decides',
  birthday: 'birthday',
  note: 'note',
  nextCallback: 'next_callback',
};

type Row = Record<string, unknown>;

const bool = (v: unknown) => (v === null || v === undefined ? null : v === 1);
const sqlValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null));

export function toProspect(r: Row, phones: string[]): Prospect {
  return {
    id: r.id as number,
    name: r.name as string,
    phone: r.phone as string | null,
    phones,
    wechat: r.wechat as string | null,
    email: r.email as string | null,
    kind: r.kind as Prospect['kind'],
    org: r.org as string | null,
    source: r.source as Prospect['source'],
    referredBy: r.referred_by as number | null,
    interest: r.interest as string | null,
    budget: r.budget as string | null,
    expected: r.expected as Day | null,
    tier: r.tier as Tier,
    tierManual: r.tier_manual === 1,
    orgCycle: r.org_cycle as string | null,
    orgBatch: r.org_batch as string | null,
    stage: r.stage as Stage,
    need: bool(r.need),
    canPay: bool(r.can_pay),
    decides: bool(r.decides),
    birthday: r.birthday as string | null,
    note: r.note as string | null,
    lostReason: r.lost_reason as string | null,
    wonOn: r.won_on as Day | null,
    lostOn: r.lost_on as Day | null,
    nextCallback: r.next_callback as Day | null,
    created: r.created as string,
    updated: r.updated as string,
  };
}

/** Every prospect column plus its normalised numbers, in the order they were given. */
const SELECT = `SELECT p.*, (SELECT json_group_array(number) FROM phone WHERE prospect_id = p.id) AS phones FROM prospect p`;

const fromRow = (r: Row) => toProspect(r, JSON.parse(r.phones as string) as string[]);

export function getProspect(db: DB, id: number): Prospect | undefined {
  const row = prepared(db, `${SELECT} WHERE p.id = ?`).get(id) as Row | undefined;
  return row && fromRow(row);
}

export function prospectExists(db: DB, id: number): boolean {
  return prepared(db, 'SELECT 1 FROM prospect WHERE id = ?').get(id) !== undefined;
}

/** Other prospects already holding any of these normalised numbers. */
export function findByPhones(db: DB, numbers: string[], except = 0): { id: number; name: string; number: string }[] {
  if (numbers.length === 0) return [];
  const marks = numbers.map(() => '?').join(',');
  return prepared(
    db,
    `SELECT DISTINCT p.id, p.name, ph.number FROM phone ph JOIN prospect p ON p.id = ph.prospect_id
       WHERE ph.number IN (${marks}) AND p.id <> ? ORDER BY p.id`,
  ).all(...numbers, except) as { id: number; name: string; number: string }[];
}

/** Another prospect with this WeChat id: ids are case-insensitive, as WeChat treats them. */
export function findByWechat(db: DB, wechat: string, except = 0): { id: number; name: string } | undefined {
  return prepared(
    db,
    'SELECT id, name FROM prospect WHERE lower(trim(wechat)) = lower(trim(?)) AND id <> ? ORDER BY id LIMIT 1',
  ).get(wechat, except) as { id: number; name: string } | undefined;
}

/** The prospect holding a normalised number, if any: the import's duplicate check. */
export function holderOf(db: DB, number: string): number | undefined {
  return prepared(db, 'SELECT prospect_id FROM phone WHERE number = ? LIMIT 1').pluck().get(number) as
    number | undefined;
}

function setPhones(db: DB, id: number, numbers: string[]): void {
  prepared(db, 'DELETE FROM phone WHERE prospect_id = ?').run(id);
  const add = prepared(db, 'INSERT INTO phone (prospect_id, number) VALUES (?, ?)');
  for (const n of numbers) add.run(id, n);
}

// The stage and grade history (for the funnel and the calibration report) is written when something
// changes: a prospect that never changed is its own history, so adding one writes no history rows.
// The first change also records what it changed from, on the day the prospect was added.

function logStage(db: DB, id: number, from: Row, stage: Stage, day: Day): void {
  const insert = prepared(db, 'INSERT INTO stage_log (prospect_id, stage, day) VALUES (?, ?, ?)');
  if (!prepared(db, 'SELECT 1 FROM stage_log WHERE prospect_id = ?').get(id)) {
    insert.run(id, from.stage, (from.created as string).slice(0, 10));
  }
  insert.run(id, stage, day);
}

function logGrade(db: DB, id: number, from: Row, tier: Tier, manual: boolean, day: Day): void {
  const insert = prepared(db, 'INSERT INTO grade_log (prospect_id, tier, day, manual) VALUES (?, ?, ?, ?)');
  if (!prepared(db, 'SELECT 1 FROM grade_log WHERE prospect_id = ?').get(id)) {
    insert.run(id, from.tier, (from.created as string).slice(0, 10), from.tier_manual);
  }
  insert.run(id, tier, day, manual ? 1 : 0);
}

/** One statement with every column, compiled once and bound by position: an import runs it 100k times. */
const INSERT_COLUMNS = ['id', ...Object.values(COLUMNS), 'lost_reason', 'won_on', 'created', 'updated'];
const INSERT = `INSERT INTO prospect (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`;
const FIELD_OF = Object.fromEntries(Object.entries(COLUMNS).map(([field, column]) => [column, field]));

export function insertProspect(
  db: DB,
  fields: ProspectFields & { name: string; lostReason?: string | null; wonOn?: Day | null },
  phones: string[],
  /** When it was added, local time (`created` and `updated`). */
  created: string,
  id?: number,
): number {
  // The schema's defaults, for the columns a caller left out.
  const given: Record<string, unknown> = { kind: 'person', tier: 'C', tierManual: false, stage: 'new', ...fields };
  const values = INSERT_COLUMNS.map((column) => {
    if (column === 'id') return id ?? null;
    if (column === 'lost_reason') return given.lostReason ?? null;
    if (column === 'won_on') return given.wonOn ?? null;
    if (column === 'created' || column === 'updated') return created;
    return sqlValue(given[FIELD_OF[column]!]);
  });
  if (id === undefined) assertNextIdSafe(db, 'prospect');
  const newId = Number(prepared(db, INSERT).run(values).lastInsertRowid);
  const add = prepared(db, 'INSERT INTO phone (prospect_id, number) VALUES (?, ?)');
  for (const n of phones) add.run(newId, n);
  return newId;
}

/** Writes the given fields (undefined = unchanged); logs stage and grade moves for the reports. */
export function updateProspect(
  db: DB,
  id: number,
  fields: ProspectFields & { lostReason?: string | null; wonOn?: Day | null; lostOn?: Day | null },
  stamp: { now: string; day: Day },
  phones?: string[],
): void {
  const before = prepared(db, 'SELECT stage, tier, tier_manual, created FROM prospect WHERE id = ?').get(id) as Row;
  const extra: Record<string, string> = { lostReason: 'lost_reason', wonOn: 'won_on', lostOn: 'lost_on' };
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  const sets = entries.map(([k]) => `${COLUMNS[k as keyof ProspectFields] ?? extra[k]} = ?`);
  prepared(db, `UPDATE prospect SET ${[...sets, 'updated = ?'].join(', ')} WHERE id = ?`).run(
    ...entries.map(([, v]) => sqlValue(v)),
    stamp.now,
    id,
  );
  if (phones) setPhones(db, id, phones);
  if (fields.stage && fields.stage !== before.stage) logStage(db, id, before, fields.stage, stamp.day);
  const manual = fields.tierManual ?? before.tier_manual === 1;
  if (fields.tier && (fields.tier !== before.tier || manual !== (before.tier_manual === 1))) {
    logGrade(db, id, before, fields.tier, manual, stamp.day);
  }
}

export interface ListFilter {
  stage?: Stage;
  source?: string;
  /** Text in any field, in a phone number, or in what a contact's note or outcome says. */
  search?: string;
  /** Prospects the search also finds by other means (a Chinese name by its pinyin). */
  alsoIds?: number[];
  dueBy?: Day;
}

/** Prospects matching the filter, newest callback work first; tier filtering is the caller's (it is derived). */
export function listProspects(db: DB, f: ListFilter): Prospect[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.stage) where.push('stage = ?') && args.push(f.stage);
  if (f.source) where.push('source = ?') && args.push(f.source);
  if (f.dueBy) where.push('next_callback <= ?') && args.push(f.dueBy);
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = f.search.replace(/\D/g, '');
    const fields = ['name', 'phone', 'wechat', 'email', 'org', 'interest', 'note'].map(
      (c) => `${c} LIKE ? ESCAPE '\\'`,
    );
    args.push(...fields.map(() => like));
    if (digits.length >= 4) {
      fields.push('id IN (SELECT prospect_id FROM phone WHERE number LIKE ?)');
      args.push(`%${digits}%`);
    }
    // "和宝马3系在比较" in a contact's note is what the consultant remembers them by.
    fields.push(`id IN (SELECT prospect_id FROM contact WHERE note LIKE ? ESCAPE '\\' OR outcome LIKE ? ESCAPE '\\')`);
    args.push(like, like);
    if (f.alsoIds?.length) {
      fields.push(`id IN (SELECT value FROM json_each(?))`);
      args.push(JSON.stringify(f.alsoIds));
    }
    where.push(`(${fields.join(' OR ')})`);
  }
  const order = f.dueBy ? 'next_callback, id' : 'id';
  const rows = prepared(db, `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`).all(
    ...args,
  ) as Row[];
  return rows.map(fromRow);
}

/** Prospects whose name has a character outside ASCII: the ones a pinyin search can find. */
export function namesBeyondAscii(db: DB): { id: number; name: string }[] {
  return prepared(db, "SELECT id, name FROM prospect WHERE name GLOB '*[^ -~]*' ORDER BY id").all() as {
    id: number;
    name: string;
  }[];
}

export function countProspects(db: DB): number {
  return prepared(db, 'SELECT count(*) FROM prospect').pluck().get() as number;
}

/** Open prospects with a purchase date: the ones whose tier can move with time. */
export function datedOpenProspects(db: DB): Prospect[] {
  return (
    prepared(
      db,
      `${SELECT} WHERE p.expected IS NOT NULL
         AND p.stage NOT IN ('lost', 'won', 'delivered', 'follow-up') ORDER BY p.id`,
    ).all() as Row[]
  ).map(fromRow);
}

/** Removes a prospect and, through the foreign keys, everything recorded about them. */
export function deleteProspect(db: DB, id: number): number {
  const contacts = prepared(db, 'SELECT count(*) FROM contact WHERE prospect_id = ?').pluck().get(id) as number;
  prepared(db, 'DELETE FROM prospect WHERE id = ?').run(id);
  return contacts;
}

/** Prospects whose referred_by names nobody: what a deferred foreign key would refuse at commit. */
export function danglingReferrals(db: DB): number[] {
  const rows = db.pragma('foreign_key_check(prospect)') as { table: string; rowid: number; parent: string }[];
  return rows.filter((r) => r.table === 'prospect' && r.parent === 'prospect').map((r) => r.rowid);
}
