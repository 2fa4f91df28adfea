// A report as an Excel workbook, typed the way a consultant's manager expects: phones and ids are
// text (a leading 0 stays, no 1.38E+10, no apostrophe), days are real dates Excel can sort and
// filter, counts are numbers. Text cells are never formulas here, so nothing needs defusing.
// write-excel-file is loaded here only, when a workbook is asked for.
import { isDay } from '../domain/dates.js';
import { headerOf, type Cell, type CellKind, type Column, type HeaderLang } from '../domain/sheets.js';

type XlsxCell = {
  value: string | number | Date;
  type: StringConstructor | NumberConstructor | DateConstructor;
  format?: string;
  /** The header row only. */
  fontWeight?: 'bold';
} | null;

/**
 * Text is marked Text (@), so a phone, a WeChat id or a birthday like 05-06 stays as it is when
 * someone edits the cell in Excel; ids become text too; days become dates; counts stay numbers.
 */
function cellOf(kind: CellKind, value: Cell): XlsxCell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' && kind !== 'id') return { value, type: Number };
  if (kind === 'day' && typeof value === 'string' && isDay(value)) {
    // Midnight UTC is the serial of that calendar day, whatever the time zone here.
    const [y = 0, m = 1, d = 1] = value.split('-').map(Number);
    return { value: new Date(Date.UTC(y, m - 1, d)), type: Date, format: 'yyyy-mm-dd' };
  }
  return { value: String(value), type: String, format: '@' };
}

/** Display width in Excel's "characters": Chinese characters take two. */
function widthOf(text: string): number {
  let w = 0;
  for (const c of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c)
      ? 2
      : 1;
  return w;
}

/** The workbook's bytes: one sheet, a bold frozen header row, columns wide enough to read. */
export async function workbook(
  sheetName: string,
  columns: readonly Column[],
  lang: HeaderLang,
  rows: Iterable<Cell[]>,
): Promise<{ bytes: Uint8Array; rows: number }> {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const headers = columns.map((c) => headerOf(c, lang));
  const widths = headers.map(widthOf);
  const data: XlsxCell[][] = [headers.map((h): XlsxCell => ({ value: h, type: String, fontWeight: 'bold' }))];
  for (const row of rows) {
    data.push(
      columns.map((c, i) => {
        const cell = cellOf(c.cell, row[i]);
        if (cell) {
          const shown = cell.value instanceof Date ? 10 : widthOf(String(cell.value));
          if (shown > (widths[i] ?? 0)) widths[i] = shown;
        }
        return cell;
      }),
    );
  }
  const bytes = await writeExcelFile(data, {
    sheet: sheetName,
    stickyRowsCount: 1,
    columns: widths.map((w) => ({ width: Math.min(50, w + 2) })),
  }).toBuffer();
  return { bytes, rows: data.length - 1 };
}
