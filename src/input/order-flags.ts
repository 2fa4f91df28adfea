// The order flags `won` and `edit` share (--model, --price, --delivery, --insurance-until,
// --matures), turned into checked domain terms. An empty value clears the field.
import { parseDay, type Day } from '../domain/dates.js';
import { definedOnly } from '../domain/prospect.js';
import { parseAmount, type OrderTerms } from '../domain/deal.js';

export interface OrderOptions {
  model?: string;
  price?: string;
  delivery?: string;
  insuranceUntil?: string;
  matures?: string;
}

const given = (v: string | undefined) => v !== undefined;
const empty = (v: string) => v.trim() === '';

export function orderTerms(o: OrderOptions, today: Day): OrderTerms {
  const day = (v: string | undefined) => (v === undefined ? undefined : empty(v) ? null : parseDay(v, today, 'future'));
  const terms: OrderTerms = {
    model: given(o.model) ? (empty(o.model) ? null : o.model.trim()) : undefined,
    price: given(o.price) ? (empty(o.price) ? null : parseAmount(o.price)) : undefined,
    delivery: day(o.delivery),
    insuranceUntil: day(o.insuranceUntil),
    matures: day(o.matures),
  };
  return definedOnly(terms);
}
