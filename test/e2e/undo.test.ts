// Undo in the everyday sequences of issue 10: each one restores the book exactly (rows, rowids,
// the journal itself), through the real binary. Random sequences are in test/store/undo.property.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { dumpFile } from '../helpers/dump.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
  s.ok(['add-prospect', 'Li Na', '--phone', '13900139000']);
});
afterEach(() => s.cleanup());

/** Runs each command, then undoes them one by one, checking the book against the dump before each. */
function undoesExactly(commands: string[][]) {
  const dumps: string[] = [];
  for (const c of commands) {
    dumps.push(dumpFile(s.db));
    s.ok(c);
  }
  for (const before of dumps.reverse()) {
    s.ok(['undo', '--yes']);
    expect(dumpFile(s.db)).toBe(before);
  }
}

describe('undo restores the exact previous book', () => {
  it('a showroom visit, then a deposit call holding 3 days', () => {
    undoesExactly([
      ['visit', '2', '--kind', 'showroom'],
      ['visit', '2', '--kind', 'call', '--stage', 'deposit', '--hold', '3d'],
    ]);
  });

  it('edit --phone on the newest prospect', () => {
    undoesExactly([['edit', '2', '--phone', '13700137000']]);
  });

  it('an import naming an id below the highest (issue 10, item 6): the prospect goes with its phone', () => {
    const csv = (name: string, text: string) => {
      writeFileSync(join(s.dir, name), text);
      return join(s.dir, name);
    };
    undoesExactly([
      ['import', 'prospects', csv('high.csv', 'id,name,phone\n9,Zhou Min,13700137000\n')],
      ['import', 'prospects', csv('low.csv', 'id,name,phone\n5,Sun Yu,13600136000\n')],
      ['add-prospect', 'Ma Li', '--phone', '13500135000'],
    ]);
    // The number is free again: the duplicate guard does not see a ghost.
    s.ok(['add-prospect', 'Sun Yu', '--phone', '13600136000']);
  });

  it('won when the deposit reminder is the newest row', () => {
    undoesExactly([
      ['visit', '2', '--kind', 'showroom', '--stage', 'deposit', '--hold', '3d'],
      ['won', '2'],
    ]);
  });
});
