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
}
