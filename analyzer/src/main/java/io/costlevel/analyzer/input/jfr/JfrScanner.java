package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.classify.ThreadTime;
import io.costlevel.analyzer.attribution.Attribution;
import io.costlevel.analyzer.attribution.Charge;
import io.costlevel.analyzer.attribution.SiteKey;
import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.attribution.StackAttributor;
import io.costlevel.analyzer.attribution.Uncharged;
import io.costlevel.analyzer.input.InputException;
import one.jfr.Dictionary;
import one.jfr.JfrReader;
import one.jfr.StackTrace;
import one.jfr.event.ContendedLock;
import one.jfr.event.Event;
import one.jfr.event.ExecutionSample;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one recording event by event with async-profiler's parser (one.jfr.JfrReader, about six
 * times faster than jdk.jfr.consumer.RecordingFile) and charges each event to a site. Nothing but
 * per-site sums and per-stack caches is kept, so memory does not grow with the recording.
 *
 * <p>One chunk at a time: {@link ChunkBytes} reads it once, {@link CheckedChunk} checks its skeleton there
 * (JfrReader 4.2 loops forever on some damage), and a reader of its own parses the same bytes.
 *
 * <p>JfrReader parses jdk.ExecutionSample (and async-profiler's samples) as {@link ExecutionSample},
 * and both jdk.ThreadPark and jdk.JavaMonitorEnter as {@link ContendedLock}; the two are told apart by
 * the stack, whose top frame is the JVM's park for the former. jdk.JavaMonitorWait, jdk.ThreadSleep,
 * jdk.VirtualThreadPinned and the run's description events are registered as custom events. A stack that
 * goes through a virtual thread's unmount/remount path marks its CPU samples and parks as virtual-thread
 * handoffs ({@link VirtualThreadFrames}).
 */
public final class JfrScanner {
    private static final java.util.Set<String> JAVA_VERSION_KEYS = java.util.Set.of("java.version", "java.vm.version");
    /** JEP 491: virtual threads unmount in synchronized and Object.wait from this JDK on. */
    private static final int MONITORS_UNMOUNT_FROM = 24;

    private final StackAttributor attributor;
    private final SiteTable table;
    private final Progress progress;

    public JfrScanner(StackAttributor attributor, SiteTable table, Progress progress) {
        this.attributor = attributor;
        this.table = table;
        this.progress = progress;
    }

    /**
     * @param threadNamespace distinguishes thread ids of different recordings (ids are per recording)
     */
    public RecordingFacts scan(Path file, int threadNamespace) throws InputException {
        return scan(file, threadNamespace, 0);
    }

    /**
     * @param profilerPeriodNanos CPU time per async-profiler sample, as the agent that ran it says; 0 when unknown,
     *                            then estimated from the samples' spacing (too long where threads wait for a core)
     */
    public RecordingFacts scan(Path file, int threadNamespace, long profilerPeriodNanos) throws InputException {
        try (ChunkBytes bytes = ChunkBytes.open(file)) {
            return new Pass(bytes, (long) threadNamespace << 32, profilerPeriodNanos).run();
        } catch (OutOfMemoryError e) {
            // The parser allocates arrays as large as the counts it reads; a damaged count asks for gigabytes.
            throw new InputException(file + ": cannot be read: a count in it needs more memory than the analyzer has "
                    + "(a corrupt recording, or give the analyzer more heap with -Xmx)", e);
        } catch (IOException e) {
            throw new InputException(file + ": not a readable JFR recording (" + e.getMessage() + ")", e);
        } catch (InternalError e) {
            // A mapped chunk (see ChunkBytes) whose file was cut short while it was read.
            throw new InputException(file + ": the recording changed while it was read (" + e.getMessage() + ")", e);
        }
    }

    /** The feature release of a java.version or java.vm.version ("25.0.3", "17.0.15+6", "1.8.0_402"), 0 if unreadable. */
    static int featureOf(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:1\\.)?(\\d+)").matcher(version == null ? "" : version);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** A reader of one checked chunk, stopping where the check stopped. */
    private static JfrReader open(CheckedChunk chunk) throws IOException {
        JfrReader reader = new JfrReader(chunk.bytes());
        reader.stopAtNewChunk = true;
        reader.registerEvent(DurationEvent.MonitorWait.NAME, DurationEvent.MonitorWait.class);
        reader.registerEvent(DurationEvent.ThreadSleep.NAME, DurationEvent.ThreadSleep.class);
        reader.registerEvent(DurationEvent.VirtualThreadPinned.NAME, DurationEvent.VirtualThreadPinned.class);
        reader.registerEvent(RunDescriptionEvent.CpuInformation.NAME, RunDescriptionEvent.CpuInformation.class);
        reader.registerEvent(RunDescriptionEvent.JvmInformation.NAME, RunDescriptionEvent.JvmInformation.class);
        reader.registerEvent(RunDescriptionEvent.SystemProperty.NAME, RunDescriptionEvent.SystemProperty.class);
        reader.registerEvent(RunDescriptionEvent.ContextSwitchRate.NAME, RunDescriptionEvent.ContextSwitchRate.class);
        return reader;
    }

    /** One stack of the current chunk, resolved once: where its events go, and this file's CPU samples of its site. */
    private static final class ChunkStack {
        final Charge charge;
        /** Null when the stack has no site. */
        final long[] fileCpuSamples;
        /** A virtual thread's unmount/remount path lies between the top and the site ({@link VirtualThreadFrames}). */
        final boolean virtualHandoff;
        /** The stack is a virtual thread's own (JFR's events of it, not async-profiler's carrier samples). */
        final boolean onVirtualThread;
        /** A virtual thread runs in it, seen from itself or from its carrier: its CPU samples held a carrier. */
        final boolean runsVirtualThread;
        final StackTrace trace;
        /** The frame that pinned a virtual thread, found at the first pinned event of this stack. */
        private String pinningFrame;
        private boolean pinningFrameFound;

        ChunkStack(Charge charge, long[] fileCpuSamples, boolean virtualHandoff, boolean onVirtualThread,
                   boolean runsVirtualThread, StackTrace trace) {
            this.charge = charge;
            this.fileCpuSamples = fileCpuSamples;
            this.virtualHandoff = virtualHandoff;
            this.onVirtualThread = onVirtualThread;
            this.runsVirtualThread = runsVirtualThread;
            this.trace = trace;
        }

        String pinningFrame(FrameNames names) {
            if (!pinningFrameFound && trace != null) {
                pinningFrame = VirtualThreadFrames.pinningFrame(names.stack(trace), trace.types);
                pinningFrameFound = true;
            }
            return pinningFrame;
        }
    }

    /** The state of reading one file, chunk by chunk: each is checked, then read by a reader of its own. */
    private final class Pass {
        private final ChunkBytes bytes;
        private final Path file;
        private final long threadKeyBase;
        private CheckedChunk chunk;
        private JfrReader reader;
        private FrameNames names;
        /** Per chunk: stack ids, frame ids and enum values are only promised unique within a chunk. */
        private final Dictionary<ChunkStack> byStack = new Dictionary<>();
        /** Runs of one thread's events often repeat one stack, and one thread state. */
        private int lastStackId;
        private ChunkStack lastStack;
        private final Map<Integer, Boolean> runnableStates = new HashMap<>();
        private int lastState;
        private boolean lastStateRunnable;
        private final SamplingPeriod samplingPeriod = new SamplingPeriod();
        private final ThreadSpans threadSpans = new ThreadSpans();
        /** CPU samples of this file per site, turned into time once the sampling period is known. */
        private final Map<SiteKey, long[]> cpuSamples = new HashMap<>();
        /** CPU samples inside the agent's probes, by the line they are inlined at (charged later, less their cost). */
        private final Map<SiteKey, long[]> probeSamples = new HashMap<>();
        private long eventsInChunk;
        private long events;
        private long startNanos = Long.MAX_VALUE;
        private long endNanos = Long.MIN_VALUE;
        private long ticksPerSec;
        private boolean asyncProfiler;
        private String jvmName;
        private String javaVersion;
        private int hardwareThreads;
        /** The recorded JDK lets a virtual thread unmount in a monitor (24+): known once its version was read. */
        private boolean monitorsUnmount;
        private double switchRateSum;
        private long switchRateCount;
        private final long profilerPeriodNanos;

        Pass(ChunkBytes bytes, long threadKeyBase, long profilerPeriodNanos) {
            this.bytes = bytes;
            this.file = bytes.file();
            this.threadKeyBase = threadKeyBase;
            this.profilerPeriodNanos = profilerPeriodNanos;
        }

        RecordingFacts run() throws IOException, InputException {
            chunk = CheckedChunk.at(bytes, 0);
            if (chunk == null) {
                throw new InputException(file + ": truncated JFR recording (its first chunk is incomplete)");
            }
            String damage = null;
            int chunks = 0;
            while (true) {
                openChunk();
                readChunk();
                chunks++;
                if (chunk.next() < 0) {
                    break;
                }
                long next = chunk.next();
                chunk = CheckedChunk.at(bytes, next);
                if (chunk == null) {
                    // A JVM that died while writing leaves its last chunk cut short; the whole ones before it are
                    // checked like any other, and are what there is (the caller warns).
                    damage = "truncated: read its first " + chunks + " whole chunk(s), the " + (bytes.size() - next)
                            + " bytes after them are an incomplete chunk";
                    break;
                }
            }
            boolean exact = asyncProfiler && profilerPeriodNanos > 0;
            double period = exact ? profilerPeriodNanos : samplingPeriod.estimateNanos(ticksPerSec);
            cpuSamples.forEach((site, samples) -> table.cpuTime(site, samples[0], period, exact));
            probeSamples.forEach((site, samples) -> table.probeTime(site, samples[0], period, exact));
            progress.done(file, events);
            return new RecordingFacts(jvmName, javaVersion, hardwareThreads, (endNanos - startNanos) / 1e9, events,
                    period, switchRateCount == 0 ? -1 : switchRateSum / switchRateCount, asyncProfiler,
                    startNanos == Long.MAX_VALUE ? 0 : startNanos, damage,
                    new ThreadTime(threadSpans.spansByThreadKey(threadKeyBase, ticksPerSec),
                            threadSpans.sameThreadByKey(threadKeyBase),
                            exact ? threadSpans.cpuByThreadKey(threadKeyBase, period) : Map.of()));
        }

        private void openChunk() throws IOException, InputException {
            try {
                reader = open(chunk);
            } catch (RuntimeException e) {
                throw new InputException(file + ": corrupt JFR recording (unreadable chunk metadata or constants)", e);
            }
            names = new FrameNames(reader);
            byStack.clear();
            lastStack = null;
            runnableStates.clear();
            lastState = -1;
            eventsInChunk = 0;
            startNanos = Math.min(startNanos, reader.startNanos);
            endNanos = Math.max(endNanos, reader.endNanos);
            ticksPerSec = reader.ticksPerSec;
            // A type name may be null in damaged metadata (fuzz seed 6).
            asyncProfiler |= reader.typesByName.keySet().stream().anyMatch(name -> name != null && name.startsWith("profiler."));
        }

        private void readChunk() throws IOException, InputException {
            try {
                for (Event e; (e = reader.readEvent()) != null; ) {
                    if (++eventsInChunk > chunk.records()) {
                        throw new InputException(file + ": corrupt JFR recording (the parser went back over bytes it had read)");
                    }
                    events++;
                    keepOnBoundary();
                    dispatch(e);
                    progress.tick(file, events);
                }
            } catch (BufferUnderflowException e) {
                throw new InputException(file + ": corrupt JFR recording (it ends in the middle of an event, after "
                        + events + " events)", e);
            } catch (RuntimeException e) {
                // The parser meets corrupt bytes as out-of-range sizes and indexes.
                throw new InputException(file + ": corrupt JFR recording (unreadable data after " + events + " events)", e);
            }
        }

        /**
         * An event whose fields did not end where its size said (damaged bytes) leaves the reader inside a record;
         * it goes on at the next checked boundary instead, where JfrReader 4.2 cannot meet a size of 0 and loop.
         * The reader reads the chunk's buffer, so its position is the buffer's.
         */
        private void keepOnBoundary() throws InputException {
            ByteBuffer at = chunk.bytes();
            int position = at.position();
            int boundary = chunk.boundaryAtOrAfter(position);
            if (boundary != position) {
                at.position(boundary);
            }
        }

        private void dispatch(Event e) {
            seeThread(e);
            if (e instanceof ExecutionSample sample) {
                onSample(sample);
            } else if (e instanceof ContendedLock lock) {
                ChunkStack stack = stack(lock.stackTraceId);
                Charge charge = stack.charge;
                // A virtual thread's park is its block whether it unmounted or, pinned, parked its carrier: the
                // pinned one is also a jdk.VirtualThreadPinned event, which moves its time to the carrier (L4).
                boolean virtualPark = charge.parkFrame() && (stack.virtualHandoff || stack.onVirtualThread);
                if (virtualPark || !charge.parkFrame() && unmountsInMonitors(stack)) {
                    charge.virtualBlock(threadKey(lock), nanos(lock.duration));
                } else if (charge.parkFrame()) {
                    charge.park(threadKey(lock), nanos(lock.duration));
                } else {
                    charge.monitorEnter(threadKey(lock), nanos(lock.duration));
                }
            } else if (e instanceof DurationEvent.MonitorWait wait) {
                ChunkStack stack = stack(wait.stackTraceId);
                if (unmountsInMonitors(stack)) {
                    stack.charge.virtualBlock(threadKey(wait), nanos(wait.duration));
                } else {
                    stack.charge.monitorWait(threadKey(wait), nanos(wait.duration));
                }
            } else if (e instanceof DurationEvent.ThreadSleep sleep) {
                ChunkStack stack = stack(sleep.stackTraceId);
                // A virtual thread's sleep unmounts (JDK 21+); a pinned one is also a jdk.VirtualThreadPinned event.
                if (stack.onVirtualThread) {
                    stack.charge.virtualBlock(threadKey(sleep), nanos(sleep.duration));
                } else {
                    stack.charge.sleep(threadKey(sleep), nanos(sleep.duration));
                }
            } else if (e instanceof DurationEvent.VirtualThreadPinned pinned) {
                ChunkStack stack = stack(pinned.stackTraceId);
                stack.charge.pinned(threadKey(pinned), nanos(pinned.time), nanos(pinned.duration), pinned.pinnedReason,
                        stack.pinningFrame(names));
            } else if (e instanceof RunDescriptionEvent description) {
                describe(description);
            }
        }

        /**
         * A virtual thread's monitor enter or Object.wait unmounts from JDK 24 on (JEP 491; a pinned one is also a
         * jdk.VirtualThreadPinned event); before, it blocks the carrier, a platform thread's block. Until the
         * recording has said its version, the older behaviour is assumed.
         */
        private boolean unmountsInMonitors(ChunkStack stack) {
            return stack.onVirtualThread && monitorsUnmount;
        }

        private void onSample(ExecutionSample sample) {
            // async-profiler's wall-clock samples also cover sleeping threads: only running ones are CPU time.
            if (!isRunnable(sample.threadState)) {
                return;
            }
            samplingPeriod.sample(sample.tid, sample.time);
            threadSpans.cpuSamples(threadSpans.slotOf(sample.tid), sample.samples);
            ChunkStack stack = stack(sample.stackTraceId);
            stack.charge.cpuSample(threadKey(sample), sample.samples);
            if (stack.virtualHandoff) {
                stack.charge.virtualHandoffSample(sample.samples);
            }
            if (stack.runsVirtualThread) {
                stack.charge.virtualCpuSample(sample.samples);
            }
            if (stack.fileCpuSamples != null) {
                stack.fileCpuSamples[0] += sample.samples;
            }
        }

        private boolean isRunnable(int state) {
            if (state != lastState) {
                lastState = state;
                lastStateRunnable = runnable(state);
            }
            return lastStateRunnable;
        }

        private boolean runnable(int state) {
            return runnableStates.computeIfAbsent(state, s -> {
                Map<Integer, String> states = reader.enums.get("jdk.types.ThreadState");
                String name = states == null ? null : states.get(s);
                // async-profiler's CPU samples say STATE_DEFAULT, the JDK's STATE_RUNNABLE; wall-clock ones may sleep.
                return name == null || !(name.contains("SLEEP") || name.contains("WAIT") || name.contains("PARK") || name.contains("BLOCK"));
            });
        }

        private void describe(RunDescriptionEvent e) {
            if (e instanceof RunDescriptionEvent.CpuInformation cpu) {
                hardwareThreads = Math.max(hardwareThreads, cpu.hwThreads);
            } else if (e instanceof RunDescriptionEvent.JvmInformation jvm) {
                jvmName = jvm.jvmName;
            } else if (e instanceof RunDescriptionEvent.SystemProperty p && JAVA_VERSION_KEYS.contains(p.key)) {
                // The recording has java.vm.version; java.version wins when a JDK also records it.
                if (javaVersion == null || "java.version".equals(p.key)) {
                    javaVersion = p.value;
                    monitorsUnmount = featureOf(p.value) >= MONITORS_UNMOUNT_FROM;
                }
            } else if (e instanceof RunDescriptionEvent.ContextSwitchRate rate) {
                switchRateSum += rate.switchRate;
                switchRateCount++;
            }
        }

        private ChunkStack stack(int stackTraceId) {
            if (stackTraceId == lastStackId && lastStack != null) {
                return lastStack;
            }
            ChunkStack resolved = byStack.get(stackTraceId);
            if (resolved == null) {
                StackTrace stack = reader.stackTraces.get(stackTraceId);
                Attribution at = stack == null ? new Attribution(null, "", false, Uncharged.CUT) : attributor.attribute(names.stack(stack));
                Charge charge = table.charge(at);
                boolean virtualHandoff = stack != null && VirtualThreadFrames.inHandoff(names.stack(stack), charge.site());
                boolean onVirtualThread = stack != null && charge.site() != null
                        && VirtualThreadFrames.onVirtualThread(names.stack(stack));
                boolean runsVirtualThread = stack != null && charge.site() != null
                        && VirtualThreadFrames.runsVirtualThread(names.stack(stack));
                // A sample in the agent's probe is counted apart: the line is charged what exceeds the probes' cost.
                resolved = new ChunkStack(charge, charge.site() == null ? null
                        : (at.probe() ? probeSamples : cpuSamples).computeIfAbsent(charge.site(), k -> new long[1]),
                        virtualHandoff, onVirtualThread, runsVirtualThread, stack);
                byStack.put(stackTraceId, resolved);
            }
            lastStackId = stackTraceId;
            lastStack = resolved;
            return resolved;
        }

        /**
         * A sample, or a blocking event over its whole duration, shows its thread alive then, and at an application
         * site when its stack has one ({@link ThreadSpans}).
         */
        private void seeThread(Event e) {
            long duration = e instanceof ContendedLock lock ? lock.duration
                    : e instanceof DurationEvent d ? d.duration : 0;
            if (e instanceof ExecutionSample || duration > 0) {
                int slot = threadSpans.slotOf(e.tid);
                threadSpans.extend(slot, e.time, e.time + duration);
                if (!threadSpans.knowsJavaThread(slot)) {
                    Long javaId = reader.javaThreads.get(e.tid);
                    if (javaId != null && javaId > 0) {
                        threadSpans.javaThread(slot, javaId);
                    }
                }
                if (!threadSpans.atSite(slot) && stack(e.stackTraceId).charge.site() != null) {
                    threadSpans.markAtSite(slot);
                }
            }
        }

        private long threadKey(Event e) {
            return threadKeyBase | (e.tid & 0xffffffffL);
        }

        private long nanos(long ticks) {
            return reader.ticksPerSec == 1_000_000_000L ? ticks : (long) (ticks * 1e9 / reader.ticksPerSec);
        }
    }
}
