package io.costlevel.samples;

/**
 * Two threads passing a turn back and forth: a round trip is one {@link #ping} by the first thread, which
 * returns once the second has answered with {@link #pong}. Every round trip is two handoffs, each waking a
 * thread that waits: what such a wait costs depends on the thread's kind ({@link ThreadKind}).
 */
interface Handoff {
    /** Passes the turn to the other thread and waits until it comes back. */
    void ping() throws InterruptedException;

    /** Waits for the turn and passes it back; false once {@link #finish} was called instead. */
    boolean pong() throws InterruptedException;

    /** Ends the other thread's {@link #pong} loop. */
    void finish() throws InterruptedException;
}
