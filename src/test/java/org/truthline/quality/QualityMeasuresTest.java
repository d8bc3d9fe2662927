package org.truthline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityMeasuresTest {

    @Test
    void gradeAgreement_requiresTwoEqualGrades() {
        assertThat(GradeAgreement.agree(List.of(2, 2))).isTrue();
        assertThat(GradeAgreement.agree(List.of(2, 3))).isFalse();
        assertThat(GradeAgreement.agree(List.of(2))).isFalse();
        assertThat(GradeAgreement.consensus(List.of(1, 1, 1))).contains(1);
    }

    @Test
    void qualityConsensus_picksMostCautious() {
        List<String> order = List.of("good", "adequate", "poor");
        assertThat(QualityConsensus.mostCautious(List.of("good", "adequate"), order)).isEqualTo("adequate");
        assertThat(QualityConsensus.mostCautious(List.of("good", "good"), order)).isEqualTo("good");
        assertThatThrownBy(() -> QualityConsensus.mostCautious(List.of("blurry"), order))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void qualificationScore_passesAtThreshold() {
        assertThat(QualificationScore.of(4, 5, 0.8).passed()).isTrue();
        assertThat(QualificationScore.of(3, 5, 0.8).passed()).isFalse();
        assertThat(QualificationScore.of(3, 5, 0.8).score()).isEqualTo(0.6);
        assertThatThrownBy(() -> QualificationScore.of(0, 0, 0.8)).isInstanceOf(IllegalArgumentException.class);
    }
}
