package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.truthline.dicom.VoiLutFunction;
import org.truthline.dicom.WindowSetting;

/** Frame lists and rendering query parameters, without a server. */
class DicomwebRequestParametersTest {

    @Test
    void frameList_keepsOrderAndDuplicates() {
        assertThat(FrameNumbers.parse("3,1, 3")).containsExactly(3, 1, 3);
        assertThat(FrameNumbers.zeroBased(List.of(3, 1))).containsExactly(2, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "a", "1,,2", "", "-1", "1.5", "99999999999"})
    void invalidFrameList_isBadRequest(String frameList) {
        assertThatThrownBy(() -> FrameNumbers.parse(frameList))
                .isInstanceOf(DicomwebException.class)
                .hasMessageContaining("'" + frameList + "'")
                .extracting(e -> ((DicomwebException) e).status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void frameBeyondCount_isNotFoundWithRange() {
        assertThatThrownBy(() -> FrameNumbers.checkWithin(List.of(2, 11), 10, "1.2.3"))
                .isInstanceOf(DicomwebException.class)
                .hasMessageContaining("Frame 11")
                .hasMessageContaining("numbered 1 to 10")
                .extracting(e -> ((DicomwebException) e).status()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void window_parsesFunction() {
        assertThat(RenderingParameters.window("40,400,sigmoid"))
                .isEqualTo(new WindowSetting(40, 400, null, VoiLutFunction.SIGMOID));
        assertThat(RenderingParameters.window("-600, 1500, LINEAR-EXACT"))
                .isEqualTo(new WindowSetting(-600, 1500, null, VoiLutFunction.LINEAR_EXACT));
        assertThat(RenderingParameters.window("40,400"))
                .isEqualTo(new WindowSetting(40, 400, null, VoiLutFunction.LINEAR));
    }

    @Test
    void windowWidth_mustSuitFunction() {
        assertThat(RenderingParameters.window("0.5,0.5,linear-exact").width()).isEqualTo(0.5);
        assertThatThrownBy(() -> RenderingParameters.window("0.5,0.5,linear"))
                .isInstanceOf(DicomwebException.class).hasMessageContaining("width 0.5");
        assertThatThrownBy(() -> RenderingParameters.window("40,0,sigmoid"))
                .isInstanceOf(DicomwebException.class).hasMessageContaining("width 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"40", "40,400,gamma", "a,400", "40,b", "40,400,linear,1", "NaN,400"})
    void invalidWindow_isBadRequest(String window) {
        assertThatThrownBy(() -> RenderingParameters.window(window))
                .isInstanceOf(DicomwebException.class)
                .hasMessageContaining("window '" + window + "'")
                .extracting(e -> ((DicomwebException) e).status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void otherParameters_areListedAsIgnored() {
        RenderingParameters parameters = RenderingParameters.parse(Map.of("quality", "70", "viewport", "64,64"));

        assertThat(parameters.quality()).isEqualTo(70);
        assertThat(parameters.window()).isNull();
        assertThat(parameters.ignored()).containsExactly("viewport");
    }

    @Test
    void invalidQuality_isBadRequest() {
        assertThatThrownBy(() -> RenderingParameters.parse(Map.of("quality", "0")))
                .isInstanceOf(DicomwebException.class).hasMessageContaining("quality '0'");
    }
}
