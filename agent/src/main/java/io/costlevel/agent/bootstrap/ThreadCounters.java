package io.costlevel.agent.bootstrap;

/**
 * One thread's counters: plain {@code long}s, {@link Evidence#WIDTH} per site, in chunks of {@link #CHUNK_SITES}
 * sites allocated when the thread first counts at one of them (a thread pays for the sites it uses, not for every
 * site id below them). Written only by the owner thread (no atomics, no locks), read racily by the dumper
 * ({@link CounterRegistry}), which may lag by one snapshot for live threads and is exact for threads that ended.
 * Padded to cache lines of its own ({@link OwnCacheLines}): its tick is written on every operation.
 */
@OwnCacheLines
public final class ThreadCounters {
    /**
     * Threads by id modulo its length, the fast way to a thread's counters: two plain loads from an array only ever
     * written by a thread taking a free slot (once, at its first count) and by the dumper freeing the slot of a thread
     * that has ended, so a service that keeps making threads (or virtual threads, whose ids run into the millions)
     * keeps finding free slots. A thread whose slot is taken uses the ThreadLocal. Every reader checks the slot's
     * owner ({@link #known}): a race between two threads taking one slot, or the dumper freeing it, only sends a
     * thread the slow way.
     */
    private static final ThreadCounters[] BY_ID = new ThreadCounters[1 << 16];
    /**
     * What an empty {@link #BY_ID} slot holds instead of null: the lookup then tests one thing, the slot's owner
     * ({@link #known}). Its thread is null, so no thread ever takes it for its own.
     */
    private static final ThreadCounters NOBODY = new ThreadCounters();

    static {
        java.util.Arrays.fill(BY_ID, NOBODY);
    }

    private static final ThreadLocal<ThreadCounters> CURRENT = new ThreadLocal<ThreadCounters>() {
        @Override
        protected ThreadCounters initialValue() {
            Thread thread = Thread.currentThread();
            ThreadCounters counters = new ThreadCounters(thread);
            CounterRegistry.register(counters);
            int slot = slotOf(thread.getId());
            if (BY_ID[slot] == NOBODY) {
                BY_ID[slot] = counters;
            }
            return counters;
        }
    };

    /** One in this many contended acquisitions is timed. */
    static final int CONTENTION_SAMPLING = 8;

    /**
     * {@code Thread.isVirtual()}, which exists from JDK 21 on; null before (the agent is compiled for 17). Asked
     * once per thread, when its counters are made, never on the hot path.
     */
    private static final java.lang.invoke.MethodHandle IS_VIRTUAL = isVirtualHandle();

    final Thread thread;
    /** The thread is virtual: its blocks unmount it from its carrier instead of switching in the kernel. */
    final boolean virtual;
    private final long threadId;
    private final int threadTag;
    /** Sites per chunk: 32 x 216 bytes, 6.9 KB. */
    static final int CHUNK_SITES = 32;
    private static final int CHUNK_SHIFT = 5;

    /**
     * Chunk {@code c} holds sites {@code c * CHUNK_SITES ..}, null until used. The outer array is replaced (grown,
     * never shrunk) by its owner; the dumper reads whichever it sees.
     */
    long[][] chunks = new long[4][];
    /**
     * A zeroed chunk of a thread that ended, handed over by {@link CounterRegistry#register} (on this thread, under
     * the registry's lock) for this thread's first chunk, or null: no allocation for a short-lived thread.
     */
    long[] spareChunk;
    /**
     * At most this many operations between two of the probes' out-of-line calls ({@link #beforeSlowly} and its
     * kind, taken when {@link #isDue}): their return is a safepoint poll the JIT cannot remove (see {@link #due}).
     */
    static final int MAX_OPS_BETWEEN_CALLS = 64;

    /** Counts this thread's operations; spin runs are told apart on it. */
    int tick;
    /** The tick of the next sampled operation. */
    private int nextSampledTick;
    /** The tick at which the probe next calls {@link #due}: the next sample, or sooner for a safepoint poll. */
    private int nextDueTick;
    /** xorshift state: sampling intervals are random so they cannot alias with a loop's period. */
    private int random;
    private int sampleSite = -1;
    private long sampleStart;
    /**
     * How many sampled operations the pending timing stands for: 1, or {@link #TIMING_EVERY} once the site's timing
     * is thinned ({@link #timed}). Its latency and inferred parks are weighted by it.
     */
    private int timingWeight = 1;
    /**
     * The pending timing is of a call whose receiver never blocks ({@link CallProbes#neverBlocks}): a long one was
     * preempted, no park is inferred from it. Set on sampled calls only.
     */
    boolean timedCallNeverBlocks;
    /** Sampled operations at thinned sites until the next one is timed. */
    private int timingCountdown;
    private long blockStart;
    private int spinSite = -1;
    private int spinTick;
    private int contentionCountdown;
    /** Slots of the per-thread cache of receiver classes ({@link CallProbes}), by site id modulo this. */
    static final int CLASS_SLOTS = 64;
    /**
     * The receiver class last seen at each slot and whether its calls are counted. Thread-owned; holds a class
     * until another takes its slot (a class of a discarded loader is unloaded once every thread moved on).
     */
    final Class<?>[] knownClasses = new Class<?>[CLASS_SLOTS];
    final boolean[] knownVerdicts = new boolean[CLASS_SLOTS];
    /** When this thread's previous handoff check ran ({@link #checkLineHandoff}). */
    private long lastSampleNanos;
    /** Sampled operations at library sites until this thread next walks its stack ({@link Callers}). */
    private int walkCountdown;
    /** No walk of this thread before this time ({@link Callers#nextWalk}), but at a site still fresh. */
    private long nextWalk = Long.MIN_VALUE / 2;

    /** {@link #NOBODY}. */
    private ThreadCounters() {
        this.thread = null;
        this.virtual = false;
        this.threadId = -1;
        this.threadTag = -1;
    }

    private ThreadCounters(Thread thread) {
        this.thread = thread;
        this.virtual = isVirtual(thread);
        this.threadId = thread.getId();
        this.threadTag = (int) threadId;
        this.random = 0x9E3779B9 * (threadTag + 1) | 1;
        this.nextSampledTick = nextSampleInterval();
        this.nextDueTick = nextDueTick(0);
    }

    private static java.lang.invoke.MethodHandle isVirtualHandle() {
        try {
            return java.lang.invoke.MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    java.lang.invoke.MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException beforeJdk21) {
            return null;
        }
    }

    static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable cannotHappen) {
            return false;
        }
    }

    /** The counters of the current thread. */
    public static ThreadCounters current() {
        ThreadCounters counters = known();
        return counters != null ? counters : registered();
    }

    /**
     * The current thread's counters by its id, or null before its first count (or when its slot was taken): the
     * probes' inlined lookup, which leaves the other case to their one out-of-line call. One load and one compare: the
     * id is masked (no range check), the slot is never null ({@link #NOBODY}), and the owner check rejects another
     * thread's slot, and a Thread subclass overriding getId().
     */
    static ThreadCounters known() {
        Thread thread = Thread.currentThread();
        ThreadCounters counters = BY_ID[slotOf(thread.getId())];
        return counters.thread == thread ? counters : null;
    }

    /**
     * Whether the current thread's counters are found by its id ({@link #known}), as most threads' are; one whose
     * slot another thread holds takes the out-of-line path on every operation.
     */
    public static boolean knownByItsId() {
        registered();
        return known() != null;
    }

    private static int slotOf(long threadId) {
        return (int) threadId & (BY_ID.length - 1);
    }

    /** A thread's first count, or a thread whose {@link #BY_ID} slot another thread holds. */
    @OutOfLine
    static ThreadCounters registered() {
        return CURRENT.get();
    }

    /**
     * The probes' one out-of-line call before an operation, taken when {@code counters} is null ({@link #known}) or
     * the operation is due ({@link #isDue}): every rare path of the before-probe behind a single call. Each call
     * the JIT compiles into a method carries the method's whole state, and C2 stops inlining a method once its
     * graph reaches a size budget (NodeCountInliningCutoff): one call per probe instead of three kept the
     * application's own calls after a few probed ones inlined (issue 11, docs/overhead.md).
     */
    @OutOfLine
    static ThreadCounters beforeSlowly(ThreadCounters counters, Object target, int block, int site) {
        ThreadCounters mine = counters != null ? counters : registered();
        if (mine.isDue()) {
            mine.dueTimed(target, block, site);
        }
        return mine;
    }

    /**
     * Whether the probe must call {@link #due} before this operation: true once in at most
     * {@link #MAX_OPS_BETWEEN_CALLS} operations, and for every sampled one. Only reads: the tick advances after the
     * operation ({@link #completed}), so no store of ours waits in the store buffer for the operation's own locked
     * instruction.
     */
    boolean isDue() {
        return tick + 1 == nextDueTick;
    }

    /**
     * The probes' slow path, called when {@link #isDue}: returns true when this operation is sampled (1 in
     * {@code sampling} on average; intervals drawn from 1 .. 2 * sampling - 1, as a fixed period would always pick
     * the same call of a loop with several sites), after its handoff check and, at a library site, the occasional
     * walk to the application line that called it ({@link #findCaller}), both kept off the inlined path.
     *
     * <p>Reached at least every {@link #MAX_OPS_BETWEEN_CALLS} operations even when nothing is sampled, through the
     * probes' out-of-line call ({@link #beforeSlowly}, {@code CallProbes.beforeSlowly}, {@link #startedMonitor}'s
     * slow path): C2 drops the safepoint polls of a counted loop whose body holds any call, however rarely taken
     * (JDK 17's {@code PhaseIdealLoop}: no strip mining with {@code _has_call}), trusting the call to poll. The
     * probes' rare paths (a thread's first count, a new counter chunk) are such calls; this one, taken every
     * {@link #MAX_OPS_BETWEEN_CALLS} operations at most, makes the trust good. Without it a loop counting one op per turn ran 2^31 turns between polls and held a safepoint
     * for minutes (issue 17, docs/production.md).
     */
    @OutOfLine
    boolean due(Object target, int block, int site) {
        return sample(target, block, site);
    }

    /**
     * {@link #due}, starting the operation's timing itself when it is timed. Called from the probes' out-of-line
     * call ({@link #beforeSlowly}), so the clock reads and sums of the rare sampled path are not compiled into the
     * instrumented method (larger compiled methods are inlined less and lose optimizations the application had
     * without the agent: docs/overhead.md).
     */
    void dueTimed(Object target, int block, int site) {
        if (sample(target, block, site)) {
            startTiming(site);
        }
    }

    /** {@link #due} for a {@code monitorenter}: the start of its timing when timed, else 0. */
    private long dueStart(Object lock, int site) {
        return sample(lock, 0, site) ? System.nanoTime() : 0L;
    }

    /** Closes a {@code monitorenter}'s timing, out of line like the other rare paths ({@link #dueTimed}). */
    @OutOfLine
    static void closeMonitorTiming(int site, long start) {
        current().addLatency(site, start);
    }

    private boolean sample(Object target, int block, int site) {
        int next = tick + 1;
        boolean sampled = next == nextSampledTick;
        if (sampled) {
            nextSampledTick = next + nextSampleInterval();
            checkHandoff(target, block, site);
            findCaller(site);
            sampled = timed(site);
        }
        nextDueTick = nextDueTick(next);
        return sampled;
    }

    /** A site's sampled operations are all timed until this thread has this many timings of it (weighted). */
    static final int TIMED_IN_FULL = 1024;
    /** Past {@link #TIMED_IN_FULL}, one sampled operation in this many is timed. */
    static final int TIMING_EVERY = 8;

    /**
     * Whether this sampled operation is also timed, and with what weight. Two clock reads per timed operation were
     * the probes' largest cost on a busy request path (about 4 % of its CPU, docs/overhead.md), while a hot site's
     * mean latency is known long before its millionth sample: a site's first samples in a thread are all timed, later
     * ones one in {@link #TIMING_EVERY}, each then standing for that many (weighted sums keep the mean and the
     * inferred parks unbiased). The handoff check above still runs on every sampled operation.
     */
    private boolean timed(int site) {
        int weight = 1;
        if (site != NO_SITE && timings(site) >= TIMED_IN_FULL) {
            if (--timingCountdown > 0) {
                return false;
            }
            timingCountdown = TIMING_EVERY;
            weight = TIMING_EVERY;
        }
        timingWeight = weight;
        return true;
    }

    /** This thread's weighted timings of the site so far, 0 before its chunk exists. */
    private long timings(int site) {
        long[] chunk = chunkOf(site);
        return chunk == null ? 0 : chunk[offset(site, Evidence.LATENCY_SAMPLES)];
    }

    /** The next sampled tick after {@code tick}, or the poll before it (differences, so the int may wrap). */
    private int nextDueTick(int tick) {
        return tick + Math.min(nextSampledTick - tick, MAX_OPS_BETWEEN_CALLS);
    }

    private int nextSampleInterval() {
        int x = random;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        random = x;
        return 1 + (x >>> 1) % (2 * BootstrapSettings.samplingPeriod - 1);
    }

    void add(int site, int column, long value) {
        long[] chunk = chunkOf(site);
        if (chunk == null) {
            chunk = newChunk(site >>> CHUNK_SHIFT);
        }
        chunk[offset(site, column)] += value;
    }

    /** Where a site's column lies in its chunk. */
    private static int offset(int site, int column) {
        return (site & (CHUNK_SITES - 1)) * Evidence.WIDTH + column;
    }

    /** The first count at one of a chunk's sites (the only allocation, once per chunk and thread, if no spare). */
    private long[] newChunk(int index) {
        long[][] all = chunks;
        if (index >= all.length) {
            int length = all.length;
            while (length <= index) {
                length *= 2;
            }
            all = java.util.Arrays.copyOf(all, length);
        }
        long[] chunk = spareChunk;
        if (chunk == null) {
            chunk = new long[CHUNK_SITES * Evidence.WIDTH];
        } else {
            spareChunk = null;
        }
        all[index] = chunk;
        chunks = all;
        return chunk;
    }

    /** A sampled operation is about to run: the start of its timing, closed by {@link #completed}. */
    void startTiming(int site) {
        sampleSite = site;
        sampleStart = System.nanoTime();
    }

    /**
     * The sampled handoff check. Every sampled operation on a known object is a check; it is a handoff when the
     * previous sampled operation at this site worked on the same line (the object, and for arrays the 64-byte
     * block of the element) and came from another thread: the line went to that thread's core in between and
     * came back. Counting over all checks, not only over the ones that met the same line, makes the ratio a
     * lower bound of how often the line moved: a site that spreads its writes over many lines (a sharded
     * counter) rarely meets the line it touched last, and its ratio says so.
     */
    void checkHandoff(Object target, int block, int site) {
        if (target == null) {
            return;
        }
        long[] last = BootstrapSettings.lastTouch;
        if (site >= last.length >>> BootstrapSettings.LAST_TOUCH_SHIFT) {
            return;
        }
        int touch = site << BootstrapSettings.LAST_TOUCH_SHIFT;
        int line = System.identityHashCode(target) + block * 0x9E3779B9;
        long previous = last[touch];
        add(site, Evidence.HANDOFF_CHECKS, 1);
        if (previous != 0 && (int) (previous >>> 32) == line) {
            add(site, Evidence.SAME_LINE_CHECKS, 1);
            if ((int) previous != threadTag) {
                add(site, Evidence.HANDOFFS, 1);
            }
        }
        last[touch] = touchOf(line);
        checkSharedLine(line, site);
        checkLineHandoff(line, site);
    }

    /**
     * Whether the line's previous sampled touch, at any site, was another thread's ({@link Evidence#LINE_HANDOFFS}).
     * The check above is per site: where two sites share a line between threads that keep to one site each for long
     * stretches (a Guava cache's readers adding to its recency queue at one site while the thread that won the
     * segment's lock drains it at another, 2026-12-06: 17 handoffs in 190,000 checks at each site), the line moves
     * between the cores on every turn while each site sees one thread. Sampled ops only, plain loads and stores.
     */
    private void checkLineHandoff(int line, int site) {
        long[] touches = BootstrapSettings.lineTouch;
        int slot = ((line ^ (line >>> 16)) & (BootstrapSettings.LINE_TOUCH_SLOTS - 1)) << BootstrapSettings.LAST_TOUCH_SHIFT;
        long now = System.nanoTime();
        long previous = touches[slot];
        // Another thread's touch since this thread's previous sample: the line moved in between. Any older touch says
        // only that the line was ever shared: two threads picking among a sharded counter's 256 lines at random meet
        // a line the other had touched long ago on 39 % of their checks, and one the other touched since their own
        // previous sample on 1 in 256.
        if (previous != 0 && (int) (previous >>> 32) == line && (int) previous != threadTag
                && touches[slot + 1] - lastSampleNanos > 0) {
            add(site, Evidence.LINE_HANDOFFS, 1);
        }
        touches[slot] = touchOf(line);
        touches[slot + 1] = now;
        lastSampleNanos = now;
    }

    /** A touch of {@code line} by this thread as the touch tables keep it: line hash (high half), thread id (low half). */
    private long touchOf(int line) {
        return ((long) line << 32) | (threadTag & 0xffffffffL);
    }

    /** Marks a line-owner slot whose line a second thread touched; the first toucher's id is in the low 31 bits. */
    private static final long SHARED = 1L << 31;

    /**
     * Whether this line was touched at this site by another thread before, at any time, not only just before: state
     * several threads take turns on (each holding it a while) is shared, state only ever one thread's (a per-thread
     * object, a request's own buffer) is confined, and only the first moves to L2 when the threads grow (issue 16).
     * A small direct-mapped table per site, plain loads and stores on sampled ops only; a line evicted by a colliding
     * one starts over, so the count is a lower bound.
     */
    private void checkSharedLine(int line, int site) {
        long[] owners = BootstrapSettings.lineOwners;
        int slot = site * BootstrapSettings.LINE_SLOTS + ((line ^ (line >>> 16)) & (BootstrapSettings.LINE_SLOTS - 1));
        if (slot >= owners.length) {
            return;
        }
        long owner = owners[slot];
        long tag = threadTag & (SHARED - 1);
        if (owner == 0 || (int) (owner >>> 32) != line) {
            owners[slot] = ((long) line << 32) | tag;
        } else if ((owner & SHARED) != 0) {
            add(site, Evidence.SHARED_LINE_CHECKS, 1);
        } else if ((owner & (SHARED - 1)) != tag) {
            add(site, Evidence.SHARED_LINE_CHECKS, 1);
            owners[slot] = owner | SHARED;
        }
    }

    /**
     * On a sampled operation at a library site, one in {@link Callers#WALK_EVERY}, within the thread's time budget for
     * walks ({@link Callers#nextWalk}), or at a site walked only a few times yet ({@link Callers#isFresh}): which
     * application line led here. Before the timing starts, so the walk is not taken for the operation's cost.
     */
    void findCaller(int site) {
        if (!Callers.isLibrary(site)) {
            return;
        }
        boolean fresh = Callers.isFresh(site);
        if (--walkCountdown > 0 && !fresh) {
            return;
        }
        long now = System.nanoTime();
        if (fresh || now - nextWalk >= 0) {
            walkCountdown = Callers.WALK_EVERY;
            Callers.record(site);
            nextWalk = Callers.nextWalk(now, System.nanoTime());
        }
    }

    /**
     * A call into a JDK API counted as one operation returned. For a call that may block ({@code mayBlock}), a
     * sampled one that lasted longer than {@link #BLOCKED_FLOOR_NANOS} blocked (parked, waited for a monitor, or was
     * preempted) inside: the JDK's own park is not counted, so it is inferred, and scaled by the sampling period
     * into an estimate of all parks.
     */
    void completedCall(int site, boolean mayBlock) {
        tick++;
        long[] chunk = chunkOf(site);
        if (chunk != null && sampleSite != site) {
            chunk[offset(site, Evidence.OPS)]++;
        } else {
            completedCallSlowly(site, mayBlock);
        }
    }

    /** {@link #completedCall}'s rare paths behind one call: the site's first count in this thread, a timing. */
    @OutOfLine
    void completedCallSlowly(int site, boolean mayBlock) {
        add(site, Evidence.OPS, 1);
        if (sampleSite == site) {
            closeCallTiming(site, mayBlock);
        }
    }

    private void closeCallTiming(int site, boolean mayBlock) {
        sampleSite = -1;
        long elapsed = addLatency(site, sampleStart);
        if (mayBlock && !timedCallNeverBlocks && elapsed >= BLOCKED_FLOOR_NANOS) {
            long weight = (long) BootstrapSettings.samplingPeriod * timingWeight;
            add(site, Evidence.PARKS, weight);
            add(site, Evidence.PARKED_NANOS, elapsed * weight);
        }
    }

    /** A JDK call that took this long parked or was switched out: a context switch costs 2-100 us. */
    static final long BLOCKED_FLOOR_NANOS = 5_000;

    /** The operation returned: count it, and close its timing if this site's sample is still the pending one. */
    void completed(int site) {
        // The same few lines as completedCall, on purpose: a shared helper returning whether it counted adds a merge
        // to every probe's graph, and measured (MixedRequestApp twice, docs/overhead.md) it cost C2's inlining
        // budget 5 of the 176 calls it still inlines before the cutoff.
        tick++;
        long[] chunk = chunkOf(site);
        if (chunk != null && sampleSite != site) {
            chunk[offset(site, Evidence.OPS)]++;
        } else {
            completedSlowly(site);
        }
    }

    /** {@link #completed}'s rare paths behind one call, as {@link #completedCallSlowly}. */
    @OutOfLine
    void completedSlowly(int site) {
        add(site, Evidence.OPS, 1);
        if (sampleSite == site) {
            sampleSite = -1;
            addTiming(site, sampleStart);
        }
    }

    /**
     * {@link #addLatency}, except where the operation never blocks ({@link NeverBlocking}) and the timing lasted a
     * context switch: the thread was preempted in between, which says nothing of the operation's cost.
     */
    private void addTiming(int site, long start) {
        long elapsed = System.nanoTime() - start - BootstrapSettings.clockCostNanos;
        if (elapsed >= BLOCKED_FLOOR_NANOS && NeverBlocking.contains(site)) {
            add(site, Evidence.PREEMPTED_TIMINGS, timingWeight);
        } else {
            addElapsed(site, elapsed);
        }
    }

    /** The chunk holding the site's counters, or null before this thread's first count at one of its sites. */
    private long[] chunkOf(int site) {
        long[][] all = chunks;
        int index = site >>> CHUNK_SHIFT;
        return index < all.length ? all[index] : null;
    }

    /**
     * {@link #add} after {@link #completed} or {@link #started} counted at this site, so its chunk exists: no
     * allocating branch, no call compiled in.
     */
    void addCounted(int site, int column, long value) {
        chunks[site >>> CHUNK_SHIFT][offset(site, column)] += value;
    }

    /** Adds a timing that began at {@code start}, weighted ({@link #timed}); returns its duration. */
    long addLatency(int site, long start) {
        long elapsed = System.nanoTime() - start - BootstrapSettings.clockCostNanos;
        addElapsed(site, elapsed);
        return elapsed;
    }

    private void addElapsed(int site, long elapsed) {
        add(site, Evidence.LATENCY_SAMPLES, timingWeight);
        add(site, Evidence.LATENCY_NANOS, elapsed * timingWeight);
    }

    void startBlocking() {
        blockStart = System.nanoTime();
    }

    /** A blocking call returned: count it in {@code column} and its time in {@code column + 1}. */
    void blocked(int site, int column) {
        add(site, column, 1);
        add(site, column + 1, System.nanoTime() - blockStart);
    }

    /**
     * Before waiting for a lock that was not free: the start of the wait for 1 in {@link #CONTENTION_SAMPLING}
     * contended acquisitions of this thread (the first one always), else 0. Two clock reads on every contended
     * acquisition would cost more than a briefly contended lock itself.
     */
    long contentionStart() {
        if (contentionCountdown-- > 0) {
            return 0L;
        }
        contentionCountdown = CONTENTION_SAMPLING - 1;
        return System.nanoTime();
    }

    /** A contended acquisition: counted; when timed, its wait is added scaled up, an estimate of the total. */
    void contended(int site, long start) {
        add(site, Evidence.CONTENDED, 1);
        if (start != 0L) {
            add(site, Evidence.CONTENDED_SAMPLES, 1);
            add(site, Evidence.CONTENDED_NANOS, (System.nanoTime() - start) * CONTENTION_SAMPLING);
        }
    }

    /**
     * A call at a probed site whose receiver does not synchronize (a HashMap behind {@code Map.put}): not counted,
     * but it advances the tick like an operation, so a loop of such calls still reaches {@link #due} and its
     * safepoint poll every {@link #MAX_OPS_BETWEEN_CALLS} calls (the rare class lookup of {@link CallProbes} is a
     * call C2 would otherwise trust to poll). A sample that falls on it is skipped.
     */
    void uncounted() {
        if (isDue()) {
            due(null, 0, NO_SITE);
        }
        tick++;
    }

    /** No site: {@link #due} for an uncounted call, which has no handoff to check and no caller to find. */
    static final int NO_SITE = Integer.MAX_VALUE;

    /** An operation counted as it starts (monitors), without a pending sample to close. */
    void started(int site) {
        tick++;
        add(site, Evidence.OPS, 1);
    }

    /**
     * Before a {@code monitorenter} or at a synchronized method's entry: counted as it starts; the start of a timing
     * when it is sampled and {@code timed}, else 0. The rare paths (the thread's first count, a sample, the site's
     * first count in this thread) behind one out-of-line call, as {@link #beforeSlowly}.
     */
    static long startedMonitor(Object lock, int site, boolean timed) {
        ThreadCounters counters = known();
        if (counters != null && !counters.isDue()) {
            long[] chunk = counters.chunkOf(site);
            if (chunk != null) {
                counters.tick++;
                chunk[offset(site, Evidence.OPS)]++;
                return 0L;
            }
        }
        return startedMonitorSlowly(counters, lock, site, timed);
    }

    @OutOfLine
    private static long startedMonitorSlowly(ThreadCounters counters, Object lock, int site, boolean timed) {
        ThreadCounters mine = counters != null ? counters : registered();
        long start = 0L;
        if (mine.isDue()) {
            if (timed) {
                start = mine.dueStart(lock, site);
            } else {
                mine.due(lock, 0, site);
            }
        }
        mine.started(site);
        return start;
    }

    /**
     * One onSpinWait call, after {@link #completed}. A spin wait is a run of onSpinWait calls at one site with no other instrumented operation
     * of this thread in between, counted when it starts, so {@code spins / spinWaits} is spins per wait.
     */
    void spun(int site) {
        if (spinSite != site || spinTick != tick - 1) {
            addCounted(site, Evidence.SPIN_WAITS, 1);
        }
        spinSite = site;
        spinTick = tick;
        addCounted(site, Evidence.SPINS, 1);
    }

    /** True once the thread has ended; its slot is then freed, so the array does not keep its counters alive. */
    boolean retireIfFinished() {
        if (thread.isAlive()) {
            return false;
        }
        int slot = slotOf(threadId);
        if (BY_ID[slot] == this) {
            BY_ID[slot] = NOBODY;
        }
        return true;
    }
}
