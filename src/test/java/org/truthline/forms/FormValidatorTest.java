package org.truthline.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Type checks of submitted values: numbers and numeric choices must arrive as JSON numbers. */
class FormValidatorTest {

    private static final FormDefinition ANNOTATE = new FormRegistry(Path.of("forms"), new ObjectMapper())
            .require("annotate");

    private static final FormDefinition MEASURE = new FormDefinition("measure", "measure.form", List.of(
            new FormField("diameter", "number", "Diameter", null, null, true, 0.0, 50.0, null, null, List.of())));

    @Nested
    class NumericChoice {

        @Test
        void gradeField_isNumericChoice() {
            assertThat(ANNOTATE.field("grade")).get().extracting(FormField::numericChoice).isEqualTo(true);
            assertThat(ANNOTATE.field("quality")).get().extracting(FormField::numericChoice).isEqualTo(false);
        }

        @Test
        void jsonNumber_accepted() {
            assertThat(FormValidator.validate(ANNOTATE, Map.of("grade", 2, "quality", "good"))).isEmpty();
            assertThat(FormValidator.validate(ANNOTATE, Map.of("grade", 2L, "quality", "good"))).isEmpty();
        }

        @Test
        void wholeDouble_accepted() {
            assertThat(FormValidator.validate(ANNOTATE, Map.of("grade", 2.0, "quality", "good"))).isEmpty();
        }

        @Test
        void string_rejectedWithFieldValueAndFix() {
            Map<String, String> errors = FormValidator.validate(ANNOTATE, Map.of("grade", "2", "quality", "good"));

            assertThat(errors).containsOnlyKeys("grade");
            assertThat(errors.get("grade")).contains("Grade").contains("\"2\"").contains("\"grade\": 2");
        }

        @Test
        void fraction_rejected() {
            Map<String, String> errors = FormValidator.validate(ANNOTATE, Map.of("grade", 2.5, "quality", "good"));

            assertThat(errors.get("grade")).contains("2.5").contains("[0, 1, 2, 3, 4]");
        }

        @Test
        void numberOutsideOptions_rejected() {
            Map<String, String> errors = FormValidator.validate(ANNOTATE, Map.of("grade", 7, "quality", "good"));

            assertThat(errors.get("grade")).contains("7").contains("[0, 1, 2, 3, 4]");
        }

        @Test
        void textChoice_stillTakesString() {
            Map<String, String> errors = FormValidator.validate(ANNOTATE, Map.of("grade", 1, "quality", 2));

            assertThat(errors.get("quality")).contains("'2'").contains("good");
        }
    }

    @Nested
    class NumberField {

        @Test
        void jsonNumber_accepted() {
            assertThat(FormValidator.validate(MEASURE, Map.of("diameter", 12.5))).isEmpty();
        }

        @Test
        void string_rejectedWithFieldValueAndFix() {
            Map<String, String> errors = FormValidator.validate(MEASURE, Map.of("diameter", "12"));

            assertThat(errors.get("diameter")).contains("Diameter").contains("\"12\"")
                    .contains("\"diameter\": 12");
        }

        @Test
        void textThatParsesAsSpecialDouble_rejected() {
            for (String text : List.of("NaN", "Infinity", "0x1p3", " 12 ")) {
                assertThat(FormValidator.validate(MEASURE, Map.of("diameter", text))).as(text)
                        .containsKey("diameter");
            }
        }

        @Test
        void boolean_rejected() {
            assertThat(FormValidator.validate(MEASURE, Map.of("diameter", true)).get("diameter"))
                    .contains("true");
        }

        @Test
        void outOfRange_rejected() {
            assertThat(FormValidator.validate(MEASURE, Map.of("diameter", 51)).get("diameter"))
                    .contains("at most 50");
        }
    }
}
