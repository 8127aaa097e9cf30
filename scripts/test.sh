#!/usr/bin/env bash
# The one test command (npm test): builds the renderer for the browser E2E, then runs every test
# inside a private D-Bus session with an unlocked gnome-keyring (the keychain tests need a real one),
# and ends with a plain "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f vite.config.ts ]; then npx vite build --logLevel warn; fi
report="$(mktemp -t lead-studio-vitest.XXXXXX.json)"
trap 'rm -f "$report"' EXIT
status=0
bash scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (r.numTotalTests === 0) process.exit(1);
' "$report" || status=1
exit "$status"
