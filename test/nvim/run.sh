#!/usr/bin/env bash
# Neovim end-to-end test: Debian Neovim, headless, built-in LSP client, against blueprint-lint-server --stdio.
# Fails (never skips) when Neovim is missing and cannot be installed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
server_js="$root/bin/blueprint-lint-server.js"

if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "nvim: installing Debian neovim" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim) >&2 || true
  fi
fi
if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim: FAIL: Neovim (Debian package neovim) is not installed and could not be installed" >&2
  echo "nvim: 0 passed, 1 failed"
  exit 1
fi
if [ ! -f "$root/out/server/src/server/main.js" ]; then
  echo "nvim: FAIL: the server is not built; run: node scripts/build.mjs --no-bundle" >&2
  echo "nvim: 0 passed, 1 failed"
  exit 1
fi

# A fresh copy of the fixture workspace, so the applied quick fix never touches the originals.
ws="$(mktemp -d)"
trap 'rm -rf "$ws"' EXIT
cp -R "$root/test/fixtures/workspace/." "$ws/"
export SERVER_JS="$server_js" WORKSPACE="$ws" NODE="${NODE:-$(command -v node)}"
export XDG_CONFIG_HOME="$ws/.xdg/config" XDG_DATA_HOME="$ws/.xdg/data" XDG_STATE_HOME="$ws/.xdg/state" XDG_CACHE_HOME="$ws/.xdg/cache"

cd "$ws"
# --clean: no user config or plugins; the test file drives everything and exits with cquit 1 on failure.
timeout 300 nvim --headless --clean "$ws/hotel/check-in.blueprint.md" -c "luafile $root/test/nvim/lsp-test.lua" 2>&1 </dev/null
