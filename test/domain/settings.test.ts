import { describe, expect, it } from 'vitest';
import { DealerError } from '../../src/domain/errors.js';
import { checkSetting } from '../../src/domain/settings.js';

const refused = (key: string, value: string) => {
  try {
    checkSetting(key, value);
    return 'accepted';
  } catch (e) {
    return e instanceof DealerError ? `${e.code}/${e.exitCode}` : 'crashed';
  }
};

describe('numeric settings are plain decimal digits', () => {
  it.each([
    ['cadence.person.A', '0b11'],
    ['reminder.lapse', '0x10'],
    ['reminder.lapse', '1e1'],
    ['goal.daily', '0o7'],
    ['goal.daily', ''],
  ])('%s %j is refused, not read as another number', (key, value) => {
    expect(refused(key, value)).toMatch(/^badSetting\w+\/2$/);
  });

  it('decimal digits are read as written', () => {
    expect(checkSetting('cadence.person.A', '7')).toBe('7');
    expect(checkSetting('goal.daily', ' 12 ')).toBe('12');
  });
});
