package io.costlevel.samples;

/**
 * Sample 01: a mutex built into the language, {@code synchronized} around a plain {@code ++}
 * (the seed's MutexCounter).
 *
 * <p>What it shows: a lock is an atomic operation when nobody else wants it, and true sharing once
 * somebody does. HotSpot takes an uncontended monitor with one CAS on the object header (thin
 * lock); once a second thread contends, the lock word and the guarded count move between cores on
 * every op, and with more threads than cores the monitor inflates and waiters park in the OS.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L1, one uncontended CAS to enter plus one to leave.</li>
 *   <li>threads = cores: L2, the lock's cache line bounces between the cores that take turns.</li>
 *   <li>4x cores: L2, sometimes L3/L4 for a single op: inflated monitors spin a little and then
 *       park, so the average stays a few hundred ns while a few ops pay a context switch.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar synchronized --threads 2 --seconds 2}
 * (or this class's {@code main} with the same options).
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code synchronized}: 11.0 ns/op at 1 thread, 53.1 at 2 threads, 473.0 at 8 threads.
 */
public final class S01_SynchronizedCounter implements Counter {
    private final Object lock = new Object();
    private long count;

    @Override
    public void increment() {
        synchronized (lock) {
            count++;
        }
    }

    @Override
    public long value() {
        synchronized (lock) {
            return count;
        }
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.SYNCHRONIZED, args);
    }
}
