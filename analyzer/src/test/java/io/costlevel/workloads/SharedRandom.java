package io.costlevel.workloads;

import java.util.Random;

/** One java.util.Random for all threads: every draw CASes the shared seed. */
final class SharedRandom implements Workloads.Operation {
    static final Random RANDOM = new Random(42);

    @Override
    public long op() {
        return RANDOM.nextInt(1000);
    }
}
