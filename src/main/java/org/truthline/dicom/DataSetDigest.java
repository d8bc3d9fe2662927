package org.truthline.dicom;

/**
 * A digest of a DICOM object's data set that does not depend on how the file was written, so two copies of one
 * object received by different paths compare equal.
 *
 * <p>The digest is the SHA-256 of the data set written by PixelMed after File Meta Information, group lengths
 * and Data Set Trailing Padding are removed: in Implicit VR Little Endian when the Pixel Data is native, or in
 * the file's own transfer syntax when it is encapsulated. A sender's AE title in (0002,0016), group lengths that
 * one writer adds and another drops, odd-length padding, explicit or implicit VR and byte order therefore do not
 * change it. Compressed Pixel Data is compared as stored, so the same image in two compressed transfer syntaxes,
 * or compressed and native, gets different digests.
 *
 * @param sha256 the SHA-256 in lower-case hex
 * @param transferSyntaxUid the transfer syntax the file's data set is encoded in
 */
public record DataSetDigest(String sha256, String transferSyntaxUid) {
}
