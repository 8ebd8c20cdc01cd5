package io.costlevel.agent.capture;

import io.costlevel.agent.capture.nativeaccess.NativeAccessGrant;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
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

    private ProfilerLibrary() {}

    /** @throws ProfilerUnavailableException with a one-line reason when this platform or JVM cannot run it */
    static synchronized AsyncProfilerApi load(Instrumentation inst) throws ProfilerUnavailableException {
        if (loaded == null) {
            loaded = loadOnce(inst);
        }
        return loaded;
    }

    private static AsyncProfilerApi loadOnce(Instrumentation inst) throws ProfilerUnavailableException {
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
            return new AsyncProfilerApi(instantiate(module, library));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ProfilerUnavailableException("async-profiler did not load on " + describePlatform() + ": " + rootMessage(e));
        } catch (LinkageError e) {
            throw new ProfilerUnavailableException("async-profiler's native library did not load on " + describePlatform() + ": " + e.getMessage());
        }
    }

    private static Object instantiate(BundledModule module, byte[] library) throws ReflectiveOperationException, ProfilerUnavailableException {
        Path file;
        try {
            file = Files.createTempFile("costlevel-asyncProfiler-", ".so");
        } catch (IOException e) {
            throw new ProfilerUnavailableException("cannot write async-profiler's native library to " + System.getProperty("java.io.tmpdir") + ": " + e.getMessage());
        }
        try {
            Files.write(file, library);
            return module.load(API_CLASS).getMethod("getInstance", String.class).invoke(null, file.toString());
        } catch (IOException e) {
            throw new ProfilerUnavailableException("cannot write async-profiler's native library to " + file + ": " + e.getMessage());
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
