// The prospect an id typed on the command line names, or a usage error saying nobody has it.
import { usage } from '../domain/errors.js';
import { parseId } from '../domain/ids.js';
import type { Prospect } from '../domain/prospect.js';
import type { DB } from '../store/db.js';
import { getProspect } from '../store/prospects.js';

export function requireProspect(db: DB, idText: string): Prospect {
  const id = parseId(idText);
  const p = getProspect(db, id);
  if (!p) throw usage('unknownId', { id });
  return p;
}
