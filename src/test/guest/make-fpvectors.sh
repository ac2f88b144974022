#!/bin/sh
# Regenerates src/test/resources/org/subcons/hart/fpvectors.txt.gz: builds fpvec.c with the
# RISC-V cross compiler and runs it under qemu-riscv64 (the oracle).  The output is
# deterministic (fixed-seed PRNG), so re-running it reproduces the committed file.
#
# Needs: riscv64-linux-gnu-gcc (static glibc), qemu-riscv64, gzip.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/org/subcons/hart/fpvectors.txt.gz"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
riscv64-linux-gnu-gcc -static -O2 -Wall -Wextra -o "$tmp/fpvec" "$here/fpvec.c"
qemu-riscv64 "$tmp/fpvec" > "$tmp/fpvectors.txt"
mkdir -p "$(dirname "$out")"
# -n: no name/timestamp in the header, so identical vectors give an identical file
gzip -9 -n -c "$tmp/fpvectors.txt" > "$out"
echo "$(wc -l < "$tmp/fpvectors.txt") vectors -> $out ($(wc -c < "$out") bytes)"
qemu-riscv64 --version | head -1
