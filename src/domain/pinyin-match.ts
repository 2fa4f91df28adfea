// Finding 王磊 by typing `wang`, `wanglei`, `lei` or the initials `wl`: a consultant at a terminal
// without a Chinese input method still finds their customer.

/** A query a pinyin search can answer: Latin letters only (spaces and apostrophes ignored). */
export function pinyinQuery(search: string): string | undefined {
  const q = search.toLowerCase().replace(/[\s']/g, '');
  return /^[a-z]+$/.test(q) ? q : undefined;
}

/**
 * `syllables`: the name read aloud, one entry per character (non-Chinese characters as themselves).
 * It matches when the query is part of the whole reading, or the start of a run of initials.
 */
export function pinyinMatches(syllables: string[], query: string): boolean {
  const spelled = syllables.map((s) => s.toLowerCase());
  if (spelled.join('').includes(query)) return true;
  const initials = spelled.map((s) => s[0] ?? '').join('');
  return query.length >= 2 && initials.includes(query);
}
