# Sourced by .ci/run and Scripts/bench: a private PostgreSQL server for the hub's PostgreSQL
# tests and benchmarks (issue 17). Installs Debian's postgresql if missing, initdb into a
# temporary directory, listens on a loopback port only; `zhanggui_postgres_stop` (set as a trap
# by the caller) stops it and removes the directory.
#   zhanggui_postgres_start [PORT]   sets zhanggui_postgres_url=postgres://zhanggui@127.0.0.1:PORT/postgres

zhanggui_postgres_bin=""
zhanggui_postgres_dir=""

zhanggui_postgres_find() { zhanggui_postgres_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"; }

# Runs a server binary as the unprivileged user that owns the data (initdb refuses root).
zhanggui_postgres_run() {
    if [ "$(id -u)" -eq 0 ]; then
        su -s /bin/sh zhanggui-pg -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

zhanggui_postgres_start() {
    local port="${1:-54329}"
    zhanggui_postgres_find
    if [ -z "$zhanggui_postgres_bin" ] || [ ! -x "$zhanggui_postgres_bin/initdb" ]; then
        echo "==> installing postgresql"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
        zhanggui_postgres_find
    fi
    zhanggui_postgres_dir="$(mktemp -d /tmp/zhanggui-pg.XXXXXX)"
    if [ "$(id -u)" -eq 0 ]; then
        id zhanggui-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin zhanggui-pg
        chown zhanggui-pg "$zhanggui_postgres_dir"
    fi
    echo "==> starting a private PostgreSQL ($("$zhanggui_postgres_bin/postgres" --version)) on 127.0.0.1:$port"
    zhanggui_postgres_run "$zhanggui_postgres_bin/initdb" -D "$zhanggui_postgres_dir/data" -U zhanggui --auth=trust >/dev/null
    zhanggui_postgres_run "$zhanggui_postgres_bin/pg_ctl" -D "$zhanggui_postgres_dir/data" -l "$zhanggui_postgres_dir/server.log" -w \
        -o "-p $port -k $zhanggui_postgres_dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    zhanggui_postgres_port="$port"
    zhanggui_postgres_url="postgres://zhanggui@127.0.0.1:$port/postgres"
}

zhanggui_postgres_stop() {
    [ -n "$zhanggui_postgres_dir" ] || return 0
    zhanggui_postgres_run "$zhanggui_postgres_bin/pg_ctl" -D "$zhanggui_postgres_dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$zhanggui_postgres_dir"
    zhanggui_postgres_dir=""
}
