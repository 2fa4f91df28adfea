// Compiled by test/specs.test.ts, never run: what the command table promises each command's `run`.
// Every @ts-expect-error below must stay an error, or tsc reports it unused and the test fails.
import type { Input, Options } from '../../src/specs.js';

export const visit: Input<'visit'> = { id: '8', holdUntil: '2026-04-01', objection: ['price'], json: true };
// @ts-expect-error a required argument: `<id>` is a string that is always there
export const noId: Input<'visit'> = { holdUntil: '2026-04-01' };
// @ts-expect-error `--hold-until <date>` takes a value
export const switchLike: Input<'visit'> = { id: '8', holdUntil: true };
// @ts-expect-error `--force` is a switch
export const forceText: Input<'add-prospect'> = { name: undefined, force: 'yes' };
// @ts-expect-error `<field...>` is many
export const oneClear: Input<'edit'> = { id: '1', clear: 'phone' };
// @ts-expect-error an optional argument is still named: `[name]` is string | undefined
export const unnamed: Input<'add-prospect'> = { force: true };
// @ts-expect-error show has no --force
export const foreign: Input<'show'> = { id: '1', force: true };

export const named: Input<'contact'> = { action: 'edit', contactId: '3' };
export const optional: Input<'config'> = { action: undefined, key: undefined, value: undefined };
export const kebab: Options<'forget'> = { scrubBackups: true, yes: true };
export const idText: string = ({} as Input<'snooze'>).date;
