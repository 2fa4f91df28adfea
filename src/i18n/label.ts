// A label for a key the type checker cannot vouch for — text stored in the book, commander's help
// titles — as the catalogue's own entry, or undefined for the caller to fall back from.
import type { Messages } from './en.js';

export function labelOf<T extends object>(table: T, key: string): T[keyof T] | undefined {
  return Object.hasOwn(table, key) ? table[key as keyof T] : undefined;
}

/** The name a consultant calls a topic by in their language; a topic of their own keeps its key. */
export const topicName = (t: Messages, key: string): string => labelOf(t.word.topic, key) ?? key;
