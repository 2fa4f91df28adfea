// Compiled by test/specs.test.ts (through test/types/tsconfig.json), never run: each message takes
// exactly the parameters its text uses, and an error code takes its message's and hint's.
// Every @ts-expect-error below must stay an error, or tsc reports it unused and the test fails.
import { DealerError, usage } from '../../src/domain/errors.js';
import type { Messages, Params } from '../../src/i18n/en.js';

export const given = usage('badWhen', { input: 'sat' });
export const none = usage('emptyName');
export const thrown = new DealerError('appointmentInPast', { date: '2026-03-01' }, 2);
// @ts-expect-error badWhen's message quotes what was typed
export const missing = usage('badWhen');
// @ts-expect-error a parameter neither the message nor its hint uses
export const extra = usage('appointmentInPast', { date: '2026-03-01', today: '2026-03-02' });
// @ts-expect-error a misspelt parameter
export const misspelt = new DealerError('badWhen', { inptu: 'sat' });

declare const t: Messages;
export const line = t.ui.added({ id: 1, name: 'Wang Lei' });
// @ts-expect-error the confirmation names the prospect
export const unnamed = t.ui.added({ id: 1 });
// @ts-expect-error a translation may not ask for a parameter the English does not pass
export const zhExtra: Messages['err']['appointmentInPast'] = (p: Params<'date' | 'today'>) => `${p.date} ${p.today}`;
