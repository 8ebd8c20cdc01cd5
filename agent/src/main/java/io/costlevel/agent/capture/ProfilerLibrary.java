package io.costlevel.agent.capture;

import io.costlevel.agent.capture.nativeaccess.NativeAccessGrant;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Loads async-profiler from the Maven artifact nested in the agent jar: its classes into a
 * {@link BundledModule}, its native library for this OS and architecture from a temp file.
 * Loaded at most once per JVM: a second copy of the library would install competing signal handlers.
 */
final class ProfilerLibrary {
    /** The tools.profiler:async-profiler jar, copied unchanged next to this class at build time (agent/pom.xml). */
    static final String BUNDLE = "async-profiler.jar";
    private static final String API_CLASS = "one.profiler.AsyncProfiler";

    private static AsyncProfilerApi loaded;
    private static ProfilerUnavailableException failure;

    private ProfilerLibrary() {}

    /**
     * @param fallbackDir where the native library is written when the temp directory refuses to map
     *                    it (mounted noexec, full, not writable)
     * @throws ProfilerUnavailableException with a one-line reason when this platform or JVM cannot run it;
     *         the same failure again on later calls, so a second attempt never loads a second copy
     */
    static synchronized AsyncProfilerApi load(Instrumentation inst, Path fallbackDir) throws ProfilerUnavailableException {
        if (loaded == null && failure == null) {
            try {
                loaded = loadOnce(inst, fallbackDir);
            } catch (ProfilerUnavailableException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return loaded;
    }

    private static AsyncProfilerApi loadOnce(Instrumentation inst, Path fallbackDir) throws ProfilerUnavailableException {
        String platform = platformDirectory();
        Map<String, byte[]> classes = new HashMap<>();
        byte[] library = null;
        try (InputStream bundle = ProfilerLibrary.class.getResourceAsStream(BUNDLE)) {
            if (bundle == null) {
                throw new ProfilerUnavailableException("async-profiler is not bundled in this agent jar");
            }
            JarInputStream jar = new JarInputStream(bundle);
            for (JarEntry e; (e = jar.getNextJarEntry()) != null; ) {
                String name = e.getName();
                if (name.startsWith("one/profiler/") && name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - 6).replace('/', '.'), jar.readAllBytes());
                } else if (name.equals(platform + "/libasyncProfiler.so")) {
                    library = jar.readAllBytes();
                }
            }
            classes.put(NativeAccessGrant.class.getName(), ownClassBytes(NativeAccessGrant.class));
        } catch (IOException e) {
            throw new ProfilerUnavailableException("cannot read the bundled async-profiler: " + e.getMessage());
        }
        if (library == null) {
            throw new ProfilerUnavailableException("no async-profiler library for " + describePlatform());
        }
        BundledModule module = BundledModule.define(classes);
        try {
            if (inst != null) {
                module.enableNativeAccess(inst);
            }
            return new AsyncProfilerApi(instantiateFromFirstUsable(module, library,
                    List.of(Path.of(System.getProperty("java.io.tmpdir")), fallbackDir)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new ProfilerUnavailableException("async-profiler did not load on " + describePlatform() + ": " + rootMessage(e));
        }
    }

    private static Object instantiateFromFirstUsable(BundledModule module, byte[] library, List<Path> dirs)
            throws ReflectiveOperationException, ProfilerUnavailableException {
        List<String> refusals = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                return instantiate(module, library, dir);
            } catch (IOException | LibraryRefusedException e) {
                refusals.add(dir + ": " + e.getMessage());
            }
        }
        throw new ProfilerUnavailableException("async-profiler's native library did not load on " + describePlatform()
                + " (" + String.join("; ", refusals) + ")");
    }

    /** The dynamic linker refused the library file in one directory; another may do. */
    private static final class LibraryRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        LibraryRefusedException(String message) {
            super(message, null, false, false);
        }
    }

    private static Object instantiate(BundledModule module, byte[] library, Path dir)
            throws IOException, ReflectiveOperationException, LibraryRefusedException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "costlevel-asyncProfiler-", ".so");
        try {
            Files.write(file, library);
            return module.load(API_CLASS).getMethod("getInstance", String.class).invoke(null, file.toString());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof UnsatisfiedLinkError) {
                throw new LibraryRefusedException(e.getCause().getMessage());
            }
            throw e;
        } finally {
            // Once mapped the library needs no file: deleting now leaves nothing behind even after kill -9.
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static byte[] ownClassBytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IOException(c.getName() + " missing from the agent jar");
            }
            return in.readAllBytes();
        }
    }

    /** The folder of the async-profiler jar that holds this platform's library: linux-x64, linux-arm64, macos. */
    static String platformDirectory() throws ProfilerUnavailableException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return "macos";
        }
        if (os.startsWith("linux")) {
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                return "linux-x64";
            }
            if (arch.equals("aarch64") || arch.equals("arm64")) {
                return "linux-arm64";
            }
        }
        throw new ProfilerUnavailableException("no async-profiler library for " + describePlatform());
    }

    private static String describePlatform() {
        return System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    }

    static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null) { // reflection wraps the profiler's own message
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
