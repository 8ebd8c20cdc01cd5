package io.costlevel.samples;

/**
 * Sample 05: a fair ticket lock whose waiters call {@link Thread#yield()} until their number is
 * served (the seed's YieldingTicketLockCounter, {@code runtime.Gosched()} in Go).
 *
 * <p>What it shows: a wait that goes through the kernel. Each thread draws a ticket and loops until
 * {@code nowServing} reaches it; every turn of that loop is a {@code sched_yield} system call. The
 * lock is strictly first-come first-served, so one slow thread holds everybody up.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, the ticket is always served at once, three uncontended atomics.</li>
 *   <li>threads = cores: L3, waiters make {@code sched_yield} calls that return at once (nothing
 *       else wants the core), hundreds of ns per op.</li>
 *   <li>4x cores: L4, a yield now does hand the core to another thread, usually not the one
 *       holding the next ticket: context switches until the right one runs, tens of us per op.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar yielding-ticket --threads 8}
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code yielding-ticket}: 10.1 ns/op at 1 thread, 501.1 at 2 threads, 8885.8 at 8 threads.
 */
public final class S05_YieldingTicketLockCounter extends AtomicTicketLockCounter {
    @Override
    public void increment() {
        long myTicket = nextTicket.getAndIncrement();
        while (nowServing.get() != myTicket) {
            stop.giveUpIfRaised();
            Thread.yield();
        }
        count++;
        nowServing.incrementAndGet();
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.YIELDING_TICKET, args);
    }
}
