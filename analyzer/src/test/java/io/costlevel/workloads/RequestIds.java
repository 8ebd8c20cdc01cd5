package io.costlevel.workloads;

import java.util.UUID;

/**
 * A random request id per op, {@code UUID.randomUUID()}, as services tag requests: the JDK draws it from one shared
 * {@code SecureRandom} (NativePRNG on Linux), whose {@code synchronized} methods mix each draw under a monitor the
 * threads queue for. The agent counts the call as one operation on the state it moves, the {@code UUID} class (the
 * generator is the JVM's one); before it did (2026-12-06) the line read "L0, no synchronization counted".
 */
final class RequestIds implements Workloads.Operation {
    @Override
    public long op() {
        return UUID.randomUUID().getLeastSignificantBits();
    }
}
