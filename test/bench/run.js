// npm run bench: measures dealer against floors measured in the same run, on a book of 100,000
// prospects and 1,000,000 contacts built through dealer's own store. Each command is paired with a
// floor — the least any program doing that job could take — and run alternately; the ratio reported
// is the median of the per-pair ratios, which cancels most of the noise of a shared machine.
// Then `today` on a book ten times that size (1M prospects, 10M contacts; test/bench/big.js builds it
// once and caches it). Writes the table to test/bench/results.md.
//
// BENCH_RUNS=n pairs per row (15); BENCH_BIG=0 leaves out the big book, BENCH_BIG=only measures it
// alone (and writes no results.md).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayOf } from '../../dist/domain/dates.js';
import { openBook } from '../../dist/store/db.js';
import { dueQuery } from '../../dist/store/due.js';
import { VISITS_SQL } from '../../dist/store/reports.js';
import { seedBook } from './seed.js';
import { BIG, bigBook } from './big.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'dealer.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BIG_ROW = process.env.BENCH_BIG ?? '1';
const PROSPECTS = 100_000;
const CONTACTS = 1_000_000;
const IMPORT_ROWS = 100_000;

// A shared machine's load moves every absolute time; the ratios are paired, but say what it was.
const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(', ');
const work = mkdtempSync(join(os.tmpdir(), 'dealer-bench-'));
const book = join(work, 'book', 'dealer.db');
const today = dayOf(new Date());
// NODE_EXTRA_CA_CERTS makes every Node start ~30 ms slower here; neither side gets it.
const env = { ...process.env, DEALER_DB: book, DEALER_NOW: today, LANG: 'C', NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;
delete env.DEALER_LANG;

const log = (text) => process.stderr.write(`${text}\n`);

function timeRun(cmd, args, opts = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    env: opts.env ?? env,
    cwd: work,
    stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Peak resident memory of a command, in MiB, from the kernel's accounting of a child process. */
function peakMiB(cmd, args, opts = {}) {
  const probe =
    'import resource, subprocess, sys\nsubprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\nprint(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)';
  const kb = execFileSync('python3', ['-c', probe, cmd, ...args], {
    env: opts.env ?? env,
    cwd: work,
    encoding: 'utf8',
  });
  return Number(kb.trim()) / 1024;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs floor and dealer alternately (which goes first alternates too), `RUNS` pairs after one
 * warm-up pair, and returns the median times and the median of the per-pair ratios.
 */
function paired(name, floor, dealer, target, opts = {}) {
  log(`  ${name} ...`);
  const f = [];
  const d = [];
  const ratios = [];
  for (let i = -1; i < (opts.runs ?? RUNS); i++) {
    opts.before?.(i);
    let tf;
    let td;
    if (i % 2 === 0) {
      tf = floor();
      td = dealer();
    } else {
      td = dealer();
      tf = floor();
    }
    if (i < 0) continue; // warm-up: file cache, stamp, first-run effects
    f.push(tf);
    d.push(td);
    ratios.push(td / tf);
  }
  const row = {
    name,
    floor: median(f),
    dealer: median(d),
    min: Math.min(...d),
    max: Math.max(...d),
    ratio: median(ratios),
    target,
    runs: ratios.length,
  };
  if (opts.rss) {
    row.rss = Math.max(...[0, 1, 2].map(() => opts.rss()));
    row.rssLimit = opts.rssLimit;
  }
  row.pass = row.ratio <= target && (row.rss === undefined || row.rss <= row.rssLimit);
  return row;
}

const node =
  (script, ...args) =>
  () =>
    timeRun(process.execPath, [script, ...args]);
const dealer =
  (...args) =>
  () =>
    timeRun(process.execPath, [BIN, ...args]);

const bsqlite = JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3', 'lib', 'index.js'));
const floors = {
  commander: join(work, 'floor-commander.mjs'),
  today: join(work, 'floor-today.mjs'),
  insert: join(work, 'floor-insert.mjs'),
  import: join(work, 'floor-import.mjs'),
};

// The floor is written here by hand, not taken from dealer's dueQuery: a bad plan must not hide on
// both sides of the ratio.
function writeTodayFloor() {
  writeFileSync(
    floors.today,
    `import Database from ${bsqlite};
const db = new Database(process.env.DEALER_DB, { readonly: true });
const to = process.env.DEALER_NOW;
const rows = db.prepare(\`
  SELECT p.id, p.name, p.phone, p.tier, p.stage, d.due, d.reason,
         (SELECT date FROM contact c WHERE c.prospect_id = p.id ORDER BY date DESC, id DESC LIMIT 1) AS last
  FROM (SELECT id AS pid, next_callback AS due, 'callback' AS reason FROM prospect
          WHERE next_callback IS NOT NULL AND next_callback <= ?
        UNION ALL SELECT prospect_id, due, reason FROM reminder WHERE due <= ?) d
  CROSS JOIN prospect p ON p.id = d.pid
  WHERE p.stage <> 'lost'\`).all(to, to);
process.stdout.write(rows.length + '\\n');
`,
  );
}

/** The morning list on the big book, against the same hand-written floor. */
async function bigRow() {
  const big = await bigBook(log);
  const bigEnv = { ...env, DEALER_DB: big.path, DEALER_NOW: big.today };
  const opened = await openBook(big.path, { create: false });
  const bigDue = opened.db.prepare(dueQuery(1)).all({ to: big.today }, big.today.slice(5)).length;
  opened.db.close();
  return paired(
    `dealer today (${BIG.prospects} prospects, ${BIG.contacts} contacts, ${bigDue} rows due)`,
    () => timeRun(process.execPath, [floors.today], { env: bigEnv }),
    () => timeRun(process.execPath, [BIN, 'today'], { env: bigEnv }),
    1.35,
  );
}

if (BIG_ROW === 'only') {
  mkdirSync(dirname(book), { recursive: true });
  writeTodayFloor();
  const row = await bigRow();
  process.stdout.write(`${JSON.stringify(row, null, 2)}\n`);
  rmSync(work, { recursive: true, force: true });
  process.exit(row.pass ? 0 : 1);
}

// --- the book -------------------------------------------------------------------------------
log(`Building a book of ${PROSPECTS} prospects and ${CONTACTS} contacts in ${work} ...`);
let t0 = Date.now();
const db = await seedBook(book, { prospects: PROSPECTS, contacts: CONTACTS, today });
const due = db.prepare(dueQuery(1)).all({ to: today }, today.slice(5)).length;
db.close();
log(
  `  built in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${due} rows due today; ${(statSync(book).size / 2 ** 20).toFixed(0)} MiB`,
);

// The insert floor writes to its own copy: a write by anything but dealer changes the file dealer
// stamped as checked, and dealer would (rightly) run its full quick check before every write.
const floorBook = join(work, 'floor-book.db');
copyFileSync(book, floorBook);

// An empty book (schema, indexes, triggers) for the imports to start from each time.
const emptyBook = join(work, 'empty.db');
(await openBook(emptyBook, { create: true })).db.close();

// --- floors ---------------------------------------------------------------------------------
writeFileSync(floors.commander, `import ${JSON.stringify(join(ROOT, 'node_modules', 'commander', 'index.js'))};\n`);
writeTodayFloor();
writeFileSync(
  floors.insert,
  `import Database from ${bsqlite};
const db = new Database(${JSON.stringify(floorBook)}, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.prepare("INSERT INTO contact (prospect_id, date, kind, note, created) VALUES (42, ?, 'call', 'floor', ?)").run(process.env.DEALER_NOW, process.env.DEALER_NOW + ' 09:00:00');
`,
);
writeFileSync(
  floors.import,
  `import Database from ${bsqlite};
import { readFileSync } from 'node:fs';
const [, , file, target] = process.argv;
const rows = readFileSync(file, 'utf8').trim().split('\\n').slice(1).map((l) => l.split(','));
const db = new Database(target);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const insert = db.prepare("INSERT INTO prospect (name, phone, interest, note, tier, stage, created, updated) VALUES (?, ?, ?, ?, 'C', 'new', ?, ?)");
db.transaction(() => { for (const [name, phone, interest, note] of rows) insert.run(name, phone, interest, note, process.env.DEALER_NOW, process.env.DEALER_NOW); })();
`,
);
const importCsv = join(work, 'import.csv');
const lines = ['name,phone,interest,note'];
for (let i = 0; i < IMPORT_ROWS; i++)
  lines.push(`Import ${i},1${5 + (i % 4)}${String(i).padStart(9, '0')},Q5L,came from the web form`);
writeFileSync(importCsv, `${lines.join('\n')}\n`);

// --- measurements ---------------------------------------------------------------------------
const rows = [];
log('Measuring (median of paired ratios) ...');
rows.push(paired('dealer --version', node(floors.commander), dealer('--version'), 1.15));
rows.push(paired('dealer --help', node(floors.commander), dealer('--help'), 1.15));
rows.push(paired('dealer today', node(floors.today), dealer('today'), 1.35));
rows.push(paired(`dealer today --all (${due} rows)`, node(floors.today), dealer('today', '--all'), 2.5));
let added = 0;
rows.push(
  paired(
    'dealer add-prospect (flags)',
    node(floors.insert),
    () =>
      dealer('add-prospect', `Bench ${++added}`, '--phone', `199${String(added).padStart(8, '0')}`, '--tier', 'B')(),
    1.4,
  ),
);
rows.push(
  paired('dealer visit', node(floors.insert), dealer('visit', '42', '--kind', 'call', '--note', 'bench'), 1.4),
);

const csvOut = join(work, 'visits.csv');
const sqlOut = join(work, 'visits-sqlite.csv');
const hasSqlite = spawnSync('sqlite3', ['-version']).status === 0;
if (hasSqlite) {
  const exportSql = `${VISITS_SQL} ORDER BY c.id`;
  const sqliteExport = () => {
    const fd = openSync(sqlOut, 'w');
    try {
      return timeRun('sqlite3', ['-csv', '-header', book, exportSql], { stdout: fd });
    } finally {
      closeSync(fd);
    }
  };
  rows.push(
    paired(
      `dealer report visits --out (${CONTACTS} rows)`,
      sqliteExport,
      dealer('report', 'visits', '--out', csvOut),
      1.6,
      {
        runs: RUNS,
        rss: () => peakMiB(process.execPath, [BIN, 'report', 'visits', '--out', csvOut]),
        rssLimit: 128,
      },
    ),
  );
} else {
  // Without the floor the export row cannot be judged: say so and fail, rather than drop the row.
  log('  sqlite3 not found: install it (apt-get install sqlite3) to measure the export');
  process.exitCode = 1;
}

const importTarget = join(work, 'import', 'dealer.db');
const floorTarget = join(work, 'import-floor.db');
const fresh = (path) => {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-checked`]) rmSync(f, { force: true });
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(emptyBook, path);
};
const importEnv = { ...env, DEALER_DB: importTarget };
rows.push(
  paired(
    `dealer import prospects (${IMPORT_ROWS} rows)`,
    () => (fresh(floorTarget), node(floors.import, importCsv, floorTarget)()),
    () => (fresh(importTarget), timeRun(process.execPath, [BIN, 'import', 'prospects', importCsv], { env: importEnv })),
    3,
    {
      runs: RUNS,
      rss: () => (
        fresh(importTarget),
        peakMiB(process.execPath, [BIN, 'import', 'prospects', importCsv], { env: importEnv })
      ),
      rssLimit: 256,
    },
  ),
);

if (BIG_ROW !== '0') rows.push(await bigRow());

// --- report ---------------------------------------------------------------------------------
const sqliteVersion = hasSqlite ? execFileSync('sqlite3', ['-version'], { encoding: 'utf8' }).split(' ')[0] : 'n/a';
const machine = [
  `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}`,
  `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
  `${os.type()} ${os.release()}`,
  `Node ${process.version}`,
  `sqlite3 CLI ${sqliteVersion}`,
].join(', ');
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const header = '| command | floor | dealer (median) | min–max | ratio | target | peak RSS | result |';
const table = [
  header,
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.floor)} | ${fmt(r.dealer)} | ${r.min.toFixed(0)}–${r.max.toFixed(0)} ms | ${r.ratio.toFixed(2)}× | ≤ ${r.target}× | ${r.rss === undefined ? '' : `${r.rss.toFixed(0)} MiB (≤ ${r.rssLimit})`} | ${r.pass ? 'pass' : 'FAIL'} |`,
  ),
].join('\n');
const floorsText = `Floors: --version and --help against a script that only imports commander; today against a bare better-sqlite3 script running the same morning query; add-prospect and visit against a bare script opening the book and inserting one row; the export against \`sqlite3 -csv\` writing the same joined rows; the import against one bare transaction inserting the same rows into an empty book.`;
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const text = `# dealer benchmark\n\nRun ${when} UTC with \`npm run bench\` on: ${machine}.\n\nBook: ${PROSPECTS} prospects, ${CONTACTS} contacts (${due} rows due today), built through dealer's store. Ratios are the median of ${RUNS} paired, alternating runs (BENCH_RUNS=${RUNS}; NODE_EXTRA_CA_CERTS unset on both sides). Load average at the start: ${loadAtStart}; at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}.${BIG_ROW !== '0' ? ` The big book (${BIG.prospects} prospects, ${BIG.contacts} contacts) is built once by test/bench/big.js and cached in test/bench/.bench/; its row pins DEALER_NOW to the day it was built.` : ''}\n\n${table}\n\n${floorsText}\n`;
writeFileSync(join(ROOT, 'test', 'bench', 'results.md'), text);
process.stdout.write(`\n${machine}\n\n${table}\n\nWritten to test/bench/results.md\n`);
rmSync(work, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.pass) && hasSqlite ? 0 : 1;
