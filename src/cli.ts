// The entry point. It registers every command with its help and examples, and imports a command's
// module only when that command runs: `dealer --help` and `dealer --version` load commander and
// one message catalogue, nothing else (test/e2e/startup.test.ts keeps it that way).
import { Command, CommanderError, Option } from 'commander';

type Lang = 'en' | 'zh';

/** --lang (before parsing, since help text depends on it), else DEALER_LANG, else the locale. */
function pickLanguage(argv: string[], env: NodeJS.ProcessEnv): { lang: Lang; chosen: boolean; flag?: string } {
  let flag: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === '--lang') flag = argv[i + 1];
    else if (argv[i]!.startsWith('--lang=')) flag = argv[i]!.slice(7);
  }
  const explicit = flag ?? env.DEALER_LANG;
  const zh = (v: string | undefined) => Boolean(v?.toLowerCase().startsWith('zh'));
  if (explicit) return { lang: zh(explicit) ? 'zh' : 'en', chosen: true, flag };
  return { lang: zh(env.LC_ALL || env.LC_MESSAGES || env.LANG) ? 'zh' : 'en', chosen: false };
}

const argv = process.argv.slice(2);
const { lang, chosen, flag: flagLang } = pickLanguage(argv, process.env);
const { messages: t } = lang === 'zh' ? await import('./i18n/zh.js') : await import('./i18n/en.js');

// `dealer list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

let current = '';

const act =
  (name: string) =>
  async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    const [{ makeContext }, mod] = await Promise.all([import('./context.js'), import(`./commands/${name}.js`)]);
    const opts = command.optsWithGlobals();
    const positional = args.slice(0, -2) as (string | undefined)[];
    const label = [name, ...positional.filter((a) => a !== undefined)].join(' ');
    const ctx = makeContext({ t, langChosen: chosen, globals: opts, label });
    try {
      await mod.run(ctx, positional, opts);
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
  .configureHelp({ styleTitle: (title) => t.help.titles[title] ?? title })
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ outputError: () => {} })
  .hook('preSubcommand', (_cmd, sub) => {
    current = sub.name();
  });

function command(spec: string, description: string, exampleKey: string, run: string): Command {
  return program
    .command(spec)
    .description(description)
    .helpOption('-h, --help', t.help.help)
    .addHelpText('after', examples(t.ex[exampleKey]))
    .action(act(run));
}

function prospectOptions(cmd: Command): Command {
  return cmd
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
    .option('--note <text>', t.opt.note)
    .option('--next <date>', t.opt.next)
    .option('--force', t.opt.force)
    .option('--json', t.opt.json);
}

prospectOptions(command('add-prospect [name]', t.cmd.addProspect, 'addProspect', 'add-prospect')).option(
  '--date <date>',
  t.opt.added,
);

command('list', t.cmd.list, 'list', 'list')
  .option('--tier <tier>', t.opt.listTier)
  .option('--stage <stage>', t.opt.listStage)
  .option('--source <source>', t.opt.listSource)
  .option('--search <text>', t.opt.search)
  .option('--due', t.opt.due)
  .option('--json', t.opt.json);

command('show <id>', t.cmd.show, 'show', 'show').option('--json', t.opt.json);

prospectOptions(command('edit <id>', t.cmd.edit, 'edit', 'edit'))
  .option('--name <name>', t.opt.name)
  .option('--clear <field...>', t.opt.clear);

command('today', t.cmd.today, 'today', 'today')
  .option('--date <date>', t.opt.date)
  .option('--days <n>', t.opt.days)
  .option('--all', t.opt.all)
  .option('--json', t.opt.json);

command('visit <id>', t.cmd.visit, 'visit', 'visit')
  .option('--kind <kind>', t.opt.kind)
  .option('--outcome <text>', t.opt.outcome)
  .option('--note <text>', t.opt.note)
  .option('--stage <stage>', t.opt.stage)
  .option('--date <date>', t.opt.contactDate)
  .option('--next <date>', t.opt.next)
  .option('--hold <days>', t.opt.hold)
  .option('--hold-until <date>', t.opt.holdUntil)
  .option('--objection <objection...>', t.opt.objection)
  .option('--json', t.opt.json);

command('won <id>', t.cmd.won, 'won', 'won').option('--date <date>', t.opt.closeDate).option('--json', t.opt.json);

command('lost <id>', t.cmd.lost, 'lost', 'lost')
  .option('--reason <text>', t.opt.reason)
  .option('--date <date>', t.opt.closeDate)
  .option('--json', t.opt.json);

command('classify [id]', t.cmd.classify, 'classify', 'classify')
  .option('--tier <tier>', t.opt.tier)
  .option('--within <window>', t.opt.within)
  .option('--expected <date>', t.opt.expected)
  .option('--cycle <cycle>', t.opt.cycle)
  .option('--batch <batch>', t.opt.batch)
  .option('--need <yes|no>', t.opt.need)
  .option('--can-pay <yes|no>', t.opt.canPay)
  .option('--decides <yes|no>', t.opt.decides)
  .option('--all', t.opt.classifyAll)
  .option('--date <date>', t.opt.classifyDate)
  .option('--json', t.opt.json);

command('config [action] [key] [value]', t.cmd.config, 'config', 'config').option('--json', t.opt.json);

command('demo', t.cmd.demo, 'demo', 'demo').option('--json', t.opt.json);

command('script [topic]', t.cmd.script, 'script', 'script')
  .option('--for <id>', t.opt.for)
  .option('--json', t.opt.json);

command('consult <id>', t.cmd.consult, 'consult', 'consult')
  .option('--set <key=value...>', t.opt.set)
  .option('--json', t.opt.json);

command('backup [file]', t.cmd.backup, 'backup', 'backup').option('--json', t.opt.json);

command('restore <file>', t.cmd.restore, 'restore', 'restore').option('--yes', t.opt.yes).option('--json', t.opt.json);

command('doctor', t.cmd.doctor, 'doctor', 'doctor').option('--json', t.opt.json);

command('undo', t.cmd.undo, 'undo', 'undo')
  .option('--list', t.opt.undoList)
  .option('--yes', t.opt.yes)
  .option('--json', t.opt.json);

command('forget <id>', t.cmd.forget, 'forget', 'forget').option('--yes', t.opt.yes).option('--json', t.opt.json);

command('report [kind]', t.cmd.report, 'report', 'report')
  .option('--format <format>', t.opt.format)
  .option('--out <file>', t.opt.out)
  .option('--from <date>', t.opt.from)
  .option('--to <date>', t.opt.to)
  .option('--date <date>', t.opt.reportDate)
  .option('--bom', t.opt.bom)
  .option('--json', t.opt.json);

command('import <kind> <file>', t.cmd.import, 'import', 'import')
  .option('--dry-run', t.opt.dryRun)
  .option('--update', t.opt.update)
  .option('--encoding <encoding>', t.opt.encoding)
  .option('--json', t.opt.json);

command('calendar', t.cmd.calendar, 'calendar', 'calendar')
  .option('--out <file>', t.opt.calOut)
  .option('--days <n>', t.opt.calDays);

try {
  if (flagLang !== undefined && !/^(en|zh)/i.test(flagLang)) {
    const { usage } = await import('./domain/errors.js');
    throw usage('badLang', { input: flagLang });
  }
  if (argv.length === 0) program.outputHelp();
  else {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    program.version(pkg.version, '-V, --version', t.help.version);
    await program.parseAsync(process.argv);
  }
} catch (e) {
  // --help and --version end through exitOverride too; only real errors load the explainer.
  if (e instanceof CommanderError && ['commander.helpDisplayed', 'commander.version'].includes(e.code))
    process.exitCode = 0;
  else {
    const { explain } = await import('./output/failure.js');
    process.exitCode = explain(e, t, current);
  }
}
