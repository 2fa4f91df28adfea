// Reading a CSV file someone else wrote: Excel's UTF-8 with or without BOM, UTF-16 "Unicode text",
// or GBK from Chinese Excel when asked (--encoding gbk); separated by commas, tabs ("Unicode text",
// "Text (tab delimited)") or semicolons (Excel where the decimal mark is a comma). Text that is not
// valid UTF-8 is never guessed at silently: that is how names turn into mojibake.
import { parse, CsvError } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { usage } from '../domain/errors.js';

export interface CsvRecord {
  /** The line the record starts on, for messages. */
  line: number;
  cells: string[];
}

function decode(bytes: Buffer, encoding: string | undefined, file: string): string {
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    if (!iconv.encodingExists(encoding)) throw usage('badEncoding', { input: encoding });
    return iconv.decode(bytes, encoding);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes, 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes, 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8. Chinese Excel saves CSV as GBK: say so when the bytes read as Chinese that way.
    const asGbk = iconv.decode(bytes, 'gb18030');
    const likely = !asGbk.includes('\uFFFD') && /[\u4e00-\u9fff]/.test(asGbk) ? 'gbk' : '';
    throw usage(likely ? 'notUtf8Gbk' : 'notUtf8', { path: file });
  }
}

const PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'unclosedQuote',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'raggedRow',
  CSV_INVALID_CLOSING_QUOTE: 'strayQuote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'strayQuote',
};

const DELIMITERS = [',', '\t', ';'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/**
 * The separator the header line uses: the one it holds most of outside quotes (headers rarely
 * hold any of them themselves). A header with none is a one-column file: a comma does.
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Line numbers from byte offsets: csv-parse's own line count is off for CRLF inside quoted fields. */
function lineCounter(bytes: Buffer) {
  let at = 0;
  let line = 1;
  return (offset: number) => {
    for (; at < offset && at < bytes.length; at++) if (bytes[at] === 0x0a) line++;
    return line;
  };
}

/**
 * Where each record starts, by record number (0 = header), then where reading stopped; and each
 * record's field count. Costs a second pass, so it is done only when a message needs a line.
 */
function recordLines(utf8: Buffer, delimiter: Delimiter): { lines: number[]; widths: number[] } {
  const lineAt = lineCounter(utf8);
  const lines: number[] = [];
  const widths: number[] = [];
  let start = 0;
  const startOfNext = () => {
    // Past the end of the previous record and any blank lines.
    while (utf8[start] === 0x0d || utf8[start] === 0x0a) start++;
    return lineAt(start);
  };
  try {
    parse(utf8, {
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], context: { bytes: number }) => {
        lines.push(startOfNext());
        widths.push(record.length);
        start = context.bytes;
        return null;
      },
    });
  } catch {
    // The record that broke the file starts where the last good one ended.
  }
  lines.push(startOfNext());
  return { lines, widths };
}

export interface Csv {
  header: string[];
  records: CsvRecord[];
}

/** The header and the records, each with its line; a malformed file is a usage error naming the line. */
export function readCsv(bytes: Buffer, file: string, encoding?: string): Csv {
  const text = decode(bytes, encoding, file).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw usage('emptyFile', { path: file });
  const utf8 = Buffer.from(text, 'utf8');
  const delimiter = sniffDelimiter(text);
  let rows: string[][];
  try {
    rows = parse(utf8, { delimiter, skip_empty_lines: true, relax_column_count: false });
  } catch (e) {
    if (e instanceof CsvError) {
      const { lines, widths } = recordLines(utf8, delimiter);
      // A row with too many or too few fields is named; otherwise reading stopped where it broke.
      const ragged = widths.findIndex((w) => w !== widths[0]);
      const inconsistent = e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && ragged > 0;
      const line = (inconsistent ? lines[ragged] : lines.at(-1)) ?? 0;
      throw usage('badCsv', { path: file, line, problem: PROBLEMS[e.code] ?? 'other', detail: e.message });
    }
    throw e;
  }
  const [head, ...data] = rows;
  if (!head) throw usage('emptyFile', { path: file });
  if (data.length === 0) throw usage('noRows', { path: file });
  // Line numbers are found only when a message needs one: most imports never do.
  let lines: number[] | undefined;
  const records = data.map((cells, i) => ({
    cells,
    get line() {
      lines ??= recordLines(utf8, delimiter).lines;
      return lines[i + 1] ?? 0;
    },
  }));
  return { header: head.map((h) => h.trim()), records };
}
