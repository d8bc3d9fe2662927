package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truthline.dicom.BasicProfile.Action;

/**
 * Checks BasicProfile against rows of PS3.15 Table E.1-1 (2023 edition), written here by tag so that a wrong
 * dictionary constant in BasicProfile fails the test. A combined code such as X/Z/D is written X_Z_D.
 */
class BasicProfileTest {

    @ParameterizedTest(name = "{1} {0} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0040,0512 | ContainerIdentifier                    | D
            0040,0551 | SpecimenIdentifier                     | D
            0040,0610 | SpecimenPreparationSequence            | Z
            0040,0513 | IssuerOfTheContainerIdentifierSequence | Z
            0040,0562 | IssuerOfTheSpecimenIdentifierSequence  | Z
            0040,050A | SpecimenAccessionNumber                | X
            0040,0554 | SpecimenUID                            | U
            0008,0017 | AcquisitionUID                         | U
            0032,1040 | StudyArrivalDate                       | X
            0042,0011 | EncapsulatedDocument                   | D
            0072,006D | SelectorUNValue                        | D
            0018,1205 | DateOfInstallation                     | X
            003A,0329 | WaveformFilterDescription              | X
            0018,9919 | InstructionPerformedDateTime           | Z_D
            0070,0084 | ContentCreatorName                     | Z_D
            0040,A032 | ObservationDateTime                    | X_D
            3008,0250 | TreatmentDate                          | X_D
            300A,00B2 | TreatmentMachineName                   | X_Z
            3008,0105 | SourceSerialNumber                     | X_Z
            0040,0555 | AcquisitionContextSequence             | X_Z
            0008,002A | AcquisitionDateTime                    | X_Z_D
            0008,0080 | InstitutionName                        | X_Z_D
            0008,1140 | ReferencedImageSequence                | X_Z_U
            0008,2112 | SourceImageSequence                    | X_Z_U
            0400,0100 | DigitalSignatureUID                    | U
            0040,A402 | ObservationSubjectUIDTrial             | U
            0040,A027 | VerifyingOrganization                  | D
            0018,9074 | FrameAcquisitionDateTime               | D
            3006,0009 | StructureSetTime                       | Z
            0010,0010 | PatientName                            | Z
            0010,0030 | PatientBirthDate                       | Z
            0020,000D | StudyInstanceUID                       | U
            0010,1010 | PatientAge                             | X
            """)
    void action_matchesTable(String tag, String keyword, String code) {
        String pixelMedKeyword = AttributeList.getDictionary().getNameFromTag(parse(tag));
        if (pixelMedKeyword != null) {
            assertThat(pixelMedKeyword).as("PixelMed keyword of %s in the test data", tag).isEqualTo(keyword);
        }

        assertThat(BasicProfile.ACTIONS.get(parse(tag))).as("action of %s %s", keyword, tag)
                .isEqualTo(Action.valueOf(code));
    }

    /** Rows where BasicProfile is deliberately stricter than the table. BasicProfile states the reasons. */
    @ParameterizedTest(name = "{1} {0} is {2}, table gives {3}")
    @CsvSource(delimiter = '|', textBlock = """
            0040,A730 | ContentSequence                  | X | D
            0040,1101 | PersonIdentificationCodeSequence | Z | D
            0008,0012 | InstanceCreationDate             | X | X_D
            0008,0013 | InstanceCreationTime             | X | X_Z_D
            """)
    void action_stricterThanTable(String tag, String keyword, String code, String tableCode) {
        assertThat(BasicProfile.ACTIONS.get(parse(tag))).as("action of %s %s (table: %s)", keyword, tag, tableCode)
                .isEqualTo(Action.valueOf(code));
    }

    @ParameterizedTest(name = "{0} under BASIC resolves to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0040,0512 | D
            0040,0610 | Z
            0070,0084 | Z
            0040,A032 | X
            0040,0555 | Z
            0008,002A | Z
            0008,1140 | K
            0018,1205 | X
            0008,0060 |
            """)
    void actionFor_basic_resolvesCombinedCodes(String tag, String resolved) {
        Action expected = resolved == null ? null : Action.valueOf(resolved);

        assertThat(BasicProfile.actionFor(parse(tag), DeidentificationOptions.BASIC)).as("resolved action of %s", tag)
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0040,0012 | retainPatientCharacteristics | K
            0010,1010 | retainPatientCharacteristics | K
            0010,0010 | retainPatientCharacteristics | Z
            0010,4000 | cleanDescriptors             | C
            2200,0002 | cleanDescriptors             | C
            2200,0005 | cleanDescriptors             | Z
            0040,0512 | cleanDescriptors             | D
            0040,0610 | cleanStructuredContent       | C
            0040,0512 | cleanStructuredContent       | D
            """)
    void actionFor_option_followsOptionColumn(String tag, String option, String expected) {
        DeidentificationOptions options = switch (option) {
            case "retainPatientCharacteristics" -> new DeidentificationOptions(false, 0, true, false, false);
            case "cleanDescriptors" -> new DeidentificationOptions(false, 0, false, true, false);
            case "cleanStructuredContent" -> new DeidentificationOptions(false, 0, false, false, true);
            default -> throw new IllegalArgumentException("Unknown option name in the test data: " + option);
        };

        assertThat(BasicProfile.actionFor(parse(tag), options)).as("action of %s with %s", tag, option)
                .isEqualTo(Action.valueOf(expected));
    }

    /** Parses "gggg,eeee" in hexadecimal. */
    private static AttributeTag parse(String tag) {
        String[] parts = tag.split(",");
        return new AttributeTag(Integer.parseInt(parts[0], 16), Integer.parseInt(parts[1], 16));
    }
}
