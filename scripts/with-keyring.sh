#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service: a private D-Bus session bus plus gnome-keyring-daemon
# whose keyring lives in a throwaway directory (so a developer's own keyring is never read or written).
#   bash scripts/with-keyring.sh npx vitest run tests/secrets
# Needs the Debian packages dbus (dbus-run-session) and gnome-keyring.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh <command> [args...]" >&2
  exit 2
fi

for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is missing. Install it: sudo apt-get install -y dbus gnome-keyring" >&2
    exit 127
  fi
done

if [ -z "${LEAD_STUDIO_KEYRING_BUS:-}" ]; then
  # Re-enter this script inside a fresh session bus; the bus (and the daemon on it) ends with the command.
  exec dbus-run-session -- env LEAD_STUDIO_KEYRING_BUS=1 bash "$0" "$@"
fi

keyring_home="$(mktemp -d -t lead-studio-keyring.XXXXXX)"
cleanup() { rm -rf "$keyring_home"; }
trap cleanup EXIT

# --unlock reads the new login keyring's password from stdin and prints the variables clients need.
daemon_env="$(printf '%s' 'lead-studio-test' |
  XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home" \
    gnome-keyring-daemon --unlock --components=secrets)"
while IFS= read -r line; do
  case "$line" in *=*) export "${line?}" ;; esac
done <<<"$daemon_env"

# The daemon forks before it owns the bus name; wait until clients can reach it.
for _ in $(seq 1 50); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  sleep 0.1
done

status=0
"$@" || status=$?
exit "$status"
