package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.attribution.StackAttributor.Frame;
import one.jfr.ClassRef;
import one.jfr.Dictionary;
import one.jfr.JfrReader;
import one.jfr.MethodRef;
import one.jfr.StackTrace;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;

/**
 * Resolves a recording's stack traces into named frames. Method names are decoded once per method
 * id: a recording has thousands of methods but millions of events.
 */
final class FrameNames {
    /** Class name of frames without a Java class (async-profiler's C, C++ and kernel frames): never application. */
    private static final String NATIVE = "";
    /**
     * async-profiler's frame types (FrameType in its jfr writer): 0 interpreted, 1 JIT-compiled,
     * 2 inlined, 3 native, 4 C++, 5 kernel, 6 C1-compiled. C++ and kernel frames are never Java. A
     * native frame is a Java native method (the JDK's Unsafe.park) or a C function, which async-profiler
     * names after its library.
     */
    private static final byte NATIVE_FRAME_TYPE = 3;
    private static final byte CPP_FRAME_TYPE = 4;
    private static final byte KERNEL_FRAME_TYPE = 5;

    private final JfrReader reader;
    private final Dictionary<String[]> methodNames = new Dictionary<>();
    /** One String per class, so that the methods of a class share it and lookups by it compare by identity. */
    private final Dictionary<String> classNames = new Dictionary<>();

    FrameNames(JfrReader reader) {
        this.reader = reader;
    }

    /**
     * @return the frames, top first, each resolved when first asked for (the attributor stops at the first application
     *     frame); frames outside Java get an empty class name so they never count as application
     */
    List<Frame> frames(StackTrace stack) {
        return new AbstractList<>() {
            private final Frame[] resolved = new Frame[stack.methods.length];

            @Override
            public Frame get(int i) {
                Frame frame = resolved[i];
                if (frame == null) {
                    frame = resolved[i] = frame(stack, i);
                }
                return frame;
            }

            @Override
            public int size() {
                return resolved.length;
            }
        };
    }

    private Frame frame(StackTrace stack, int i) {
        String[] name = nameOf(stack.methods[i]);
        byte type = stack.types[i];
        boolean outsideJava = type == CPP_FRAME_TYPE || type == KERNEL_FRAME_TYPE
                || type == NATIVE_FRAME_TYPE && isLibrary(name[0]);
        return new Frame(outsideJava ? NATIVE : name[0], name[1], stack.locations[i] >>> 16);
    }

    private static boolean isLibrary(String className) {
        return className.endsWith(".so") || className.contains(".so.") || className.endsWith(".dylib") || className.endsWith(".dll");
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
        return new String[] {className(method.cls), symbol(method.name)};
    }

    private String className(long classId) {
        String name = classNames.get(classId);
        if (name == null) {
            ClassRef cls = reader.classes.get(classId);
            name = cls == null ? NATIVE : symbol(cls.name).replace('/', '.');
            classNames.put(classId, name);
        }
        return name;
    }

    private String symbol(long id) {
        byte[] bytes = reader.symbols.get(id);
        return bytes == null ? NATIVE : new String(bytes, StandardCharsets.UTF_8);
    }
}
