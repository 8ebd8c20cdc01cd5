package io.costlevel.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Instrumented methods still compile with C1 and C2: code the JIT cannot prove releases a monitor (e.g. a call
 * between monitorenter and the start of its exception handler's range) makes it give up with "COMPILE SKIPPED".
 */
class JitCompilationIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.costlevel.agent.it.Jdk#all")
    void instrumentedMethodsAreCompiledNotSkipped(Jdk jdk) throws Exception {
        for (String[] sample : List.of(
                new String[] {"synchronized", "S01_SynchronizedCounter::increment"},
                new String[] {"blocking-ticket", "S06_BlockingTicketLockCounter::increment"},
                new String[] {"cas", "S04_CasCounter::increment"})) {
            String dir = "jit-" + sample[0] + "/" + jdk.java().getParent().getParent().getFileName();
            ForkedJvm.Result result = new ForkedJvm(jdk)
                    .agent("out=" + Paths.get("target", "it-runs", dir, "out").toAbsolutePath()
                            + ",include=io.costlevel.samples.,jfr=false,profiler=false")
                    .jvmArg("-XX:+PrintCompilation")
                    .run(Paths.get("target", "it-runs", dir).toAbsolutePath(),
                            "-jar", ForkedJvm.samplesJar().toString(), sample[0], "--threads", "1", "--ops", "300000");

            List<String> compilations = result.stdout().lines().filter(line -> line.contains(sample[1]))
                    .collect(Collectors.toList());
            assertThat(compilations).as("the instrumented method was compiled at all\n" + result).isNotEmpty();
            assertThat(result.stdout().lines().filter(line -> line.contains("io.costlevel.samples.")))
                    .as("compilations of the samples").noneMatch(line -> line.contains("COMPILE SKIPPED"));
        }
    }
}
