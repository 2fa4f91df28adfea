// Inquirer.js behind the Ask interface. Loaded only when a command actually prompts: it costs
// tens of milliseconds to import. Prompts draw on stderr so stdout stays clean for --json.
import { confirm, input, select } from '@inquirer/prompts';
import type { Context } from '../context.js';
import { Cancelled } from '../domain/errors.js';
import type { Ask } from './ask.js';

async function guard<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (e) {
    // Ctrl-C (or a closed terminal): the command must save nothing and exit 130.
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new Cancelled();
    throw e;
  }
}

export function inquirerAsk(ctx: Context): Ask {
  const where = { output: process.stderr, clearPromptOnDone: false };
  return {
    text: (message, opts = {}) =>
      guard(
        input(
          {
            message,
            default: opts.initial,
            required: opts.required,
            validate: (v: string) => {
              if (opts.required && v.trim() === '') return ctx.t.ui.prompt.required;
              return opts.validate ? opts.validate(v) : true;
            },
          },
          where,
        ),
      ).then((v) => v.trim()),
    choose: (message, choices, initial) => guard(select({ message, choices, default: initial }, where)),
    confirm: (message, initial = false) => guard(confirm({ message, default: initial }, where)),
  };
}
