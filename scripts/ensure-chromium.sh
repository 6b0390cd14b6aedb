#!/usr/bin/env bash
# Browser tests drive Debian's Chromium: Playwright cannot download its own browser here.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  exit 0
fi

echo "recflow: Chromium is missing at $chromium_path; installing Debian's package..."
sudo_if_needed=""
if [ "$(id -u)" -ne 0 ]; then
  sudo_if_needed="sudo"
fi
$sudo_if_needed apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium >/dev/null
echo "recflow: installed $("$chromium_path" --version)"
