package io.costlevel.benchmarks.overhead;

import org.openjdk.jmh.annotations.Fork;

/** {@link AgentOverhead} without the agent: the baseline. */
@Fork(1)
public class Plain extends AgentOverhead {}
