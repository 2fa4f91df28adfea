// The entry point. It registers every command with its help and examples, and imports a command's
// module only when that command runs: `dealer --help` and `dealer --version` load commander and
// one message catalogue, nothing else (test/e2e/startup.test.ts keeps it that way).
import { Command, CommanderError, Option } from 'commander';

type Lang = 'en' | 'zh';

/** The --db or --lang flag's value, read before parsing: the language decides the help text. */
function flagValue(argv: string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === name) value = argv[i + 1];
    else if (argv[i]!.startsWith(`${name}=`)) value = argv[i]!.slice(name.length + 1);
  }
  return value;
}

/**
 * Decided once, before anything prints: --lang, else DEALER_LANG, else the book's setting (a small
 * file beside the book mirrors it, so SQLite is not loaded for this), else the locale.
 */
async function pickLanguage(argv: string[], env: NodeJS.ProcessEnv): Promise<{ lang: Lang; flag?: string }> {
  const flag = flagValue(argv, '--lang');
  const explicit = flag ?? env.DEALER_LANG;
  const zh = (v: string | undefined) => Boolean(v?.toLowerCase().startsWith('zh'));
  if (explicit) return { lang: zh(explicit) ? 'zh' : 'en', flag };
  const { rememberedLang } = await import('./store/lang-file.js');
  const stored = rememberedLang(flagValue(argv, '--db'));
  if (stored) return { lang: stored };
  return { lang: zh(env.LC_ALL || env.LC_MESSAGES || env.LANG) ? 'zh' : 'en' };
}

/**
 * The command this run is for. Only it and its options are registered: defining twenty commands and
 * their options costs milliseconds a consultant would feel on every `dealer today`.
 */
function wantedCommand(argv: string[]): string {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i]!;
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
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

// `dealer --version` needs no commands and no messages.
if (argv.length > 0 && argv.every((a) => a === '-V' || a === '--version')) {
  process.stdout.write(`${await version()}\n`);
  process.exit(0);
}

const { lang, flag: flagLang } = await pickLanguage(argv, process.env);
const { messages: t } = lang === 'zh' ? await import('./i18n/zh.js') : await import('./i18n/en.js');

// `dealer list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

let current = '';
let book = '';

const act =
  (name: string) =>
  async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    const [{ makeContext }, mod] = await Promise.all([import('./context.js'), import(`./commands/${name}.js`)]);
    // The command sees only its own options: --db and --lang say where and how, not what to do, so
    // `dealer visit 8 --lang zh` still asks what happened (it is "no flags given").
    const own = command.opts();
    const positional = args.slice(0, -2) as (string | undefined)[];
    const label = [name, ...positional.filter((a) => a !== undefined)].join(' ');
    const ctx = makeContext({ t, globals: command.optsWithGlobals(), label });
    book = ctx.dbPath;
    try {
      await mod.run(ctx, positional, own);
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
  .helpCommand('help [command]', t.help.helpCommand)
  .addOption(new Option('--db <file>', t.opt.db))
  .addOption(new Option('--lang <lang>', t.opt.lang))
  .configureHelp({
    styleTitle: (title) =>
      Object.hasOwn(t.help.titles, title) ? t.help.titles[title as keyof typeof t.help.titles] : title,
  })
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ outputError: () => {} })
  .hook('preSubcommand', (_cmd, sub) => {
    current = sub.name();
  });

type Options = (cmd: Command) => Command;

const prospectOptions: Options = (cmd) =>
  cmd
    .option('--phone <number>', t.opt.phone)
    .option('--wechat <id>', t.opt.wechat)
    .option('--email <address>', t.opt.email)
    .option('--org <company>', t.opt.org)
    .option('--source <source>', t.opt.source)
    .option('--referred-by <id>', t.opt.referredBy)
    .option('--interest <model>', t.opt.interest)
    .option('--budget <amount>', t.opt.budget)
    .option('--within <window>', t.opt.within)
    .option('--expected <date>', t.opt.expected)
    .option('--tier <tier>', t.opt.tier)
    .option('--cycle <cycle>', t.opt.cycle)
    .option('--batch <batch>', t.opt.batch)
    .option('--need <yes|no>', t.opt.need)
    .option('--can-pay <yes|no>', t.opt.canPay)
    .option('--decides <yes|no>', t.opt.decides)
    .option('--birthday <date>', t.opt.birthday)
    .option('--salutation <address>', t.opt.salutation)
    .option('--gender <m|f>', t.opt.gender)
    .option('--trade <trade>', t.opt.trade)
    .option('--note <text>', t.opt.note)
    .option('--next <date>', t.opt.next)
    .option('--force', t.opt.force)
    .option('--json', t.opt.json);

const json: Options = (cmd) => cmd.option('--json', t.opt.json);

/** Every command: usage, its description and examples in the catalogue, its options. */
const COMMANDS: [usage: string, key: keyof typeof t.ex, options: Options][] = [
  [
    'add-prospect [name]',
    'addProspect',
    (c) => prospectOptions(c).option('--date <date>', t.opt.added).option('--met <kind>', t.opt.met),
  ],
  [
    'list',
    'list',
    (c) =>
      json(
        c
          .option('--tier <tier>', t.opt.listTier)
          .option('--stage <stage>', t.opt.listStage)
          .option('--source <source>', t.opt.listSource)
          .option('--search <text>', t.opt.search)
          .option('--due', t.opt.due),
      ),
  ],
  ['show <id>', 'show', json],
  [
    'edit <id>',
    'edit',
    (c) => prospectOptions(c).option('--name <name>', t.opt.name).option('--clear <field...>', t.opt.clear),
  ],
  [
    'today',
    'today',
    (c) =>
      json(
        c
          .option('--date <date>', t.opt.date)
          .option('--days <n>', t.opt.days)
          .option('--all', t.opt.all)
          .option('--work', t.opt.work),
      ),
  ],
  [
    'visit <id>',
    'visit',
    (c) =>
      json(
        c
          .option('--kind <kind>', t.opt.kind)
          .option('--outcome <text>', t.opt.outcome)
          .option('--note <text>', t.opt.note)
          .option('--stage <stage>', t.opt.stage)
          .option('--date <date>', t.opt.contactDate)
          .option('--next <date>', t.opt.next)
          .option('--hold <days>', t.opt.hold)
          .option('--hold-until <date>', t.opt.holdUntil)
          .option('--objection <objection...>', t.opt.objection),
      ),
  ],
  ['done <id>', 'done', json],
  ['snooze <id> <date>', 'snooze', json],
  ['contacts <id>', 'contacts', json],
  [
    'contact <action> <contact-id>',
    'contact',
    (c) =>
      json(
        c
          .option('--date <date>', t.opt.contactDate)
          .option('--kind <kind>', t.opt.kind)
          .option('--note <text>', t.opt.note)
          .option('--outcome <text>', t.opt.outcome),
      ),
  ],
  ['won <id>', 'won', (c) => json(c.option('--date <date>', t.opt.closeDate))],
  [
    'lost <id>',
    'lost',
    (c) => json(c.option('--reason <text>', t.opt.reason).option('--date <date>', t.opt.closeDate)),
  ],
  [
    'classify [id]',
    'classify',
    (c) =>
      json(
        c
          .option('--tier <tier>', t.opt.tier)
          .option('--within <window>', t.opt.within)
          .option('--expected <date>', t.opt.expected)
          .option('--cycle <cycle>', t.opt.cycle)
          .option('--batch <batch>', t.opt.batch)
          .option('--need <yes|no>', t.opt.need)
          .option('--can-pay <yes|no>', t.opt.canPay)
          .option('--decides <yes|no>', t.opt.decides)
          .option('--all', t.opt.classifyAll)
          .option('--date <date>', t.opt.classifyDate),
      ),
  ],
  ['config [action] [key] [value]', 'config', json],
  ['demo', 'demo', json],
  ['script [topic]', 'script', (c) => json(c.option('--for <id>', t.opt.for))],
  ['greet [festival]', 'greet', json],
  ['consult <id>', 'consult', (c) => json(c.option('--set <key=value...>', t.opt.set))],
  [
    'report [kind]',
    'report',
    (c) =>
      json(
        c
          .option('--format <format>', t.opt.format)
          .option('--out <file>', t.opt.out)
          .option('--from <date>', t.opt.from)
          .option('--to <date>', t.opt.to)
          .option('--date <date>', t.opt.reportDate)
          .option('--bom', t.opt.bom)
          .option('--headers <lang>', t.opt.headers),
      ),
  ],
  [
    'import <kind> <file>',
    'import',
    (c) =>
      json(
        c
          .option('--dry-run', t.opt.dryRun)
          .option('--update', t.opt.update)
          .option('--encoding <encoding>', t.opt.encoding)
          .option('--sheet <sheet>', t.opt.sheet),
      ),
  ],
  ['calendar', 'calendar', (c) => c.option('--out <file>', t.opt.calOut).option('--days <n>', t.opt.calDays)],
  ['backup [file]', 'backup', (c) => json(c.option('--force', t.opt.forceBackup))],
  ['restore <file>', 'restore', (c) => json(c.option('--yes', t.opt.yes))],
  ['doctor', 'doctor', json],
  ['undo', 'undo', (c) => json(c.option('--list', t.opt.undoList).option('--yes', t.opt.yes))],
  ['forget <id>', 'forget', (c) => json(c.option('--yes', t.opt.yes).option('--scrub-backups', t.opt.scrubBackups))],
];

// Commander needs to know only the command being run, with its options. The full list is built for
// help, and for suggestions when the command is unknown.
const nameOf = (usage: string) => usage.split(' ')[0]!;
const known = COMMANDS.some(([usage]) => nameOf(usage) === wanted);
for (const [usage, key, options] of COMMANDS) {
  const name = nameOf(usage);
  if (known && name !== wanted) continue;
  const cmd = program
    .command(usage)
    .description(t.cmd[key])
    .helpOption('-h, --help', t.help.help)
    .addHelpText('after', examples(t.ex[key]))
    .action(act(name));
  if (name === wanted) options(cmd);
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
    await program.parseAsync(process.argv);
  }
} catch (e) {
  // --help and --version end through exitOverride too; only real errors load the explainer.
  if (e instanceof CommanderError && ['commander.helpDisplayed', 'commander.version'].includes(e.code))
    process.exitCode = 0;
  else {
    const { explain } = await import('./output/failure.js');
    process.exitCode = explain(e, t, current, book);
  }
}
