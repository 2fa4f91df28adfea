// Prospects a text search finds by the pinyin of their Chinese name. The pinyin library (a large
// dictionary) is loaded only here, only when the search is Latin letters and a name needs it.
import { pinyinMatches, pinyinQuery } from '../domain/pinyin-match.js';
import type { DB } from '../store/db.js';
import { namesBeyondAscii } from '../store/prospects.js';

export async function idsByPinyin(db: DB, search: string): Promise<number[]> {
  const query = pinyinQuery(search);
  if (!query) return [];
  const names = namesBeyondAscii(db);
  if (names.length === 0) return [];
  const { pinyin } = await import('pinyin-pro');
  // surname: 'head' reads 单 as Shan and 曾 as Zeng at the start of a name, as people say them.
  return names
    .filter(({ name }) =>
      pinyinMatches(pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true }), query),
    )
    .map(({ id }) => id);
}
