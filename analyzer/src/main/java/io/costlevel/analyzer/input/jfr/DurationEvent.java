package io.costlevel.analyzer.input.jfr;

import one.jfr.JfrReader;
import one.jfr.event.Event;

/**
 * A JDK duration event with a stack (startTime, duration, eventThread, stackTrace, ...), read by
 * one.jfr.JfrReader through its custom-event hook, which skips the remaining fields for us.
 */
public abstract class DurationEvent extends Event {
    /** In ticks of the recording's clock. */
    public final long duration;

    protected DurationEvent(JfrReader reader) {
        // Arguments are evaluated left to right, which is the fields' order in the record.
        this(reader.getVarlong(), reader.getVarlong(), reader.getVarint(), reader.getVarint());
    }

    private DurationEvent(long time, long duration, int tid, int stackTraceId) {
        super(time, tid, stackTraceId);
        this.duration = duration;
    }

    /** jdk.JavaMonitorWait: Object.wait. */
    public static final class MonitorWait extends DurationEvent {
        public static final String NAME = "jdk.JavaMonitorWait";

        public MonitorWait(JfrReader reader) {
            super(reader);
        }
    }

    /** jdk.ThreadSleep: Thread.sleep. */
    public static final class ThreadSleep extends DurationEvent {
        public static final String NAME = "jdk.ThreadSleep";

        public ThreadSleep(JfrReader reader) {
            super(reader);
        }
    }

    /**
     * jdk.VirtualThreadPinned (JDK 21+): a virtual thread blocked while pinned to its carrier, so the carrier was
     * blocked with it. From JDK 24 on the event also says what blocked ({@code blockingOperation}: "LockSupport.park",
     * "Contended monitor enter", ...) and why it could not unmount ({@code pinnedReason}: "Native or VM frame on
     * stack", "VM call to X.<clinit> on stack", ...); on 21-23 both are null.
     */
    public static final class VirtualThreadPinned extends DurationEvent {
        public static final String NAME = "jdk.VirtualThreadPinned";

        public final String blockingOperation;
        public final String pinnedReason;

        public VirtualThreadPinned(JfrReader reader) {
            super(reader);
            one.jfr.JfrClass type = reader.typesByName.get(NAME);
            boolean described = type != null && type.field("blockingOperation") != null && type.field("pinnedReason") != null;
            this.blockingOperation = described ? reader.getString() : null;
            this.pinnedReason = described ? reader.getString() : null;
        }
    }
}
