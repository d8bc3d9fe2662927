package org.truthline.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;

/** Checks that server-side imports read only inside {@code truthline.intake.import-roots} and name the reason. */
@SpringBootTest
class ImportRootsTest {

    private static final Path ALLOWED = createFolder("truthline-import-root");
    private static final Path OUTSIDE = createFolder("truthline-import-outside");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("truthline.data-dir", Files.createTempDirectory("truthline-roots-test")::toString);
        registry.add("truthline.intake.import-roots", ALLOWED::toString);
    }

    @Autowired
    ImportService imports;
    @Autowired
    ProjectService projects;

    @Test
    void pathOutsideRoots_isRefused() {
        long project = project("Roots outside");

        assertThatThrownBy(() -> imports.start(project, OUTSIDE, "lead"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is outside the folders this server imports from")
                .hasMessageContaining("truthline.intake.import-roots");
    }

    @Test
    void missingFolderInsideRoot_isNotFound() {
        long project = project("Roots missing");

        assertThatThrownBy(() -> imports.start(project, ALLOWED.resolve("not-there"), "lead"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void symbolicLinkInsideRootToOutside_isRefused() throws Exception {
        long project = project("Roots link");
        Path link = Files.createSymbolicLink(ALLOWED.resolve("link-to-outside"), OUTSIDE);

        assertThatThrownBy(() -> imports.start(project, link, "lead"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is outside the folders this server imports from");
    }

    private long project(String name) {
        ProjectSummary project = projects.create(new NewProject(name, null, "finding-severity", 2, 0.0, 0), "lead");
        return project.id();
    }

    private static Path createFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
