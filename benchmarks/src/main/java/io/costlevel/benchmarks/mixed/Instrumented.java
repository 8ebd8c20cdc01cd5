package io.costlevel.benchmarks.mixed;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link MixedService} under the agent with its default instrumentation (libraries included), the benchmark's
 * package as the application; JFR and async-profiler off: this is the counters' cost (docs/overhead.md has the
 * capture's). Run from the repository root.
 */
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/costlevel-agent.jar="
        + "include=io.costlevel.benchmarks.,jfr=false,profiler=false,out=benchmarks/target/mixed-agent-out")
public class Instrumented extends MixedService {}
