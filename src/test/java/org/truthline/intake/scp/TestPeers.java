package org.truthline.intake.scp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The sample corpus and the external DICOM peers (dcmtk, Orthanc) that network tests use. Tests that need one
 * that is absent are skipped with the reason.
 */
public final class TestPeers {

    public static final String SAMPLES_VARIABLE = "TRUTHLINE_SAMPLES";

    private TestPeers() {
    }

    /** Returns the corpus folder: TRUTHLINE_SAMPLES, else {@code ../shared/dicom} relative to the working directory. */
    public static Path samples() {
        String configured = System.getenv(SAMPLES_VARIABLE);
        Path root = configured == null || configured.isBlank() ? Path.of("..", "shared", "dicom") : Path.of(configured);
        assumeTrue(Files.isDirectory(root), "DICOM sample corpus not found at " + root.toAbsolutePath() + "; set "
                + SAMPLES_VARIABLE + " to the corpus folder to run this test");
        return root;
    }

    public static Path sample(String relative) {
        Path file = samples().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "sample " + file + " is missing from the corpus");
        return file;
    }

    /** Returns the executable from PATH (or the given absolute path), skipping the test when it is absent. */
    public static Path executable(String name) {
        Optional<Path> found = Path.of(name).isAbsolute() ? Optional.of(Path.of(name)).filter(Files::isExecutable)
                : List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").split(File.pathSeparator))
                        .stream().map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
        assumeTrue(found.isPresent(), name + " is not installed; install it (see the DICOM peers list) to run "
                + "this test");
        return found.get();
    }

    /** Output and exit code of a finished command. */
    public record CommandResult(int exitCode, String output) {
    }

    /** Runs a command with stderr merged into stdout; fails when it does not finish within the timeout. */
    public static CommandResult run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("truthline-peer", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            return new CommandResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
