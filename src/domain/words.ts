// A closed vocabulary (trades, kinds, customer types) checked against what was typed or stored:
// the word itself, typed as one of the list, or undefined for the caller to refuse or fall back.
export function wordOf<T extends string>(words: readonly T[], v: unknown): T | undefined {
  return words.find((w) => w === v);
}
