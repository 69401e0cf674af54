#!/usr/bin/env bash
# Makes sure Debian's chromium and chromedriver are installed: the web application's browser tests drive them
# (product/src/test/java/org/voterroll/web/Browser.java). Installs them from Debian's packages where they are missing, and a
# Chinese font (fonts-wqy-microhei): without one the pages' screenshots show every Chinese character as a box.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || missing+=(chromium chromium-driver)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} = 0 ]; then
  echo "chromium, chromedriver and a Chinese font present"
  exit 0
fi
echo "missing: ${missing[*]}: installing from Debian's packages"
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
/usr/bin/chromium --version
