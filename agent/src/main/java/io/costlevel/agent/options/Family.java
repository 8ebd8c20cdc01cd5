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
    PARKING("parking");

    private final String optionName;

    Family(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }
}
