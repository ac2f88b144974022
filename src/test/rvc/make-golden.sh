#!/usr/bin/env bash
# Regenerates src/test/resources/org/subcons/hart/rvc-golden.txt.gz, the independent oracle for
# org.subcons.hart.Rvc.expand (checked by RvcTest).
#
# How the oracle works (no code of Subcons is involved):
#   1. Every 16-bit parcel whose low two bits are not 11 (49152 values) is written, in ascending
#      order, into a raw little-endian binary.
#   2. GNU objdump (binutils >= 2.40) decodes it as RV64GC with `-M no-aliases,numeric`, which
#      prints compressed instructions by their c.* names with numeric registers
#      (e.g. `c.addi x8,12`, `c.lw x8,4(x9)`, `c.j 0x1234`) and illegal/reserved parcels as
#      `.2byte 0x...` (and the all-zero parcel as `c.unimp`).
#      objdump does all the bit-field and immediate unscrambling.
#   3. Each c.* line is rewritten purely textually into the base instruction it is defined to
#      expand to (RISC-V unprivileged spec 20191213, chapter 16), e.g. `c.addi x8,12` ->
#      `addi x8,x8,12`, `c.mv x1,x2` -> `add x1,x0,x2`, `c.j <abs>` -> `jal x0,<label>+off`.
#      Illegal/unknown parcels become `.4byte 0`.
#   4. GNU as assembles that with `.option norvc` (so nothing is re-compressed), ld resolves
#      the pc-relative branch/jump relocations, and the 32-bit words are read back.
#   Each golden line is: `<16-bit hex> <expected 32-bit hex> <objdump text of the parcel>`.
#
# Places where binutils disagrees with the spec are NOT patched here: the golden file records
# what binutils says, and RvcTest lists the disagreements as named exceptions.
set -euo pipefail

CROSS=${CROSS:-riscv64-linux-gnu-}
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../resources/org/subcons/hart/rvc-golden.txt.gz}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. all compressed parcels, ascending, little-endian
perl -e 'binmode STDOUT; for my $v (0..65535) { print pack("v", $v) if ($v & 3) != 3 }' > "$tmp/rvc.bin"

# 2. objdump's decoding
"${CROSS}objdump" -D -b binary -m riscv:rv64 -M no-aliases,numeric "$tmp/rvc.bin" > "$tmp/rvc.dis"

# 3. rewrite to base instructions
perl -e '
use strict; use warnings;
my $n = 0;
open(my $asm, ">", $ARGV[1]) or die; open(my $txt, ">", $ARGV[2]) or die;
print $asm ".option norvc\n.option norelax\n.text\n.globl _start\n_start:\n";
open(my $in, "<", $ARGV[0]) or die;
while (<$in>) {
    chomp;
    s/\s+#.*$//;   # drop objdump value-tracking comments, e.g. "c.addi x4,0 # 0x0"
    next unless /^\s*([0-9a-f]+):\t([0-9a-f]{4}) +\t(\S+)(?:\t(\S+))?\s*$/;
    my ($addr, $hex, $mn, $ops) = (hex($1), $2, $3, $4 // "");
    die "parcel order mismatch at $hex" unless $addr == 2 * $n;
    my @o = split /,/, $ops;
    my $base;
    my $m = $mn;
    if ($m eq ".2byte" || $m eq "c.unimp") { $base = ".4byte 0"; }
    elsif ($m =~ /^c\.(addi|addiw|addi16sp|andi)$/)  { my $b = $1 eq "addi16sp" ? "addi" : $1; $base = "$b $o[0],$o[0],$o[1]"; }
    elsif ($m =~ /^c\.(slli|srli|srai)$/)  { $base = "$1 $o[0],$o[0],$o[1]"; }
    elsif ($m =~ /^c\.(slli|srli|srai)64$/) { $base = "$1 $o[0],$o[0],0"; }
    elsif ($m eq "c.addi4spn") { $base = "addi $o[0],$o[1],$o[2]"; }
    elsif ($m eq "c.li")  { $base = "addi $o[0],x0,$o[1]"; }
    elsif ($m eq "c.lui") { $base = "lui $o[0],$o[1]"; }
    elsif ($m =~ /^c\.(sub|xor|or|and|subw|addw|add)$/) { $base = "$1 $o[0],$o[0],$o[1]"; }
    elsif ($m eq "c.mv")  { $base = "add $o[0],x0,$o[1]"; }
    elsif ($m =~ /^c\.(fld|lw|ld|fsd|sw|sd)(sp)?$/) { $base = "$1 $o[0],$o[1]"; }
    elsif ($m eq "c.jr")   { $base = "jalr x0,0($o[0])"; }
    elsif ($m eq "c.jalr") { $base = "jalr x1,0($o[0])"; }
    elsif ($m eq "c.ebreak") { $base = "ebreak"; }
    elsif ($m eq "c.nop")  { $base = "addi x0,x0,0"; }
    elsif ($m eq "c.j")    { my $off = hex($o[0]) - $addr; $base = "jal x0,.Lp$n+($off)"; }
    elsif ($m =~ /^c\.(beq|bne)z$/) { my $off = hex($o[1]) - $addr; $base = "$1 $o[0],x0,.Lp$n+($off)"; }
    else { die "unexpected objdump mnemonic \"$m\" for $hex\n"; }
    print $asm ".Lp$n: $base\n";
    print $txt "$hex\t$mn" . ($ops eq "" ? "" : " $ops") . "\n";
    $n++;
}
die "expected 49152 parcels, got $n\n" unless $n == 49152;
' "$tmp/rvc.dis" "$tmp/base.s" "$tmp/rvc.txt"

# 4. assemble without compression, link to resolve pc-relative relocations, read back words
"${CROSS}as" -march=rv64gc -mno-relax -o "$tmp/base.o" "$tmp/base.s"
"${CROSS}ld" --no-relax -Ttext=0x100000 -e _start -o "$tmp/base.elf" "$tmp/base.o"
"${CROSS}objcopy" -O binary -j .text "$tmp/base.elf" "$tmp/base.bin"
perl -e 'binmode STDIN; local $/; my @w = unpack("V*", <STDIN>); print map { sprintf("%08x\n", $_) } @w' \
    < "$tmp/base.bin" > "$tmp/words.txt"
[ "$(wc -l < "$tmp/words.txt")" -eq 49152 ] || { echo "word count mismatch" >&2; exit 1; }

# golden: parcel, expected word, objdump text
paste "$tmp/rvc.txt" "$tmp/words.txt" \
  | awk -F'\t' '{ printf "%s %s %s\n", $1, $3, $2 }' \
  | gzip -n -9 > "$out"
echo "wrote $out ($(gzip -dc "$out" | wc -l) parcels)"
