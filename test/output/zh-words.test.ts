// Chinese screens name things as a Chinese consultant types them: the topic as `dealer script`
// accepts it, never its English key.
import { describe, expect, it } from 'vitest';
import { workCard } from '../../src/output/work.js';
import { zh } from '../../src/i18n/zh.js';
import type { DueItem } from '../../src/domain/due.js';

const item: DueItem = {
  id: 1,
  name: '王院长',
  phone: null,
  tier: 'A',
  group: 'A',
  stage: 'new',
  due: '2026-03-11',
  overdueDays: 0,
  reason: 'callback',
  lastContact: null,
  topic: 'consult-medical',
};

describe('today --work card in Chinese', () => {
  it('opens with the zh topic name, in the line and in the command', () => {
    const out = workCard(zh, {
      n: 1,
      total: 1,
      items: [item],
      on: '2026-03-11',
      script: { key: 'consult-medical', title: '科室需求调研', lines: ['先聊科室'] },
    });
    expect(out).toContain('dealer script 科室需求 --for 1');
    expect(out).not.toContain('consult-medical');
  });
});
