#!/usr/bin/env bash
# Install what the tests need from Debian's packages when it is missing:
# a PostgreSQL server (initdb, pg_ctl) and Chromium for the HTML report test.
set -euo pipefail

missing=()
if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  missing+=(postgresql postgresql-contrib)
fi
if ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
if ! command -v tmux >/dev/null 2>&1; then
  missing+=(tmux)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo -n"
  else
    echo "system-deps: need root to install ${missing[*]}; install them yourself" >&2
    exit 1
  fi
fi
echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
