// What each report holds, once: a column's key (the CSV header and JSON field), its Chinese header,
// the kind of cell it is in a workbook, whether an import reads it back, and how the table view
// shows it. The store builds its select list from these keys (its SQL expressions are keyed by them,
// so the compiler names a column it cannot read), the report writes headers, tables and workbook
// cells from them, and the import maps headers through them.
import { daysBetween, type Day } from './dates.js';
import { effectiveTier, isTier } from './tier.js';
import { KINDS } from './vocab.js';

/** One cell as it leaves the book: text, a number, or nothing. */
export type Cell = string | number | null | undefined;

/**
 * How a workbook types the cell: `id` is text even when it is a number (ids are not amounts), `day`
 * a real date, `number` a number, `text` text marked Text so Excel leaves it as typed.
 */
export type CellKind = 'text' | 'id' | 'day' | 'number';

export interface Column<K extends string = string> {
  key: K;
  zh: string;
  cell: CellKind;
  /** Worked out from other data (last contact, counts, days overdue): an import ignores it. */
  derived?: true;
  /** In the table view of a long report; `drop` numbers the ones a narrow screen leaves out, first first. */
  table?: { drop?: number };
}

const col = <K extends string>(
  key: K,
  zh: string,
  cell: CellKind,
  more: Partial<Omit<Column, 'key'>> = {},
): Column<K> => ({
  key,
  zh,
  cell,
  ...more,
});
const shown = (drop?: number) => ({ table: drop === undefined ? {} : { drop } });

/** The prospects report: SPEC §4's columns first, then the rest, so an import restores a book. */
export const PROSPECT_SHEET = [
  col('id', '编号', 'id', shown()),
  col('name', '姓名', 'text', shown()),
  col('phone', '电话', 'text', shown()),
  col('tier', '级别', 'text', shown()),
  col('stage', '阶段', 'text', shown(4)),
  col('source', '来源', 'text', shown(1)),
  col('interest', '意向', 'text', shown(2)),
  col('expected_purchase', '预计购买日期', 'day'),
  col('last_contact', '上次联系', 'day', { derived: true, ...shown(3) }),
  col('last_contact_kind', '上次联系方式', 'text', { derived: true }),
  col('contacts', '联系次数', 'number', { derived: true }),
  col('next_callback', '下次回访', 'day', shown()),
  col('overdue_days', '逾期天数', 'number', { derived: true, ...shown(5) }),
  col('wechat', '微信', 'text'),
  col('email', '邮箱', 'text'),
  col('org', '单位', 'text'),
  col('referred_by', '介绍人', 'id'),
  col('budget', '预算', 'text'),
  col('birthday', '生日', 'day'),
  col('created', '建档日期', 'day'),
  col('won_on', '成交日期', 'day'),
  col('lost_reason', '战败原因', 'text'),
  col('note', '备注', 'text'),
  // The deal (issue 13), appended so files written before it still import and line up.
  col('deposit', '定金', 'number'),
  col('deposit_on', '收定金日期', 'day'),
  col('hold_until', '定金保留至', 'day'),
  col('top_up', '补定金额', 'number'),
  col('top_up_by', '补定截止', 'day'),
  col('refunded_on', '退定日期', 'day'),
  col('order_model', '订购车型', 'text'),
  col('order_price', '订单价格', 'number'),
  col('delivery_date', '约定交车日期', 'day'),
  col('delivered_on', '实际交车', 'day'),
  col('insurance_until', '保险到期', 'day'),
  col('renewed_on', '续保日期', 'day'),
  col('matures', '产品到期', 'day'),
] as const;
export type ProspectColumn = (typeof PROSPECT_SHEET)[number]['key'];

export const VISIT_SHEET = [
  col('id', '编号', 'id'),
  col('prospect_id', '客户编号', 'id'),
  col('name', '姓名', 'text'),
  col('phone', '电话', 'text'),
  col('date', '日期', 'day'),
  col('kind', '方式', 'text'),
  col('outcome', '结果', 'text'),
  col('note', '备注', 'text'),
  col('stage', '阶段', 'text'),
] as const;
export type VisitColumn = (typeof VISIT_SHEET)[number]['key'];

export const FUNNEL_SHEET = [
  col('source', '来源', 'text'),
  col('stage', '阶段', 'text'),
  col('reached', '到达人数', 'number'),
  col('conversion_pct', '转化率%', 'number'),
] as const;

/** Chinese headers of the activity report's contact kinds (WeChat and email read as the prospect's own columns do). */
const KIND_ZH: Record<(typeof KINDS)[number], string> = {
  call: '电话',
  showroom: '到店',
  visit: '上门',
  'test-drive': '试驾',
  sms: '短信',
  wechat: '微信',
  email: '邮箱',
  delivery: '交车',
  other: '其他',
};

export const ACTIVITY_SHEET = [
  col('date', '日期', 'day'),
  ...KINDS.map((k) => col(k.replace('-', '_'), KIND_ZH[k], 'number')),
  col('total', '合计', 'number'),
  col('goal', '目标', 'number'),
  col('met', '达标', 'text'),
] as const;

export const TIERS_SHEET = [
  col('tier', '级别', 'text'),
  col('graded', '定级人数', 'number'),
  col('bought_within_window', '期内成交', 'number'),
  col('bought_later', '期后成交', 'number'),
  col('lost', '战败', 'number'),
  col('open', '未结', 'number'),
  col('within_pct', '期内成交率%', 'number'),
] as const;

/** `report deals`: the orders won in the period (issue 13). */
export const DEALS_SHEET = [
  col('id', '编号', 'id'),
  col('name', '姓名', 'text'),
  col('model', '车型', 'text'),
  col('price', '成交价', 'number'),
  col('deposit', '定金', 'number'),
  col('won_on', '成交日期', 'day'),
  col('delivery', '交车', 'day'),
  col('delivered_on', '实际交车', 'day'),
  col('days_to_order', '成交天数', 'number'),
] as const;

/** `report referrals`: who sent whom, and how those they sent did. */
export const REFERRALS_SHEET = [
  col('referrer_id', '介绍人编号', 'id'),
  col('referrer', '介绍人姓名', 'text'),
  col('referred', '介绍客户数', 'number'),
  col('bought', '已购买', 'number'),
  col('open', '未结', 'number'),
  col('lost', '战败', 'number'),
] as const;

export type HeaderLang = 'en' | 'zh';

/** The header a written file gives a column. */
export const headerOf = (c: Column, lang: HeaderLang): string => (lang === 'zh' ? c.zh : c.key);

/** The view of a long report: its shown columns in order, and which a narrow screen drops first. */
export function tableView(sheet: readonly Column[]): { shown: Column[]; all: boolean } {
  const picked = sheet.filter((c) => c.table);
  return picked.length ? { shown: picked, all: false } : { shown: [...sheet], all: true };
}

const at = (key: ProspectColumn) => PROSPECT_SHEET.findIndex((c) => c.key === key);
const TIER = at('tier');
const EXPECTED = at('expected_purchase');
const NEXT = at('next_callback');
const OVERDUE = at('overdue_days');
// A prospect with an organisation is an organisation account (input/rows.ts reads it back the same way).
const ORG = at('org');

/** What the store adds after a prospect row's columns for the domain to finish it: whether its tier was set by hand. */
export const PROSPECT_EXTRAS = ['tier_manual'] as const;

/**
 * Finishes a prospect row as the store read it (the sheet's columns, then PROSPECT_EXTRAS): the tier
 * as of `on` (a derived tier moves with the purchase date) and the days its callback is overdue.
 * Rows are reused in place: a report can be 100,000 of them.
 */
export function finishProspectRow(row: Cell[], on: Day): Cell[] {
  const manual = row.pop() === 1;
  const [tier, expected, next] = [row[TIER], row[EXPECTED], row[NEXT]];
  if (isTier(tier))
    row[TIER] = effectiveTier(
      {
        kind: typeof row[ORG] === 'string' && row[ORG] !== '' ? 'org' : 'person',
        tier,
        tierManual: manual,
        expected: typeof expected === 'string' ? expected : null,
      },
      on,
    );
  row[OVERDUE] = typeof next === 'string' && next ? Math.max(0, daysBetween(next, on)) : null;
  return row;
}
