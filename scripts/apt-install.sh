# Sourced by the ensure-*.sh scripts: apt_install PACKAGE installs one Debian
# package quietly (as root, or with sudo -n). Returns 0 when apt-get reported
# success, 1 (after saying why on stderr) otherwise. It never exits.
apt_install() {
  local package=$1 sudo=""
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "apt-get is not available to install $package" >&2
    return 1
  fi
  if [ "$(id -u)" != "0" ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "this user cannot run apt-get to install $package" >&2
      return 1
    fi
    sudo="sudo -n"
  fi
  echo "installing Debian $package with apt-get (quiet)"
  $sudo apt-get update -qq >/dev/null 2>&1 \
    && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null 2>&1
}
