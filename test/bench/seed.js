// Builds a large realistic book through dealer's own store (the compiled dist/), in one transaction:
// used by the query-plan test (10k prospects) and by `npm run bench` (100k prospects, 1M contacts).
import { addDays } from '../../dist/domain/dates.js';
import { insertContact } from '../../dist/store/contacts.js';
import { openBook, write } from '../../dist/store/db.js';
import { insertProspect } from '../../dist/store/prospects.js';

const TIERS = ['O', 'A', 'B', 'C'];
const CADENCE = { O: 3, A: 7, B: 15, C: 60 };
const KINDS = ['call', 'call', 'wechat', 'showroom', 'sms', 'test-drive'];
const SOURCES = ['walk-in', 'phone', 'referral', 'web', 'event', 'existing-customer'];
const SURNAMES = ['王', '李', '张', '刘', '陈', 'Smith', 'Chen', 'Wong'];

/** A repeatable generator, so two runs build the same book. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeds `path` with `prospects` prospects and about `contacts` contacts spread over the year before
 * `today`; callbacks are booked around `today` so the morning list has a realistic few hundred rows.
 */
export async function seedBook(path, { prospects, contacts, today }) {
  const { db } = await openBook(path, { create: true });
  const rnd = random(7);
  const perProspect = Math.floor(contacts / prospects);
  let extra = contacts - perProspect * prospects;
  write(db, () => {
    for (let i = 1; i <= prospects; i++) {
      const tier = TIERS[Math.floor(rnd() * 4)];
      // Added at least 4 contacts' worth of days ago, so every contact lies in the past.
      const n = perProspect + (extra-- > 0 ? 1 : 0);
      const added = addDays(today, -(3 * n + 1) - Math.floor(rnd() * 330));
      let last = added;
      const lost = rnd() < 0.25;
      // A book that is kept up: nearly every callback is in the future; about one in three hundred
      // is due today or a few days overdue, which makes a morning list of a few hundred rows.
      const due = rnd() < 0.003;
      const next = lost
        ? null
        : due
          ? addDays(today, -Math.floor(rnd() * 5))
          : addDays(today, 1 + Math.floor(rnd() * CADENCE[tier] * 2));
      const phone = `1${3 + (i % 6)}${String(i).padStart(9, '0')}`;
      const id = insertProspect(
        db,
        {
          name: `${SURNAMES[i % SURNAMES.length]}${i}`,
          phone,
          source: SOURCES[i % SOURCES.length],
          interest: 'Q5L',
          tier,
          tierManual: true,
          stage: lost ? 'lost' : 'contacted',
          nextCallback: next,
          birthday: i % 50 === 0 ? `19${60 + (i % 40)}-${added.slice(5)}` : null,
        },
        [`+86${phone}`],
        `${added} 09:00:00`,
      );
      for (let c = 0; c < n; c++) {
        last = addDays(last, 1 + Math.floor(rnd() * 3));
        insertContact(db, {
          prospectId: id,
          date: last,
          kind: KINDS[Math.floor(rnd() * KINDS.length)],
          outcome: null,
          note: c % 3 === 0 ? 'Asked about financing, wants silver, 想要银色' : null,
          stage: 'contacted',
          objections: [],
          created: `${last} 10:00:00`,
        });
      }
    }
  });
  return db;
}
