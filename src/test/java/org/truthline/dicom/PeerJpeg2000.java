package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes the first frame of a JPEG 2000 DICOM file with OpenJPEG's {@code opj_decompress}, a decoder independent
 * of jai-imageio, and writes the samples uncompressed into a copy of the file so that dcmtk can render them.
 */
final class PeerJpeg2000 {

    private PeerJpeg2000() {
    }

    static Path decodeToUncompressedCopy(Path file, Path folder, Path opjDecompress) throws Exception {
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        list.read(file.toFile());
        int samplesPerPixel = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, bitsAllocated);
        boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
        OtherByteAttributeMultipleCompressedFrames frames =
                (OtherByteAttributeMultipleCompressedFrames) list.getPixelData();
        Path codestream = folder.resolve(file.getFileName() + ".j2k");
        Files.write(codestream, frames.getByteValuesForSelectedFrame(0));
        Path decoded = folder.resolve(file.getFileName() + (samplesPerPixel == 1 ? ".pgm" : ".ppm"));
        run(List.of(opjDecompress.toString(), "-quiet", "-i", codestream.toString(), "-o", decoded.toString()));
        Pnm pnm = Pnm.read(Files.readAllBytes(decoded));
        assertThat(pnm.samplesPerPixel()).as("samples per pixel decoded by OpenJPEG").isEqualTo(samplesPerPixel);

        list.remove(TagFromName.PixelData);
        list.removeMetaInformationHeaderAttributes();
        if (samplesPerPixel == 3) {
            replace(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "RGB");
            Attribute planar = new UnsignedShortAttribute(TagFromName.PlanarConfiguration);
            planar.addValue(0);
            list.put(planar);
        }
        if (bitsAllocated > 8) {
            OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
            // PNM has no negative values: OpenJPEG writes signed samples offset by half their range.
            pixels.setValues(pnm.shorts(signed ? 1 << (bitsStored - 1) : 0));
            list.put(pixels);
        } else {
            OtherByteAttribute pixels = new OtherByteAttribute(TagFromName.PixelData);
            pixels.setValues(pnm.bytes());
            list.put(pixels);
        }
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TRUTHLINETEST");
        Path copy = folder.resolve(file.getFileName() + ".uncompressed.dcm");
        list.write(copy.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return copy;
    }

    private static void replace(AttributeList list, Attribute attribute, String value) throws Exception {
        attribute.addValue(value);
        list.put(attribute);
    }

    /** Runs a peer command, failing the test when it exits with an error or takes longer than 120 s. */
    static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within 120 s");
        }
        assertThat(process.exitValue()).as("%s exit code, output:%n%s", command.get(0), text).isZero();
    }

    /** A binary PGM (P5) or PPM (P6) image; samples of more than 8 bits are big-endian. */
    private record Pnm(int samplesPerPixel, int maxValue, byte[] data) {

        static Pnm read(byte[] file) {
            int[] position = {0};
            String magic = token(file, position);
            int width = Integer.parseInt(token(file, position));
            int height = Integer.parseInt(token(file, position));
            int maxValue = Integer.parseInt(token(file, position));
            position[0]++;
            int samples = "P6".equals(magic) ? 3 : 1;
            int bytesPerSample = maxValue > 255 ? 2 : 1;
            int length = width * height * samples * bytesPerSample;
            byte[] data = new byte[length];
            System.arraycopy(file, position[0], data, 0, length);
            return new Pnm(samples, maxValue, data);
        }

        /** Returns the samples as 16-bit words, each reduced by {@code offset}. */
        short[] shorts(int offset) {
            if (maxValue <= 255) {
                short[] widened = new short[data.length];
                for (int i = 0; i < data.length; i++) {
                    widened[i] = (short) ((data[i] & 0xFF) - offset);
                }
                return widened;
            }
            short[] values = new short[data.length / 2];
            for (int i = 0; i < values.length; i++) {
                values[i] = (short) (((data[2 * i] & 0xFF) << 8 | (data[2 * i + 1] & 0xFF)) - offset);
            }
            return values;
        }

        byte[] bytes() {
            return data;
        }

        private static String token(byte[] file, int[] position) {
            while (Character.isWhitespace(file[position[0]]) || file[position[0]] == '#') {
                if (file[position[0]] == '#') {
                    while (file[position[0]] != '\n') {
                        position[0]++;
                    }
                }
                position[0]++;
            }
            int start = position[0];
            while (!Character.isWhitespace(file[position[0]])) {
                position[0]++;
            }
            return new String(file, start, position[0] - start, StandardCharsets.US_ASCII);
        }
    }
}
