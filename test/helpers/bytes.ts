// What a book holds on disk: the file and its write-ahead log. A command that "writes nothing" must
// leave both alone; a commit can sit in the -wal for a long time before it reaches the main file, so
// hashing the main file alone misses most writes. (-shm is an index that reads change too.)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const hash = (file: string) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : '');

export const bookBytes = (book: string): { book: string; wal: string } => ({
  book: hash(book),
  wal: hash(`${book}-wal`),
});
