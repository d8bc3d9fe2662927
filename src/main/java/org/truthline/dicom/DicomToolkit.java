package org.truthline.dicom;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Truthline's one entry point to a DICOM toolkit, so the toolkit stays replaceable. The DICOM package does not
 * depend on projects, processes or screens. Intake calls it, never the reverse.
 *
 * <p>Every method checks the configured limits (file size, sequence depth, frame count, rows x columns x frames)
 * before allocating a pixel buffer, and reports unusable input as a {@link DicomRejectedException} whose
 * {@link QuarantineReason} names the problem.
 */
public interface DicomToolkit {

    /**
     * Lists the entries under a folder, recursively, that are not folders: regular files, and also symbolic links
     * and special files, which the caller must not open blindly. A DICOMDIR is replaced by the files it
     * references, and referenced files that are missing are listed apart. Given a DICOMDIR file instead of a
     * folder, it lists what that DICOMDIR references.
     */
    FolderListing listFolder(Path folderOrDicomdir);

    /** Returns the files of {@link #listFolder}, without the missing references. */
    default List<Path> listFiles(Path folder) {
        return listFolder(folder).files();
    }

    /**
     * Returns the files that a DICOMDIR references, resolved against its folder, whether they exist or not.
     * References outside that folder are left out, and an unreadable DICOMDIR yields an empty list. Both are
     * logged as warnings.
     */
    List<Path> referencedFiles(Path dicomdir);

    /** Reads the header and checks the limits, without decoding pixels. */
    DicomSummary read(Path file) throws DicomRejectedException;

    /**
     * Computes the digest of a file's data set in a canonical encoding (see {@link DataSetDigest}). It reads the
     * whole file with Pixel Data, after the same limit checks as {@link #read}.
     */
    DataSetDigest digestDataSet(Path file) throws DicomRejectedException;

    /**
     * Returns Media Storage SOP Instance UID (0002,0003) from the File Meta Information, reading nothing after
     * it, or an empty value when the file has no File Meta Information, the value is missing or the file cannot
     * be read.
     */
    Optional<String> mediaStorageSopInstanceUid(Path file);

    /**
     * Returns true when Pixel Data in this transfer syntax can be decoded here: the native syntaxes and RLE
     * always, a compressed syntax only when an ImageIO reader for it is installed.
     */
    boolean canDecode(String transferSyntaxUid);

    /** Returns the transfer syntax UID with its name, such as "1.2.840.10008.1.2.4.80 (JPEG-LS Lossless)". */
    String describeTransferSyntax(String transferSyntaxUid);

    /**
     * Writes a de-identified copy of {@code source} to {@code target}: PS3.15 Annex E Basic Profile, every
     * sequence at every depth, private attributes removed, UIDs (File Meta included) replaced through
     * {@code uids}, PatientIdentityRemoved = YES and the De-identification Method Code Sequence added.
     */
    DeidentificationReport deidentify(Path source, Path target, UidRemapper uids, DeidentificationOptions options)
            throws DicomRejectedException;

    /**
     * Renders one frame (0-based) as an 8-bit PNG: modality LUT or rescale, then the given window through its VOI
     * LUT function or, when {@code window} is null, the image's first window (or its VOI LUT, or the pixel
     * range), MONOCHROME1 inverted, colour converted to RGB.
     */
    byte[] renderPng(Path file, int frame, WindowSetting window) throws DicomRejectedException;

    /**
     * Renders frame 0 with the image's own window as a PNG whose longest side is at most {@code maxSize} pixels,
     * for lists and a first look. It decodes the pixels like {@link #renderPng}, so a frame that cannot be
     * decoded fails here too, but may decode a JPEG 2000 frame at a reduced resolution level only.
     *
     * @throws IllegalArgumentException when {@code maxSize} is outside the range the toolkit supports
     */
    byte[] renderThumbnail(Path file, int maxSize) throws DicomRejectedException;

    /** The smallest and largest thumbnail sizes that {@link #renderThumbnail} accepts, in pixels. */
    int MIN_THUMBNAIL_SIZE = 16;
    int MAX_THUMBNAIL_SIZE = 4096;

    /**
     * Lists the attributes of a file's data set for DICOM JSON, File Meta Information and group lengths left out.
     * Values of binary VRs (OB, OD, OF, OL, OV, OW, UN) and Pixel Data are not read, but marked as bulk data with
     * the path that {@link #readBulkData} and, for Pixel Data, {@link #decodeFrames} read them by.
     *
     * <p>NOTE: parsing stops at Pixel Data, so attributes after it (Data Set Trailing Padding, digital signatures)
     * are not listed.
     */
    List<DicomElement> readAttributes(Path file) throws DicomRejectedException;

    /**
     * Returns one bulk data value listed by {@link #readAttributes}, encoded as Explicit VR Little Endian encodes
     * it, or empty when the file has no attribute at that path.
     *
     * @throws IllegalArgumentException when the path is malformed, names Pixel Data (read it with
     *     {@link #decodeFrames} or {@link #readCompressedFrames}), or names an attribute that is not bulk data
     */
    Optional<byte[]> readBulkData(Path file, String bulkDataPath) throws DicomRejectedException;

    /** Receives the pixel data of one frame, numbered from 0. The array belongs to the receiver. */
    @FunctionalInterface
    interface FrameConsumer {
        void accept(int frame, byte[] pixelData) throws IOException;
    }

    /**
     * Decodes Pixel Data and passes the given frames (0-based, in the order given) to {@code consumer} as native
     * little-endian bytes, laid out as {@link #transcodeToExplicitVrLittleEndian} writes them: JPEG and JPEG 2000
     * colour becomes RGB, and RLE keeps the Planar Configuration of the file.
     *
     * <p>NOTE: a compressed file is decoded whole, every frame, before the first frame is passed on. Reading the
     * frames of a long compressed multi-frame object one request at a time therefore decodes it many times.
     *
     * @throws IllegalArgumentException when a frame number is outside 0 to Number of Frames - 1
     * @throws IOException when {@code consumer} throws it
     */
    void decodeFrames(Path file, List<Integer> frames, FrameConsumer consumer)
            throws DicomRejectedException, IOException;

    /**
     * Passes the given frames (0-based, in the order given) of encapsulated Pixel Data to {@code consumer} as
     * stored: the compressed fragments of each frame joined, without item tags and lengths. PixelMed drops any
     * bytes after the end marker (FFD9) of a JPEG or JPEG 2000 codestream, which some writers leave as padding.
     *
     * @throws IllegalArgumentException when the Pixel Data is not encapsulated, or a frame number is outside 0
     *     to Number of Frames - 1
     * @throws IOException when {@code consumer} throws it
     */
    void readCompressedFrames(Path file, List<Integer> frames, FrameConsumer consumer)
            throws DicomRejectedException, IOException;

    /**
     * Writes a copy of {@code source} in Explicit VR Little Endian to {@code target}, with compressed Pixel Data
     * decoded. Colour decoded from JPEG or JPEG 2000 becomes RGB, and a lossy source gets Lossy Image Compression
     * 01 with its ratio and method. File Meta Information names the new transfer syntax, and every other
     * attribute, UIDs included, is kept.
     */
    void transcodeToExplicitVrLittleEndian(Path source, Path target) throws DicomRejectedException;

    /** Modalities whose images commonly carry burned-in text (patient name, dates, clinic) in their pixels. */
    Set<String> BURNED_IN_TEXT_MODALITIES = Set.of("US", "SC", "OT", "XC", "ES");

    /** The Encapsulated Document Storage SOP Classes (PDF, CDA, STL, ...) start with this UID. */
    String ENCAPSULATED_DOCUMENT_SOP_CLASS_ROOT = "1.2.840.10008.5.1.4.1.1.104.";

    /**
     * Returns true when the object may show identifying text in its pixels or document content, so a person must
     * look at it before it is used: BurnedInAnnotation is YES; or the modality is one of
     * {@link #BURNED_IN_TEXT_MODALITIES} and the flag is not NO; or the flag is absent (or neither YES nor NO)
     * on any modality. Only an explicit NO clears an image. An object without Pixel Data that is not an
     * encapsulated document (SR, SEG without pixels, presentation state) has no pixels to show text, so it
     * returns false unless its flag is YES.
     */
    default boolean likelyBurnedIn(DicomSummary summary) {
        String flag = summary.burnedInAnnotation() == null ? "" : summary.burnedInAnnotation().trim().toUpperCase();
        if ("YES".equals(flag)) {
            return true;
        }
        boolean encapsulatedDocument = summary.sopClassUid() != null
                && summary.sopClassUid().startsWith(ENCAPSULATED_DOCUMENT_SOP_CLASS_ROOT);
        if (!summary.hasPixelData() && !encapsulatedDocument) {
            return false;
        }
        if ("NO".equals(flag)) {
            return false;
        }
        // The flag is absent or invalid here. A listed modality needs review unless the flag is NO, and so does
        // any other modality without the flag, so the modality cannot clear the image.
        return true;
    }

    /**
     * Blanks rectangles (in image pixels, origin top left) in every frame of a de-identified file and writes the
     * result to {@code target}. A masked region takes the darkest value: the smallest stored value of the image
     * for MONOCHROME2 and PALETTE COLOR, the largest for MONOCHROME1, black for colour. Compressed Pixel Data is
     * decompressed and written as Explicit VR Little Endian; colour is written as RGB with Planar Configuration
     * 0. The result is a different object from the source, so it gets {@code sopInstanceUid} as SOP Instance UID
     * (in the data set and the File Meta Information). BurnedInAnnotation becomes NO, and every other attribute
     * is kept.
     *
     * @throws IllegalArgumentException when a rectangle is empty or reaches outside the image, when the source
     *     is not de-identified (PatientIdentityRemoved is not YES), when its pixel layout cannot be masked, or
     *     when {@code sopInstanceUid} is not a valid UID or equals the source's
     */
    void maskRectangles(Path source, Path target, List<Rectangle> rectangles, String sopInstanceUid)
            throws DicomRejectedException;

    /**
     * Returns the identifying header text of a file for staff screens, keyword to text: {@link
     * #IDENTIFYING_TEXT_KEYWORDS} that are present, decoded with the file's Specific Character Set. A value that
     * cannot be decoded is returned as {@code [undecoded <character set>] 0x<hex bytes>} instead of failing.
     */
    Map<String, String> identifyingText(Path file) throws DicomRejectedException;

    /**
     * Returns one top-level text attribute decoded like {@link #identifyingText}, multiple values joined by a
     * backslash, or null when the attribute is absent.
     *
     * @throws IllegalArgumentException when {@code keyword} is not a DICOM keyword
     */
    String decodedText(Path file, String keyword) throws DicomRejectedException;

    /** The attributes {@link #identifyingText} returns when present, in this order. */
    List<String> IDENTIFYING_TEXT_KEYWORDS = List.of("PatientName", "PatientID", "PatientBirthDate",
            "OtherPatientNames", "AccessionNumber", "StudyDescription", "SeriesDescription", "InstitutionName",
            "InstitutionAddress", "InstitutionalDepartmentName", "ReferringPhysicianName", "PerformingPhysicianName",
            "OperatorsName", "StationName");
}
