// dealer config: cadences, the daily goal, names and defaults, kept in the book itself.
import type { Context } from '../context.js';
import type { Run } from '../specs.js';
import { usage } from '../domain/errors.js';
import { canonicalKey, checkKey, checkSetting, defaultFor, SETTING_KEYS } from '../domain/settings.js';
import { paint } from '../output/color.js';
import { columns, measuring } from '../output/columns.js';
import { write } from '../store/db.js';
import { removeSetting, saveSetting, storedSettings } from '../store/settings.js';

export interface SettingRow {
  key: string;
  value: string;
  isDefault: boolean;
}

export async function config(ctx: Context, action = 'list', given?: string, value?: string): Promise<SettingRow[]> {
  const key = given === undefined ? undefined : canonicalKey(given);
  const act = action.toLowerCase();
  if (!['list', 'get', 'set', 'unset'].includes(act)) throw usage('badConfigAction', { input: action });
  if (act !== 'list' && !key)
    throw usage('missingFields', {
      fields: 'key',
      flags: `dealer config ${act} <key>${act === 'set' ? ' <value>' : ''}`,
    });
  if (key) checkKey(key);
  if (act === 'set' && value === undefined)
    throw usage('missingFields', { fields: 'value', flags: `dealer config set ${key} <value>` });
  const checked = act === 'set' && key && value !== undefined ? checkSetting(key, value) : undefined;

  const book = await ctx.open(act === 'set' || act === 'unset' ? 'write' : 'read');
  if (key && checked !== undefined) write(book.db, () => saveSetting(book.db, key, checked));
  if (act === 'unset' && key) write(book.db, () => removeSetting(book.db, key));
  const stored = storedSettings(book.db);
  const rows = Object.entries(SETTING_KEYS)
    .filter(([k]) => act === 'list' || k === key)
    .map(([k]) => ({ key: k, value: stored[k] ?? defaultFor(k, stored), isDefault: stored[k] === undefined }));

  if (ctx.json) ctx.printJson(act === 'list' ? rows : rows[0]);
  else if (act === 'get') ctx.print(rows[0]?.value ?? '');
  else if (act === 'list') {
    await measuring(rows);
    ctx.print(
      columns(
        [
          { header: ctx.t.ui.col.key, whole: true },
          { header: ctx.t.ui.col.value, flex: true },
          { header: '', drop: 1 },
        ],
        rows.map((r) => [
          r.key,
          r.value === '' ? '—' : r.value,
          r.isDefault ? { text: ctx.t.ui.settingDefault, style: paint.dim } : '',
        ]),
        { width: ctx.width, style: paint.dim },
      ),
    );
  } else {
    const [row] = rows;
    if (row) ctx.print(`${key} = ${row.value}${row.isDefault ? ` (${ctx.t.ui.settingDefault})` : ''}`);
  }
  return rows;
}

export const run: Run<'config'> = (ctx, { action, key, value }) => config(ctx, action, key, value);
