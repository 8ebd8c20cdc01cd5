package io.costlevel.samples;

/**
 * Sample 08: the ticket lock of sample 07 made cooperative: a waiter spins a bounded number of
 * times, then yields its core on every further check (the seed's fix for oversubscription).
 *
 * <p>What it shows: bounding the spin turns the L5 catastrophe back into an ordinary cost. While
 * threads fit on the cores, the short spin catches most turns as cheaply as sample 07. When they do
 * not, the waiter stops burning its slice after {@value #SPINS_BEFORE_YIELDING} spins and lets the
 * scheduler run someone else, eventually the thread holding the next ticket.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, never waits.</li>
 *   <li>threads = cores: L2/L3, mostly caught by the spin, some turns yield.</li>
 *   <li>4x cores: L4, the yields become context switches: tens of us per op, but not ms.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar cooperative-ticket --threads 8}
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code cooperative-ticket}: 9.84 ns/op at 1 thread, 140.9 at 2 threads, 19194.7 at 8 threads.
 */
public final class S08_CooperativeSpinningTicketLockCounter extends AtomicTicketLockCounter {
    /** Long enough to cover a turn handed over between running threads (a few hundred ns). */
    static final int SPINS_BEFORE_YIELDING = 64;

    @Override
    public void increment() {
        long myTicket = nextTicket.getAndIncrement();
        int spins = 0;
        while (nowServing.get() != myTicket) {
            stop.giveUpIfRaised();
            if (spins < SPINS_BEFORE_YIELDING) {
                spins++;
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        count++;
        nowServing.incrementAndGet();
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.COOPERATIVE_TICKET, args);
    }
}
