#!/usr/bin/env bash
# Stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }): on machines that cannot
# download VS Code, the desktop flags it passes are mapped onto code-server's extension host (scripts/e2e/ext-host.mjs).
set -euo pipefail
DIR=$(cd "$(dirname "$0")" && pwd)
ROOT_DIR=$(cd "$DIR/../.." && pwd)
E2E=${E2E_DIR:-$ROOT_DIR/.e2e}
[ -f "$E2E/env.sh" ] || { echo "code-shim: $E2E/env.sh missing: run scripts/e2e/setup.sh" >&2; exit 2; }
. "$E2E/env.sh"
dev=""; tests=""; ws=""
for a in "$@"; do
  case "$a" in
    --extensionDevelopmentPath=*) [ -z "$dev" ] && dev=${a#*=} ;;
    --extensionTestsPath=*) tests=${a#*=} ;;
    -*) ;;                                   # other desktop flags mean nothing to code-server
    *) [ -z "$ws" ] && ws=$a ;;
  esac
done
[ -n "$dev" ] && [ -n "$tests" ] || { echo "code-shim: missing --extensionDevelopmentPath/--extensionTestsPath" >&2; exit 2; }
# E2E_WORK_DIR (set by run.sh): the run's own log folder, so code-server's and the workbench's logs sit beside the suite's
if [ -n "${E2E_WORK_DIR:-}" ]; then
  work=$E2E_WORK_DIR
else
  mkdir -p "$E2E/runs"
  work=$(mktemp -d "$E2E/runs/shim.XXXXXX")
fi
exec node "$DIR/ext-host.mjs" "$dev" "$tests" "${ws:-$dev}" "$work"
