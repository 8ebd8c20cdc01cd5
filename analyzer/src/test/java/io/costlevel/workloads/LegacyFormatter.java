package io.costlevel.workloads;

/**
 * Legacy code's formatting: a {@code StringBuffer} made, filled and read within one call, as code written before
 * {@code StringBuilder} does. Its object never leaves the method, so no other thread can lock it, and C2 removes its
 * locks: plain code, however many synchronized calls the source shows.
 */
final class LegacyFormatter implements Workloads.Operation {
    private long id;

    @Override
    public long op() {
        StringBuffer line = new StringBuffer(32);
        line.append("order-").append(++id).append(':').append("EUR");
        return line.toString().length();
    }
}
