#!/usr/bin/env node
// Shim: all behaviour lives in the compiled entry so `npm link` and `node bin/dealer.js` behave alike.
import '../dist/cli.js';
