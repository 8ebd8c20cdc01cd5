package io.costlevel.agent.instrument;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Turns the probes' {@code OutOfLine} marks into HotSpot's {@code @DontInline}, and their {@code OwnCacheLines} marks
 * into {@code @Contended} (runtime-visible annotations of the JDK's, honoured for classes of the boot loader), before
 * the probe classes are defined there.
 */
public final class OutOfLineMarks {
    static final String DONT_INLINE = "Ljdk/internal/vm/annotation/DontInline;";
    /** {@code io.costlevel.agent.bootstrap.OutOfLine}, by name: loading it here would load it outside the boot loader. */
    static final String MARK = "Lio/costlevel/agent/bootstrap/OutOfLine;";
    static final String CONTENDED = "Ljdk/internal/vm/annotation/Contended;";
    /** {@code io.costlevel.agent.bootstrap.OwnCacheLines}, by name, as {@link #MARK}. */
    static final String OWN_LINES_MARK = "Lio/costlevel/agent/bootstrap/OwnCacheLines;";
    /** Each mark and the JDK annotation it becomes (their targets keep method and class marks apart). */
    private static final java.util.Map<String, String> JDK_ANNOTATIONS = java.util.Map.of(
            MARK, DONT_INLINE, OWN_LINES_MARK, CONTENDED);

    private OutOfLineMarks() {}

    /**
     * The class file with every {@code @OutOfLine} method also marked {@code @DontInline} and an {@code @OwnCacheLines}
     * class {@code @Contended}; the same bytes when nothing is marked.
     */
    public static byte[] apply(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] marked = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                String jdk = JDK_ANNOTATIONS.get(annotation);
                marked[0] |= jdk != null;
                return super.visitAnnotation(jdk != null ? jdk : annotation, visible || jdk != null);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        String jdk = JDK_ANNOTATIONS.get(annotation);
                        marked[0] |= jdk != null;
                        return super.visitAnnotation(jdk != null ? jdk : annotation, visible || jdk != null);
                    }
                };
            }
        }, 0);
        return marked[0] ? writer.toByteArray() : classFile;
    }
}
