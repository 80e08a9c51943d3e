#!/usr/bin/env bash
# Installs the editors the end-to-end tests drive (test/e2e/), on a fresh Debian 12 machine
# that has only Node 20 and npm:
#   - Debian packages: chromium, neovim, emacs-nox, elpa-eglot, ripgrep, libkrb5-dev (+ build tools)
#   - code-server 4.100.3 from the npm registry, into a cache folder outside the repo
#     ($WHOSAID_E2E_CACHE, default $HOME/.cache/whosaid-e2e), reused when already there.
# Idempotent: a second run checks what is there and returns in a few seconds.
# Fails loudly (non-zero exit, a line saying what broke) when anything cannot be installed.
# Nothing here downloads from anywhere but Debian's archive and the npm registry.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# @vscode/ripgrep as pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json, and the
# ripgrep release its postinstall fetches (Debian bookworm's ripgrep is the same 13.0.0).
VSCODE_RIPGREP_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

CACHE="${WHOSAID_E2E_CACHE:-$HOME/.cache/whosaid-e2e}"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
CS_PKG="$CS_DIR/node_modules/code-server"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

APT_PACKAGES=(chromium neovim emacs-nox elpa-eglot ripgrep libkrb5-dev
  python3 make g++ pkg-config git ca-certificates fonts-dejavu-core)

t0=$(date +%s)
step_start=0
step() { step_start=$(date +%s); echo "== install-editors: $*"; }
done_step() { echo "   ($(( $(date +%s) - step_start )) s)"; }
die() { echo "install-editors: FAILED: $*" >&2; exit 1; }

# --- 1. Debian packages -----------------------------------------------------------------
step "Debian packages: ${APT_PACKAGES[*]}"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "apt-get not found; install by hand: ${missing[*]}"
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo; install by hand: ${missing[*]}"
    SUDO=sudo
  fi
  echo "   missing: ${missing[*]}"
  apt_log="$(mktemp)"
  $SUDO apt-get update -qq > "$apt_log" 2>&1 || { tail -30 "$apt_log" >&2; die "apt-get update"; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" > "$apt_log" 2>&1 \
    || { tail -40 "$apt_log" >&2; die "apt-get install ${missing[*]}"; }
  rm -f "$apt_log"
else
  echo "   all present"
fi
for tool in chromium nvim emacs rg; do
  command -v "$tool" >/dev/null || die "$tool not on PATH after installing the Debian packages"
done
ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1 || die "eglot not found after installing elpa-eglot"
done_step

# --- 2. code-server from the npm registry ---------------------------------------------------
step "code-server $CODE_SERVER_VERSION in $CS_DIR"
cs_ok_files() {
  # the postinstall really ran: VS Code's own dependencies and native modules are there
  [[ -x "$CS_BIN" ]] || return 1
  [[ -d "$CS_PKG/lib/vscode/node_modules/node-pty/build/Release" ]] || return 1
  [[ -x "$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] || return 1
  [[ -e "$CS_PKG/lib/vscode/node_modules.asar" ]] || return 1
}
cs_ok() {
  [[ -f "$CS_DIR/.whosaid-installed" ]] && cs_ok_files || return 1
  cs_version | grep -q "^$CODE_SERVER_VERSION "
}
# code-server writes a config file into XDG_CONFIG_HOME on its first start: keep it in the cache
cs_version() {
  XDG_CONFIG_HOME="$CACHE/xdg-config" XDG_DATA_HOME="$CACHE/xdg-data" "$CS_BIN" --version 2>&1
}
if cs_ok; then
  echo "   already installed"
else
  [[ "$(node -p 'process.versions.node.split(".")[0]')" == 20 ]] \
    || die "code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version)"
  [[ -f /usr/include/node/node.h ]] || die "/usr/include/node/node.h missing: native modules need Node's headers"
  # A local (not -g) install into its own folder: with -g, npm exports npm_config_global and
  # npm_config_prefix to code-server's postinstall, whose nested `npm install` in lib/vscode
  # then installs lib/vscode globally over code-server itself and fails with tar ENOENTs.
  tmp="$CACHE/.tmp-$$"
  rm -rf "$CS_DIR" "$tmp"
  mkdir -p "$CS_DIR" "$tmp/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION"
  trap 'cp "$tmp/npm.log" "$CACHE/last-npm.log" 2>/dev/null; rm -rf "$tmp"' EXIT
  echo '{"name":"whosaid-e2e-code-server","private":true}' > "$CS_DIR/package.json"
  # @vscode/ripgrep's postinstall downloads ripgrep from GitHub unless its cache already holds
  # the release tarball: make one from Debian's rg (it only needs ./rg inside).
  mkdir -p "$tmp/rgpack"
  cp /usr/bin/rg "$tmp/rgpack/rg"
  tar -czf "$tmp/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION/$RIPGREP_ASSET" -C "$tmp/rgpack" rg
  # npm 11 skips dependency install scripts unless allowed; code-server's postinstall runs a
  # nested `npm install` in lib/vscode whose native modules must build, so allow them all
  # (env config reaches the nested npm too). unsafe-perm: code-server's postinstall refuses to
  # run as root without it. nodedir: node-gyp uses /usr/include/node instead of downloading
  # headers. yes: node-pty's postinstall runs npx.
  (
    cd "$CS_DIR"
    export TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_nodedir=/usr npm_config_yes=true \
      npm_config_dangerously_allow_all_scripts=true npm_config_update_notifier=false \
      npm_config_fund=false npm_config_audit=false
    npm install "code-server@$CODE_SERVER_VERSION" > "$tmp/npm.log" 2>&1
  ) || { tail -60 "$tmp/npm.log" >&2; rm -rf "$CS_DIR"; die "npm install code-server@$CODE_SERVER_VERSION (log above)"; }
  if ! cs_ok_files; then
    tail -60 "$tmp/npm.log" >&2
    die "code-server installed but its postinstall did not complete (no node-pty build or rg)"
  fi
  touch "$CS_DIR/.whosaid-installed"
  cs_ok || die "code-server $CODE_SERVER_VERSION installed but '$CS_BIN --version' does not answer"
  rm -rf "$tmp"
  trap - EXIT
fi
echo "   $(cs_version | grep "^$CODE_SERVER_VERSION ")"
done_step

# --- 3. playwright-core (a pinned devDependency of the repo) ----------------------------------
step "playwright-core"
if (cd "$REPO" && node -e "require.resolve('playwright-core')" 2>/dev/null); then
  echo "   $(cd "$REPO" && node -p "require('playwright-core/package.json').version")"
else
  die "playwright-core is not installed in $REPO/node_modules: run npm ci (it is a pinned devDependency)"
fi
done_step

echo "== install-editors: done in $(( $(date +%s) - t0 )) s"
echo "   chromium: $(chromium --version 2>/dev/null | head -1)"
echo "   nvim:     $(nvim --version | head -1)"
echo "   emacs:    $(emacs --version | head -1)"
echo "   code-server: $CS_BIN"
