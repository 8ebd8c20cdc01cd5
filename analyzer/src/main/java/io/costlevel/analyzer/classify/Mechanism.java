package io.costlevel.analyzer.classify;

/** What was seen happening at a site; it decides the tier and picks the advice. */
public enum Mechanism {
    /** Waiters spin through whole time slices while the thread they wait for is descheduled. */
    SPIN_WHILE_DESCHEDULED,
    /** Threads park, wait or sleep: the kernel switches them out and back. */
    BLOCKING,
    /** Threads block taking from a pool (a queue they give the items back to): more threads than items. */
    POOL_WAIT,
    /** A virtual thread blocked while pinned to its carrier: the carrier is switched out with it. */
    PINNED_CARRIER,
    /** Virtual threads block and unmount from their carrier: a user-space handoff, no kernel switch. */
    VIRTUAL_UNMOUNT,
    /** Thread.yield with more runnable threads than cores: the yield hands the core over. */
    YIELD_SWITCH,
    /** System calls that return without switching: yield with a free core, park with a permit, wakeups. */
    SYSCALL,
    /** A JDK call or an unlock costing a kernel entry with no block counted: it wakes another thread inside. */
    WAKEUP_IN_CALL,
    /** CPU samples inside Thread.start: a thread created here (a clone, its stack mapped, a wait until it runs). */
    THREAD_START,
    /** compareAndSet fails because another core changed the line. */
    CAS_FAILURES,
    /** A lock or monitor found owned by another thread. */
    CONTENDED_LOCK,
    /** The object's cache line was last touched by another thread. */
    HANDOFFS,
    /** A short spin wait on a line another core writes, with a core for every thread. */
    SPIN_SHARED,
    /** Atomics or locks used by one thread at a time. */
    UNCONTENDED_SYNC,
    /** Only CPU samples: plain code, nothing shared. */
    PLAIN_CPU,
    /** Only CPU samples and no agent: atomics and spins would look the same. */
    UNSEEN_CPU,
    /** CPU samples inside JDK synchronization (atomics, locks, concurrent collections) the agent did not count. */
    UNCOUNTED_SYNC
}
