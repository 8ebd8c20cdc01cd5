package io.costlevel.analyzer.accuracy.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A service-like mix, all at once, with more threads than cores (issue 12's acceptance workload): two threads
 * count requests on one AtomicLong, two update a total under one monitor, two merge into one hot key of a
 * ConcurrentHashMap, a producer feeds a consumer through a bounded queue. Each role's op is on a line marked
 * {@code // op:ROLE}, so the test finds it in this file.
 *
 * <p>It measures itself, with nothing but the JDK's thread accounting (run it without the agent for native
 * figures): per role, ops, the threads' CPU time ({@code ThreadMXBean.getCurrentThreadCpuTime}) and the time they
 * spent blocked on a monitor or waiting in a park ({@code ThreadInfo.getBlockedTime}, {@code getWaitedTime}, with
 * contention monitoring on), printed as {@code role=atomic threads=2 ops=.. cpuNanos=.. blockedNanos=..}.
 *
 * <p>Run: {@code java -cp analyzer/target/test-classes io.costlevel.analyzer.accuracy.workload.MixedService 2}
 * (seconds).
 */
public final class MixedService {
    static final AtomicLong requests = new AtomicLong();
    static final Object totalLock = new Object();
    static long total;
    static final ConcurrentHashMap<String, Long> perKey = new ConcurrentHashMap<>();
    static final ArrayBlockingQueue<Long> queue = new ArrayBlockingQueue<>(16);
    static final long POISON = -1;

    /** What one thread did: its role, ops, CPU time and blocked (monitor) plus waited (park, wait) time. */
    record Tally(String role, long ops, long cpuNanos, long blockedNanos) {
    }

    interface Op {
        /** @return false when the thread is done */
        boolean run(long i) throws InterruptedException;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        mx.setThreadContentionMonitoringEnabled(true);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Tally> tallies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            threads.add(worker("atomic", tallies, mx, i -> {
                requests.incrementAndGet(); // op:atomic
                return goesOn(i, deadline);
            }));
            threads.add(worker("monitor", tallies, mx, i -> {
                synchronized (totalLock) { total += i; } // op:monitor
                return goesOn(i, deadline);
            }));
            threads.add(worker("hotkey", tallies, mx, i -> {
                perKey.merge("hot", 1L, Long::sum); // op:hotkey
                return goesOn(i, deadline);
            }));
        }
        threads.add(worker("producer", tallies, mx, i -> {
            boolean more = System.nanoTime() < deadline;
            queue.put(more ? i : POISON); // op:producer
            return more;
        }));
        threads.add(worker("consumer", tallies, mx, i -> queue.take() != POISON)); // op:consumer
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        for (String role : List.of("atomic", "monitor", "hotkey", "producer", "consumer")) {
            long ops = 0, cpu = 0, blocked = 0;
            int n = 0;
            synchronized (tallies) {
                for (Tally t : tallies) {
                    if (t.role().equals(role)) {
                        ops += t.ops();
                        cpu += t.cpuNanos();
                        blocked += t.blockedNanos();
                        n++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "role=%s threads=%d ops=%d cpuNanos=%d blockedNanos=%d%n", role, n, ops, cpu, blocked);
        }
    }

    /**
     * Reads the clock once every 1024 ops: a clock read per op (~20 ns) would double the CPU time per op of the
     * cheap roles and move their native figure up a tier, measuring the harness instead of the op.
     */
    private static boolean goesOn(long i, long deadline) {
        return (i & 1023) != 1023 || System.nanoTime() < deadline;
    }

    private static Thread worker(String role, List<Tally> tallies, ThreadMXBean mx, Op op) {
        return new Thread(() -> {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long ops = 0;
            try {
                while (op.run(ops)) {
                    ops++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ThreadInfo info = mx.getThreadInfo(Thread.currentThread().getId());
            long blockedMillis = Math.max(0, info.getBlockedTime()) + Math.max(0, info.getWaitedTime());
            tallies.add(new Tally(role, ops, mx.getCurrentThreadCpuTime() - cpu0, blockedMillis * 1_000_000));
        }, role);
    }
}
