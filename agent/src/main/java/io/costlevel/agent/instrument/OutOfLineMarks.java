package io.costlevel.agent.instrument;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Turns the probes' {@code OutOfLine} marks into HotSpot's {@code @DontInline} (a runtime-visible annotation of the
 * JDK's, honoured for classes of the boot loader), before the probe classes are defined there.
 */
public final class OutOfLineMarks {
    static final String DONT_INLINE = "Ljdk/internal/vm/annotation/DontInline;";
    /** {@code io.costlevel.agent.bootstrap.OutOfLine}, by name: loading it here would load it outside the boot loader. */
    static final String MARK = "Lio/costlevel/agent/bootstrap/OutOfLine;";

    private OutOfLineMarks() {}

    /** The class file with every {@code @OutOfLine} method also marked {@code @DontInline}; the same bytes when none is. */
    public static byte[] apply(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] marked = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        if (MARK.equals(annotation)) {
                            marked[0] = true;
                            return super.visitAnnotation(DONT_INLINE, true);
                        }
                        return super.visitAnnotation(annotation, visible);
                    }
                };
            }
        }, 0);
        return marked[0] ? writer.toByteArray() : classFile;
    }
}
