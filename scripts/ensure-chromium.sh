#!/usr/bin/env bash
# Make sure Debian's chromium is at /usr/bin/chromium for the report browser
# test (test/e2e). Installs it with apt-get when missing. Never fails: when
# apt-get is unavailable or the install does not work, it prints a warning and
# the browser test skips itself with a message.
set -u
. "$(dirname "$0")/apt-install.sh"
chromium=/usr/bin/chromium
if [ -x "$chromium" ]; then
  echo "chromium present: $chromium"
  exit 0
fi
if apt_install chromium && [ -x "$chromium" ]; then
  echo "chromium installed: $("$chromium" --version 2>/dev/null || echo "$chromium")"
else
  echo "warning: could not install chromium; the report browser test will be skipped" >&2
fi
exit 0
