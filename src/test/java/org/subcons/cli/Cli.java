package org.subcons.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line as a user would: a child JVM with the launcher's options, stdin
 * empty, stdout and stderr captured (the guest writes to the real descriptors 1 and 2).
 */
final class Cli {
    record Outcome(int status, String out, String err) {
    }

    private Cli() {
    }

    static Outcome run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Dsubcons.guest=" + org.subcons.guest.Guest.dir(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        try {
            File err = File.createTempFile("cli-err", ".txt");
            try {
                Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectError(err).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("subcons " + String.join(" ", args) + " did not finish");
                }
                return new Outcome(p.exitValue(), out, java.nio.file.Files.readString(err.toPath()));
            } finally {
                err.delete();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
