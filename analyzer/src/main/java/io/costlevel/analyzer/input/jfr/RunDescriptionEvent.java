package io.costlevel.analyzer.input.jfr;

import one.jfr.JfrReader;
import one.jfr.event.Event;

/** The JDK's periodic events that describe the recorded JVM and machine (no thread, no stack). */
public abstract class RunDescriptionEvent extends Event {

    protected RunDescriptionEvent(long time) {
        super(time, 0, 0);
    }

    /** jdk.CPUInformation: startTime, cpu, description, sockets, cores, hwThreads. */
    public static final class CpuInformation extends RunDescriptionEvent {
        public static final String NAME = "jdk.CPUInformation";
        /** Hardware threads: what the scheduler has to run threads on. */
        public final int hwThreads;

        public CpuInformation(JfrReader r) {
            this(r.getVarlong(), r.getString(), r.getString(), r.getVarint(), r.getVarint(), r.getVarint());
        }

        private CpuInformation(long time, String cpu, String description, int sockets, int cores, int hwThreads) {
            super(time);
            this.hwThreads = hwThreads;
        }
    }

    /** jdk.JVMInformation: startTime, jvmName, jvmVersion, ... */
    public static final class JvmInformation extends RunDescriptionEvent {
        public static final String NAME = "jdk.JVMInformation";
        public final String jvmName;

        public JvmInformation(JfrReader r) {
            this(r.getVarlong(), r.getString());
        }

        private JvmInformation(long time, String jvmName) {
            super(time);
            this.jvmName = jvmName;
        }
    }

    /** jdk.InitialSystemProperty: startTime, key, value; gives java.version. */
    public static final class SystemProperty extends RunDescriptionEvent {
        public static final String NAME = "jdk.InitialSystemProperty";
        public final String key;
        public final String value;

        public SystemProperty(JfrReader r) {
            this(r.getVarlong(), r.getString(), r.getString());
        }

        private SystemProperty(long time, String key, String value) {
            super(time);
            this.key = key;
            this.value = value;
        }
    }

    /** jdk.ThreadContextSwitchRate: startTime, switchRate (per second, whole machine). */
    public static final class ContextSwitchRate extends RunDescriptionEvent {
        public static final String NAME = "jdk.ThreadContextSwitchRate";
        public final float switchRate;

        public ContextSwitchRate(JfrReader r) {
            this(r.getVarlong(), r.getFloat());
        }

        private ContextSwitchRate(long time, float switchRate) {
            super(time);
            this.switchRate = switchRate;
        }
    }
}
