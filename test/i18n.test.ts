// Every user-visible string exists in English and Chinese: the two catalogues have the same keys in
// every group, the same kinds of value, and messages that read the same parameters and show the
// same ones — compared in both directions, so neither language can drop or invent a key.
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { zh } from '../src/i18n/zh.js';

function shape(value: unknown, path: string, out: Map<string, unknown>): void {
  if (typeof value === 'function' || Array.isArray(value) || !value || typeof value !== 'object') {
    out.set(path, value);
    if (Array.isArray(value)) value.forEach((v, i) => shape(v, `${path}[${i}]`, out));
    return;
  }
  for (const [k, v] of Object.entries(value)) shape(v, path ? `${path}.${k}` : k, out);
}

const flat = (catalogue: unknown) => {
  const out = new Map<string, unknown>();
  shape(catalogue, '', out);
  return out;
};

const kind = (v: unknown) => (Array.isArray(v) ? `array(${v.length})` : typeof v);

/** Calls a message with a recording stand-in for its parameters: which it reads, what it prints. */
function probe(fn: (p: never) => unknown): { reads: string[]; shows: string[] } {
  const reads = new Set<string>();
  const params = new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key !== 'string') return undefined;
        reads.add(key);
        return `‹${key}›`;
      },
    },
  );
  const text = String(fn(params as never));
  const shows = [...reads].filter((k) => text.includes(`‹${k}›`));
  return { reads: [...reads].sort(), shows: shows.sort() };
}

const english = flat(en);
const chinese = flat(zh);

/** Keys of `a` that `b` lacks, or holds as a different kind of value. */
const missing = (a: Map<string, unknown>, b: Map<string, unknown>) =>
  [...a].filter(([k, v]) => !b.has(k) || kind(b.get(k)) !== kind(v)).map(([k]) => k);

describe('message catalogues', () => {
  it('every English key is in Chinese, as the same kind of value', () => {
    expect(missing(english, chinese)).toEqual([]);
  });

  it('every Chinese key is in English, as the same kind of value', () => {
    expect(missing(chinese, english)).toEqual([]);
  });

  it('every error has a hint in both languages', () => {
    expect(Object.keys(en.hint).sort()).toEqual(Object.keys(en.err).sort());
    expect(Object.keys(zh.hint).sort()).toEqual(Object.keys(zh.err).sort());
  });

  const messages = [...english].filter(([, v]) => typeof v === 'function').map(([k]) => k);

  it('there are messages with parameters to compare', () => {
    expect(messages.length).toBeGreaterThan(100);
  });

  it.each(messages)('%s reads and shows the same parameters in both languages', (key) => {
    const theirs = chinese.get(key);
    expect(typeof theirs, key).toBe('function');
    const a = probe(english.get(key) as (p: never) => unknown);
    const b = probe(theirs as (p: never) => unknown);
    expect(b.reads, `${key} reads`).toEqual(a.reads);
    expect(b.shows, `${key} shows`).toEqual(a.shows);
  });

  it('Chinese text is Chinese', () => {
    const strings = [...chinese].filter(([k, v]) => typeof v === 'string' && k !== 'lang');
    const latin = strings.filter(([, v]) => !/[\u4e00-\u9fff]/.test(v as string)).length;
    // Codes, units and command names stay Latin; the rest of the catalogue must not.
    expect(latin / strings.length).toBeLessThan(0.5);
    expect(zh.ui.cancelled).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('what undo names', () => {
  // `dealer undo` says what it takes back table by table: a table it can undo without a word for it
  // printed its raw name ("1 deal", "新增 1 milestone").
  it('has a word in both languages for every table undo takes back', async () => {
    const { JOURNALED } = await import('../src/store/migrations.js');
    for (const table of JOURNALED) {
      expect(Object.keys(en.word.table), table).toContain(table);
      expect(Object.keys(zh.word.table), table).toContain(table);
    }
  });
});
