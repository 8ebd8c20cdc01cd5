package io.costlevel.benchmarks.overhead;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link AgentOverhead} with the agent counting its call sites (JFR and async-profiler off: this measures the
 * instrumentation; docs/overhead.md has the capture's own cost). Run from the repository root.
 */
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/costlevel-agent.jar="
        + "instrument=io.costlevel.benchmarks.overhead.AgentOverhead,jfr=false,profiler=false,"
        + "out=benchmarks/target/overhead-agent-out")
public class Instrumented extends AgentOverhead {}
