package io.costlevel.samples;

/**
 * Sample 12: threads take turns by polling an atomic, without {@link Thread#onSpinWait()}: the spinning
 * ticket lock (sample 07) as it is often written, a bare {@code while (turn.get() != mine) {}}.
 *
 * <p>What it shows: the catastrophe of the hierarchy needs no spin-wait hint to happen. The agent counts
 * {@code onSpinWait} calls; here there are none, and the plain {@code get()} the waiters poll is not an
 * operation it counts. What gives the spin away is CPU time: the polling line burns far more CPU per op of
 * its method than the two atomics the method counts could explain, while more threads than cores use it.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, two uncontended atomics (the poll succeeds at once).</li>
 *   <li>threads = cores: L2, the turn's cache line moves from the releasing core to the polling one, a few
 *       hundred ns per op (the owner always runs).</li>
 *   <li>4x cores: L5, milliseconds per op: the waiters burn whole time slices while the thread whose turn it
 *       is waits for a core.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar polling-ticket --threads 8 --seconds 3}
 * (bounded by time: waiters give up when the run stops, uncounted).
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --seconds 1}, load average 34-46 from other
 * jobs): 109.6 ns/op at 1 thread, 2,655 at 2 threads, 578 ms at 8 threads.
 */
public final class S12_PollingTicketLockCounter extends AtomicTicketLockCounter {
    @Override
    public void increment() {
        long myTicket = nextTicket.getAndIncrement();
        while (nowServing.get() != myTicket) {
            stop.giveUpIfRaised();
        }
        count++;
        nowServing.incrementAndGet();
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.POLLING_TICKET, args);
    }
}
