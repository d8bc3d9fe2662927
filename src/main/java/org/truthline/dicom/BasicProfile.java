package org.truthline.dicom;

import static java.util.Map.entry;
import static org.truthline.dicom.BasicProfile.Action.C;
import static org.truthline.dicom.BasicProfile.Action.D;
import static org.truthline.dicom.BasicProfile.Action.K;
import static org.truthline.dicom.BasicProfile.Action.U;
import static org.truthline.dicom.BasicProfile.Action.X;
import static org.truthline.dicom.BasicProfile.Action.X_D;
import static org.truthline.dicom.BasicProfile.Action.X_Z;
import static org.truthline.dicom.BasicProfile.Action.X_Z_D;
import static org.truthline.dicom.BasicProfile.Action.X_Z_U;
import static org.truthline.dicom.BasicProfile.Action.Z;
import static org.truthline.dicom.BasicProfile.Action.Z_D;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.util.Map;
import java.util.Set;

/**
 * The Basic Application Level Confidentiality Profile of DICOM PS3.15 Annex E, Table E.1-1: the action for each
 * listed attribute, plus the attributes that the Retain Patient Characteristics and Clean Descriptors options
 * keep. The Clean Structured Content Option has its own tables in {@link StructuredContent}. Attributes not listed
 * are kept, except private ones and the repeating curve and overlay groups, which {@link Deidentifier} handles by
 * rule.
 *
 * <p>NOTE: the table was transcribed from the standard's table by hand (standard attributes known to PixelMed's
 * 2022 dictionary); attributes added to Table E.1-1 later are not listed and are therefore kept.
 *
 * <p>NOTE: Container Identifier, Specimen Identifier and Specimen Preparation Sequence are missing, although Table
 * E.1-1 gives them D, D and Z. Slide microscopy copies therefore keep specimen identifiers.
 */
final class BasicProfile {

    /** The action codes of Table E.1-1; a combined code such as X/Z is written X_Z. */
    enum Action {
        /** Replace with a non-zero-length dummy value of the same VR. */
        D,
        /** Replace with a zero-length value. */
        Z,
        /** Remove. */
        X,
        /** Keep (sequences are still cleaned item by item). */
        K,
        /** Clean: replace with values of similar meaning that identify no one. */
        C,
        /** Replace the UID with one that is consistent within the project. */
        U,
        /** Z unless D is required for IOD conformance. */
        Z_D,
        /** X unless Z is required. */
        X_Z,
        /** X unless D is required. */
        X_D,
        /** X unless Z or D is required. */
        X_Z_D,
        /** X unless Z, or replacing the contained UIDs, is required (sequences of references). */
        X_Z_U;

        /**
         * Resolves a combined code without knowing the IOD: keep the attribute present where the code allows
         * a zero-length value (so Type 2 attributes stay conformant), and remove it where the choice is
         * between removal and a dummy. Sequences of references (X/Z/U*) are kept with their UIDs replaced.
         *
         * <p>NOTE: a Type 1 attribute marked Z/D or X/Z/D ends up zero-length, which an IOD validator reports.
         */
        Action resolved() {
            return switch (this) {
                case Z_D, X_Z, X_Z_D -> Z;
                case X_D -> X;
                case X_Z_U -> K;
                default -> this;
            };
        }
    }

    static final Map<AttributeTag, Action> ACTIONS = Map.ofEntries(
            entry(TagFromName.AccessionNumber, Z),
            entry(TagFromName.AcquisitionComments, X),
            entry(TagFromName.AcquisitionContextSequence, X),
            entry(TagFromName.AcquisitionDate, X_Z),
            entry(TagFromName.AcquisitionDateTime, X_D),
            entry(Keywords.tag("AcquisitionDeviceProcessingDescription"), X_D),
            entry(Keywords.tag("AcquisitionFieldOfViewLabel"), D),
            entry(TagFromName.AcquisitionProtocolDescription, X),
            entry(TagFromName.AcquisitionTime, X_Z),
            entry(TagFromName.AcquisitionUID, U),
            entry(TagFromName.ActualHumanPerformersSequence, X),
            entry(TagFromName.AdditionalPatientHistory, X),
            entry(Keywords.tag("AddressTrial"), X),
            entry(TagFromName.AdmissionID, X),
            entry(TagFromName.AdmittingDate, X),
            entry(TagFromName.AdmittingDiagnosesCodeSequence, X),
            entry(TagFromName.AdmittingDiagnosesDescription, X),
            entry(TagFromName.AdmittingTime, X),
            entry(TagFromName.AffectedSOPInstanceUID, X),
            entry(TagFromName.Allergies, X),
            entry(TagFromName.Arbitrary, X),
            entry(Keywords.tag("AuthorObserverSequence"), X),
            entry(TagFromName.BranchOfService, X),
            entry(TagFromName.CassetteID, X),
            entry(TagFromName.CommentsOnThePerformedProcedureStep, X),
            entry(TagFromName.ConcatenationUID, U),
            entry(TagFromName.ConfidentialityConstraintOnPatientDataDescription, X),
            entry(TagFromName.ConsultingPhysicianIdentificationSequence, X),
            entry(TagFromName.ConsultingPhysicianName, Z),
            entry(TagFromName.ContentCreatorIdentificationCodeSequence, X),
            entry(TagFromName.ContentCreatorName, Z),
            entry(TagFromName.ContentDate, Z_D),
            entry(TagFromName.ContentSequence, X),
            entry(TagFromName.ContentTime, Z_D),
            entry(TagFromName.ContextGroupExtensionCreatorUID, U),
            entry(TagFromName.ContrastBolusAgent, Z_D),
            entry(TagFromName.ContributionDescription, X),
            entry(TagFromName.CountryOfResidence, X),
            entry(TagFromName.CreatorVersionUID, U),
            entry(TagFromName.CurrentPatientLocation, X),
            entry(TagFromName.CurveDate, X),
            entry(TagFromName.CurveTime, X),
            entry(Keywords.tag("CustodialOrganizationSequence"), X),
            entry(TagFromName.DataSetTrailingPadding, X),
            entry(TagFromName.DateOfLastCalibration, X),
            entry(TagFromName.DateOfSecondaryCapture, X),
            entry(TagFromName.DerivationDescription, X),
            entry(TagFromName.DetectorID, X_D),
            entry(TagFromName.DeviceSerialNumber, X_Z_D),
            entry(TagFromName.DeviceUID, U),
            entry(TagFromName.DigitalSignaturesSequence, X),
            entry(TagFromName.DigitalSignatureUID, X),
            entry(TagFromName.DimensionOrganizationUID, U),
            entry(TagFromName.DischargeDiagnosisDescription, X),
            entry(TagFromName.DistributionAddress, X),
            entry(TagFromName.DistributionName, X),
            entry(Keywords.tag("DoseReferenceUID"), U),
            entry(Keywords.tag("EndAcquisitionDateTime"), X_D),
            entry(TagFromName.EthnicGroup, X),
            entry(Keywords.tag("ExpectedCompletionDateTime"), X),
            entry(Keywords.tag("FailedSOPInstanceUIDList"), U),
            entry(TagFromName.FiducialUID, U),
            entry(TagFromName.FillerOrderNumberImagingServiceRequest, Z),
            entry(TagFromName.FrameAcquisitionDateTime, X_D),
            entry(TagFromName.FrameComments, X),
            entry(TagFromName.FrameOfReferenceUID, U),
            entry(TagFromName.FrameReferenceDateTime, X_D),
            entry(TagFromName.GantryID, X),
            entry(TagFromName.GeneratorID, X),
            entry(TagFromName.GraphicAnnotationSequence, D),
            entry(TagFromName.HumanPerformerName, X),
            entry(TagFromName.HumanPerformerOrganization, X),
            entry(TagFromName.IconImageSequence, X),
            entry(TagFromName.IdentifyingComments, X),
            entry(TagFromName.ImageComments, X),
            entry(TagFromName.ImagePresentationComments, X),
            entry(TagFromName.ImagingServiceRequestComments, X),
            entry(TagFromName.Impressions, X),
            entry(TagFromName.InstanceCoercionDateTime, X),
            entry(TagFromName.InstanceCreatorUID, U),
            // Not in every edition's table; Truthline removes them too, because they date the examination as
            // precisely as Study Date does.
            entry(TagFromName.InstanceCreationDate, X),
            entry(TagFromName.InstanceCreationTime, X),
            entry(TagFromName.InstitutionAddress, X),
            entry(TagFromName.InstitutionalDepartmentName, X),
            entry(Keywords.tag("InstitutionalDepartmentTypeCodeSequence"), X),
            entry(TagFromName.InstitutionCodeSequence, X_Z_D),
            entry(TagFromName.InstitutionName, X_Z_D),
            entry(TagFromName.InsurancePlanIdentification, X),
            entry(Keywords.tag("IntendedRecipientsOfResultsIdentificationSequence"), X),
            entry(TagFromName.InterpretationApproverSequence, X),
            entry(TagFromName.InterpretationAuthor, X),
            entry(TagFromName.InterpretationDiagnosisDescription, X),
            entry(TagFromName.InterpretationIDIssuer, X),
            entry(TagFromName.InterpretationRecorder, X),
            entry(TagFromName.InterpretationText, X),
            entry(TagFromName.InterpretationTranscriber, X),
            entry(TagFromName.IrradiationEventUID, U),
            entry(TagFromName.IssuerOfAdmissionID, X),
            entry(TagFromName.IssuerOfAdmissionIDSequence, X),
            entry(TagFromName.IssuerOfPatientID, X),
            entry(TagFromName.IssuerOfServiceEpisodeID, X),
            entry(Keywords.tag("LargePaletteColorLookupTableUID"), U),
            entry(TagFromName.LastMenstrualDate, X),
            entry(TagFromName.MAC, X),
            entry(TagFromName.MediaStorageSOPInstanceUID, U),
            entry(TagFromName.MedicalAlerts, X),
            entry(TagFromName.MedicalRecordLocator, X),
            entry(TagFromName.MilitaryRank, X),
            entry(TagFromName.ModifiedAttributesSequence, X),
            entry(TagFromName.ModifiedImageDescription, X),
            entry(TagFromName.ModifyingDeviceID, X),
            entry(TagFromName.ModifyingDeviceManufacturer, X),
            entry(TagFromName.NameOfPhysiciansReadingStudy, X),
            entry(TagFromName.NamesOfIntendedRecipientsOfResults, X),
            entry(Keywords.tag("ObservationDateTrial"), X),
            entry(Keywords.tag("ObservationSubjectUIDTrial"), X),
            entry(Keywords.tag("ObservationTimeTrial"), X),
            entry(TagFromName.Occupation, X),
            entry(TagFromName.OperatorIdentificationSequence, X),
            entry(TagFromName.OperatorsName, X_Z_D),
            entry(TagFromName.OrderCallbackPhoneNumber, X),
            entry(Keywords.tag("OrderCallbackTelecomInformation"), X),
            entry(TagFromName.OrderEnteredBy, X),
            entry(TagFromName.OrderEntererLocation, X),
            entry(TagFromName.OriginalAttributesSequence, X),
            entry(TagFromName.OtherPatientIDs, X),
            entry(TagFromName.OtherPatientIDsSequence, X),
            entry(TagFromName.OtherPatientNames, X),
            entry(TagFromName.OverlayDate, X),
            entry(TagFromName.OverlayTime, X),
            entry(TagFromName.ParticipantSequence, X),
            entry(TagFromName.PatientAddress, X),
            entry(TagFromName.PatientAge, X),
            entry(TagFromName.PatientAlternativeCalendar, X),
            entry(TagFromName.PatientBirthDate, Z),
            entry(TagFromName.PatientBirthDateInAlternativeCalendar, X),
            entry(Keywords.tag("PatientBirthName"), X),
            entry(TagFromName.PatientBirthTime, X),
            entry(TagFromName.PatientComments, X),
            entry(TagFromName.PatientDeathDateInAlternativeCalendar, X),
            entry(TagFromName.PatientID, Z),
            entry(TagFromName.PatientInstitutionResidence, X),
            entry(TagFromName.PatientInsurancePlanCodeSequence, X),
            entry(TagFromName.PatientMotherBirthName, X),
            entry(TagFromName.PatientName, Z),
            entry(TagFromName.PatientPrimaryLanguageCodeSequence, X),
            entry(TagFromName.PatientPrimaryLanguageModifierCodeSequence, X),
            entry(TagFromName.PatientReligiousPreference, X),
            entry(TagFromName.PatientSex, Z),
            entry(TagFromName.PatientSexNeutered, X_Z),
            entry(TagFromName.PatientSize, X),
            entry(TagFromName.PatientState, X),
            entry(Keywords.tag("PatientTelecomInformation"), X),
            entry(TagFromName.PatientTelephoneNumbers, X),
            entry(TagFromName.PatientTransportArrangements, X),
            entry(TagFromName.PatientWeight, X),
            entry(TagFromName.PerformedLocation, X),
            entry(TagFromName.PerformedProcedureStepDescription, X),
            entry(Keywords.tag("PerformedProcedureStepEndDate"), X),
            entry(Keywords.tag("PerformedProcedureStepEndTime"), X),
            entry(TagFromName.PerformedProcedureStepID, X),
            entry(TagFromName.PerformedProcedureStepStartDate, X),
            entry(TagFromName.PerformedProcedureStepStartTime, X),
            entry(Keywords.tag("PerformedStationAETitle"), X),
            entry(TagFromName.PerformedStationGeographicLocationCodeSequence, X),
            entry(Keywords.tag("PerformedStationName"), X),
            entry(TagFromName.PerformedStationNameCodeSequence, X),
            entry(TagFromName.PerformingPhysicianIdentificationSequence, X),
            entry(TagFromName.PerformingPhysicianName, X),
            entry(TagFromName.PersonAddress, X),
            entry(TagFromName.PersonIdentificationCodeSequence, Z),
            entry(TagFromName.PersonName, D),
            entry(TagFromName.PersonTelephoneNumbers, X),
            entry(TagFromName.PhysicianApprovingInterpretation, X),
            entry(TagFromName.PhysiciansOfRecord, X),
            entry(TagFromName.PhysiciansOfRecordIdentificationSequence, X),
            entry(TagFromName.PhysiciansReadingStudyIdentificationSequence, X),
            entry(TagFromName.PixelDataProviderURL, X),
            entry(TagFromName.PlacerOrderNumberImagingServiceRequest, Z),
            entry(TagFromName.PlateID, X),
            entry(TagFromName.PregnancyStatus, X),
            entry(TagFromName.PreMedication, X),
            entry(TagFromName.ProtocolName, X_D),
            entry(TagFromName.RadiopharmaceuticalStartDateTime, X_D),
            entry(TagFromName.RadiopharmaceuticalStartTime, X_D),
            entry(Keywords.tag("RadiopharmaceuticalStopDateTime"), X_D),
            entry(Keywords.tag("RadiopharmaceuticalStopTime"), X_D),
            entry(TagFromName.ReasonForStudy, X),
            entry(TagFromName.ReasonForTheImagingServiceRequest, X),
            entry(TagFromName.ReferencedDigitalSignatureSequence, X),
            entry(TagFromName.ReferencedFrameOfReferenceUID, U),
            entry(TagFromName.ReferencedGeneralPurposeScheduledProcedureStepTransactionUID, U),
            entry(TagFromName.ReferencedImageSequence, X_Z_U),
            entry(TagFromName.ReferencedPatientAliasSequence, X),
            entry(TagFromName.ReferencedPatientPhotoSequence, X),
            entry(TagFromName.ReferencedPatientSequence, X),
            entry(TagFromName.ReferencedPerformedProcedureStepSequence, X_Z_D),
            entry(TagFromName.ReferencedSOPInstanceMACSequence, X),
            entry(TagFromName.ReferencedSOPInstanceUID, U),
            entry(TagFromName.ReferencedSOPInstanceUIDInFile, U),
            entry(TagFromName.ReferencedStudySequence, X_Z),
            entry(TagFromName.ReferringPhysicianAddress, X),
            entry(TagFromName.ReferringPhysicianIdentificationSequence, X),
            entry(TagFromName.ReferringPhysicianName, Z),
            entry(TagFromName.ReferringPhysicianTelephoneNumbers, X),
            entry(TagFromName.RegionOfResidence, X),
            entry(TagFromName.RelatedFrameOfReferenceUID, U),
            entry(TagFromName.RequestAttributesSequence, X),
            entry(Keywords.tag("RequestedContrastAgent"), X),
            entry(TagFromName.RequestedProcedureComments, X),
            entry(TagFromName.RequestedProcedureDescription, X_Z),
            entry(TagFromName.RequestedProcedureID, X),
            entry(TagFromName.RequestedProcedureLocation, X),
            entry(TagFromName.RequestedSOPInstanceUID, U),
            entry(TagFromName.RequestingPhysician, X),
            entry(TagFromName.RequestingPhysicianIdentificationSequence, X),
            entry(TagFromName.RequestingService, X),
            entry(TagFromName.ResponsibleOrganization, X),
            entry(TagFromName.ResponsiblePerson, X),
            entry(TagFromName.ResultsComments, X),
            entry(TagFromName.ResultsDistributionListSequence, X),
            entry(TagFromName.ResultsIDIssuer, X),
            entry(TagFromName.ReviewerName, X_Z),
            entry(Keywords.tag("ROIDescription"), X),
            entry(Keywords.tag("ROIInterpreter"), Z),
            entry(Keywords.tag("RTPlanDescription"), X),
            entry(TagFromName.RTPlanLabel, D),
            entry(TagFromName.RTPlanName, X),
            entry(TagFromName.ScheduledHumanPerformersSequence, X),
            entry(TagFromName.ScheduledPatientInstitutionResidence, X),
            entry(TagFromName.ScheduledPerformingPhysicianIdentificationSequence, X),
            entry(TagFromName.ScheduledPerformingPhysicianName, X),
            entry(TagFromName.ScheduledProcedureStepDescription, X),
            entry(TagFromName.ScheduledProcedureStepEndDate, X),
            entry(TagFromName.ScheduledProcedureStepEndTime, X),
            entry(TagFromName.ScheduledProcedureStepLocation, X),
            entry(TagFromName.ScheduledProcedureStepStartDate, X),
            entry(TagFromName.ScheduledProcedureStepStartTime, X),
            entry(TagFromName.ScheduledStationAETitle, X),
            entry(TagFromName.ScheduledStationGeographicLocationCodeSequence, X),
            entry(TagFromName.ScheduledStationName, X),
            entry(TagFromName.ScheduledStationNameCodeSequence, X),
            entry(TagFromName.ScheduledStudyLocation, X),
            entry(TagFromName.ScheduledStudyLocationAETitle, X),
            entry(TagFromName.SeriesDate, X_D),
            entry(TagFromName.SeriesDescription, X),
            entry(TagFromName.SeriesInstanceUID, U),
            entry(TagFromName.SeriesTime, X_D),
            entry(TagFromName.ServiceEpisodeDescription, X),
            entry(TagFromName.ServiceEpisodeID, X),
            entry(Keywords.tag("SlideIdentifier"), X),
            entry(TagFromName.SmokingStatus, X),
            entry(TagFromName.SOPInstanceUID, U),
            entry(TagFromName.SourceImageSequence, X_Z_U),
            entry(Keywords.tag("SourceSerialNumber"), X),
            entry(TagFromName.SpecialNeeds, X),
            entry(Keywords.tag("SpecimenAccessionNumber"), X),
            entry(TagFromName.SpecimenDetailedDescription, X),
            entry(TagFromName.SpecimenShortDescription, X),
            entry(TagFromName.SpecimenUID, U),
            entry(Keywords.tag("StartAcquisitionDateTime"), X_D),
            entry(TagFromName.StationName, X_Z_D),
            entry(TagFromName.StorageMediaFileSetUID, U),
            entry(TagFromName.StructureSetLabel, D),
            entry(Keywords.tag("StructureSetName"), X),
            entry(TagFromName.StudyComments, X),
            entry(TagFromName.StudyDate, Z),
            entry(TagFromName.StudyDescription, X),
            entry(TagFromName.StudyID, Z),
            entry(TagFromName.StudyIDIssuer, X),
            entry(TagFromName.StudyInstanceUID, U),
            entry(TagFromName.StudyTime, Z),
            entry(TagFromName.SynchronizationFrameOfReferenceUID, U),
            entry(TagFromName.TemplateExtensionCreatorUID, U),
            entry(TagFromName.TemplateExtensionOrganizationUID, U),
            entry(TagFromName.TextComments, X),
            entry(TagFromName.TextString, X),
            entry(TagFromName.TimeOfLastCalibration, X),
            entry(TagFromName.TimeOfSecondaryCapture, X),
            entry(TagFromName.TimezoneOffsetFromUTC, X),
            entry(TagFromName.TopicAuthor, X),
            entry(TagFromName.TopicKeywords, X),
            entry(TagFromName.TopicSubject, X),
            entry(TagFromName.TopicTitle, X),
            entry(Keywords.tag("TransactionUID"), U),
            entry(TagFromName.TreatmentDate, X),
            entry(TagFromName.TreatmentTime, X),
            entry(TagFromName.UID, U),
            entry(TagFromName.VerifyingObserverIdentificationCodeSequence, Z),
            entry(TagFromName.VerifyingObserverName, D),
            entry(TagFromName.VerifyingObserverSequence, D),
            entry(TagFromName.VerifyingOrganization, X),
            entry(TagFromName.VisitComments, X)
    );

    /** Attributes the Retain Patient Characteristics Option keeps unchanged. */
    static final Set<AttributeTag> PATIENT_CHARACTERISTICS = Set.of(
            TagFromName.PatientAge,
            TagFromName.PatientSex,
            TagFromName.PatientSize,
            TagFromName.PatientWeight,
            TagFromName.EthnicGroup,
            TagFromName.PatientSexNeutered,
            TagFromName.SmokingStatus,
            TagFromName.PregnancyStatus,
            TagFromName.Allergies,
            TagFromName.MedicalAlerts,
            TagFromName.SpecialNeeds,
            TagFromName.PatientState,
            TagFromName.AdditionalPatientHistory);

    /**
     * Free-text descriptions the Clean Descriptors Option keeps.
     *
     * <p>NOTE: the standard requires these values to be cleaned of identifying text, but they are kept unchanged.
     * A description that names a patient or clinician therefore survives, and a project using the option must
     * review them.
     */
    static final Set<AttributeTag> DESCRIPTORS = Set.of(
            TagFromName.StudyDescription,
            TagFromName.SeriesDescription,
            TagFromName.ProtocolName,
            TagFromName.PerformedProcedureStepDescription,
            TagFromName.RequestedProcedureDescription,
            TagFromName.ScheduledProcedureStepDescription,
            Keywords.tag("AcquisitionDeviceProcessingDescription"),
            TagFromName.AcquisitionProtocolDescription,
            TagFromName.ImageComments,
            TagFromName.DerivationDescription,
            TagFromName.ContrastBolusAgent,
            TagFromName.AdmittingDiagnosesDescription,
            TagFromName.FrameComments);

    private BasicProfile() {
    }

    /** Returns the action for an attribute under the chosen options, or null when the table does not list it. */
    static Action actionFor(AttributeTag tag, DeidentificationOptions options) {
        if (options.retainPatientCharacteristics() && PATIENT_CHARACTERISTICS.contains(tag)) {
            return K;
        }
        if (options.cleanDescriptors() && DESCRIPTORS.contains(tag)) {
            return C;
        }
        if (options.cleanStructuredContent() && StructuredContent.SEQUENCES.contains(tag)) {
            return C;
        }
        Action action = ACTIONS.get(tag);
        return action == null ? null : action.resolved();
    }
}
