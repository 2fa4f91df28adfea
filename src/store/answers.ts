// Consultation answers: what the customer told us, by question key.
import { prepared, type DB } from './db.js';
import { keyValues } from './decode.js';

export function answersOf(db: DB, prospectId: number): Record<string, string> {
  return keyValues(
    prepared(db, 'SELECT key, value FROM answer WHERE prospect_id = ? ORDER BY key').all(prospectId),
    'answer',
  );
}

export function saveAnswers(db: DB, prospectId: number, answers: Record<string, string>, now: string): void {
  const put = prepared(
    db,
    `INSERT INTO answer (prospect_id, key, value, updated) VALUES (?, ?, ?, ?)
     ON CONFLICT (prospect_id, key) DO UPDATE SET value = excluded.value, updated = excluded.updated`,
  );
  for (const [key, value] of Object.entries(answers)) put.run(prospectId, key, value, now);
}

export function removeAnswers(db: DB, prospectId: number, keys: string[]): void {
  const del = prepared(db, 'DELETE FROM answer WHERE prospect_id = ? AND key = ?');
  for (const key of keys) del.run(prospectId, key);
}
