// The schema's history: an append-only list, applied in order, each in its own transaction with
// the user_version bump, so a crash leaves the book at one version or the next, never between.
// Never edit a shipped entry: add a new one. Vocabularies (stages, sources, kinds) are checked in
// the domain, not by CHECK constraints, so a new word never needs a table rebuild.
import type { Database } from 'better-sqlite3';
import { DealerError } from '../domain/errors.js';
import { cells, column, fields, int, json } from './decode.js';
import { BOOK_MARK, DEMO_MARK } from './marks.js';

export interface Migration {
  up: (db: Database) => void;
  /**
   * Rebuilds a table that others reference. Foreign keys are switched off around it: with them
   * on (better-sqlite3's default), dropping the old parent table deletes every child row.
   */
  rebuilds?: boolean;
}

const sql = (text: string) => (db: Database) => void db.exec(text);

/** The tables journaled when migration 3 ran: it must replay the same way on every old book. */
const JOURNALED_AT_3 = ['prospect', 'phone', 'contact', 'reminder', 'setting', 'answer', 'stage_log', 'grade_log'];

/** Tables whose changes `dealer undo` can take back, parents before children. */
export const JOURNALED = [...JOURNALED_AT_3, 'deal', 'appointment', 'person', 'contact_person', 'milestone'];

/** The first schema version whose journal records inserts by trigger instead of rowid marks. */
const INSERTS_JOURNALED_FROM = 3;

/**
 * (Re)creates the undo triggers from the tables' current columns. A migration that adds or drops a
 * column of a journaled table must call this again, or undo would restore the old column list.
 * With `inserts`, every insert is journaled too (just its rowid): rowids are reused after the
 * highest row is deleted, and imports choose ids below the maximum, so "everything above the
 * highest rowid at the start" does not name the rows a command added.
 */
export function journalTriggers(db: Database, opts: { inserts?: boolean } = {}): void {
  for (const table of JOURNALED) {
    const columns = column(db.pragma(`table_info(${table})`), 'name');
    // A table a later migration adds gets its triggers when that migration runs.
    if (columns.length === 0) continue;
    const old = `json_object(${columns.map((c) => `'${c}', old.${c}`).join(', ')})`;
    const steps: [string, string, string][] = [
      // An update that moved the row to another rowid is found where it is now.
      ['update', opts.inserts ? 'new.rowid' : 'old.rowid', old],
      ['delete', 'old.rowid', old],
    ];
    if (opts.inserts) steps.push(['insert', 'new.rowid', 'NULL']);
    for (const [op, row, values] of steps) {
      db.exec(`
        DROP TRIGGER IF EXISTS undo_${table}_${op};
        CREATE TRIGGER undo_${table}_${op} AFTER ${op.toUpperCase()} ON ${table}
        WHEN EXISTS (SELECT 1 FROM undo_command WHERE open = 1)
        BEGIN
          INSERT INTO undo_step (command_id, tbl, row, op, old)
          VALUES ((SELECT id FROM undo_command WHERE open = 1), '${table}', ${row}, '${op}', ${values});
        END;`);
    }
  }
}

/** Drops every undo trigger, so the journal's own tables can be rebuilt under them. */
function dropJournalTriggers(db: Database): void {
  for (const table of JOURNALED) {
    for (const op of ['update', 'delete', 'insert']) db.exec(`DROP TRIGGER IF EXISTS undo_${table}_${op}`);
  }
}

/**
 * Migration 3: entries written under marks get their inserts as steps (the rows between their marks
 * and the next entry's, as the old undo computed them), and lose the steps the old undo skipped
 * (rows the same command had inserted). The new steps come after the entry's others, so they are
 * replayed first, as the old undo did.
 *
 * Steps are then renumbered so that each entry's are contiguous, and an entry records its first:
 * only one entry is ever open, so its steps are the ids from its first up to the next entry's. A
 * range of rowids needs no index on command_id, which an import would pay for on every row.
 */
function journalInserts(db: Database): void {
  // Each entry's marks: the highest rowid of each table when it began.
  const commands = db
    .prepare('SELECT id, marks FROM undo_command ORDER BY id')
    .all()
    .map((row) => {
      const r = fields(row, 'undo_command');
      const marks = fields(json(r.marks, 'undo_command.marks'), 'undo_command.marks');
      return {
        id: int(r.id, 'undo_command.id'),
        marks: Object.fromEntries(Object.entries(marks).map(([t, n]) => [t, int(n, `marks.${t}`)])),
      };
    });
  commands.forEach((c, i) => {
    const marks = c.marks;
    const next = commands[i + 1]?.marks ?? {};
    for (const t of JOURNALED_AT_3) {
      const from = marks[t] ?? 0;
      db.prepare('DELETE FROM undo_step WHERE command_id = ? AND tbl = ? AND row > ?').run(c.id, t, from);
      const upper = next[t];
      db.prepare(
        `INSERT INTO undo_step (command_id, tbl, row, op, old)
         SELECT ?, ?, rowid, 'insert', '' FROM ${t} WHERE rowid > ?${upper === undefined ? '' : ' AND rowid <= ?'} ORDER BY rowid`,
      ).run(c.id, t, from, ...(upper === undefined ? [] : [upper]));
    }
  });
  dropJournalTriggers(db);
  db.exec(`
    CREATE TABLE undo_step_new (
      id INTEGER PRIMARY KEY,
      command_id INTEGER NOT NULL,
      tbl TEXT NOT NULL,
      row INTEGER NOT NULL,
      op TEXT NOT NULL,
      old TEXT
    );
    INSERT INTO undo_step_new (command_id, tbl, row, op, old)
      SELECT command_id, tbl, row, op, CASE op WHEN 'insert' THEN NULL ELSE old END
      FROM undo_step ORDER BY command_id, id;
    CREATE TABLE undo_command_new (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      label TEXT NOT NULL,
      open INTEGER NOT NULL DEFAULT 1,
      first_step INTEGER NOT NULL
    );
    INSERT INTO undo_command_new (id, at, label, open, first_step)
      SELECT c.id, c.at, c.label, c.open, coalesce(
        (SELECT min(s.id) FROM undo_step_new s WHERE s.command_id >= c.id),
        (SELECT coalesce(max(id), 0) + 1 FROM undo_step_new))
      FROM undo_command c;
    DROP TABLE undo_step;
    DROP TABLE undo_command;
    ALTER TABLE undo_command_new RENAME TO undo_command;
    ALTER TABLE undo_step_new RENAME TO undo_step;
    CREATE INDEX undo_command_open ON undo_command(open) WHERE open = 1;
  `);
  journalTriggers(db, { inserts: true });
}

export const MIGRATIONS: Migration[] = [
  // 1: the first book: prospects with their phones, contacts, reminders, settings, consultation
  // answers, and the stage and grade history the funnel and calibration reports are built from.
  {
    up: sql(`
      CREATE TABLE prospect (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        phone TEXT,
        wechat TEXT,
        email TEXT,
        kind TEXT NOT NULL DEFAULT 'person',
        org TEXT,
        source TEXT,
        referred_by INTEGER REFERENCES prospect(id) ON DELETE SET NULL,
        interest TEXT,
        budget TEXT,
        expected TEXT,
        tier TEXT NOT NULL DEFAULT 'C',
        tier_manual INTEGER NOT NULL DEFAULT 0,
        org_cycle TEXT,
        org_batch TEXT,
        stage TEXT NOT NULL DEFAULT 'new',
        need INTEGER,
        can_pay INTEGER,
        decides INTEGER,
        birthday TEXT,
        note TEXT,
        lost_reason TEXT,
        won_on TEXT,
        lost_on TEXT,
        next_callback TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );
      -- The morning query reads only prospects with a callback booked, in date order.
      CREATE INDEX prospect_next_callback ON prospect(next_callback) WHERE next_callback IS NOT NULL;
      CREATE INDEX prospect_birthday ON prospect(substr(birthday, -5)) WHERE birthday IS NOT NULL;
      CREATE INDEX prospect_referred_by ON prospect(referred_by);

      -- Every number a prospect gave, normalised: two consultants must not chase one customer.
      CREATE TABLE phone (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        number TEXT NOT NULL
      );
      CREATE INDEX phone_number ON phone(number);
      CREATE INDEX phone_prospect ON phone(prospect_id);

      CREATE TABLE contact (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        outcome TEXT,
        note TEXT,
        stage TEXT,
        objections TEXT,
        created TEXT NOT NULL
      );
      -- The latest contact of a prospect is one seek; contacts per day for the goal and reports.
      CREATE INDEX contact_prospect_date ON contact(prospect_id, date, id);
      CREATE INDEX contact_date ON contact(date);

      CREATE TABLE reminder (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        due TEXT NOT NULL,
        since TEXT NOT NULL
      );
      CREATE INDEX reminder_due ON reminder(due);
      CREATE INDEX reminder_prospect ON reminder(prospect_id, due);

      CREATE TABLE setting (
        key TEXT NOT NULL UNIQUE,
        value TEXT NOT NULL
      );

      CREATE TABLE answer (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated TEXT NOT NULL,
        UNIQUE (prospect_id, key)
      );

      CREATE TABLE stage_log (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        day TEXT NOT NULL
      );
      CREATE INDEX stage_log_prospect ON stage_log(prospect_id);

      CREATE TABLE grade_log (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        tier TEXT NOT NULL,
        day TEXT NOT NULL,
        manual INTEGER NOT NULL
      );
      CREATE INDEX grade_log_prospect ON grade_log(prospect_id);
    `),
  },
  // 2: the undo journal. Each command that writes opens a row in undo_command; triggers keep the
  // old values of every row it updates or deletes; `marks` holds each table's highest rowid when
  // it began, so the rows it inserted are exactly those above the marks. Inserts need no journal
  // rows, which keeps a 100k-row import fast.
  {
    up: (db) => {
      db.exec(`
        CREATE TABLE undo_command (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          label TEXT NOT NULL,
          marks TEXT NOT NULL,
          open INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX undo_command_open ON undo_command(open) WHERE open = 1;
        CREATE TABLE undo_step (
          id INTEGER PRIMARY KEY,
          command_id INTEGER NOT NULL REFERENCES undo_command(id) ON DELETE CASCADE,
          tbl TEXT NOT NULL,
          row INTEGER NOT NULL,
          op TEXT NOT NULL,
          old TEXT NOT NULL
        );
        CREATE INDEX undo_step_command ON undo_step(command_id);
      `);
      journalTriggers(db);
    },
  },
  // 3: the journal records inserts by trigger too, and undo replays an entry's steps in reverse:
  // marks missed rows that reused a deleted rowid or came in below the maximum (issue 10, 5-6).
  { up: journalInserts, rebuilds: true },
  // 4: the birthday greeted last, as the day of that year's birthday: a contact on the day or
  // `dealer done` greets it, and it is not due again that year.
  { up: sql('ALTER TABLE prospect ADD COLUMN birthday_greeted TEXT') },
  // 5: the book says it is one in its header (application_id "DLR1", see marks.ts), so dealer can
  // tell its own book from another program's database before opening it; a sample book keeps
  // its "DEMO" mark.
  {
    up: (db) => {
      if (db.pragma('application_id', { simple: true }) !== DEMO_MARK) db.pragma(`application_id = ${BOOK_MARK}`);
    },
  },
  // 6: how a consultant addresses the customer (王先生) and the gender it can be built from (issue 14).
  {
    up: sql(`ALTER TABLE prospect ADD COLUMN salutation TEXT;
             ALTER TABLE prospect ADD COLUMN gender TEXT CHECK (gender IN ('m', 'f'))`),
  },
  // 7: a birthday kept by the lunar calendar, as its lunar MM-DD (issue 14.5): its solar day moves
  // every year, so the morning list places each one (few) with the lunar calendar.
  {
    up: sql(`ALTER TABLE prospect ADD COLUMN lunar_birthday TEXT;
             CREATE INDEX prospect_lunar_birthday ON prospect(lunar_birthday) WHERE lunar_birthday IS NOT NULL`),
  },
  // 8: a prospect's own trade when it is not the book's (issue 14.1); null follows the book.
  { up: sql('ALTER TABLE prospect ADD COLUMN trade TEXT') },
  // 9: the deal after yes (issue 13): deposit and its dates, the order, the hand-over, the
  // after-sales dates. One row per prospect, keyed by it, so undo restores it by the same rowid.
  {
    up: sql(`
      CREATE TABLE deal (
        prospect_id INTEGER PRIMARY KEY REFERENCES prospect(id) ON DELETE CASCADE,
        deposit REAL,
        deposit_on TEXT,
        hold_until TEXT,
        top_up REAL,
        top_up_by TEXT,
        refunded_on TEXT,
        model TEXT,
        price REAL,
        delivery TEXT,
        delivered_on TEXT,
        insurance_until TEXT,
        renewed_on TEXT,
        matures TEXT
      );
    `),
  },
  // 10: appointments with a time (`dealer book`): shown first on their morning, confirmed the day
  // before, exported as timed calendar events. `at` is local wall-clock time, 'YYYY-MM-DD HH:MM'.
  {
    up: sql(`
      CREATE TABLE appointment (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        note TEXT,
        created TEXT NOT NULL
      );
      CREATE INDEX appointment_at ON appointment(at);
      CREATE INDEX appointment_prospect ON appointment(prospect_id);
    `),
  },
  // 11: a trip's dates and its balance due date (issue 14.2, travel): the calls around the trip are
  // reminders planned from them, so these are the facts the plan is rebuilt from.
  {
    up: sql(`ALTER TABLE prospect ADD COLUMN departs TEXT;
             ALTER TABLE prospect ADD COLUMN returns TEXT;
             ALTER TABLE prospect ADD COLUMN balance_due TEXT`),
  },
  // 12: organisations with several people (issue 14.3): the people of an organisation with their
  // role and stance, whom each contact met (`visit --with`), and the account's milestones. A
  // milestone is a day, not an appointment: a tender or a funding decision has no hour to confirm
  // and nobody to meet, so it is not a row of `appointment`.
  {
    up: sql(`
      CREATE TABLE person (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        phone TEXT,
        stance TEXT,
        created TEXT NOT NULL
      );
      CREATE INDEX person_prospect ON person(prospect_id);
      CREATE TABLE contact_person (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        UNIQUE (contact_id, person_id)
      );
      CREATE INDEX contact_person_person ON contact_person(person_id);
      CREATE TABLE milestone (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        note TEXT,
        created TEXT NOT NULL
      );
      CREATE INDEX milestone_day ON milestone(day);
      CREATE INDEX milestone_prospect ON milestone(prospect_id, day);
    `),
  },
];

export function schemaVersion(db: Database): number {
  return int(db.pragma('user_version', { simple: true }), 'user_version');
}

/** Brings the book up to date. A book written by a newer dealer is refused rather than misread. */
export function migrate(db: Database, list: Migration[] = MIGRATIONS): void {
  const start = schemaVersion(db);
  if (start > list.length) throw new DealerError('dbTooNew', { version: start, supported: list.length });
  for (const [v, m] of list.entries()) {
    if (v < start) continue;
    if (m.rebuilds) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        // Another dealer may have migrated while this one waited for the write lock.
        if (schemaVersion(db) > v) return;
        m.up(db);
        // A rebuilt or altered table loses or outdates its undo triggers: recreate them all.
        if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'undo_step'").get()) {
          journalTriggers(db, { inserts: v + 1 >= INSERTS_JOURNALED_FROM });
        }
        if (m.rebuilds && cells(db.pragma('foreign_key_check')).length > 0) {
          throw new DealerError('migrationBrokeKeys', { version: v + 1 });
        }
        db.pragma(`user_version = ${v + 1}`);
      }).immediate();
    } finally {
      if (m.rebuilds) db.pragma('foreign_keys = ON');
    }
  }
}
