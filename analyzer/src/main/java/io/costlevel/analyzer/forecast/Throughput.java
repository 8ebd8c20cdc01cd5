package io.costlevel.analyzer.forecast;

/** One measured throughput: X ops per second with N threads. */
public record Throughput(int threads, double opsPerSecond) {
}
