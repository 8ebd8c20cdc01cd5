package io.costlevel.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The JDKs every forked-JVM test runs on: the build's own (17) and {@code costlevel.jdk25} when it exists. */
public record Jdk(String name, Path java) {
    public static Stream<Jdk> all() {
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(new Jdk("build JDK " + System.getProperty("java.specification.version"),
                Paths.get(System.getProperty("java.home"), "bin", "java")));
        String jdk25 = System.getProperty("costlevel.jdk25", "");
        if (!jdk25.isBlank() && Files.isExecutable(Paths.get(jdk25, "bin", "java"))) {
            jdks.add(new Jdk("JDK 25", Paths.get(jdk25, "bin", "java")));
        }
        return jdks.stream();
    }

    /** True for the JDK this build (and so the test) runs on. */
    public boolean isBuildJdk() {
        return java.equals(Paths.get(System.getProperty("java.home"), "bin", "java"));
    }

    @Override
    public String toString() {
        return name;
    }
}
