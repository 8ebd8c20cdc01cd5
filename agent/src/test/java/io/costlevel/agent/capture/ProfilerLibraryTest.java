package io.costlevel.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the bundled async-profiler into the test JVM (it is loaded once per JVM, so one test does it all). */
class ProfilerLibraryTest {
    @TempDir
    Path dir;

    @Test
    void whenTheTempDirectoryIsUnusableTheLibraryLoadsFromTheFallbackAndOnlyOnce() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "x").resolve("tmp");
        Path fallback = dir.resolve("work");
        String tmpdir = System.getProperty("java.io.tmpdir");
        AsyncProfilerApi api;
        try {
            System.setProperty("java.io.tmpdir", notADirectory.toString());
            api = ProfilerLibrary.load(null, fallback);
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
        }

        assertThat(api.execute("version").trim()).isEqualTo("4.2");
        assertThat(fallback).isEmptyDirectory(); // the library file is deleted once mapped
        assertThat(ProfilerLibrary.load(null, fallback)).isSameAs(api);
    }
}
