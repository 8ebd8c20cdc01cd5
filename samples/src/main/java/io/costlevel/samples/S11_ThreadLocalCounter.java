package io.costlevel.samples;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sample 11: no sharing at all. Each thread counts in a plain field of its own padded slot, and
 * {@code value()} sums the slots (the seed's GoroutineLocalCounter).
 *
 * <p>What it shows: the top of the hierarchy. The hot path is an ordinary load, add and store on a
 * line no other core writes: no atomic, no fence, nothing for another core to wait on. The cost
 * moves off the hot path: a worker looks up its slot once ({@link #forCurrentThread()}), and
 * {@code value()} is only exact once the counting threads have finished.
 *
 * <p>Expected tier:
 * <ul>
 *   <li>1 thread: L0, a plain increment.</li>
 *   <li>threads = cores: L0, the slots are padded, so no false sharing either.</li>
 *   <li>4x cores: L0, threads time-share the cores but never wait for each other.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar samples/target/costlevel-samples.jar thread-local --threads 8}
 *
 * <p>Printed on this machine (2 cores, OpenJDK 17.0.15, {@code --ladder --seconds 1}, load average 2):
 * {@code thread-local}: 0.53 ns/op at 1 thread, 0.48 at 2 threads, 1.88 at 8 threads.
 */
public final class S11_ThreadLocalCounter implements Counter {
    private final Queue<Slot> slots = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Slot> slotOfThisThread = ThreadLocal.withInitial(this::newSlot);

    /** Works from any thread, but pays a thread-local lookup per op; workers use their slot. */
    @Override
    public void increment() {
        slotOfThisThread.get().increment();
    }

    @Override
    public long value() {
        long sum = 0;
        for (Slot slot : slots) {
            sum += slot.value();
        }
        return sum;
    }

    @Override
    public Counter forCurrentThread() {
        return slotOfThisThread.get();
    }

    private Slot newSlot() {
        Slot slot = new Slot();
        slots.add(slot);
        return slot;
    }

    /** Padding before the count. Fields of one class may be reordered; a superclass's come first. */
    @SuppressWarnings("unused")
    private static class PaddingBefore {
        long p01, p02, p03, p04, p05, p06, p07, p08;
    }

    private static class CountField extends PaddingBefore {
        long count;
    }

    /** One thread's count, a cache line of padding on each side, so no neighbour shares its line. */
    @SuppressWarnings("unused")
    private static final class Slot extends CountField implements Counter {
        long q01, q02, q03, q04, q05, q06, q07, q08;

        @Override
        public void increment() {
            count++;
        }

        @Override
        public long value() {
            return count;
        }
    }

    public static void main(String[] args) {
        SampleRunner.runAndExit(Sample.THREAD_LOCAL, args);
    }
}
