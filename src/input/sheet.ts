// Reading a workbook from Excel or WPS: one sheet, as the same header and records a CSV gives, so
// the import maps and checks it exactly as it does a CSV. Cells become the text a consultant sees:
// a phone typed as a number stays its digits (never 1.38E+10), a date cell becomes YYYY-MM-DD.
// read-excel-file is loaded here only, when a workbook is imported.
import { usage } from '../domain/errors.js';
import type { Csv } from './csv.js';

/** What a workbook file starts with: a zip (.xlsx, .xlsm, .ods) or the old OLE2 container (.xls). */
export type Container = 'zip' | 'ole2' | 'other';

export function containerOf(bytes: Uint8Array): Container {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((b, i) => bytes[i] === b)) return 'ole2';
  return 'other';
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as text. Numbers arrive unparsed (as the file spells them); date cells as the instant whose
 * UTC fields are the day written in the sheet — a serial is a wall-clock day, not a moment, so the
 * local time zone must not move it.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // A time of day just short of midnight (float error in a serial) still belongs to its day.
    const at = new Date(Math.round(value.getTime() / 1000) * 1000);
    return `${String(at.getUTCFullYear()).padStart(4, '0')}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = String(value);
  // Some writers spell whole numbers as 13800138000.0 or 1.3800138E10: a phone is its digits.
  if (/^[+-]?\d+(\.\d+)?[eE][+-]?\d+$|^[+-]?\d+\.0+$/.test(text)) {
    const n = Number(text);
    if (Number.isSafeInteger(n)) return String(n);
  }
  return text;
}

/** Which sheet: a name, or a number counting from 1; the first when not given. */
function pick(names: string[], wanted: string | undefined): number {
  if (wanted === undefined) return 0;
  const exact = names.indexOf(wanted);
  if (exact >= 0) return exact;
  const folded = names.findIndex((n) => n.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (folded >= 0) return folded;
  if (/^\d+$/.test(wanted.trim()) && Number(wanted) >= 1 && Number(wanted) <= names.length) return Number(wanted) - 1;
  throw usage('noSuchSheet', { input: wanted, sheets: names.join(', ') });
}

export async function readWorkbook(bytes: Buffer, file: string, sheet: string | undefined): Promise<Csv> {
  const { default: readExcelFile } = await import('read-excel-file/node');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = await readExcelFile(bytes, { parseNumber: (s: string) => s, trim: false });
  } catch {
    throw usage('unreadableWorkbook', { path: file });
  }
  const names = sheets.map((s) => s.sheet);
  const at = pick(names, sheet);
  const data = sheets[at].data;
  // Rows keep their sheet row number, for messages; blank rows are skipped as a CSV's blank lines are.
  const rows = data
    .map((cells, i) => ({ line: i + 1, cells: cells.map(cellText) }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  // A title above the table ("2026年3月客户名单", often merged across it) is not its header: every
  // import needs two columns at least, so leading rows of one cell are skipped.
  while (rows.length > 1 && rows[0].cells.filter((c) => c.trim() !== '').length < 2) rows.shift();
  const [head, ...records] = rows;
  const where = names.length > 1 ? `${file} [${names[at]}]` : file;
  // A workbook's first sheet is often a cover or instructions: say which sheets there are.
  if (names.length > 1 && records.length === 0) throw usage('emptySheet', { path: where, sheets: names.join(', ') });
  if (!head) throw usage('emptyFile', { path: where });
  if (records.length === 0) throw usage('noRows', { path: where });
  return { header: head.cells.map((h) => h.trim()), records };
}
