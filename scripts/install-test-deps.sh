#!/bin/sh
# Installs what the test suite needs outside Maven: Debian's chromium, which the HTML report's
# browser test (HtmlReportBrowserTest) drives headless, and one font family so its screenshots show
# text (chromium itself only depends on fontconfig; a bare container has no fonts at all).
# Idempotent: installs nothing when both are there, so CI and the README's test command can always
# call it.
set -eu

CHROMIUM=/usr/bin/chromium
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

if [ -x "$CHROMIUM" ] && [ -f "$FONT" ]; then
    echo "test dependencies present: $CHROMIUM, $FONT"
    exit 0
fi

# apt-get needs root; use sudo only when we are not root already (CI containers usually are).
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
"$CHROMIUM" --version
