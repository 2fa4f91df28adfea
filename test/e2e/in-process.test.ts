// The suite runs dealer in process (test/helpers/cli.ts): these hold that runner to the binary. The
// same commands give the same exit code, stdout and stderr both ways; what a real process would get
// from its own start (a fresh module state, its exit closing files) holds in process too.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeAll(() => {
  s = sandbox('2026-03-02');
  s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--tier', 'A']);
  s.ok(['visit', '1', '--kind', 'call', '--note', 'asked for a quote']);
});
afterAll(() => s.cleanup());

describe('in process, as the binary', () => {
  // One of each way a run ends: data, a table, help, the version (process.exit), a usage error
  // (exit 2), an unknown command with a suggestion, a failure (exit 1), a write, Chinese.
  const runs: [string, string[]][] = [
    ['list --json', ['list', '--json']],
    ['today', ['today']],
    ['show', ['show', '1']],
    ['--help', ['--help']],
    ['visit --help', ['visit', '--help']],
    ['--version', ['--version']],
    ['no arguments', []],
    ['a bad option', ['list', '--tier', 'Q']],
    ['an unknown command', ['vist', '1']],
    ['an unknown id', ['show', '99']],
    ['a missing file', ['import', 'prospects', 'nowhere.csv']],
    ['a bad --lang', ['list', '--lang', 'fr']],
    ['Chinese', ['today', '--lang', 'zh']],
  ];
  it.each(runs)('%s: same code, stdout and stderr', (_, args) => {
    const inProcess = s.run(args);
    const binary = s.run(args, { binary: true });
    expect(inProcess).toEqual(binary);
  });

  it('a write: the same book either way', () => {
    const a = sandbox('2026-03-02');
    const b = sandbox('2026-03-02');
    try {
      const args = ['add-prospect', '李娜', '--phone', '13900139000', '--tier', 'O', '--note', 'wants a test drive'];
      expect(a.run(args)).toEqual(b.run(args, { binary: true }));
      const strip = (rows: Record<string, unknown>[]) => rows.map(({ created, updated, ...r }) => r);
      expect(strip(a.json(['list']))).toEqual(strip(b.json(['list'], {})));
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  it('a later import sees the settings of its own run, not an earlier one in the same process', () => {
    const t = sandbox('2026-03-02');
    try {
      const csv = (name: string, phone: string) => {
        const file = join(t.dir, `${phone}.csv`);
        writeFileSync(file, `name,phone\n${name},${phone}\n`);
        return file;
      };
      t.ok(['import', 'prospects', csv('Wang Lei', '13800138000')]);
      t.ok(['config', 'set', 'cadence.new', '5']);
      t.ok(['import', 'prospects', csv('Li Na', '13900139000')]);
      const next = t.json<{ name: string; nextCallback: string }[]>(['list']).map((p) => [p.name, p.nextCallback]);
      expect(next.sort()).toEqual([
        ['Li Na', '2026-03-07'],
        ['Wang Lei', '2026-03-03'],
      ]);
    } finally {
      t.cleanup();
    }
  });

  it('the run sees the sandbox home, never the real one', () => {
    // No DEALER_DB and no XDG_DATA_HOME: the book goes under the home folder, as os.homedir() says.
    const r = s.run(['add-prospect', 'Zhao Min', '--phone', '13700137000'], {
      env: { DEALER_DB: undefined, XDG_DATA_HOME: undefined },
    });
    expect(r.code, r.stderr).toBe(0);
    const book = join(s.dir, 'home', '.local', 'share', 'dealer', 'dealer.db');
    expect(s.run(['list', '--json'], { env: { DEALER_DB: book } }).stdout).toMatch(/Zhao Min/);
  });

  it("leaves the test's own environment and working folder as they were", () => {
    const cwd = process.cwd();
    process.env.DEALER_SUITE_MARK = 'kept';
    try {
      expect(s.run(['list']).code).toBe(0);
      expect(process.env.DEALER_SUITE_MARK).toBe('kept');
      expect(process.env.DEALER_DB).toBeUndefined();
      expect(process.cwd()).toBe(cwd);
    } finally {
      delete process.env.DEALER_SUITE_MARK;
    }
  });
});
