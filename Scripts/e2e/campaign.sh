#!/usr/bin/env bash
# Campaign approval end to end through the built binary (CAMP-1…CAMP-3, DISC-3, ORG-3): a chain
# signed step by step, a draft file changed after design (the later signatures go stale and the
# chain goes back), going live refused before 定稿, the GM's override recorded, an error booking
# the whole chain's CAMP-2 fines in the fines ledger, the report at the campaign price and as
# paid; and every class of bad input — one clear line, exit 1, nothing written (the journal
# counted before and after).
set -euo pipefail
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ZHANGGUI_DB="$work/shop.sqlite" LANG=en_US.UTF-8 ZHANGGUI_NOW=2026-11-30T15:00:00+08:00
unset ZHANGGUI_STAFF
source "$(dirname "$0")/../lib/e2e.sh"

# usage WHAT TEXT ARGS…: a usage mistake (docs/cli.md, exit codes): exit 2, the first line says
# what is wrong (TEXT), the journal unchanged.
usage() {
    local what="$1" text="$2"; shift 2
    local before after status=0
    before="$(ops)"
    "$z" "$@" >"$work/out" 2>"$work/err" || status=$?
    after="$(ops)"
    if [ "$status" != 2 ]; then echo "  failed: $what: exit $status, not 2" >&2; cat "$work/err" >&2; exit 1; fi
    if ! head -1 "$work/err" | grep -q -- "$text"; then echo "  failed: $what: no \"$text\" in:" >&2; cat "$work/err" >&2; exit 1; fi
    if [ "$before" != "$after" ]; then echo "  failed: $what: the journal went from $before to $after ops" >&2; exit 1; fi
}

"$z" init --shop 示例测试小店 --owner 黄乔 >/dev/null
"$z" staff add 史文龙 --role tech-lead --as 黄乔 >/dev/null
"$z" staff add 汪莎 --role designer --as 黄乔 >/dev/null
"$z" staff add 刘芬 --role cs-lead --as 黄乔 >/dev/null
"$z" staff add 二哥 --role warehouse --as 黄乔 >/dev/null
"$z" product add AF1023-WHT-M --name 雪纺衫 --colour 白色 --size M --price 89 --cost 30 --as 黄乔 >/dev/null

# Declared by the tech lead (申报 signed with it).
"$z" campaign declare --id CP-1 --name 双十二聚划算 --platform 聚划算 --starts 2026-12-10 --ends 2026-12-12 \
    --requirements "主图 800×800 白底" --item AF1023-WHT-M=59 --budget 500 --fee-rate 5% --as 史文龙 >/dev/null
check "declared, waiting for 审批" '"$z" campaign show CP-1 --json | json "d[\"chain\"][\"next\"]" | grep -qx approve'

# Bad input before anything is signed.
refused "a step out of order" "not due" "$z" campaign sign CP-1 --step review --as 刘芬
refused "the wrong role" "cannot sign approve" "$z" campaign sign CP-1 --step approve --as 史文龙
refused "a stale hash" "stale" "$z" campaign sign CP-1 --step approve --hash deadbeef --as 黄乔
usage "an unknown step" "--step must be" campaign sign CP-1 --step 打酱油 --as 黄乔
refused "an unknown campaign" "CP-NONE" "$z" campaign sign CP-NONE --step approve --as 黄乔
refused "an unknown person" "某人" "$z" campaign sign CP-1 --step approve --as 某人
refused "going live unsigned" "not finalized" "$z" campaign live CP-1 --as 史文龙
refused "an override by someone not the GM" "only the GM" "$z" campaign live CP-1 --override 急 --as 史文龙
refused "an override without a reason" "not finalized" "$z" campaign live CP-1 --override " " --as 黄乔
refused "an error on a page not live" "not live" "$z" campaign error CP-1 --what 错字 --as 黄乔
refused "a product not in the catalogue" "no product NOPE" "$z" campaign declare --name x --platform p --starts 2026-12-01 \
    --ends 2026-12-02 --item NOPE=1 --as 史文龙
refused "a bad price" "not an amount" "$z" campaign declare --name x --platform p --starts 2026-12-01 --ends 2026-12-02 \
    --item AF1023-WHT-M=abc --as 史文龙

# The chain: 审批, 初审, the designer's draft.
"$z" campaign sign CP-1 --step 审批 --as 黄乔 >/dev/null
"$z" campaign sign CP-1 --step 初审 --as 刘芬 >/dev/null
mkdir -p "$work/draft"
printf 'PNG main v1' >"$work/draft/main.png"
printf 'PNG detail v1' >"$work/draft/detail.png"
refused "a missing file" "missing" "$z" campaign attach CP-1 "$work/nope.png" --as 汪莎
refused "a draft attached by someone not the designer" "designer" "$z" campaign attach CP-1 "$work/draft" --as 刘芬
"$z" campaign attach CP-1 "$work/draft" --as 汪莎 >/dev/null
"$z" campaign sign CP-1 --step 图文设计 --as 汪莎 >/dev/null
"$z" campaign sign CP-1 --step 校对 --as 史文龙 >/dev/null
signed_hash="$("$z" campaign show CP-1 --json | json "d['contentHash']")"

# A file changed after it was attached: refused on this device before anyone signs on it.
printf 'PNG main v2, price badge fixed' >"$work/draft/main.png"
refused "a file changed since it was attached" "changed after it was attached" "$z" campaign sign CP-1 --step 定稿 --as 黄乔
# The designer attaches the changed draft: 图文设计 and 校对 are stale, the chain goes back to design.
"$z" campaign attach CP-1 "$work/draft" --as 汪莎 >/dev/null
check "the content hash changed" '[ "$("$z" campaign show CP-1 --json | json "d[\"contentHash\"]")" != "$signed_hash" ]'
stale="$("$z" campaign show CP-1 --json | json "' '.join(s['step'] for s in d['chain']['steps'] if s['status'] == 'stale')")"
check "图文设计 and 校对 are stale" '[ "$stale" = "design proofread" ]'
check "back to 图文设计" '"$z" campaign show CP-1 --json | json "d[\"chain\"][\"next\"]" | grep -qx design'
refused "signing the old content" "stale" "$z" campaign sign CP-1 --step design --hash "${signed_hash:0:12}" --as 汪莎
refused "finalizing before the stale steps are signed again" "not due" "$z" campaign sign CP-1 --step finalize --as 黄乔
refused "going live on a stale chain" "not finalized" "$z" campaign live CP-1 --as 史文龙
"$z" campaign print CP-1 --out "$work/draft.html" >/dev/null
check "the printed draft names the content hash and the six boxes" 'grep -q "$("$z" campaign show CP-1 --json | json "d[\"contentHash\"]")" "$work/draft.html" && grep -q 定稿 "$work/draft.html"'

# Live without the signatures: only the GM, with a reason, recorded as such (ORG-3).
out="$("$z" campaign live CP-1 --override "平台今晚截止，来不及重签" --as 黄乔)"
check "the override is recorded" 'grep -qi override <<<"$out" && "$z" campaign show CP-1 --json | json "d[\"liveOverride\"]" | grep -q 平台今晚截止'
refused "live twice" "already live" "$z" campaign live CP-1 --as 黄乔
refused "a new draft on a live page" "live" "$z" campaign attach CP-1 "$work/draft" --as 汪莎

# An error on the unsigned page: the whole chain jointly (CAMP-2), in the fines ledger (DISC-3).
refused "an empty error" "error" "$z" campaign error CP-1 --what "  " --as 黄乔
usage "an error of an unknown kind" "--kind must be" campaign error CP-1 --what 错字 --kind video --as 黄乔
export ZHANGGUI_NOW=2026-12-10T20:00:00+08:00
"$z" campaign error CP-1 --what "主图价签写成 5.9 元" --as 刘芬 >/dev/null
fines() { "$z" fine list --rule CAMP-2 --json | json "sorted(f['name'] + ' ' + str(f['amount']) for f in d)"; }
check "GM 500, lead 300, sales 100, designer 100" \
    '[ "$(fines)" = "$(python3 -c "print(sorted([\"刘芬 10000\", \"史文龙 30000\", \"汪莎 10000\", \"黄乔 50000\"]))")" ]'
refused "the same error again" "already recorded" "$z" campaign error CP-1 --what " 主图价签写成 5.9 元 " --as 黄乔
# A policy changed from the 11th: an error that day is fined at the new value, the first keeps its own.
"$z" policy set CAMP-2.fine.unsigned.gm 800 --from 2026-12-11 --as 黄乔 >/dev/null
export ZHANGGUI_NOW=2026-12-11T10:00:00+08:00
"$z" campaign error CP-1 --what "详情页尺码表写错" --as 刘芬 >/dev/null
check "the GM's second fine at the new policy" \
    '[ "$("$z" fine list --rule CAMP-2 --staff 黄乔 --json | json "sorted(f[\"amount\"] for f in d)")" = "[50000, 80000]" ]'

# After the campaign: the summary and the report at the campaign price and as paid.
export ZHANGGUI_NOW=2026-12-13T10:00:00+08:00
refused "a summary by someone not the lead or GM" "not the tech lead" "$z" campaign summary CP-1 --text 总结 --as 刘芬
refused "a negative spend" "cannot be negative" "$z" campaign summary CP-1 --text 总结 --spent -5 --as 史文龙
out="$("$z" campaign summary CP-1 --text "报名晚了，主图两处错误" --spent 420 --as 史文龙)"
check "the report says which figure is which" 'grep -q "At campaign price" <<<"$out" && grep -q "As paid" <<<"$out"'
check "report campaign is the same computation" \
    '[ "$("$z" report campaign CP-1 --json | json "(d[\"sales\"], d[\"paid\"], d[\"margin\"])")" = "$("$z" campaign summary CP-1 --json | json "(d[\"sales\"], d[\"paid\"], d[\"margin\"])")" ]'
echo "campaign: ok"
