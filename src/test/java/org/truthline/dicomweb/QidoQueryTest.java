package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Parsing of QIDO-RS query parameters, without a server. */
class QidoQueryTest {

    @Test
    void emptyUidKeys_matchEverything() {
        QidoQuery query = parse("StudyInstanceUID", "", "SeriesInstanceUID", "", "SOPInstanceUID", "",
                "Modality", "");

        assertThat(query.match().studyInstanceUid()).isNull();
        assertThat(query.match().seriesInstanceUid()).isNull();
        assertThat(query.match().sopInstanceUid()).isNull();
        assertThat(query.match().modality()).isNull();
    }

    @Test
    void emptyKeys_becomeReturnKeys() {
        QidoQuery query = parse("0020000D", "", "PatientID", "", "StudyDate", "");

        assertThat(query.includeFields()).containsExactly("StudyInstanceUID", "PatientID", "StudyDate");
        assertThat(query.studyMatch()).isEqualTo(DicomwebImages.StudyMatch.ANY);
    }

    @Test
    void keyWithValue_isNoReturnKey() {
        QidoQuery query = parse("StudyInstanceUID", "1.2.3");

        assertThat(query.match().studyInstanceUid()).isEqualTo("1.2.3");
        assertThat(query.includeFields()).isEmpty();
    }

    @Test
    void pathUid_winsOverEmptyKey() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("StudyInstanceUID", "");

        QidoQuery query = QidoQuery.parse(parameters, "1.2.3", null);

        assertThat(query.match().studyInstanceUid()).isEqualTo("1.2.3");
    }

    @Test
    void parameterWithoutValue_isEmptyKey() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("SeriesInstanceUID", null);

        QidoQuery query = QidoQuery.parse(parameters, null, null);

        assertThat(query.match().seriesInstanceUid()).isNull();
        assertThat(query.includeFields()).containsExactly("SeriesInstanceUID");
    }

    private static QidoQuery parse(String... namesAndValues) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return QidoQuery.parse(parameters, null, null);
    }
}
