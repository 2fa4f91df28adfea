// dealer doctor: is the book sound, private and up to date? Exit 1, with what to do, when not.
import { existsSync } from 'node:fs';
import type { Context } from '../context.js';
import type { Run } from '../specs.js';
import { usage } from '../domain/errors.js';
import { paint } from '../output/color.js';
import { backupsDir, listBackups, removeStaleTemps } from '../store/backup.js';
import { examine, type Health } from '../store/health.js';
import { stampChecked } from '../store/verify.js';

export async function doctor(ctx: Context): Promise<Health> {
  if (!existsSync(ctx.dbPath)) throw usage('noBook', { path: ctx.dbPath });
  // What an interrupted backup left still holds every customer, even one forgotten since.
  const cleaned = removeStaleTemps(backupsDir(ctx.dbPath));
  const health = examine(ctx.dbPath);
  const newest = listBackups(ctx.dbPath)[0]?.path;
  if (health.sound) stampChecked(ctx.dbPath);
  if (ctx.json) ctx.printJson({ path: ctx.dbPath, ...health, newestBackup: newest ?? null, cleaned });
  else {
    const lines = [paint.bold(ctx.t.ui.doctorHead({ path: ctx.dbPath }))];
    for (const c of health.checks)
      lines.push(`  ${c.ok ? paint.green('ok ') : paint.red('BAD')}  ${c.name}: ${c.detail}`);
    const counts = Object.entries(health.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    if (counts) lines.push(`  ${paint.dim(counts)}`);
    lines.push(`  ${paint.dim(ctx.t.ui.newestBackup({ path: newest ?? ctx.t.word.none }))}`);
    if (cleaned.length) lines.push(`  ${paint.dim(ctx.t.ui.doctorCleaned({ count: cleaned.length }))}`);
    ctx.print(lines.join('\n'));
  }
  if (!health.sound) {
    const damaged = health.checks.some(
      (c) => !c.ok && ['integrity_check', 'foreign_key_check', 'sqlite', 'schema_match', 'side files'].includes(c.name),
    );
    const advice = !damaged
      ? ctx.t.ui.doctorOther
      : newest
        ? ctx.t.ui.doctorDamaged({ backup: newest })
        : ctx.t.ui.doctorNoBackup({ path: ctx.dbPath });
    ctx.tell(`error: ${advice}`);
    process.exitCode = 1;
  }
  return health;
}

export const run: Run<'doctor'> = (ctx) => doctor(ctx);
