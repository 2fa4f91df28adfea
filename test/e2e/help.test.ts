// What `dealer --help` tells a newcomer (commands by group, the environment, exit codes), the
// global --json, and shell completion written from the command table.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeAll(() => {
  s = sandbox();
  s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
  s.ok(['add-prospect', '李娜', '--phone', '13900139000']);
});
afterAll(() => s.cleanup());

const headings = (text: string) => text.split('\n').filter((l) => /^\S.*[:：]$/.test(l));

describe('dealer --help', () => {
  it('groups the commands, then lists the environment and exit codes, in English and Chinese', () => {
    const en = s.ok(['--help']).stdout;
    expect(headings(en)).toEqual([
      'Options:',
      'Daily:',
      'Prospects:',
      'Scripts:',
      'Reports and exchange:',
      'Safety:',
      'Setup:',
      'Environment:',
      'Exit codes:',
    ]);
    expect(en).toMatch(/Daily:\n {2}today .*\n {2}visit <id>/);
    for (const name of ['DEALER_DB', 'DEALER_LANG', 'DEALER_NOW', 'NO_COLOR', 'FORCE_COLOR'])
      expect(en).toContain(`  ${name} `);
    expect(en).toMatch(/^ {2}2 +something typed is wrong/m);
    const zh = s.ok(['--help', '--lang', 'zh']).stdout;
    expect(headings(zh)).toEqual([
      '选项：',
      '每天：',
      '客户：',
      '话术：',
      '报表与导入导出：',
      '安全：',
      '设置：',
      '环境变量：',
      '退出码：',
    ]);
    expect(zh).toContain('  DEALER_NOW ');
  });

  it('help for an unknown command is a usage error (exit 2), as the unknown command itself is', () => {
    const r = s.run(['help', 'bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown command "bogus"/);
  });

  it('a root-level error points at `dealer --help`, with one space', () => {
    const r = s.run(['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('see: dealer --help\n');
  });

  it('--json works before the command as after it', () => {
    expect(s.run(['--json', 'show', '1']).stdout).toBe(s.run(['show', '1', '--json']).stdout);
    expect(JSON.parse(s.run(['--json', 'report', 'funnel']).stdout)).toEqual(
      JSON.parse(s.run(['report', 'funnel', '--json']).stdout),
    );
    // A command without JSON output still says so, wherever --json was put.
    expect(s.run(['--json', 'calendar']).code).toBe(2);
  });
});

describe('dealer completion', () => {
  /** Runs bash's completion function as Tab would, `dealer` being this build on the sandbox's book. */
  function complete(script: string, words: string[]): string[] {
    const file = join(s.dir, 'dealer.bash');
    writeFileSync(file, script);
    const driver = [
      `source ${JSON.stringify(file)}`,
      `dealer() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }`,
      `[[ $(complete -p dealer) == *"-F _dealer"* ]] || exit 3`,
      `COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')})`,
      'COMP_CWORD=$((${#COMP_WORDS[@]} - 1))',
      '_dealer',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const r = spawnSync('bash', ['-c', driver], { env: s.env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.split('\n').filter(Boolean);
  }

  it('bash: the script parses, and completes commands, options, topics and ids from the book', () => {
    const script = s.ok(['completion', 'bash']).stdout;
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(complete(script, ['dealer', 'vi'])).toEqual(['visit']);
    expect(complete(script, ['dealer', 'visit', '1', '--hold'])).toEqual(['--hold', '--hold-until']);
    expect(complete(script, ['dealer', 'show', ''])).toEqual(['1', '2']);
    expect(complete(script, ['dealer', 'add-prospect', 'Zhou', '--referred-by', ''])).toEqual(['1', '2']);
    expect(complete(script, ['dealer', 'add-prospect', '--phone', ''])).toEqual([]);
    expect(complete(script, ['dealer', 'script', 'negot'])).toEqual(['negotiate']);
    expect(complete(script, ['dealer', 'report', 'f'])).toEqual(['funnel']);
  });

  it('ids come with names, one a line, for zsh and fish to show', () => {
    expect(s.ok(['completion', 'ids']).stdout).toBe('1\tWang Lei\n2\t李娜\n');
    const zsh = s.ok(['completion', 'zsh']).stdout;
    expect(zsh).toMatch(/^#compdef dealer\n/);
    expect(zsh).toContain("'visit:record a contact, book the next callback'");
    const fish = s.ok(['completion', 'fish']).stdout;
    expect(fish).toContain('complete -c dealer -n "__fish_seen_subcommand_from visit" -l hold-until -r -d');
    expect(fish).toContain('complete -c dealer -n "__fish_seen_subcommand_from show" -a \'(__dealer_ids)\'');
  });

  it('an unknown shell is a usage error', () => {
    const r = s.run(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*tcsh.* bash, zsh, fish/);
  });
});
