// The morning query: every callback, reminder and birthday falling due up to a day, with the
// prospect's latest contact. Each branch is an index range scan (see test/store/plans.test.ts).
import type { Day } from '../domain/dates.js';
import { REASONS, type Reason } from '../domain/prospect.js';
import type { Tier } from '../domain/tier.js';
import type { Kind, ProspectKind, Stage } from '../domain/vocab.js';
import type { Deal } from '../domain/deal.js';
import { TRADES, type Trade } from '../domain/trade.js';
import { prepared, type DB } from './db.js';
import { DEAL_JSON, dealFromJson } from './deals.js';
import { fields, int, oneOf, orNull, readContactKind, readProspectKind, readStage, readTier, text, textOrNull } from './decode.js';

const readReason = oneOf(REASONS);
const readLastKind = orNull(readContactKind);
const readTrade = orNull(oneOf(TRADES));

export interface DueRow {
  id: number;
  name: string;
  phone: string | null;
  kind: ProspectKind;
  tier: Tier;
  tierManual: boolean;
  expected: Day | null;
  stage: Stage;
  birthday: string | null;
  /** The booked day; for birthdays only the MM-DD, which the caller places in the window. */
  due: string;
  reason: Reason;
  lastDate: Day | null;
  lastKind: Kind | null;
  lastNote: string | null;
  /** The birthday greeted last (the day of that year's birthday). */
  greeted: Day | null;
  deal: Deal | null;
  /** An appointment's local time (`HH:MM`); null for everything else. */
  time: string | null;
  /** The prospect's own trade, when it is not the book's. */
  trade: Trade | null;
  /** The trip's first and last day: when its calls lapse, and a birthday on it. */
  departs: Day | null;
  returns: Day | null;
  lunarBirthday: string | null;
}

/**
 * Also every lunar birthday (few, found through their partial index), as `L` + its lunar MM-DD for
 * the caller to place: asking first whether there are any costs a statement on every morning.
 */
export function dueQuery(birthdayKeys: number): string {
  const marks = Array.from({ length: birthdayKeys }, () => '?').join(',');
  return `
    WITH item (pid, due, reason, time) AS (
      SELECT id, next_callback, 'callback', NULL FROM prospect
        WHERE next_callback IS NOT NULL AND next_callback <= @to
      UNION ALL
      SELECT prospect_id, due, reason, NULL FROM reminder WHERE due <= @to
      UNION ALL
      -- An appointment is not overdue: the caller keeps those on or after its first day.
      SELECT prospect_id, substr(at, 1, 10), 'appointment', substr(at, 12, 5) FROM appointment
        WHERE at BETWEEN date(@to, '-31 days') AND @to || ' 99'
      ${
        birthdayKeys
          ? `UNION ALL
      SELECT id, substr(birthday, -5), 'birthday', NULL FROM prospect
        WHERE birthday IS NOT NULL AND substr(birthday, -5) IN (${marks})`
          : ''
      }
      UNION ALL
      SELECT id, 'L' || lunar_birthday, 'birthday', NULL FROM prospect WHERE lunar_birthday IS NOT NULL
    )
    SELECT p.id, p.name, p.phone, p.kind, p.trade, p.tier, p.tier_manual AS tierManual, p.expected, p.stage,
           p.birthday, p.lunar_birthday AS lunarBirthday, p.departs, p.returns, p.birthday_greeted AS greeted, item.due, item.reason, item.time, c.date AS lastDate, c.kind AS lastKind, c.note AS lastNote,
           ${DEAL_JSON} AS deal
    FROM item
    -- CROSS JOIN keeps item outermost: left to itself, after ANALYZE the planner scans every prospect.
    CROSS JOIN prospect p ON p.id = item.pid
    LEFT JOIN contact c ON c.id = (
      SELECT id FROM contact WHERE prospect_id = p.id ORDER BY date DESC, id DESC LIMIT 1)
    WHERE p.stage <> 'lost'`;
}

export function dueRows(db: DB, to: Day, birthdayKeys: string[]): DueRow[] {
  return prepared(db, dueQuery(birthdayKeys.length))
    .all({ to }, ...birthdayKeys)
    .map((row): DueRow => {
      const r = fields(row, 'due');
      return {
        id: int(r.id, 'id'),
        name: text(r.name, 'name'),
        phone: textOrNull(r.phone, 'phone'),
        kind: readProspectKind(r.kind, 'kind'),
        tier: readTier(r.tier, 'tier'),
        tierManual: r.tierManual === 1,
        expected: textOrNull(r.expected, 'expected'),
        stage: readStage(r.stage, 'stage'),
        birthday: textOrNull(r.birthday, 'birthday'),
        due: text(r.due, 'due'),
        reason: readReason(r.reason, 'reason'),
        lastDate: textOrNull(r.lastDate, 'lastDate'),
        lastKind: readLastKind(r.lastKind, 'lastKind'),
        lastNote: textOrNull(r.lastNote, 'lastNote'),
        greeted: textOrNull(r.greeted, 'greeted'),
        deal: dealFromJson(r.deal),
        time: textOrNull(r.time ?? null, 'time'),
        trade: readTrade(r.trade ?? null, 'trade'),
        departs: textOrNull(r.departs ?? null, 'departs'),
        returns: textOrNull(r.returns ?? null, 'returns'),
        lunarBirthday: textOrNull(r.lunarBirthday ?? null, 'lunarBirthday'),
      };
    });
}
