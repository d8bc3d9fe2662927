package org.truthline.dicom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared DICOM sample corpus: the folder named by the environment variable TRUTHLINE_SAMPLES, else
 * {@code ../shared/dicom} relative to the working directory. Tests that need it are skipped when it is absent.
 */
final class SampleCorpus {

    static final String VARIABLE = "TRUTHLINE_SAMPLES";

    private SampleCorpus() {
    }

    static Path root() {
        String configured = System.getenv(VARIABLE);
        Path root = configured == null || configured.isBlank() ? Path.of("..", "shared", "dicom") : Path.of(configured);
        assumeTrue(Files.isDirectory(root), "DICOM sample corpus not found at " + root.toAbsolutePath()
                + "; set " + VARIABLE + " to the corpus folder to run this test");
        return root;
    }

    static Path file(String relative) {
        Path file = root().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "sample " + file + " is missing from the corpus in " + VARIABLE);
        return file;
    }
}
