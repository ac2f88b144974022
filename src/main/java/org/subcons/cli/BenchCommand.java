package org.subcons.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code subcons bench}: compute benchmarks under Subcons and qemu-riscv64 (see docs/benchmarks.md). */
@Command(name = "bench", description = "Run the benchmarks and print MIPS and the ratio to qemu-riscv64.")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("subcons: bench is run by scripts/bench (it needs the built guest programs)");
        return 2;
    }
}
