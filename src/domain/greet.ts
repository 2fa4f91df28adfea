// Festival greetings (issue 14.5): who gets one — customers first, then hot prospects (O and A) —
// and in which order. The words themselves are the catalogue's; the festival's date the caller's.
import type { Day } from './dates.js';
import type { Prospect } from './prospect.js';
import { effectiveTier } from './tier.js';
import { isCustomer } from './vocab.js';

export type GreetGroup = 'customer' | 'O' | 'A';

export interface Greetee {
  prospect: Prospect;
  group: GreetGroup;
}

const ORDER: GreetGroup[] = ['customer', 'O', 'A'];

export function greetees(candidates: Prospect[], today: Day): Greetee[] {
  return candidates
    .flatMap((p): Greetee[] => {
      if (p.stage === 'lost') return [];
      if (isCustomer(p.stage)) return [{ prospect: p, group: 'customer' }];
      const tier = effectiveTier(p, today);
      return tier === 'O' || tier === 'A' ? [{ prospect: p, group: tier }] : [];
    })
    .sort((a, b) => ORDER.indexOf(a.group) - ORDER.indexOf(b.group) || a.prospect.id - b.prospect.id);
}
