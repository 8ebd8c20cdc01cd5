package io.costlevel.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runner's command line as people and the forked-JVM tests of other modules use it. */
class SampleRunnerTest {
    private static final int CORES = 3;
    private static final String RESULT_LINE =
            "sample=(\\S+) threads=(\\d+) ops=(\\d+) count=(\\d+) seconds=\\d+\\.\\d{3} nsPerOp=\\d+\\.\\d{1,2} cpuNsPerOp=\\d+\\.\\d{1,2} ok=(true|false)";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SampleRunner.execute(args, CORES, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneResultLineAndExitsZeroWhenTheCountMatches() {
        int exit = run("atomic", "--threads", "2", "--ops", "1000", "--seconds", "10");

        assertThat(exit).isZero();
        assertThat(stdout()).matches(RESULT_LINE + "\\R").startsWith("sample=atomic threads=2 ops=2000 count=2000 ")
                .endsWith("ok=true" + System.lineSeparator());
        assertThat(stderr()).isEmpty();
    }

    @Test
    void defaultsToOneThreadPerCoreAndStopsAtTheTimeBound() {
        int exit = run("long-adder", "--seconds", "0.2");

        assertThat(exit).isZero();
        assertThat(stdout()).matches(RESULT_LINE + "\\R").contains(" threads=" + CORES + " ");
    }

    @Test
    void eachSampleClassRunsItselfByItsId() {
        assertThat(Sample.values()).allSatisfy(sample -> assertThat(Sample.byId(sample.id())).contains(sample));
        assertThat(Sample.ATOMIC.newCounter()).isInstanceOf(S03_AtomicCounter.class);
        assertThat(Sample.THREAD_LOCAL.newCounter()).isInstanceOf(S11_ThreadLocalCounter.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "nope", "atomic cas", "atomic --threads", "atomic --threads 0", "atomic --threads x",
        "atomic --threads 5000", "atomic --seconds 0", "atomic --seconds -1", "atomic --seconds NaN",
        "atomic --seconds abc", "atomic --seconds 1e-12", "atomic --ops 0", "atomic --ops 1.5", "atomic --verbose",
        "--ladder atomic", "--ladder --threads 2"})
    void badArgumentsExitTwoWithOneLineOnStderr(String args) {
        int exit = run(args.isEmpty() ? new String[0] : args.split(" "));

        assertThat(exit).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).singleElement().asString().startsWith("costlevel-samples: ").contains("usage:");
    }

    @Test
    void unknownSampleListsTheValidIds() {
        run("atomics");

        assertThat(stderr()).contains("'atomics'").contains(Sample.ids());
    }

    @Test
    void helpPrintsUsageAndTheSampleIds() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("usage:").contains(Sample.ids());
    }

    @Test
    void workersAreNamedForTheAgentAndTheAnalyzer() throws Exception {
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return CounterRun.run(Sample.ATOMIC, RunPlan.forSeconds(3, 2));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Set<String> seen = Set.of();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (seen.size() < 3 && System.nanoTime() < giveUp) {
            seen = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(name -> name.startsWith("costlevel-worker-")).collect(Collectors.toSet());
            Thread.sleep(10);
        }

        assertThat(seen).containsExactlyInAnyOrder("costlevel-worker-0", "costlevel-worker-1", "costlevel-worker-2");
        assertThat(running.get(20, TimeUnit.SECONDS).ok()).isTrue();
    }

    @Test
    void ladderPrintsARowPerSampleAndAColumnPerThreadCount() {
        int exit = run("--ladder", "--seconds", "0.05");

        assertThat(exit).as(stdout()).isZero();
        assertThat(stdout().lines().filter(line -> !line.startsWith("#")))
                .hasSize(1 + Sample.values().length)
                .first().asString().contains("1 thread", "3 threads", "12 threads");
        assertThat(stdout()).doesNotContain("!");
    }
}
