// Aligned text columns without box drawing: fast for hundreds of rows (cli-table3 spends ~70 ms on
// 200), width-aware for Chinese, and fitted to the terminal: the flexible column gives up width
// first, then the least needed columns are left out, then the columns with a maximum shrink.

export interface Column {
  header: string;
  /** The column that gives up width first when the terminal is narrow (usually a note). */
  flex?: boolean;
  /** Never wider than this; such a column also gives up width, last. */
  max?: number;
  /** May be left out on a narrow terminal: 1 goes first, then 2, ... */
  drop?: number;
  align?: 'right';
}

export function columns(
  all: Column[],
  raw: string[][],
  opts: { width?: number; style?: (s: string) => string } = {},
): string {
  // A note with line breaks would break its row: one line per row, always.
  const flat = raw.map((r) => r.map((cell) => (/[\r\n]/.test(cell) ? cell.replace(/\s*[\r\n]+\s*/g, ' ') : cell)));
  const natural = all.map((c, i) => {
    let w = displayWidth(c.header);
    for (const r of flat) w = Math.max(w, displayWidth(r[i] ?? ''));
    return c.max ? Math.min(w, c.max) : w;
  });
  const floor = (i: number, least: number) => Math.max(displayWidth(all[i]!.header), least);
  let keep = all.map((_, i) => i);
  const widths = [...natural];
  const over = () => keep.reduce((sum, i) => sum + widths[i]!, 0) + 2 * (keep.length - 1) - (opts.width ?? Infinity);
  const shrink = (i: number, least: number) => {
    widths[i] = Math.max(floor(i, least), widths[i]! - Math.max(0, over()));
  };
  if (opts.width && over() > 0) {
    all.forEach((c, i) => c.flex && shrink(i, 12));
    const droppable = all.flatMap((c, i) => (c.drop ? [i] : [])).sort((a, b) => all[a]!.drop! - all[b]!.drop!);
    for (const i of droppable) if (over() > 0) keep = keep.filter((k) => k !== i);
    all.forEach((c, i) => c.max && !c.flex && over() > 0 && shrink(i, 6));
  }
  const cols = keep.map((i) => all[i]!);
  const fit = keep.map((i) => widths[i]!);
  const line = (cells: string[]) =>
    cells
      .map((cell, n) => {
        const fitted = displayWidth(cell) > fit[n]! ? truncate(cell, fit[n]!) : cell;
        if (n === cells.length - 1 && cols[n]!.align !== 'right') return fitted;
        return cols[n]!.align === 'right'
          ? ' '.repeat(fit[n]! - displayWidth(fitted)) + fitted
          : padEnd(fitted, fit[n]!);
      })
      .join('  ')
      .trimEnd();
  const header = line(cols.map((c) => c.header));
  return [opts.style ? opts.style(header) : header, ...flat.map((r) => line(keep.map((i) => r[i] ?? '')))].join('\n');
}

// Display width in a terminal: CJK ideographs, kana, Hangul and full-width forms take two columns,
// combining marks none. Tables must line up with Chinese names as well as English ones.

const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function charWidth(code: number): number {
  if (code < 0x300) return code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : 1;
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f))
    return 0;
  for (const [lo, hi] of WIDE) {
    if (code < lo) return 1;
    if (code <= hi) return 2;
  }
  return 1;
}

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of stripAnsi(text)) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Cuts plain text to at most `max` columns, ending with "…" when cut. Line breaks become spaces. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  if (displayWidth(flat) <= max) return flat;
  let w = 0;
  let out = '';
  for (const ch of flat) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
