// What the second hostile review broke, one case each: ids past what JavaScript counts exactly,
// impossible dates through import and won/lost, reminders a removed contact left behind, a hold
// without a deposit, WeChat duplicates in an import, raw placeholders, loose numbers and dates,
// invisible marks, a file named as the book's folder, and a footer wider than the screen.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

const csv = (name: string, text: string) => {
  const path = join(s.dir, name);
  writeFileSync(path, text);
  return path;
};
const refused = (args: string[], message: RegExp, env?: Record<string, string>) => {
  const r = s.run(args, { env });
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect([1, 2]).toContain(r.code);
  return r;
};

describe('ids', () => {
  it('a new prospect after an imported id of 2^53 - 1 is refused, not given an id dealer cannot read', () => {
    s.ok(['add-prospect', 'A', '--phone', '13900000001']);
    s.ok(['import', 'prospects', csv('max.csv', 'id,name,phone\n9007199254740991,Max,13900000034\n')]);
    refused(
      ['add-prospect', 'Next', '--phone', '13900000035'],
      /^error: no prospect can be added: .*#9007199254740991/,
    );
    expect(s.json<unknown[]>(['list'])).toHaveLength(2);
  });

  it('a referred_by naming nobody is found by a dry run too, before any commit', () => {
    const r = s.run([
      'import',
      'prospects',
      '--dry-run',
      csv('ref.csv', 'id,name,phone,referred_by\n5,A,13800000001,77\n'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/referred_by that is neither in the book nor in the file/);
  });
});
