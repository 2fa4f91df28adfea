// Colour only for people: off when stdout is not a terminal (chalk's own check) and when NO_COLOR
// is set (https://no-color.org), which chalk does not read.
import { Chalk } from 'chalk';
import chalkDefault from 'chalk';

export const paint = process.env.NO_COLOR ? new Chalk({ level: 0 }) : chalkDefault;
