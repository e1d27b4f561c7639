#!/usr/bin/env bash
# Make sure Debian's chromium is at /usr/bin/chromium for the report browser
# test (test/e2e). Installs it with apt-get when missing. Never fails: when
# apt-get is unavailable or the install does not work, it prints a warning and
# the browser test skips itself with a message.
set -u
chromium=/usr/bin/chromium
if [ -x "$chromium" ]; then
  echo "chromium present: $chromium"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "warning: $chromium is missing and apt-get is not available; the report browser test will be skipped" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "warning: $chromium is missing and this user cannot run apt-get; the report browser test will be skipped" >&2
    exit 0
  fi
fi
echo "installing Debian chromium with apt-get (quiet)"
if $sudo apt-get update -qq >/dev/null 2>&1 \
  && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null 2>&1 \
  && [ -x "$chromium" ]; then
  echo "chromium installed: $("$chromium" --version 2>/dev/null || echo "$chromium")"
else
  echo "warning: could not install chromium with apt-get; the report browser test will be skipped" >&2
fi
exit 0
