package io.costlevel.samples;

/**
 * Sample 07: a fair ticket lock whose waiters spin with {@link Thread#onSpinWait()} and never give
 * up their core (the seed's SpinningTicketLockCounter): the catastrophe of the hierarchy.
 *
 * <p>What it shows: spinning is the fastest wait while every thread has a core, and a disaster as
 * soon as threads outnumber cores. Then the thread holding the next ticket is often descheduled,
 * and the spinners, which cannot proceed before it, burn whole scheduler time slices (ms) waiting
 * for it. The tickets make it worse than a plain spin lock: only one specific thread can move on.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, three uncontended atomics.</li>
 *   <li>threads = cores: L2, the turn's cache line moves from the releasing core to the spinning
 *       one, a few hundred ns per op.</li>
 *   <li>4x cores: L5, milliseconds per op (50 ms in the project's JMH reference): progress waits
 *       for the scheduler to run the right thread, while the wrong ones spin through their slices.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar spinning-ticket --threads 8 --seconds 3}
 * (bounded by time: waiters give up when the run stops, uncounted).
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code spinning-ticket}: 10.1 ns/op at 1 thread, 98.2 at 2 threads. At 8 threads that ladder printed
 * 90 us, an average swamped by the start burst (see {@code AllContending}; other runs printed 1.7 to
 * 35 ms). Measured from the moment all threads take part: 308 ms at load average 10 (JMH: 257 ms).
 */
public final class S07_SpinningTicketLockCounter extends AtomicTicketLockCounter {
    @Override
    public void increment() {
        long myTicket = nextTicket.getAndIncrement();
        while (nowServing.get() != myTicket) {
            stop.giveUpIfRaised();
            Thread.onSpinWait();
        }
        count++;
        nowServing.incrementAndGet();
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.SPINNING_TICKET, args);
    }
}
