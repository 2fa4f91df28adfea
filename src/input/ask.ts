// The questions commands ask, behind an interface: the real one draws Inquirer prompts on the
// terminal, tests script the answers.

export interface Choice<T extends string> {
  value: T;
  name: string;
}

export interface Ask {
  text(
    message: string,
    opts?: { required?: boolean; initial?: string; validate?: (v: string) => string | true },
  ): Promise<string>;
  choose<T extends string>(message: string, choices: Choice<T>[], initial?: T): Promise<T>;
  confirm(message: string, initial?: boolean): Promise<boolean>;
}

/** Answers given in advance, in order ('' is Enter: the default); for tests of interactive flows. */
export function scripted(answers: (string | boolean)[]): Ask & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`no scripted answer for "${message}"`);
    return queue.shift()!;
  };
  return {
    asked,
    async text(message, opts) {
      const v = String(next(message));
      const ok = opts?.validate?.(v) ?? true;
      if (ok !== true) throw new Error(`scripted answer "${v}" rejected: ${ok}`);
      return v === '' && opts?.initial !== undefined ? opts.initial : v;
    },
    // '' stands for pressing Enter: the prompt's default.
    async choose(message, _choices, initial) {
      const v = String(next(message));
      return (v === '' && initial !== undefined ? initial : v) as never;
    },
    async confirm(message, initial = false) {
      const v = next(message);
      return v === '' ? initial : Boolean(v);
    },
  };
}
