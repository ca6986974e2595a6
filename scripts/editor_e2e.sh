#!/usr/bin/env bash
# A real editor's LSP client against `errcat lsp`: Neovim (Debian's, 0.7 or
# later) runs tests/editor/nvim.lua headless on a copy of examples/basic's
# catalog (CI). Usage: scripts/editor_e2e.sh [ERRCAT_BINARY]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
errcat="${1:-$root/target/debug/errcat}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/basic/catalog" "$work/catalog"
ERRCAT="$errcat" CATALOG="$work/catalog" timeout 120 \
  nvim --headless --noplugin -u NONE -i NONE -c "luafile $root/tests/editor/nvim.lua"
