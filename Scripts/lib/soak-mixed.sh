#!/usr/bin/env bash
# Everything on one shop file at once (issue 19, "Soak"): WRITERS CLI processes each writing
# WRITES stock adjustments, a laptop adjusting and syncing through the running hub (whose merges
# write the same file), and the TUI under tmux — logged in, a shift started, its screens switched
# through (each reads the file) — until the writers are done. Zero "database is locked" anywhere
# (the writers' and syncs' output, the daemon's log, every TUI screen), every process succeeds,
# the stock adds up on both sides and both journals verify. Prints one line of figures, also to
# $SOAK_REPORT.
#   Scripts/lib/soak-mixed.sh [WRITES=100] [WRITERS=3]
# Traffic goes to 127.0.0.1 only; every loop is bounded.
set -euo pipefail
writes="${1:-100}"
writers="${2:-3}"
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
d="${ZHANGGUID_BIN:-$(dirname "$z")/zhangguid}"
tui="$(dirname "$z")/zhanggui-tui"
command -v tmux >/dev/null || { echo "  tmux is not installed" >&2; exit 1; }
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
daemon=""
sock="$work/tmux.sock"
t() { LC_ALL=C.UTF-8 tmux -u -S "$sock" "$@"; }
cleanup() { [ -n "$daemon" ] && { kill -9 "$daemon"; wait "$daemon"; } 2>/dev/null || true; t kill-server >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
export LANG=zh_CN.UTF-8
unset ZHANGGUI_STAFF ZHANGGUI_DB ZHANGGUI_NOW
db="$work/shop.sqlite"
lap=(--db "$work/laptop.sqlite")
url="http://127.0.0.1:$port"
fail() { echo "  failed: $*" >&2; exit 1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
started=$SECONDS

"$z" demo --db "$db" --seed 7 >/dev/null
"$z" --db "$db" location add Z-09-9 --as 黄乔 >/dev/null
"$z" --db "$db" product add MIX-0 --name 混合压测 --price 9 --as 黄乔 >/dev/null
"$z" --db "$db" staff pin 二哥 --pin 1234 --as 黄乔 >/dev/null
who="$("$z" --db "$db" staff list --json | json "[s['staff']['name'] if 'staff' in s else s['name'] for s in d].index('二哥')")"
token="$("$z" --db "$db" device register 混合笔记本 --json | json "d['token']")"
"$d" --db "$db" --listen "127.0.0.1:$port" --log-level notice >>"$work/daemon.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do curl -sf "$url/health" >/dev/null && break; sleep 0.05; done
"$z" "${lap[@]}" notebook init >/dev/null
"$z" "${lap[@]}" sync --hub "$url" --token "$token" >/dev/null

# The TUI: 二哥 logs in and starts his shift.
t new-session -d -s desk -x 120 -y 36 "env LC_ALL=C.UTF-8 LANG=zh_CN.UTF-8 '$tui' --db '$db' --lang zh; echo \"[tui exited \$?]\"; sleep 600"
pane() { t capture-pane -p -t desk; }
keys() { t send-keys -t desk "$@"; }
# Waits until the screen shows TEXT (fixed; `-E REGEX` for a pattern), else fails with the screen.
wait_for() {
    local how=-F
    [ "$1" = -E ] && { how=-E; shift; }
    local deadline=$((SECONDS + ${2:-30}))
    until pane | grep -q "$how" -- "$1"; do
        [ "$SECONDS" -ge "$deadline" ] && { pane | sed 's/^/    | /' >&2; fail "the TUI never showed “$1”"; }
        sleep 0.1
    done
}
wait_for "谁在上班"
for _ in $(seq "$who"); do keys Down; done
keys Enter
wait_for "二哥 的 PIN"
t send-keys -t desk -l 1234; keys Enter
wait_for "欢迎，二哥"
keys 2
wait_for "交给我这一班的事项"
keys s
wait_for "我在班上"

# The writers, and the laptop syncing through the hub, all at once.
pids=()
for w in $(seq "$writers"); do
    ( for _ in $(seq "$writes"); do
          "$z" --db "$db" stock adjust MIX-0 --location Z-09-9 --by +1 --reason 混合 --as 大哥 >/dev/null 2>>"$work/writer-$w.log" \
              || { echo "writer $w: exit $?" >>"$work/writer-$w.log"; exit 1; }
      done ) &
    pids+=($!)
done
laptop_rounds=$(( (writes + 4) / 5 ))
( for _ in $(seq "$laptop_rounds"); do
      "$z" "${lap[@]}" stock adjust MIX-0 --location Z-09-9 --by +1 --reason 笔记本 --as 大哥 >/dev/null 2>>"$work/laptop.log" || exit 1
      "$z" "${lap[@]}" sync --hub "$url" --token "$token" >/dev/null 2>>"$work/laptop.log" || exit 1
  done ) &
pids+=($!)
switches=0 locked_screens=0
running() { for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
deadline=$((SECONDS + 1800))
while running && [ "$SECONDS" -lt "$deadline" ]; do
    for screen in 1 4 5 6 7 2; do
        keys F"$screen"
        sleep 0.3
        switches=$((switches + 1))
        pane | grep -qiE "database is locked|SQLITE_BUSY" && locked_screens=$((locked_screens + 1)) && pane >>"$work/tui-locked.log"
    done
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done

# The TUI ends the shift with a note and quits.
keys F2
wait_for "我在班上"
keys e
wait_for "给下一班的留言"
t send-keys -t desk -l "混合压测结束"; keys Enter
wait_for -E "二哥 [0-9-]+ [0-9:]+ 下班"
keys q
wait_for "[tui exited 0]"
"$z" "${lap[@]}" sync --hub "$url" --token "$token" >/dev/null 2>>"$work/laptop.log"
elapsed=$((SECONDS - started))

locked="$(cat "$work"/*.log 2>/dev/null | grep -ciE "database is locked|SQLITE_BUSY" || true)"
locked=$((locked + locked_screens))
[ "$failed" = 0 ] || { cat "$work"/writer-*.log "$work/laptop.log" >&2; fail "$failed of the writing processes failed"; }
[ "$locked" = 0 ] || fail "$locked “database is locked” seen"
want=$((writers * writes + laptop_rounds))
for file in "$db" "$work/laptop.sqlite"; do
    got="$("$z" --db "$file" stock show MIX-0 --json | json "sum(b['quantity'] for b in d['balances'])")"
    [ "$got" = "$want" ] || fail "$(basename "$file"): MIX-0 holds $got, not $want"
    "$z" --db "$file" journal verify >/dev/null || fail "$(basename "$file"): journal verify"
done
summary="mixed: writers=$writers writes=$((writers * writes)) laptop_syncs=$laptop_rounds tui_screens=$switches seconds=$elapsed locked=0 errors=0"
echo "$summary"
[ -n "${SOAK_REPORT:-}" ] && echo "$summary" >>"$SOAK_REPORT"
true
