package io.costlevel.agent.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JDKs every forked test runs on: the build's and the one named by {@code costlevel.jdk25}. */
final class TestJdks {
    private TestJdks() {}

    static List<Path> all() {
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        String jdk25 = System.getProperty("costlevel.jdk25", "");
        if (!jdk25.isBlank()) {
            Path home = Path.of(jdk25);
            if (!Files.isExecutable(home.resolve("bin/java"))) {
                throw new IllegalStateException("costlevel.jdk25=" + jdk25 + " has no bin/java");
            }
            homes.add(home);
        }
        return homes;
    }

    static int feature(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (Exception e) {
            // fall through
        }
        throw new IllegalStateException("cannot tell the version of " + javaHome);
    }
}
