#!/usr/bin/env bash
# npm test: installs what the suites need, builds, runs every suite, ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
passed=0 failed=0 status=0
log=$(mktemp -d)

count() { # suite-name file: add the suite's "N passed, M failed" closing line to the totals
  local line p f
  line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$2" | tail -1)
  if [ -z "$line" ]; then echo "!! $1 printed no result line"; failed=$((failed + 1)); status=1; return; fi
  p=$(sed -E 's/^[a-z-]+: ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f))
}

suite() { # name command...: run a suite, keep its output, count its results
  local name=$1; shift
  echo "=== $name"
  "$@" 2>&1 | tee "$log/$name.txt"
  local rc=${PIPESTATUS[0]}
  count "$name" "$log/$name.txt"
  if [ "$rc" -ne 0 ]; then echo "!! $name exited with $rc"; status=1; fi
}

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "=== npm ci"; npm ci || { echo "!! npm ci failed"; exit 1; }
fi
echo "=== build"
node scripts/build.mjs || { echo "!! build failed"; echo "tests: 0 passed, 1 failed"; exit 1; }

suite eslint node scripts/lint.mjs
suite format node scripts/format-check.mjs

# Editor prerequisites first: the grammar tests in the mocha run read VS Code's Markdown grammar from code-server.
echo "=== editor test prerequisites (code-server, Node 24, Chromium, Neovim)"
if bash scripts/e2e/setup.sh; then editors=1; else
  echo "!! editor test prerequisites could not be installed (see above): the VS Code and Neovim suites cannot run"
  editors=0; failed=$((failed + 1)); status=1
fi
suite mocha node scripts/run-mocha.mjs
if [ "$editors" -eq 1 ]; then
  suite vscode bash scripts/e2e/run.sh
  suite nvim bash test/nvim/run.sh
fi

echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
