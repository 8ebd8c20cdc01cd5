package io.costlevel.agent.capture;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Defines classes held as bytes in a named module of their own, in a layer with its own class loader.
 *
 * <p>Why: async-profiler's native library binds its JNI functions to the name
 * {@code one.profiler.AsyncProfiler}, so that class cannot be relocated, yet the agent jar must not
 * carry classes outside {@code io/costlevel}. Its bytes ship inside a nested jar and are defined
 * here, isolated from the application's class path. A named module, unlike an unnamed one, can be
 * granted native access on its own.
 */
final class BundledModule {
    static final String NAME = "io.costlevel.bundled.asyncprofiler";

    private final Module module;

    private BundledModule(Module module) {
        this.module = module;
    }

    /** @param classes binary class name (a.b.C) to class file bytes */
    static BundledModule define(Map<String, byte[]> classes) {
        Map<String, byte[]> resources = classes.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().replace('.', '/') + ".class", Map.Entry::getValue));
        Set<String> packages = classes.keySet().stream()
                .map(n -> n.substring(0, n.lastIndexOf('.'))).collect(Collectors.toSet());
        ModuleDescriptor.Builder builder = ModuleDescriptor.newModule(NAME);
        packages.forEach(builder::exports); // the agent calls in by reflection, which needs exported packages
        ModuleDescriptor descriptor = builder.packages(packages).build();
        ModuleReference reference = new ModuleReference(descriptor, null) {
            @Override
            public ModuleReader open() {
                return new BytesReader(resources);
            }
        };
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return NAME.equals(name) ? Optional.of(reference) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.of(reference);
            }
        };
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of(NAME));
        ModuleLayer layer = ModuleLayer.defineModulesWithOneLoader(
                cf, List.of(ModuleLayer.boot()), ClassLoader.getPlatformClassLoader()).layer();
        return new BundledModule(layer.findModule(NAME).orElseThrow());
    }

    Class<?> load(String className) throws ClassNotFoundException {
        return Class.forName(className, true, module.getClassLoader());
    }

    /**
     * Lets this module, and only it, call JNI without the JDK 24+ warning: opens java.lang to it and
     * has its copy of {@code NativeAccessGrant} flip its own native-access flag.
     */
    void enableNativeAccess(Instrumentation inst) throws ReflectiveOperationException {
        if (Runtime.version().feature() < 22) {
            return; // no native-access checks before JDK 22
        }
        inst.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                Map.of("java.lang", Set.of(module)), Set.of(), Map.of());
        load(io.costlevel.agent.capture.nativeaccess.NativeAccessGrant.class.getName())
                .getMethod("grantToOwnModule").invoke(null);
    }

    /** Serves the module's class files from memory: nothing is unpacked to disk. */
    private static final class BytesReader implements ModuleReader {
        private final Map<String, byte[]> resources;

        BytesReader(Map<String, byte[]> resources) {
            this.resources = resources;
        }

        @Override
        public Optional<URI> find(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<InputStream> open(String name) {
            return Optional.ofNullable(resources.get(name)).map(ByteArrayInputStream::new);
        }

        @Override
        public Optional<ByteBuffer> read(String name) {
            return Optional.ofNullable(resources.get(name)).map(ByteBuffer::wrap);
        }

        @Override
        public Stream<String> list() {
            return resources.keySet().stream();
        }

        @Override
        public void close() {}
    }
}
