// A name, note or interest holding terminal control sequences (typed, pasted from a chat, or in a
// third party's CSV) is kept exactly, but no screen, error line or calendar ever receives it raw.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { atTerminal } from '../helpers/terminal.js';

const ESC = '\u001b';
/** Clear screen, window title, hyperlink, carriage return, backspace, bell, RTL override, 8-bit CSI, conceal. */
const HOSTILE =
  `Evil${ESC}[2J${ESC}]0;pwned\u0007${ESC}]8;;http://x.example${ESC}\\link${ESC}]8;;${ESC}\\` +
  `\rX\bY\u0007Z\u202eRTL\u009bC${ESC}[8mhidden`;
/** NUL cannot pass through a command line: it arrives in a CSV. */
const FROM_CSV = `Nul\u0000Name${ESC}[31m\u202e`;

/** Any control character but the line feed that separates lines of output. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const clean = (text: string) => {
  const hit = RAW.exec(text);
  return hit
    ? `raw U+${hit[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${JSON.stringify(text.slice(Math.max(0, hit.index - 20), hit.index + 20))}`
    : 'clean';
};

let s: Sandbox;
beforeAll(() => {
  s = sandbox('2026-03-02');
  s.ok([
    'add-prospect',
    HOSTILE,
    '--phone',
    '13800138000',
    '--note',
    HOSTILE,
    '--interest',
    HOSTILE,
    '--next',
    '2026-03-02',
  ]);
  s.ok(['visit', '1', '--kind', 'call', '--note', HOSTILE, '--next', '2026-03-02']);
  const csv = join(s.dir, 'third-party.csv');
  writeFileSync(csv, `name,phone,interest,note\r\n"${FROM_CSV}",13900139000,"${FROM_CSV}","${FROM_CSV}"\r\n`);
  s.ok(['import', 'prospects', csv]);
  s.ok(['config', 'set', 'store.name', HOSTILE]);
});
afterAll(() => s.cleanup());

describe('no control character reaches the screen', () => {
  it.each([
    ['today', ['today']],
    ['list', ['list']],
    ['show', ['show', '1']],
    ['show (from a CSV)', ['show', '2']],
    ['script --for', ['script', 'consult', '--for', '1']],
    ['report --format table', ['report', '--format', 'table']],
    ['config list', ['config', 'list']],
    ['config get', ['config', 'get', 'store.name']],
    ['the add confirmation', ['add-prospect', `${HOSTILE}2`, '--phone', '13700137000']],
    ['the visit confirmation', ['visit', '2', '--kind', 'call', '--note', HOSTILE]],
    ['an error line quoting the input', ['show', HOSTILE]],
    ['an error line naming the duplicate', ['add-prospect', 'Someone', '--phone', '13800138000']],
    ['the import messages', ['import', 'prospects', 'third-party.csv', '--dry-run']],
  ])('%s', (_what, args) => {
    const r = s.run(args);
    expect(r.stdout + r.stderr).not.toBe('');
    expect(clean(r.stdout)).toBe('clean');
    expect(clean(r.stderr)).toBe('clean');
  });

  it('shows the characters visibly instead of dropping them', () => {
    const out = s.ok(['show', '1']).stdout;
    expect(out).toContain('Evil\\x1b[2J\\x1b]0;pwned\\x07');
    expect(out).toContain('\\rX\\x08Y');
    expect(out).toContain('\\u202eRTL\\u009bC');
    expect(s.ok(['show', '2']).stdout).toContain('Nul\\x00Name');
  });

  it('with colour on, only dealer’s own colour codes reach the terminal', () => {
    for (const args of [['today'], ['list'], ['show', '1'], ['script', 'consult', '--for', '1']]) {
      const r = s.run(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
      expect(r.code).toBe(0);
      const escapes = r.stdout.match(/\u001b\[[0-9;]*m/g) ?? [];
      expect(escapes.length).toBeGreaterThan(0); // colour really is on
      const withoutOwn = r.stdout.replace(/\u001b\[(?:1|2|22|31|32|33|39)m/g, '');
      expect(clean(withoutOwn)).toBe('clean');
      // A typed style code (conceal) is shown, not obeyed.
      expect(r.stdout).toContain('\\x1b[8mhidden');
    }
    // Even a colour code dealer itself uses is shown when it was typed.
    const card = s.run(['show', '2'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout;
    expect(card).toContain('Nul\\x00Name\\x1b[31m');
  });

  it('the calendar holds no control character', () => {
    s.ok(['calendar', '--out', 'callbacks.ics']);
    const ics = readFileSync(join(s.dir, 'callbacks.ics'), 'utf8');
    expect(ics).toContain('SUMMARY:');
    expect(clean(ics.replace(/\r\n/g, '\n'))).toBe('clean');
    expect(ics.replace(/\r\n /g, '')).toContain('Evil\\\\x1b[2J');
  });
});

describe('what was typed is kept', () => {
  it('--json gives back the exact text, and is still safe on a terminal', () => {
    const r = s.run(['list', '--json']);
    const found = JSON.parse(r.stdout) as { name: string; interest: string }[];
    expect(found.map((p) => p.name)).toEqual(expect.arrayContaining([HOSTILE, FROM_CSV]));
    expect(found.find((p) => p.name === HOSTILE)!.interest).toBe(HOSTILE);
    expect(clean(r.stdout)).toBe('clean');
    const shown = s.json<{ note: string; contacts: { note: string }[] }>(['show', '1']);
    expect(shown.note).toBe(HOSTILE);
    expect(shown.contacts[0]!.note).toBe(HOSTILE);
  });

  it('a CSV export carries the exact text into another book', () => {
    s.ok(['report', 'prospects', '--out', 'out.csv']);
    const other = sandbox('2026-03-02');
    try {
      other.ok(['import', 'prospects', join(s.dir, 'out.csv')]);
      const names = other.json<{ name: string; interest: string }[]>(['list']).map((p) => [p.name, p.interest]);
      expect(names).toEqual(
        expect.arrayContaining([
          [HOSTILE, HOSTILE],
          [FROM_CSV, FROM_CSV],
        ]),
      );
    } finally {
      other.cleanup();
    }
  });
});

describe('an export read on a terminal', () => {
  it('shows the CSV’s control characters instead of obeying them', () => {
    const r = atTerminal(s, ['report', 'prospects'], [], {}, { cols: 120 });
    expect(r.code).toBe(0);
    expect(r.output).toContain('Evil\\x1b[2J');
    expect(clean(r.output.replace(/\r\n/g, '\n'))).toBe('clean');
  });
});
