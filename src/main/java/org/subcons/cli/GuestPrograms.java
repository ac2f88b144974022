package org.subcons.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Finds the guest programs the build made (target/guest beside the jar). */
final class GuestPrograms {
    private GuestPrograms() {
    }

    /** target/guest for a jar in target/ (or the classes directory in development). */
    static Path dir() {
        String override = System.getProperty("subcons.guest");
        if (override != null) return Paths.get(override).toAbsolutePath();
        try {
            Path code = Paths.get(GuestPrograms.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("guest");
        } catch (URISyntaxException | NullPointerException e) {
            return Paths.get("target/guest").toAbsolutePath();
        }
    }

    static Path program(String kind, String name) {
        return dir().resolve(kind).resolve(name);
    }

    static List<Path> all(String kind) {
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(dir().resolve(kind))) {
            s.filter(Files::isExecutable).sorted().forEach(out::add);
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    /** The command that starts this same JVM with the same options (for child runs). */
    static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        return cmd;
    }
}
