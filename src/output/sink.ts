// Where a report or calendar goes: stdout, or a file written safely — a temporary file beside the
// target, fsynced and renamed over it, mode 0600 — so a failed or interrupted export leaves any
// existing file untouched and no temporary file behind.
import { once } from 'node:events';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { usage } from '../domain/errors.js';
import type { Target } from '../domain/target.js';
import { screen } from './screen.js';
import { alive } from '../system/pid.js';

export interface Sink {
  write(text: string | Uint8Array): Promise<void> | void;
  /** Makes the output final (renames the file into place). */
  done(): Promise<void> | void;
  /** Throws the output away; the target is left as it was. */
  abort(): void;
  /** The file written, or null for stdout. */
  path: string | null;
}

export function toStdout(): Sink {
  return {
    path: null,
    write: async (text) => {
      // CSV or a calendar read on a terminal: its stored control characters are shown, not obeyed.
      // Redirected to a file or a program, the text stays exact.
      const out = process.stdout.isTTY && typeof text === 'string' ? screen(text.replace(/\r\n/g, '\n'), false) : text;
      if (!process.stdout.write(out)) await once(process.stdout, 'drain');
    },
    done: () => {},
    abort: () => {},
  };
}


/** Temporary files a killed dealer left for this target (kill -9 gives no chance to clean up). */
function removeStale(target: string): void {
  const prefix = `.${basename(target)}.`;
  for (const f of readdirSync(dirname(target))) {
    const pid = Number(f.slice(prefix.length, -'.tmp'.length));
    if (f.startsWith(prefix) && f.endsWith('.tmp') && Number.isInteger(pid) && !alive(pid)) {
      rmSync(join(dirname(target), f), { force: true });
    }
  }
}

/** `--out`: absent or `-` is the screen; anything else a file, vetted by the caller. */
export function wantsFile(out: string | undefined): out is string {
  return out !== undefined && out !== '-';
}

/** A file target: only src/store/target.ts makes one, after refusing the book, devices and the like. */
export function toFile(target: Target): Sink {
  if (!existsSync(dirname(target))) throw usage('noFolder', { path: dirname(target) });
  if (existsSync(target) && !statSync(target).isFile()) throw usage('notAFile', { path: target });
  removeStale(target);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  // Ctrl-C or a kill mid-export: drop the temporary file and leave the target alone. Listening
  // starts before the file exists: a signal landing in between would otherwise kill the process
  // with the default action and leave the file behind.
  let fd: number | undefined;
  const abort = () => {
    if (fd === undefined) return;
    closeSync(fd);
    fd = undefined;
    rmSync(temp, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    abort();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const release = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    fd = openSync(temp, 'wx', 0o600);
  } catch (e) {
    release();
    throw e;
  }
  const file = fd;
  return {
    path: target,
    write: async (text) => {
      if (typeof text === 'string') writeSync(file, text);
      else for (let at = 0; at < text.length;) at += writeSync(file, text, at);
      // Let Ctrl-C reach the handler above between batches of a long export.
      await new Promise((resume) => setImmediate(resume));
    },
    done: () => {
      fsyncSync(file);
      closeSync(file);
      fd = undefined;
      chmodSync(temp, 0o600);
      renameSync(temp, target);
      if (process.platform !== 'win32') {
        const dir = openSync(dirname(target), 'r');
        fsyncSync(dir);
        closeSync(dir);
      }
      release();
    },
    abort: () => {
      abort();
      release();
    },
  };
}
