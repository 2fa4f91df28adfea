// The layers' import direction, checked on every `npm test` rather than stated in a comment:
//   domain  — pure rules: imports only domain (no I/O, no SQL, no terminal)
//   store   — the only SQL, pragmas and transactions: imports domain
//   output, input — what meets the person: never the store
//   actions — what several commands share: domain + store
//   commands — thin: never each other
import tseslint from 'typescript-eslint';

const layer = (name) => ({ group: [`../${name}/*`, `../${name}.js`], message: `this layer may not import ${name}/` });
const io = ['node:fs', 'node:fs/promises', 'node:child_process', 'node:os', 'better-sqlite3', 'chalk', 'cli-table3', '@inquirer/prompts'];

/** SQL text and the calls that run it, allowed only under src/store. */
const sqlOutsideStore = [
  {
    selector: 'CallExpression[callee.property.name=/^(prepare|pragma|transaction|backup|serialize)$/]',
    message: 'SQL, pragmas and transactions live in src/store',
  },
  {
    // db.exec('...'), not RegExp#exec(text)
    selector: 'CallExpression[callee.property.name="exec"][arguments.0.type=/^(Literal|TemplateLiteral)$/]',
    message: 'SQL, pragmas and transactions live in src/store',
  },
  {
    selector: 'Literal[value=/^\\s*(SELECT|INSERT|UPDATE|DELETE|BEGIN|COMMIT|ROLLBACK|PRAGMA|VACUUM|CREATE|DROP|ATTACH) /]',
    message: 'SQL lives in src/store',
  },
  {
    selector: 'TemplateElement[value.raw=/^\\s*(SELECT|INSERT|UPDATE|DELETE|BEGIN|COMMIT|ROLLBACK|PRAGMA|VACUUM|CREATE|DROP|ATTACH) /]',
    message: 'SQL lives in src/store',
  },
  {
    selector: 'Literal[value=/^SQLITE_/]',
    message: 'SQLite error codes are translated in src/store',
  },
];

/** The terminal is reached through the context (print, tell, progress, width, height, terminal). */
const terminalOutsideContext = {
  selector: 'MemberExpression[object.name="process"][property.name=/^(stdout|stderr)$/]',
  message: 'write and measure through the context (ctx.print, ctx.tell, ctx.progress, ctx.width), not process.stdout/stderr',
};

const restrict = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths: paths.map((name) => ({ name, message: 'no I/O in this layer' })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/**', 'bin/**', '*.config.*', '.bench/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { 'no-restricted-syntax': ['error', ...sqlOutsideStore, terminalOutsideContext] },
  },
  {
    // Where the terminal itself is met: the context, the entry point and its error line, export
    // sinks, the prompts' drawing surface, and the colour decision made before any context exists.
    files: ['src/context.ts', 'src/cli.ts', 'src/output/sink.ts', 'src/output/failure.ts', 'src/input/inquirer.ts', 'src/output/coloured.ts'],
    rules: { 'no-restricted-syntax': ['error', ...sqlOutsideStore] },
  },
  { files: ['src/store/**/*.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(
      ['store', 'output', 'input', 'commands', 'actions', 'i18n', 'scripts', 'system'].map(layer).concat([{ group: ['../context.js', '../cli.js'], message: 'domain is pure' }]),
      io,
    ),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: restrict(['output', 'input', 'commands', 'actions', 'i18n'].map(layer).concat([{ group: ['../context.js', '../cli.js'], message: 'store knows no context' }])),
  },
  {
    files: ['src/output/**/*.ts', 'src/input/**/*.ts'],
    rules: restrict(['store', 'commands', 'actions'].map(layer)),
  },
  {
    files: ['src/actions/**/*.ts'],
    rules: restrict(['commands', 'output', 'input'].map(layer)),
  },
  {
    // Facts about the machine (processes): any layer may ask, so they know no layer of dealer's.
    files: ['src/system/**/*.ts'],
    rules: restrict(['store', 'output', 'input', 'commands', 'actions', 'i18n', 'scripts'].map(layer)),
  },
  {
    files: ['src/commands/**/*.ts'],
    rules: restrict([{ group: ['./*'], message: 'commands do not import each other: share through src/actions, src/input or src/output' }]),
  },
);
