// Start-up is a feature: `dealer --help` and `--version` must load commander and one catalogue,
// not SQLite, prompts, tables or colours; the entry module imports nothing else statically.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

function loaded(args: string[]): string[] {
  const trace = join(s.dir, 'trace.txt');
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'helpers', 'trace-loads.mjs'), BIN, ...args], {
    env: { ...s.env, DEALER_TRACE_FILE: trace },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(trace, 'utf8').trim().split('\n');
}

const HEAVY = /better-sqlite3|@inquirer|cli-table3|chalk|date-fns|csv-|iconv/;

describe('start-up', () => {
  it('the entry module statically imports only commander and the command table, which imports nothing', () => {
    const statics = (file: string) => {
      const source = readFileSync(join(ROOT, 'src', file), 'utf8');
      expect(source).not.toMatch(/^import\s+'/m);
      return [...source.matchAll(/^import\s(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    };
    expect(statics('cli.ts')).toEqual(['commander', './specs.js']);
    expect(statics('specs.ts')).toEqual([]);
  });

  it.each([['--help'], ['--version'], ['today', '--help'], ['add-prospect', '--help']])(
    'dealer %s loads nothing heavy',
    (...args) => {
      const urls = loaded(args);
      expect(urls.filter((u) => HEAVY.test(u))).toEqual([]);
      expect(urls.some((u) => u.includes('commander'))).toBe(true);
      expect(urls.filter((u) => u.includes('/dist/commands/'))).toEqual([]);
    },
  );

  it('completing ids loads the book and nothing for people: no prompts, tables, colours or scripts', () => {
    s.ok(['add-prospect', '王磊', '--phone', '13800138000']);
    const urls = loaded(['completion', 'ids']);
    expect(urls.some((u) => u.includes('better-sqlite3'))).toBe(true);
    expect(urls.filter((u) => /@inquirer|cli-table3|chalk|pinyin|\/dist\/scripts\//.test(u))).toEqual([]);
  });

  // The exact dealer modules each start loads: a new one here must be a decision, not an accident
  // (a stray static import pulls SQLite or a second catalogue into every start).
  const own = (urls: string[]) =>
    [...new Set(urls.filter((u) => u.includes('/dist/')).map((u) => u.replace(/.*\/dist\//, '')))].sort();

  it('--version loads only the entry module and its command table', () => {
    expect(own(loaded(['--version']))).toEqual(['cli.js', 'specs.js']);
  });

  it('--help loads the entry module, the language choice and one catalogue', () => {
    expect(own(loaded(['--help']))).toEqual([
      'cli.js',
      'i18n/en.js',
      'specs.js',
      'store/lang-file.js',
      'store/paths.js',
    ]);
  });

  it('today loads its own command and what it uses, no other command, prompts or tables', () => {
    const urls = loaded(['today']);
    expect(own(urls)).toEqual([
      'actions/due-list.js',
      'actions/lunar.js',
      'cli.js',
      'commands/today.js',
      'context.js',
      'domain/calendar.js',
      'domain/dates.js',
      'domain/deal.js',
      'domain/due.js',
      'domain/errors.js',
      // An organisation's milestones are on the morning list (issue 14.3).
      'domain/organisation.js',
      // A typed word looked up in a table's own entries only (vocab, trade).
      'domain/own.js',
      'domain/phone.js',
      'domain/prospect.js',
      'domain/settings.js',
      'domain/tier.js',
      'domain/trade.js',
      // When a trip's call lapses is the trip's rule (one lapse rule for the list, done and snooze).
      'domain/trip.js',
      'domain/vocab.js',
      'i18n/en.js',
      'i18n/label.js',
      'output/color.js',
      'output/coloured.js',
      'output/columns.js',
      'output/empty.js',
      'output/screen.js',
      'output/today.js',
      'output/trade.js',
      'specs.js',
      'store/contacts.js',
      'store/db.js',
      'store/deals.js',
      'store/decode.js',
      'store/due.js',
      'store/errors.js',
      'store/files.js',
      'store/ids.js',
      'store/lang-file.js',
      'store/marks.js',
      'store/migrations.js',
      'store/paths.js',
      'store/people.js',
      'store/prospects.js',
      'store/schema.js',
      'store/settings.js',
      'store/sqlite.js',
    ]);
    expect(urls.filter((u) => /@inquirer|cli-table3/.test(u))).toEqual([]);
  });

  it('the pinyin dictionary loads only for a search in Latin letters with Chinese names to match', () => {
    s.ok(['add-prospect', '王磊', '--phone', '13800138000']);
    const pinyin = (args: string[]) => loaded(args).some((u) => u.includes('pinyin-pro'));
    expect(pinyin(['list'])).toBe(false);
    expect(pinyin(['today'])).toBe(false);
    expect(pinyin(['list', '--search', '王'])).toBe(false);
    expect(pinyin(['list', '--search', 'wl'])).toBe(true);
  });

  it('date-fns, when used, is imported by subpath, never from the package root', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true }).filter((f) => String(f).endsWith('.ts'));
    for (const f of files) {
      const text = readFileSync(join(ROOT, 'src', String(f)), 'utf8');
      expect(text, String(f)).not.toMatch(/from 'date-fns'/);
    }
  });
});
