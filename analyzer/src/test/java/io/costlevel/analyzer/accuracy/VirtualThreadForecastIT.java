package io.costlevel.analyzer.accuracy;

import io.costlevel.analyzer.forecast.Forecast;
import io.costlevel.analyzer.forecast.Forecaster;
import io.costlevel.analyzer.forecast.ObservedRun;
import io.costlevel.analyzer.forecast.SiteForecast;
import io.costlevel.analyzer.report.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast for virtual threads, checked on JDK 25 against measured runs: sample S15 (a 1 ms sleep per op on
 * virtual threads, unpinned or pinned in a class initializer) run under the agent at 2 threads, forecast at
 * 8 threads on this machine's cores, then run at 8. Unpinned, the sleep unmounts: L3 at 8 threads too, where
 * a platform thread's 1 ms park is L4 (the forecast's BlockingRule said "stays L4" for it before it read the thread
 * kind). Pinned, the sleep holds its carrier: L4, and 8 sleepers on 2 carriers starve each other.
 *
 * <p>Ground truth, measured without the agent in this test at 8 threads: pinned, an op cannot take less thread
 * time than threads / carriers x 1 ms (each carrier sleeps with its thread: 4 ms on 2 cores); unpinned, the
 * sleeps overlap (1.3-8 ms on the loaded machine, docs/tiers.md#virtual-threads). A case that misses is run again,
 * up to {@link #ATTEMPTS} times.
 */
class VirtualThreadForecastIT {
    private static final int ATTEMPTS = 2;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final int TARGET_THREADS = 4 * CORES;
    private static final String SAMPLE = "S15_PinnedSleep";
    private static final double SLEEP_NANOS = 1e6;
    private static final Pattern NS_PER_OP = Pattern.compile("nsPerOp=([0-9.]+)");

    @TempDir
    Path work;

    @Test
    void anUnmountingSleepIsForecastL3AtFourTimesTheThreadsAndMeasuredSo() throws Exception {
        check("--unpinned", s -> s.className().equals(SampleUnderAgent.SAMPLES_PACKAGE + SAMPLE) && s.kind().equals("sleep"),
                3, "virtual-unmount");
    }

    @Test
    void aPinnedSleepIsForecastL4StarvingItsCarriersAndMeasuredSo() throws Exception {
        check("--pinned", s -> s.className().equals(SampleUnderAgent.SAMPLES_PACKAGE + SAMPLE + "$SleepingInit")
                && s.methodName().equals("<clinit>"), 4, "carrier-starvation");
    }

    private void check(String mode, Predicate<Site> sleepSite, int expectedTier, String mechanism) throws Exception {
        Path java = VirtualThreadSamplesIT.jdk25();
        String threads = Integer.toString(TARGET_THREADS);
        double plainNs = nsPerOp(SampleUnderAgent.runMain(java, false, work, SAMPLE, mode, "--threads", threads, "--seconds", "1"));
        double carrierFloor = Math.max(1.0, (double) TARGET_THREADS / CORES) * SLEEP_NANOS;
        System.out.printf(Locale.ROOT, "%s %s at %d threads without the agent: %.0f ns thread time per op (carrier floor %.0f)%n",
                SAMPLE, mode, TARGET_THREADS, plainNs, carrierFloor);
        if (mode.equals("--pinned")) {
            assertThat(plainNs).as("pinned sleepers take their carrier with them").isGreaterThanOrEqualTo(0.9 * carrierFloor);
        }

        List<String> misses = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ObservedRun today = ObservedRun.of("2 threads", SampleUnderAgent.analyzed(
                    SampleUnderAgent.runMain(java, true, work, SAMPLE, mode, "--threads", "2", "--seconds", "1")));
            Forecast forecast = Forecaster.forecast(List.of(today), TARGET_THREADS, CORES);
            SiteForecast predicted = forecast.sites().stream()
                    .filter(f -> today.report().sites().stream().anyMatch(s -> sleepSite.test(s) && same(s, f)))
                    .findFirst().orElseThrow(() -> new AssertionError("no sleep site in " + forecast.sites()));
            List<Site> measured = SampleUnderAgent.analyzed(SampleUnderAgent.runMain(java, true, work, SAMPLE, mode,
                    "--threads", threads, "--seconds", "1")).sites().stream().filter(sleepSite).toList();
            int measuredTier = measured.stream().mapToInt(Site::tier).max().orElse(-1);
            // The figures docs/forecast.md tabulates, in the failsafe report.
            System.out.printf(Locale.ROOT, "forecast %s %s: L%d -> L%d (%s, %s) measured L%d; %s%n", SAMPLE, mode,
                    predicted.tier(), predicted.forecastTier(), predicted.mechanism(), predicted.confidence(), measuredTier,
                    predicted.reasons().get(0));
            assertThat(predicted.forecastTier()).as("forecast: %s", predicted.reasons()).isEqualTo(expectedTier);
            assertThat(predicted.mechanism()).isEqualTo(mechanism);
            if (measuredTier == expectedTier) {
                return;
            }
            misses.add("attempt " + attempt + ": measured" + VirtualThreadSamplesIT.describe(measured));
        }
        throw new AssertionError(SAMPLE + " " + mode + " at " + TARGET_THREADS + " threads never measured L" + expectedTier
                + " (load " + MachineLoad.oneMinute() + "):\n" + String.join("\n", misses));
    }

    private static boolean same(Site s, SiteForecast f) {
        return s.className().equals(f.className()) && s.methodName().equals(f.methodName()) && s.line() == f.line();
    }

    private static double nsPerOp(Path out) throws Exception {
        String log = SampleUnderAgent.read(SampleUnderAgent.log(out));
        Matcher m = NS_PER_OP.matcher(log);
        assertThat(m.find()).as("no nsPerOp in: %s", log).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
