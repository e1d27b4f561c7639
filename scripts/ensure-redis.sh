#!/usr/bin/env bash
# Make sure Debian's redis-server is installed for the queue tests and
# benchmark (test/queue, npm run bench:queue), which start their own server
# on a free loopback port. Installs it with apt-get when missing. Unlike the
# browser test, the queue tests do not skip without it, so this fails loudly
# when it cannot install it.
set -u
if command -v redis-server >/dev/null 2>&1; then
  echo "redis-server present: $(redis-server --version | head -1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: redis-server is missing and apt-get is not available: install Redis 6.2 or later (the queue tests need it)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "error: redis-server is missing and this user cannot run apt-get: install the redis-server package (the queue tests need it)" >&2
    exit 1
  fi
fi
echo "installing Debian redis-server with apt-get (quiet)"
if $sudo apt-get update -qq >/dev/null 2>&1 \
  && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server >/dev/null 2>&1 \
  && command -v redis-server >/dev/null 2>&1; then
  echo "redis-server installed: $(redis-server --version | head -1)"
else
  echo "error: could not install redis-server with apt-get (the queue tests need it)" >&2
  exit 1
fi
