#!/bin/bash
# Builds the corpus and runs every test under qemu-riscv64 twice, each
# time from a fresh empty temporary directory and with the runner's exact
# environment, checking that stdout and exit status are identical both
# times.  Also flags any "...: no" line (tests are written so that the
# correct answer is always "yes") and tests slower than 1 s.
# Tests listed in tests/QEMU_DIFFERS.txt are compared with
# tests/expected/NAME.out by the runner instead of qemu; here they only get
# the determinism check.
#   guest/check-qemu.sh [--no-bench] [OUTDIR]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH=1
if [ "${1:-}" = "--no-bench" ]; then BENCH=0; shift; fi
OUT=$(realpath -m "${1:-$HERE/out}")
QEMU=${QEMU:-qemu-riscv64}
JOBS=$(nproc 2>/dev/null || echo 2)

make -C "$HERE" -j"$JOBS" OUT="$OUT" all >/dev/null || { echo "BUILD FAILED"; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
differs=$(sed -n 's/^\([A-Za-z0-9_]*\):.*/\1/p' "$HERE/tests/QEMU_DIFFERS.txt" 2>/dev/null)

src_of() { # name -> source file (for .args/.stdin lookup)
    local n=$1
    for f in "$HERE/tests/c/$n.c" "$HERE/tests/asm/$n.S" "$HERE/tests/asm/$n.pie.S"; do
        [ -e "$f" ] && { echo "$f"; return; }
    done
}

run_once() { # bin argsfile stdinfile outfile -> sets RC, MS
    local bin=$1 args=$2 input=$3 out=$4 dir
    dir=$(mktemp -d "$TMP/cwd.XXXXXX")
    local -a argv=()
    [ -n "$args" ] && read -r -a argv < "$args"
    local t0 t1
    t0=$(date +%s%N)
    ( cd "$dir" && exec env -i PATH=/usr/bin:/bin HOME=/tmp LANG=C TZ=UTC SUBCONS_TEST=1 \
        "$QEMU" "$bin" "${argv[@]}" < "${input:-/dev/null}" > "$out" 2> "$out.err" )
    RC=$?
    t1=$(date +%s%N)
    MS=$(( (t1 - t0) / 1000000 ))
    rm -rf "$dir"
}

pass=0; fail=0; slow=0; skipped=0
check_bin() { # kind name bin srcbase limit_ms
    local kind=$1 name=$2 bin=$3 base=$4 limit=$5 args="" input="" msg=""
    [ -e "$base.args" ] && args="$base.args"
    [ -e "$base.stdin" ] && input="$base.stdin"
    run_once "$bin" "$args" "$input" "$TMP/a.out"; local rc1=$RC ms1=$MS
    run_once "$bin" "$args" "$input" "$TMP/b.out"; local rc2=$RC ms2=$MS
    if ! cmp -s "$TMP/a.out" "$TMP/b.out"; then msg="stdout differs between runs"; fi
    if [ "$rc1" != "$rc2" ]; then msg="$msg exit status differs ($rc1/$rc2)"; fi
    local isdiff=0
    for d in $differs; do [ "$d" = "$name" ] && isdiff=1; done
    if [ $isdiff = 0 ] && grep -q ': no$' "$TMP/a.out"; then
        msg="$msg has 'no' line(s): $(grep ': no$' "$TMP/a.out" | head -3 | tr '\n' ';')"
    fi
    if [ $isdiff = 0 ] && grep -q '^REQUIRE failed' "$TMP/a.out"; then
        msg="$msg $(grep '^REQUIRE failed' "$TMP/a.out" | head -1)"
    fi
    if grep -q '^qemu-riscv64:' "$TMP/a.out.err"; then
        msg="$msg qemu error: $(grep '^qemu-riscv64:' "$TMP/a.out.err" | head -1)"
    fi
    if [ ! -s "$TMP/a.out" ]; then msg="$msg empty stdout"; fi
    local note=""
    [ $isdiff = 1 ] && note=" (QEMU_DIFFERS: expected file used by runner)"
    if [ "$ms1" -gt "$limit" ] || [ "$ms2" -gt "$limit" ]; then
        slow=$((slow+1)); note="$note SLOW"
    fi
    if [ -z "$msg" ]; then
        pass=$((pass+1))
        printf 'PASS %-5s %-24s exit=%-3s %5d ms%s\n' "$kind" "$name" "$rc1" "$ms1" "$note"
    else
        fail=$((fail+1))
        printf 'FAIL %-5s %-24s exit=%-3s %5d ms:%s%s\n' "$kind" "$name" "$rc1" "$ms1" "$msg" "$note"
    fi
}

for name in $(make -s -C "$HERE" OUT="$OUT" list); do
    src=$(src_of "$name")
    base=${src%.pie.S}; base=${base%.S}; base=${base%.c}
    check_bin test "$name" "$OUT/tests/$name" "$base" 1000
done
if [ $BENCH = 1 ]; then
    for b in "$HERE"/bench/*.c; do
        name=$(basename "$b" .c)
        check_bin bench "$name" "$OUT/bench/$name" "${b%.c}" 3500
    done
fi
echo "$pass passed, $fail failed"
[ $slow -gt 0 ] && echo "warning: $slow program(s) over their time limit"
[ $fail -eq 0 ]
