package org.truthline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.identity.Role;
import org.truthline.labeling.FinalLabel;
import org.truthline.labeling.FinalLabelRepository;
import org.truthline.labeling.LabelHistory;
import org.truthline.ui.label.LabelHistoryView;

class LabelHistoryViewTest extends KaribuTestBase {

    @Autowired
    FinalLabelRepository finalLabels;

    private static final String COMMENT = "Faint opacity in the upper field";

    /** Shared by the tests, because the demo has few images to reserve. */
    private static FinalLabel consensusLabel;

    /**
     * Both contributors agree and nothing is sampled, so the label is finalized by consensus. Only contributor1
     * enters a comment.
     */
    private synchronized FinalLabel consensusLabel() {
        if (consensusLabel != null) {
            return consensusLabel;
        }
        long imageId = reserveImage();
        setSamplingPlan(0.0, 0);
        annotate("contributor1", imageId, Map.of("grade", 1, "quality", "good", "comment", COMMENT));
        annotate("contributor2", imageId, 1, "good");
        consensusLabel = await("a final label for image " + imageId, () -> finalLabels.list(null).stream()
                .filter(label -> label.imageId() == imageId).findFirst());
        return consensusLabel;
    }

    @Test
    void showsCommentOfAnnotation() {
        FinalLabel label = consensusLabel();
        signIn("auditor", Role.AUDITOR);
        UI.getCurrent().navigate(LabelHistoryView.class);

        @SuppressWarnings("unchecked")
        Grid<FinalLabel> labels = _get(Grid.class, spec -> spec.withId("label-grid"));
        labels.select(label);

        @SuppressWarnings("unchecked")
        Grid<LabelHistory.Event> events = _get(Grid.class, spec -> spec.withId("label-events"));
        Map<String, String> commentByActor = new HashMap<>();
        Map<String, String> detailsByActor = new HashMap<>();
        for (int i = 0; i < GridKt._size(events); i++) {
            if (GridKt._getFormatted(events, i, "what").equals("ANNOTATION_SUBMITTED")) {
                String actor = GridKt._getFormatted(events, i, "who");
                commentByActor.put(actor, GridKt._getFormatted(events, i, "comment"));
                detailsByActor.put(actor, GridKt._getFormatted(events, i, "details"));
            }
        }
        assertThat(commentByActor).containsEntry("contributor1", COMMENT);
        assertThat(commentByActor).containsEntry("contributor2", "");
        assertThat(detailsByActor.get("contributor1")).as("audited details").contains("\"comment\":\"" + COMMENT);
        assertThat(detailsByActor.get("contributor2")).as("audited details").doesNotContain("comment");
    }

    @Test
    void showsOrderedEventsOfSelectedLabel() {
        FinalLabel label = consensusLabel();
        signIn("auditor", Role.AUDITOR);
        UI.getCurrent().navigate(LabelHistoryView.class);

        @SuppressWarnings("unchecked")
        Grid<FinalLabel> labels = _get(Grid.class, spec -> spec.withId("label-grid"));
        int row = 0;
        while (GridKt._get(labels, row).id() != label.id()) {
            row++;
        }
        assertThat(GridKt._getFormatted(labels, row, "source")).isEqualTo(FinalLabel.CONSENSUS);
        assertThat(GridKt._getFormatted(labels, row, "grade")).isEqualTo("1");
        labels.select(GridKt._get(labels, row));

        @SuppressWarnings("unchecked")
        Grid<LabelHistory.Event> events = _get(Grid.class, spec -> spec.withId("label-events"));
        List<String> types = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < GridKt._size(events); i++) {
            types.add(GridKt._getFormatted(events, i, "what"));
            ids.add(GridKt._get(events, i).auditId());
            assertThat(GridKt._getFormatted(events, i, "who")).as("actor of event " + i).isNotBlank();
            assertThat(GridKt._getFormatted(events, i, "when")).as("time of event " + i).isNotBlank();
        }
        assertThat(types).containsSubsequence("IMAGE_IMPORTED", "IMAGE_DEIDENTIFIED", "READERS_ASSIGNED",
                "ANNOTATION_SUBMITTED", "ANNOTATION_SUBMITTED", "SAMPLING_DECIDED", "LABEL_FINALIZED");
        assertThat(types).doesNotContain("IMAGE_VIEWED");
        assertThat(ids).isSorted();

        int finalized = types.lastIndexOf("LABEL_FINALIZED");
        assertThat(GridKt._getFormatted(events, finalized, "process")).matches("image-labeling v[1-9][0-9]*");
        assertThat(GridKt._getFormatted(events, finalized, "who")).isNotBlank();
        _assertNone(Paragraph.class, spec -> spec.withId("label-events-hint"));
    }
}
