package io.costlevel.workloads;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry of listeners in a {@code CopyOnWriteArrayList} shared by the threads (16 registered for good), to which
 * each request adds one of its own and removes it when done, through {@code List}: both calls copy the array under
 * the list's one lock, whose line, like the array reference's, moves between the cores on every call. Both calls on one
 * line, so that the line holds the op's whole cost.
 */
final class RequestListeners implements Workloads.Operation {
    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();

    static {
        for (int i = 0; i < 16; i++) {
            LISTENERS.add(() -> { });
        }
    }

    private final Runnable mine = () -> { };

    @Override
    public long op() {
        return LISTENERS.add(mine) & LISTENERS.remove(mine) ? 1 : 0;
    }
}
