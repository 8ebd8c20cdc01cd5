package io.costlevel.samples;

/**
 * The flag a ticket lock's waiting loop reads on every turn. Raised once, never lowered: after it
 * is raised a ticket may be abandoned, so the lock can no longer serve later tickets.
 */
final class StopFlag {
    private volatile boolean raised;

    void raise() {
        raised = true;
    }

    boolean isRaised() {
        return raised;
    }

    /** Called by a waiter before each wait: gives up the op, uncounted, once the run is stopped. */
    void giveUpIfRaised() {
        if (raised) {
            throw new CounterStoppedException();
        }
    }
}
