package io.costlevel.workloads;

import com.codahale.metrics.Meter;

/** A Dropwizard metrics Meter shared by the threads: its count and rates are striped LongAdders. */
final class SharedMeter implements Workloads.Operation {
    static final Meter METER = new Meter();

    @Override
    public long op() {
        METER.mark();
        return 1;
    }
}
