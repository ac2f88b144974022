package org.subcons.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code subcons} command: run, demo and bench. */
@Command(name = "subcons", mixinStandardHelpOptions = true, version = "subcons 0.1.0",
        description = "Process subcontexts: runs static Linux RV64GC programs on an emulated machine.",
        subcommands = {RunCommand.class, BenchCommand.class, DemoCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, demo or bench");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (for tests and the launcher). */
    public static int execute(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setStopAtPositional(true);
        for (CommandLine sub : cl.getSubcommands().values()) sub.getCommandSpec().version(cl.getCommandSpec().version());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("subcons: internal error: " + e);
            if (System.getenv("SUBCONS_DEBUG") != null) e.printStackTrace();
            return 70;
        });
        return cl.execute(args);
    }
}
