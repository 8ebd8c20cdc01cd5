package io.costlevel.agent;

import io.costlevel.agent.bootstrap.OutOfLine;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Turns the probes' {@link OutOfLine} marks into HotSpot's {@code @DontInline} (a runtime-visible annotation of the
 * JDK's, honoured for classes of the boot loader), before the probe classes are defined there.
 */
final class OutOfLineMarks {
    static final String DONT_INLINE = "Ljdk/internal/vm/annotation/DontInline;";
    private static final String MARK = Type.getDescriptor(OutOfLine.class);

    private OutOfLineMarks() {}

    /** The class file with every {@link OutOfLine} method also marked {@code @DontInline}; unchanged bytes when none is. */
    static byte[] apply(byte[] classFile) {
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
