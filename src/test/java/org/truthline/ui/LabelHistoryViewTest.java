package org.truthline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
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

    /** Both contributors agree and nothing is sampled, so the label is finalized by consensus. */
    private FinalLabel consensusLabel() {
        long imageId = reserveImage();
        setSamplingPlan(0.0, 0);
        annotate("contributor1", imageId, 1, "good");
        annotate("contributor2", imageId, 1, "good");
        return await("a final label for image " + imageId, () -> finalLabels.list(null).stream()
                .filter(label -> label.imageId() == imageId).findFirst());
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
