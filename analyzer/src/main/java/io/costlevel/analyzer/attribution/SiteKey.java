package io.costlevel.analyzer.attribution;

import java.util.Objects;

/** An application source location: where the agent's counters and the recordings' events meet. */
public record SiteKey(String className, String methodName, int line) implements Comparable<SiteKey> {

    @Override
    public int compareTo(SiteKey other) {
        int byClass = className.compareTo(other.className);
        if (byClass != 0) {
            return byClass;
        }
        int byMethod = methodName.compareTo(other.methodName);
        return byMethod != 0 ? byMethod : Integer.compare(line, other.line);
    }

    // Written out because a record's generated equals and hashCode are bound through invokedynamic on first use,
    // which costs the analyzer's start-up some 15 ms; this key is the first one hashed.
    @Override
    public boolean equals(Object o) {
        return o instanceof SiteKey other && line == other.line && Objects.equals(className, other.className)
                && Objects.equals(methodName, other.methodName);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(className) * 31 + Objects.hashCode(methodName)) * 31 + line;
    }

    @Override
    public String toString() {
        return className + "." + methodName + ":" + line;
    }
}
