package io.costlevel.analyzer;

import io.costlevel.analyzer.attribution.SiteTable;
import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.attribution.Uncharged;
import io.costlevel.analyzer.input.NotInstrumented;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What part of the run the report can speak for, in words for {@code blindSpots} (issue 13): the classes the agent
 * left out, with their share of the CPU samples (their silence is no evidence), and, when most of the application
 * threads' CPU samples are charged to no application line, that share and its likely cause, which is also said on
 * stderr since such a report looks empty or thin rather than wrong.
 */
final class Coverage {
    /** Past this share of uncharged samples the report is mostly blind, and says so. */
    static final double MOSTLY = 0.5;
    /** Classes named one by one; the rest are counted. */
    private static final int MAX_NAMED = 5;

    private final List<String> blindSpots = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param include the include the stacks were judged by (agent option or --include), "" for the default rule
     */
    Coverage(SiteTable table, Collection<NotInstrumented> notInstrumented, boolean anyRecording, String include) {
        List<SiteTally> tallies = table.all();
        long charged = tallies.stream().mapToLong(SiteTally::cpuSamples).sum();
        long cut = table.unchargedCpuSamples(Uncharged.CUT);
        long noApplication = table.unchargedCpuSamples(Uncharged.NO_APPLICATION_FRAME);
        long javaSamples = charged + cut + noApplication;
        leftOut(tallies, notInstrumented, charged);
        if (javaSamples == 0 && anyRecording && !tallies.isEmpty()) {
            return; // no CPU sample, but waits or counters to report: a quiet run, not a blind report
        }
        if (anyRecording) {
            mostlyUncharged(charged, cut, noApplication, javaSamples, include);
        }
    }

    List<String> blindSpots() {
        return blindSpots;
    }

    /** One line each for stderr: the report is mostly blind. */
    List<String> warnings() {
        return warnings;
    }

    private void leftOut(List<SiteTally> tallies, Collection<NotInstrumented> classes, long charged) {
        Map<String, NotInstrumented> byName = new LinkedHashMap<>();
        classes.forEach(c -> byName.putIfAbsent(c.className(), c));
        Map<String, Long> samples = new LinkedHashMap<>();
        for (SiteTally t : tallies) {
            if (byName.containsKey(t.site().className())) {
                samples.merge(t.site().className(), t.cpuSamples(), Long::sum);
            }
        }
        List<NotInstrumented> ordered = new ArrayList<>(byName.values());
        ordered.sort((a, b) -> Long.compare(samples.getOrDefault(b.className(), 0L), samples.getOrDefault(a.className(), 0L)));
        for (NotInstrumented c : ordered.subList(0, Math.min(MAX_NAMED, ordered.size()))) {
            long s = samples.getOrDefault(c.className(), 0L);
            blindSpots.add(c.className() + " was not instrumented: " + c.why() + ". Its atomics, locks and waits are not"
                    + " counted; " + share(s, charged) + " of the CPU samples charged to application lines (" + s
                    + ") are in it, shown as plain CPU with low confidence. To count it, attach when no thread is inside"
                    + " it, or start the JVM with -javaagent.");
        }
        if (ordered.size() > MAX_NAMED) {
            long rest = ordered.subList(MAX_NAMED, ordered.size()).stream()
                    .mapToLong(c -> samples.getOrDefault(c.className(), 0L)).sum();
            blindSpots.add((ordered.size() - MAX_NAMED) + " more classes were not instrumented (the agent data lists them"
                    + " under agent.notInstrumented); " + share(rest, charged) + " of the charged CPU samples are in them.");
        }
    }

    private void mostlyUncharged(long charged, long cut, long noApplication, long javaSamples, String include) {
        if (javaSamples == 0 && charged == 0) {
            add("The recording holds no CPU sample of a Java thread, so hot code is not seen at all: the run was too"
                    + " short for the sampler, or the profiler could not sample (see the agent's stderr).");
            return;
        }
        long uncharged = cut + noApplication;
        if (uncharged <= MOSTLY * javaSamples) {
            return;
        }
        String cause;
        if (cut >= noApplication) {
            cause = "most of them are stacks the profiler could not walk to the thread's first frame ("
                    + share(cut, javaSamples) + " end in a marker such as [break_interpreted]), so the application frame"
                    + " was lost";
        } else if (charged == 0) {
            cause = include.isBlank() ? "no frame on any stack is application code by the default rule; name the"
                    + " application's packages with --include"
                    : "the include (" + include + ") matches no class on these stacks; check its spelling, or give"
                    + " --include";
        } else {
            cause = "those threads ran only JDK or library code (outside " + (include.isBlank() ? "the application" : include)
                    + "), which the report charges to no line";
        }
        add(share(uncharged, javaSamples) + " of the Java threads' CPU samples (" + uncharged + " of " + javaSamples
                + ") are charged to no application line: " + cause + ".");
    }

    private void add(String line) {
        blindSpots.add(line);
        warnings.add(line);
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
