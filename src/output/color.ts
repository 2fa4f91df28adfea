// Colour only for people (see coloured.ts). chalk takes ~7 ms to load, so output that is
// not for a person's eyes (a pipe, a file, a script) never loads it.
import { coloured } from './coloured.js';

type Style = (text: string) => string;

export interface Paint {
  bold: Style;
  dim: Style;
  red: Style;
  yellow: Style;
  green: Style;
}

const plain: Style = (text) => text;

export const paint: Paint = coloured
  ? (await import('chalk')).default
  : { bold: plain, dim: plain, red: plain, yellow: plain, green: plain };
