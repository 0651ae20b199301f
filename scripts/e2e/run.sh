#!/usr/bin/env bash
# Editor tests in a real VS Code (code-server) and its UI (Debian Chromium):
#   1. build + package the .vsix (npm run package), install it into code-server
#   2. the mocha suite (test/vscode/suite) in code-server's extension host through @vscode/test-electron's runTests
#      and scripts/e2e/code-shim.sh (route 3, which runs route 2)
#   3. the same suite with BLUEPRINT_LINT_EXPECT_FAIL=1 must fail (proves the harness reports failures)
#   4. the grammar tests against VS Code's own Markdown grammar
#   5. the UI test (test/ui/ui-test.mjs): squiggle, Problems panel, quick-fix menu, applied fix, screenshots;
#      and restricted mode (untrusted folder): still lints, a config `extends` leaving the workspace is refused
# Usage: scripts/e2e/run.sh [all|vscode|ui]    (after scripts/e2e/setup.sh). Exits non-zero on any failure.
# Every pass logs into the run's own folder .e2e/logs/<UTC time>-<pid>/ (the newest $E2E_KEEP_RUNS runs are kept, 20 by
# default); a failing pass prints the path of its log and the log's last 60 lines, so CI output alone explains it.
set -uo pipefail
ROOT_DIR=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${E2E_DIR:-$ROOT_DIR/.e2e}
MODE=${1:-all}
case "$MODE" in all|vscode|ui) ;; *) echo "usage: $0 [all|vscode|ui]" >&2; exit 2 ;; esac
cd "$ROOT_DIR"
SYSTEM_NODE=$(command -v node)
START=$(date +%s)
FAILED=()
passed=0; failed=0

fail() { echo "e2e: FAILED: $*" >&2; FAILED+=("$1"); }
step() { echo; echo "=== $1 ($(( $(date +%s) - START ))s)"; }
show_log() { # a failing pass: where its whole log is, and its end on stdout (CI keeps stdout, not .e2e/)
  echo "e2e: log of the failing pass: $1"
  echo "----- last 60 lines of $1"
  tail -n 60 "$1" 2>/dev/null || echo "(no log written)"
  echo "----- end of $1"
}
failed_tests() { # the failed tests of a suite result file, each with the first lines of its error
  [ -f "$1" ] || return 0
  "$SYSTEM_NODE" -e "
    const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
    for (const t of r.tests.filter((t) => t.state === 'failed'))
      console.log('  failed: ' + t.title + '\n      ' + String(t.error).split('\n').slice(0, 8).join('\n      '));" "$1"
}

# prerequisites: a missing one is a failure that names it
[ -f "$E2E/env.sh" ] || { echo "e2e: FAILED: $E2E/env.sh missing: run scripts/e2e/setup.sh first" >&2; echo "vscode: 0 passed, 1 failed"; exit 1; }
CODE_SERVER_BIN=$(. "$E2E/env.sh"; echo "$CODE_SERVER")
[ -x "$CODE_SERVER_BIN" ] || { echo "e2e: FAILED: code-server not installed at $CODE_SERVER_BIN: run scripts/e2e/setup.sh" >&2; echo "vscode: 0 passed, 1 failed"; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "e2e: FAILED: chromium not found at ${CHROMIUM:-/usr/bin/chromium}: run scripts/e2e/setup.sh" >&2; echo "vscode: 0 passed, 1 failed"; exit 1; }

RUNS=$E2E/logs/$(date -u +%Y%m%dT%H%M%SZ)-$$
mkdir -p "$RUNS"
# the oldest run folders go; this run's stays
find "$E2E/logs" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | head -n "-${E2E_KEEP_RUNS:-20}" \
  | while read -r old; do [ "$E2E/logs/$old" != "$RUNS" ] && rm -rf "${E2E:?}/logs/$old"; done
echo "e2e: logs of this run: $RUNS"

step "build and package the .vsix"
if npm run --silent package > "$RUNS/package.log" 2>&1; then
  VSIX=$ROOT_DIR/blueprint-lint.vsix
  echo "vsix: $(du -k "$VSIX" | cut -f1) KiB ($(stat -c %s "$VSIX") bytes)"
  [ "$(stat -c %s "$VSIX")" -lt 2000000 ] || fail "vsix larger than 2 MB"
else
  show_log "$RUNS/package.log"
  fail "npm run package"
  echo "vscode: 0 passed, 1 failed"; exit 1
fi

step "install the .vsix into code-server"
rm -rf "$RUNS/install"
EXT_PATH=$(. "$E2E/env.sh"; node --input-type=module -e "
  const { installVsix } = await import('$ROOT_DIR/scripts/e2e/lib.mjs');
  console.log(await installVsix(process.env.CODE_SERVER, '$RUNS/install', '$VSIX'));
") || { fail "code-server --install-extension"; echo "vscode: 0 passed, 1 failed"; exit 1; }
echo "installed: $EXT_PATH"

count_results() { # adds mocha's own counts from the suite's result file
  local file=$1
  if [ -f "$file" ]; then
    local p f
    p=$("$SYSTEM_NODE" -e "console.log(JSON.parse(require('fs').readFileSync('$file','utf8')).passes)")
    f=$("$SYSTEM_NODE" -e "console.log(JSON.parse(require('fs').readFileSync('$file','utf8')).failures)")
    passed=$((passed + p)); failed=$((failed + f))
    echo "suite: $p passed, $f failed"
  else
    failed=$((failed + 1))
    echo "suite: no result file ($file): the suite did not run to the end"
  fi
}

if [ "$MODE" != ui ]; then
  step "bundle the VS Code test suite"
  "$SYSTEM_NODE" scripts/e2e/bundle-suite.mjs || fail "bundle-suite"

  step "VS Code suite: @vscode/test-electron runTests + code-shim.sh -> code-server extension host"
  RESULT=$RUNS/vscode-result.json; rm -f "$RESULT"
  t=$(date +%s)
  E2E_WORK_DIR=$RUNS/vscode-suite.work BLUEPRINT_LINT_TEST_RESULT=$RESULT BLUEPRINT_LINT_EXTENSION_PATH=$EXT_PATH \
    VSCODE_EXECUTABLE_PATH=$ROOT_DIR/scripts/e2e/code-shim.sh "$SYSTEM_NODE" out/test/vscode/runTest.js > "$RUNS/vscode-suite.log" 2>&1
  rc=$?
  # mocha's report, from the extension host's console (the workbench's own log lines before it are left out)
  grep -E '^\[vscode (info|error)\]' "$RUNS/vscode-suite.log" | sed 's/^\[vscode [a-z]*\] //' \
    | awk '/^  Blueprint Lint in VS Code/ { on = 1 } on && !/^$/' | head -200
  echo "(route took $(( $(date +%s) - t ))s, exit $rc; full log: $RUNS/vscode-suite.log)"
  count_results "$RESULT"
  if [ $rc -ne 0 ]; then
    failed_tests "$RESULT"
    show_log "$RUNS/vscode-suite.log"
    echo "e2e: code-server's and the workbench's logs of that pass: $RUNS/vscode-suite.work"
    fail "VS Code suite (exit $rc)"
  fi

  step "the harness reports failure: suite with BLUEPRINT_LINT_EXPECT_FAIL=1 must exit non-zero"
  RESULT_FAIL=$RUNS/vscode-result-expect-fail.json; rm -f "$RESULT_FAIL"
  E2E_WORK_DIR=$RUNS/vscode-suite-expect-fail.work BLUEPRINT_LINT_EXPECT_FAIL=1 BLUEPRINT_LINT_TEST_RESULT=$RESULT_FAIL \
    BLUEPRINT_LINT_EXTENSION_PATH=$EXT_PATH VSCODE_EXECUTABLE_PATH=$ROOT_DIR/scripts/e2e/code-shim.sh \
    "$SYSTEM_NODE" out/test/vscode/runTest.js > "$RUNS/vscode-suite-expect-fail.log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    show_log "$RUNS/vscode-suite-expect-fail.log"
    fail "the deliberately failing suite exited 0"
  elif ! "$SYSTEM_NODE" -e "
      const r = JSON.parse(require('fs').readFileSync('$RESULT_FAIL', 'utf8'));
      const bad = r.tests.filter((t) => t.state === 'failed').map((t) => t.title);
      if (bad.length !== 1 || !/deliberate failure/.test(bad[0])) { console.error('unexpected failures:', bad); process.exit(1); }
      console.log('exit ' + $rc + ', exactly the deliberate test failed: ' + bad[0]);"; then
    failed_tests "$RESULT_FAIL"
    show_log "$RUNS/vscode-suite-expect-fail.log"
    echo "e2e: code-server's and the workbench's logs of that pass: $RUNS/vscode-suite-expect-fail.work"
    fail "the deliberately failing suite failed for another reason"
  fi

  step "grammar tests against VS Code's Markdown grammar"
  MD_GRAMMAR=$(dirname "$CODE_SERVER_BIN")/../code-server/lib/vscode/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json
  if BLUEPRINT_MARKDOWN_GRAMMAR=$MD_GRAMMAR "$SYSTEM_NODE" node_modules/mocha/bin/mocha.js --no-config --timeout 60000 --reporter dot out/test/grammar/grammar.test.js > "$RUNS/grammar.log" 2>&1; then
    tail -3 "$RUNS/grammar.log"
  else
    show_log "$RUNS/grammar.log"; fail "grammar tests"
  fi
fi

if [ "$MODE" != vscode ]; then
  step "UI test: code-server workbench in Chromium"
  t=$(date +%s)
  (. "$E2E/env.sh"; VSIX=$VSIX SHOTS=$RUNS/shots node test/ui/ui-test.mjs "$RUNS/ui") 2>&1 | tee "$RUNS/ui.log"
  rc=${PIPESTATUS[0]}
  echo "(UI test took $(( $(date +%s) - t ))s)"
  counts=$(grep -E '^ui: [0-9]+ passed, [0-9]+ failed$' "$RUNS/ui.log" | tail -1)
  if [ -n "$counts" ]; then
    passed=$((passed + $(echo "$counts" | sed -E 's/^ui: ([0-9]+) passed.*/\1/')))
    failed=$((failed + $(echo "$counts" | sed -E 's/.* ([0-9]+) failed$/\1/')))
  else
    failed=$((failed + 1))
  fi
  if [ "$rc" -ne 0 ]; then
    echo "e2e: log of the failing pass: $RUNS/ui.log (printed above); code-server's logs: $RUNS/ui/*/code-server.log"
    fail "UI test (screenshots: $RUNS/shots/ui-fail-*.png)"
  fi
fi

# what a diagnosis does not need: the installed extension, browser profiles, the workbench's extension caches
rm -rf "$RUNS/install" "$RUNS"/*/chromium-profile "$RUNS"/*/*/chromium-profile "$RUNS"/*/ext "$RUNS"/*/*/ext \
  "$RUNS"/*/ud/CachedProfilesData "$RUNS"/*/*/ud/CachedProfilesData

echo
echo "e2e: ${#FAILED[@]} failing step(s) in $(( $(date +%s) - START ))s${FAILED[*]:+: ${FAILED[*]}}"
echo "vscode: $passed passed, $failed failed"
[ ${#FAILED[@]} -eq 0 ] && [ $failed -eq 0 ]
