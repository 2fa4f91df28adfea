// SQLite's failures, said in dealer's words: the one place that knows SQLite's result codes turns
// them into DealerErrors naming the book, so the output layer never needs to know SQLite.
import { dirname } from 'node:path';
import { DealerError, errorCode } from '../domain/errors.js';
import { listBackups } from './files.js';

const newestBackup = (book: string) => {
  try {
    return listBackups(book)[0]?.path ?? '';
  } catch {
    return '';
  }
};

/** A DealerError for an SQLite failure on `book`; anything else is returned as it came. */
export function asDealerError(e: unknown, book: string): unknown {
  const code = errorCode(e);
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return e;
  if (code.startsWith('SQLITE_BUSY')) return new DealerError('busy', { path: book });
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code))
    return new DealerError('damaged', { path: book, backup: newestBackup(book) });
  if (code === 'SQLITE_FULL') return new DealerError('diskFull', { path: book });
  if (code.startsWith('SQLITE_IOERR')) return new DealerError('ioError', { path: book });
  if (code === 'SQLITE_READONLY_DIRECTORY') return new DealerError('readOnlyFolder', { path: dirname(book) });
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM')
    return new DealerError('readOnlyBook', { path: book });
  if (code.startsWith('SQLITE_CANTOPEN')) return new DealerError('cannotOpen', { path: book });
  return e;
}

