#!/usr/bin/env bash
# The one test command (npm test): builds the renderer for the browser E2E, then runs every test
# inside a private D-Bus session with an unlocked gnome-keyring (the keychain tests need a real one).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f vite.config.ts ]; then npx vite build --logLevel warn; fi
exec bash scripts/with-keyring.sh npx vitest run "$@"
