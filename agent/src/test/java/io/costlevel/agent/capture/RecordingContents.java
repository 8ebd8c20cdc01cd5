package io.costlevel.agent.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/** What a recording holds, read once with the JDK's own parser: events per type, and per type how many stacks hold each method. */
final class RecordingContents {
    private final Map<String, Integer> counts = new HashMap<>();
    /** event type -> "package.Class.method" -> events whose stack holds that method */
    private final Map<String, Map<String, Integer>> methodsOnStacks = new HashMap<>();

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
        Map<String, Integer> methods = methodsOnStacks.computeIfAbsent(type, t -> new HashMap<>());
        stack.getFrames().stream()
                .map(RecordedFrame::getMethod)
                .filter(m -> m != null && m.getType() != null)
                .map(m -> m.getType().getName() + "." + m.getName())
                .distinct()
                .forEach(m -> methods.merge(m, 1, Integer::sum));
    }

    int count(String eventType) {
        return counts.getOrDefault(eventType, 0);
    }

    /**
     * Events of this type whose stack holds a method whose "package.Class.method" name starts with
     * {@code prefix} (a class name matches its methods and nested classes); the most frequent such method's count.
     */
    int withFrameOf(String eventType, String prefix) {
        return methodsOnStacks.getOrDefault(eventType, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(Map.Entry::getValue).max().orElse(0);
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
