#!/usr/bin/env bash
# The offline laptop, with real processes: start zhangguid, register and sync a notebook, work
# offline, sync; kill -9 the daemon mid-way, restart it, sync again: nothing lost, nothing doubled.
# Then a conflict made offline is resolved at the hub and reaches the laptop; SIGTERM stops cleanly.
set -euo pipefail
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
d="${ZHANGGUID_BIN:-$(dirname "$z")/zhangguid}"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
daemon=""
trap '[ -n "$daemon" ] && kill -9 "$daemon" 2>/dev/null; rm -rf "$work"' EXIT
export LANG=en_US.UTF-8
unset ZHANGGUI_STAFF ZHANGGUI_DB
check() { if ! eval "$2"; then echo "  failed: $1" >&2; exit 1; fi; }
hub=(--db "$work/central.sqlite")
lap=(--db "$work/laptop.sqlite")
start() {
    "$d" --db "$work/central.sqlite" --listen "127.0.0.1:$port" >>"$work/daemon.log" 2>&1 &
    daemon=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 0.1; done
    echo "  the daemon did not start:" >&2; cat "$work/daemon.log" >&2; exit 1
}
count() { "$z" "$@" journal list --limit 100000 --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))"; }

"$z" "${hub[@]}" init --shop 艾芳汀 --owner 黄乔 >/dev/null
"$z" "${hub[@]}" staff add 二哥 --role warehouse,shipper --as 黄乔 >/dev/null
"$z" "${hub[@]}" staff add 大哥 --role warehouse-lead --as 黄乔 >/dev/null
"$z" "${hub[@]}" location add A-01-1 A-01-2 --as 黄乔 >/dev/null
"$z" "${hub[@]}" product add AF-1 --name 雪纺衫 --price 89 --as 黄乔 >/dev/null
"$z" "${hub[@]}" stock adjust AF-1 --location A-01-1 --by +20 --reason 期初 --as 大哥 >/dev/null
token="$("$z" "${hub[@]}" device register 仓库笔记本 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['token'])")"
start

"$z" "${lap[@]}" notebook init >/dev/null
"$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null
check "the laptop has the shop" '"$z" "${lap[@]}" staff list | grep -q 二哥'

# Offline work, then a crash of the hub, then a sync.
for n in 1 2 3; do "$z" "${lap[@]}" stock move AF-1 --from A-01-1 --to A-01-2 --quantity 1 --as 二哥 >/dev/null; done
check "three ops wait" '"$z" "${lap[@]}" sync status | grep -q "Waiting to push: 3"'
kill -9 "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=""
check "offline, sync fails and keeps everything" '! "$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" 2>/dev/null'
check "still three waiting" '"$z" "${lap[@]}" sync status | grep -q "Waiting to push: 3"'
start
"$z" "${lap[@]}" sync >/dev/null 2>&1 || "$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null
"$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null  # again: nothing doubles
check "the hub holds the moves once" '"$z" "${hub[@]}" stock show AF-1 --json | python3 -c "import json,sys; d=json.load(sys.stdin); b={x[\"location\"]: x[\"quantity\"] for x in d[\"balances\"]}; assert b == {\"A-01-1\": 17, \"A-01-2\": 3}, b"'
check "both journals hold the same ops" '[ "$(count "${hub[@]}")" = "$(count "${lap[@]}")" ]'

# A conflict: the hub deactivates 二哥 while the laptop, offline, has him move stock.
"$z" "${hub[@]}" staff deactivate 二哥 --as 黄乔 >/dev/null
"$z" "${lap[@]}" stock move AF-1 --from A-01-1 --to A-01-2 --quantity 2 --as 二哥 >/dev/null
"$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null
check "the hub parks it as a conflict" '"$z" "${hub[@]}" conflict list | grep -q forbidden'
"$z" "${hub[@]}" conflict resolve 1 --keep op --note "大哥认可" --as 黄乔 >/dev/null
"$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null
check "the resolution reached the laptop and the stock agrees" '[ "$("$z" "${hub[@]}" stock show AF-1 --json | python3 -c "import json,sys; print(json.load(sys.stdin)[\"balances\"])")" = "$("$z" "${lap[@]}" stock show AF-1 --json | python3 -c "import json,sys; print(json.load(sys.stdin)[\"balances\"])")" ]'
check "the hub verifies" '"$z" "${hub[@]}" journal verify >/dev/null'
check "the laptop verifies" '"$z" "${lap[@]}" journal verify >/dev/null'
check "the incident list reads" '"$z" "${hub[@]}" device incidents >/dev/null'
metrics="$(curl -s "http://127.0.0.1:$port/metrics")"
check "metrics count the merged ops" 'grep -q "zhanggui_ops_merged_total [1-9]" <<<"$metrics"'
check "a bad request is a 4xx, not a crash" '[ "$(curl -s -o /dev/null -w "%{http_code}" -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d "{oops" "http://127.0.0.1:$port/v1/ops")" = 400 ]'
# Issue 19: every error answer carries the envelope, down to bytes that are not HTTP at all.
envelope() { python3 -c "import json,sys; d=json.load(sys.stdin); assert d['status'] == $1 and d['error'] == '$2' and d['message'], d"; }
check "text/plain is 415 and binds nothing" 'curl -s -X POST -H "Authorization: Bearer $token" -H "Content-Type: text/plain" -d "{\"device\":\"x\",\"migrations\":[],\"ops\":[]}" "http://127.0.0.1:$port/v1/ops" | envelope 415 unsupported-media-type'
check "an unknown route is a 404 envelope" 'curl -s "http://127.0.0.1:$port/nope" | envelope 404 not-found'
check "a wrong method is a 405 envelope" 'curl -s -X DELETE "http://127.0.0.1:$port/v1/ops" | envelope 405 method-not-allowed'
check "a 50 MB body is 413 in bytes" 'head -c 52428800 /dev/zero | curl -s -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" --data-binary @- "http://127.0.0.1:$port/v1/ops" | python3 -c "import json,sys; d=json.load(sys.stdin); assert d[\"error\"] == \"body-too-large\" and \"52428800 bytes\" in d[\"message\"], d"'
check "bytes that are not HTTP get a 400 envelope" 'python3 - "$port" <<"PY"
import json, socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(b"GET /v1/ops HTTP/1.1\r\nHost: x\r\nContent-Length: nonsense\r\n\r\n")
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk: break
    data += chunk
head, _, body = data.partition(b"\r\n\r\n")
assert head.startswith(b"HTTP/1.1 400"), head
d = json.loads(body)
assert d["status"] == 400 and d["error"] == "bad-request", d
PY'
metrics="$(curl -s "http://127.0.0.1:$port/metrics")"
check "metrics are Prometheus histograms by route" 'grep -qF "zhanggui_http_request_seconds_bucket{route=\"/v1/ops\",method=\"POST\",status=\"200\"" <<<"$metrics"'
check "refusals are counted by code" 'grep -qF "zhanggui_refusals_total{code=\"not-found\"} 1" <<<"$metrics"'
check "the hub still serves" 'curl -sf "http://127.0.0.1:$port/health" >/dev/null'

kill -TERM "$daemon"; wait "$daemon"; status=$?; daemon=""
check "SIGTERM stops the daemon cleanly (exit $status)" '[ "$status" -eq 0 ]'
