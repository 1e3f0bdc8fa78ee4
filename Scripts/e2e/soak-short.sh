#!/usr/bin/env bash
# The hub soaks of ./Scripts/soak, short, so every test run exercises their paths: 5 rounds of
# kill -9 of the hub mid-push (journals equal at the end, nothing doubled), and a mixed run of
# CLI writers, the TUI and the hub on one file (no "database is locked").
set -euo pipefail
here="$(dirname "$0")/../lib"
bash "$here/soak-hub-kill.sh" 5 7 >/dev/null
bash "$here/soak-mixed.sh" 8 2 >/dev/null
