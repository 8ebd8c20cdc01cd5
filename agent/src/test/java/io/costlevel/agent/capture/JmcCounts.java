package io.costlevel.agent.capture;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Events per type as JDK Mission Control's own parser (org.openjdk.jmc:flightrecorder) reads a recording: what a
 * user opening it in JMC sees. Where two recorders describe one type differently (the JDK's and async-profiler's
 * chunks of a merged file), JMC keeps both under the name and a random suffix; they are counted together here.
 */
final class JmcCounts {
    private static final Pattern TYPE_SUFFIX = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    /** Held so that the level set on it stays: JUL keeps loggers weakly. */
    private static final Logger JMC_LOG = Logger.getLogger("org.openjdk.jmc");

    private JmcCounts() {}

    static Map<String, Long> of(Path recording) throws Exception {
        JMC_LOG.setLevel(Level.SEVERE); // it warns of each of those doubly described types
        IItemCollection items = JfrLoaderToolkit.loadEvents(recording.toFile());
        Map<String, Long> counts = new HashMap<>();
        for (IItemIterable ofOneType : items) {
            String type = TYPE_SUFFIX.matcher(ofOneType.getType().getIdentifier()).replaceFirst("");
            counts.merge(type, ofOneType.getItemCount(), Long::sum);
        }
        return counts;
    }
}
