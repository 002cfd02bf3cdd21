#!/usr/bin/env bash
# Commits exactly the given paths, after proving the resulting tree type-checks, lints, passes
# the unit tests and builds on its own (a clean copy of the staged tree, not this work tree).
# Several people work in this tree at once: the git lock keeps their commits from mixing.
#   scripts/commit.sh "message" path [path…]
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: scripts/commit.sh MESSAGE PATH..." >&2; exit 2; }
message=$1; shift
exec 9>/tmp/crossread-git.lock
flock 9
git reset -q
git add -A -- "$@"
if git diff --cached --quiet; then echo "commit.sh: nothing to commit in $*"; exit 0; fi
tree=$(git write-tree)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git archive "$tree" | tar -x -C "$tmp"
ln -s "$PWD/node_modules" "$tmp/node_modules"
ln -s "$PWD/../shared" "$tmp/../shared" 2>/dev/null || true
( cd "$tmp" && npm run -s typecheck && npx biome check . >/dev/null && npm run -s test:unit >"$tmp/unit.log" 2>&1 && npm run -s build >/dev/null ) || {
  echo "commit.sh: the staged tree does not pass (typecheck, lint, unit tests, build); nothing committed" >&2
  grep -E "^not ok|^# (pass|fail)" "$tmp/unit.log" >&2 || true
  git reset -q
  exit 1
}
git commit -q -m "$message"
git log --oneline -1
