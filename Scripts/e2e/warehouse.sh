#!/usr/bin/env bash
# The warehouse's "done when", from the CLI alone: add products, receive a delivery with a
# rejected line, see stock by location, move goods to the defective stock, run a blind spot
# count and post it, and see a low-stock alert appear exactly once.
set -euo pipefail
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ZHANGGUI_DB="$work/shop.sqlite" LANG=en_US.UTF-8 ZHANGGUI_NOW=2026-11-30T08:00:00+08:00
unset ZHANGGUI_STAFF
check() { if ! eval "$2"; then echo "  failed: $1" >&2; exit 1; fi; }

"$z" init --shop 艾芳汀 --owner 黄乔 >/dev/null
"$z" staff add 大哥 --role warehouse-lead,shipper --as 黄乔 >/dev/null
"$z" staff add 二哥 --role warehouse --as 黄乔 >/dev/null
"$z" location add A-01-1 A-01-2 --as 黄乔 >/dev/null
"$z" location add X-01-1 --kind defective --as 黄乔 >/dev/null
"$z" location home 上衣 A --as 黄乔 >/dev/null

printf 'sku,name,colour,size,price,category,barcode\nAF1023-WHT-M,雪纺衫,白色,M,89,上衣,6901234500028\nAF1023-WHT-L,雪纺衫,白色,L,89,上衣,\n' > "$work/products.csv"
"$z" product import "$work/products.csv" --as 黄乔 >/dev/null
check "two products" '[ "$("$z" product list --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")" = 2 ]'

printf 'sku,name,colour,size,price\nX-1,Thing,red,S,ten\n' > "$work/bad.csv"
out="$("$z" product import "$work/bad.csv" --as 黄乔 2>&1 || true)"
check "a bad row names file:line" 'grep -q "bad.csv:2" <<<"$out"'

receipt="$("$z" receipt create --vendor 广州工厂 --line AF1023-WHT-M:20 --line AF1023-WHT-L:12 --as 二哥 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['receipt'])")"
"$z" receipt inspect "$receipt" AF1023-WHT-M --accepted 18 --rejected 2 --reason 开线 --as 二哥 >/dev/null
"$z" receipt inspect "$receipt" 6901234500028 --accepted 18 --rejected 2 --reason 开线 --as 二哥 >/dev/null  # barcode works too
"$z" receipt inspect "$receipt" AF1023-WHT-L --accepted 12 --as 二哥 >/dev/null
"$z" receipt post "$receipt" --as 二哥 >/dev/null
check "the rejected units go back to the vendor" '"$z" receipt issues | grep -q "return to vendor"'
check "stock by location" '"$z" stock show AF1023-WHT-M | grep -q "A-01-1 .* 18"'

"$z" stock defective AF1023-WHT-M --from A-01-1 --quantity 1 --reason 污渍 --as 二哥 >/dev/null
check "defective stock is not available" '"$z" stock show AF1023-WHT-M --json | python3 -c "import json,sys; d=json.load(sys.stdin); assert d[\"line\"][\"available\"] == 17 and d[\"line\"][\"unavailable\"] == 1"'
check "a hand may not adjust" '! "$z" stock adjust AF1023-WHT-M --location A-01-1 --by -1 --reason x --as 二哥 2>/dev/null'

count="$("$z" count start --kind spot --location A-01-1 --as 二哥 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['count'])")"
check "the count sheet is blind" '! "$z" count sheet "$count" | grep -qi "book"'
"$z" count enter "$count" --sku AF1023-WHT-M --location A-01-1 --quantity 16 --as 二哥 >/dev/null
"$z" count enter "$count" --sku AF1023-WHT-L --location A-01-1 --quantity 12 --as 二哥 >/dev/null
check "only the lead posts" '! "$z" count post "$count" --as 二哥 2>/dev/null'
"$z" count post "$count" --as 大哥 >/dev/null
check "the count's variance is booked" '"$z" stock show AF1023-WHT-M | grep -q "count-variance"'
check "a closed count takes no more entries" '! "$z" count enter "$count" --sku AF1023-WHT-M --location A-01-1 --quantity 1 --as 二哥 2>/dev/null'

"$z" stock move AF1023-WHT-L --from A-01-1 --to X-01-1 --quantity 3 --reason 色差 --as 二哥 >/dev/null
"$z" stock move AF1023-WHT-L --from A-01-1 --to X-01-1 --quantity 1 --reason 色差 --as 二哥 >/dev/null
check "one low-stock alert, not two" '[ "$("$z" alert list --json | python3 -c "import json,sys; print(len([a for a in json.load(sys.stdin) if a[\"sku\"] == \"AF1023-WHT-L\"]))")" = 1 ]'
check "the journal verifies" '"$z" journal verify >/dev/null'
