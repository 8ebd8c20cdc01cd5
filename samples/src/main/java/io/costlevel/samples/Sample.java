package io.costlevel.samples;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every sample by the id the runner's command line and other modules' tests use. The ids are part
 * of the project's contract: never rename one.
 */
public enum Sample {
    SYNCHRONIZED("synchronized", S01_SynchronizedCounter::new),
    REENTRANT_LOCK("reentrant-lock", S02_ReentrantLockCounter::new),
    ATOMIC("atomic", S03_AtomicCounter::new),
    CAS("cas", S04_CasCounter::new),
    YIELDING_TICKET("yielding-ticket", S05_YieldingTicketLockCounter::new),
    BLOCKING_TICKET("blocking-ticket", S06_BlockingTicketLockCounter::new),
    SPINNING_TICKET("spinning-ticket", S07_SpinningTicketLockCounter::new),
    COOPERATIVE_TICKET("cooperative-ticket", S08_CooperativeSpinningTicketLockCounter::new),
    SHARDED("sharded", S09_ShardedCounter::new),
    LONG_ADDER("long-adder", S10_LongAdderCounter::new),
    THREAD_LOCAL("thread-local", S11_ThreadLocalCounter::new),
    POLLING_TICKET("polling-ticket", S12_PollingTicketLockCounter::new);

    private final String id;
    private final Supplier<Counter> factory;

    Sample(String id, Supplier<Counter> factory) {
        this.id = id;
        this.factory = factory;
    }

    public String id() {
        return id;
    }

    /** A fresh counter at zero. */
    public Counter newCounter() {
        return factory.get();
    }

    public static Optional<Sample> byId(String id) {
        return Arrays.stream(values()).filter(sample -> sample.id.equals(id)).findFirst();
    }

    /** The valid ids, comma-separated, for error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Sample::id).collect(Collectors.joining(", "));
    }
}
