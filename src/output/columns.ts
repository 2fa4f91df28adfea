// Aligned text columns without box drawing: fast for hundreds of rows (cli-table3 spends ~70 ms on
// 200), width-aware for Chinese and emoji, and fitted to the terminal so that no row wraps. Every
// cell passes through `safe`: a table cannot print a stored control character.
import { safe } from './screen.js';

export interface Column {
  header: string;
  /** The column that gives up width first when the terminal is narrow (usually a note). */
  flex?: boolean;
  /** Never wider than this; such a column also gives up width, after the dropped ones. */
  max?: number;
  /** May be left out on a narrow terminal: 1 goes first, then 2, ... */
  drop?: number;
  /** Never cut (a phone number, an id, a date): the table drops other columns instead. */
  whole?: boolean;
  align?: 'right';
}

/** Text as typed (always made safe), or dealer's own text with a style applied after fitting. */
export type Cell = string | { text: string; style: (text: string) => string };

const GAP = 2;

export interface Layout {
  /** Indexes of the columns shown, in order. */
  keep: number[];
  /** Width of every column (of all of them, shown or not). */
  widths: number[];
}

/**
 * Which columns fit `width`, and how wide each is. In turn, while the table is too wide: the
 * flexible column shrinks to 24 and columns with a maximum to 16; columns are left out in their
 * `drop` order (a flexible one tries 12 first); the flexible column shrinks to 12, columns with a
 * maximum to 6, any column that may be cut to its header's width; the rightmost cuttable columns
 * go; last, what is left is cut to a stub.
 * Room left over goes back to the flexible column, then to the others that were shrunk.
 */
export function fit(all: Column[], rows: string[][], width?: number): Layout {
  // Each column with its natural width and the width it is given, shrunk in the steps below.
  const cols = all.map((c, i) => {
    const head = displayWidth(c.header);
    let w = head;
    for (const r of rows) w = Math.max(w, displayWidth(r[i] ?? ''));
    const natural = c.max && !c.whole ? Math.min(w, c.max) : w;
    return { c, i, head, natural, w: natural };
  });
  type Fitted = (typeof cols)[number];
  let keep = [...cols];
  const layout = (): Layout => ({ keep: keep.map((k) => k.i), widths: cols.map((k) => k.w) });
  if (!width) return layout();
  const over = () => keep.reduce((sum, k) => sum + k.w, 0) + GAP * (keep.length - 1) - width;
  const shrink = (k: Fitted, least: number) => {
    if (over() > 0 && keep.includes(k)) k.w = Math.max(Math.min(least, k.natural), k.w - over());
  };

  // A note cut much below a phrase says nothing: below 24 columns, leaving out a column helps more.
  cols.forEach((k) => k.c.flex && !k.c.whole && shrink(k, Math.max(k.head, 24)));
  const droppable = cols.filter((k) => k.c.drop).sort((a, b) => (a.c.drop ?? 0) - (b.c.drop ?? 0));
  cols.forEach((k) => k.c.max && !k.c.flex && !k.c.whole && shrink(k, Math.max(k.head, 16)));
  for (const k of droppable) {
    if (k.c.flex && !k.c.whole) shrink(k, Math.max(k.head, 12));
    if (over() > 0) keep = keep.filter((x) => x !== k);
  }
  cols.forEach((k) => k.c.flex && !k.c.whole && shrink(k, Math.max(k.head, 12)));
  cols.forEach((k) => k.c.max && !k.c.whole && shrink(k, Math.max(k.head, 6)));
  // A header cut to "ca…" makes a column unreadable: rather leave out the rightmost columns.
  cols.forEach((k) => !k.c.whole && shrink(k, Math.max(k.head, 3)));
  for (const k of [...keep].reverse())
    if (over() > 0 && !k.c.whole && keep.length > 1) keep = keep.filter((x) => x !== k);
  cols.forEach((k) => !k.c.whole && shrink(k, 3));

  // Dropping a column can leave room: give it back, the note first.
  const order = [...keep.filter((k) => k.c.flex), ...keep.filter((k) => !k.c.flex)];
  for (const k of order) {
    const room = -over();
    if (room <= 0) break;
    k.w = Math.min(k.natural, k.w + room);
  }
  return layout();
}

export function table(
  all: Column[],
  raw: Cell[][],
  opts: { width?: number; style?: (s: string) => string } = {},
): { lines: string[]; shown: Set<number> } {
  const text = (c: Cell | undefined) => safe(typeof c === 'object' ? c.text : (c ?? ''));
  const rows = raw.map((r) => all.map((_, i) => text(r[i])));
  const safeAll = all.map((c) => ({ ...c, header: safe(c.header) }));
  const headers = safeAll.map((c) => c.header);
  const { keep, widths } = fit(safeAll, rows, opts.width);
  const line = (cells: string[], styles: (((s: string) => string) | undefined)[]) =>
    keep
      .map((i, n) => {
        const w = widths[i] ?? 0;
        const cell = cells[i] ?? '';
        const fitted = displayWidth(cell) > w ? truncate(cell, w) : cell;
        const style = styles[i];
        const styled = style ? style(fitted) : fitted;
        const pad = ' '.repeat(Math.max(0, w - displayWidth(fitted)));
        if (all[i]?.align === 'right') return pad + styled;
        return n === keep.length - 1 ? styled : styled + pad;
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  const head = line(headers, []);
  const body = rows.map((r, n) =>
    line(
      r,
      all.map((_, i) => {
        const c = raw[n]?.[i];
        return typeof c === 'object' ? c.style : undefined;
      }),
    ),
  );
  return { lines: [opts.style ? opts.style(head) : head, ...body], shown: new Set(keep) };
}

export function columns(all: Column[], raw: Cell[][], opts: { width?: number; style?: (s: string) => string } = {}) {
  return table(all, raw, opts).lines.join('\n');
}

const PLAIN = /^[\x20-\x7e]*$/;

/**
 * Columns a text takes in a terminal, from the maintained Unicode tables in `string-width`: CJK two,
 * combining marks none, an emoji sequence (ZWJ family, VS16 heart, skin tone, flag) two.
 */
export function displayWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  const simple = simpleWidths(text);
  if (simple) return simple.reduce((a, b) => a + b, 0);
  return unicode ? unicode(text) : roughWidth(text);
}

let unicode: ((text: string) => number) | undefined;

/** Whether any string in `data` (a row, an object from the book, a list of them) needs the tables. */
function exotic(data: unknown, depth = 0): boolean {
  if (typeof data === 'string') return !PLAIN.test(data) && simpleWidths(data) === null;
  if (depth > 4 || data === null || typeof data !== 'object') return false;
  for (const v of Array.isArray(data) ? data : Object.values(data)) if (exotic(v, depth + 1)) return true;
  return false;
}

/**
 * Loads `string-width` when some text about to be shown needs it. The package and the ICU data it
 * starts cost about as much as the whole morning query, and most books hold only ASCII and Chinese,
 * which `simpleWidths` measures alone. Call it with the data before rendering it.
 */
export async function measuring(...data: unknown[]): Promise<void> {
  if (!unicode && exotic(data)) unicode = (await import('string-width')).default;
}

/**
 * Only if a renderer was not given the chance to load the tables: emoji and other wide blocks two
 * columns, joiners, variation selectors, skin tones and combining marks none. Misaligns rarely;
 * never throws.
 */
function roughWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (
      c < 0x20 ||
      (c >= 0x7f && c < 0xa0) ||
      (c >= 0x300 && c <= 0x36f) ||
      c === 0x200d ||
      (c >= 0xfe00 && c <= 0xfe0f) ||
      (c >= 0x1f3fb && c <= 0x1f3ff)
    )
      continue;
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c >= 0x1f000)
        ? 2
        : 1;
  }
  return w;
}

/**
 * Tables of Chinese names are measured cell by cell: the common characters (ASCII, CJK ideographs
 * and punctuation, full-width forms) are counted here, one column or two, and `string-width` is
 * asked only about the rest (emoji, marks, other scripts). Same answers, several times faster.
 */
function simpleWidths(text: string): number[] | null {
  const widths: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) widths.push(1);
    else if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x3001 && c <= 0x303e) ||
      (c >= 0xff01 && c <= 0xff60)
    )
      widths.push(2);
    else return null;
  }
  return widths;
}

let graphemes: Intl.Segmenter | undefined;

/** Characters as the eye sees them (an emoji family is one); ASCII and Chinese need no segmenter. */
function* clusters(text: string): Iterable<string> {
  if (simpleWidths(text)) {
    yield* text;
    return;
  }
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) yield segment;
}

/** Cuts plain text to at most `max` columns, ending with "…" when cut. Line breaks become spaces. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  if (displayWidth(flat) <= max) return flat;
  let w = 0;
  let out = '';
  const simple = simpleWidths(flat);
  if (simple) {
    let n = 0;
    while (n < simple.length && w + (simple[n] ?? 0) <= max - 1) w += simple[n++] ?? 0;
    return `${flat.slice(0, n)}…`;
  }
  for (const ch of clusters(flat)) {
    const cw = displayWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Punctuation that must not start a line in Chinese (it stays with the character before it). */
const NO_LINE_START = /^[，。、；：？！）」』》〉】…,.;:?!)]/;

/** Pieces a line may break between: words at spaces, and each wide (CJK) character on its own. */
function pieces(text: string): { text: string; space: boolean }[] {
  const out: { text: string; space: boolean }[] = [];
  let word: { text: string; space: boolean } | null = null;
  let spaced = false;
  const flush = () => {
    if (word) out.push(word);
    word = null;
  };
  for (const ch of clusters(text)) {
    if (ch === ' ') {
      flush();
      spaced = true;
      continue;
    }
    const host = word ?? out.at(-1);
    if (!spaced && NO_LINE_START.test(ch) && host) {
      host.text += ch;
      continue;
    }
    if (displayWidth(ch) === 2) {
      flush();
      out.push({ text: ch, space: spaced });
    } else {
      word ??= { text: '', space: spaced };
      word.text += ch;
    }
    spaced = false;
  }
  flush();
  return out;
}

/**
 * Wraps one paragraph to `width` columns: at spaces, and between any two Chinese characters; a word
 * longer than a line is cut. Lines after the first start with `indent` spaces.
 */
export function wrap(text: string, width: number | undefined, indent = 0): string[] {
  const flat = safe(text);
  if (!width || displayWidth(flat) <= width) return [flat];
  const room = Math.max(8, width);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const start = () => (lines.length ? indent : 0);
  for (const p of pieces(flat)) {
    const w = displayWidth(p.text);
    const sep = line && p.space ? 1 : 0;
    if (line && used + sep + w > room) {
      lines.push(line);
      line = ' '.repeat(indent);
      used = indent;
    } else if (sep) {
      line += ' ';
      used += 1;
    }
    let rest = p.text;
    // (An indent wider than the room leaves nothing to cut: the loop stops rather than cut nothing forever.)
    while (rest && used + displayWidth(rest) > room) {
      // A word longer than a whole line: cut it where the line ends.
      let cut = '';
      let cw = 0;
      for (const ch of clusters(rest)) {
        if (used + cw + displayWidth(ch) > room) break;
        cut += ch;
        cw += displayWidth(ch);
      }
      if (!cut && used === start()) [cut = ''] = clusters(rest);
      lines.push(line + cut);
      rest = rest.slice(cut.length);
      line = ' '.repeat(indent);
      used = indent;
    }
    line += rest;
    used += displayWidth(rest);
  }
  if (line.trim()) lines.push(line);
  return lines;
}
