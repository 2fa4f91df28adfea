// Paths that need the binary and had no test: dealer demo's run, the table reports, colour on a
// terminal that asks for it, and --help for every command in both languages. One sample book for the
// file: the reports and colour only read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
let demo: string;
beforeAll(() => {
  s = sandbox('2026-03-02');
  const r = s.ok(['demo', '--json']);
  demo = (JSON.parse(r.stdout) as { path: string }).path;
});
afterAll(() => s.cleanup());

const inDemo = (args: string[], env?: Record<string, string | undefined>) => s.run(['--db', demo, ...args], { env });

describe('dealer demo', () => {
  it('builds a sample book beside the real one, without touching it, with people due today', () => {
    expect(demo).toBe(`${s.dir}/book/demo.db`);
    const list = JSON.parse(inDemo(['list', '--json']).stdout) as unknown[];
    expect(list.length).toBeGreaterThanOrEqual(30);
    const due = JSON.parse(inDemo(['today', '--json']).stdout) as unknown[];
    expect(due.length).toBeGreaterThan(0);
    expect(s.json<unknown[]>(['list'])).toEqual([]);
  });

  it('tells a person what to try next', () => {
    const r = s.run(['demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sample book ready: \d+ prospects, \d+ contacts/);
    expect(r.stdout).toContain(`dealer --db ${demo} today`);
  });
});

describe('report --format table', () => {
  it.each([
    ['funnel', ['source', 'stage', 'reached', 'conversion_pct'], /^all +contacted +\d+/m],
    ['activity', ['date', 'call', 'total', 'goal', 'met'], /^2026-03-02 +\d+/m],
    ['tiers', ['tier', 'graded', 'bought_within_window', 'within_pct'], /^[OABC] +\d+/m],
  ])('%s draws a table with its columns and rows', (kind, headers, row) => {
    const r = inDemo(['report', kind, '--format', 'table']);
    expect(r.code, r.stderr).toBe(0);
    const [head] = r.stdout.split('\n');
    for (const h of headers) expect(head).toContain(h);
    expect(r.stdout).toMatch(row);
  });
});

describe('colour', () => {
  it('FORCE_COLOR=1 colours the morning list; NO_COLOR (the default here) keeps it plain', () => {
    const coloured = inDemo(['today'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toMatch(/\x1b\[\d+(;\d+)*m/);
    const plain = inDemo(['today']);
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    // The same words either way: colour is only paint.
    expect(coloured.stdout.replace(/\x1b\[\d+(;\d+)*m/g, '')).toBe(plain.stdout);
  });
});

describe('--help', () => {
  // The commands come from `dealer --help` itself: a new command is checked without editing this.
  it.each([
    ['en', 'Usage:', 'Examples:'],
    ['zh', '用法：', '示例：'],
  ])('every command has usage and an example, in %s', (lang, usageTitle, examplesTitle) => {
    const top = s.run(['--lang', lang, '--help']);
    expect(top.code).toBe(0);
    const listed = [...top.stdout.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(listed.length).toBeGreaterThanOrEqual(20);
    const missing: string[] = [];
    for (const name of listed) {
      const r = s.run(['--lang', lang, name, '--help']);
      const fine =
        r.code === 0 &&
        r.stdout.startsWith(`${usageTitle} dealer ${name}`) &&
        r.stdout.includes(examplesTitle) &&
        r.stdout.includes(`$ dealer ${name}`);
      if (!fine) missing.push(`${name}: exit ${r.code}\n${r.stdout}${r.stderr}`);
    }
    expect(missing).toEqual([]);
  });
});
