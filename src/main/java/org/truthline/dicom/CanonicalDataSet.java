package org.truthline.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes {@link DataSetDigest}s: the data set re-encoded one fixed way, then hashed. */
final class CanonicalDataSet {

    private CanonicalDataSet() {
    }

    /**
     * Digests a data set read without decompression. The list loses its File Meta Information, group lengths and
     * trailing padding on the way.
     */
    static DataSetDigest digest(AttributeList list, DicomHeader header) throws DicomRejectedException {
        String transferSyntax = header.transferSyntaxUid();
        list.removeMetaInformationHeaderAttributes();
        list.removeGroupLengthAttributes();
        list.remove(TagFromName.DataSetTrailingPadding);
        // Implicit VR drops the value representation, which writers disagree on for private attributes (UN
        // after an implicit VR hop, LO or similar from a writer with a private dictionary).
        String encoding = new TransferSyntax(transferSyntax).isEncapsulated() ? transferSyntax
                : TransferSyntax.ImplicitVRLittleEndian;
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            list.write(out, encoding, false, true);
        } catch (IOException | DicomException e) {
            throw new DicomRejectedException(QuarantineReason.MALFORMED, header.fileName()
                    + ": the data set cannot be encoded for comparison (" + e.getMessage()
                    + "); re-export the object from the source system", e);
        }
        return new DataSetDigest(HexFormat.of().formatHex(sha256.digest()), transferSyntax);
    }
}
