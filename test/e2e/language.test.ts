// The language is decided once, before anything prints (issue 11 item 6): --lang, DEALER_LANG, the
// book's own setting, then the locale. Errors, help and output all speak the same one.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

describe('config set lang', () => {
  it('makes errors, usage errors and help Chinese too, until unset', () => {
    s.ok(['config', 'set', 'lang', 'zh']);
    expect(s.run(['show', '9']).stderr).toMatch(/^error: 没有编号为 #9 的客户/);
    expect(s.run(['visit', '1', '--bogus']).stderr).toMatch(/^error: 未知选项 --bogus/);
    expect(s.run(['--help']).stdout).toContain('用法');
    expect(s.run(['show', '9'], { env: { DEALER_LANG: 'en' } }).stderr).toMatch(/^error: no prospect #9/);
    expect(s.run(['--lang', 'en', 'show', '9']).stderr).toMatch(/^error: no prospect #9/);
    s.ok(['config', 'unset', 'lang']);
    expect(s.run(['show', '9']).stderr).toMatch(/^error: no prospect #9/);
  });

  it('follows the book: another --db has its own language, a restore brings the old one back', () => {
    s.ok(['config', 'set', 'lang', 'zh']);
    const other = `${s.dir}/other.db`;
    expect(s.run(['--db', other, 'show', '9']).stderr).toMatch(/^error: no prospect #9/);
    s.ok(['backup', `${s.dir}/zh.db`]);
    s.ok(['config', 'unset', 'lang']);
    // The mirror beside the book now says it has no language of its own.
    expect(readFileSync(`${s.db}-lang`, 'utf8')).toMatch(/^lang=$/m);
    s.ok(['restore', `${s.dir}/zh.db`, '--yes']);
    expect(s.run(['show', '9']).stderr).toMatch(/^error: 没有编号为 #9 的客户/);
  });
});

describe('Chinese output', () => {
  it('puts a full-width colon between a label and its value', () => {
    s.ok(['add-prospect', '王磊', '--phone', '13800138000', '--tier', 'A']);
    const visit = s.ok(['--lang', 'zh', 'visit', '1', '--kind', 'showroom']).stdout;
    const classify = s.ok(['--lang', 'zh', 'classify', '1', '--tier', 'O']).stdout;
    for (const out of [visit, classify]) {
      expect(out).toContain('下次回访：');
      expect(out).not.toMatch(/[^\x00-\x7f]: /);
    }
  });
});
