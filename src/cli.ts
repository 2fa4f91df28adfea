// The entry point. It registers every command with its help and examples, and imports a command's
// module only when that command runs: `dealer --help` and `dealer --version` load commander and
// one message catalogue, nothing else (test/e2e/startup.test.ts keeps it that way).
import { Command, CommanderError, Option } from 'commander';
import { argNames, COMMANDS, GROUPS, type CommandName, type CommandSpec } from './specs.js';
import type { Context } from './context.js';
import type { Book } from './store/db.js';
import type { Words } from './store/lang-file.js';
import type { Messages } from './i18n/en.js';

type Lang = 'en' | 'zh';

/** The --db or --lang flag's value, read before parsing: the language decides the help text. */
function flagValue(argv: string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === name) value = argv[i + 1];
    else if (argv[i]?.startsWith(`${name}=`)) value = argv[i]?.slice(name.length + 1);
  }
  return value;
}

const zh = (v: string | undefined) => Boolean(v?.toLowerCase().startsWith('zh'));
const localeLang = (env: NodeJS.ProcessEnv): Lang => (zh(env.LC_ALL || env.LC_MESSAGES || env.LANG) ? 'zh' : 'en');

type Remembered = ReturnType<(typeof import('./store/lang-file.js'))['rememberedWords']>;

/**
 * Decided before anything prints: --lang, else DEALER_LANG, else the book's setting (a small file
 * beside the book mirrors it, so SQLite is not loaded for this), else the locale. A mirror that no
 * longer describes the book (restored, copied over, deleted, changed by another program) is not
 * trusted: the book itself is read, so help and a usage error speak its language too.
 */
async function pickLanguage(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ lang: Lang; flag?: string; explicit: boolean; remembered?: Remembered }> {
  const flag = flagValue(argv, '--lang');
  const explicit = flag ?? env.DEALER_LANG;
  if (explicit) return { lang: zh(explicit) ? 'zh' : 'en', flag, explicit: true };
  const { rememberedWords, rememberWords } = await import('./store/lang-file.js');
  remember = rememberWords;
  let remembered = rememberedWords(flagValue(argv, '--db'));
  if (!remembered.fresh) {
    const { peekWords } = await import('./store/settings.js');
    const found = await peekWords(remembered.path);
    if (found) {
      unclaimed = found;
      remembered = { ...remembered, words: found.words, fresh: true };
    }
  }
  return { lang: remembered.words.lang ?? localeLang(env), explicit: false, remembered };
}

/**
 * The book read above for its words, until a command takes it over. A run that ends before any
 * command does (help, a usage error) still closes it and mirrors its words for the next run.
 */
let unclaimed: { words: Words; book: Book } | undefined;
let remember: ((path: string, words: Words) => void) | undefined;
function releaseUnclaimed(): void {
  if (!unclaimed) return;
  const { book, words } = unclaimed;
  unclaimed = undefined;
  try {
    book.db.close();
    remember?.(book.path, words);
  } catch {
    // only a mirror: the next run reads the book again
  }
}

const catalogue = async (lang: Lang): Promise<Messages> =>
  (lang === 'zh' ? await import('./i18n/zh.js') : await import('./i18n/en.js')).messages;

/**
 * The command this run is for. Only it and its options are registered: defining twenty commands and
 * their options costs milliseconds a consultant would feel on every `dealer today`.
 */
function wantedCommand(argv: string[]): string {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db' || arg === '--lang') i++;
    else if (!arg.startsWith('-')) return arg === 'help' ? (argv[i + 1] ?? '') : arg;
  }
  return '';
}

const argv = process.argv.slice(2);
const wanted = wantedCommand(argv);

/** dealer's version, from its package.json: read only when asked for. */
async function version(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const found: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return typeof found === 'object' && found !== null && 'version' in found ? String(found.version) : '';
}

// `dealer --version` needs no commands and no messages.
if (argv.length > 0 && argv.every((a) => a === '-V' || a === '--version')) {
  process.stdout.write(`${await version()}\n`);
  process.exit(0);
}

const chosen = await pickLanguage(argv, process.env);
const flagLang = chosen.flag;
const t = await catalogue(chosen.lang);
/** The catalogue errors are explained in: the command's, once it is decided. */
let spoken = t;

/**
 * The words a command speaks, decided once before it runs: the language chosen above — unless the
 * mirror beside the book was stale, when the book's own setting is read and wins — with the stage
 * names of the book's trade. The context is built with them and never changes them.
 */
async function commandMessages(): Promise<{ messages: Messages; peeked?: Book }> {
  const { rememberedWords } = await import('./store/lang-file.js');
  const remembered = chosen.remembered ?? rememberedWords(flagValue(argv, '--db'));
  let words = remembered.words;
  let peeked: Book | undefined;
  if (unclaimed) {
    ({ words, book: peeked } = unclaimed);
    unclaimed = undefined;
  } else if (!remembered.fresh && !chosen.remembered) {
    // Start-up already tried the book (pickLanguage) and could not read it: the command's open says why.
    const { peekWords } = await import('./store/settings.js');
    const found = await peekWords(remembered.path);
    if (found) ({ words, book: peeked } = found);
  }
  const lang = chosen.explicit ? chosen.lang : (words.lang ?? localeLang(process.env));
  const messages = lang === chosen.lang ? t : await catalogue(lang);
  if (!words.trade) return { messages, peeked };
  const [{ TRADES }, { withTrade }] = await Promise.all([import('./domain/trade.js'), import('./output/trade.js')]);
  const trade = TRADES.find((known) => known === words.trade);
  return { messages: trade ? withTrade(messages, trade) : messages, peeked };
}

/** What a command module exports; its input is what commander parsed by that command's spec. */
type CommandModule = { run: (ctx: Context, input: Record<string, unknown>) => Promise<unknown> };
const isCommandModule = (mod: unknown): mod is CommandModule =>
  typeof mod === 'object' && mod !== null && 'run' in mod && typeof mod.run === 'function';

// `dealer list | head` closes the pipe early: that is not an error (nor is `dealer list 2>&1 | head`).
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

let current = '';
let book = '';

const act = (name: CommandName, spec: CommandSpec, command: Command) => async (): Promise<void> => {
  const [{ makeContext }, mod, { messages: words, peeked }] = await Promise.all([
    import('./context.js'),
    import(`./commands/${name}.js`),
    commandMessages(),
  ]);
  if (!isCommandModule(mod)) throw new Error(`commands/${name}.js has no run`);
  spoken = words;
  // The command sees only its own options: --db and --lang say where and how, not what to do, so
  // `dealer visit 8 --lang zh` still asks what happened (it is "no flags given").
  const positional = command.processedArgs.map((a: unknown) =>
    typeof a === 'string' ? a : Array.isArray(a) ? a.map(String) : undefined,
  );
  const globals = command.optsWithGlobals();
  const input: Record<string, unknown> = { ...command.opts() };
  // --json before the command belongs to dealer; after it, to the command: either way the same.
  if (globals.json) {
    if (!spec.options.some(([flags]) => flags === '--json'))
      throw new CommanderError(2, 'commander.unknownOption', "error: unknown option '--json'");
    input.json = true;
  }
  argNames(spec.args).forEach((arg, i) => (input[arg] = positional[i]));
  const label = [name, ...positional.flat().filter((a) => a !== undefined)].join(' ');
  const ctx = makeContext({ t: words, globals, label, peeked });
  book = ctx.dbPath;
  try {
    await mod.run(ctx, input);
  } catch (e) {
    // SQLite's failures become dealer's own, naming the book, in the one layer that knows SQLite.
    throw (await import('./store/errors.js')).asDealerError(e, ctx.dbPath);
  } finally {
    ctx.close();
  }
};

const examples = (list: [string, string][] | undefined) =>
  list
    ? `\n${t.help.examples}\n${list.map(([cmd, why]) => `  $ ${cmd}${why ? `\n      ${why}` : ''}`).join('\n')}\n`
    : '';

const program = new Command('dealer')
  .description(t.cmd.dealer)
  .helpOption('-h, --help', t.help.help)
  .commandsGroup(t.help.groups.setup)
  .helpCommand('help [command]', t.help.helpCommand)
  .addOption(new Option('--db <file>', t.opt.db))
  .addOption(new Option('--lang <lang>', t.opt.lang))
  // Also each command's own option; here so that `dealer --json today` works as `dealer today --json`.
  .addOption(new Option('--json', t.opt.json))
  .addHelpText('after', `\n${t.help.environment}\n`)
  .configureHelp({
    styleTitle: (title) => new Map<string, string>(Object.entries(t.help.titles)).get(title) ?? title,
  })
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ outputError: () => {} })
  .hook('preSubcommand', (_cmd, sub) => {
    current = sub.name();
  });

// Commander needs to know only the command being run, with its options. The full list is built for
// help, and for suggestions when the command is unknown.
const known = Object.hasOwn(COMMANDS, wanted);
// In help, the groups in the order a consultant meets them: the day's work first.
const names = Object.keys(COMMANDS)
  .filter((name): name is CommandName => Object.hasOwn(COMMANDS, name))
  .sort((a, b) => GROUPS.indexOf(COMMANDS[a].group) - GROUPS.indexOf(COMMANDS[b].group));
const described = new Map<string, string>(Object.entries(t.cmd));
const examplesOf = new Map<string, [string, string][]>(Object.entries(t.ex));
for (const name of names) {
  if (known && name !== wanted) continue;
  const spec: CommandSpec = COMMANDS[name];
  const key = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  const cmd = program
    .command(spec.args ? `${name} ${spec.args}` : name)
    .description(described.get(key) ?? '')
    .helpOption('-h, --help', t.help.help)
    .helpGroup(t.help.groups[spec.group])
    .addHelpText('after', examples(examplesOf.get(key)));
  cmd.action(act(name, spec, cmd));
  if (name === wanted)
    for (const [flags, help, parse] of spec.options) {
      const option = new Option(flags, t.opt[help]);
      cmd.addOption(parse ? option.argParser(parse) : option);
    }
}

try {
  if (flagLang !== undefined && !/^(en|zh)/i.test(flagLang)) {
    const { usage } = await import('./domain/errors.js');
    throw usage('badLang', { input: flagLang });
  }
  if (argv.length === 0) program.outputHelp();
  else {
    // The version is an option of dealer itself, not of its commands: read it only then.
    if (wanted === '') program.version(await version(), '-V, --version', t.help.version);
    // `dealer help vist`: said as `dealer vist` is — an unknown command, exit 2, with a suggestion.
    const helped = argv.indexOf('help');
    if (helped >= 0 && argv[helped + 1] === wanted && !known && wanted !== 'help' && !wanted.startsWith('-'))
      await program.parseAsync([wanted], { from: 'user' });
    else await program.parseAsync(process.argv);
  }
} catch (e) {
  // --help and --version end through exitOverride too; only real errors load the explainer.
  if (e instanceof CommanderError && ['commander.helpDisplayed', 'commander.version'].includes(e.code))
    process.exitCode = 0;
  else {
    const { explain } = await import('./output/failure.js');
    process.exitCode = explain(e, spoken, current, book);
  }
} finally {
  releaseUnclaimed();
}
