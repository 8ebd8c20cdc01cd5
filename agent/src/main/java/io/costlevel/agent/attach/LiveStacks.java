package io.costlevel.agent.attach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes with a method on some thread's stack at one moment, with those methods: one
 * {@link Thread#getAllStackTraces()} (a single safepoint, whole stacks). Classes are told by name: two classes of
 * one name in two loaders are both taken as running, the safe side.
 */
final class LiveStacks {
    private final Map<String, Set<String>> methodsByClass;

    private LiveStacks(Map<String, Set<String>> methodsByClass) {
        this.methodsByClass = methodsByClass;
    }

    static LiveStacks now() {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                methods.computeIfAbsent(frame.getClassName(), name -> new LinkedHashSet<>()).add(frame.getMethodName());
            }
        }
        return new LiveStacks(methods);
    }

    boolean running(Class<?> type) {
        return methodsByClass.containsKey(type.getName());
    }

    List<String> methods(Class<?> type) {
        return new ArrayList<>(methodsByClass.getOrDefault(type.getName(), Set.of()));
    }
}
