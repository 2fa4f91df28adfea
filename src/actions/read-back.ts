// A prospect a command has just written or is about to write for, read by id. The store answers
// `undefined` for an id it does not hold; here that means the book changed under the command.
import { DealerError } from '../domain/errors.js';
import type { Prospect } from '../domain/prospect.js';
import type { DB } from '../store/db.js';
import { getProspect } from '../store/prospects.js';

export function readBack(db: DB, id: number): Prospect {
  const p = getProspect(db, id);
  if (!p) throw new DealerError('unknownId', { id });
  return p;
}
