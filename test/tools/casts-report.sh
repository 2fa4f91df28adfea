#!/bin/sh
# Usage: test/tools/casts-report.sh [src-dir]  — `as` and `!` counts by syntax tree (casts.mjs), and
# the `!` split into catalogue lookups (t.…, ctx.t.…, f.x, q.x …: typed catalogues remove them),
# command arguments (args[n]!: typed command specs remove them) and the rest.
dir=${1:-src}
here=$(dirname "$0")
node "$here/casts.mjs" "$dir"
node "$here/casts-list.mjs" "$dir" | grep -P '^!' | cut -f3 > /tmp/casts-bang.$$
CAT='^(ctx\.)?t\.|^(f|c|q|w|k|u|msg|head|labels|word|ui|e|h|o|s)\.[a-zA-Z]+(\[[^]]*\])?!?$|^t\[|^ctx\.t|\.t\.|^t\.word|word\['
echo "! on catalogue lookups: $(grep -cE "$CAT" /tmp/casts-bang.$$)"
echo "! on args[n]: $(grep -cE '^args\[' /tmp/casts-bang.$$)"
echo "! elsewhere: $(grep -vcE "$CAT|^args\[" /tmp/casts-bang.$$)"
rm -f /tmp/casts-bang.$$
