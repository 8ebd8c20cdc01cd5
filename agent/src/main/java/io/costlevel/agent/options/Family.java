package io.costlevel.agent.options;

/** The instrumentation families, each switched on or off by an option of the same name ({@code atomics=false}). */
public enum Family {
    /** synchronized blocks and methods. */
    MONITORS("monitors"),
    /** j.u.c locks, conditions, semaphores. */
    LOCKS("locks"),
    /** Atomic*, field updaters, VarHandle, adders. */
    ATOMICS("atomics"),
    /** LockSupport, Object.wait/notify, Thread.sleep/yield/onSpinWait/join. */
    PARKING("parking"),
    /**
     * Calls into the JDK's concurrent and synchronized APIs (Random, ConcurrentHashMap, blocking queues, executors,
     * futures, java.util.logging, StringBuffer, Hashtable, Vector, Collections.synchronized*), each counted as one
     * operation at the calling line.
     */
    COMPOSITES("composites");

    private final String optionName;

    Family(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }
}
