// Every user-visible string exists in English and Chinese: the two catalogues have the same keys,
// the same kinds of value, and functions that accept the same parameters.
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { zh } from '../src/i18n/zh.js';

function shape(value: unknown, path: string, out: Map<string, string>): void {
  if (typeof value === 'function') {
    out.set(path, 'function');
    return;
  }
  if (Array.isArray(value)) {
    out.set(path, `array(${value.length})`);
    value.forEach((v, i) => shape(v, `${path}[${i}]`, out));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) shape(v, path ? `${path}.${k}` : k, out);
    return;
  }
  out.set(path, typeof value);
}

const flat = (catalogue: unknown) => {
  const out = new Map<string, string>();
  shape(catalogue, '', out);
  return out;
};

describe('message catalogues', () => {
  const english = flat(en);
  const chinese = flat(zh);

  it('have the same keys and kinds of value', () => {
    expect([...chinese.entries()].sort()).toEqual([...english.entries()].sort());
  });

  it('every error has a hint in both languages', () => {
    expect(Object.keys(en.hint).sort()).toEqual(Object.keys(en.err).sort());
    expect(Object.keys(zh.hint).sort()).toEqual(Object.keys(zh.err).sort());
  });

  it('use every parameter a message is given', () => {
    const params = {
      id: 4242,
      name: 'NAMEX',
      input: 'INPUTX',
      path: 'PATHX',
      fields: 'FIELDSX',
      flags: 'FLAGSX',
      number: 'NUMBERX',
      date: 'DATEX',
      count: 7373,
      days: 6161,
      key: 'KEYX',
      choices: 'CHOICESX',
      command: 'COMMANDX',
      version: 9191,
      supported: 8181,
      stage: 'STAGEX',
      detail: 'DETAILX',
      message: 'MESSAGEX',
      got: 'GOTX',
    };
    for (const [group, entries] of Object.entries({ err: en.err, hint: en.hint })) {
      for (const [key, fn] of Object.entries(entries)) {
        const english = fn(params);
        const chinese = (zh[group as 'err'][key] as typeof fn)(params);
        for (const v of Object.values(params)) {
          if (english.includes(String(v))) expect(chinese, `${group}.${key} uses ${v}`).toContain(String(v));
        }
      }
    }
  });

  it('Chinese text is Chinese', () => {
    expect(zh.ui.cancelled).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.cmd.today).toMatch(/[\u4e00-\u9fff]/);
  });
});
