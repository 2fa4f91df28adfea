// The book of a consultant ten times busier than the main bench's: 1,000,000 prospects and
// 10,000,000 contacts, thousands of callbacks overdue. Built once through dealer's store (one
// transaction of prepared inserts) and kept under test/bench/.bench/ (git-ignored) for later runs;
// never built by `npm test`. `node test/bench/big.js` builds it alone (several minutes, ~1.6 GB).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayOf } from '../../dist/domain/dates.js';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../../dist/store/migrations.js';
import { seedBook } from './seed.js';

export const BIG = { prospects: 1_000_000, contacts: 10_000_000 };
const DIR = join(dirname(fileURLToPath(import.meta.url)), '.bench');

/**
 * The cached book and the day it was built for: its callbacks were booked around that day, so the
 * bench pins DEALER_NOW to it and the morning list stays the same size however old the cache is.
 * A cache from an older schema version is brought up to date in place (far quicker than building
 * it again); one of another size, or from a newer dealer, is rebuilt.
 */
export async function bigBook(log = (text) => process.stderr.write(`${text}\n`)) {
  const path = join(DIR, 'big.db');
  const about = join(DIR, 'big.json');
  const wanted = { version: MIGRATIONS.length, ...BIG };
  if (existsSync(path) && existsSync(about)) {
    const found = JSON.parse(readFileSync(about, 'utf8'));
    if (found.prospects === BIG.prospects && found.contacts === BIG.contacts && found.version <= wanted.version) {
      if (found.version < wanted.version) {
        log(`Bringing the cached big book from schema ${found.version} to ${wanted.version} ...`);
        const db = new Database(path);
        migrate(db);
        db.close();
        writeFileSync(about, JSON.stringify({ ...found, version: wanted.version }));
      }
      return { path, today: found.today, seconds: found.seconds };
    }
  }
  mkdirSync(DIR, { recursive: true });
  const building = join(DIR, 'building.db');
  for (const f of [building, `${building}-wal`, `${building}-shm`, path, about]) rmSync(f, { force: true });
  const today = dayOf(new Date());
  log(`Building the big book (${BIG.prospects} prospects, ${BIG.contacts} contacts) in ${DIR}; once ...`);
  const t0 = Date.now();
  const db = await seedBook(building, { ...BIG, today });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const seconds = Math.round((Date.now() - t0) / 1000);
  renameSync(building, path);
  writeFileSync(about, JSON.stringify({ ...wanted, today, seconds }));
  log(`  built in ${seconds} s`);
  return { path, today, seconds };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bigBook();
