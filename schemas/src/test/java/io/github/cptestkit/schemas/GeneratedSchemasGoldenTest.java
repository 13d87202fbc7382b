package io.github.cptestkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.schemas.internal.SchemaGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GeneratedSchemasGoldenTest {

    static final Path MODEL = Path.of("model/codepipeline-2015-07-09.json");
    static final Path COMMITTED = Path.of("src/main/resources/" + SchemaDocument.RESOURCE_FOLDER);
    static final String REGENERATE = "regenerate them with: mvn -pl schemas compile exec:java@regenerate-schemas";

    @Test
    void committedSchemasAreExactlyWhatTheGeneratorMakesOfTheModel() throws IOException {
        SortedMap<String, String> generated = SchemaGenerator.fromFile(MODEL).generate();
        TreeSet<String> committed;
        try (Stream<Path> files = Files.list(COMMITTED)) {
            committed = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(committed)
                .as("schema files under %s must be the generated set; %s", COMMITTED, REGENERATE)
                .containsExactlyElementsOf(generated.keySet());
        generated.forEach((file, text) -> {
            String onDisk = read(COMMITTED.resolve(file));
            assertThat(onDisk)
                    .as("%s differs from what the generator makes of %s; %s", COMMITTED.resolve(file), MODEL, REGENERATE)
                    .isEqualTo(text);
        });
    }

    @Test
    void everyOperationHasAnInputAndAnOutputDocumentAndTheListIsComplete() {
        assertThat(SchemaDocument.all()).hasSize(2 + 2 * Operation.values().length)
                .extracting(SchemaDocument::fileName)
                .contains("shapes.schema.json", "error.schema.json",
                        "PollForThirdPartyJobs.input.schema.json", "PutJobFailureResult.output.schema.json");
    }

    @Test
    void generatedPatternsAreAnchoredSoTheyMatchWholeValues() {
        String shapes = read(COMMITTED.resolve("shapes.schema.json"));
        assertThat(shapes).contains("\"pattern\": \"^(?:[0-9]{12})$\"");
        assertThat(shapes.lines().filter(l -> l.contains("\"pattern\"")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.trim().replaceAll(",$", ""))
                        .startsWith("\"pattern\": \"^(?:").endsWith(")$\""));
    }

    @Test
    void sensitiveShapesAreMarked() {
        String shapes = read(COMMITTED.resolve("shapes.schema.json"));
        assertThat(shapes.split("\"x-sensitive\": true", -1)).hasSize(5); // 4 sensitive shapes in the model
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
