package io.costlevel.analyzer.attribution;

/**
 * A set of longs without boxing (open addressing, linear probing), with how many times each was added: one per site
 * for the threads seen there and their samples or events, updated on every event, so a HashMap&lt;Long, Long&gt;
 * would allocate on the hottest path.
 */
final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots = newSlots(8);
    private long[] counts = new long[8];
    private int size;
    private long total;
    private boolean hasEmptyValue;
    private long emptyValueCount;
    /**
     * The slot of the value added last: JFR writes each thread's events from that thread's own buffer, so a recording
     * holds runs of one thread's events and most adds repeat the one before.
     */
    private int last = -1;

    private static long[] newSlots(int n) {
        long[] s = new long[n];
        java.util.Arrays.fill(s, EMPTY);
        return s;
    }

    void add(long value) {
        add(value, 1);
    }

    private void add(long value, long times) {
        total += times;
        if (value == EMPTY) {
            if (!hasEmptyValue) {
                hasEmptyValue = true;
                size++;
            }
            emptyValueCount += times;
            return;
        }
        if (last >= 0 && slots[last] == value) {
            counts[last] += times;
            return;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                counts[i] += times;
                last = i;
                return;
            }
            if (slot == EMPTY) {
                slots[i] = value;
                counts[i] = times;
                last = i;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return;
            }
        }
    }

    int size() {
        return size;
    }

    /** How many times values were added, repeats included. */
    long total() {
        return total;
    }

    boolean contains(long value) {
        return count(value) > 0;
    }

    /** How many times {@code value} was added; 0 if never. */
    long count(long value) {
        if (value == EMPTY) {
            return emptyValueCount;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                return counts[i];
            }
            if (slot == EMPTY) {
                return 0;
            }
        }
    }

    /** Whether the two sets hold a value in common. */
    boolean meets(LongSet other) {
        for (long v : toArray()) {
            if (other.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** The values, in no order. */
    long[] toArray() {
        long[] out = new long[size];
        int n = 0;
        if (hasEmptyValue) {
            out[n++] = EMPTY;
        }
        for (long v : slots) {
            if (v != EMPTY) {
                out[n++] = v;
            }
        }
        return out;
    }

    private void grow() {
        long[] oldSlots = slots;
        long[] oldCounts = counts;
        slots = newSlots(oldSlots.length * 2);
        counts = new long[slots.length];
        size = hasEmptyValue ? 1 : 0;
        total = emptyValueCount;
        last = -1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != EMPTY) {
                add(oldSlots[i], oldCounts[i]);
            }
        }
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
