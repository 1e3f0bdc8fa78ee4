#!/usr/bin/env bash
# The hub on PostgreSQL with real processes (issue 17): copy a hub's journal into PostgreSQL
# (same head on both sides), serve with --store, kill -9 the daemon while a laptop pushes 3,000
# ops, restart, sync again: nothing lost, nothing doubled, PostgreSQL and the working copy agree.
# PostgreSQL gone while the hub runs: the sync is one line (503), nothing merged, and goes in once
# it is back. A bad URL and a server that is not there are one line and exit 1. Needs ZHANGGUI_TEST_POSTGRES
# (.ci/run starts a private server); without it this says it skipped.
set -euo pipefail
if [ -z "${ZHANGGUI_TEST_POSTGRES:-}" ]; then echo "  skipped: ZHANGGUI_TEST_POSTGRES is not set"; exit 0; fi
z="${ZHANGGUI_BIN:-.build/debug/zhanggui}"
d="${ZHANGGUID_BIN:-$(dirname "$z")/zhangguid}"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
daemon=""
name="zg_e2e_$RANDOM$RANDOM"
pg_host_port="${ZHANGGUI_TEST_POSTGRES#*@}"; pg_host_port="${pg_host_port%%/*}"
pg_user="${ZHANGGUI_TEST_POSTGRES#*://}"; pg_user="${pg_user%%@*}"
psql_() { LC_ALL=C.UTF-8 LANG=C.UTF-8 psql -q -h "${pg_host_port%:*}" -p "${pg_host_port#*:}" -U "$pg_user" "$@"; }
trap '[ -n "$daemon" ] && kill -9 "$daemon" 2>/dev/null; psql_ -d postgres -c "DROP DATABASE IF EXISTS $name" 2>/dev/null || true; rm -rf "$work"' EXIT
export LANG=en_US.UTF-8
unset ZHANGGUI_STAFF ZHANGGUI_DB
check() { if ! eval "$2"; then echo "  failed: $1" >&2; exit 1; fi; }
store="${ZHANGGUI_TEST_POSTGRES%/*}/$name"
hub=(--db "$work/central.sqlite")
lap=(--db "$work/laptop.sqlite")
start() {
    "$d" --db "$work/central.sqlite" --store "$store" --listen "127.0.0.1:$port" >>"$work/daemon.log" 2>&1 &
    daemon=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 0.1; done
    echo "  the daemon did not start:" >&2; cat "$work/daemon.log" >&2; exit 1
}
count() { "$z" "$@" journal list --limit 100000 --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))"; }

"$z" "${hub[@]}" init --shop 艾芳汀 --owner 黄乔 >/dev/null
"$z" "${hub[@]}" location add A-01-1 --as 黄乔 >/dev/null
token="$("$z" "${hub[@]}" device register 仓库笔记本 --json | python3 -c "import json,sys; print(json.load(sys.stdin)['token'])")"

check "a bad URL is one line, exit 1" '! "$d" "${hub[@]}" --store "mysql://x@y/z" 2>"$work/err" && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q "postgres://" "$work/err"'
check "a server that is not there is one line, exit 1" '! "$d" "${hub[@]}" --store "postgres://zg@127.0.0.1:1/shop" --listen "127.0.0.1:$port" 2>"$work/err" && grep -q "cannot reach PostgreSQL at postgres://zg@127.0.0.1:1/shop" "$work/err"'
check "a database without the store says to copy first" '! "$d" "${hub[@]}" --store "${ZHANGGUI_TEST_POSTGRES}" --listen "127.0.0.1:$port" 2>"$work/err" && grep -q "store copy" "$work/err"'

psql_ -d postgres -c "CREATE DATABASE $name"
check "store copy: the same head on both sides" '"$d" store copy --from "$work/central.sqlite" --to "$store" | grep -q "on both sides"'
start
"$z" "${lap[@]}" notebook init >/dev/null
"$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null
python3 -c "
print('sku,name,colour,size,price')
for n in range(3000): print(f'PG-{n:04d},衫{n},白,M,89')" >"$work/products.csv"
"$z" "${lap[@]}" product import "$work/products.csv" --as 黄乔 >/dev/null

# Push, and kill the hub while the batches go in.
"$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null 2>&1 &
pusher=$!
sleep 0.$((2 + RANDOM % 6))
kill -9 "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=""
wait "$pusher" 2>/dev/null || true
start
"$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null
"$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null  # again: nothing doubles

# PostgreSQL goes away while the hub runs (its sessions end, no new one is let in): the sync is
# refused with one line (503 store-unavailable), nothing merged on either side; back, it goes in.
python3 -c "
print('sku,name,colour,size,price')
for n in range(40): print(f'PGB-{n:02d},裤{n},黑,L,99')" >"$work/more.csv"
"$z" "${lap[@]}" product import "$work/more.csv" --as 黄乔 >/dev/null
before="$(count "${hub[@]}")"
psql_ -d postgres -c "ALTER DATABASE $name ALLOW_CONNECTIONS false" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$name'" >/dev/null
psql_ -d postgres -c "DO \$\$ BEGIN WHILE EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = '$name') LOOP PERFORM pg_sleep(0.05); END LOOP; END \$\$"
check "PostgreSQL gone mid-run: the sync is one line saying the store is unavailable, exit 1" '! "$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null 2>"$work/err" && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q "store of record is unavailable" "$work/err"'
check "nothing was merged into the working copy" '[ "$(count "${hub[@]}")" = "$before" ]'
psql_ -d postgres -c "ALTER DATABASE $name ALLOW_CONNECTIONS true" >/dev/null
check "PostgreSQL back: the same sync goes in" '"$z" "${lap[@]}" sync --hub "http://127.0.0.1:$port" --token "$token" >/dev/null && [ "$(count "${hub[@]}")" = "$(count "${lap[@]}")" ] && [ "$(count "${hub[@]}")" -gt "$before" ]'
kill "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=""
check "the hub holds every product once" '[ "$("$z" "${hub[@]}" product list --json | python3 -c "import json,sys; print(len([p for p in json.load(sys.stdin) if p[\"sku\"].startswith(\"PG\")]))")" = 3040 ]'
check "both journals hold the same ops" '[ "$(count "${hub[@]}")" = "$(count "${lap[@]}")" ]'
check "PostgreSQL holds the working copy's journal" '[ "$(psql_ -d "$name" -Atc "SELECT COUNT(*) FROM hub_journal")" = "$(count "${hub[@]}")" ]'
check "store verify: the chain holds, the same head" '"$d" store verify --from "$work/central.sqlite" --to "$store" | grep -q "the same in"'
check "the working copy verifies" '"$z" "${hub[@]}" journal verify >/dev/null'
check "admin reads work on the working copy" '"$z" "${hub[@]}" device list | grep -q 仓库笔记本'
check "another schema version is refused" 'psql_ -d "$name" -c "UPDATE zhanggui_store SET value = '"'"'journal.v0'"'"' WHERE key = '"'"'schema'"'"'" && ! "$d" "${hub[@]}" --store "$store" --listen "127.0.0.1:$port" 2>"$work/err" && grep -q "schema journal.v0" "$work/err"'
