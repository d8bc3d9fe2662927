package org.truthline.labeling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.truthline.annotation.Annotation;
import org.truthline.annotation.AnnotationRepository;
import org.truthline.audit.AuditEventType;
import org.truthline.process.ProcessAudit;
import org.truthline.process.ProcessVariables;
import org.truthline.quality.GradeAgreement;
import org.truthline.review.ReviewRepository;
import org.truthline.sampling.SamplingDraw;

/**
 * Serves {@code Task_CompareReaders} in image-labeling (asynchronous, in a job executor transaction): compares the
 * readers' grades and prepares the inputs of the review-sampling decision.
 *
 * <p>Reads {@code projectId}, {@code imageId}. Writes {@code readersAgree} (all grades equal),
 * {@code reviewedItems} (the smallest number of reviewed items among this image's readers in the project),
 * {@code minReviewedItems} and {@code reviewRate} (from the project) and {@code randomDraw} (uniform in [0, 1)).
 */
@Component("compareReaders")
public class CompareReadersDelegate implements JavaDelegate {

    private final AnnotationRepository annotations;
    private final ReviewRepository reviews;
    private final ProjectSettingsRepository projects;
    private final SamplingDraw draw;
    private final ProcessAudit audit;

    public CompareReadersDelegate(AnnotationRepository annotations, ReviewRepository reviews,
            ProjectSettingsRepository projects, SamplingDraw draw, ProcessAudit audit) {
        this.annotations = annotations;
        this.reviews = reviews;
        this.projects = projects;
        this.draw = draw;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = ProcessVariables.projectId(execution);
        long imageId = ProcessVariables.imageId(execution);
        ProjectSettings project = projects.require(projectId);
        List<Annotation> readers = annotations.latestPerReader(execution.getProcessInstanceId());
        if (readers.isEmpty()) {
            throw new IllegalStateException("Image " + imageId + " (instance " + execution.getProcessInstanceId()
                    + ") has no annotations to compare");
        }
        boolean agree = GradeAgreement.agree(readers.stream().map(Annotation::grade).toList());
        int reviewedItems = readers.stream()
                .mapToInt(a -> reviews.reviewedItems(projectId, a.contributor()))
                .min().orElse(0);
        double randomDraw = draw.next();

        execution.setVariable(ProcessVariables.READERS_AGREE, agree);
        execution.setVariable(ProcessVariables.REVIEWED_ITEMS, reviewedItems);
        execution.setVariable(ProcessVariables.MIN_REVIEWED_ITEMS, project.minReviewedItems());
        execution.setVariable(ProcessVariables.REVIEW_RATE, project.reviewRate());
        execution.setVariable(ProcessVariables.RANDOM_DRAW, randomDraw);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("readersAgree", agree);
        details.put("grades", readers.stream().map(Annotation::grade).toList());
        details.put("reviewedItems", reviewedItems);
        details.put("minReviewedItems", project.minReviewedItems());
        details.put("reviewRate", project.reviewRate());
        details.put("randomDraw", randomDraw);
        audit.append(execution, AuditEventType.READERS_COMPARED, projectId, imageId, details);
    }
}
