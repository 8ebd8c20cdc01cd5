package io.costlevel.workloads;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The requests in flight, in one {@code Collections.synchronizedSet} shared by the threads, as a service keeps them
 * for a health or shutdown check: each request adds its id as it starts and removes it as it ends. The calls name
 * {@code Set}, which the agent does not probe at the call; the wrapper's own {@code synchronized (mutex)} blocks are
 * counted inside the JDK, and the monitor's line moves between the cores on every call. Both calls on one line, so
 * that the line holds the op's whole cost (a service would add and remove around its handling, a line each).
 */
final class InFlightRequests implements Workloads.Operation {
    private static final Set<Long> IN_FLIGHT = Collections.synchronizedSet(new HashSet<>());
    /** This thread's request ids: its own high bits, so no two threads ever add the same id. */
    private final long base = Thread.currentThread().getId() << 40;
    private long next;

    @Override
    public long op() {
        Long id = base | (next++ & 0xffffffffL);
        return IN_FLIGHT.add(id) & IN_FLIGHT.remove(id) ? 1 : 0;
    }
}
