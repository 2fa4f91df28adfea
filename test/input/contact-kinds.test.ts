// The contact menu of `visit` and `today --work` offers the trade's own kinds and stage names.
import { describe, expect, it } from 'vitest';
import { askContact } from '../../src/input/contact-questions.js';
import { zh } from '../../src/i18n/zh.js';
import type { Ask, Choice } from '../../src/input/ask.js';
import type { Prospect } from '../../src/domain/prospect.js';

function recorder() {
  const offered: string[][] = [];
  const ask: Ask = {
    text: async () => '',
    confirm: async () => true,
    choose: async <T extends string>(_m: string, choices: Choice<T>[], initial?: T) => {
      offered.push(choices.map((c) => c.name ?? c.value));
      return initial ?? choices[0]!.value;
    },
  };
  return { ask, offered };
}

const p = { id: 1, stage: 'new' } as Prospect;

describe('contact menu', () => {
  it('a medical book is not offered a test drive, and its stages are its own', async () => {
    const { ask, offered } = recorder();
    await askContact(ask, zh, p, 'medical');
    const [kinds = [], stages = []] = offered;
    expect(kinds).not.toContain('试驾');
    expect(stages).not.toContain('已试驾');
    expect(stages).toContain('试用');
  });
  it('a car book is', async () => {
    const { ask, offered } = recorder();
    await askContact(ask, zh, p, 'car');
    expect(offered[0]).toContain('试驾');
  });
});
