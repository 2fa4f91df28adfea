// The columns dealer exchanges with spreadsheets: what each report holds, and how the headers of
// files consultants already have (in English or Chinese) map onto dealer's fields.
import { PROSPECT_SHEET, VISIT_SHEET } from './sheets.js';
import { own } from './own.js';

/** The columns an import reads: the reports' own, so a book exported imports back as it was. */
export const PROSPECT_COLUMNS = PROSPECT_SHEET.map((c) => c.key);
export const VISIT_COLUMNS = VISIT_SHEET.map((c) => c.key);

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

/** Columns a report derives from other data: read back, they are ignored. */
export const DERIVED = new Set<string>([...PROSPECT_SHEET, ...VISIT_SHEET].filter((c) => c.derived).map((c) => c.key));

/** The Chinese headers dealer writes read back as their columns, so an export in Chinese imports unchanged. */
const WRITTEN_ZH: Record<string, string> = Object.fromEntries(
  [...PROSPECT_SHEET, ...VISIT_SHEET].map((c) => [c.zh, c.key]),
);

const ALIASES: Record<string, string> = {
  ...WRITTEN_ZH,
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
  客户姓名: 'name',
  名字: 'name',
  客户: 'name',
  联系人: 'name',
  手机: 'phone',
  手机号: 'phone',
  手机号码: 'phone',
  联系电话: 'phone',
  电话号码: 'phone',
  微信号: 'wechat',
  电子邮箱: 'email',
  电子邮件: 'email',
  公司: 'org',
  公司名称: 'org',
  单位名称: 'org',
  客户来源: 'source',
  渠道: 'source',
  意向车型: 'interest',
  车型: 'interest',
  意向产品: 'interest',
  客户级别: 'tier',
  等级: 'tier',
  状态: 'stage',
  预计购买: 'expected_purchase',
  购车时间: 'expected_purchase',
  回访日期: 'next_callback',
  下次回访日期: 'next_callback',
  创建日期: 'created',
  联系日期: 'date',
  拜访日期: 'date',
  联系方式: 'kind',
};

function canonical(header: string): string {
  const plain = header
    .trim()
    .toLowerCase()
    .replace(/[\s\-/.]+/g, '_');
  return own(ALIASES, plain) ?? own(ALIASES, header.trim()) ?? plain;
}

export const IMPORT_KINDS = ['prospects', 'visits'] as const;
export type Kind = (typeof IMPORT_KINDS)[number];

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
