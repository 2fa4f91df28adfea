// The numbering plans of every country (libphonenumber-js, its small "min" metadata), loaded only
// when a typed number is not a plain mainland mobile: add-prospect 13800138000 never pays for it.
import { needsParser, type PhoneParser } from '../domain/phone.js';

let loaded: PhoneParser | undefined;

export async function phoneParser(): Promise<PhoneParser> {
  if (!loaded) {
    const { default: parse, isSupportedCountry } = await import('libphonenumber-js/min');
    loaded = (text, region, strict) => {
      // extract: false — the whole text must be the number, not contain one somewhere.
      // The settings only accept regions with a calling code, so a region the library lacks is not expected.
      const n = parse(text, { defaultCountry: isSupportedCountry(region) ? region : undefined, extract: false });
      return n && (strict ? n.isValid() : n.isPossible()) ? { e164: n.number, ext: n.ext } : null;
    };
  }
  return loaded;
}

/** The numbering plans if `typed` needs them, else nothing: a plain mobile is read without them. */
export async function parserFor(typed: string | null | undefined, region: string): Promise<PhoneParser | undefined> {
  return typed && needsParser(typed, region) ? phoneParser() : undefined;
}

