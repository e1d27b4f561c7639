#!/usr/bin/env bash
# Make sure Debian's LibreOffice Calc (soffice) is present for the workbook
# round-trip test (test/e2e/workbook-libreoffice.test.ts): a template written by
# `zonal init --xlsx` is filled in and saved by a real spreadsheet program.
# Installs libreoffice-calc with apt-get when missing. Never fails: when
# apt-get is unavailable or the install does not work, it prints a warning and
# the test skips itself with a message.
set -u
if command -v soffice >/dev/null 2>&1; then
  echo "soffice present: $(command -v soffice)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "warning: soffice is missing and apt-get is not available; the LibreOffice workbook test will be skipped" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "warning: soffice is missing and this user cannot run apt-get; the LibreOffice workbook test will be skipped" >&2
    exit 0
  fi
fi
echo "installing Debian libreoffice-calc with apt-get (quiet; a few minutes)"
if $sudo apt-get update -qq >/dev/null 2>&1 \
  && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-calc >/dev/null 2>&1 \
  && command -v soffice >/dev/null 2>&1; then
  echo "libreoffice-calc installed: $(soffice --version 2>/dev/null || command -v soffice)"
else
  echo "warning: could not install libreoffice-calc with apt-get; the LibreOffice workbook test will be skipped" >&2
fi
exit 0
