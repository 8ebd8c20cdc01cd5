package io.costlevel.samples;

/**
 * Thrown by {@link Counter#increment()} when the run was stopped while the caller waited for its
 * turn: the op did not happen and must not be counted as done.
 */
public final class CounterStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CounterStoppedException() {
        // No stack trace: it ends a waiting loop, once per thread, and says nothing a trace would add.
        super("the run was stopped while waiting for a turn", null, false, false);
    }
}
