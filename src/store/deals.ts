// The deal row of a prospect (deposit, order, delivery, after-sales dates): the only place its SQL lives.
import { type Deal, type DealFields } from '../domain/deal.js';
import { prepared, type DB } from './db.js';
import { fields, int, json, orNull, textOrNull } from './decode.js';

const COLUMNS: Record<keyof DealFields, string> = {
  deposit: 'deposit',
  depositOn: 'deposit_on',
  holdUntil: 'hold_until',
  topUp: 'top_up',
  topUpBy: 'top_up_by',
  refundedOn: 'refunded_on',
  model: 'model',
  price: 'price',
  delivery: 'delivery',
  deliveredOn: 'delivered_on',
  insuranceUntil: 'insurance_until',
  renewedOn: 'renewed_on',
  matures: 'matures',
};

/** The SQL expression giving a prospect's deal as a JSON object (null when none), for joins. */
export const DEAL_JSON = `(SELECT json_object('prospectId', d.prospect_id, ${Object.entries(COLUMNS)
  .map(([k, c]) => `'${k}', d.${c}`)
  .join(', ')}) FROM deal d WHERE d.prospect_id = p.id)`;

const money = orNull(int);
const day = textOrNull;

/** The deal as DEAL_JSON gives it, decoded field by field (null when the prospect has none). */
export function dealFromJson(v: unknown): Deal | null {
  if (v === null || v === undefined) return null;
  const r = fields(json(v, 'deal'), 'deal');
  return {
    prospectId: int(r.prospectId, 'deal.prospect_id'),
    deposit: money(r.deposit, 'deal.deposit'),
    depositOn: day(r.depositOn, 'deal.deposit_on'),
    holdUntil: day(r.holdUntil, 'deal.hold_until'),
    topUp: money(r.topUp, 'deal.top_up'),
    topUpBy: day(r.topUpBy, 'deal.top_up_by'),
    refundedOn: day(r.refundedOn, 'deal.refunded_on'),
    model: textOrNull(r.model, 'deal.model'),
    price: money(r.price, 'deal.price'),
    delivery: day(r.delivery, 'deal.delivery'),
    deliveredOn: day(r.deliveredOn, 'deal.delivered_on'),
    insuranceUntil: day(r.insuranceUntil, 'deal.insurance_until'),
    renewedOn: day(r.renewedOn, 'deal.renewed_on'),
    matures: day(r.matures, 'deal.matures'),
  };
}

export function getDeal(db: DB, prospectId: number): Deal | null {
  const row = prepared(db, `SELECT ${DEAL_JSON} FROM prospect p WHERE p.id = ?`).pluck().get(prospectId);
  return dealFromJson(row);
}

/** Writes the given fields (undefined = unchanged), creating the row on the first. */
export function saveDeal(db: DB, prospectId: number, fields: DealFields): void {
  // Column by column from the typed table, so only a known field can name a column.
  const given = new Map<string, unknown>(Object.entries(fields));
  const entries = Object.entries(COLUMNS).flatMap(([key, column]) => {
    const value = given.get(key);
    return value === undefined ? [] : [{ column, value }];
  });
  if (entries.length === 0) return;
  if (!prepared(db, 'SELECT 1 FROM deal WHERE prospect_id = ?').get(prospectId)) {
    prepared(db, 'INSERT INTO deal (prospect_id) VALUES (?)').run(prospectId);
  }
  prepared(db, `UPDATE deal SET ${entries.map((e) => `${e.column} = ?`).join(', ')} WHERE prospect_id = ?`).run(
    ...entries.map((e) => e.value ?? null),
    prospectId,
  );
}

