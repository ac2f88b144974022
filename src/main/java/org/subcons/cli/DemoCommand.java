package org.subcons.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code subcons demo}: the built-in demonstration. */
@Command(name = "demo", description = "Run the built-in demonstration.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("subcons: demo not built yet");
        return 2;
    }
}
