// Inquirer.js behind the Ask interface. Loaded only when a command actually prompts: it costs
// tens of milliseconds to import. Prompts draw on stderr so stdout stays clean for --json.
import { confirm, input, select } from '@inquirer/prompts';
import chalk from 'chalk';
import type { Context } from '../context.js';
import { Cancelled } from '../domain/errors.js';
import { safe } from '../output/screen.js';
import type { Ask } from './ask.js';
import { labelOf } from '../i18n/label.js';

type Where = { output: NodeJS.WriteStream; clearPromptOnDone: boolean; signal: AbortSignal };

/**
 * Runs one prompt. Ctrl-C at the keyboard, a SIGINT sent to the process, or a closed terminal all
 * end the same way: the command saves nothing and exits 130.
 */
async function guard<T>(ask: (where: Where) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  // on, not once: Inquirer's exit hook re-raises the signal if it finds no other listener left.
  process.on('SIGINT', onSignal);
  try {
    return await ask({ output: process.stderr, clearPromptOnDone: false, signal: abort.signal });
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new Cancelled();
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
  }
}

/**
 * What Inquirer draws besides the person's typing: the question, the choices, a refusal, the value
 * offered as the default, the answer it echoes. Each may quote the book (a name, a stored note, who
 * has a number): made safe like ctx.print's output, the last guard should a command forget `safe`.
 */
const shown = {
  answer: (text: string) => chalk.cyan(safe(text)),
  error: (text: string) => chalk.red(`> ${safe(text)}`),
  defaultAnswer: (text: string) => chalk.dim(`(${safe(text)})`),
};

export function inquirerAsk(ctx: Context): Ask {
  const k = ctx.t.ui.prompt.keys;
  // Inquirer's own words (the key hints, Yes/No) in the user's language. `required` is checked
  // here rather than by Inquirer, whose message is English only.
  const selectTheme = {
    style: {
      answer: shown.answer,
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${key} ${labelOf(k, action) ?? action}`).join(' • '),
    },
  };
  const confirmTheme = {
    style: {
      defaultAnswer: (text: string) => `(${text === 'y/N' ? k.defaultNo : k.defaultYes})`,
      answer: shown.answer,
    },
  };
  return {
    text: (message, opts = {}) =>
      guard((where) =>
        input(
          {
            message: safe(message),
            default: opts.initial,
            theme: { style: shown },
            validate: (v: string) => {
              if (opts.required && v.trim() === '') return ctx.t.ui.prompt.required;
              return opts.validate ? opts.validate(v) : true;
            },
          },
          where,
        ),
      ).then((v) => v.trim()),
    choose: (message, choices, initial) =>
      // Up to 15 choices all on screen (edit's field menu has 14): paging hides fields people look for.
      guard((where) =>
        select(
          {
            message: safe(message),
            choices: choices.map((c) => ({ ...c, name: safe(c.name) })),
            default: initial,
            pageSize: Math.min(15, Math.max(7, choices.length)),
            theme: selectTheme,
          },
          where,
        ),
      ),
    confirm: (message, initial = false) =>
      guard((where) =>
        confirm(
          { message: safe(message), default: initial, transformer: (yes) => (yes ? k.yes : k.no), theme: confirmTheme },
          where,
        ),
      ),
  };
}
