#!/usr/bin/env bash
# Writes the Printing module's sample pages and, when Chromium is installed, screenshots them and
# prints them to PDF, so a change to a label or a pick list can be looked at before it ships.
#   Scripts/dev/print-samples.sh [out-dir]     (default /tmp/printing-samples)
set -euo pipefail
out="${1:-/tmp/printing-samples}"
cd "$(dirname "$0")/../.."
PRINTING_SAMPLES_DIR="$out" swift test -j 2 --filter PrintingTests.SampleFiles >/dev/null
chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$chrome" ]]; then
    echo "wrote $out/*.html (no Chromium for screenshots: apt-get install chromium fonts-noto-cjk)"
    exit 0
fi
shot() { "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$out/$2.png" --window-size="$3" "file://$out/$1" 2>/dev/null; }
pdf() { "$chrome" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$2.pdf" "file://$out/$1" 2>/dev/null; }
shot labels.html labels 378,1400        # 100 mm ≈ 378 CSS px; two labels of 680 px
shot label-extreme.html label-extreme 378,680
shot pick-list.html pick-list 794,1123  # A4 at 96 dpi
shot evidence.html evidence 794,1123
pdf labels.html labels
pdf label-extreme.html label-extreme
pdf pick-list.html pick-list
pdf evidence.html evidence
echo "wrote $out: labels, pick-list, evidence (.html, .png, .pdf)"
