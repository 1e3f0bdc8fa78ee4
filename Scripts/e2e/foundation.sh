#!/usr/bin/env bash
# The foundation's "done when", as a person would type it: a demo shop, its people in aligned
# columns, a verified journal, then a row edited with sqlite3 and verify naming the op.
set -euo pipefail
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ZHANGGUI_DB="$work/shop.sqlite" LANG=zh_CN.UTF-8 ZHANGGUI_NOW=2026-11-30T08:00:00+08:00
unset ZHANGGUI_STAFF

check() { if ! eval "$2"; then echo "  failed: $1" >&2; exit 1; fi; }

"$z" demo --seed 1 >/dev/null
list="$("$z" staff list)"
for name in 黄乔 史文龙 汪莎 刘芬 大哥 周小雨 二哥; do
    check "staff list shows $name" 'grep -q "$name" <<<"$list"'
done
check "大哥 ships and does the books" 'grep -q "发货、财务" <<<"$list"'
check "journal verify passes" '"$z" journal verify >/dev/null'

"$z" staff add 小王 --role shipper --as 黄乔 >/dev/null
check "a CS agent may not add staff" '! "$z" staff add 小李 --role cs-agent --as 周小雨 2>/dev/null'

sqlite3 "$ZHANGGUI_DB" "UPDATE journal SET actor = 'someone-else' WHERE deviceSeq = 4"
out="$("$z" --lang en journal verify 2>&1 || true)"
check "verify names the edited op" 'grep -q ":4 (staff.added)" <<<"$out"'
check "verify exits 1 after tampering" '! "$z" journal verify >/dev/null 2>&1'
