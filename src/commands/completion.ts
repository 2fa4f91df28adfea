// dealer completion bash|zsh|fish: a completion script written from the command table; and
// `dealer completion ids`, which the script runs as you type: the book's ids and names, read with one
// query and nothing else loaded (no prompts, no tables, no scripts).
import type { Context } from '../context.js';
import { usage } from '../domain/errors.js';
import { wordOf } from '../domain/vocab.js';
import { completionScript, idLines, SHELLS, type Completable } from '../output/completion.js';
import { toStdout } from '../output/sink.js';
import { labelOf } from '../i18n/label.js';
import { COMMANDS, ID_OPTIONS, type CommandSpec, type Run } from '../specs.js';
import { idsAndNames } from '../store/prospects.js';

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

async function ids(ctx: Context): Promise<void> {
  try {
    const book = await ctx.open('read');
    if (book.exists) await toStdout().write(idLines(idsAndNames(book.db)));
  } catch {
    // a missing or unreadable book completes nothing; the shell must not show an error mid-line
  }
}

async function model(ctx: Context) {
  const t = ctx.t;
  const option = ([flags, help]: CommandSpec['options'][number]) => ({
    // Every option has a long form; the spec as written is the fallback, never an empty word.
    flag: flags.split(/[ ,]+/).find((f) => f.startsWith('--')) ?? flags,
    valued: /[<[]/.test(flags),
    description: t.opt[help],
  });
  const { scriptsFor } = await import('../actions/topics.js');
  const topics = scriptsFor(ctx).map((topic) => topic.key);
  const commands: Completable[] = Object.entries(COMMANDS).map(([name, spec]: [string, CommandSpec]) => {
    const first = spec.args.split(' ')[0] ?? '';
    return {
      name,
      description: labelOf(t.cmd, camel(name)) ?? '',
      options: spec.options.map(option),
      first: /^[<[]id[>\]]$/.test(first)
        ? 'id'
        : name === 'script'
          ? topics
          : spec.choices
            ? [...spec.choices]
            : undefined,
    };
  });
  const globals = [
    { flag: '--db', valued: true, description: t.opt.db },
    { flag: '--lang', valued: true, description: t.opt.lang },
    { flag: '--json', valued: false, description: t.opt.json },
    { flag: '--help', valued: false, description: t.help.help },
    { flag: '--version', valued: false, description: t.help.version },
  ];
  return { commands, globals, idOptions: ID_OPTIONS };
}

export async function completion(ctx: Context, shell: string): Promise<void> {
  if (shell === 'ids') return ids(ctx);
  const known = wordOf(SHELLS, shell);
  if (!known) throw usage('badShell', { input: shell, choices: SHELLS.join(', ') });
  await toStdout().write(completionScript(known, await model(ctx)));
}

export const run: Run<'completion'> = (ctx, { shell }) => completion(ctx, shell);
