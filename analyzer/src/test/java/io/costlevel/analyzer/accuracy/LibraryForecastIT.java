package io.costlevel.analyzer.accuracy;

import io.costlevel.analyzer.forecast.Forecast;
import io.costlevel.analyzer.forecast.Forecaster;
import io.costlevel.analyzer.forecast.ObservedRun;
import io.costlevel.analyzer.forecast.SiteForecast;
import io.costlevel.analyzer.report.Report;
import io.costlevel.analyzer.report.Site;
import io.costlevel.forecastload.LibraryLoad;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 4, real libraries: {@link LibraryLoad}'s JDK workloads (a shared {@code java.util.Random} vs
 * {@code ThreadLocalRandom}, {@code ConcurrentHashMap.merge} on one hot key vs on keys of each thread's own) run
 * in forked JVMs: without the agent at 1 and 2 threads (the native cost), under it at 2 threads, forecast at 4x the
 * cores, and under it at 4x the cores (the measured run). The forecast must name the tier the measured run shows
 * and the mechanism its evidence allows: where the library synchronizes inside the JDK, which the agent does not
 * count, it must say so with low confidence instead of calling the line plain code (docs/forecast.md, "Real
 * libraries", for the tier the mechanism gives, which the measured run cannot show there).
 */
class LibraryForecastIT {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final String PACKAGE = "io.costlevel.forecastload.";
    private static final Pattern NS_PER_OP = Pattern.compile("nsPerOp=([0-9.]+)");

    @TempDir
    Path work;

    /**
     * The workload, the tier forecast at 4x the cores and its mechanism, and the tier the measured run must show
     * (null: not asserted, see {@link #loads}).
     */
    record Load(String workload, int tier, String mechanism, Integer measuredTier) {
        @Override
        public String toString() {
            return workload + " -> L" + tier + " (" + mechanism + ")";
        }
    }

    /**
     * chm-spread's measured tier is not asserted: the 8-thread run read L4 from a handful of monitor waits while the
     * map resized at the start (5 waits of ~8 ms in 70 million merges by hand, a resizing bin's holder preempted), or
     * not, by chance; its forecast (plain code, kept) is asserted, and the miss is in docs/forecast.md.
     */
    static Stream<Load> loads() {
        return Stream.of(
                new Load("shared-random", 0, "library-sync", 0),
                new Load("thread-local-random", 0, "plain", 0),
                new Load("chm-hot-key", 4, "blocking", 4),
                new Load("chm-spread", 0, "plain", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loads")
    void forecastFromTwoThreadsMatchesTheMeasuredRunAtFourTimesTheCores(Load load) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        double one = nativeNsPerOp(java, load, 1);
        double two = nativeNsPerOp(java, load, 2);
        ObservedRun today = ObservedRun.of("2 threads", SampleUnderAgent.analyzed(run(java, load, 2)));
        Forecast forecast = Forecaster.forecast(List.of(today), 4 * CORES, CORES);
        SiteForecast predicted = forecast.sites().stream().filter(s -> s.methodName().equals("op"))
                .max(Comparator.comparingInt(SiteForecast::forecastTier)).orElseThrow(
                        () -> new AssertionError("no forecast for the op line: " + forecast.sites()));
        Report measured = SampleUnderAgent.analyzed(run(java, load, 4 * CORES));
        int measuredTier = measured.sites().stream().filter(s -> s.methodName().equals("op")).mapToInt(Site::tier)
                .max().orElse(-1);
        // The figures docs/forecast.md tabulates, in the failsafe report.
        System.out.printf(Locale.ROOT, "library %s: native %.1f ns/op at 1 thread, %.1f at 2; forecast L%d -> L%d (%s, %s) "
                        + "measured L%d at %d threads; %s%n", load.workload(), one, two, predicted.tier(),
                predicted.forecastTier(), predicted.mechanism(), predicted.confidence(), measuredTier, 4 * CORES,
                predicted.reasons().get(0));

        assertThat(predicted.mechanism()).as("forecast %s: %s", load, predicted.reasons()).isEqualTo(load.mechanism());
        assertThat(predicted.forecastTier()).as("forecast %s: %s", load, predicted.reasons()).isEqualTo(load.tier());
        if (load.measuredTier() != null) {
            assertThat(measuredTier).as("measured %s", load).isEqualTo(load.measuredTier());
        }
    }

    private Path run(Path java, Load load, int threads) throws Exception {
        return SampleUnderAgent.runForked(java, PACKAGE, work, testClasses(), PACKAGE + "LibraryLoad", load.workload(),
                Integer.toString(threads), "1");
    }

    private double nativeNsPerOp(Path java, Load load, int threads) throws Exception {
        Path out = SampleUnderAgent.runForked(java, null, work, testClasses(), PACKAGE + "LibraryLoad", load.workload(),
                Integer.toString(threads), "1");
        String log = SampleUnderAgent.read(SampleUnderAgent.log(out));
        Matcher m = NS_PER_OP.matcher(log);
        assertThat(m.find()).as("no nsPerOp in: %s", log).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static Path testClasses() throws Exception {
        return Path.of(LibraryLoad.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
