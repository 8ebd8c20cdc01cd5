package io.costlevel.samples;

/** Placeholder. */
public final class SampleRunner {
    private SampleRunner() {}

    public static void main(String[] args) {}
}
