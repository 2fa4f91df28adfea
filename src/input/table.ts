// A file to import, whatever Excel or WPS saved it as: CSV (any of the dialects csv.ts reads) or an
// .xlsx workbook. Told apart by their first bytes, not trusted from the name alone; what dealer
// cannot read is refused with what to do instead, never read as garbage.
import { extname } from 'node:path';
import { usage } from '../domain/errors.js';
import { readCsv, type Csv } from './csv.js';
import { containerOf, readWorkbook } from './sheet.js';

export interface TableOptions {
  encoding?: string;
  sheet?: string;
  /** How messages name the input (standard input has no name of its own). */
  label?: string;
}

const TEXT_NAMES = new Set(['.csv', '.txt', '.tsv', '.tab']);
const WORKBOOK_NAMES = new Set(['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.numbers']);

/** `name` is the path given, or `-` for standard input, whose name says nothing of its format. */
export async function readTable(bytes: Buffer, name: string, o: TableOptions): Promise<Csv> {
  const ext = name === '-' ? '' : extname(name).toLowerCase();
  const file = o.label ?? name;
  const container = containerOf(bytes);
  if (container === 'ole2') throw usage('oldWorkbook', { path: file });
  if (container === 'zip') {
    // Saved as a workbook but named as text: reading it either way would be a guess at what was meant.
    if (TEXT_NAMES.has(ext)) throw usage('misnamedWorkbook', { path: file });
    return readWorkbook(bytes, file, o.sheet);
  }
  if (WORKBOOK_NAMES.has(ext)) throw usage('unreadableWorkbook', { path: file });
  if (o.sheet !== undefined) throw usage('sheetOfCsv', { path: file });
  return readCsv(bytes, file, o.encoding);
}
