// Colour only for people: off when stdout is not a terminal, and when NO_COLOR is set
// (https://no-color.org), which chalk does not read. chalk takes ~7 ms to load, so output that is
// not for a person's eyes (a pipe, a file, a script) never loads it.
type Style = (text: string) => string;

export interface Paint {
  bold: Style;
  dim: Style;
  red: Style;
  yellow: Style;
  green: Style;
}

function wanted(env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return Boolean(process.stdout.isTTY);
}

const plain: Style = (text) => text;

export const paint: Paint = wanted(process.env)
  ? (await import('chalk')).default
  : { bold: plain, dim: plain, red: plain, yellow: plain, green: plain };
