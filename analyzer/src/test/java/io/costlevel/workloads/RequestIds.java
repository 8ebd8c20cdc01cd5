package io.costlevel.workloads;

import java.util.UUID;

/**
 * A random request id per op, {@code UUID.randomUUID()}, as services tag requests: the JDK draws it from one shared
 * {@code SecureRandom} (NativePRNG on Linux), whose {@code synchronized} methods mix each draw under a monitor the
 * threads queue for. The agent does not count the call (JDK code, a static method whose lock is internal), so the
 * line's evidence is its CPU samples spinning in HotSpot's monitor slow path, and its blocking events.
 */
final class RequestIds implements Workloads.Operation {
    @Override
    public long op() {
        return UUID.randomUUID().getLeastSignificantBits();
    }
}
