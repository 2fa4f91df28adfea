// Whether output is painted: off when stdout is not a terminal, and when NO_COLOR is set
// (https://no-color.org), which chalk does not read. Apart from color.ts so that the screen guard
// can ask without loading chalk.
function wanted(env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return Boolean(process.stdout.isTTY);
}

export const coloured = wanted(process.env);
