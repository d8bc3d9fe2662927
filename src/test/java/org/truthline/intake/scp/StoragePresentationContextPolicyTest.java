package org.truthline.intake.scp;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.PresentationContext;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoragePresentationContextPolicyTest {

    /** Result/reason value of a presentation context rejected for its transfer syntaxes (PS3.8 9.3.3.2). */
    private static final byte TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    @Test
    void undecodableJpegLs_isRejected() {
        Set<String> decodable = Set.of(TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian);
        StoragePresentationContextPolicy policy = new StoragePresentationContextPolicy(decodable::contains);
        PresentationContext jpegLs = new PresentationContext((byte) 1, SOPClass.MRImageStorage,
                TransferSyntax.JPEGLS);
        PresentationContext uncompressed = new PresentationContext((byte) 3, SOPClass.MRImageStorage,
                new LinkedList<>(List.of(TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian)));

        policy.applyPresentationContextSelectionPolicy(new LinkedList<>(List.of(jpegLs, uncompressed)), 1);

        assertThat(jpegLs.getResultReason()).isEqualTo(TRANSFER_SYNTAXES_NOT_SUPPORTED);
        assertThat(uncompressed.getResultReason()).isZero();
        assertThat(uncompressed.getTransferSyntaxUIDs()).first().isEqualTo(TransferSyntax.ExplicitVRLittleEndian);
    }

    @Test
    void decodableJpegLs_isAccepted() {
        StoragePresentationContextPolicy policy = new StoragePresentationContextPolicy(uid -> true);
        PresentationContext jpegLs = new PresentationContext((byte) 1, SOPClass.MRImageStorage,
                TransferSyntax.JPEGLS);

        policy.applyPresentationContextSelectionPolicy(new LinkedList<>(List.of(jpegLs)), 1);

        assertThat(jpegLs.getResultReason()).isZero();
        assertThat(jpegLs.getTransferSyntaxUIDs()).containsExactly(TransferSyntax.JPEGLS);
    }

    @Test
    void acceptedSyntaxes_followTheDecoders() {
        StoragePresentationContextPolicy policy = new StoragePresentationContextPolicy(
                uid -> !uid.equals(TransferSyntax.JPEGLS) && !uid.equals(TransferSyntax.JPEGNLS));

        assertThat(policy.acceptedTransferSyntaxes())
                .contains(TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.RLE)
                .doesNotContain(TransferSyntax.JPEGLS, TransferSyntax.JPEGNLS);
    }
}
