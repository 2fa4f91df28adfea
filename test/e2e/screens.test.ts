// The real commands at 60, 80 and 120 columns, in English and Chinese: no line wider than the
// screen (so nothing wraps), and the phone shown whole. COLUMNS gives the width when stdout is not
// a terminal, as it is here.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { BIN, ROOT, sandbox, type Sandbox } from '../helpers/cli.js';
import { atTerminal } from '../helpers/terminal.js';

let s: Sandbox;
/** Kept as the customer gave it; the tables must show it whole. */
const PHONE = '+86 138 0013 8000';
beforeAll(() => {
  s = sandbox('2026-03-02');
  const add = (name: string, phone: string, ...more: string[]) =>
    s.ok(['add-prospect', name, '--phone', phone, '--next', '2026-03-02', ...more]);
  add('👨‍👩‍👧‍👦 Zhang family 张家', PHONE, '--interest', 'BMW 3 Series 325Li M Sport 宝马3系', '--within', '1w');
  add('Maximilian Alexander Featherstonehaugh', '13900139000', '--org', 'Featherstonehaugh Logistics International');
  add(
    '小雨❤️🌸 Liam 👍🏽 🇨🇳',
    '13700137000',
    '--note',
    '周末带家人来看车，关心油耗和保养费用，想要白色，还在和奥迪A4L比较',
  );
  s.ok([
    'visit',
    '1',
    '--kind',
    'test-drive',
    '--note',
    'Loved the drive; wife worried about the running costs and the boot size',
  ]);
  s.ok(['consult', '1', '--set', 'budget=about 300k, paying partly by loan and partly by trading in the old Passat']);
});
afterAll(() => s.cleanup());

const COMMANDS = [
  ['today'],
  ['list'],
  ['show', '1'],
  ['script', 'consult', '--for', '1'],
  ['script'],
  ['report', '--format', 'table'],
  ['config', 'list'],
  ['undo', '--list'],
  ['classify', '--all'],
];

describe.each(['en', 'zh'])('%s', (lang) => {
  it.each([60, 80, 120])('every screen fits %i columns', (width) => {
    for (const args of width === 80 ? COMMANDS.slice(0, 4) : COMMANDS) {
      const r = s.run(['--lang', lang, ...args], { env: { COLUMNS: String(width) } });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      const lines = r.stdout.split('\n');
      const over = lines.filter((l) => stringWidth(l) > width);
      expect(over, `dealer ${args.join(' ')} at ${width}`).toEqual([]);
      const phones = {
        today: ['13900139000', '13700137000'],
        list: [PHONE, '13900139000', '13700137000'],
        show: [PHONE],
      };
      for (const phone of phones[args[0] as keyof typeof phones] ?? []) expect(r.stdout).toContain(phone);
    }
  });
});

it('without a terminal or COLUMNS, rows are whole', () => {
  const out = s.ok(['list']).stdout;
  expect(out).toContain('BMW 3 Series 325Li M Sport 宝马3系');
});

describe('at a real 60-column terminal, in colour', () => {
  it.each([
    ['en', ['today']],
    ['zh', ['today']],
    ['en', ['list']],
    ['zh', ['show', '1']],
    ['en', ['script', 'consult', '--for', '1']],
    ['zh', ['config', 'list']],
  ])('%s %j fits', (lang, args) => {
    const r = atTerminal(s, ['--lang', lang, ...args], [], { NO_COLOR: '', FORCE_COLOR: '' }, { cols: 60 });
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/\u001b\[\d+m/); // colour is on: the width came from the terminal itself
    const lines = r.output.split(/\r?\n/);
    expect(lines.filter((l) => stringWidth(l) > 60)).toEqual([]);
  });
});

describe('the Unicode width tables load only when a name needs them', () => {
  const loads = (book: Sandbox, args: string[]) => {
    const trace = join(book.dir, 'trace.txt');
    const r = spawnSync(
      process.execPath,
      ['--import', join(ROOT, 'test', 'helpers', 'trace-loads.mjs'), BIN, ...args],
      {
        env: { ...book.env, DEALER_TRACE_FILE: trace, COLUMNS: '80' },
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(trace, 'utf8').includes('string-width');
  };

  it('not for English and Chinese names, but for an emoji one', () => {
    const plain = sandbox('2026-03-02');
    try {
      plain.ok(['add-prospect', '王磊 Wang Lei', '--phone', '13800138000', '--next', '2026-03-02']);
      expect(loads(plain, ['today'])).toBe(false);
      expect(loads(plain, ['list'])).toBe(false);
      plain.ok(['add-prospect', '小雨❤️', '--phone', '13900139000', '--next', '2026-03-02']);
      expect(loads(plain, ['today'])).toBe(true);
    } finally {
      plain.cleanup();
    }
  });
});
