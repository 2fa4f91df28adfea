// Readers for the arguments many commands share: ids, yes/no answers, the prospect an id names.
import { usage } from '../domain/errors.js';
import { parseId } from '../domain/ids.js';
import type { Prospect } from '../domain/prospect.js';
import type { DB } from '../store/db.js';
import { getProspect } from '../store/prospects.js';

export { parseId };

export function requireProspect(db: DB, idText: string): Prospect {
  const id = parseId(idText);
  const p = getProspect(db, id);
  if (!p) throw usage('unknownId', { id });
  return p;
}

export function yesNo(text: string): boolean {
  const v = text.trim().toLowerCase();
  if (['y', 'yes', 'true', '1', '是', '有', '能', '对'].includes(v)) return true;
  if (['n', 'no', 'false', '0', '否', '没有', '无', '不能', '不'].includes(v)) return false;
  throw usage('badYesNo', { input: text });
}
