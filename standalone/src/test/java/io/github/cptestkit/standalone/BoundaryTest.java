package io.github.cptestkit.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.Test;

/**
 * What the command line may use of mock-server: its public API, plus the two internal parts it shares with the mock
 * on purpose (mock-server/README.md, "Where things are"): the admin API's documents ({@code internal.admin}: the
 * command line's job orders and its banner are the admin API's JSON, read and written by the same code) and the
 * notifier that cuts WireMock's reports to one line ({@code internal.server.QuietNotifier}). Nothing else internal:
 * the services, the server plumbing and the assembly stay the mock's own.
 */
class BoundaryTest {

    private static final String INTERNAL = "io.github.cptestkit.mock.internal";

    @Test
    void theCommandLineUsesOnlyTheMocksPublicApiTheAdminDocumentsAndTheQuietNotifier() {
        DescribedPredicate<JavaClass> otherInternals = new DescribedPredicate<>(
                "mock-server internals other than internal.admin and internal.server.QuietNotifier") {
            @Override
            public boolean test(JavaClass type) {
                String name = type.getName();
                return name.startsWith(INTERNAL + ".") && !name.startsWith(INTERNAL + ".admin.")
                        && !name.startsWith(INTERNAL + ".server.QuietNotifier");
            }
        };
        noClasses().that().resideInAPackage("io.github.cptestkit.standalone..")
                .should().dependOnClassesThat(otherInternals)
                .because("the command line is a front end of the mock: it drives it through CodePipelineMock and the"
                        + " admin documents; give what it needs a place in the public API or internal.admin instead")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.github.cptestkit.standalone"));
    }
}
