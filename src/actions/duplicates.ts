// Two consultants must not chase one customer (篇4): a phone number or a WeChat id already in the
// book names who has it. add-prospect and edit refuse it unless --force; the prompts say it as
// soon as the number is typed.
import { DealerError, usage } from '../domain/errors.js';
import { matchKeys, normalisePhones, type PhoneParser } from '../domain/phone.js';
import type { DB } from '../store/db.js';
import { findByPhones, findByWechat } from '../store/prospects.js';

/**
 * The refusal for a phone someone else has, or undefined. `phone` as typed; `parse` the numbering
 * plans when it is not a plain mobile. Numbers an older dealer stored in another spelling match too.
 */
export function phoneTaken(
  db: DB,
  phone: string,
  region: string,
  except = 0,
  parse?: PhoneParser,
): DealerError | undefined {
  const [dup] = findByPhones(db, matchKeys(normalisePhones(phone, region, parse), region), except);
  return dup && usage('duplicatePhone', { number: phone, id: dup.id, name: dup.name });
}

/** The key two WeChat ids are the same person by: WeChat treats ids case-insensitively. */
export const wechatKey = (wechat: string) => wechat.trim().toLowerCase();

export function wechatTaken(db: DB, wechat: string, except = 0): DealerError | undefined {
  const dup = findByWechat(db, wechat, except);
  return dup && usage('duplicateWechat', { wechat: wechat.trim(), id: dup.id, name: dup.name });
}

/** Throws the first duplicate among the fields being saved. */
export function refuseDuplicates(
  db: DB,
  f: { phone?: string | null; wechat?: string | null },
  region: string,
  except = 0,
  parse?: PhoneParser,
): void {
  const dup =
    (f.phone ? phoneTaken(db, f.phone, region, except, parse) : undefined) ??
    (f.wechat ? wechatTaken(db, f.wechat, except) : undefined);
  if (dup) throw dup;
}
