package io.costlevel.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.costlevel.agent.MiniJson;

/** The agent's costlevel-sites.json as a test reads it. */
public final class SitesFile {
    private final Map<String, Object> root;

    private SitesFile(Map<String, Object> root) {
        this.root = root;
    }

    public static SitesFile read(Path outDir) throws IOException {
        return new SitesFile(MiniJson.object(Files.readString(outDir.resolve("costlevel-sites.json"))));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> sites() {
        return (List<Map<String, Object>>) root.get("sites");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String name) {
        return (Map<String, Object>) root.get(name);
    }

    /** The one site in {@code method} of a class ending in {@code classSuffix} calling {@code primitive}. */
    public Map<String, Object> site(String classSuffix, String method, String primitive) {
        List<Map<String, Object>> found = sites().stream()
                .filter(s -> ((String) s.get("className")).endsWith(classSuffix))
                .filter(s -> s.get("methodName").equals(method))
                .filter(s -> s.get("primitive").equals(primitive))
                .collect(Collectors.toList());
        if (found.size() != 1) {
            throw new AssertionError("expected one site " + classSuffix + "." + method + " -> " + primitive
                    + ", found " + found.size() + " among " + sites());
        }
        return found.get(0);
    }

    public static long count(Map<String, Object> site, String field) {
        return ((Number) site.get(field)).longValue();
    }
}
