// Every test worker holds better-sqlite3's native objects until exit, as dealer itself does
// (src/store/sqlite.ts): on Node 24 a worker that opens books would otherwise abort mid-run.
import '../../src/store/sqlite.js';
