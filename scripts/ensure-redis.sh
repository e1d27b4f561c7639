#!/usr/bin/env bash
# Make sure Debian's redis-server is installed for the queue tests and
# benchmark (test/queue, npm run bench:queue), which start their own server
# on a free loopback port. Installs it with apt-get when missing. Unlike the
# browser test, the queue tests do not skip without it, so this fails loudly
# when it cannot install it.
set -u
. "$(dirname "$0")/apt-install.sh"
if ! command -v redis-server >/dev/null 2>&1; then
  if ! apt_install redis-server || ! command -v redis-server >/dev/null 2>&1; then
    echo "error: could not install redis-server: install Redis 6.2 or later (the queue tests need it)" >&2
    exit 1
  fi
fi
echo "redis-server present: $(redis-server --version | head -1)"
