// A word table's entry for what a person typed. A plain `table[typed]` also finds what every object
// inherits: `--stance constructor` found Object's constructor function, which then crashed SQLite's
// bind or was stored as an objection named "function Object() { [native code] }".

/** The table's own entry for `key`, never one inherited from Object.prototype. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
