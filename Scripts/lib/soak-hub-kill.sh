#!/usr/bin/env bash
# The hub killed with SIGKILL mid-push, ROUNDS times (issue 19, "Soak"): each round the laptop
# makes new ops (a product import of a random size, stock adjustments) and the hub one of its
# own, a sync starts, and after a random wait (seeded) `kill -9` hits the daemon; it restarts.
# At the end both journals must hold the same ops with the same per-device head hashes, nothing
# doubled, both verify, and the stock adds up. Prints one line of figures, also to $SOAK_REPORT.
#   Scripts/lib/soak-hub-kill.sh [ROUNDS=100] [SEED=19]
# Traffic goes to 127.0.0.1 only; every loop is bounded.
set -euo pipefail
rounds="${1:-100}"
seed="${2:-19}"
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
d="${ZHANGGUID_BIN:-$(dirname "$z")/zhangguid}"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
daemon=""
trap '[ -n "$daemon" ] && { kill -9 "$daemon"; wait "$daemon"; } 2>/dev/null || true; rm -rf "$work"' EXIT
export LANG=en_US.UTF-8
unset ZHANGGUI_STAFF ZHANGGUI_DB ZHANGGUI_NOW
RANDOM="$seed"  # every random choice below follows the seed
hub=(--db "$work/central.sqlite")
lap=(--db "$work/laptop.sqlite")
url="http://127.0.0.1:$port"
fail() { echo "  failed: $*" >&2; exit 1; }
start() {
    "$d" --db "$work/central.sqlite" --listen "127.0.0.1:$port" --log-level notice >>"$work/daemon.log" 2>&1 &
    daemon=$!
    for _ in $(seq 100); do curl -sf "$url/health" >/dev/null && return 0; sleep 0.05; done
    cat "$work/daemon.log" >&2; fail "the daemon did not start"
}
q() { sqlite3 "$1" "$2"; }
started=$SECONDS

"$z" "${hub[@]}" init --shop 压测小店 --owner 黄乔 >/dev/null
"$z" "${hub[@]}" staff add 大哥 --role warehouse-lead --as 黄乔 >/dev/null
"$z" "${hub[@]}" location add A-01-1 A-01-2 --as 黄乔 >/dev/null
"$z" "${hub[@]}" product add SOAK-0 --name 压测衫 --price 9 --as 黄乔 >/dev/null
"$z" "${hub[@]}" stock adjust SOAK-0 --location A-01-1 --by +1000 --reason 期初 --as 大哥 >/dev/null
token="$("$z" "${hub[@]}" device register 压测笔记本 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['token'])")"
start
"$z" "${lap[@]}" notebook init >/dev/null
"$z" "${lap[@]}" sync --hub "$url" --token "$token" >/dev/null

products=1 laptop_delta=0 hub_delta=0 cut=0 finished=0 partial=0 made=0
for round in $(seq "$rounds"); do
    # New ops on the laptop: a product import of 20…619 rows (one op each), 0…2 adjustments.
    n=$((20 + RANDOM % 600))
    { echo "sku,name,colour,size,price,category"
      for i in $(seq "$n"); do echo "SOAK-$round-$i,压测$round,白,M,9,上衣"; done; } >"$work/round.csv"
    "$z" "${lap[@]}" product import "$work/round.csv" --as 黄乔 >/dev/null
    products=$((products + n)); made=$((made + n))
    for _ in $(seq $((RANDOM % 3))); do
        "$z" "${lap[@]}" stock adjust SOAK-0 --location A-01-2 --by +1 --reason 压测 --as 大哥 >/dev/null
        laptop_delta=$((laptop_delta + 1)); made=$((made + 1))
    done
    # And one of the hub's own, written by the CLI beside the running daemon.
    "$z" "${hub[@]}" stock adjust SOAK-0 --location A-01-1 --by=-1 --reason 压测 --as 大哥 >/dev/null
    hub_delta=$((hub_delta - 1))
    before="$(q "$work/central.sqlite" "SELECT COUNT(*) FROM journal")"
    "$z" "${lap[@]}" sync --hub "$url" --token "$token" >>"$work/sync.log" 2>&1 &
    client=$!
    # A random moment, 0…1199 ms after the sync started: before, during or after its push.
    wait_ms=$((RANDOM % 1200))
    sleep "$((wait_ms / 1000)).$(printf %03d $((wait_ms % 1000)))"
    kill -9 "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=""
    if wait "$client"; then finished=$((finished + 1)); else cut=$((cut + 1)); fi
    after="$(q "$work/central.sqlite" "SELECT COUNT(*) FROM journal")"
    pending="$("$z" "${lap[@]}" sync status | sed -n 's/.*Waiting to push: \([0-9]*\).*/\1/p')"
    # Killed with part of the round's ops in and part not: the hub died inside the push.
    [ "$after" -gt "$before" ] && [ "${pending:-0}" -gt 0 ] && partial=$((partial + 1))
    start
done

# Converge: push what is left, pull what the hub made, twice (the second must move nothing).
"$z" "${lap[@]}" sync --hub "$url" --token "$token" >>"$work/sync.log" 2>&1
last="$("$z" "${lap[@]}" sync --hub "$url" --token "$token" --json 2>>"$work/sync.log")"
elapsed=$((SECONDS - started))
[ "$(python3 -c "import json,sys; d=json.load(sys.stdin); print(d['pushed'], d['pulled'])" <<<"$last")" = "0 0" ] || fail "a sync after converging still moved ops: $last"

H="$work/central.sqlite" L="$work/laptop.sqlite"
laptop_id="$(q "$L" "SELECT deviceID FROM device_head WHERE deviceID NOT IN (SELECT deviceID FROM journal WHERE kind = 'shop.created')" | head -1)"
[ "$(q "$H" "SELECT deviceID, deviceSeq, hash FROM journal ORDER BY deviceID, deviceSeq")" = \
  "$(q "$L" "SELECT deviceID, deviceSeq, hash FROM journal ORDER BY deviceID, deviceSeq")" ] || fail "the journals differ"
[ "$(q "$H" "SELECT deviceID, lastSeq, lastHash FROM device_head ORDER BY deviceID")" = \
  "$(q "$L" "SELECT deviceID, lastSeq, lastHash FROM device_head ORDER BY deviceID")" ] || fail "the head hashes differ"
ops="$(q "$H" "SELECT COUNT(*) FROM journal")"
[ "$(q "$H" "SELECT COUNT(DISTINCT hash) FROM journal")" = "$ops" ] || fail "an op is doubled"
[ "$(q "$H" "SELECT COUNT(*) FROM journal WHERE deviceID = '$laptop_id'")" = "$made" ] || fail "the hub holds $(q "$H" "SELECT COUNT(*) FROM journal WHERE deviceID = '$laptop_id'") of the laptop's $made ops"
[ "$(q "$L" "SELECT MAX(deviceSeq) FROM journal WHERE deviceID = '$laptop_id'")" = "$made" ] || fail "the laptop made other than $made ops"
for db in "$H" "$L"; do
    [ "$(q "$db" "SELECT COUNT(*) FROM product WHERE sku LIKE 'SOAK-%'")" = "$products" ] || fail "$(basename "$db"): products"
done
for db in "$H" "$L"; do
    "$z" --db "$db" journal verify >/dev/null || fail "$(basename "$db"): journal verify"
    got="$("$z" --db "$db" stock show SOAK-0 --json | python3 -c "import json,sys; print(sorted((b['location'], b['quantity']) for b in json.load(sys.stdin)['balances']))")"
    want="[('A-01-1', $((1000 + hub_delta))), ('A-01-2', $laptop_delta)]"
    [ "$got" = "$want" ] || fail "$(basename "$db"): stock $got, not $want"
done
locked="$(cat "$work"/*.log | grep -ci "database is locked" || true)"
[ "$locked" = 0 ] || fail "$locked “database is locked” in the logs"
summary="hub-kill: rounds=$rounds seed=$seed ops=$ops laptop_ops=$made hub_ops=$((ops - made)) kills=$rounds syncs_cut=$cut syncs_finished_first=$finished cut_inside_push=$partial seconds=$elapsed locked=0 errors=0"
echo "$summary"
[ -n "${SOAK_REPORT:-}" ] && echo "$summary" >>"$SOAK_REPORT"
true
