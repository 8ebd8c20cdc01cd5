package io.costlevel.analyzer.classify;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Threads linked by the sites they ran (union-find over the recordings' thread keys): {@link ThreadTimeBound}'s groups. */
final class ThreadGroups {
    private final Map<Long, Integer> index = new HashMap<>();
    private int[] parent = new int[16];

    private int indexOf(long key) {
        Integer i = index.get(key);
        if (i != null) {
            return i;
        }
        int n = index.size();
        if (n == parent.length) {
            parent = java.util.Arrays.copyOf(parent, 2 * n);
        }
        parent[n] = n;
        index.put(key, n);
        return n;
    }

    private int root(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    void union(long a, long b) {
        int ra = root(indexOf(a));
        int rb = root(indexOf(b));
        if (ra != rb) {
            parent[rb] = ra;
        }
    }

    /** The group of a key linked before. */
    int find(long key) {
        return root(index.get(key));
    }

    void forEachKey(BiConsumer<Long, Integer> keyAndGroup) {
        index.forEach((key, i) -> keyAndGroup.accept(key, root(i)));
    }
}
