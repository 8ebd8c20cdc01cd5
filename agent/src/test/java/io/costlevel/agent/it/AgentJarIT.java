package io.costlevel.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The packaged agent jar per shared/contract.md: one jar, every class under the project's package, the manifest. */
class AgentJarIT {
    @Test
    void carriesNoClassOutsideTheProjectsPackages() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            List<String> classes = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .collect(Collectors.toList());
            assertThat(classes).as("classes in the agent jar").isNotEmpty();
            assertThat(classes).as("classes outside io/costlevel/ (unrelocated libraries clash with the application's)")
                    .allMatch(name -> name.startsWith("io/costlevel/"));
            assertThat(classes).as("Byte Buddy, relocated")
                    .anyMatch(name -> name.startsWith("io/costlevel/agent/shaded/net/bytebuddy/"));
            assertThat(classes).as("of Byte Buddy, only the repackaged ASM core the instrument package uses")
                    .filteredOn(name -> name.startsWith("io/costlevel/agent/shaded/"))
                    .allMatch(name -> name.startsWith("io/costlevel/agent/shaded/net/bytebuddy/jar/asm/"));
        }
    }

    @Test
    void manifestDeclaresTheAgentAndItsCapabilities() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("io.costlevel.agent.CostlevelAgent");
            assertThat(main.getValue("Agent-Class")).isEqualTo("io.costlevel.agent.CostlevelAgent");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(main.getValue("Can-Redefine-Classes")).isEqualTo("true");
        }
    }
}
