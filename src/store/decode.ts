// Rows as SQLite hands them over are `unknown`: these check each value on the way in instead of
// asserting a type, so a damaged or foreign book fails at the column that is wrong, by name, rather
// than somewhere later with a value of the wrong kind.
import { TIERS } from '../domain/tier.js';
import { KINDS, PROSPECT_KINDS, STAGES } from '../domain/vocab.js';

export class BadRow extends Error {
  constructor(what: string, value: unknown) {
    super(`unexpected value in the book: ${what} is ${value === null ? 'null' : typeof value}`);
  }
}

export type Fields = Record<string, unknown>;

/** A row as an object of columns. */
export function fields(v: unknown, what = 'row'): Fields {
  if (!isFields(v)) throw new BadRow(what, v);
  return v;
}

const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A row read with `.raw()`: its values in select order. */
export function cells(v: unknown, what = 'row'): unknown[] {
  if (!Array.isArray(v)) throw new BadRow(what, v);
  return v;
}

export function text(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new BadRow(what, v);
  return v;
}

export function int(v: unknown, what: string): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'number') throw new BadRow(what, v);
  return v;
}

export const textOrNull = (v: unknown, what: string): string | null => (v === null ? null : text(v, what));
export const intOrNull = (v: unknown, what: string): number | null => (v === null ? null : int(v, what));
/** An optional value: a missing row (`undefined`) and SQL NULL both read as undefined. */
export const maybe =
  <T>(decode: (v: unknown, what: string) => T) =>
  (v: unknown, what: string): T | undefined =>
    v === undefined || v === null ? undefined : decode(v, what);

/** One of a fixed vocabulary (stages, kinds, tiers): the CHECK constraints' words. */
export function oneOf<T extends string>(words: readonly T[]) {
  return (v: unknown, what: string): T => {
    const hit = words.find((w) => w === v);
    if (hit === undefined) throw new BadRow(what, v);
    return hit;
  };
}

export const orNull =
  <T>(decode: (v: unknown, what: string) => T) =>
  (v: unknown, what: string): T | null =>
    v === null ? null : decode(v, what);

/** Key and value rows (settings, answers) as one record. */
export function keyValues(rows: unknown[], what: string): Record<string, string> {
  return Object.fromEntries(
    rows.map((row) => {
      const r = fields(row, what);
      return [text(r.key, `${what}.key`), text(r.value, `${what}.value`)];
    }),
  );
}

/** JSON text stored in a column, parsed: its shape is the caller's to check. */
export function json(v: unknown, what: string): unknown {
  return JSON.parse(text(v, what));
}

/** A JSON array of strings, as `json_group_array` builds it. */
export function textList(v: unknown, what: string): string[] {
  const list = json(v, what);
  if (!Array.isArray(list)) throw new BadRow(what, list);
  return list.map((x, i) => text(x, `${what}[${i}]`));
}

/** One text column of every row a pragma or query returned (`integrity_check`, `name`, ...). */
export function column(rows: unknown, name: string): string[] {
  return cells(rows, name).map((r) => text(fields(r, name)[name], name));
}

// The vocabularies every table shares, read the same way wherever a row holds them.
export const readStage = oneOf(STAGES);
export const readTier = oneOf(TIERS);
export const readProspectKind = oneOf(PROSPECT_KINDS);
export const readContactKind = oneOf(KINDS);
