package io.costlevel.workloads;

import java.util.concurrent.ThreadLocalRandom;

/** ThreadLocalRandom: the seed is a field of the current thread, no atomic, nothing shared. */
final class ThreadLocalRandomDraw implements Workloads.Operation {
    @Override
    public long op() {
        return ThreadLocalRandom.current().nextInt(1000);
    }
}
