// Text typed by a person (or a third party's CSV) is stored exactly, but a terminal or a calendar
// must never receive it raw: an ESC can clear the screen, retitle the window or plant a hyperlink,
// a lone CR or a backspace can overwrite what was printed before, a bidi override can reverse a
// phone number. Every control character is therefore shown as a visible escape instead.
//
// What counts, and why:
// - C0 (U+0000-001F), DEL (U+007F): `\x1b`-style, hex, so the byte is identifiable. Tab is a
//   harmless gap and becomes a space; a line break (LF, CRLF, U+2028/2029) inside one value becomes
//   a space too (a note typed over several lines reads as one; a break is not an attack), but a
//   lone CR is the overwrite trick and is shown as `\r`.
// - C1 (U+0080-009F): `\u009b`; U+009B is CSI on terminals that honour 8-bit controls.
// - Bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069, the "Trojan Source" set):
//   `\u202e`.
// - Invisible marks (LRM/RLM U+200E/F, the Arabic letter mark U+061C, a BOM or zero-width no-break
//   space U+FEFF, the word joiner and invisible operators U+2060-2064): `\u200f`. They print nothing
//   yet make two different names or numbers look the same, or move the digits of one.
// - Kept: the zero-width joiner U+200D and variation selectors (emoji families and presentation),
//   and tag characters U+E0020-E007F (subdivision flags such as Scotland's).
// A backslash is not doubled: the exact text is always there in --json.

// Written once, for the three patterns below: the C1 controls, the bidi set and the invisible marks.
const BEYOND_C0 = '\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069\\u061c\\u200e\\u200f\\u2060-\\u2064\\ufeff';
/** The styles dealer itself paints (chalk's bold, dim, red, green, yellow and their resets). */
const STYLE = '\\u001b\\[(?:1|2|22|31|32|33|39)m';

const CONTROL = new RegExp(`\\r\\n|[\\n\\u2028\\u2029\\t]|[\\u0000-\\u001f${BEYOND_C0}]`, 'g');

function visible(ch: string): string {
  if (ch === '\r\n' || ch === '\n' || ch === '\u2028' || ch === '\u2029' || ch === '\t') return ' ';
  if (ch === '\r') return '\\r';
  const code = ch.charCodeAt(0);
  const hex = code.toString(16).padStart(code < 0x100 ? 2 : 4, '0');
  return code < 0x80 ? `\\x${hex}` : `\\u${hex.padStart(4, '0')}`;
}

/** One value (a name, a note, a cell) as it may appear on one line of a screen or a calendar. */
export function safe(text: string): string {
  return text.replace(CONTROL, visible);
}

const OWN_STYLE = new RegExp(`^${STYLE}$`);
// Whole lines keep their own line breaks: every control but LF.
const LINE_CONTROL = `[\\u0000-\\u0009\\u000b-\\u001f${BEYOND_C0}]`;
const ANY_CONTROL = new RegExp(LINE_CONTROL);
const GUARDED = new RegExp(`${STYLE}|${LINE_CONTROL}`, 'g');

/**
 * The last guard before a terminal: whole lines of output, already composed. Line breaks stay (they
 * are the output's own); dealer's own colour codes stay when colour is on; any other control
 * character, from a value some renderer forgot to pass through `safe`, is made visible.
 */
export function screen(text: string, keepStyle: boolean): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(GUARDED, (hit) =>
    keepStyle && OWN_STYLE.test(hit) ? hit : hit.length > 1 ? `\\x1b${hit.slice(1)}` : visible(hit),
  );
}

const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for programs keeps the exact text; JSON.stringify already escapes C0, and these, which it
 * leaves raw, are written as \u escapes too, so `dealer list --json` on a terminal is harmless and
 * still parses to the very same strings.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    JSON_UNSAFE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
