package io.costlevel.analyzer.attribution;

/**
 * A set of longs without boxing (open addressing, linear probing): one per site for the threads seen
 * there, updated on every event, so a HashSet&lt;Long&gt; would allocate on the hottest path.
 */
final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots = newSlots(8);
    private int size;
    private boolean hasEmptyValue;
    /**
     * The value added last: JFR writes each thread's events from that thread's own buffer, so a recording holds
     * runs of one thread's events and most adds repeat the one before.
     */
    private long last = EMPTY;

    private static long[] newSlots(int n) {
        long[] s = new long[n];
        java.util.Arrays.fill(s, EMPTY);
        return s;
    }

    void add(long value) {
        if (value == EMPTY) {
            if (!hasEmptyValue) {
                hasEmptyValue = true;
                size++;
            }
            return;
        }
        if (value == last) {
            return;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                last = value;
                return;
            }
            if (slot == EMPTY) {
                slots[i] = value;
                last = value;
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

    boolean contains(long value) {
        if (value == EMPTY) {
            return hasEmptyValue;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
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
        long[] old = slots;
        slots = newSlots(old.length * 2);
        size = hasEmptyValue ? 1 : 0;
        last = EMPTY; // else the value that made the set grow would be taken for present and dropped
        for (long v : old) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
