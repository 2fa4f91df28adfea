// dealer report: the week's work leaving the tool — CSV for the manager's Excel by default, an .xlsx
// workbook, a table to read, or JSON for other programs.
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { addDays, parseDay, type Day } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import { daysToOrder } from '../domain/deal.js';
import { referralTable } from '../domain/referral.js';
import { activity, calibration, funnel } from '../domain/report.js';
import {
  ACTIVITY_SHEET,
  DEALS_SHEET,
  finishProspectRow,
  FUNNEL_SHEET,
  headerOf,
  PROSPECT_SHEET,
  REFERRALS_SHEET,
  tableView,
  TIERS_SHEET,
  VISIT_SHEET,
  type Cell,
  type Column,
  type HeaderLang,
} from '../domain/sheets.js';
import { KINDS } from '../domain/vocab.js';
import { BOM, csvLine } from '../output/csv.js';
import { jsonText } from '../output/screen.js';
import { toFile, toStdout, wantsFile, type Sink } from '../output/sink.js';
import {
  contactsPerDay,
  dealRows,
  gradings,
  prospectRows,
  stageHistories,
  visitRows,
  type Period,
} from '../store/reports.js';
import { allReferrals } from '../store/referrals.js';
import { readSettings } from '../store/settings.js';
import { vetTarget } from '../store/target.js';

export const KINDS_OF_REPORT = ['prospects', 'visits', 'funnel', 'activity', 'tiers', 'deals', 'referrals'] as const;
type ReportKind = (typeof KINDS_OF_REPORT)[number];

export type ReportOptions = Options<'report'>;

interface Sheet {
  columns: readonly Column[];
  rows: Iterable<Cell[]>;
  /** A few dozen rows of counts: every row shown, in the message language. */
  summary: boolean;
}

/** Rows are written in batches, one write call per thousand rows: few calls, little memory. */
const BATCH = 1000;

function* finished(rows: Iterable<Cell[]>, on: Day): Iterable<Cell[]> {
  for (const r of rows) yield finishProspectRow(r, on);
}

function sheetFor(kind: ReportKind, db: Parameters<typeof prospectRows>[0], period: Period, on: Day): Sheet {
  switch (kind) {
    case 'prospects':
      return { columns: PROSPECT_SHEET, rows: finished(prospectRows(db, period), on), summary: false };
    case 'visits':
      return { columns: VISIT_SHEET, rows: visitRows(db, period), summary: false };
    case 'funnel': {
      const rows = funnel(stageHistories(db, period)).map((r) => [r.source, r.stage, r.reached, r.conversion]);
      return { columns: FUNNEL_SHEET, rows, summary: true };
    }
    case 'activity': {
      const to = period.to ?? on;
      const from = period.from ?? addDays(to, -29);
      const goal = readSettings(db).goal;
      const rows = activity(contactsPerDay(db, from, to), from, to, goal).map((r) => [
        r.date,
        ...KINDS.map((k) => r.counts[k]),
        r.total,
        r.goal,
        r.met ? 'yes' : 'no',
      ]);
      return { columns: ACTIVITY_SHEET, rows, summary: true };
    }
    case 'tiers': {
      const rows = calibration(gradings(db, period)).map((r) => [
        r.tier,
        r.graded,
        r.within,
        r.later,
        r.lost,
        r.open,
        r.withinPct,
      ]);
      return { columns: TIERS_SHEET, rows, summary: true };
    }
    case 'deals': {
      const rows = dealRows(db, period).map((r) => [
        r.id,
        r.name,
        r.model,
        r.price,
        r.deposit,
        r.wonOn,
        r.delivery,
        r.deliveredOn,
        daysToOrder(r.first, r.wonOn),
      ]);
      return { columns: DEALS_SHEET, rows, summary: true };
    }
    case 'referrals': {
      const rows = referralTable(allReferrals(db)).map((r) => [
        r.referrerId,
        r.referrer,
        r.referred,
        r.bought,
        r.open,
        r.lost,
      ]);
      return { columns: REFERRALS_SHEET, rows, summary: true };
    }
  }
}

async function writeCsv(sink: Sink, sheet: Sheet, bom: boolean, lang: HeaderLang): Promise<number> {
  let chunk = (bom ? BOM : '') + csvLine(sheet.columns.map((c) => headerOf(c, lang)));
  let n = 0;
  for (const row of sheet.rows) {
    chunk += csvLine(row);
    if (++n % BATCH === 0) {
      await sink.write(chunk);
      chunk = '';
    }
  }
  await sink.write(chunk);
  return n;
}

async function writeJson(sink: Sink, sheet: Sheet): Promise<number> {
  let n = 0;
  let chunk = '[';
  for (const row of sheet.rows) {
    const record = Object.fromEntries(sheet.columns.map((c, i) => [c.key, row[i] ?? null]));
    chunk += `${n ? ',' : ''}\n  ${jsonText(record)}`;
    if (++n % BATCH === 0) {
      await sink.write(chunk);
      chunk = '';
    }
  }
  await sink.write(`${chunk}${n ? '\n' : ''}]\n`);
  return n;
}

async function writeTable(
  sink: Sink,
  sheet: Sheet,
  width: number | undefined,
  t: Context['t'],
  lang: HeaderLang,
  screen: boolean,
): Promise<number> {
  const rows = [...sheet.rows].map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const { columns, measuring } = await import('../output/columns.js');
  await measuring(rows);
  if (sheet.summary) {
    const { summaryTable } = await import('../output/summary.js');
    await sink.write(`${summaryTable(t, sheet.columns, rows, { lang, width, screen })}\n`);
  } else {
    const { shown } = tableView(sheet.columns);
    const keep = shown.map((c) => sheet.columns.indexOf(c));
    const cols = shown.map((c) => ({
      header: c.key,
      max: 30,
      flex: c.key === 'note',
      whole: ['id', 'phone', 'date', 'total'].includes(c.key),
      drop: c.table?.drop,
    }));
    const picked = rows.map((r) => keep.map((i) => r[i] ?? ''));
    await sink.write(`${columns(cols, picked, { width })}\n`);
  }
  return rows.length;
}

async function writeXlsx(sink: Sink, kind: string, sheet: Sheet, lang: HeaderLang): Promise<number> {
  const { workbook } = await import('../output/xlsx.js');
  const { bytes, rows } = await workbook(kind, sheet.columns, lang, sheet.rows);
  await sink.write(bytes);
  return rows;
}

/** `--headers en|zh`; without it, `fallback` (English for CSV, which scripts read; the language for xlsx). */
function headerLang(given: string | undefined, fallback: string): HeaderLang {
  const text = (given ?? fallback).trim().toLowerCase();
  if (text.startsWith('zh')) return 'zh';
  if (text.startsWith('en')) return 'en';
  throw usage('badHeaders', { input: given ?? '' });
}

export async function report(
  ctx: Context,
  kindText: string | undefined,
  o: ReportOptions,
): Promise<{ kind: string; rows: number; path: string | null }> {
  const kind = KINDS_OF_REPORT.find((k) => k === (kindText ?? 'prospects').trim().toLowerCase());
  if (!kind) throw usage('badReportKind', { input: kindText ?? '', choices: KINDS_OF_REPORT.join(', ') });
  const format = o.json ? 'json' : (o.format ?? 'csv').toLowerCase();
  if (!['csv', 'table', 'json', 'xlsx'].includes(format)) throw usage('badFormat', { input: o.format ?? '' });
  const lang = headerLang(o.headers, format === 'xlsx' || format === 'table' ? ctx.t.lang : 'en');
  // A workbook is bytes for Excel: on a terminal they would only garble the screen.
  if (format === 'xlsx' && !wantsFile(o.out) && (o.out === undefined || ctx.terminal))
    throw usage('xlsxToTerminal');
  const on = o.date !== undefined ? parseDay(o.date, ctx.today, 'past') : ctx.today;
  const period: Period = {
    from: o.from !== undefined ? parseDay(o.from, ctx.today, 'past') : undefined,
    to: o.to !== undefined ? parseDay(o.to, ctx.today, 'past') : undefined,
  };
  if (period.from && period.to && period.from > period.to)
    throw usage('fromAfterTo', { from: period.from, to: period.to });

  // Checked before the book is opened: a report never writes over the book or its backups.
  const target = wantsFile(o.out) ? vetTarget(o.out, ctx.dbPath, 'export') : undefined;
  const book = await ctx.open('read');
  const sink = target ? toFile(target) : toStdout();
  let rows: number;
  try {
    const sheet = sheetFor(kind, book.db, period, on);
    if (format === 'csv') rows = await writeCsv(sink, sheet, o.bom ?? readSettings(book.db).bom, lang);
    else if (format === 'xlsx') rows = await writeXlsx(sink, kind, sheet, lang);
    else if (format === 'json') rows = await writeJson(sink, sheet);
    else rows = await writeTable(sink, sheet, target ? undefined : ctx.width, ctx.t, lang, !target);
    await sink.done();
  } catch (e) {
    sink.abort();
    throw e;
  }
  if (sink.path) ctx.tell(ctx.t.ui.reportWritten({ rows, path: sink.path }));
  return { kind, rows, path: sink.path };
}

export const run: Run<'report'> = (ctx, { kind, ...o }) => report(ctx, kind, o);
