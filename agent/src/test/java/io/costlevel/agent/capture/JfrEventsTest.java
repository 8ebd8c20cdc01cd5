package io.costlevel.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrEventsTest {
    private final CaptureSettings defaults = CaptureSettings.defaults();

    @Test
    void waitsAreRecordedAboveTheThresholdWithStacks() {
        Map<String, String> s = JfrEvents.settings(Map.of(), defaults, Set.of());
        for (String e : new String[] {"jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark", "jdk.ThreadSleep"}) {
            assertThat(s).containsEntry(e + "#enabled", "true").containsEntry(e + "#threshold", "20000 ns")
                    .containsEntry(e + "#stackTrace", "true");
        }
        assertThat(s).containsEntry("jdk.ExecutionSample#period", "20000000 ns")
                .containsEntry("jdk.ThreadCPULoad#period", "1000000000 ns")
                .containsEntry("jdk.ThreadContextSwitchRate#enabled", "true")
                .containsEntry("jdk.CPULoad#enabled", "true")
                .doesNotContainKey("jdk.CPULoad#stackTrace");
    }

    @Test
    void withAsyncProfilerRunningByDefaultJfrStillRecordsEveryWait(@TempDir Path dir) throws Exception {
        AsyncProfilerSession profiler = AsyncProfilerSession.start(
                new AsyncProfilerApi(new AsyncProfilerSessionTest.ScriptedProfiler(0)), defaults, dir, 1 << 20);
        Map<String, String> s = JfrEvents.settings(Map.of(), defaults, JfrEvents.writtenByAsyncProfiler(profiler.profilesLocks()));
        for (String e : JfrEvents.WAITS) {
            assertThat(s).containsEntry(e + "#enabled", "true").containsEntry(e + "#threshold", "20000 ns");
        }
        assertThat(s).containsEntry("jdk.ThreadPark#enabled", "true").containsEntry("jdk.JavaMonitorEnter#enabled", "true")
                .containsEntry("jdk.ExecutionSample#enabled", "false").containsEntry("jdk.NativeMethodSample#enabled", "false");
    }

    @Test
    void whatAsyncProfilerWritesIsSwitchedOffInJfrSoNothingCountsTwice() {
        // profiler.lock set: async-profiler writes its parks and monitor enters too.
        Map<String, String> s = JfrEvents.settings(Map.of("jdk.GarbageCollection#enabled", "true"), defaults,
                JfrEvents.writtenByAsyncProfiler(true));
        assertThat(s).containsEntry("jdk.ExecutionSample#enabled", "false").containsEntry("jdk.ThreadPark#enabled", "false")
                .containsEntry("jdk.JavaMonitorEnter#enabled", "false").containsEntry("jdk.JavaMonitorWait#enabled", "true")
                .containsEntry("jdk.GarbageCollection#enabled", "true"); // the base configuration is kept
    }

    @Test
    void virtualThreadPinningIsRecordedWhereTheJdkHasIt() {
        boolean present = FlightRecorder.getFlightRecorder().getEventTypes().stream()
                .map(EventType::getName).anyMatch("jdk.VirtualThreadPinned"::equals);
        Map<String, String> s = JfrEvents.settings(Map.of(), defaults, Set.of());
        assertThat(s.containsKey("jdk.VirtualThreadPinned#enabled")).isEqualTo(present);
        assertThat(s.containsKey("jdk.VirtualThreadSubmitFailed#enabled")).isEqualTo(present);
        assertThat(present).isEqualTo(Runtime.version().feature() >= 21);
        if (present) {
            // A pin blocks the carrier: recorded from 2 us on, far below the waits' 20 us, with the pinning stack.
            assertThat(s).containsEntry("jdk.VirtualThreadPinned#enabled", "true")
                    .containsEntry("jdk.VirtualThreadPinned#threshold", "2000 ns")
                    .containsEntry("jdk.VirtualThreadPinned#stackTrace", "true")
                    .containsEntry("jdk.VirtualThreadSubmitFailed#enabled", "true");
        }
    }

    @Test
    void aLowerWaitThresholdAlsoLowersThePinnedOne() {
        CaptureSettings fine = CaptureSettings.from(Map.of("jfr.threshold", "1us"), problem -> {});
        Map<String, String> s = JfrEvents.settings(Map.of(), fine, Set.of());
        if (s.containsKey("jdk.VirtualThreadPinned#enabled")) {
            assertThat(s).containsEntry("jdk.VirtualThreadPinned#threshold", "1000 ns");
        }
    }
}
