package io.costlevel.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.costlevel.agent.bootstrap.CallProbes;
import io.costlevel.agent.bootstrap.OutOfLine;
import io.costlevel.agent.bootstrap.OwnCacheLines;
import io.costlevel.agent.bootstrap.Probes;
import io.costlevel.agent.bootstrap.ThreadCounters;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

class OutOfLineMarksTest {
    @Test
    void theProbesSlowPathIsMarkedDontInlineAndNothingElseIs() throws IOException {
        byte[] original = classFile(ThreadCounters.class);
        assertThat(dontInlineMethods(OutOfLineMarks.apply(original))).containsExactlyInAnyOrder("due",
                "registered", "beforeSlowly", "completedSlowly", "completedCallSlowly", "startedMonitorSlowly",
                "closeMonitorTiming");
        assertThat(dontInlineMethods(original)).isEmpty();
        assertThat(dontInlineMethods(OutOfLineMarks.apply(classFile(CallProbes.class)))).containsExactly("beforeSlowly");
    }

    @Test
    void theMarkIsNamedAfterTheAnnotationClass() {
        assertThat(OutOfLineMarks.MARK).isEqualTo(Type.getDescriptor(OutOfLine.class));
        assertThat(OutOfLineMarks.OWN_LINES_MARK).isEqualTo(Type.getDescriptor(OwnCacheLines.class));
    }

    /** A thread's counters, written on every operation, get cache lines of their own: HotSpot's @Contended. */
    @Test
    void theThreadCountersClassIsMarkedContended() throws IOException {
        byte[] original = classFile(ThreadCounters.class);
        assertThat(classAnnotations(OutOfLineMarks.apply(original))).contains(OutOfLineMarks.CONTENDED);
        assertThat(classAnnotations(original)).doesNotContain(OutOfLineMarks.CONTENDED);
    }

    private static List<String> classAnnotations(byte[] classFile) {
        List<String> annotations = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                if (visible) {
                    annotations.add(annotation);
                }
                return null;
            }
        }, 0);
        return annotations;
    }

    @Test
    void classesWithoutMarksAreLeftByteForByte() throws IOException {
        byte[] probes = classFile(Probes.class);
        assertThat(OutOfLineMarks.apply(probes)).isSameAs(probes);
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    /** The methods carrying HotSpot's DontInline as a runtime-visible annotation (the only kind HotSpot reads). */
    private static List<String> dontInlineMethods(byte[] classFile) {
        List<String> methods = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        if (visible && annotation.equals(OutOfLineMarks.DONT_INLINE)) {
                            methods.add(name);
                        }
                        return null;
                    }
                };
            }
        }, 0);
        return methods;
    }
}
