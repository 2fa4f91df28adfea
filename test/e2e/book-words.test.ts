// The language and the trade are decided once, before anything prints (issue 12 item 4): from a
// mirror beside the book when it describes the book as it is, else from the book's own settings.
// The context is built with the trade's stage names and never changes them afterwards.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
  s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--next', '2026-03-02']);
  s.ok(['visit', '1', '--kind', 'showroom', '--stage', 'presented', '--next', '2026-03-02']);
});
afterEach(() => s.cleanup());

const mirror = () => readFileSync(`${s.db}-lang`, 'utf8');
// "viewing" is real estate's name for the car's "presented".
const speaksRealEstate = () => expect(s.ok(['today']).stdout).toMatch(/\bviewing\b/);

describe("the book's words", () => {
  it('config set trade: the next run names the stages the trade\'s way, and unset brings the car\'s back', () => {
    s.ok(['config', 'set', 'trade', 'real-estate']);
    expect(mirror()).toMatch(/^trade=real-estate$/m);
    speaksRealEstate();
    s.ok(['config', 'unset', 'trade']);
    expect(s.ok(['today']).stdout).toMatch(/\bpresented\b/);
  });

  it('with no mirror, the book is read first: its trade and language win from the first line', () => {
    s.ok(['config', 'set', 'trade', 'real-estate']);
    s.ok(['config', 'set', 'lang', 'zh']);
    rmSync(`${s.db}-lang`);
    expect(s.ok(['today']).stdout).toMatch(/今天到期.*\n[\s\S]*已带看/);
    expect(mirror()).toMatch(/^lang=zh\ntrade=real-estate\nbook=\S+$/m);
  });

  it('a mirror that describes another file (a book copied over this one) is not believed', () => {
    const other = `${s.dir}/other.db`;
    s.ok(['backup', other]);
    s.ok(['config', 'set', 'trade', 'real-estate']);
    // The old copy, with no trade, put back by hand: the mirror still says real estate.
    copyFileSync(other, s.db);
    expect(mirror()).toMatch(/^trade=real-estate$/m);
    expect(s.ok(['today']).stdout).toMatch(/\bpresented\b/);
    expect(mirror()).toMatch(/^trade=$/m);
  });

  it('a mirror written before it held the trade (a bare "zh") is not believed: the book is read first', () => {
    s.ok(['config', 'set', 'trade', 'real-estate']);
    s.ok(['config', 'set', 'lang', 'zh']);
    writeFileSync(`${s.db}-lang`, 'en');
    // Even help, printed before any command runs, speaks the book's language, not the old mirror's.
    expect(s.ok(['--help']).stdout).toContain('用法');
    expect(mirror()).toMatch(/^lang=zh\ntrade=real-estate\nbook=\S+$/m);
  });

  it('with the mirror gone, help and a usage error speak the book\'s language, not the locale\'s', () => {
    s.ok(['config', 'set', 'lang', 'zh']);
    rmSync(`${s.db}-lang`);
    const bad = s.run(['show', '1', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: 未知选项/);
    rmSync(`${s.db}-lang`);
    expect(s.ok(['--help']).stdout).toContain('用法');
    // Help left nothing behind but the mirror it rewrote.
    expect(mirror()).toMatch(/^lang=zh$/m);
    expect(existsSync(`${s.db}-wal`)).toBe(false);
  });

  it('a FIFO, a link to /dev/zero or a huge file in the mirror\'s place is ignored, never read or written through', () => {
    s.ok(['config', 'set', 'lang', 'zh']);
    const side = `${s.db}-lang`;
    rmSync(side);
    execFileSync('mkfifo', [side]);
    expect(s.ok(['--help']).stdout).toContain('用法');
    expect(s.ok(['list']).stdout).toContain('Wang Lei');
    rmSync(side);
    symlinkSync('/dev/zero', side);
    expect(s.ok(['--help']).stdout).toContain('用法');
    expect(lstatSync(side).isSymbolicLink()).toBe(true);
    rmSync(side);
    writeFileSync(side, 'lang=en\n'.repeat(100_000));
    expect(s.ok(['--help']).stdout).toContain('用法');
  });

  it('a FIFO in place of the checked stamp does not hang a write', () => {
    rmSync(`${s.db}-checked`, { force: true });
    execFileSync('mkfifo', [`${s.db}-checked`]);
    s.ok(['visit', '1', '--kind', 'call', '--note', 'after the fifo']);
    expect(s.ok(['contacts', '1']).stdout).toContain('after the fifo');
  });

  it('a reading run leaves the mirror as it was', () => {
    s.ok(['config', 'set', 'trade', 'real-estate']);
    s.ok(['today']);
    const before = mirror();
    s.ok(['today']);
    s.ok(['list']);
    expect(mirror()).toBe(before);
  });
});
