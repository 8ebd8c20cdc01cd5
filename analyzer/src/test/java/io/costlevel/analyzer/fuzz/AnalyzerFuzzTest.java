package io.costlevel.analyzer.fuzz;

import io.costlevel.analyzer.CommandLineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code analyze} in this JVM on many damaged copies of the golden recordings and of a
 * costlevel-sites.json, and checks that every run ends as the contract says: exit 0 with a report,
 * or the bad-input exit code with one line on stderr, never a stack trace nor the catch-all
 * "analysis failed" of an exception nobody foresaw.
 *
 * <p>Bounded: a fixed seed, at most {@code costlevel.fuzz.cases} cases (default 1500) within
 * {@code costlevel.fuzz.seconds} (default 20), but at least {@link #MIN_CASES} whatever the clock says,
 * so a slow machine still tests something. Failing inputs are kept under target/fuzz-failures.
 */
class AnalyzerFuzzTest {
    private static final long SEED = Long.getLong("costlevel.fuzz.seed", 20261123L);
    private static final int MAX_CASES = Integer.getInteger("costlevel.fuzz.cases", 1500);
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("costlevel.fuzz.seconds", 20));
    private static final int MIN_CASES = 40;
    /** One golden recording takes well under a second; a case still running after this is a hang. */
    private static final long CASE_TIMEOUT_SECONDS = 60;
    private static final Path FAILURES = Path.of("target/fuzz-failures");

    @TempDir
    Path tmp;

    @Test
    void damagedInputsEndInAReportOrOneClearLine() throws Exception {
        FuzzCase seeds = FuzzCase.loadSeeds();
        Random random = new Random(SEED);
        Mutator mutator = new Mutator(random);
        List<String> failures = new ArrayList<>();
        int reports = 0;
        int rejected = 0;
        int cases = 0;
        long start = System.nanoTime();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true); // a hung case must not keep the test JVM alive
            return t;
        });
        try {
            while (cases < MAX_CASES && (cases < MIN_CASES || System.nanoTime() - start < BUDGET_NANOS)) {
                Path caseDir = tmp.resolve("case-" + cases);
                FuzzCase.Written input = seeds.write(random, mutator, caseDir);
                String verdict = judge(worker, input.input(), caseDir.resolve("report.json"));
                if (verdict == null) {
                    failures.add("case " + cases + " (" + input.description() + "): timed out");
                    keep(caseDir, cases);
                    break; // the worker thread is stuck in it
                }
                if (verdict.startsWith("report")) {
                    reports++;
                } else if (verdict.startsWith("rejected")) {
                    rejected++;
                } else {
                    failures.add("case " + cases + " (" + input.description() + "): " + verdict);
                    keep(caseDir, cases);
                }
                deleteRecursively(caseDir);
                cases++;
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("fuzz: seed %d, %d cases in %.1f s: %d reports, %d rejected with one line, %d failures%n",
                SEED, cases, (System.nanoTime() - start) / 1e9, reports, rejected, failures.size());
        assertThat(failures).as("damaged inputs the analyzer mishandled (seed %d; inputs kept in %s)", SEED,
                FAILURES.toAbsolutePath()).isEmpty();
        // Both outcomes must occur, or the mutations are too mild (or too wild) to test anything.
        assertThat(reports).as("cases that still gave a report").isPositive();
        assertThat(rejected).as("cases rejected as bad input").isPositive();
    }

    /** @return "report", "rejected", a description of what went wrong, or null when the run did not end */
    private static String judge(ExecutorService worker, Path input, Path json) throws Exception {
        Future<CommandLineRun> future = worker.submit(() -> CommandLineRun.of("analyze", input.toString(), "--json", json.toString()));
        CommandLineRun run;
        try {
            run = future.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return "unhandled " + e.getCause();
        }
        return Outcome.of(run, json);
    }

    private static void keep(Path caseDir, int index) throws IOException {
        Path target = FAILURES.resolve("seed-" + SEED + "-case-" + index);
        Files.createDirectories(target);
        try (var files = Files.walk(caseDir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
