// Asking before something that cannot be taken back: on a terminal, a yes/no question; without one,
// the command needs --yes, so a script never destroys data by accident.
import type { Context } from '../context.js';
import { Cancelled, usage } from '../domain/errors.js';

export async function confirmed(
  ctx: Context,
  question: string,
  yes: boolean | undefined,
  command: string,
): Promise<void> {
  if (yes) return;
  if (!ctx.interactive) throw usage('needsYes', { command });
  if (!(await (await ctx.ask()).confirm(question, false))) throw new Cancelled();
}
