// What SQLite's file header says about a file, read without opening it: whether it is a dealer
// book (application_id), a sample book, an empty database, or someone else's. dealer changes
// nothing — no mode, no journal, no table — in a database that is not its own.
import { closeSync, openSync, readSync } from 'node:fs';

/** "DLR1" in ASCII: every dealer book carries it from schema version 5 on. */
export const BOOK_MARK = 0x444c5231;
/** "DEMO" in ASCII: a sample book `dealer demo` made, and may replace. */
export const DEMO_MARK = 0x44454d4f;

const MAGIC = 'SQLite format 3\0';

export interface Header {
  sqlite: boolean;
  /** application_id (offset 68). */
  mark: number;
  /** user_version (offset 60): dealer's schema version. */
  version: number;
  /** The database size in pages (offset 28): 1 or less is a database with no tables. */
  pages: number;
}

/** The header of a regular file (a FIFO would block: callers check the type first). */
export function readHeader(path: string): Header {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(100);
    const got = readSync(fd, head, 0, 100, 0);
    const sqlite = got >= 16 && head.toString('latin1', 0, 16) === MAGIC;
    if (!sqlite || got < 100) return { sqlite, mark: 0, version: 0, pages: 0 };
    return {
      sqlite,
      mark: head.readUInt32BE(68),
      version: head.readUInt32BE(60),
      pages: head.readUInt32BE(28),
    };
  } finally {
    closeSync(fd);
  }
}

/**
 * How far the header alone answers "may dealer open this as its book": 'ours' (marked),
 * 'empty' (an SQLite file with no tables yet), or 'ask' — unmarked with a schema version, so a book
 * from before the mark or another program's database: only its tables can tell.
 */
export function claim(h: Header): 'ours' | 'empty' | 'ask' | 'foreign' {
  if (h.mark === BOOK_MARK || h.mark === DEMO_MARK) return 'ours';
  if (h.mark !== 0) return 'foreign';
  if (h.version === 0) return h.pages <= 1 ? 'empty' : 'foreign';
  return 'ask';
}
