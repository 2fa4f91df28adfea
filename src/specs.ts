// Every command, declared once: its arguments, its options and the catalogue keys of their help.
// cli.ts registers commander from this table; each command's `run` takes the input typed from it
// (`--hold-until <date>` → `holdUntil?: string`, `<id>` → `id: string`), so an option cannot be
// declared in one place and read under another name. This file imports nothing at run time:
// cli.ts reads it on every start.
import type { Context } from './context.js';
import type { Messages } from './i18n/en.js';

type OptKey = keyof Messages['opt'];

/** flags as commander spells them, the help text's key, and optionally a parser for the value. */
export type OptionSpec = readonly [flags: string, help: OptKey, parse?: (value: string) => unknown];

/** A flag given once per value (`--with A --with B`), collected into a list in the order typed. */
const repeated = (value: string, previous?: unknown): string[] => [
  ...(Array.isArray(previous) ? previous.filter((v): v is string => typeof v === 'string') : []),
  value,
];

export interface CommandSpec {
  /** Positional arguments as commander spells them: `<id>` required, `[name]` optional, `<x...>` many. */
  readonly args: string;
  readonly options: readonly OptionSpec[];
  /** The words the first argument can be, offered by shell completion. */
  readonly choices?: readonly string[];
  /** Where `dealer --help` lists it. */
  readonly group: Group;
}

export const GROUPS = ['daily', 'prospects', 'scripts', 'reports', 'safety', 'setup'] as const;
export type Group = (typeof GROUPS)[number];

const json = ['--json', 'json'] as const;

/** The details of a prospect, as add-prospect and edit take them. */
const prospectOptions = [
  ['--phone <number>', 'phone'],
  ['--wechat <id>', 'wechat'],
  ['--email <address>', 'email'],
  ['--org <company>', 'org'],
  ['--source <source>', 'source'],
  ['--referred-by <id>', 'referredBy'],
  ['--interest <model>', 'interest'],
  ['--budget <amount>', 'budget'],
  ['--within <window>', 'within'],
  ['--expected <date>', 'expected'],
  ['--tier <tier>', 'tier'],
  ['--cycle <cycle>', 'cycle'],
  ['--batch <batch>', 'batch'],
  ['--need <yes|no>', 'need'],
  ['--can-pay <yes|no>', 'canPay'],
  ['--decides <yes|no>', 'decides'],
  ['--birthday <date>', 'birthday'],
  ['--salutation <address>', 'salutation'],
  ['--gender <m|f>', 'gender'],
  ['--trade <trade>', 'trade'],
  ['--departs <date>', 'departs'],
  ['--returns <date>', 'returns'],
  ['--balance-due <date>', 'balanceDue'],
  ['--note <text>', 'note'],
  ['--next <date>', 'next'],
  ['--force', 'force'],
  json,
] as const;

/** The order's terms, as won and edit take them (issue 13). */
const orderOptions = [
  ['--model <model>', 'model'],
  ['--price <amount>', 'price'],
  ['--delivery <date>', 'delivery'],
  ['--insurance-until <date>', 'insuranceUntil'],
  ['--matures <date>', 'matures'],
] as const;

export const COMMANDS = {
  'add-prospect': {
    group: 'prospects',
    args: '[name]',
    options: [...prospectOptions, ['--date <date>', 'added'], ['--met <kind>', 'met']],
  },
  list: {
    group: 'prospects',
    args: '',
    options: [
      ['--tier <tier>', 'listTier'],
      ['--stage <stage>', 'listStage'],
      ['--source <source>', 'listSource'],
      ['--search <text>', 'search'],
      ['--due', 'due'],
      json,
    ],
  },
  show: { group: 'prospects', args: '<id>', options: [json] },
  edit: {
    group: 'prospects',
    args: '<id>',
    options: [...prospectOptions, ['--name <name>', 'name'], ['--clear <field...>', 'clear'], ...orderOptions],
  },
  today: {
    group: 'daily',
    args: '',
    options: [['--date <date>', 'date'], ['--days <n>', 'days'], ['--all', 'all'], ['--work', 'work'], json],
  },
  visit: {
    group: 'daily',
    args: '<id>',
    options: [
      ['--kind <kind>', 'kind'],
      ['--outcome <text>', 'outcome'],
      ['--note <text>', 'note'],
      ['--stage <stage>', 'stage'],
      ['--date <date>', 'contactDate'],
      ['--next <date>', 'next'],
      ['--hold <days>', 'hold'],
      ['--hold-until <date>', 'holdUntil'],
      ['--deposit <amount>', 'deposit'],
      ['--top-up <amount>', 'topUp'],
      ['--top-up-by <date>', 'topUpBy'],
      ['--renewed', 'renewed'],
      ['--objection <objection...>', 'objection'],
      // One name per flag, repeated: a list that takes several (<name...>) swallowed the id after it.
      ['--with <name>', 'with', repeated],
      json,
    ],
  },
  book: {
    group: 'daily',
    args: '[id]',
    options: [
      ['--at <when>', 'at'],
      ['--kind <kind>', 'appointmentKind'],
      ['--note <text>', 'note'],
      ['--list', 'bookList'],
      ['--cancel <appointment-id>', 'bookCancel'],
      json,
    ],
  },
  // `people <org-id>` lists; `people add <org-id> <name>` and `people milestone <org-id> <kind> <date>` write.
  people: {
    group: 'prospects',
    args: '<org-or-action> [args...]',
    choices: ['add', 'edit', 'remove', 'milestone'],
    options: [
      ['--role <role>', 'role'],
      ['--phone <number>', 'phone'],
      ['--stance <stance>', 'stance'],
      ['--name <name>', 'rename'],
      ['--note <text>', 'note'],
      ['--move-to <date>', 'moveTo'],
      ['--remove', 'remove'],
      json,
    ],
  },
  done: { group: 'daily', args: '<id>', options: [json] },
  snooze: { group: 'daily', args: '<id> <date>', options: [json] },
  contacts: { group: 'daily', args: '<id>', options: [json] },
  contact: {
    group: 'daily',
    args: '<action> <contact-id>',
    choices: ['edit', 'delete'],
    options: [
      ['--date <date>', 'contactDate'],
      ['--kind <kind>', 'kind'],
      ['--note <text>', 'note'],
      ['--outcome <text>', 'outcome'],
      json,
    ],
  },
  won: { group: 'prospects', args: '<id>', options: [['--date <date>', 'closeDate'], ...orderOptions, json] },
  delivered: {
    group: 'prospects',
    args: '<id>',
    options: [['--date <date>', 'deliveredDate'], ['--note <text>', 'note'], json],
  },
  lost: {
    group: 'prospects',
    args: '<id>',
    options: [['--reason <text>', 'reason'], ['--date <date>', 'closeDate'], ['--refund', 'refund'], json],
  },
  classify: {
    group: 'prospects',
    args: '[id]',
    options: [
      ['--tier <tier>', 'tier'],
      ['--within <window>', 'within'],
      ['--expected <date>', 'expected'],
      ['--cycle <cycle>', 'cycle'],
      ['--batch <batch>', 'batch'],
      ['--need <yes|no>', 'need'],
      ['--can-pay <yes|no>', 'canPay'],
      ['--decides <yes|no>', 'decides'],
      ['--all', 'classifyAll'],
      ['--date <date>', 'classifyDate'],
      json,
    ],
  },
  config: { group: 'setup', args: '[action] [key] [value]', choices: ['list', 'get', 'set', 'unset'], options: [json] },
  demo: { group: 'setup', args: '', options: [json] },
  script: { group: 'scripts', args: '[topic]', options: [['--for <id>', 'for'], json] },
  greet: { group: 'scripts', args: '[festival]', options: [json] },
  consult: { group: 'scripts', args: '<id>', options: [['--set <key=value...>', 'set'], json] },
  report: {
    group: 'reports',
    args: '[kind]',
    choices: ['prospects', 'visits', 'funnel', 'activity', 'tiers', 'deals', 'referrals'],
    options: [
      ['--format <format>', 'format'],
      ['--out <file>', 'out'],
      ['--from <date>', 'from'],
      ['--to <date>', 'to'],
      ['--date <date>', 'reportDate'],
      ['--bom', 'bom'],
      ['--headers <lang>', 'headers'],
      json,
    ],
  },
  import: {
    group: 'reports',
    args: '<kind> <file>',
    choices: ['prospects', 'visits'],
    options: [
      ['--dry-run', 'dryRun'],
      ['--update', 'update'],
      ['--encoding <encoding>', 'encoding'],
      ['--sheet <sheet>', 'sheet'],
      json,
    ],
  },
  calendar: {
    group: 'reports',
    args: '',
    options: [
      ['--out <file>', 'calOut'],
      ['--days <n>', 'calDays'],
    ],
  },
  backup: { group: 'safety', args: '[file]', options: [['--force', 'forceBackup'], json] },
  restore: { group: 'safety', args: '<file>', options: [['--yes', 'yes'], json] },
  doctor: { group: 'safety', args: '', options: [json] },
  undo: { group: 'safety', args: '', options: [['--list', 'undoList'], ['--yes', 'yes'], json] },
  forget: {
    group: 'safety',
    args: '<id>',
    options: [['--yes', 'yes'], ['--scrub-backups', 'scrubBackups'], json],
  },
  completion: { group: 'setup', args: '<shell>', choices: ['bash', 'zsh', 'fish'], options: [] },
} as const satisfies Record<string, CommandSpec>;

/** Options whose value is a prospect's id: completion offers the book's ids there. */
export const ID_OPTIONS: readonly string[] = ['--referred-by', '--for'];

export type CommandName = keyof typeof COMMANDS;

// Every command has its line in the catalogue: a command without one does not compile.
type Undescribed = Exclude<Camel<CommandName>, keyof Messages['cmd']>;
type Assert<T extends true> = T;
export type EveryCommandDescribed = Assert<[Undescribed] extends [never] ? true : false>;

// ---- The input type, read off the declaration ----

/** `hold-until` → `holdUntil`, as commander names the option's value. */
export type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

/** The long flag's name: `--hold-until <date>` → `holdUntil`. */
type OptionName<F extends string> = F extends `${string}--${infer Rest}`
  ? Rest extends `${infer N} ${string}`
    ? Camel<N>
    : Camel<Rest>
  : never;

/** `<x...>` many strings, `<x>` one, no value a switch. */
type OptionValue<F extends string> = F extends `${string}...>` | `${string}...]`
  ? string[]
  : F extends `${string} <${string}>` | `${string} [${string}]`
    ? string
    : boolean;

type ValueOf<O extends OptionSpec> = O[2] extends (value: string) => infer R ? R : OptionValue<O[0]>;

/** The options a command was given: every one optional, as commander leaves an absent flag out. */
export type OptionsOf<O extends readonly OptionSpec[]> = {
  [E in O[number] as OptionName<E[0]>]?: ValueOf<E>;
};

type ArgName<A extends string> = Camel<A extends `${'<' | '['}${infer N}${'...>' | '...]' | '>' | ']'}` ? N : A>;
type ArgValue<A extends string> = A extends `${string}...${string}`
  ? string[]
  : A extends `<${string}>`
    ? string
    : string | undefined;
type Words<S extends string> = S extends `${infer W} ${infer R}` ? W | Words<R> : S extends '' ? never : S;

/** The positional arguments by name: `<contact-id>` → `contactId: string`, `[name]` → `name: string | undefined`. */
export type ArgsOf<S extends string> = { [W in Words<S> as ArgName<W>]: ArgValue<W> };

export type InputOf<C extends CommandSpec> = ArgsOf<C['args']> & OptionsOf<C['options']>;

/** What `dealer <name>` hands its module. */
export type Input<N extends CommandName> = InputOf<(typeof COMMANDS)[N]>;

/** Each command module exports `run: Run<'its-name'>`. */
export type Run<N extends CommandName> = (ctx: Context, input: Input<N>) => Promise<unknown>;

/** The names of the positional arguments, in order, as `run` receives them. */
export const argNames = (args: string): string[] =>
  args
    .split(' ')
    .filter(Boolean)
    .map((a) => a.replace(/^[<[]|(\.\.\.)?[>\]]$/g, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));

/** A command's options alone, for the functions behind `run` that take the arguments one by one. */
export type Options<N extends CommandName> = OptionsOf<(typeof COMMANDS)[N]['options']>;
