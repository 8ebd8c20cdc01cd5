package io.costlevel.analyzer.attribution;

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

    @Override
    public String toString() {
        return className + "." + methodName + ":" + line;
    }
}
