package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Accept header parsing and the choice of transfer syntax and media type, without a server. */
class DicomwebMediaTypesTest {

    private static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final String EXPLICIT = DicomwebMediaTypes.EXPLICIT_VR_LITTLE_ENDIAN;

    @Nested
    class AcceptParsing {

        @Test
        void unquotedPartType_isAccepted() {
            List<MediaRange> ranges = MediaRange.parseAccept(
                    "multipart/related; type=application/octet-stream; transfer-syntax=*");

            assertThat(ranges).hasSize(1);
            assertThat(ranges.get(0).isMultipartRelated()).isTrue();
            assertThat(ranges.get(0).partType()).isEqualTo("application/octet-stream");
            assertThat(ranges.get(0).transferSyntax()).isEqualTo("*");
        }

        @Test
        void quotedPartType_isUnquoted() {
            MediaRange range = MediaRange.parseAccept("Multipart/Related; Type=\"application/dicom\"").get(0);

            assertThat(range.isMultipartRelated()).isTrue();
            assertThat(range.partType()).isEqualTo("application/dicom");
        }

        @Test
        void ranges_areOrderedByQuality() {
            List<MediaRange> ranges = MediaRange.parseAccept("image/png;q=0.5, image/jpeg, image/gif;q=0");

            assertThat(ranges).extracting(MediaRange::subtype).containsExactly("jpeg", "png", "gif");
        }

        @Test
        void zeroQuality_isKeptAsExclusion() {
            MediaRange range = MediaRange.parseAccept("image/png;q=0").get(0);

            assertThat(range.quality()).isZero();
            assertThat(range.isExclusion()).isTrue();
        }

        @Test
        void absentHeader_acceptsAnything() {
            assertThat(MediaRange.parseAccept(null)).containsExactly(MediaRange.ANY);
            assertThat(MediaRange.parseAccept(" ")).containsExactly(MediaRange.ANY);
        }

        @Test
        void malformedEntry_isRejected() {
            assertThatThrownBy(() -> MediaRange.parseAccept("dicom"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dicom'");
            assertThatThrownBy(() -> MediaRange.parseAccept("image/png; q=2"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q=2");
        }
    }

    @Nested
    class Retrieve {

        @Test
        void noTransferSyntax_keepsStored() {
            assertThat(select("multipart/related; type=\"application/dicom\"", RLE))
                    .isEqualTo(DicomwebMediaTypes.ANY_TRANSFER_SYNTAX);
            assertThat(select(null, RLE)).isEqualTo(DicomwebMediaTypes.ANY_TRANSFER_SYNTAX);
        }

        @Test
        void anyTransferSyntax_keepsStored() {
            assertThat(select("multipart/related; type=\"application/dicom\"; transfer-syntax=*", RLE))
                    .isEqualTo(DicomwebMediaTypes.ANY_TRANSFER_SYNTAX);
        }

        @Test
        void explicitLittleEndian_isOffered() {
            assertThat(select("multipart/related; type=\"application/dicom\"; transfer-syntax=" + EXPLICIT, RLE))
                    .isEqualTo(EXPLICIT);
        }

        @Test
        void storedSyntaxByName_isOffered() {
            assertThat(select("multipart/related; type=application/dicom; transfer-syntax=" + RLE, RLE))
                    .isEqualTo(DicomwebMediaTypes.ANY_TRANSFER_SYNTAX);
        }

        @Test
        void otherSyntax_isNotAcceptable() {
            String accept = "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50";

            assertThatThrownBy(() -> select(accept, RLE))
                    .isInstanceOf(DicomwebException.class)
                    .hasMessageContaining("1.2.840.10008.1.2.4.50")
                    .hasMessageContaining("transfer-syntax=*, here " + RLE)
                    .hasMessageContaining(EXPLICIT)
                    .extracting(e -> ((DicomwebException) e).status()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        }

        @Test
        void laterAcceptableRange_isUsed() {
            String accept = "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50,"
                    + " multipart/related; type=\"application/dicom\"; transfer-syntax=" + EXPLICIT + "; q=0.5";

            assertThat(select(accept, RLE)).isEqualTo(EXPLICIT);
        }

        @Test
        void otherPartType_isNotAcceptable() {
            assertThatThrownBy(() -> select("multipart/related; type=\"image/jpeg\"", RLE))
                    .isInstanceOf(DicomwebException.class).hasMessageContaining("image/jpeg");
        }

        @Test
        void onlyExcludedRanges_areNotAcceptable() {
            assertThatThrownBy(() -> select("multipart/related; type=\"application/dicom\"; q=0", RLE))
                    .isInstanceOf(DicomwebException.class)
                    .extracting(e -> ((DicomwebException) e).offered()).asList().isNotEmpty();
        }

        @Test
        void excludedStoredSyntax_isTranscoded() {
            String accept = "multipart/related; type=\"application/dicom\"; transfer-syntax=" + RLE + "; q=0, */*";

            assertThat(select(accept, RLE)).isEqualTo(EXPLICIT);
        }

        private static String select(String accept, String stored) {
            return DicomwebMediaTypes.dicomTransferSyntax(MediaRange.parseAccept(accept), Set.of(stored));
        }
    }

    @Nested
    class Frames {

        @Test
        void default_isDecodedExplicitLittleEndian() {
            assertThat(select(null, JPEG_2000_LOSSLESS)).isEqualTo(DicomwebMediaTypes.FrameEncoding.DECODED);
            assertThat(select("multipart/related; type=\"application/octet-stream\"", JPEG_2000_LOSSLESS))
                    .isEqualTo(DicomwebMediaTypes.FrameEncoding.DECODED);
        }

        @Test
        void anyTransferSyntax_sendsStoredCompression() {
            DicomwebMediaTypes.FrameEncoding encoding = select(
                    "multipart/related; type=application/octet-stream; transfer-syntax=*", JPEG_2000_LOSSLESS);

            assertThat(encoding.compressed()).isTrue();
            assertThat(encoding.partContentType()).isEqualTo("image/jp2; transfer-syntax=" + JPEG_2000_LOSSLESS);
        }

        @Test
        void anyTransferSyntax_decodesUncompressedStorage() {
            assertThat(select("multipart/related; type=application/octet-stream; transfer-syntax=*", EXPLICIT))
                    .isEqualTo(DicomwebMediaTypes.FrameEncoding.DECODED);
        }

        @Test
        void storedMediaType_sendsStoredCompression() {
            assertThat(select("multipart/related; type=\"image/dicom-rle\"", RLE).partContentType())
                    .isEqualTo("image/dicom-rle; transfer-syntax=" + RLE);
            assertThat(select("multipart/related; type=\"image/x-dicom-rle\"", RLE).compressed()).isTrue();
        }

        @Test
        void otherCompression_isNotAcceptable() {
            String accept = "multipart/related; type=\"image/jpeg\"; transfer-syntax=1.2.840.10008.1.2.4.50";

            assertThatThrownBy(() -> select(accept, RLE))
                    .isInstanceOf(DicomwebException.class)
                    .hasMessageContaining("1.2.840.10008.1.2.4.50")
                    .hasMessageContaining("image/dicom-rle")
                    .hasMessageContaining(EXPLICIT);
        }

        @Test
        void compressedTypeOfUncompressedStorage_isNotAcceptable() {
            assertThatThrownBy(() -> select("multipart/related; type=\"image/jp2\"", EXPLICIT))
                    .isInstanceOf(DicomwebException.class)
                    .hasMessageContaining("image/jp2")
                    .hasMessageContaining("stored in transfer syntax " + EXPLICIT);
        }

        @Test
        void excludedCompression_sendsDecoded() {
            String accept = "multipart/related; type=\"image/jp2\"; q=0, multipart/related; transfer-syntax=*";

            assertThat(select(accept, JPEG_2000_LOSSLESS)).isEqualTo(DicomwebMediaTypes.FrameEncoding.DECODED);
        }

        @Test
        void onlyExcludedRanges_areNotAcceptable() {
            assertThatThrownBy(() -> select("multipart/related; type=\"application/octet-stream\"; q=0", RLE))
                    .isInstanceOf(DicomwebException.class)
                    .extracting(e -> ((DicomwebException) e).status()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        }

        private static DicomwebMediaTypes.FrameEncoding select(String accept, String stored) {
            return DicomwebMediaTypes.frameEncoding(MediaRange.parseAccept(accept), stored);
        }
    }

    @Nested
    class Rendered {

        @Test
        void png_isDefault() {
            assertThat(DicomwebMediaTypes.renderedType(MediaRange.parseAccept(null))).isEqualTo("image/png");
            assertThat(DicomwebMediaTypes.renderedType(MediaRange.parseAccept("image/*"))).isEqualTo("image/png");
        }

        @Test
        void jpeg_whenPreferred() {
            assertThat(DicomwebMediaTypes.renderedType(MediaRange.parseAccept("image/jpeg, image/png;q=0.8")))
                    .isEqualTo("image/jpeg");
        }

        @Test
        void excludedPng_isNotAcceptable() {
            assertThatThrownBy(() -> rendered("image/png;q=0"))
                    .isInstanceOf(DicomwebException.class)
                    .hasMessageContaining("image/png;q=0")
                    .satisfies(e -> assertThat(((DicomwebException) e).status()).isEqualTo(HttpStatus.NOT_ACCEPTABLE))
                    .satisfies(e -> assertThat(((DicomwebException) e).offered())
                            .containsExactly("image/png", "image/jpeg"));
        }

        @Test
        void excludedPngBesideWildcard_sendsJpeg() {
            assertThat(rendered("image/png;q=0, image/*")).isEqualTo("image/jpeg");
            assertThat(rendered("*/*, image/png; q=0")).isEqualTo("image/jpeg");
        }

        @Test
        void excludedWildcard_isNotAcceptable() {
            assertThatThrownBy(() -> rendered("*/*;q=0")).isInstanceOf(DicomwebException.class);
        }

        @Test
        void specificRangeOverridesExcludedWildcard() {
            assertThat(rendered("image/*;q=0, image/jpeg")).isEqualTo("image/jpeg");
        }

        @Test
        void gif_isNotAcceptable() {
            assertThatThrownBy(() -> DicomwebMediaTypes.renderedType(MediaRange.parseAccept("image/gif")))
                    .isInstanceOf(DicomwebException.class)
                    .hasMessageContaining("image/gif")
                    .hasMessageContaining("image/png, image/jpeg");
        }

        private static String rendered(String accept) {
            return DicomwebMediaTypes.renderedType(MediaRange.parseAccept(accept));
        }
    }

    @Nested
    class Metadata {

        @Test
        void excludedDicomJson_isNotAcceptable() {
            assertThatThrownBy(() -> DicomwebMediaTypes.requireDicomJson(
                    MediaRange.parseAccept("application/dicom+json;q=0, */*")))
                    .isInstanceOf(DicomwebException.class)
                    .satisfies(e -> assertThat(((DicomwebException) e).offered())
                            .containsExactly("application/dicom+json"));
        }

        @Test
        void excludedBulkDataMultipart_sendsSinglePart() {
            assertThat(DicomwebMediaTypes.bulkDataAsSinglePart(
                    MediaRange.parseAccept("multipart/related; q=0, */*"))).isTrue();
        }
    }
}
