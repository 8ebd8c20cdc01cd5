package io.costlevel.analyzer.report;

import io.costlevel.analyzer.attribution.SiteTally;
import io.costlevel.analyzer.classify.Assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The chain from a line to the mechanism where only the recording saw it: the JDK or library frames its blocking
 * events went through, most blocked time first, ending in the frame that blocked and what the events say of it
 * ({@code HttpService.handle:95 -> ...PlaceholderOutputStream.close -> ...FixedLengthOutputStream.close ->
 * sun.net.httpserver.ServerImpl.addEvent: 422 blocking events, 723.9 us each}: a monitor inside the JDK's HTTP server).
 * Only for a line whose time goes mostly to blocking ({@code SiteTime.mostlyBlocked}, the caller's test): a line that
 * runs, with a block now and then, is not explained by its blocks.
 */
final class RecordedChain {
    private RecordedChain() {}

    /** @return the chain, or null where no blocking event went through a frame */
    static List<String> of(SiteTally t) {
        Map<String, Long> byChain = t.blockedNanosByChain();
        Map.Entry<String, Long> most = byChain.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                // most blocked time; on a tie the first chain by name, so that a report reads the same every time
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.<String, Long>comparingByKey().reversed()))
                .orElse(null);
        if (most == null) {
            return null;
        }
        long events = t.blockingEventsByChain().getOrDefault(most.getKey(), 0L);
        if (events <= 0) {
            return null;
        }
        List<String> frames = new ArrayList<>(Arrays.asList(most.getKey().split(" -> ")));
        String blocked = frames.remove(frames.size() - 1);
        List<String> chain = new ArrayList<>();
        chain.add(t.site().toString());
        chain.addAll(frames);
        chain.add(String.format("%s: %d blocking event%s, %s each", blocked, events, events == 1 ? "" : "s",
                Assessment.duration(most.getValue() / (double) events)));
        return chain;
    }
}
