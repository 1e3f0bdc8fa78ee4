#!/usr/bin/env bash
# The shift desk's "done when", through the real zhanggui-tui under tmux: 二哥 logs in with his
# PIN, starts his shift, takes over the item 大哥's early shift handed to the warehouse team,
# packs a printed waybill of the demo by typed scans (one wrong scan refused), ends his shift
# with a note and quits; then the CLI confirms what the TUI wrote.
set -euo pipefail
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
tui="$(dirname "$z")/zhanggui-tui"
command -v tmux >/dev/null || { echo "  tmux is not installed" >&2; exit 1; }
[ -x "$tui" ] || { echo "  no $tui: build it first (swift build)" >&2; exit 1; }
work="$(mktemp -d)"
# A tmux server of our own (its own socket): nothing else's sessions are touched.
sock="$work/tmux.sock"
t() { LC_ALL=C.UTF-8 tmux -u -S "$sock" "$@"; }
cleanup() { t kill-server >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
db="$work/shop.sqlite"
export LANG=zh_CN.UTF-8
unset ZHANGGUI_STAFF ZHANGGUI_DB
check() { if ! eval "$2"; then echo "  failed: $1" >&2; exit 1; fi; }
at() { ZHANGGUI_NOW="2026-11-30T$1:00+08:00" "${@:2}"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# The demo shop; 大哥's early shift hands an item to the warehouse team; 二哥 gets a PIN.
at 05:00 "$z" demo --db "$db" --seed 7 >/dev/null
at 06:00 "$z" shift start --db "$db" --as 大哥 >/dev/null
item="$(at 07:30 "$z" handover add "B-02 货架第三层松了，别放重物" --db "$db" --as 大哥 --json | json "d['item']")"
at 09:30 "$z" shift end --db "$db" --as 大哥 >/dev/null
at 09:40 "$z" staff pin 二哥 --pin 1234 --db "$db" --as 黄乔 >/dev/null
who="$(at 09:40 "$z" staff list --db "$db" --json | json "[s['staff']['name'] if 'staff' in s else s['name'] for s in d].index('二哥')")"

# A printed, unpacked waybill of the newest batch, and what it must hold.
waybill="$(at 09:40 "$z" waybill list --db "$db" --state printed --json | json "d[0]['waybill']")"
order="$(at 09:40 "$z" waybill list --db "$db" --state printed --json | json "d[0]['order']")"
scans="$(at 09:40 "$z" order show "$order" --db "$db" --json | json "' '.join(' '.join([l['sku']] * l['quantity']) for l in d['lines'])")"
[ -n "$scans" ] || { echo "  order $order has no lines to scan" >&2; exit 1; }

t new-session -d -s desk -x 120 -y 36 \
    "env LC_ALL=C.UTF-8 LANG=zh_CN.UTF-8 ZHANGGUI_NOW=2026-11-30T10:00:00+08:00 '$tui' --db '$db' --lang zh; echo \"[tui exited \$?]\"; sleep 600"

pane() { t capture-pane -p -t desk; }
keys() { t send-keys -t desk "$@"; }
typed() { t send-keys -t desk -l "$1"; }
# Waits until the screen shows TEXT (a fixed string), or fails after a timeout with the screen.
wait_for() {
    local deadline=$((SECONDS + ${2:-20}))
    until pane | grep -qF -- "$1"; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "  timed out after ${2:-20}s waiting for “$1”; the screen was:" >&2
            pane | sed 's/^/    | /' >&2
            exit 1
        fi
        sleep 0.1
    done
}

# Log in as 二哥.
wait_for "谁在上班"
for _ in $(seq "$who"); do keys Down; done
keys Enter
wait_for "二哥 的 PIN"
typed 1234; keys Enter
wait_for "欢迎，二哥"

# Handover: start the shift, take over 大哥's item.
keys 2
wait_for "交给我这一班的事项"
wait_for "$item"
keys s
wait_for "我在班上"
keys a
wait_for "二哥 已接手：$item"

# Pick & pack: the newest batch, then the waybill typed, one wrong scan, then every item.
keys 3
wait_for "打印批次"
keys Enter
wait_for "拣货单（款式 × 颜色 × 尺码）"
typed "$waybill"; keys Enter
wait_for "快递单 $waybill · 收货人"
typed "NOT-ON-THE-ORDER"; keys Enter
wait_for "不在快递单 $waybill 的订单上"
for sku in $scans; do
    typed "$sku"; keys Enter
    wait_for "✓ $sku"
done
wait_for "全部对上"
keys Enter
wait_for "快递单 $waybill 已打包，打包人 二哥 签名"

# End the shift with a note (F2: the scan field takes digits), then quit.
keys F2
wait_for "我在班上"
keys e
wait_for "给下一班的留言"
typed "B-02 已报修，等师傅"; keys Enter
wait_for "二哥 2026-11-30 10:00 下班"
keys q
wait_for "[tui exited 0]"

# The CLI confirms what the TUI wrote.
shown="$("$z" waybill show "$waybill" --db "$db" --json)"
check "the waybill is packed" '[ "$(json "d[\"state\"]" <<<"$shown")" = packed ]'
check "signed by 二哥" '[ "$(json "d[\"packer\"]" <<<"$shown")" = 二哥 ]'
history="$("$z" handover history --db "$db")"
check "handover history: $item taken over by 二哥" 'grep -F "$item" <<<"$history" | grep -qF 二哥'
shifts="$("$z" shift list --db "$db" --staff 二哥 --json)"
check "二哥's shift ended at 10:00 with the note" '[ "$(json "(d[0][\"endedAt\"] is not None, d[0][\"note\"])" <<<"$shifts")" = "(True, '"'"'B-02 已报修，等师傅'"'"')" ]'
check "the journal verifies" '"$z" journal verify --db "$db" >/dev/null'
