package io.costlevel.agent.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which application line led to a library's site. A site in a class outside the application ({@code include}) is
 * counted where it is, in the library; on one in {@link #WALK_EVERY} of a thread's sampled operations at such sites
 * the stack is walked up to the first application frame, and that frame, with the library method it called, is
 * counted for the site. The analyzer shares the site's counters out among its callers by these counts, so the
 * application line gets the tier of what it reaches, with the chain that leads there.
 *
 * <p>Cost: nothing on the unsampled path; on the sampled path two byte reads; a walk (5-40 microseconds, more on a
 * deep stack) on one in {@code sampling * WALK_EVERY} operations, and a thread's walks budgeted to at most
 * 1 / {@link #WALK_TIME_RATIO} of its time ({@link #nextWalk}): one per millisecond was 3 % of a JSON request's time
 * under JMH, whose stacks are deep (docs/overhead.md). A site's first {@link #FIRST_WALKS} walks are not budgeted, so
 * a rarely used library site still finds its caller. The counts go into a shared map: rare enough that its updates
 * never meet.
 */
public final class Callers {
    /** Sampled operations at library sites between two walks of one thread. */
    static final int WALK_EVERY = 32;
    /** A walk of d ns defers the thread's next walk by {@code d * WALK_TIME_RATIO}: walks take at most 0.2 % of it. */
    static final long WALK_TIME_RATIO = 500;
    /** And at least this long between two walks of one thread. */
    static final long MIN_WALK_GAP_NANOS = 1_000_000;
    /** Walks of a site, by any thread, that the time budget does not hold back. */
    static final int FIRST_WALKS = 8;
    private static final String PROBES_PACKAGE = "io.costlevel.agent.bootstrap.";

    /** A site in a library class: walk its stacks to the application line. */
    static final byte LIBRARY = 1;
    /**
     * A site in one of the JDK's synchronized collections the agent instruments (a {@code Collections.synchronized*}
     * wrapper, a {@code CopyOnWriteArrayList}): walk its stacks to the application line, or, where none is on the stack
     * (a JDK or library thread of its own, the JDK's HTTP server's dispatcher), to the frame that called the
     * collection, which says whose collection it is where the collection's own line cannot.
     */
    static final byte JDK_CLASS = 2;
    /**
     * The collections' own classes, skipped for their caller: those Selection instruments, and the copy-on-write set
     * that writes through its list.
     */
    private static final String[] COLLECTIONS = {"java.util.Collections$Synchronized",
        "java.util.concurrent.CopyOnWriteArray"};

    /** Per site id: {@link #LIBRARY}, {@link #JDK_CLASS}, or 0 for an application site. */
    private static volatile byte[] library = new byte[1];
    private static volatile String[] application = new String[0];
    /** Per site id: its walks so far, up to {@link #FIRST_WALKS} (racy plain stores: a lost one costs a walk more). */
    private static volatile byte[] walked = new byte[1];
    /** "site TAB class TAB method TAB line TAB via" -> walks that found it. */
    private static final ConcurrentHashMap<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private static final StackWalker WALKER = StackWalker.getInstance();

    private Callers() {}

    /** At start: the application's prefixes (binary names); none means every class is the application, no walk. */
    public static void install(int maxSites, List<String> applicationPrefixes) {
        application = applicationPrefixes.toArray(new String[0]);
        library = new byte[maxSites + 1];
        walked = new byte[maxSites + 1];
    }

    /** At transform time, before the site's code can run. */
    public static void markLibrary(int site) {
        byte[] flags = library;
        if (application.length > 0 && site < flags.length) {
            flags[site] = LIBRARY;
        }
    }

    /** At transform time: a site in a JDK collection, walked whether or not the application is named. */
    public static void markJdkClass(int site) {
        byte[] flags = library;
        if (site < flags.length) {
            flags[site] = JDK_CLASS;
        }
    }

    static boolean isLibrary(int site) {
        byte[] flags = library;
        return site < flags.length && flags[site] != 0;
    }

    /** Whether the site was walked fewer than {@link #FIRST_WALKS} times: its next walk is not held back. */
    static boolean isFresh(int site) {
        byte[] walks = walked;
        return site < walks.length && walks[site] < FIRST_WALKS;
    }

    /** When a thread whose walk ran from {@code start} to {@code end} may walk again. */
    static long nextWalk(long start, long end) {
        return end + Math.max(MIN_WALK_GAP_NANOS, (end - start) * WALK_TIME_RATIO);
    }

    /** Walks this thread's stack to the first application frame and counts it for {@code site}. */
    static void record(int site) {
        if (isFresh(site)) {
            walked[site]++;
        }
        String caller = WALKER.walk(new FirstApplicationFrame(application, library[site] == JDK_CLASS));
        if (caller == null) {
            return; // a library thread with no application code on its stack: the site stays where it is
        }
        String key = site + "\t" + caller;
        AtomicLong count = COUNTS.get(key);
        if (count == null) {
            AtomicLong fresh = new AtomicLong();
            count = COUNTS.putIfAbsent(key, fresh);
            count = count == null ? fresh : count;
        }
        count.incrementAndGet();
    }

    /** One caller of a library site: the application frame, the library method it called, how many walks found it. */
    public record Caller(int site, String className, String methodName, int line, String via, long walks) {}

    /** Every caller found so far (read when a snapshot is written). */
    public static List<Caller> snapshot() {
        List<Caller> callers = new ArrayList<>();
        for (Map.Entry<String, AtomicLong> entry : COUNTS.entrySet()) {
            String[] parts = entry.getKey().split("\t", -1);
            callers.add(new Caller(Integer.parseInt(parts[0]), parts[1], parts[2], Integer.parseInt(parts[3]),
                    parts[4], entry.getValue().get()));
        }
        return callers;
    }

    /**
     * "class TAB method TAB line TAB via" of the first application frame, {@code via} the frame it called (the
     * library's entry point), or null; at a JDK collection's site ({@code jdkSite}) with no application frame, the
     * first frame outside the collection instead. A named class, not a lambda: the probes' package has no bootstrap
     * methods.
     */
    private static final class FirstApplicationFrame implements Function<Stream<StackWalker.StackFrame>, String> {
        private final String[] prefixes;
        private final boolean jdkSite;

        FirstApplicationFrame(String[] prefixes, boolean jdkSite) {
            this.prefixes = prefixes;
            this.jdkSite = jdkSite;
        }

        @Override
        public String apply(Stream<StackWalker.StackFrame> frames) {
            String via = "";
            String collectionCaller = null;
            for (java.util.Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
                StackWalker.StackFrame frame = it.next();
                String className = frame.getClassName();
                if (className.startsWith(PROBES_PACKAGE)) {
                    continue;
                }
                String found = className + "\t" + frame.getMethodName() + "\t" + frame.getLineNumber() + "\t" + via;
                if (isApplication(className)) {
                    return found;
                }
                if (jdkSite && collectionCaller == null && !startsWithAny(className, COLLECTIONS)) {
                    collectionCaller = found;
                }
                via = className + "." + frame.getMethodName();
            }
            return collectionCaller;
        }

        private boolean isApplication(String className) {
            return startsWithAny(className, prefixes);
        }
    }

    private static boolean startsWithAny(String className, String[] prefixes) {
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
