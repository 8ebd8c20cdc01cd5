package io.costlevel.workloads;

import org.HdrHistogram.ConcurrentHistogram;

/** HdrHistogram's ConcurrentHistogram shared by the threads: a writer-reader phaser and counts updated atomically. */
final class SharedHistogram implements Workloads.Operation {
    static final ConcurrentHistogram HISTOGRAM = new ConcurrentHistogram(3);
    private long value;

    @Override
    public long op() {
        HISTOGRAM.recordValue(++value & 1023);
        return value;
    }
}
