// A label for a key the type checker cannot vouch for — text stored in the book, commander's help
// titles — as the catalogue's own entry, or undefined for the caller to fall back from.
export function labelOf<T extends object>(table: T, key: string): T[keyof T] | undefined {
  return isKeyOf(table, key) ? table[key] : undefined;
}

/** Own keys only: "constructor" or "toString" typed by a user is not a label. */
const isKeyOf = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);
