#!/usr/bin/env bash
# Customer care end to end through the built binary (issue 12), as a new shop would use it: the
# seller centre's order export (the shared fixture: GB18030, five buyers) makes the buyers;
# agents tag, VIP and blacklist them ([黑] on order list and pick), log inquiries (one converted
# by a paid order of a later export), follow up an unpaid order, register a bad review handled
# within and above the CS-4 limit, take a service complaint through every CS-7 step to the
# archive (the DISC-1 fine in `fine list`), receive a return into sellable and defective stock,
# exchange goods (a replacement order like any), and read `cs daily` as a table, JSON and CSV.
# Every bad input class of the issue: one line, exit 1, the journal unchanged.
set -euo pipefail
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
fixtures="${ZHANGGUI_FIXTURES:-/work/shared/fixtures/taobao}"
[ -f "$fixtures/ExportOrderList_SYNTHETIC_gbk.csv" ] || fixtures="$root/Tests/InterchangeTests/Fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ZHANGGUI_DB="$work/shop.sqlite" LANG=zh_CN.UTF-8 ZHANGGUI_NOW=2026-11-30T15:00:00+08:00
unset ZHANGGUI_STAFF
source "$(dirname "$0")/../lib/e2e.sh"

# A new shop: the GM, two agents (one the lead), the warehouse, a shipper.
"$z" init --shop 示例测试小店 --owner 黄乔 >/dev/null
"$z" staff add 刘芬 --role cs-lead,cs-agent --as 黄乔 >/dev/null
"$z" staff add 周小雨 --role cs-agent --as 黄乔 >/dev/null
"$z" staff add 大哥 --role warehouse-lead --as 黄乔 >/dev/null
"$z" staff add 老李 --role warehouse --as 黄乔 >/dev/null
"$z" staff add 小王 --role shipper --as 黄乔 >/dev/null
"$z" location add A-01-1 --as 黄乔 >/dev/null
"$z" location add X-01-1 --kind defective --as 黄乔 >/dev/null
"$z" location home 杂货 A --as 黄乔 >/dev/null
cat > "$work/products.csv" <<'CSV'
sku,name,colour,size,price,category
SKU-A001,护肤套装,标准套装,,598,杂货
PB-20000-W,充电宝,白色,,39.90,杂货
CABLE-2M-PK,数据线2米,樱花粉,,5,杂货
CUP-500,保温杯,,,128,杂货
BT-EAR-01,蓝牙耳机,,,199,杂货
CSV
"$z" product import "$work/products.csv" --as 黄乔 >/dev/null
receipt="$("$z" receipt create --vendor 工厂 --line SKU-A001:10 --line PB-20000-W:10 --line BT-EAR-01:5 --as 大哥 --json | json "d['receipt']")"
for line in SKU-A001:10 PB-20000-W:10 BT-EAR-01:5; do
    "$z" receipt inspect "$receipt" "${line%%:*}" --accepted "${line##*:}" --as 大哥 >/dev/null
done
"$z" receipt post "$receipt" --as 大哥 >/dev/null

echo "buyers from the order export"
"$z" order import "$fixtures/ExportOrderList_SYNTHETIC_gbk.csv" --details "$fixtures/ExportOrderDetailList_SYNTHETIC_gbk.csv" --as 刘芬 >/dev/null
"$z" order map 示例数据线2米 --attributes "长度：2m;颜色分类：苹果ios樱花粉[【1m】提速70%]" --sku CABLE-2M-PK --as 刘芬 >/dev/null
check "five buyers" '[ "$("$z" customer list --json | json "len(d)")" = 5 ]'
check "the biggest spender first" '[ "$("$z" customer list --json | json "d[0][\"nick\"]")" = tb_测试买家01 ]'
check "found by a phone fragment" '"$z" customer list 0000002 | grep -q tb_测试买家02'
check "found by an order number's last digits" '"$z" customer list 0003 --json | json "[c[\"nick\"] for c in d]" | grep -q tb_测试买家03'
check "show: the name, phone and spend from the export" '"$z" customer show tb_测试买家01 --json | json "(d[\"summary\"][\"orders\"], d[\"summary\"][\"spent\"], \"张三\" in d[\"names\"], \"13800000001\" in d[\"phones\"])" | grep -qx "(1, 59800, True, True)"'
"$z" customer tag tb_测试买家02 爱问物流 --as 周小雨 >/dev/null
"$z" customer vip tb_测试买家05 老客户 --offer "九折，满 199 包邮" --as 刘芬 >/dev/null
"$z" customer note tb_测试买家05 "喜欢耳机，常回购" --as 周小雨 >/dev/null
"$z" customer contact tb_测试买家05 wangwang tb_测试买家05 --as 周小雨 >/dev/null
check "the tag lists the buyer" '"$z" customer list --tag 爱问物流 --json | json "[c[\"nick\"] for c in d]" | grep -q tb_测试买家02'
check "VIP with its offer" '"$z" customer show tb_测试买家05 | grep -q "九折"'

# CS-4: blacklisted, still shipped, flagged wherever the order shows.
"$z" customer blacklist tb_测试买家01 --reason "恶意索赔" --as 刘芬 >/dev/null
check "[黑] in order list" '"$z" order list | grep "\[黑\]" | grep -q 1930000000000001'
check "[黑] in order show" '"$z" order show 0001 | grep -q "\[黑\]"'
"$z" waybill stock add --courier ZTO --from 73100000000001 --count 50 --as 小王 >/dev/null
"$z" courier sender --name 示例测试小店 --phone 13900000000 --address "浙江省 杭州市 余杭区 某路1号" --as 小王 >/dev/null
batch="$("$z" waybill print --courier ZTO --all-paid --out "$work/labels.html" --as 小王 --json | json "d['batch']")"
check "the blacklisted buyer's paid order is printed all the same" '"$z" waybill list --batch "$batch" --json | json "[w[\"order\"] for w in d]" | grep -q 1930000000000001'
check "[黑] on the pick list" '"$z" pick list "$batch" | grep "\[黑\]" | grep -q 1930000000000001'

echo "inquiries, follow-ups and conversion (CS-9, CS-5)"
"$z" reply add 先验货再签收 "亲，收到快递请先验货再签收，有破损请拒收并联系我们哦。" --as 刘芬 >/dev/null
check "a canned reply found by a word" '"$z" reply list 验货 | grep -q "先验货再签收"'
"$z" inquiry log tb_测试买家03 --product 保温杯 --outcome pending --as 周小雨 >/dev/null
"$z" inquiry log tb_比价的人 --product 充电宝 --outcome lost --reason 价格 --as 周小雨 >/dev/null
"$z" inquiry log tb_测试买家02 --product 数据线 --outcome won --order 0002 --as 刘芬 >/dev/null
check "the unpaid order waits for a follow-up" '"$z" inquiry followups --json | json "[i[\"order\"] for i in d]" | grep -q 2345000000000000003'
"$z" inquiry followup 0003 "已提醒付款，买家说晚上付" --as 周小雨 >/dev/null
check "the follow-up is recorded" '"$z" inquiry followups --json | json "[f[\"note\"] for i in d for f in i[\"followUps\"]]" | grep -q 晚上付'
# A later export: the same buyer paid a new order half an hour after asking.
python3 - "$work/later.csv" <<'PY'
import sys
cols = ["订单编号","买家会员名","买家支付宝账号","买家应付货款","买家应付邮费","买家支付积分","总金额","返点积分","买家实际支付金额","买家实际支付积分","订单状态","买家留言","收货人姓名","收货地址 ","运送方式","联系电话 ","联系手机","订单创建时间","订单付款时间 ","宝贝标题 ","宝贝种类 ","物流单号 ","物流公司","订单备注","宝贝总数量","店铺Id","店铺名称","订单关闭原因","卖家服务费","买家服务费","发票抬头","是否手机订单","分阶段订单信息","特权订金订单id","定金排名","修改后的sku","修改后的收货地址","异常信息","天猫卡券抵扣","集分宝抵扣","是否是O2O交易"]
row = dict.fromkeys(cols, "")
row.update({"订单编号": '="2345000000000000006"', "买家会员名": "tb_测试买家03", "买家应付货款": "128.00", "买家应付邮费": "0.00",
            "总金额": "128.00", "买家实际支付金额": "128.00", "订单状态": "买家已付款，等待卖家发货", "收货人姓名": "王五",
            "收货地址 ": "广西壮族自治区 南宁市 横州市 横州镇某路某小区(530300)", "运送方式": "快递", "联系手机": "'13700000003",
            "订单创建时间": "2026-11-30 15:20:00", "订单付款时间 ": "2026-11-30 15:31:00", "宝贝标题 ": "示例保温杯 500ml",
            "宝贝种类 ": "1", "宝贝总数量": "1", "店铺名称": "示例测试小店", "订单关闭原因": "订单未关闭"})
q = lambda v: '"' + v.replace('"', '""') + '"'
with open(sys.argv[1], "w", encoding="utf-8-sig", newline="") as f:
    f.write(",".join(q(c) for c in cols) + "\r\n" + ",".join(q(row[c]) if not row[c].startswith('="') else row[c] for c in cols) + "\r\n")
PY
ZHANGGUI_NOW=2026-11-30T16:00:00+08:00 "$z" order import "$work/later.csv" --as 刘芬 >/dev/null
check "the pending inquiry became 成交 by the paid order" '"$z" inquiry list --json | json "[(i[\"buyer\"], i[\"outcome\"], i[\"order\"]) for i in d if i[\"buyer\"] == \"tb_测试买家03\"]" | grep -q "won.*2345000000000000006"'
check "the paid order left the follow-up list" '! "$z" inquiry followups --json | json "[i[\"order\"] for i in d]" | grep -q 2345000000000000006'
check "周小雨 converted one of two" '"$z" inquiry conversion --by day --agent 周小雨 --json | json "[(r[\"inquiries\"], r[\"won\"], r[\"lost\"]) for r in d]" | grep -q "(2, 1, 1)"'

echo "a bad review (CS-2, CS-4)"
"$z" review add 0002 --rating bad --text "充电宝充不满，差评" --as 周小雨 >/dev/null
review="$("$z" review list --open --json | json "d[0]['review']")"
check "the review waits for the GM" '"$z" review list --open --json | json "len(d)" | grep -qx 1'
refused "a refund above the CS-4 limit by an agent" "CS-4" "$z" review handle "$review" --outcome revised --contacted --refund 80 --as 周小雨
for bad in -1 1e9 12.345 "" 十元 1000001; do
    refused "refund “$bad”" "" "$z" review handle "$review" --outcome revised --contacted --refund "$bad" --as 周小雨
done
"$z" review handle "$review" --outcome revised --contacted --refund 30 --as 周小雨 >/dev/null
check "handled within the limit" '"$z" review show "$review" --json | json "(d[\"handled\"], d[\"compensation\"], d[\"outcome\"])" | grep -qx "(True, 3000, .revised.)"'
refused "a review handled twice" "$review" "$z" review handle "$review" --outcome kept --as 黄乔
"$z" review add 0005 --rating mid --text "耳机一般" --as 周小雨 >/dev/null
review2="$("$z" review list --open --json | json "d[0]['review']")"
"$z" review handle "$review2" --outcome kept --contacted --refund 80 --malicious --as 黄乔 >/dev/null
check "the GM refunds above the limit; malicious: reported and blacklisted" '"$z" customer list --blacklisted --json | json "[c[\"nick\"] for c in d]" | grep -q tb_测试买家05'

echo "a service complaint through every step (CS-7, DISC-1)"
complaint="$("$z" complaint open --order 0002 --text "客服回复慢，态度差" --as 刘芬 | grep -o 'K[-0-9A-Z]*' | head -1)"
[ -n "$complaint" ] || fail "no complaint ID"
refused "archived before the return visit (a step out of order)" "CS-7" "$z" complaint close "$complaint" --as 刘芬
refused "determined without its kind" "service" "$z" complaint advance "$complaint" --as 刘芬
"$z" complaint advance "$complaint" --kind service --against 周小雨 --note "聊天记录已看" --as 刘芬 >/dev/null
"$z" complaint advance "$complaint" --note "调取旺旺记录" --as 刘芬 >/dev/null
"$z" complaint advance "$complaint" --note "与买家沟通，补发数据线" --as 刘芬 >/dev/null
for bad in -1 1e9 12.345 abc; do
    refused "a fine of “$bad”" "" "$z" complaint advance "$complaint" --upheld --fine "$bad" --as 黄乔
done
"$z" complaint advance "$complaint" --upheld --as 刘芬 >/dev/null
check "DISC-1: the first service complaint this month, 50 for 周小雨" '"$z" fine list --json | json "[(f[\"name\"], f[\"rule\"], f[\"amount\"]) for f in d]" | grep -q "周小雨., .DISC-1., 5000"'
refused "archived before the return visit" "CS-7" "$z" complaint close "$complaint" --as 刘芬
refused "the return visit without the customer's evaluation" "CS-7" "$z" complaint advance "$complaint" --as 刘芬
"$z" complaint advance "$complaint" --evaluation "满意，已改好评" --as 刘芬 >/dev/null
"$z" complaint close "$complaint" --as 刘芬 >/dev/null
check "archived, with every step, who and when" '"$z" complaint show "$complaint" --json | json "[s[\"step\"] for s in d[\"steps\"]]" | grep -qx "\[.intake., .determined., .investigating., .following-up., .confirmed., .visited., .archived.\]"'
check "fine list shows it" '"$z" fine list | grep -q DISC-1'
refused "a closed complaint advanced again" "$complaint" "$z" complaint advance "$complaint" --as 刘芬
refused "a closed complaint closed again" "$complaint" "$z" complaint close "$complaint" --as 刘芬
check "the manager's report counts it" '"$z" complaint report --json | json "(d[\"opened\"], d[\"archived\"], d[\"open\"])" | grep -qx "(1, 1, 0)"'

echo "a warehouse-caused complaint: the fine the manager decides (DISC-3)"
wh="$("$z" complaint open --order 0005 --text "发错了颜色" --as 周小雨 | grep -o 'K[-0-9A-Z]*' | head -1)"
"$z" complaint advance "$wh" --kind warehouse --against 老李 --as 刘芬 >/dev/null
"$z" complaint advance "$wh" --as 刘芬 >/dev/null
"$z" complaint advance "$wh" --as 刘芬 >/dev/null
refused "a DISC-3 fine by a CS lead (a role not allowed)" "$wh" "$z" complaint advance "$wh" --upheld --fine 30 --as 刘芬
"$z" complaint advance "$wh" --upheld --fine 30 --as 大哥 >/dev/null
check "DISC-3: 30 for 老李" '"$z" fine list --json | json "[(f[\"name\"], f[\"rule\"], f[\"amount\"]) for f in d]" | grep -q "老李., .DISC-3., 3000"'

echo "a return into sellable and defective stock, an exchange (CS-6, CS-12, WH-1)"
ret="$("$z" return open 0002 --kind refund --line PB-20000-W:1 --line CABLE-2M-PK:2 --reason "充电宝故障，数据线不要了" --waybill YT1234567890123 --as 周小雨 | grep -o 'TH[-0-9A-Z]*' | head -1)"
before_pb="$("$z" stock show PB-20000-W --json | json "d['line']['sellable']")"
"$z" return receive "$ret" --defective PB-20000-W:1 --defective-to X-01-1 --to A-01-1 --as 大哥 >/dev/null
check "the good cables are sellable" '"$z" stock show CABLE-2M-PK --json | json "d[\"line\"][\"sellable\"]" | grep -qx 2'
check "the faulty power bank is in the defective stock" '"$z" stock show PB-20000-W --json | json "[b[\"quantity\"] for b in d[\"balances\"] if b[\"location\"] == \"X-01-1\"]" | grep -qx "\[1\]"'
check "no sellable power bank came back" '[ "$("$z" stock show PB-20000-W --json | json "d[\"line\"][\"sellable\"]")" = "$before_pb" ]'
"$z" return close "$ret" --refund 49.90 --as 周小雨 >/dev/null
ex="$("$z" return open 0005 --kind exchange --line BT-EAR-01:1 --reason "左耳没声音，换一副" --as 周小雨 | grep -o 'TH[-0-9A-Z]*' | head -1)"
"$z" return receive "$ex" --defective BT-EAR-01:1 --defective-to X-01-1 --as 大哥 >/dev/null
"$z" return close "$ex" --as 周小雨 >/dev/null
check "the exchange made a paid replacement order" '"$z" order list --json | json "[(o[\"order\"], o[\"status\"]) for o in d]" | grep -q "2345000000000000005-$ex., .paid"'
batch2="$("$z" waybill print --courier ZTO --all-paid --out "$work/labels2.html" --as 小王 --json | json "d['batch']")"
check "the replacement is printed like any order" '"$z" waybill list --batch "$batch2" --json | json "[w[\"order\"] for w in d]" | grep -q "2345000000000000005-$ex"'

echo "the CS daily report (CS-12)"
"$z" cs daily >"$work/daily.txt"
check "a row per agent in the table" 'grep -q 周小雨 "$work/daily.txt" && grep -q 刘芬 "$work/daily.txt"'
check "JSON: 周小雨 logged 2 inquiries, 1 won" '"$z" cs daily --json | json "[(r[\"inquiries\"], r[\"won\"]) for r in d[\"rows\"] if r[\"agent\"] == \"周小雨\"]" | grep -qx "\[(2, 1)\]"'
"$z" cs daily --agent 周小雨 --csv "$work/daily.csv" >/dev/null
check "CSV with a header and one agent" '[ "$(grep -c . "$work/daily.csv")" = 2 ] && grep -q 周小雨 "$work/daily.csv"'

echo "bad input: one line, exit 1, nothing written"
refused "an unknown buyer" "tb_没有这个人" "$z" customer show tb_没有这个人
refused "an unknown buyer's complaint" "tb_没有这个人" "$z" complaint open --buyer tb_没有这个人 --text 投诉 --as 周小雨
refused "tagging an unknown buyer" "tb_没有这个人" "$z" customer tag tb_没有这个人 好客户 --as 周小雨
refused "a complaint on another buyer's order" "tb_测试买家02" "$z" complaint open --order 0002 --buyer tb_测试买家01 --text 投诉 --as 周小雨
refused "a return of more than was bought" "PB-20000-W" "$z" return open 0002 --line PB-20000-W:5 --reason 退 --as 周小雨
refused "an empty review text" "评价内容不能为空" "$z" review add 0002 --text " " --as 周小雨
refused "an unknown order's review" "9999" "$z" review add 9999999999999999 --text 差 --as 周小雨
refused "an unknown order's return" "9999" "$z" return open 9999999999999999 --reason 退 --as 周小雨
refused "an unknown complaint" "K-NONE" "$z" complaint advance K-NONE --as 刘芬
refused "a role not allowed (warehouse hand registers a review)" "老李" "$z" review add 0002 --text 差 --as 老李
refused "a role not allowed (warehouse hand logs an inquiry)" "老李" "$z" inquiry log tb_测试买家02 --as 老李
refused "a role not allowed (warehouse hand opens a complaint)" "老李" "$z" complaint open --order 0002 --text x --as 老李
for bad in -1 1e9 12.345 "" abc 1000001; do
    refused "a return quantity “$bad”" "" "$z" return open 0002 --line "PB-20000-W:$bad" --reason 退 --as 周小雨
done
for bad in -1 1e9 12.345 "" abc; do
    refused "a return refund “$bad”" "" "$z" return close "$ret" --refund "$bad" --as 周小雨
done
refused "a lost inquiry's reason not on the list" "价格" "$z" inquiry log tb_测试买家02 --outcome lost --reason 太贵 --as 周小雨
refused "a follow-up of a paid order" "0001" "$z" inquiry followup 0001 "提醒付款" --as 周小雨
# The same lines in English (LANG), each still one line.
en() { env LANG=en_US.UTF-8 "$z" "$@"; }
refused "en: a closed complaint" "is archived" en complaint advance "$complaint" --as 刘芬
refused "en: an unknown buyer" "no orders from a buyer" en customer show tb_nobody
refused "en: a bad amount" "more than two decimals" en return close "$ret" --refund 12.345 --as 周小雨
refused "en: a role not allowed" "老李" en review add 0002 --text bad --as 老李
echo "customer care e2e: ok ($(ops) ops)"
