#!/usr/bin/env bash
# Handover's "done when": the day-shift agent ends the shift from the CLI, the night agent sees
# exactly what was handed over and takes it over, the next morning's shift sees what is still open.
set -euo pipefail
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ZHANGGUI_DB="$work/shop.sqlite" LANG=en_US.UTF-8
unset ZHANGGUI_STAFF
check() { if ! eval "$2"; then echo "  failed: $1" >&2; exit 1; fi; }
at() { ZHANGGUI_NOW="$1" "${@:2}"; }
item() { python3 -c "import json,sys; print(json.load(sys.stdin)['item'])"; }

at 2026-11-29T20:00:00+08:00 "$z" init --shop 艾芳汀 --owner 黄乔 >/dev/null
at 2026-11-29T20:00:00+08:00 "$z" staff add 刘芬 --role cs-lead,cs-agent --as 黄乔 >/dev/null
at 2026-11-29T20:00:00+08:00 "$z" staff add 周小雨 --role cs-agent --as 黄乔 >/dev/null
at 2026-11-29T20:00:00+08:00 "$z" roster plan --week 2026-W49 --as 刘芬 >/dev/null
check "a week in the wrong format is refused" '! at 2026-11-29T20:00:00+08:00 "$z" roster plan --week 2026-49 --as 刘芬 2>/dev/null'
check "ending a shift not started is refused" '! at 2026-11-30T08:00:00+08:00 "$z" shift end --as 刘芬 2>/dev/null'
check "unknown staff is refused" '! at 2026-11-30T08:00:00+08:00 "$z" shift start --as 张三 2>/dev/null'

# Day shift.
at 2026-11-30T08:03:00+08:00 "$z" shift start --as 刘芬 >/dev/null
a="$(at 2026-11-30T10:00:00+08:00 "$z" handover add "王女士改地址，发货前核对" --about 1930528874412036 --as 刘芬 --json | item)"
b="$(at 2026-11-30T11:00:00+08:00 "$z" handover add "胶带快用完，已报采购" --as 刘芬 --json | item)"
summary="$(at 2026-11-30T17:00:00+08:00 "$z" shift end --note "催付款两单" --as 刘芬)"
check "the summary lists the open items" 'grep -q "$a" <<<"$summary" && grep -q "$b" <<<"$summary"'
check "the summary carries the note" 'grep -q "催付款两单" <<<"$summary"'

# Night shift sees exactly what was handed over and takes one over.
at 2026-11-30T16:05:00+08:00 "$z" shift start --as 周小雨 >/dev/null
shown="$(at 2026-11-30T17:05:00+08:00 "$z" handover show --as 周小雨 --json)"
check "the night shift sees both items" '[ "$(python3 -c "import json,sys; print(sorted(i[\"id\"] for i in json.load(sys.stdin)[\"items\"]))" <<<"$shown")" = "$(python3 -c "print(sorted([\"$a\", \"$b\"]))")" ]'
at 2026-11-30T17:06:00+08:00 "$z" handover ack "$a" --as 周小雨 >/dev/null
c="$(at 2026-11-30T21:00:00+08:00 "$z" handover add "李先生明早改发顺丰" --as 周小雨 --json | item)"
at 2026-12-01T00:00:00+08:00 "$z" shift end --as 周小雨 >/dev/null

# Next morning: what is still open.
at 2026-12-01T07:58:00+08:00 "$z" shift start --as 刘芬 >/dev/null
morning="$(at 2026-12-01T08:00:00+08:00 "$z" handover show --as 刘芬 --json | python3 -c "import json,sys; print(' '.join(sorted(i['id'] for i in json.load(sys.stdin)['items'])))")"
check "the morning sees what is still open: $morning" '[ "$morning" = "$(printf "%s\n" "$b" "$c" | sort | tr "\n" " " | sed "s/ $//")" ]'
check "someone off shift cannot take over" '! at 2026-12-01T08:01:00+08:00 "$z" handover ack "$c" --as 周小雨 2>/dev/null'
check "the journal verifies" '"$z" journal verify >/dev/null'
