// SQLite hands out max(id) + 1, past 2^53 - 1 if an import brought that id: a number JavaScript
// rounds, so the new record would print as, and later be read back as, someone else's id.
import { DealerError } from '../domain/errors.js';
import { prepared, type DB } from './db.js';
import { intOrNull } from './decode.js';

/** Refuses the insert when the next id SQLite would choose is not a safe integer. */
export function assertNextIdSafe(db: DB, table: 'prospect' | 'contact'): void {
  const max = intOrNull(prepared(db, `SELECT max(id) FROM ${table}`).pluck().get(), 'max(id)');
  if (max !== null && max >= Number.MAX_SAFE_INTEGER) throw new DealerError('idsExhausted', { table, id: max });
}
