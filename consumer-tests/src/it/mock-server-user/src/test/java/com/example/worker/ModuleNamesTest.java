package com.example.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.schemas.SchemaValidator;
import io.github.cptestkit.wire.FakeCustomJob;
import java.io.File;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each toolkit jar a user gets names its module (Automatic-Module-Name), for users on the module path. */
class ModuleNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "io.github.cptestkit.mock, CodePipelineMock",
        "io.github.cptestkit.fixtures, FakeJobs",
        "io.github.cptestkit.wire, FakeCustomJob",
        "io.github.cptestkit.schemas, SchemaValidator"})
    void theJarOfEachToolkitModuleNamesItsModule(String moduleName, String className) throws Exception {
        Class<?> type = switch (className) {
            case "CodePipelineMock" -> CodePipelineMock.class;
            case "FakeJobs" -> FakeJobs.class;
            case "FakeCustomJob" -> FakeCustomJob.class;
            default -> SchemaValidator.class;
        };
        File jar = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(jar).as("%s comes from a jar, as a user gets it", className).isFile();
        try (JarFile file = new JarFile(jar)) {
            assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .as("Automatic-Module-Name of %s", jar.getName()).isEqualTo(moduleName);
        }
    }
}
