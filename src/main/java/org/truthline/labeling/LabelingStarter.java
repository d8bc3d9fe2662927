package org.truthline.labeling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.truthline.intake.ImageImportedEvent;

/**
 * Starts labeling each imported image. Runs after the importing transaction commits, or at once when the event
 * is published outside a transaction.
 */
@Component
class LabelingStarter {

    private static final Logger log = LoggerFactory.getLogger(LabelingStarter.class);

    private final LabelingService labeling;

    LabelingStarter(LabelingService labeling) {
        this.labeling = labeling;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onImageImported(ImageImportedEvent event) {
        try {
            labeling.start(event.projectId(), event.imageId(), event.importedBy());
        } catch (RuntimeException e) {
            // The image is stored either way; failing the import for it would hide that.
            log.error("Labeling of image {} in project {} could not start; start it again with "
                    + "LabelingService.start once the cause is fixed", event.imageId(), event.projectId(), e);
        }
    }
}
