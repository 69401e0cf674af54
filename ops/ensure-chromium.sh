#!/usr/bin/env bash
# Makes sure Debian's chromium and chromedriver are installed: the web application's browser tests drive them
# (src/test/java/org/voterroll/web/Browser.java). Installs them from Debian's packages where they are missing.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "chromium and chromedriver present"
  exit 0
fi
echo "chromium or chromedriver missing: installing them from Debian's packages"
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version
