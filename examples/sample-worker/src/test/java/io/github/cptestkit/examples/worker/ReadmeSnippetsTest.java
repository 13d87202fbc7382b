package io.github.cptestkit.examples.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * README code is compiled code a user can paste: every {@code ```java} block of the READMEs below must follow a
 * marker {@code <!-- snippet: <path from the repository root>#<region> -->} and equal that region of that file, the
 * lines between {@code // region <name>} and {@code // endregion} without their common indentation, preceded by
 * the file's imports that the region uses (static ones first, as in the file) and a blank line.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile(
            "(?:<!-- snippet: (?<file>[^#\\s]+)#(?<region>[\\w-]+) -->\\R(?:\\R)?)?```java\\R(?<code>.*?)```",
            Pattern.DOTALL);
    private static final Pattern IMPORT =
            Pattern.compile("\\s*import\\s+(?<static>static\\s+)?[\\w.]*\\.(?<name>\\w+)\\s*;\\s*");

    /** The repository root: surefire runs in the module's folder, two levels below it. */
    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "junit-extension/README.md", "examples/sample-worker/README.md",
        "pact/README.md"})
    void everyJavaBlockIsARegionOfACompiledFile(String readme) throws IOException {
        String text = Files.readString(ROOT.resolve(readme));
        Matcher block = JAVA_BLOCK.matcher(text);
        List<String> checked = new ArrayList<>();
        while (block.find()) {
            int line = text.substring(0, block.start()).split("\n", -1).length;
            assertThat(block.group("file")).as("%s line %d: a ```java block needs a <!-- snippet: path#region -->"
                    + " line right above it naming the compiled code it shows", readme, line).isNotNull();
            Path file = ROOT.resolve(block.group("file"));
            String region = region(file, block.group("region"));
            assertThat(block.group("code")).as("%s line %d: the block differs from region '%s' of %s with the"
                    + " imports it uses; copy them into the README", readme, line, block.group("region"),
                    block.group("file"))
                    .isEqualTo(imports(file, region) + region);
            checked.add(block.group("region"));
        }
        assertThat(checked).as("java blocks checked in %s", readme).isNotEmpty();
    }

    /**
     * The import lines of {@code file} whose imported name occurs in {@code code} as a word, static ones first
     * (each group in the file's order, a blank line between the groups), and a blank line; empty when none does.
     */
    static String imports(Path file, String code) throws IOException {
        List<String> statics = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher imported = IMPORT.matcher(line);
            if (imported.matches() && Pattern.compile("\\b" + Pattern.quote(imported.group("name")) + "\\b")
                    .matcher(code).find()) {
                (imported.group("static") != null ? statics : types).add(line.strip());
            }
        }
        StringBuilder text = new StringBuilder();
        statics.forEach(line -> text.append(line).append('\n'));
        if (!statics.isEmpty() && !types.isEmpty()) {
            text.append('\n');
        }
        types.forEach(line -> text.append(line).append('\n'));
        return text.isEmpty() ? "" : text.append('\n').toString();
    }

    /** The lines between {@code // region name} and {@code // endregion}, less their common indentation. */
    static String region(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// region " + name)) {
                start = i + 1;
                break;
            }
        }
        assertThat(start).as("region '%s' in %s", name, file).isPositive();
        List<String> region = new ArrayList<>();
        for (int i = start; !lines.get(i).strip().equals("// endregion"); i++) {
            region.add(lines.get(i));
        }
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder code = new StringBuilder();
        region.forEach(l -> code.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return code.toString();
    }
}
