// The questions commands ask, behind an interface: the real one draws Inquirer prompts on the
// terminal, tests script the answers (test/helpers/scripted.ts).

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
