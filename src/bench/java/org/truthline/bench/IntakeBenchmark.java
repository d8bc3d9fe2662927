package org.truthline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truthline.dicom.DeidentificationOptions;
import org.truthline.dicom.DicomLimits;
import org.truthline.dicom.DicomRejectedException;
import org.truthline.dicom.PixelMedDicomToolkit;
import org.truthline.dicom.UidRemapper;

/**
 * Intake throughput: files per second through {@link PixelMedDicomToolkit} (read the header, de-identify and
 * write the copy, render a PNG thumbnail of the copy's first frame) against a bare PixelMed
 * {@code AttributeList.read} and {@code write} of the same files, in the same JVM. Each round processes every
 * file once. Warm-up rounds are discarded, and the two pipelines alternate round by round, so both see the same
 * JIT and page-cache state. The result is the median of the measured rounds.
 *
 * <p>Runs only in the {@code bench} Maven profile. System properties: {@code bench.warmup} and
 * {@code bench.rounds} (round counts), {@code bench.report} (Markdown output file).
 */
class IntakeBenchmark {

    /** The intake target: Truthline's rate as a share of the bare PixelMed default read + write. */
    private static final double TARGET_RATIO = 0.5;


    private static final List<String> FOLDERS = List.of("01-modalities", "02-transfer-syntaxes");

    @TempDir
    Path work;

    @Test
    void intakeThroughput() throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 2);
        int rounds = Integer.getInteger("bench.rounds", 7);
        Path report = Path.of(System.getProperty("bench.report", "target/benchmarks/intake.md"));
        // The thumbnail size intake renders (truthline.intake.thumbnail-size).
        int previewMaxSize = Integer.getInteger("bench.thumbnail-size", 256);
        PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

        List<Path> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (Path file : corpusFiles()) {
            try {
                toolkit.read(file);
                accepted.add(file);
            } catch (DicomRejectedException e) {
                rejected.add(file.getFileName() + " (" + e.reason() + ")");
            }
        }
        assertThat(accepted).as("accepted benchmark files").isNotEmpty();
        long bytes = 0;
        for (Path file : accepted) {
            bytes += Files.size(file);
        }

        Map<String, List<Double>> stepMillis = new HashMap<>();
        Map<String, List<Double>> fileMillis = new HashMap<>();
        List<Double> bareRates = new ArrayList<>();
        List<Double> decodingRates = new ArrayList<>();
        List<Double> toolkitRates = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            boolean measured = round >= warmup;
            double bare = bareRound(accepted, measured ? fileMillis : new HashMap<>());
            double decoding = decodingRound(accepted, measured ? fileMillis : new HashMap<>());
            double truthline = toolkitRound(toolkit, previewMaxSize, accepted, measured ? stepMillis : new HashMap<>(),
                    measured ? fileMillis : new HashMap<>());
            if (measured) {
                bareRates.add(bare);
                decodingRates.add(decoding);
                toolkitRates.add(truthline);
            }
        }

        double bareMedian = median(bareRates);
        double toolkitMedian = median(toolkitRates);
        String table = report(accepted, rejected, bytes, warmup, rounds, previewMaxSize, bareRates, decodingRates,
                toolkitRates, bareMedian, toolkitMedian, stepMillis, fileMillis);
        System.out.println(table);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, table, StandardCharsets.UTF_8);
    }

    private static List<Path> corpusFiles() throws IOException {
        String configured = System.getenv("TRUTHLINE_SAMPLES");
        Path root = configured == null || configured.isBlank() ? Path.of("..", "shared", "dicom") : Path.of(configured);
        assumeTrue(Files.isDirectory(root), "DICOM sample corpus not found at " + root.toAbsolutePath()
                + "; set TRUTHLINE_SAMPLES to the corpus folder");
        List<Path> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> listing = Files.list(root.resolve(folder))) {
                listing.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Returns files per second for read + write with PixelMed alone, Pixel Data kept as stored. */
    private double bareRound(List<Path> files, Map<String, List<Double>> fileMillis) throws Exception {
        Path folder = Files.createDirectories(work.resolve("bare"));
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            long fileStart = System.nanoTime();
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(false);
            list.read(files.get(i).toFile());
            String transferSyntax = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
            if (transferSyntax.isEmpty()) {
                // A raw data set without File Meta Information: PixelMed read it as implicit VR little endian.
                transferSyntax = TransferSyntax.ImplicitVRLittleEndian;
                FileMetaInformation.addFileMetaInformation(list, transferSyntax, "BENCH");
            }
            list.write(folder.resolve(i + ".dcm").toFile(), transferSyntax, true, true);
            fileMillis.computeIfAbsent("bare " + files.get(i).getFileName(), key -> new ArrayList<>())
                    .add((System.nanoTime() - fileStart) / 1e6);
        }
        return files.size() / seconds(start);
    }

    /**
     * Returns files per second for read + write with PixelMed's default read, which decompresses every frame of
     * encapsulated Pixel Data. Such files are written as Explicit VR Little Endian, the others in their own
     * transfer syntax.
     */
    private double decodingRound(List<Path> files, Map<String, List<Double>> fileMillis) throws Exception {
        Path folder = Files.createDirectories(work.resolve("decoding"));
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            long fileStart = System.nanoTime();
            AttributeList list = new AttributeList();
            list.read(files.get(i).toFile());
            String transferSyntax = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
            if (transferSyntax.isEmpty()) {
                transferSyntax = TransferSyntax.ImplicitVRLittleEndian;
                FileMetaInformation.addFileMetaInformation(list, transferSyntax, "BENCH");
            } else if (new TransferSyntax(transferSyntax).isEncapsulated()) {
                transferSyntax = TransferSyntax.ExplicitVRLittleEndian;
                list.removeMetaInformationHeaderAttributes();
                FileMetaInformation.addFileMetaInformation(list, transferSyntax, "BENCH");
            }
            list.write(folder.resolve(i + ".dcm").toFile(), transferSyntax, true, true);
            fileMillis.computeIfAbsent("decoding " + files.get(i).getFileName(), key -> new ArrayList<>())
                    .add((System.nanoTime() - fileStart) / 1e6);
        }
        return files.size() / seconds(start);
    }

    /** Returns files per second for the intake steps, adding each step's milliseconds to {@code steps}. */
    private double toolkitRound(PixelMedDicomToolkit toolkit, int thumbnailSize, List<Path> files, Map<String, List<Double>> steps,
            Map<String, List<Double>> fileMillis) throws Exception {
        Path folder = Files.createDirectories(work.resolve("truthline"));
        UidRemapper project = new CountingRemapper();
        double read = 0;
        double deidentify = 0;
        double render = 0;
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            Path copy = folder.resolve(i + ".dcm");
            long t0 = System.nanoTime();
            toolkit.read(files.get(i));
            long t1 = System.nanoTime();
            toolkit.deidentify(files.get(i), copy, project, DeidentificationOptions.BASIC);
            long t2 = System.nanoTime();
            toolkit.renderThumbnail(copy, thumbnailSize);
            long t3 = System.nanoTime();
            read += (t1 - t0) / 1e6;
            deidentify += (t2 - t1) / 1e6;
            render += (t3 - t2) / 1e6;
            String name = files.get(i).getFileName().toString();
            fileMillis.computeIfAbsent("read " + name, key -> new ArrayList<>()).add((t1 - t0) / 1e6);
            fileMillis.computeIfAbsent("deidentify " + name, key -> new ArrayList<>()).add((t2 - t1) / 1e6);
            fileMillis.computeIfAbsent("render " + name, key -> new ArrayList<>()).add((t3 - t2) / 1e6);
        }
        double rate = files.size() / seconds(start);
        steps.computeIfAbsent("read", key -> new ArrayList<>()).add(read);
        steps.computeIfAbsent("deidentify + write", key -> new ArrayList<>()).add(deidentify);
        steps.computeIfAbsent("renderThumbnail", key -> new ArrayList<>()).add(render);
        return rate;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String report(List<Path> files, List<String> rejected, long bytes, int warmup, int rounds,
            int previewMaxSize, List<Double> bareRates, List<Double> decodingRates, List<Double> toolkitRates,
            double bareMedian, double toolkitMedian,
            Map<String, List<Double>> stepMillis, Map<String, List<Double>> fileMillis) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Files: %d accepted (%.1f MB); rejected: %s%n", files.size(),
                bytes / 1e6, rejected.isEmpty() ? "none" : String.join(", ", rejected)));
        out.append(String.format(Locale.ROOT, "Rounds: %d warm-up, %d measured; median of the measured rounds%n%n",
                warmup, rounds));
        out.append(String.format(Locale.ROOT, "Thumbnail size (renderThumbnail): %d px%n%n", previewMaxSize));
        out.append("| pipeline | median files/s | rounds (files/s) |\n|---|---|---|\n");
        out.append(String.format(Locale.ROOT, "| bare PixelMed read + write | %.1f | %s |%n", bareMedian,
                formatted(bareRates)));
        double decodingMedian = median(decodingRates);
        out.append(String.format(Locale.ROOT, "| bare PixelMed default read (decompresses) + write | %.1f | %s |%n",
                decodingMedian, formatted(decodingRates)));
        out.append(String.format(Locale.ROOT, "| Truthline read + de-identify + write + renderThumbnail | %.1f | %s |%n",
                toolkitMedian, formatted(toolkitRates)));
        out.append(String.format(Locale.ROOT, "%nRatio Truthline / bare read + write, Pixel Data as stored: %.2f%n",
                toolkitMedian / bareMedian));
        out.append(String.format(Locale.ROOT, "Ratio Truthline / bare default read (decompresses) + write: %.2f%n",
                toolkitMedian / decodingMedian));
        out.append(leaveOneOut(files, fileMillis));
        out.append(String.format(Locale.ROOT, "Target (at least %.1f of the bare default read + write): %s%n%n",
                TARGET_RATIO, toolkitMedian / decodingMedian >= TARGET_RATIO ? "met" : "NOT met"));
        out.append("| Truthline step | median ms per round | share |\n|---|---|---|\n");
        double total = 0;
        for (List<Double> values : stepMillis.values()) {
            total += median(values);
        }
        for (String step : List.of("read", "deidentify + write", "renderThumbnail")) {
            double millis = median(stepMillis.get(step));
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f%% |%n", step, millis, 100 * millis / total));
        }
        double withoutPreview = files.size() / ((median(stepMillis.get("read"))
                + median(stepMillis.get("deidentify + write"))) / 1000);
        out.append(String.format(Locale.ROOT, "%nEstimate without renderThumbnail (sum of the read and de-identify step"
                + " medians): %.1f files/s, ratio %.2f%n", withoutPreview, withoutPreview / bareMedian));
        out.append("\n| file | bare ms | bare decompressing ms | read ms | de-identify + write ms | renderThumbnail ms |\n"
                + "|---|---|---|---|---|---|\n");
        for (Path file : files) {
            String name = file.getFileName().toString();
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n", name,
                    median(fileMillis.get("bare " + name)), median(fileMillis.get("decoding " + name)),
                    median(fileMillis.get("read " + name)),
                    median(fileMillis.get("deidentify " + name)), median(fileMillis.get("render " + name))));
        }
        return out.toString();
    }

    /**
     * Computes the ratio against the default read once more without the file whose default read is slowest, from
     * the sums of the per-file medians, so one large compressed file cannot carry the result alone.
     */
    private static String leaveOneOut(List<Path> files, Map<String, List<Double>> fileMillis) {
        String slowest = null;
        double slowestMillis = -1;
        for (Path file : files) {
            String name = file.getFileName().toString();
            double millis = median(fileMillis.get("decoding " + name));
            if (millis > slowestMillis) {
                slowest = name;
                slowestMillis = millis;
            }
        }
        double decoding = 0;
        double truthline = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!name.equals(slowest)) {
                decoding += median(fileMillis.get("decoding " + name));
                truthline += median(fileMillis.get("read " + name)) + median(fileMillis.get("deidentify " + name))
                        + median(fileMillis.get("render " + name));
            }
        }
        return String.format(Locale.ROOT, "Ratio Truthline / bare default read + write without %s (sums of the"
                + " per-file medians): %.2f%n", slowest, truthline == 0 ? 0 : decoding / truthline);
    }

    private static String formatted(List<Double> rates) {
        return String.join(", ", rates.stream().map(rate -> String.format(Locale.ROOT, "%.1f", rate)).toList());
    }

    /** A project remapper like the application's: one new 2.25 UID per original, repeats get the same one. */
    private static final class CountingRemapper implements UidRemapper {
        private final Map<String, String> replacements = new HashMap<>();

        @Override
        public String remap(String originalUid) {
            return replacements.computeIfAbsent(originalUid, uid -> "2.25." + (1000 + replacements.size()));
        }
    }
}
