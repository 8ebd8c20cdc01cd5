package io.costlevel.benchmarks.mixed;

import org.openjdk.jmh.annotations.Fork;

/** {@link MixedService} without the agent: the baseline. */
@Fork(1)
public class Plain extends MixedService {}
