// Drives dealer through a real pseudo-terminal (python3's pty module), so Inquirer's prompts, keys
// and Ctrl-C are exercised as a person at a terminal would.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, type Sandbox } from './cli.js';

export interface Step {
  after: string;
  send?: string;
  /** INT: Ctrl-C typed at the terminal; SIGINT: the signal sent to the process. */
  signal?: 'INT' | 'SIGINT';
  /** Seconds to wait for `after` (default 30); shorter only where a test expects it never to come. */
  within?: number;
}

/** `size`: the terminal's columns (and rows), as a window of that size would report them. */
export function atTerminal(
  s: Sandbox,
  args: string[],
  steps: Step[],
  env: Record<string, string> = {},
  size: { cols?: number; rows?: number } = {},
) {
  const spec = join(s.dir, `pty-${Date.now()}.json`);
  writeFileSync(
    spec,
    JSON.stringify({
      argv: [process.execPath, BIN, ...args],
      env: { ...s.env, TERM: 'xterm', ...env },
      steps,
      ...size,
    }),
  );
  const r = spawnSync('python3', [join(ROOT, 'test', 'helpers', 'terminal.py'), spec], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  const result = JSON.parse(r.stdout) as { code?: number; output: string; error?: string };
  if (result.error) throw new Error(`${result.error}\n--- output ---\n${result.output}`);
  return result as { code: number; output: string };
}

export const ENTER = '\r';
export const DOWN = '\u001b[B';
