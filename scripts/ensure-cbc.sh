#!/usr/bin/env bash
# Make sure Debian's coinor-cbc (the `cbc` command) is installed for the native
# CBC backend's tests (test/solve/backend-cbc.test.ts and the backends'
# property tests), which skip themselves without it. Installs it with apt-get
# when missing, and fails loudly when it cannot, so CI never passes with the
# second backend untested.
set -u
. "$(dirname "$0")/apt-install.sh"
if ! command -v cbc >/dev/null 2>&1; then
  if ! apt_install coinor-cbc || ! command -v cbc >/dev/null 2>&1; then
    echo "error: could not install coinor-cbc: install CBC 2.10 or later (the CBC backend's tests need it)" >&2
    exit 1
  fi
fi
echo "cbc present: $(command -v cbc)"
