package org.truthline.intake.scp;

import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.CompositeInstanceStoreAbstractSyntaxSelectionPolicy;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Accepts Verification and every storage SOP class PixelMed supports (image and non-image), each in the transfer
 * syntaxes the intake pipeline decodes. Within a presentation context the sender's order is kept, and PixelMed
 * accepts the first transfer syntax left.
 *
 * <p>PixelMed's own {@code AnyExplicitStorePresentationContextSelectionPolicy} would also accept MPEG and other
 * explicit-VR syntaxes whose pixels Truthline cannot read, so this policy narrows the list. A compressed syntax is
 * accepted only when its decoder is installed, checked once when the policy is built. So a JPEG-LS image never
 * gets Success and is then quarantined as UNSUPPORTED_TRANSFER_SYNTAX. A sender that can decompress it sends it
 * uncompressed, and one that cannot reports that the image was not sent.
 */
class StoragePresentationContextPolicy implements PresentationContextSelectionPolicy {

    /** Result/reason value of a rejected presentation context: transfer syntaxes not supported (PS3.8 9.3.3.2). */
    private static final byte TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    /** The transfer syntaxes the intake pipeline can read when their decoders are installed. */
    static final Set<String> CANDIDATE_TRANSFER_SYNTAXES = Set.of(
            TransferSyntax.ImplicitVRLittleEndian,
            TransferSyntax.ExplicitVRLittleEndian,
            TransferSyntax.ExplicitVRBigEndian,
            TransferSyntax.DeflatedExplicitVRLittleEndian,
            TransferSyntax.RLE,
            TransferSyntax.JPEGBaseline,
            TransferSyntax.JPEGExtended,
            TransferSyntax.JPEGLossless,
            TransferSyntax.JPEGLosslessSV1,
            TransferSyntax.JPEGLS,
            TransferSyntax.JPEGNLS,
            TransferSyntax.JPEG2000Lossless,
            TransferSyntax.JPEG2000);

    private final CompositeInstanceStoreAbstractSyntaxSelectionPolicy abstractSyntaxPolicy =
            new CompositeInstanceStoreAbstractSyntaxSelectionPolicy();
    private final Set<String> acceptedTransferSyntaxes;

    /** Creates a policy that accepts the candidate syntaxes for which {@code decodable} returns true. */
    StoragePresentationContextPolicy(Predicate<String> decodable) {
        this.acceptedTransferSyntaxes = CANDIDATE_TRANSFER_SYNTAXES.stream().filter(decodable)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Returns the transfer syntaxes accepted in storage presentation contexts. */
    Set<String> acceptedTransferSyntaxes() {
        return acceptedTransferSyntaxes;
    }

    @Override
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList presentationContexts, int associationNumber,
            int debugLevel) {
        return applyPresentationContextSelectionPolicy(presentationContexts, associationNumber);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList presentationContexts, int associationNumber) {
        abstractSyntaxPolicy.applyAbstractSyntaxSelectionPolicy(presentationContexts, associationNumber);
        for (Object item : presentationContexts) {
            PresentationContext context = (PresentationContext) item;
            List<String> proposed = new ArrayList<>((List<String>) context.getTransferSyntaxUIDs());
            context.newTransferSyntaxUIDs();
            for (String uid : proposed) {
                if (uid != null && acceptedTransferSyntaxes.contains(uid)) {
                    context.addTransferSyntaxUID(uid);
                }
            }
            if (context.getTransferSyntaxUIDs().isEmpty() && context.getResultReason() == 0) {
                context.setResultReason(TRANSFER_SYNTAXES_NOT_SUPPORTED);
            }
        }
        return presentationContexts;
    }
}
