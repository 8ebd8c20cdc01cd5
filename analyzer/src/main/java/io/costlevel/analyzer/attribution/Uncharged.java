package io.costlevel.analyzer.attribution;

/** Why a stack was charged to no application line; what a reader needs to tell a blind report from a quiet one. */
public enum Uncharged {
    /** It was: the stack has an application frame. */
    NOT,
    /** No Java frame at all: the JVM's own threads (compiler, GC), never application work. */
    NO_JAVA,
    /**
     * The walk stopped before the thread's first frame: the outermost frame is a profiler marker such as
     * {@code [break_interpreted]} or {@code [truncated]}, so the application frame may be among those lost.
     */
    CUT,
    /** Whole Java frames, none of them application code: JDK or library threads, or an include that matches nothing. */
    NO_APPLICATION_FRAME,
    /**
     * The innermost Java frame is the agent's probe: the agent's own cost, never the application's, counted apart
     * (it has a site when an application frame is below it, and still is not charged to it).
     */
    PROBE
}
