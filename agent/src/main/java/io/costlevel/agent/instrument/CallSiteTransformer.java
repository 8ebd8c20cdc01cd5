package io.costlevel.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

import io.costlevel.agent.AgentErrors;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;

/**
 * Instruments the call sites of application classes as they load (and, when attached late, the loaded ones on
 * retransformation). A plain ClassFileTransformer over Byte Buddy's relocated ASM: the rewrite works on call
 * instructions, not on methods as a whole, and needs each method's local variable count before its code, which
 * only a first pass over the bytes gives. Any failure leaves the class as it was and is reported once.
 */
public final class CallSiteTransformer implements ClassFileTransformer {
    private final SiteTable sites;
    private final Selection selection;
    private final PrimitiveTable table = new PrimitiveTable();
    private final Instrumentation instrumentation;
    private final Module probesModule;

    public CallSiteTransformer(SiteTable sites, Selection selection, Instrumentation instrumentation,
            Module probesModule) {
        this.sites = sites;
        this.selection = selection;
        this.instrumentation = instrumentation;
        this.probesModule = probesModule;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        try {
            if (className == null || !selection.accepts(loader, className)) {
                return null;
            }
            byte[] rewritten = rewrite(classfileBuffer);
            if (rewritten != null) {
                letRead(module);
            }
            return rewritten;
        } catch (Throwable t) {
            AgentErrors.report("could not instrument a class, left as it was", " (first: " + className + ")", t);
            return null;
        }
    }

    /** The rewritten class, or null when it calls nothing the agent counts. */
    byte[] rewrite(byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);
        MethodFacts facts = MethodFacts.of(classfile, reader, table, selection);
        if (!facts.anySite()) {
            return null;
        }
        // COMPUTE_MAXS: the probes need more stack and locals. Frames are kept as they are (see CallSiteMethodVisitor),
        // so no class hierarchy is needed, and no class is loaded, while a class is loading.
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new CallSiteClassVisitor(writer, sites, table, selection, facts), 0);
        return writer.toByteArray();
    }

    /** A named application module must read the boot loader's unnamed module, where the probes live. */
    private void letRead(Module module) {
        if (module != null && module.isNamed() && !module.canRead(probesModule)) {
            instrumentation.redefineModule(module, Set.of(probesModule), Map.of(), Map.of(), Set.of(), Map.of());
        }
    }
}
