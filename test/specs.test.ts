// The command table's types: an option's flag decides its name and type in the command's input.
// The type checker is the judge, so this compiles test/types/specs.check.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argNames, COMMANDS } from '../src/specs.js';
import { ROOT } from './helpers/cli.js';

describe('command specs', () => {
  it('derive each command input from its flags and arguments', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'test', 'types', 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it('name positional arguments as commander passes them, in order', () => {
    expect(argNames('<action> <contact-id>')).toEqual(['action', 'contactId']);
    expect(argNames('[action] [key] [value]')).toEqual(['action', 'key', 'value']);
    expect(argNames('<field...>')).toEqual(['field']);
    expect(argNames('')).toEqual([]);
  });

  it('have a module each, with a run, and a line in both catalogues', async () => {
    const { en } = await import('../src/i18n/en.js');
    const { zh } = await import('../src/i18n/zh.js');
    for (const name of Object.keys(COMMANDS)) {
      const mod = (await import(`../src/commands/${name}.ts`)) as { run?: unknown };
      expect(typeof mod.run, name).toBe('function');
      const key = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      expect(en.cmd, name).toHaveProperty(key);
      expect(zh.cmd, name).toHaveProperty(key);
    }
  });

  it('offer for completion the words the commands accept', async () => {
    const { KINDS_OF_REPORT } = await import('../src/commands/report.js');
    expect(COMMANDS.report.choices).toEqual(KINDS_OF_REPORT);
  });

  it('declare each flag once per command', () => {
    for (const [name, spec] of Object.entries(COMMANDS)) {
      const longs = spec.options.map(([flags]) => flags.split(' ')[0]);
      expect(new Set(longs).size, name).toBe(longs.length);
    }
  });
});
