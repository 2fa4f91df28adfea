// A person at a terminal, played by a list of answers: for tests of interactive flows.
import type { Ask } from '../../src/input/ask.js';

/**
 * Answers given in advance, in order ('' is Enter: the default); for tests of interactive flows.
 * A refused answer is recorded and the question asked again with the next answer, as a person
 * at a terminal would retype it; `offered` keeps the choices each menu showed.
 */
export function scripted(
  answers: (string | boolean)[],
): Ask & { asked: string[]; rejected: string[]; offered: string[][] } {
  const queue = [...answers];
  const asked: string[] = [];
  const rejected: string[] = [];
  const offered: string[][] = [];
  const next = (message: string) => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`no scripted answer for "${message}"`);
    return queue.shift()!;
  };
  return {
    asked,
    rejected,
    offered,
    async text(message, opts) {
      for (;;) {
        const v = String(next(message));
        const ok = opts?.validate?.(v) ?? true;
        if (ok === true) return v === '' && opts?.initial !== undefined ? opts.initial : v;
        rejected.push(ok);
      }
    },
    async choose(message, choices, initial) {
      offered.push(choices.map((c) => c.name));
      const v = String(next(message));
      return (v === '' && initial !== undefined ? initial : v) as never;
    },
    async confirm(message, initial = false) {
      const v = next(message);
      return v === '' ? initial : Boolean(v);
    },
  };
}
