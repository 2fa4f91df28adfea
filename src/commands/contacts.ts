// dealer contacts: a prospect's contacts with their ids, to correct one with `dealer contact`.
import type { Context } from '../context.js';
import type { Run } from '../specs.js';
import { contactsTable } from '../output/contacts.js';
import { contactsWithMet } from '../actions/organisation.js';
import { requireProspect } from '../actions/prospect.js';

export async function contacts(ctx: Context, idText: string) {
  const { db } = await ctx.open('read');
  const p = requireProspect(db, idText);
  const list = contactsWithMet(db, p);
  if (ctx.json) ctx.printJson(list);
  else ctx.print(contactsTable(ctx.t, p, list, ctx.width));
  return list;
}

export const run: Run<'contacts'> = (ctx, { id }) => contacts(ctx, id);
