package io.costlevel.agent.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a recording holds, read once with the JDK's own parser: events per type, and per type how many
 * events had each stack (a stack kept as the set of its methods, so the few distinct stacks of a sample
 * are held however many events the recording has).
 */
final class RecordingContents {
    private final Map<String, Integer> counts = new HashMap<>();
    /** event type -> the "package.Class.method" names on one stack -> events with that stack */
    private final Map<String, Map<Set<String>, Integer>> stacks = new HashMap<>();

    static RecordingContents read(Path file) throws IOException {
        RecordingContents c = new RecordingContents();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                c.add(recording.readEvent());
            }
        }
        return c;
    }

    private void add(RecordedEvent e) {
        String type = e.getEventType().getName();
        counts.merge(type, 1, Integer::sum);
        RecordedStackTrace stack = e.getStackTrace();
        if (stack == null) {
            return;
        }
        Set<String> methods = stack.getFrames().stream()
                .map(RecordedFrame::getMethod)
                .filter(m -> m != null && m.getType() != null)
                .map(m -> m.getType().getName() + "." + m.getName())
                .collect(Collectors.toUnmodifiableSet());
        stacks.computeIfAbsent(type, t -> new HashMap<>()).merge(methods, 1, Integer::sum);
    }

    int count(String eventType) {
        return counts.getOrDefault(eventType, 0);
    }

    /**
     * Events of this type whose stack holds, for every one of {@code prefixes}, a method whose
     * "package.Class.method" name starts with it (a class name matches its methods and nested classes).
     */
    int withFramesOf(String eventType, String... prefixes) {
        return stacks.getOrDefault(eventType, Map.of()).entrySet().stream()
                .filter(stack -> Arrays.stream(prefixes).allMatch(p -> stack.getKey().stream().anyMatch(m -> m.startsWith(p))))
                .mapToInt(Map.Entry::getValue).sum();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
