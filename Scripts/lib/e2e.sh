# Sourced by the end-to-end scripts in Scripts/e2e: what each of them needs to check the built
# binary ($z) against a shop in $work.
#   check WHAT CONDITION        fails the script naming WHAT unless CONDITION (shell) holds
#   json EXPR                   prints EXPR of the JSON on stdin (as d)
#   ops                         the journal's op count
#   refused WHAT TEXT CMD…      CMD exits 1 with one line on stderr containing TEXT, nothing on
#                               stdout, and the journal unchanged (a refusal writes nothing)
fail() { echo "  failed: $1" >&2; exit 1; }
check() { if ! eval "$2"; then fail "$1"; fi; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
ops() { "$z" journal list --limit 1000000 --json | json "len(d)"; }
refused() {
    local name="$1" want="$2"; shift 2
    local before after rc=0
    before="$(ops)"
    "$@" >"$work/out" 2>"$work/err" || rc=$?
    after="$(ops)"
    [ "$rc" = 1 ] || fail "$name: exit $rc ($(cat "$work/err" "$work/out"))"
    [ "$(grep -c . "$work/err")" = 1 ] || fail "$name: not one line: $(cat "$work/err")"
    [ ! -s "$work/out" ] || fail "$name: printed $(cat "$work/out")"
    grep -q -- "$want" "$work/err" || fail "$name: “$(cat "$work/err")” does not say “$want”"
    [ "$before" = "$after" ] || fail "$name: the journal went from $before to $after ops"
    echo "  refused ($name): $(cat "$work/err")"
}
