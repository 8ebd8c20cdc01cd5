package io.costlevel.analyzer.production;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A JDK the forked-JVM tests run on: the build's own, and {@code costlevel.jdk25} when it is installed. */
record Jvm(String name, Path java) {
    static Stream<Jvm> all() {
        List<Jvm> jvms = new ArrayList<>();
        jvms.add(new Jvm("build JDK " + Runtime.version().feature(), Path.of(System.getProperty("java.home"), "bin", "java")));
        String jdk25 = System.getProperty("costlevel.jdk25", "");
        if (!jdk25.isBlank() && Files.isExecutable(Path.of(jdk25, "bin", "java"))) {
            jvms.add(new Jvm("JDK 25", Path.of(jdk25, "bin", "java")));
        }
        return jvms.stream();
    }

    /** A jar the build made, named by a system property that failsafe sets (analyzer/pom.xml). */
    static Path builtJar(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("system property " + property + " must name a built jar, was " + path);
        }
        return Path.of(path).toAbsolutePath();
    }

    @Override
    public String toString() {
        return name;
    }
}
