// `man dealer`: the page tools/man-page.mjs makes from the built CLI's --help renders without a
// single troff warning, names every command, and says what --help says.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { BIN, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dealer-man-test-'));
const page = join(dir, 'dealer.1');
let rendered = '';

/** The commands dealer has, from the descriptions every command must have (not from the help). */
const COMMANDS = Object.keys(en.cmd)
  .filter((k) => k !== 'dealer')
  .map((k) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

beforeAll(() => {
  const made = spawnSync(process.execPath, [join(ROOT, 'tools', 'man-page.mjs'), page], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  // -ww: every warning; -z: no output, only the warnings.
  const check = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', page], { encoding: 'utf8' });
  expect(check.error, 'groff is needed to check the man page').toBeUndefined();
  expect(check.stderr).toBe('');
  const text = spawnSync('groff', ['-man', '-Tutf8', '-P-c', '-P-b', '-P-u', page], { encoding: 'utf8' });
  rendered = text.stdout;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('renders: a name line, a synopsis, the sections of dealer --help', () => {
  expect(rendered).toMatch(/^NAME\n\s+dealer - Prospects, contacts and follow-ups/m);
  expect(rendered).toMatch(/^SYNOPSIS\n\s+dealer \[options\] \[command\]/m);
  expect(rendered).toMatch(/^OPTIONS$/m);
  expect(rendered).toMatch(/^COMMAND DETAILS$/m);
});

it.each(COMMANDS)('lists %s, with its own section', (name) => {
  expect(readFileSync(page, 'utf8')).toMatch(new RegExp(`^\\.SS "dealer ${name.replace(/-/g, '\\\\-')}( |")`, 'm'));
  expect(rendered).toMatch(new RegExp(`^ {3}dealer ${name}( |$)`, 'm'));
});

it("says what a command's --help says: every option, every example, Chinese included", () => {
  const help = spawnSync(process.execPath, [BIN, 'import', '--help'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: dir, LANG: 'C', DEALER_LANG: 'en' },
  }).stdout;
  const start = rendered.indexOf('   dealer import');
  const end = rendered.slice(start + 1).search(/^ {3}dealer /m);
  const section = rendered.slice(start, end < 0 ? undefined : start + 1 + end);
  expect(section).not.toMatch(/dealer calendar \[/);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  for (const flag of help.match(/--[a-z-]+/g)!) expect(section).toContain(flag);
  for (const example of help.match(/^ {2}\$ .*$/gm)!) expect(flat(section)).toContain(flat(example.trim()));
  expect(section).toContain('客户.csv');
});

it('the man page is what npm installs: package.json names it and ships it', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { man: string[]; files: string[] };
  expect(pkg.man).toEqual(['man/dealer.1']);
  expect(pkg.files).toContain('man');
});
