package org.truthline.intake;

import java.util.List;

/**
 * Takes an image out of labeling when a lead reopens its burned-in annotation decision, so that no contributor
 * gets the image while it is held again. Intake owns this contract and the labeling package implements it, which
 * keeps intake free of process code. Calls run in the caller's transaction.
 */
public interface LabelingWithdrawal {

    /**
     * Deletes the image's running labeling process and its contributors' assignments, unless work on the image
     * has begun: a contributor was served the image or submitted an annotation, or the image is a gold-standard
     * case. An image whose labeling has not started yet needs nothing withdrawn.
     *
     * @param reason the deletion reason recorded in the process history
     * @throws BurnedInReviewConflictException when work on the image has begun, naming what was found
     */
    Withdrawn withdraw(long imageId, String reason);

    /**
     * The process instances and assignments withdrawn, for the audit entry.
     *
     * @param processInstanceIds the deleted image-labeling instances, usually one or none
     * @param contributors the contributors whose assignments were deleted
     */
    record Withdrawn(List<String> processInstanceIds, List<String> contributors) {
    }
}
