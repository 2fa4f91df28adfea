// A partial change (flags given, columns read) carries `undefined` for what was not given: what it
// says is only the rest. The same object, without those keys, so a spread or a write leaves them alone.
export function definedOnly<T extends object>(o: T): T {
  const out = { ...o };
  for (const [key, value] of Object.entries(out)) if (value === undefined) Reflect.deleteProperty(out, key);
  return out;
}
