// A Context for calling a command's function directly: a temporary book, a fixed clock, captured
// output, and scripted answers in place of a terminal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../../src/context.js';
import { dayOf, stampOf } from '../../src/domain/dates.js';
import { en } from '../../src/i18n/en.js';
import { scripted } from './scripted.js';
import { openBook } from '../../src/store/db.js';

export function testContext(opts: { answers?: (string | boolean)[]; interactive?: boolean; now?: Date } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dealer-ctx-'));
  const now = opts.now ?? new Date(2026, 2, 2, 9, 0, 0);
  const out: string[] = [];
  const told: string[] = [];
  const ask = scripted(opts.answers ?? []);
  const ctx: Context = {
    t: en,
    now,
    today: dayOf(now),
    stamp: stampOf(now),
    dbPath: join(dir, 'dealer.db'),
    json: false,
    interactive: opts.interactive ?? false,
    width: undefined,
    height: undefined,
    terminal: false,
    print: (text) => void out.push(text),
    printJson: (value) => void out.push(JSON.stringify(value)),
    tell: (text) => void told.push(text),
    hint: (text) => void told.push(text),
    progress: () => {},
    // Writes are journaled as the CLI's are, so undo has something to take back.
    open: (mode) =>
      openBook(join(dir, 'dealer.db'), {
        create: mode !== 'read',
        now,
        journal: mode === 'write' ? { label: 'test', at: () => stampOf(now) } : undefined,
      }),
    close: () => {},
    ask: async () => ask,
  };
  return { ctx, out, told, ask, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
