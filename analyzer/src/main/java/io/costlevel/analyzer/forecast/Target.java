package io.costlevel.analyzer.forecast;

/**
 * What the forecast is for: the threads that run each site, on this many cores.
 *
 * @param threads N, the threads that run the site (the run's workers)
 * @param cores   M, the cores they share
 */
public record Target(int threads, int cores) {
    public boolean oversubscribed() {
        return threads > cores;
    }
}
