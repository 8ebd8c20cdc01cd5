package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.attribution.StackAttributor.Frame;
import one.jfr.ClassRef;
import one.jfr.Dictionary;
import one.jfr.JfrReader;
import one.jfr.MethodRef;
import one.jfr.StackTrace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a recording's stack traces into named frames. Method names are decoded once per method
 * id: a recording has thousands of methods but millions of events.
 */
final class FrameNames {
    /** Class name of frames without a Java class (async-profiler's C, C++ and kernel frames): never application. */
    private static final String NATIVE = "";

    private final JfrReader reader;
    private final Dictionary<String[]> methodNames = new Dictionary<>();

    FrameNames(JfrReader reader) {
        this.reader = reader;
    }

    /** @return the frames, top first; frames outside Java get an empty class name so they never count as application */
    List<Frame> frames(StackTrace stack) {
        List<Frame> frames = new ArrayList<>(stack.methods.length);
        for (int i = 0; i < stack.methods.length; i++) {
            String[] name = nameOf(stack.methods[i]);
            frames.add(new Frame(name[0], name[1], stack.locations[i] >>> 16));
        }
        return frames;
    }

    private String[] nameOf(long methodId) {
        String[] name = methodNames.get(methodId);
        if (name == null) {
            name = decode(methodId);
            methodNames.put(methodId, name);
        }
        return name;
    }

    private String[] decode(long methodId) {
        MethodRef method = reader.methods.get(methodId);
        if (method == null) {
            return new String[] {NATIVE, "unknown"};
        }
        ClassRef cls = reader.classes.get(method.cls);
        String className = cls == null ? NATIVE : symbol(cls.name).replace('/', '.');
        return new String[] {className, symbol(method.name)};
    }

    private String symbol(long id) {
        byte[] bytes = reader.symbols.get(id);
        return bytes == null ? NATIVE : new String(bytes, StandardCharsets.UTF_8);
    }
}
