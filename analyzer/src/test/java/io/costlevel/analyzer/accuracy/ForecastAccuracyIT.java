package io.costlevel.analyzer.accuracy;

import io.costlevel.analyzer.forecast.Forecast;
import io.costlevel.analyzer.forecast.Forecaster;
import io.costlevel.analyzer.forecast.ObservedRun;
import io.costlevel.analyzer.forecast.SiteForecast;
import io.costlevel.analyzer.report.Report;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 4: the forecast made from a seed sample's runs at 1 thread and at threads = cores,
 * checked against the sample's measured run at 4x the cores, on this machine, under the agent
 * (1 s each). The expected tiers are the seed's (docs/tiers.md, /work/shared ground truth: spinning
 * ticket 50 ms/op at 8 threads on 2 cores, atomic 69 ns and CAS 129 ns, LongAdder 23 ns and sharded
 * 28 ns, blocking ticket 365 us, yielding ticket 26 us). The forecast must name that tier, and the
 * measured run must show it too (a measured run that misses it on a busy machine is run again, up to
 * {@link #ATTEMPTS} times, as in {@link SampleLadderIT}).
 */
class ForecastAccuracyIT {
    static final int CORES = SampleLadderIT.CORES;
    static final int ATTEMPTS = 2;

    @TempDir
    Path work;

    record Seed(String sample, String sampleClass, int tierAt4xCores) {
        SampleLadderIT.Case measured() {
            return SampleLadderIT.exactly(sample, sampleClass, 4 * CORES, tierAt4xCores);
        }

        @Override
        public String toString() {
            return sample + " at " + 4 * CORES + " threads -> L" + tierAt4xCores;
        }
    }

    static Stream<Seed> seeds() {
        return Stream.of(
                new Seed("spinning-ticket", "S07_SpinningTicketLockCounter", 5),
                new Seed("atomic", "S03_AtomicCounter", 2),
                new Seed("cas", "S04_CasCounter", 2),
                new Seed("long-adder", "S10_LongAdderCounter", 1),
                new Seed("sharded", "S09_ShardedCounter", 1),
                new Seed("blocking-ticket", "S06_BlockingTicketLockCounter", 4),
                new Seed("yielding-ticket", "S05_YieldingTicketLockCounter", 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void forecastFromOneThreadAndThreadsEqualCoresMatchesTheMeasuredRun(Seed seed) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<ObservedRun> runs = new ArrayList<>();
        for (int threads : new int[] {1, CORES}) {
            Report report = SampleUnderAgent.run(java, seed.sample(), threads, SampleLadderIT.SECONDS,
                    work.resolve(seed.sample() + "-" + threads));
            runs.add(ObservedRun.of(threads + " threads", report));
        }
        Forecast forecast = Forecaster.forecast(runs, 4 * CORES, CORES);
        SiteForecast decisive = sampleSites(forecast, seed).stream()
                .max(Comparator.comparingInt(SiteForecast::forecastTier)).orElseThrow();

        assertThat(decisive.forecastTier()).as("forecast for %s: %s", seed, decisive.reasons()).isEqualTo(seed.tierAt4xCores());
        int measured = measuredTier(java, seed);
        // The figures docs/forecast.md tabulates, in the failsafe report.
        System.out.printf("forecast %s: L%d (%s, %s) measured L%d; %s%n", seed.sample(), decisive.forecastTier(),
                decisive.mechanism(), decisive.confidence(), measured, decisive.reasons().get(0));
        double load = MachineLoad.oneMinute();
        // True sharing shows only while threads run at once: on a machine whose load exceeds its cores the 8 threads
        // take turns and the measured run reads L1 (SampleLadderIT aborts such cases the same way).
        Assumptions.assumeFalse(measured != seed.tierAt4xCores() && seed.tierAt4xCores() == 2 && load > CORES,
                String.format("machine too busy to measure %s (load %.1f on %d cores): measured L%d", seed, load, CORES, measured));
        assertThat(measured).as("measured %s", seed).isEqualTo(seed.tierAt4xCores());
    }

    private static List<SiteForecast> sampleSites(Forecast forecast, Seed seed) {
        String cls = SampleUnderAgent.SAMPLES_PACKAGE + seed.sampleClass();
        return forecast.sites().stream()
                .filter(s -> s.className().equals(cls) || s.className().startsWith(cls + "$"))
                .toList();
    }

    private int measuredTier(Path java, Seed seed) throws Exception {
        int tier = -1;
        for (int attempt = 1; attempt <= ATTEMPTS && tier != seed.tierAt4xCores(); attempt++) {
            Report report = SampleUnderAgent.run(java, seed.sample(), 4 * CORES, SampleLadderIT.SECONDS,
                    work.resolve(seed.sample() + "-" + 4 * CORES + "-" + attempt));
            tier = SampleLadderIT.sampleTier(report, seed.measured());
        }
        return tier;
    }
}
