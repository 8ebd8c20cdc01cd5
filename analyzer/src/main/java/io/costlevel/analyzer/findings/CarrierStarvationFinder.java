package io.costlevel.analyzer.findings;

import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.classify.Evidence;
import io.costlevel.analyzer.input.SchedulerLoad;
import io.costlevel.analyzer.report.CarrierStarvation;
import io.costlevel.analyzer.report.CarrierStarvation.CarrierHolder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Says whether virtual threads were starved of carriers, from the agent's samples of the scheduler, and points to
 * what held the carriers: the sites whose virtual threads blocked while pinned (jdk.VirtualThreadPinned) and the
 * lines where virtual threads ran on the CPU (the recording's samples under {@code VirtualThread.run}).
 *
 * <p>Starvation is a queue that stays: on average at least {@link #STARVED_WAITING_PER_CARRIER} virtual threads
 * queued per carrier over the run, and every carrier busy with threads queued for at least
 * {@link #MIN_SATURATED_NANOS}. A scheduler that keeps up queues a thread for microseconds between a wake-up and a
 * free carrier; measured on 2 cores (S17, docs/report.md): 8 CPU-bound threads on 2 carriers 1.4 queued per carrier,
 * the same on 8 carriers 0.08 (the OS then shares the 2 cores among the carriers, which queues a little too).
 */
public final class CarrierStarvationFinder {
    static final double STARVED_WAITING_PER_CARRIER = 0.25;
    static final long MIN_SATURATED_NANOS = 100_000_000L;
    /** A line running on virtual threads is named as a holder from this share of their CPU samples on. */
    static final double MIN_VIRTUAL_CPU_SHARE = 0.05;
    static final int MAX_HOLDERS = 5;

    private CarrierStarvationFinder() {}

    /** Null when the agent did not sample the scheduler or never saw a virtual thread queued. */
    public static CarrierStarvation find(SchedulerLoad load, Collection<SiteTally> tallies) {
        if (load == null || load.peakWaiting() == 0 || load.parallelism() <= 0 || load.sampledNanos() <= 0) {
            return null;
        }
        double carrierNanos = (double) load.parallelism() * load.sampledNanos();
        double waitingPerCarrier = load.mountWaitNanos() / carrierNanos;
        boolean starved = waitingPerCarrier >= STARVED_WAITING_PER_CARRIER && load.saturatedNanos() >= MIN_SATURATED_NANOS;
        List<CarrierHolder> holders = holders(tallies, carrierNanos);
        double saturatedShare = (double) load.saturatedNanos() / load.sampledNanos();
        return new CarrierStarvation(starved, load.parallelism(), load.peakCarriers(), seconds(load.sampledNanos()),
                seconds(load.mountWaitNanos()), Evidence.round(waitingPerCarrier), seconds(load.saturatedNanos()),
                Evidence.round(saturatedShare), Evidence.round(load.longestSaturatedNanos() / 1e6), load.peakWaiting(),
                holders, summary(starved, load, waitingPerCarrier, saturatedShare, holders));
    }

    private static List<CarrierHolder> holders(Collection<SiteTally> tallies, double carrierNanos) {
        long virtualSamples = tallies.stream().mapToLong(SiteTally::virtualCpuSamples).sum();
        List<CarrierHolder> holders = new ArrayList<>();
        for (SiteTally t : tallies) {
            if (t.pinnedEvents() > 0) {
                String by = t.pinningFrame() != null ? t.pinningFrame() : "a monitor held by a caller";
                String reason = t.pinnedReason() != null ? ", " + t.pinnedReason() : "";
                holders.add(holder(t, "pinned", t.pinnedNanos(), carrierNanos,
                        t.pinnedEvents() + " pinned blocks, pinned by " + by + reason));
            }
            double share = virtualSamples == 0 ? 0 : (double) t.virtualCpuSamples() / virtualSamples;
            if (share >= MIN_VIRTUAL_CPU_SHARE && t.cpuSamples() > 0) {
                double nanos = t.cpuNanos() * t.virtualCpuSamples() / t.cpuSamples();
                holders.add(holder(t, "cpu", nanos, carrierNanos, String.format(Locale.ROOT,
                        "%.0f%% of the CPU samples of virtual threads", 100 * share)));
            }
        }
        holders.sort(Comparator.comparingDouble(CarrierHolder::carrierSeconds).reversed()
                .thenComparing(CarrierHolder::className).thenComparingInt(CarrierHolder::line));
        return List.copyOf(holders.subList(0, Math.min(MAX_HOLDERS, holders.size())));
    }

    private static CarrierHolder holder(SiteTally t, String how, double nanos, double carrierNanos, String detail) {
        return new CarrierHolder(t.site().className(), t.site().methodName(), t.site().line(), how, seconds(nanos),
                Evidence.round(nanos / carrierNanos), detail);
    }

    private static String summary(boolean starved, SchedulerLoad load, double waitingPerCarrier, double saturatedShare,
                                  List<CarrierHolder> holders) {
        String figures = String.format(Locale.ROOT, "virtual threads waited %.3g s in all to mount (%.2f queued per "
                        + "carrier on average, up to %d at once); all %d carriers were busy with threads queued for "
                        + "%.3g s of %.3g s (%.0f%%), the longest stretch %.0f ms",
                seconds(load.mountWaitNanos()), waitingPerCarrier, load.peakWaiting(), load.parallelism(),
                seconds(load.saturatedNanos()), seconds(load.sampledNanos()), 100 * saturatedShare,
                load.longestSaturatedNanos() / 1e6);
        if (!starved) {
            return "No carrier starvation: " + figures + ".";
        }
        StringBuilder b = new StringBuilder("Carrier starvation (the virtual-thread form of L5): ").append(figures);
        if (holders.isEmpty()) {
            b.append(". No recording shows what held the carriers.");
        } else {
            b.append(". Held by ");
            for (int i = 0; i < holders.size(); i++) {
                CarrierHolder h = holders.get(i);
                b.append(i == 0 ? "" : "; ").append(simpleName(h.className())).append('.').append(h.methodName())
                        .append(':').append(h.line()).append(String.format(Locale.ROOT, " (%s, %.3g s)",
                                h.how(), h.carrierSeconds()));
            }
            b.append('.');
        }
        return b.toString();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static double seconds(double nanos) {
        return Evidence.round(nanos / 1e9);
    }
}
