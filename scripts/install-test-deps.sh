#!/bin/sh
# Installs what the test suite needs outside Maven: Debian's chromium, which the HTML report's
# browser test (HtmlReportBrowserTest) drives headless. Idempotent: does nothing when
# /usr/bin/chromium is already there, so CI and the README's test command can always call it.
set -eu

if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi

# apt-get needs root; use sudo only when we are not root already (CI containers usually are).
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
/usr/bin/chromium --version
