// What a fresh book says instead of an empty table: where it lives and the first thing to type.
import type { Context } from '../context.js';
/** Where the book is and whether it has been created yet. */
interface Book {
  path: string;
  exists: boolean;
}

export function emptyBook(ctx: Context, book: Book): string {
  const t = ctx.t.ui;
  return [
    t.emptyBook,
    book.exists ? t.bookAt({ path: book.path }) : t.bookNotCreated({ path: book.path }),
    '',
    t.emptyBookHint,
    t.emptyBookDemo,
  ].join('\n');
}
