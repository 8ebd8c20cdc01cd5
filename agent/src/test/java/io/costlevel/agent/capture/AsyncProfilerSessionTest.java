package io.costlevel.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's decisions (which CPU event, when to rotate) against a scripted stand-in for async-profiler. */
class AsyncProfilerSessionTest {
    @TempDir
    Path dir;

    /** Answers async-profiler's commands like the real one, refusing the events it is told to. */
    public static final class ScriptedProfiler {
        final List<String> commands = new ArrayList<>();
        final List<String> refusedEvents;
        final int bytesPerDump;
        Path file;

        ScriptedProfiler(int bytesPerDump, String... refusedEvents) {
            this.bytesPerDump = bytesPerDump;
            this.refusedEvents = List.of(refusedEvents);
        }

        public String execute(String command) throws IOException {
            commands.add(command);
            for (String e : refusedEvents) {
                if (command.startsWith("start,event=" + e + ",")) {
                    throw new IllegalStateException(e.equals("cpu") ? "Perf events unavailable" : "timer_create failed");
                }
            }
            if (command.startsWith("start,")) {
                file = Path.of(command.substring(command.indexOf("file=") + 5));
                Files.write(file, new byte[0]);
            } else if (command.startsWith("dump,")) {
                Files.write(file, new byte[bytesPerDump], StandardOpenOption.APPEND);
            }
            return "";
        }
    }

    @Test
    void byDefaultTheCpuTimersSample() throws Exception {
        ScriptedProfiler profiler = new ScriptedProfiler(0);
        AsyncProfilerSession session = AsyncProfilerSession.start(new AsyncProfilerApi(profiler), CaptureSettings.defaults(), dir, 1 << 20);

        assertThat(session.event()).isEqualTo(ProfilerEvent.CTIMER);
        assertThat(profiler.commands.get(0)).startsWith("start,event=ctimer,interval=10000000,jfropts=15,");
    }

    @Test
    void whenPerfEventsAreAskedForAndRefusedTheCpuTimersAreUsed() throws Exception {
        ScriptedProfiler profiler = new ScriptedProfiler(0, "cpu");
        CaptureSettings perf = CaptureSettings.from(Map.of("profiler.event", "cpu"), p -> {});
        AsyncProfilerSession session = AsyncProfilerSession.start(new AsyncProfilerApi(profiler), perf, dir, 1 << 20);

        assertThat(session.event()).isEqualTo(ProfilerEvent.CTIMER);
        assertThat(profiler.commands.get(1)).startsWith("start,event=ctimer,interval=10000000,jfropts=15,");
    }

    @Test
    void byDefaultLocksAreLeftToJfr() throws Exception {
        ScriptedProfiler profiler = new ScriptedProfiler(0);
        AsyncProfilerSession session = AsyncProfilerSession.start(new AsyncProfilerApi(profiler), CaptureSettings.defaults(), dir, 1 << 20);

        assertThat(session.profilesLocks()).isFalse();
        assertThat(profiler.commands.get(0)).doesNotContain("lock=");
    }

    @Test
    void whenEveryEventIsRefusedOneLineSaysWhy() {
        ScriptedProfiler profiler = new ScriptedProfiler(0, "cpu", "ctimer", "itimer");
        assertThatThrownBy(() -> AsyncProfilerSession.start(new AsyncProfilerApi(profiler), CaptureSettings.defaults(), dir, 1 << 20))
                .isInstanceOf(ProfilerUnavailableException.class)
                .hasMessage("async-profiler could not start (ctimer: timer_create failed; cpu: Perf events unavailable; itimer: timer_create failed)");
    }

    @Test
    void lockProfilingAskedForIsPassedToAsyncProfiler() throws Exception {
        ScriptedProfiler profiler = new ScriptedProfiler(0);
        CaptureSettings locks = CaptureSettings.from(Map.of("profiler.lock", "20us"), p -> {});
        AsyncProfilerSession session = AsyncProfilerSession.start(new AsyncProfilerApi(profiler), locks, dir, 1 << 20);

        assertThat(session.profilesLocks()).isTrue();
        assertThat(profiler.commands.get(0)).startsWith("start,event=ctimer,interval=10000000,lock=20000,jfropts=15,");
    }

    @Test
    void pastHalfItsBudgetTheWorkingFileBecomesThePreviousOneAndProfilingRestarts() throws Exception {
        ScriptedProfiler profiler = new ScriptedProfiler(300);
        AsyncProfilerSession session = AsyncProfilerSession.start(new AsyncProfilerApi(profiler), CaptureSettings.defaults(), dir, 1000);

        session.checkpoint(); // 300 bytes: under 500
        assertThat(dir.resolve("async-profiler-previous.jfr")).doesNotExist();
        session.checkpoint(); // 600 bytes: rotate
        assertThat(dir.resolve("async-profiler-previous.jfr")).hasSize(600);
        assertThat(dir.resolve("async-profiler-current.jfr")).isEmptyFile();
        assertThat(profiler.commands).extracting(c -> c.split(",")[0])
                .containsExactly("start", "dump", "dump", "stop", "start");
    }
}
