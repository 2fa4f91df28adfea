// dealer import: prospects or visits from a spreadsheet — dealer's own reports, or the columns
// consultants already keep, in English or Chinese. All or nothing: a bad row stops it, naming the
// line, and nothing is written.
import { readFileSync, statSync } from 'node:fs';
import { prospectPlacer } from '../actions/import-prospects.js';
import { recordContact } from '../actions/record-contact.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import type { Day } from '../domain/dates.js';
import { checkContactDate } from '../domain/date-rules.js';
import { DealerError, usage } from '../domain/errors.js';
import { IMPORT_KINDS, mapHeader, type Kind } from '../domain/exchange.js';
import { parseId } from '../domain/ids.js';
import type { Prospect } from '../domain/prospect.js';
import { matchKeys, needsParser, normalisePhones, type PhoneParser } from '../domain/phone.js';
import { phoneParser } from '../input/phone.js';
import type { Settings } from '../domain/settings.js';
import { parseKind, parseStage, wordOf, type Kind as ContactKind, type Stage } from '../domain/vocab.js';
import { prospectFrom, readDate, Row, SOURCE_COLUMN } from '../input/rows.js';
import { readTable } from '../input/table.js';
import { contactExists } from '../store/contacts.js';
import { deferForeignKeys, rehearse, write, type DB } from '../store/db.js';
import { saveDeal } from '../store/deals.js';
import { danglingReferrals, getProspect, holderOf, prospectExists } from '../store/prospects.js';
import { readSettings } from '../store/settings.js';
import { errorText } from '../i18n/label.js';

export type ImportOptions = Options<'import'>;

export interface ImportResult {
  kind: Kind;
  added: number;
  updated: number;
  skipped: { line: number; reason: string }[];
  ignoredColumns: string[];
  dryRun: boolean;
}

interface VisitCandidate {
  id?: number;
  prospectId: number;
  date: Day;
  kind: ContactKind;
  outcome: string | null;
  note: string | null;
  stage: Stage | null;
}

function visitFrom(db: DB, row: Row, today: Day, settings: Settings, parse?: PhoneParser): VisitCandidate {
  const date = row.get('date');
  if (!date) throw usage('missingFields', { fields: 'date', flags: 'date' });
  const pid = row.get('prospect_id');
  const phone = row.get('phone');
  let prospectId: number | undefined;
  if (pid !== undefined) {
    if (prospectExists(db, parseId(pid))) prospectId = parseId(pid);
  }
  if (prospectId === undefined && phone) {
    prospectId = holderOf(db, matchKeys(normalisePhones(phone, settings.region, parse), settings.region));
  }
  if (prospectId === undefined) throw usage('noProspectFor', { id: pid ?? '-', phone: phone ?? '-' });
  const id = row.get('id');
  return {
    id: id === undefined ? undefined : parseId(id),
    prospectId,
    // A contact from the future would be the latest forever: real calls would stop rescheduling.
    date: checkContactDate(readDate(date), today),
    kind: row.read('kind', parseKind) ?? 'call',
    outcome: row.get('outcome') ?? null,
    note: row.get('note') ?? null,
    stage: row.read('stage', parseStage),
  };
}

/** Turns a domain error in one row into an error naming the line. */
function atLine<T>(ctx: Context, row: Row, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DealerError) throw usage('badRow', { line: row.line, reason: errorText(ctx.t, e) });
    throw e;
  }
}

function progress(ctx: Context, done: number, total: number): void {
  if (total >= 2000 && (done % 2000 === 0 || done === total))
    ctx.progress(ctx.t.ui.importProgress({ done, total }), done === total);
}

/** The file's bytes; `-` is standard input, which must be a pipe or a file, not a person typing. */
function readInput(file: string): Buffer {
  try {
    if (file === '-') {
      if (process.stdin.isTTY) throw usage('stdinIsTerminal');
      return readFileSync(0);
    }
    const st = statSync(file);
    if (st.isDirectory()) throw usage('isFolder', { path: file });
    // /dev/zero never ends: a device is refused; a pipe (a FIFO, /dev/fd/N) is read like stdin.
    if (st.isCharacterDevice() || st.isBlockDevice()) throw usage('notAFile', { path: file });
    return readFileSync(file);
  } catch (e) {
    if (e instanceof DealerError) throw e;
    const code = e instanceof Error && 'code' in e ? e.code : undefined;
    throw usage(code === 'ENOENT' ? 'noSuchFile' : 'cannotRead', { path: file });
  }
}

export async function importFile(
  ctx: Context,
  kindText: string,
  file: string,
  o: ImportOptions,
): Promise<ImportResult> {
  const kind = wordOf(IMPORT_KINDS, kindText.trim().toLowerCase());
  if (!kind) throw usage('badImportKind', { input: kindText });
  const bytes = readInput(file);
  const name = file;
  file = file === '-' ? ctx.t.word.stdin : file;
  const { header, records } = await readTable(bytes, name, { encoding: o.encoding, sheet: o.sheet, label: file });
  const map = mapHeader(kind, header);
  const need = kind === 'prospects' ? ['name'] : ['date'];
  const missing = need.filter((f) => !(f in map.at));
  if (kind === 'prospects' && !('phone' in map.at) && !('wechat' in map.at)) missing.push('phone');
  if (kind === 'visits' && !('prospect_id' in map.at) && !('phone' in map.at)) missing.push('prospect_id');
  if (missing.length) throw usage('missingColumns', { path: file, columns: missing.join(', ') });

  const book = await ctx.open(o.dryRun ? 'read' : 'write');
  const { db } = book;
  const settings = readSettings(db);
  const rows = records.map((r) => new Row(r, map));
  // Loaded once for the whole file, and only if some number is not a plain mainland mobile.
  const parse = rows.some((r) => needsParser(r.get('phone') ?? '', settings.region)) ? await phoneParser() : undefined;
  const result: ImportResult = {
    kind,
    added: 0,
    updated: 0,
    skipped: [],
    ignoredColumns: map.ignored,
    dryRun: Boolean(o.dryRun),
  };

  const apply = () => {
    // Rows may refer to each other (referred_by) in any order: check the links at commit.
    deferForeignKeys(db);
    if (kind === 'prospects') importProspects(ctx, db, rows, settings, o, result, parse);
    else importVisits(ctx, db, rows, settings, result, parse);
    // Checked here, not from the commit's error: a dry run commits nothing, and another broken
    // link must not be reported as a referral.
    if (map.at.referred_by !== undefined && danglingReferrals(db).length)
      throw usage('danglingReferral', { path: file });
  };
  if (o.dryRun) {
    // Plan against the book as it is, inside a transaction that is always rolled back.
    // Without a book, the plan runs on an empty one in memory: still in a transaction, so links
    // between rows are checked as a real import checks them.
    rehearse(db, apply);
  } else {
    write(db, apply);
  }

  if (ctx.json) ctx.printJson(result);
  else {
    const t = ctx.t.ui;
    ctx.print(
      (o.dryRun ? t.importDry : t.imported)({
        kind: ctx.t.word.importKind[kind],
        added: result.added,
        updated: result.updated,
        skipped: result.skipped.length,
        file,
      }),
    );
    for (const s of result.skipped.slice(0, 10)) ctx.print(`  ${t.importSkipped({ line: s.line, reason: s.reason })}`);
    if (result.skipped.length > 10) ctx.print(`  ${t.more({ count: result.skipped.length - 10 })}`);
    if (map.ignored.length) ctx.print(t.importIgnored({ columns: map.ignored.join(', ') }));
  }
  return result;
}

function importProspects(
  ctx: Context,
  db: DB,
  rows: Row[],
  settings: Settings,
  o: ImportOptions,
  result: ImportResult,
  parse: PhoneParser | undefined,
): void {
  const place = prospectPlacer(
    db,
    settings.region,
    { now: ctx.stamp, today: ctx.today },
    { update: Boolean(o.update) },
  );
  rows.forEach((row, n) => {
    const c = atLine(ctx, row, () => prospectFrom(row, ctx.today, settings, parse));
    const fields = Object.fromEntries(Object.entries(c.fields).filter(([k]) => row.has(SOURCE_COLUMN[k] ?? k)));
    const placed = place(c, { fields, phones: row.has('phone') ? c.phones : undefined });
    if ('added' in placed) {
      saveDeal(db, placed.added, c.deal);
      result.added++;
    } else if ('updated' in placed) {
      saveDeal(db, placed.updated, c.deal);
      result.updated++;
    } else result.skipped.push({ line: row.line, reason: ctx.t.ui.importDuplicate(placed.duplicateOf) });
    progress(ctx, n + 1, rows.length);
  });
}

function importVisits(
  ctx: Context,
  db: DB,
  rows: Row[],
  settings: Settings,
  result: ImportResult,
  parse: PhoneParser | undefined,
): void {
  // A prospect with no callback booked when the history began gets one from its latest contact.
  const rebook = new Map<number, boolean>();
  // Each prospect as the previous row left it: reading it back for every row doubled the import's time.
  const known = new Map<number, Prospect>();
  rows.forEach((row, n) => {
    const v = atLine(ctx, row, () => visitFrom(db, row, ctx.today, settings, parse));
    if (v.id !== undefined && contactExists(db, v.id)) {
      result.skipped.push({ line: row.line, reason: ctx.t.ui.importVisitExists({ id: v.id }) });
    } else {
      const p = known.get(v.prospectId) ?? getProspect(db, v.prospectId);
      if (!p) throw usage('noProspectFor', { id: v.prospectId, phone: '-' });
      if (!rebook.has(p.id)) rebook.set(p.id, p.nextCallback === null);
      const { after } = recordContact(
        db,
        p,
        {
          id: v.id,
          date: v.date,
          kind: v.kind,
          stage: v.stage ?? undefined,
          outcome: v.outcome,
          note: v.note,
          history: { rebook: rebook.get(p.id) === true },
        },
        settings,
        { now: ctx.stamp, today: ctx.today },
      );
      known.set(p.id, after);
      result.added++;
    }
    progress(ctx, n + 1, rows.length);
  });
}

export const run: Run<'import'> = (ctx, { kind, file, ...o }) => importFile(ctx, kind, file, o);
