// Who referred whom: the SQL behind `show <referrer>` and `report referrals`.
import type { Referred } from '../domain/referral.js';
import type { Stage } from '../domain/vocab.js';
import { prepared, type DB } from './db.js';
import { fields, int, readStage, text } from './decode.js';

export function referredBy(db: DB, referrerId: number): Referred[] {
  return prepared(db, 'SELECT id, name, stage FROM prospect WHERE referred_by = ? ORDER BY id')
    .all(referrerId)
    .map((row) => {
      const r = fields(row, 'prospect');
      return { id: int(r.id, 'prospect.id'), name: text(r.name, 'prospect.name'), stage: readStage(r.stage, 'prospect.stage') };
    });
}

/** Every referral with its referrer, for the per-referrer report. */
export function allReferrals(db: DB): { referrerId: number; referrer: string; stage: Stage }[] {
  return prepared(
    db,
    `SELECT r.id AS referrerId, r.name AS referrer, p.stage FROM prospect p JOIN prospect r ON r.id = p.referred_by
     ORDER BY r.id, p.id`,
  )
    .all()
    .map((row) => {
      const r = fields(row, 'referral');
      return {
        referrerId: int(r.referrerId, 'referrerId'),
        referrer: text(r.referrer, 'referrer'),
        stage: readStage(r.stage, 'stage'),
      };
    });
}
