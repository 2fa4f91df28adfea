// The columns dealer exchanges with spreadsheets: what each report holds, and how the headers of
// files consultants already have (in English or Chinese) map onto dealer's fields.

/** The prospects report: SPEC §4's columns first, then the rest, so an import restores a book. */
export const PROSPECT_COLUMNS = [
  'id',
  'name',
  'phone',
  'tier',
  'stage',
  'source',
  'interest',
  'expected_purchase',
  'last_contact',
  'last_contact_kind',
  'contacts',
  'next_callback',
  'overdue_days',
  'wechat',
  'email',
  'org',
  'referred_by',
  'budget',
  'birthday',
  'created',
  'won_on',
  'lost_reason',
  'note',
  // The deal (issue 13), appended so files written before it still import and line up.
  'deposit',
  'deposit_on',
  'hold_until',
  'top_up',
  'top_up_by',
  'refunded_on',
  'order_model',
  'order_price',
  'delivery_date',
  'delivered_on',
  'insurance_until',
  'renewed_on',
  'matures',
] as const;

/** The deal columns of the prospects file, in order, with the deal field each one holds. */
export const DEAL_COLUMNS = {
  deposit: 'deposit',
  deposit_on: 'depositOn',
  hold_until: 'holdUntil',
  top_up: 'topUp',
  top_up_by: 'topUpBy',
  refunded_on: 'refundedOn',
  order_model: 'model',
  order_price: 'price',
  delivery_date: 'delivery',
  delivered_on: 'deliveredOn',
  insurance_until: 'insuranceUntil',
  renewed_on: 'renewedOn',
  matures: 'matures',
} as const;

export const VISIT_COLUMNS = [
  'id',
  'prospect_id',
  'name',
  'phone',
  'date',
  'kind',
  'outcome',
  'note',
  'stage',
] as const;

/**
 * Chinese headers for what dealer writes (`--headers zh`, and xlsx under `--lang zh`). Each one reads
 * back as its column (the aliases below include them), so an export in Chinese imports unchanged.
 */
export const ZH_HEADERS: Record<string, string> = {
  id: '编号',
  name: '姓名',
  phone: '电话',
  tier: '级别',
  stage: '阶段',
  source: '来源',
  interest: '意向',
  expected_purchase: '预计购买日期',
  last_contact: '上次联系',
  last_contact_kind: '上次联系方式',
  contacts: '联系次数',
  next_callback: '下次回访',
  overdue_days: '逾期天数',
  wechat: '微信',
  email: '邮箱',
  org: '单位',
  referred_by: '介绍人',
  budget: '预算',
  birthday: '生日',
  created: '建档日期',
  won_on: '成交日期',
  lost_reason: '战败原因',
  note: '备注',
  deposit_on: '收定金日期',
  hold_until: '定金保留至',
  top_up: '补定金额',
  top_up_by: '补定截止',
  refunded_on: '退定日期',
  order_model: '订购车型',
  order_price: '订单价格',
  delivery_date: '约定交车日期',
  insurance_until: '保险到期',
  renewed_on: '续保日期',
  matures: '产品到期',
  prospect_id: '客户编号',
  date: '日期',
  kind: '方式',
  outcome: '结果',
  // Summary reports (written, never imported)
  reached: '到达人数',
  conversion_pct: '转化率%',
  call: '电话',
  showroom: '到店',
  visit: '上门',
  test_drive: '试驾',
  sms: '短信',
  total: '合计',
  goal: '目标',
  met: '达标',
  graded: '定级人数',
  bought_within_window: '期内成交',
  bought_later: '期后成交',
  lost: '战败',
  open: '未结',
  within_pct: '期内成交率%',
  model: '车型',
  price: '成交价',
  deposit: '定金',
  delivered_on: '实际交车',
  days_to_order: '成交天数',
  referrer_id: '介绍人编号',
  referrer: '介绍人姓名',
  referred: '介绍客户数',
  bought: '已购买',
  delivery: '交车',
  other: '其他',
};

/** Columns of identifiers: text in a workbook even when the book holds a number (ids are not amounts). */
export const ID_COLUMNS = new Set(['id', 'prospect_id', 'referred_by']);

/** Columns whose cells are calendar days. */
export const DATE_COLUMNS = new Set([
  'expected_purchase',
  'last_contact',
  'next_callback',
  'birthday',
  'created',
  'won_on',
  'date',
  'deposit_on',
  'hold_until',
  'top_up_by',
  'refunded_on',
  'delivery_date',
  'delivered_on',
  'insurance_until',
  'renewed_on',
  'matures',
]);

export type HeaderLang = 'en' | 'zh';

/** The header a written file gives a column. */
export function headerOf(column: string, lang: HeaderLang): string {
  return lang === 'zh' ? (ZH_HEADERS[column] ?? column) : column;
}

/** Columns a report derives from other data: read back, they are ignored. */
export const DERIVED = new Set(['last_contact', 'last_contact_kind', 'contacts', 'overdue_days']);

const ALIASES: Record<string, string> = {
  // English names other tools use
  full_name: 'name',
  customer: 'name',
  customer_name: 'name',
  client: 'name',
  contact: 'name',
  mobile: 'phone',
  tel: 'phone',
  telephone: 'phone',
  phone_number: 'phone',
  cell: 'phone',
  weixin: 'wechat',
  wechat_id: 'wechat',
  e_mail: 'email',
  mail: 'email',
  company: 'org',
  organisation: 'org',
  organization: 'org',
  model: 'interest',
  product: 'interest',
  grade: 'tier',
  level: 'tier',
  status: 'stage',
  expected: 'expected_purchase',
  purchase_date: 'expected_purchase',
  notes: 'note',
  remark: 'note',
  remarks: 'note',
  comment: 'note',
  next: 'next_callback',
  callback: 'next_callback',
  referrer: 'referred_by',
  customer_id: 'prospect_id',
  type: 'kind',
  result: 'outcome',
  contact_date: 'date',
  // Chinese
  姓名: 'name',
  客户姓名: 'name',
  名字: 'name',
  客户: 'name',
  联系人: 'name',
  电话: 'phone',
  手机: 'phone',
  手机号: 'phone',
  手机号码: 'phone',
  联系电话: 'phone',
  电话号码: 'phone',
  微信: 'wechat',
  微信号: 'wechat',
  邮箱: 'email',
  电子邮箱: 'email',
  电子邮件: 'email',
  单位: 'org',
  公司: 'org',
  公司名称: 'org',
  单位名称: 'org',
  来源: 'source',
  客户来源: 'source',
  渠道: 'source',
  介绍人: 'referred_by',
  意向: 'interest',
  意向车型: 'interest',
  车型: 'interest',
  意向产品: 'interest',
  预算: 'budget',
  级别: 'tier',
  客户级别: 'tier',
  等级: 'tier',
  阶段: 'stage',
  状态: 'stage',
  预计购买: 'expected_purchase',
  预计购买日期: 'expected_purchase',
  购车时间: 'expected_purchase',
  生日: 'birthday',
  备注: 'note',
  下次回访: 'next_callback',
  回访日期: 'next_callback',
  下次回访日期: 'next_callback',
  建档日期: 'created',
  创建日期: 'created',
  成交日期: 'won_on',
  战败原因: 'lost_reason',
  编号: 'id',
  客户编号: 'prospect_id',
  日期: 'date',
  联系日期: 'date',
  拜访日期: 'date',
  方式: 'kind',
  联系方式: 'kind',
  结果: 'outcome',
  上次联系: 'last_contact',
  联系次数: 'contacts',
  逾期天数: 'overdue_days',
  上次联系方式: 'last_contact_kind',
  定金: 'deposit',
  收定金日期: 'deposit_on',
  定金保留至: 'hold_until',
  补定金额: 'top_up',
  补定截止: 'top_up_by',
  退定日期: 'refunded_on',
  订购车型: 'order_model',
  订单价格: 'order_price',
  约定交车日期: 'delivery_date',
  实际交车: 'delivered_on',
  保险到期: 'insurance_until',
  续保日期: 'renewed_on',
  产品到期: 'matures',
};

function canonical(header: string): string {
  const plain = header
    .trim()
    .toLowerCase()
    .replace(/[\s\-/.]+/g, '_');
  return ALIASES[plain] ?? ALIASES[header.trim()] ?? plain;
}

export type Kind = 'prospects' | 'visits';

export interface HeaderMap {
  /** dealer field → column index */
  at: Record<string, number>;
  /** Headers dealer does not know (they are skipped). */
  ignored: string[];
}

export function mapHeader(kind: Kind, header: string[]): HeaderMap {
  const known = new Set<string>(kind === 'prospects' ? PROSPECT_COLUMNS : VISIT_COLUMNS);
  const at: Record<string, number> = {};
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const field = canonical(h);
    if (known.has(field) && !(field in at)) at[field] = i;
    else if (!DERIVED.has(field)) ignored.push(h);
  });
  return { at, ignored };
}
