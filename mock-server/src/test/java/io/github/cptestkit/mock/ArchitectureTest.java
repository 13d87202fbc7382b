package io.github.cptestkit.mock;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layout of mock-server (mock-server/README.md, "Where things are"), enforced: no package circle; the
 * public packages do not reach into {@code internal} (but for {@code CodePipelineMock}, which assembles the mock
 * through {@code internal.assembly} alone) and expose no internal type; the services meet only through the
 * interfaces between them ({@code internal.grants}), and the server plumbing knows no service.
 */
class ArchitectureTest {

    private static final String MOCK = "io.github.cptestkit.mock";
    private static final String INTERNAL = MOCK + ".internal..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(MOCK);
    }

    @Test
    void noPackagesImportEachOtherInACircle() {
        slices().matching("io.github.cptestkit.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void publicPackagesDoNotImportInternalOnesButCodePipelineMockThroughTheAssembly() {
        noClasses().that().resideInAPackage(MOCK + "..").and().resideOutsideOfPackage(INTERNAL)
                .and(not(belongToAnyOf(CodePipelineMock.class)))
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .check(classes);
        noClasses().that(belongToAnyOf(CodePipelineMock.class))
                .should().dependOnClassesThat(resideInAPackage(INTERNAL)
                        .and(not(resideInAPackage(MOCK + ".internal.assembly"))))
                .check(classes);
    }

    @Test
    void publicTypesOfPublicPackagesExposeNoInternalTypeInTheirPublicMethodsOrConstructors() {
        classes().that().resideInAPackage(MOCK + "..").and().resideOutsideOfPackage(INTERNAL).and().arePublic()
                .should(exposeNoInternalType()).check(classes);
    }

    @Test
    void theArtifactBucketAndCodePipelineMeetOnlyThroughTheArtifactGrants() {
        noClasses().that().resideInAPackage(MOCK + ".internal.s3..")
                .should().dependOnClassesThat().resideInAPackage(MOCK + ".internal.codepipeline..")
                .check(classes);
        noClasses().that().resideInAPackage(MOCK + ".internal.codepipeline..")
                .should().dependOnClassesThat().resideInAPackage(MOCK + ".internal.s3..")
                .check(classes);
    }

    @Test
    void theServerPlumbingSigV4AndTheGrantsKnowNoService() {
        noClasses().that().resideInAnyPackage(MOCK + ".internal.server..", MOCK + ".internal.sigv4..",
                        MOCK + ".internal.grants..")
                .should().dependOnClassesThat().resideInAnyPackage(MOCK + ".internal.codepipeline..",
                        MOCK + ".internal.s3..", MOCK + ".internal.admin..", MOCK + ".internal.assembly..")
                .check(classes);
        noClasses().that().resideInAPackage(MOCK + ".internal.sigv4..")
                .should().dependOnClassesThat().resideInAPackage("com.github.tomakehurst..")
                .because("SigV4 is about signed requests, whatever server received them")
                .check(classes);
    }

    @Test
    void onlyTheAssemblyAndCodePipelineMockKnowTheAssembly() {
        noClasses().that().resideOutsideOfPackage(MOCK + ".internal.assembly")
                .and(not(belongToAnyOf(CodePipelineMock.class)))
                .should().dependOnClassesThat().resideInAPackage(MOCK + ".internal.assembly")
                .check(classes);
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public method or constructor") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Stream.concat(type.getMethods().stream(), type.getConstructors().stream())
                        .filter(member -> member.getModifiers().contains(JavaModifier.PUBLIC))
                        .forEach(member -> check(member, events));
            }

            private void check(JavaCodeUnit member, ConditionEvents events) {
                Stream.concat(Stream.of(member.getRawReturnType()), member.getRawParameterTypes().stream())
                        .filter(type -> type.getPackageName().startsWith(MOCK + ".internal"))
                        .forEach(type -> events.add(SimpleConditionEvent.violated(member, member.getFullName()
                                + " exposes the internal type " + type.getName())));
            }
        };
    }
}
