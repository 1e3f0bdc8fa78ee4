# Sourced by Scripts/demo, Scripts/test and Scripts/bench: installs the system packages the
# project needs when they are missing (Debian/Ubuntu, with the Swift toolchain already there).
#   libsqlite3-dev    GRDB builds against the system SQLite
#   libncursesw5-dev  the terminal UI (ncursesw)
#   sqlite3           the end-to-end tests tamper with a journal; the benchmarks compare against it
#   tmux              drives the terminal UI in end-to-end tests
#   curl, python3     the end-to-end scripts talk to the daemon and read --json output
#   time              GNU time (/usr/bin/time -v): the benchmarks report peak memory with it
#   chromium, fonts-noto-cjk  the report tests render the HTML reports in headless Chromium (Chinese text)
set -euo pipefail

zhanggui_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

zhanggui_setup() {
    local needed=(libsqlite3-dev libncursesw5-dev sqlite3 tmux fonts-noto-cjk)
    local missing=()
    for package in "${needed[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    command -v curl >/dev/null || missing+=(curl)
    command -v python3 >/dev/null || missing+=(python3)
    [ -x /usr/bin/time ] || missing+=(time)
    command -v chromium >/dev/null || missing+=(chromium)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> installing ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    command -v swift >/dev/null || { echo "error: the Swift toolchain is not on PATH (swift.org/install)" >&2; exit 1; }
}
