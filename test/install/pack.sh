#!/usr/bin/env bash
# The install a user does, end to end: `npm pack`, a global install of that tarball into a
# throw-away prefix, then `dealer today` and `man dealer` from another folder with a temporary
# book. Not part of `npm test`: the install builds better-sqlite3 from source (about a minute), so
# .ci/run runs it once after the suite. npm's cache is warm after `npm ci`: --prefer-offline.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() {
  echo "pack.sh: $*" >&2
  exit 1
}

cd "$root"
# What the tarball holds: what runs, and nothing of the tests, the TypeScript sources or maps.
npm pack --json --pack-destination "$work" >"$work/pack.json"
tarball="$work/$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[0].filename)' "$work/pack.json")"
node -e '
  const files = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[0].files.map((f) => f.path);
  const bad = files.filter((f) => /^(test|tools|\.ci)\/|^src\/.*\.ts$|\.map$|\.db$/.test(f));
  const need = ["bin/dealer.js", "dist/cli.js", "src/scripts/en.md", "src/scripts/zh.md", "man/dealer.1", "LICENSE", "README.md", "package.json"];
  const missing = need.filter((f) => !files.includes(f));
  if (bad.length || missing.length) {
    console.error("tarball: should not hold", bad, "lacks", missing);
    process.exit(1);
  }
' "$work/pack.json" || fail "the tarball's file list is wrong"

prefix="$work/prefix"
npm install -g --prefix "$prefix" --prefer-offline --no-audit --no-fund "$tarball" >"$work/install.log" 2>&1 ||
  {
    cat "$work/install.log" >&2
    fail "npm install -g of the tarball failed"
  }

# From another folder, with a temporary book: nothing of the checkout is on the way.
elsewhere="$work/elsewhere"
mkdir -p "$elsewhere" "$work/home"
cd "$elsewhere"
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export DEALER_DB="$work/book/dealer.db" DEALER_NOW=2026-03-02 LANG=C NO_COLOR=1
"$prefix/bin/dealer" add-prospect "Wang Lei" --phone 13800138000 --next 2026-03-02 >/dev/null
out="$("$prefix/bin/dealer" today)"
grep -q "Wang Lei" <<<"$out" || fail "dealer today from the install does not list the prospect: $out"
"$prefix/bin/dealer" script consult >/dev/null || fail "the built-in scripts are not in the install"
[ -f "$DEALER_DB" ] || fail "the book was not written where DEALER_DB says"
# npm links the man page into <prefix>/share/man/man1 from package.json's "man".
page="$prefix/share/man/man1/dealer.1"
[ -e "$page" ] || fail "man page not installed at $page"
if command -v man >/dev/null; then
  MANPATH="$prefix/share/man" MANPAGER=cat man dealer 2>/dev/null | grep -q "add-prospect" || fail "man dealer shows no commands"
fi
echo "pack.sh: $(basename "$tarball") installs globally; dealer today and man dealer work"
