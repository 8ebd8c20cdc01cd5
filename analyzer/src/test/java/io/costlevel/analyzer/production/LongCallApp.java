package io.costlevel.analyzer.production;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application of issue 13: threads that each stay inside one call for the whole run, incrementing an
 * AtomicLong, and every {@link #PROGRESS_MILLIS} a line {@code progress uptimeMillis=U inline=N inlineCpu=C ...} with
 * each thread's count so far and the CPU time it has had (ns), from which a test or a reader takes the rates before,
 * during and after an attach. Ops per CPU second is the figure that survives a shared machine: a thread that waits
 * for a core does fewer ops per second of the clock, but not per second of CPU, while a thread made to interpret
 * does fewer of both.
 * Thread {@code inline} increments in the loop itself (its class is on its stack throughout, so an attach must leave
 * it alone); thread {@code calls} loops here too but increments in {@link Step#next}, a short call into another
 * class, which an attach can instrument and give back. Ends by itself after {@code seconds}.
 *
 * <p>{@code java -cp analyzer/target/test-classes io.costlevel.analyzer.production.LongCallApp SECONDS inline [calls]}
 */
public final class LongCallApp {
    static final long PROGRESS_MILLIS = 100;

    private LongCallApp() {}

    public static void main(String[] args) throws InterruptedException {
        long seconds = Long.parseLong(args[0]);
        List<String> names = new ArrayList<>();
        List<AtomicLong> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            AtomicLong count = new AtomicLong();
            Runnable loop = args[i].equals("inline") ? () -> incrementInline(count) : () -> incrementByCalls(count);
            Thread thread = new Thread(loop, "long-call-" + args[i]);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
            names.add(args[i]);
            counts.add(count);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.sleep(PROGRESS_MILLIS);
            StringBuilder line = new StringBuilder("progress uptimeMillis=").append(ManagementFactory.getRuntimeMXBean().getUptime());
            for (int i = 0; i < names.size(); i++) {
                line.append(' ').append(names.get(i)).append('=').append(counts.get(i).get())
                        .append(' ').append(names.get(i)).append("Cpu=").append(cpu.getThreadCpuTime(threads.get(i).getId()));
            }
            System.out.println(line);
        }
    }

    /** One call that never returns: the loop of a worker, consumer or event thread. */
    private static void incrementInline(AtomicLong count) {
        while (true) {
            count.incrementAndGet(); // the loop's line
        }
    }

    /**
     * A worker's loop: each item is one short call into {@link Step}, then some work of the loop's own (a few
     * dozen ns of arithmetic), as a loop that hands items to a handler and keeps its own books would. Stacks
     * taken at safepoints find the thread outside {@code Step} about as often as it spends time there; a loop
     * that did nothing but call it would always be found inside (the call's return is where it stops), which
     * the agent cannot tell from one long call (docs/production.md).
     */
    private static void incrementByCalls(AtomicLong count) {
        long books = 0;
        while (true) {
            books = keepBooks(books, Step.next(count));
            if (books == 42) {
                System.out.print(""); // never true in practice; keeps the arithmetic from being removed
            }
        }
    }

    private static long keepBooks(long books, long item) {
        long x = books ^ item;
        for (int i = 0; i < 32; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** The short call of the {@code calls} thread: no thread stays inside it, so it can be instrumented. */
    static final class Step {
        private Step() {}

        static long next(AtomicLong count) {
            return count.incrementAndGet();
        }
    }
}
