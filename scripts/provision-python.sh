#!/usr/bin/env bash
# A small venv with openpyxl: the export tests open every workbook with it (a second, strict reader).
set -euo pipefail
cache="${LEAD_STUDIO_CACHE:-$HOME/.cache/lead-studio}"
venv="$cache/py"
if ! "$venv/bin/python" -c 'import openpyxl' >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'openpyxl==3.1.5'
fi
echo "openpyxl ready in $venv"
