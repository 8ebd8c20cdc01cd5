package io.costlevel.analyzer.attribution;

import io.costlevel.analyzer.attribution.StackAttributor.Frame;

import java.util.List;

/**
 * A stack to attribute, top (innermost) frame first. The attributor reads the class of each frame from the top down
 * to the first application frame, and whole frames only for that one and those above it, so a recording's stack can
 * resolve names as they are asked for: most stacks of an async-profiler recording are deep, and many have no
 * application frame at all (JIT and GC threads).
 */
public interface Stack {
    int depth();

    /** The class of frame {@code i}, empty for a frame outside Java; one String object per class keeps lookups cheap. */
    String className(int i);

    Frame frame(int i);

    /** A stack of frames already resolved. */
    static Stack of(List<Frame> frames) {
        return new Stack() {
            @Override
            public int depth() {
                return frames.size();
            }

            @Override
            public String className(int i) {
                return frames.get(i).className();
            }

            @Override
            public Frame frame(int i) {
                return frames.get(i);
            }
        };
    }
}
