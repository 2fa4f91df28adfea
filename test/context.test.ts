// The context takes over the book start-up opened to read its words (a stale or missing mirror):
// a reading command uses that connection instead of opening the book a second time.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeContext } from '../src/context.js';
import { messages } from '../src/i18n/en.js';
import { openBook, write } from '../src/store/db.js';
import { readSettings, saveSetting } from '../src/store/settings.js';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dealer-context-'));
  path = join(dir, 'dealer.db');
  (await openBook(path, { create: true })).db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const context = async () => {
  const peeked = await openBook(path, { create: false });
  return { peeked, ctx: makeContext({ t: messages, globals: { db: path }, label: 'test', peeked }) };
};

describe('the book opened to read its words', () => {
  it('is the connection a reading command gets', async () => {
    const { peeked, ctx } = await context();
    expect(await ctx.open('read')).toBe(peeked);
    ctx.close();
    expect(peeked.db.open).toBe(false);
  });

  it('is closed before a command opens the book to write', async () => {
    const { peeked, ctx } = await context();
    const book = await ctx.open('write');
    expect(book).not.toBe(peeked);
    expect(peeked.db.open).toBe(false);
    ctx.close();
  });

  it('is closed, and its words mirrored, when the command never opens the book', async () => {
    const { peeked, ctx } = await context();
    expect(existsSync(`${path}-lang`)).toBe(false);
    ctx.close();
    expect(peeked.db.open).toBe(false);
    expect(readFileSync(`${path}-lang`, 'utf8')).toMatch(/^book=\S+$/m);
  });

  it('mirrors the words the book holds when the run ends, not those it read at the start', async () => {
    const { peeked, ctx } = await context();
    const book = await ctx.open('read');
    expect(readSettings(book.db).lang || undefined).toBeUndefined();
    // Another dealer changes the language while this one is still reading.
    const other = await openBook(path, { create: true });
    write(other.db, () => saveSetting(other.db, 'lang', 'zh'));
    other.db.close();
    ctx.close();
    expect(peeked.db.open).toBe(false);
    expect(readFileSync(`${path}-lang`, 'utf8')).toMatch(/^lang=zh$/m);
  });
});

