// Who an imported prospect row is: someone already in the book (same phone or WeChat id, or the file's id naming
// the same person), someone earlier in the same file, or someone new. One rule for `import
// prospects`, whatever the file's columns; callers run it inside their write transaction.
import type { Day } from '../domain/dates.js';
import { matchKeys } from '../domain/phone.js';
import type { ProspectFields } from '../domain/prospect.js';
import type { DB } from '../store/db.js';
import { findByWechat, getProspect, holderOf, insertProspect, updateProspect } from '../store/prospects.js';
import { wechatKey } from './duplicates.js';
import type { Stamp } from './record-contact.js';

export interface ImportedProspect {
  /** The id it had in the file: kept when free, or when it names the same person. */
  id?: number;
  fields: ProspectFields & { name: string; lostReason?: string | null; wonOn?: Day | null };
  phones: string[];
  created: Day;
}

export type Placed =
  | { added: number }
  | { updated: number }
  /** Already in the book (without --update) or a second row for someone this file already has. */
  | { duplicateOf: { id: number; name: string } };

/**
 * A placer for one file: it remembers the numbers and ids the file has added or updated so far.
 * `update` says what an existing prospect's row changes: the fields its columns gave, and its phones
 * when the file has a phone column.
 */
export function prospectPlacer(db: DB, region: string, stamp: Stamp, o: { update: boolean }) {
  const seen = new Map<string, number>();
  const seenWechat = new Map<string, number>();
  const seenIds = new Set<number>();
  const holder = (number: string) => seen.get(number) ?? holderOf(db, matchKeys([number], region));

  return (c: ImportedProspect, update: { fields: ProspectFields; phones?: string[] }): Placed => {
    const samePhone = c.phones.map(holder).find((h) => h !== undefined);
    // A WeChat id already in the book (or earlier in the file) is the same person, as a phone is.
    const wechat = c.fields.wechat ? wechatKey(c.fields.wechat) : undefined;
    const sameWechat = wechat === undefined ? undefined : (seenWechat.get(wechat) ?? findByWechat(db, wechat)?.id);
    const remember = (id: number) => {
      for (const p of c.phones) seen.set(p, id);
      if (wechat !== undefined) seenWechat.set(wechat, id);
      seenIds.add(id);
    };
    // An id in the file names the same prospect only if it is the same person; a file from
    // elsewhere whose ids happen to be taken is added under new ids.
    const byId = c.id === undefined ? undefined : getProspect(db, c.id);
    const samePerson = byId && (byId.name === c.fields.name || byId.phones.some((n) => c.phones.includes(n)));
    const sameId = samePerson || (c.id !== undefined && seenIds.has(c.id)) ? c.id : undefined;
    const existing = sameId ?? samePhone ?? sameWechat;
    if (existing === undefined) {
      const id = insertProspect(db, c.fields, c.phones, `${c.created} 00:00:00`, byId ? undefined : c.id);
      remember(id);
      return { added: id };
    }
    // A second row for someone this file already added or updated is a duplicate in the file.
    if (!o.update || seenIds.has(existing)) {
      return { duplicateOf: { id: existing, name: getProspect(db, existing)?.name ?? '' } };
    }
    updateProspect(db, existing, update.fields, { now: stamp.now, day: stamp.today }, update.phones);
    remember(existing);
    return { updated: existing };
  };
}
