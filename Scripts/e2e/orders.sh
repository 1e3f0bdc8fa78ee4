#!/usr/bin/env bash
# Orders and logistics end to end through the built binary, from the seller centre's real
# export format (GB18030, ="…" numbers, a multi-line message): import → print → pick → pack →
# pickup → statement → reconcile. An unpaid order is never printed; a second print is refused;
# a reprint and a void are in the journal.
set -euo pipefail
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
fixtures="$(cd "$(dirname "$0")/../.." && pwd)/Tests/InterchangeTests/Fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ZHANGGUI_DB="$work/shop.sqlite" LANG=en_US.UTF-8 ZHANGGUI_NOW=2026-11-30T15:00:00+08:00
unset ZHANGGUI_STAFF
check() { if ! eval "$2"; then echo "  failed: $1" >&2; exit 1; fi; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

"$z" init --shop 示例测试小店 --owner 黄乔 >/dev/null
"$z" staff add 小王 --role shipper --as 黄乔 >/dev/null
"$z" staff add 刘芬 --role cs-agent --as 黄乔 >/dev/null
"$z" location add A-01-1 --as 黄乔 >/dev/null
"$z" location home 杂货 A --as 黄乔 >/dev/null
cat > "$work/products.csv" <<'CSV'
sku,name,colour,size,price,category
SKU-A001,护肤套装,标准套装,,598,杂货
PB-20000-W,充电宝,白色,,39.90,杂货
CABLE-2M-PK,数据线2米,樱花粉,,5,杂货
CUP-500,保温杯,,,128,杂货
SUP-BAG-M,快递袋（中）,,,0,杂货
CSV
"$z" product import "$work/products.csv" --as 黄乔 >/dev/null
receipt="$("$z" receipt create --vendor 工厂 --line SKU-A001:10 --line PB-20000-W:10 --line CABLE-2M-PK:10 --line SUP-BAG-M:50 --as 黄乔 --json | json "d['receipt']")"
for sku in SKU-A001 PB-20000-W CABLE-2M-PK SUP-BAG-M; do
    n=10; [ "$sku" = SUP-BAG-M ] && n=50
    "$z" receipt inspect "$receipt" "$sku" --accepted "$n" --as 黄乔 >/dev/null
done
"$z" receipt post "$receipt" --as 黄乔 >/dev/null

# Import the real-format export: every order, the paid one reserves its item.
"$z" order import "$fixtures/ExportOrderList_SYNTHETIC_gbk.csv" --details "$fixtures/ExportOrderDetailList_SYNTHETIC_gbk.csv" --as 刘芬 >/dev/null
check "five orders" '[ "$("$z" order list --json | json "len(d)")" = 5 ]'
check "the paid order reserves" '"$z" stock show SKU-A001 --json | json "d[\"line\"][\"reserved\"]" | grep -qx 1'
check "the multi-line message is kept" '"$z" order show 0002 --json | json "d[\"buyerMessage\"]" | grep -q "不要放快递柜"'
check "the unmatched cable is listed" '"$z" order unmatched | grep -q "示例数据线2米"'
"$z" order map 示例数据线2米 --attributes "长度：2m;颜色分类：苹果ios樱花粉[【1m】提速70%]" --sku CABLE-2M-PK --as 刘芬 >/dev/null
check "the mapping applies" '! "$z" order unmatched | grep -q "示例数据线2米"'
out="$("$z" order import "$fixtures/ExportOrderList_SYNTHETIC_gbk.csv" --as 刘芬)"
check "re-importing changes nothing" 'grep -q "0 new, 0 moved forward, 5 unchanged" <<<"$out"'

# Print: paid orders only, once.
"$z" waybill stock add --courier ZTO --from 73100000000001 --count 50 --as 小王 >/dev/null
"$z" courier sender --name 示例测试小店 --phone 13900000000 --address "浙江省 杭州市 余杭区 某路1号" --as 小王 >/dev/null
check "an unpaid order is never printed" '! "$z" waybill print --courier ZTO 2345000000000000003 --out "$work/x.html" --as 小王 2>/dev/null'
batch="$("$z" waybill print --courier ZTO --all-paid --out "$work/labels.html" --as 小王 --json | json "d['batch']")"
check "one label, for the paid order" '[ "$("$z" waybill list --batch "$batch" --json | json "len(d)")" = 1 ]'
check "the label says inspect before signing" 'grep -q "先验货再签收" "$work/labels.html" && grep -q "张三" "$work/labels.html" && grep -q "<svg" "$work/labels.html"'
check "a second print is refused" '! "$z" waybill print --courier ZTO 1930000000000001 --out "$work/y.html" --as 小王 2>/dev/null'
first="$("$z" waybill list --batch "$batch" --json | json "d[0]['waybill']")"
"$z" waybill reprint "$first" --reason 卡纸 --out "$work/reprint.html" --as 小王 >/dev/null
"$z" waybill void "$first" --reason 面单污损 --as 小王 >/dev/null
batch2="$("$z" waybill print --courier ZTO --all-paid --out "$work/labels2.html" --as 小王 --json | json "d['batch']")"
waybill="$("$z" waybill list --batch "$batch2" --json | json "d[0]['waybill']")"
check "a new number after the void" '[ "$waybill" != "$first" ]'
check "reprint and void are in the journal" '[ "$("$z" journal list --kind waybill.reprinted --json | json "len(d)")" = 1 ] && [ "$("$z" journal list --kind waybill.voided --json | json "len(d)")" = 1 ]'
"$z" waybill export --out "$work/ship.csv" >/dev/null
check "the bulk-shipping file names order, courier and waybill" 'grep -q "1930000000000001,中通快递,$waybill" "$work/ship.csv"'

# Pick and pack.
check "the pick list shows the item" '"$z" pick list "$batch2" | grep -q SKU-A001'
"$z" pick list "$batch2" --out "$work/pick.html" >/dev/null
check "a wrong item is refused" '! "$z" pack "$waybill" --scan PB-20000-W --as 小王 2>/dev/null'
"$z" pack "$waybill" --scan SKU-A001 --supply SUP-BAG-M --as 小王 >/dev/null
check "the bag was used" '"$z" stock show SUP-BAG-M --json | json "d[\"line\"][\"sellable\"]" | grep -qx 49'

# Hand over to the courier.
pickup="$("$z" pickup create --courier ZTO --as 小王 --json | json "d['pickup']")"
check "a wrong stub count is refused" '! "$z" pickup confirm "$pickup" --stubs 2 --courier-name 王师傅 --as 小王 2>/dev/null'
"$z" pickup confirm "$pickup" --stubs 1 --courier-name 王师傅 --as 小王 >/dev/null
check "the goods left stock" '"$z" stock show SKU-A001 --json | json "(d[\"line\"][\"sellable\"], d[\"line\"][\"reserved\"])" | grep -qx "(9, 0)"'
"$z" parcel weigh "$waybill" --kg 1.2 --fee 8.00 --as 小王 >/dev/null

# Month end.
"$z" courier rate --courier ZTO --first-kg 5 --extra-kg 3 --as 黄乔 >/dev/null
printf '运单号码,计费重量,应付金额\n%s,1.2,9.00\n73199999999999,0.5,5.00\n' "$waybill" > "$work/zto.csv"
"$z" courier statement import "$work/zto.csv" --courier ZTO --month 2026-11 --as 黄乔 >/dev/null
"$z" courier reconcile --courier ZTO --month 2026-11 --csv "$work/reconcile.csv" > "$work/reconcile.txt"
check "a line not ours" 'grep -q "not ours" "$work/reconcile.txt"'
check "a fee difference" '"$z" courier reconcile --courier ZTO --month 2026-11 --json | json "[l[\"difference\"] for l in d[\"lines\"] if l[\"kind\"]==\"fee-difference\"][0]" | grep -qx 100'
printf '运单号码,应付金额\n%s,abc\n' "$waybill" > "$work/bad.csv"
out="$("$z" courier statement import "$work/bad.csv" --courier ZTO --month 2026-11 --as 黄乔 2>&1 || true)"
check "a broken statement row names file:line" 'grep -q "bad.csv:2" <<<"$out"'
check "the journal verifies" '"$z" journal verify >/dev/null'
echo "orders e2e: ok"
