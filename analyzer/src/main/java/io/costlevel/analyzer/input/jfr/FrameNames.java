package io.costlevel.analyzer.input.jfr;

import io.costlevel.analyzer.attribution.Stack;
import io.costlevel.analyzer.attribution.StackAttributor.Frame;
import one.jfr.ClassRef;
import one.jfr.Dictionary;
import one.jfr.JfrReader;
import one.jfr.MethodRef;
import one.jfr.StackTrace;

import java.nio.charset.StandardCharsets;

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
    private final Dictionary<MethodName> methodNames = new Dictionary<>();
    /** One String per class, decoded once and shared by the class's methods (its hash, too, is computed once). */
    private final Dictionary<String> classNames = new Dictionary<>();

    FrameNames(JfrReader reader) {
        this.reader = reader;
    }

    /** The stack, its names resolved as the attributor asks for them; frames outside Java get an empty class name. */
    Stack stack(StackTrace trace) {
        return new Stack() {
            @Override
            public int depth() {
                return trace.methods.length;
            }

            @Override
            public String className(int i) {
                // C++ and kernel frames are never Java: their names are not even decoded unless in a chain.
                return neverJava(trace.types[i]) ? NATIVE : classOf(trace.types[i], nameOf(trace.methods[i]));
            }

            @Override
            public Frame frame(int i) {
                MethodName name = nameOf(trace.methods[i]);
                return new Frame(classOf(trace.types[i], name), name.methodName, trace.locations[i] >>> 16);
            }
        };
    }

    private static boolean neverJava(byte frameType) {
        return frameType == CPP_FRAME_TYPE || frameType == KERNEL_FRAME_TYPE;
    }

    /** The frame's class, or empty outside Java: C++ and kernel frames, and native frames named after a C library. */
    private static String classOf(byte frameType, MethodName name) {
        return neverJava(frameType) || frameType == NATIVE_FRAME_TYPE && name.library ? NATIVE : name.className;
    }

    private static boolean isLibrary(String className) {
        return className.endsWith(".so") || className.contains(".so.") || className.endsWith(".dylib") || className.endsWith(".dll");
    }

    /** A method's names, decoded once per chunk; {@code library}: a native frame named after its C library. */
    private static final class MethodName {
        final String className;
        final String methodName;
        final boolean library;

        MethodName(String className, String methodName) {
            this.className = className;
            this.methodName = methodName;
            this.library = isLibrary(className);
        }
    }

    private MethodName nameOf(long methodId) {
        MethodName name = methodNames.get(methodId);
        if (name == null) {
            name = decode(methodId);
            methodNames.put(methodId, name);
        }
        return name;
    }

    private MethodName decode(long methodId) {
        MethodRef method = reader.methods.get(methodId);
        if (method == null) {
            return new MethodName(NATIVE, "unknown");
        }
        return new MethodName(className(method.cls), symbol(method.name));
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
