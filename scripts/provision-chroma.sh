#!/usr/bin/env bash
# Builds the Python venv that holds the Chroma server the app supervises (main/intel/chroma.ts).
# Why not the npm package's own `chroma run`: its native binding needs glibc >= 2.39 and
# Debian 12 has 2.36, so the supervisor falls back to this venv's `bin/chroma`.
# Idempotent: does nothing when the pinned version is already installed.
#
# Usage: scripts/provision-chroma.sh
#   LEAD_STUDIO_CACHE  root of the venv (default: $HOME/.cache/lead-studio) -> <root>/chroma-venv
set -euo pipefail

CHROMADB_VERSION=1.5.9
VENV="${LEAD_STUDIO_CACHE:-$HOME/.cache/lead-studio}/chroma-venv"
PYTHON="${PYTHON:-python3}"

log() { echo "provision-chroma: $*" >&2; }

installed_version() {
  [[ -x "$VENV/bin/python" ]] || return 1
  "$VENV/bin/python" -m pip show chromadb 2>/dev/null | sed -n 's/^Version: //p'
}

if [[ "$(installed_version || true)" == "$CHROMADB_VERSION" && -x "$VENV/bin/chroma" ]]; then
  log "ok: chromadb $CHROMADB_VERSION in $VENV"
  exit 0
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  log "creating venv $VENV"
  mkdir -p "$(dirname "$VENV")"
  "$PYTHON" -m venv "$VENV" || {
    log "ERROR: '$PYTHON -m venv' failed (on Debian: apt-get install python3-venv)"
    exit 1
  }
fi
log "installing chromadb==$CHROMADB_VERSION (a few minutes the first time)"
"$VENV/bin/python" -m pip install --quiet "chromadb==$CHROMADB_VERSION"
[[ -x "$VENV/bin/chroma" ]] || {
  log "ERROR: $VENV/bin/chroma missing after install"
  exit 1
}
log "installed chromadb $(installed_version) in $VENV"
