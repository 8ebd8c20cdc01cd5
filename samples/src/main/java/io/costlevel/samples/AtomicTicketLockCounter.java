package io.costlevel.samples;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of the ticket locks built on two atomics (samples 05, 07 and 08): a thread draws the
 * next ticket, waits until {@code nowServing} reaches it, counts, and serves the next ticket. The
 * samples differ only in how they wait, so each writes its whole {@code increment()} itself: every
 * primitive call stays on a line of its own sample, where the agent can tell them apart.
 */
abstract class AtomicTicketLockCounter implements Counter {
    final AtomicLong nextTicket = new AtomicLong();
    final AtomicLong nowServing = new AtomicLong();
    /** Read by every turn of a waiting loop; a waiter that sees it raised gives up, uncounted. */
    final StopFlag stop = new StopFlag();
    /** Written only by the thread whose ticket is being served; the turn's atomics publish it. */
    long count;

    @Override
    public final long value() {
        // Reading the turn first makes every count written before it advanced visible here.
        nowServing.get();
        return count;
    }

    @Override
    public final void stop() {
        stop.raise();
    }
}
