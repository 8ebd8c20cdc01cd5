package io.costlevel.analyzer;

/** Command-line entry point (placeholder until the analyzer issue lands). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {}
}
