package org.truthline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package boundaries of docs/architecture.md true. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.truthline");
    }

    @Test
    void dicomPackage_knowsNoStageProcessOrScreen() {
        noClasses().that().resideInAPackage("org.truthline.dicom..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.truthline.intake..", "org.truthline.labeling..", "org.truthline.task..",
                        "org.truthline.ui..", "org.truthline.process..", "org.truthline.project..",
                        "org.truthline.image..", "org.truthline.training..", "org.camunda..", "com.vaadin..")
                .check(classes);
    }

    /**
     * PixelMed is reached through DicomToolkit, so it stays replaceable. The C-STORE receiver is built on
     * PixelMed's network classes, and other packages may name attributes with its dictionary constants.
     */
    @Test
    void pixelMed_isUsedOnlyBehindDicomToolkit() {
        DescribedPredicate<JavaClass> pixelMedBeyondDictionary = JavaClass.Predicates.resideInAPackage("com.pixelmed..")
                .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(TagFromName.class, AttributeTag.class)));
        noClasses().that().resideOutsideOfPackages("org.truthline.dicom..", "org.truthline.intake.scp..")
                .should().dependOnClassesThat(pixelMedBeyondDictionary)
                .check(classes);
    }

    @Test
    void qualityPackage_isPlainJava() {
        noClasses().that().resideInAPackage("org.truthline.quality..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.camunda..", "com.vaadin..", "jakarta.servlet..")
                .check(classes);
        noClasses().that().resideInAPackage("org.truthline.quality..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.truthline.quality..", "java..",
                        "org.apache.commons.math3..", "org.apache.commons.statistics..")
                .check(classes);
    }

    @Test
    void views_reachEngineOnlyThroughStageServices() {
        noClasses().that().resideInAPackage("org.truthline.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine..")
                .check(classes);
    }

    @Test
    void onlyAuditPackage_writesAuditTable() throws IOException {
        Pattern write = Pattern.compile("(?i)(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+audit_event");
        assertThat(javaSourcesOutside("audit")).allSatisfy(source ->
                assertThat(write.matcher(Files.readString(source)).find()).as(source + " writes audit_event").isFalse());
    }

    @Test
    void onlyIntakeAndImagePackages_readOriginalStore() throws IOException {
        Pattern original = Pattern.compile("original_path|originals\\(");
        for (Path source : javaSourcesOutside("intake")) {
            boolean allowed = source.toString().contains("/org/truthline/image/");
            if (!allowed) {
                assertThat(original.matcher(Files.readString(source)).find())
                        .as(source + " reads the original-image store").isFalse();
            }
        }
    }

    private static List<Path> javaSourcesOutside(String packageName) throws IOException {
        Path root = Path.of("src/main/java/org/truthline");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(root.resolve(packageName)))
                    .toList();
        }
    }
}
