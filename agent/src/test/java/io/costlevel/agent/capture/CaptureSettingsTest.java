package io.costlevel.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureSettingsTest {
    private final List<String> problems = new ArrayList<>();

    @Test
    void defaultsAreTheProductionOnes() {
        CaptureSettings s = CaptureSettings.defaults();
        assertThat(s.jfr).isTrue();
        assertThat(s.profiler).isTrue();
        assertThat(s.profilerEvent).as("per-thread CPU timers: no cost at a context switch").isEqualTo(ProfilerEvent.CTIMER);
        assertThat(s.thresholdNanos).isEqualTo(20_000);
        assertThat(s.samplePeriodNanos).isEqualTo(20_000_000);
        assertThat(s.profilerLockNanos).as("async-profiler's lock profiling is opt-in").isZero();
        assertThat(s.maxDiskBytes).isEqualTo(32L << 20);
        assertThat(s.maxAgeNanos).isZero();
        assertThat(s.merge).isTrue();
    }

    @Test
    void readsEveryKeyItNames() {
        CaptureSettings s = CaptureSettings.from(Map.ofEntries(
                Map.entry("jfr", "false"), Map.entry("jfr.settings", "profile"), Map.entry("jfr.threshold", "0ns"),
                Map.entry("jfr.samplePeriod", "10ms"), Map.entry("jfr.loadPeriod", "2s"), Map.entry("maxDiskMb", "7"),
                Map.entry("maxAge", "30m"), Map.entry("profiler", "off"), Map.entry("profiler.event", "ITIMER"),
                Map.entry("profiler.interval", "1ms"), Map.entry("profiler.lock", "50us"), Map.entry("profiler.merge", "false")),
                problems::add);
        assertThat(problems).isEmpty();
        assertThat(s.jfr).isFalse();
        assertThat(s.jfrSettings).isEqualTo("profile");
        assertThat(s.thresholdNanos).isZero();
        assertThat(s.samplePeriodNanos).isEqualTo(10_000_000);
        assertThat(s.loadPeriodNanos).isEqualTo(2_000_000_000L);
        assertThat(s.maxDiskBytes).isEqualTo(7L << 20);
        assertThat(s.maxAgeNanos).isEqualTo(1_800_000_000_000L);
        assertThat(s.profiler).isFalse();
        assertThat(s.profilerEvent).isEqualTo(ProfilerEvent.ITIMER);
        assertThat(s.profilerIntervalNanos).isEqualTo(1_000_000);
        assertThat(s.profilerLockNanos).isEqualTo(50_000);
        assertThat(s.merge).isFalse();
        assertThat(CaptureSettings.KEYS).hasSize(12);
    }

    @Test
    void aBadValueIsOneLineNamingTheKeyAndTheDefaultIsKept() {
        CaptureSettings s = CaptureSettings.from(Map.of("jfr.threshold", "20", "profiler.event", "perf", "maxDiskMb", "-1",
                "jfr.samplePeriod", "0ms", "jfr", "maybe"), problems::add);
        assertThat(problems).hasSize(5).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("option jfr.threshold=20: ").contains("needs a unit").endsWith("using 20us"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("option profiler.event=perf: expected one of [ctimer, cpu, itimer]"));
        assertThat(s.thresholdNanos).isEqualTo(20_000);
        assertThat(s.profilerEvent).isEqualTo(ProfilerEvent.CTIMER);
        assertThat(s.maxDiskBytes).isEqualTo(32L << 20);
        assertThat(s.samplePeriodNanos).isEqualTo(20_000_000);
        assertThat(s.jfr).isTrue();
    }

    @Test
    void withoutJfrAsyncProfilerProfilesLocksByDefaultSinceNothingElseRecordsWaits() {
        assertThat(CaptureSettings.from(Map.of("jfr", "false"), problems::add).profilerLockNanos).isEqualTo(20_000);
        assertThat(CaptureSettings.from(Map.of("jfr", "false", "profiler.lock", "off"), problems::add).profilerLockNanos)
                .isZero();
    }

    @Test
    void lockProfilingIsADurationOrOff() {
        assertThat(CaptureSettings.from(Map.of("profiler.lock", "off"), problems::add).profilerLockNanos).isZero();
        assertThat(CaptureSettings.from(Map.of("profiler.lock", "0"), problems::add).profilerLockNanos).isZero();
        assertThat(problems).isEmpty();

        CaptureSettings bad = CaptureSettings.from(Map.of("profiler.lock", "true"), problems::add);
        assertThat(bad.profilerLockNanos).isZero();
        assertThat(problems).singleElement()
                .satisfies(p -> assertThat(p).startsWith("option profiler.lock=true: ").endsWith("; using off"));
    }

    @Test
    void keysOfTheAgentItselfAreNotItsBusiness() {
        CaptureSettings.from(Map.of("out", "x", "include", "com.acme."), problems::add);
        assertThat(problems).isEmpty();
    }

    @Test
    void durationsNeedAUnit() {
        assertThat(Durations.parseNanos("500ns")).isEqualTo(500);
        assertThat(Durations.parseNanos(" 20US ")).isEqualTo(20_000);
        assertThat(Durations.parseNanos("1h")).isEqualTo(3_600_000_000_000L);
        assertThatThrownBy(() -> Durations.parseNanos("10")).hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> Durations.parseNanos("ms")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parseNanos("99999999999h")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void cpuSamplingFallsBackToTheOtherEventsBestFirst() {
        assertThat(ProfilerEvent.CTIMER.withFallbacks()).containsExactly(ProfilerEvent.CTIMER, ProfilerEvent.CPU, ProfilerEvent.ITIMER);
        assertThat(ProfilerEvent.CPU.withFallbacks()).containsExactly(ProfilerEvent.CPU, ProfilerEvent.CTIMER, ProfilerEvent.ITIMER);
        assertThat(ProfilerEvent.ITIMER.withFallbacks()).containsExactly(ProfilerEvent.ITIMER, ProfilerEvent.CTIMER, ProfilerEvent.CPU);
    }
}
