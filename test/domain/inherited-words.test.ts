// A typed word is looked up in the table's own entries only: `constructor`, `__proto__` and the
// other names every object inherits once reached Object.prototype, crashed SQLite's bind (exit 1,
// "report it") or were stored as an objection reading "function Object() { [native code] }".
import { describe, expect, it } from 'vitest';
import { parseAppointmentKind } from '../../src/domain/appointment.js';
import { parseDay } from '../../src/domain/dates.js';
import { DealerError } from '../../src/domain/errors.js';
import { mapHeader } from '../../src/domain/exchange.js';
import { parseMilestoneKind, parseRole, parseStance } from '../../src/domain/organisation.js';
import { canonicalKey, checkKey } from '../../src/domain/settings.js';
import { parseTrade } from '../../src/domain/trade.js';
import { parseKind, parseObjection, parseSource, parseStage } from '../../src/domain/vocab.js';

const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

const refusedAsTyped = (parse: (w: string) => unknown) => (word: string) => {
  try {
    parse(word);
  } catch (e) {
    expect(e).toBeInstanceOf(DealerError);
    expect((e as DealerError).exitCode).toBe(2);
    return;
  }
  throw new Error(`"${word}" was accepted`);
};

describe('a word every object inherits is not a word dealer knows', () => {
  const parsers: [string, (w: string) => unknown][] = [
    ['stage', parseStage],
    ["contact kind", parseKind],
    ['objection', parseObjection],
    ['source', parseSource],
    ['trade', parseTrade],
    ['appointment kind', parseAppointmentKind],
    ['role', (w) => parseRole(w, 'fleet')],
    ['stance', parseStance],
    ['milestone', parseMilestoneKind],
    ['setting', (w) => checkKey(canonicalKey(w))],
    ['date', (w) => parseDay(w, '2026-03-02')],
  ];
  for (const [what, parse] of parsers)
    it(`is refused as a ${what}, with a usage error`, () => INHERITED.forEach(refusedAsTyped(parse)));

  it('is an ordinary column name in an imported header, not an alias', () => {
    expect(() => mapHeader('prospects', ['name', 'phone', 'constructor', '__proto__'])).not.toThrow();
  });
});
