package org.truthline.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.truthline.dicom.SearchAttributes;

/**
 * Builds QIDO-RS results (DICOM JSON) for the study, series and instance levels from the stored values of the
 * de-identified copies.
 *
 * <p>Each level returns its own attributes of the PS3.18 search result tables that Truthline stores, plus Study
 * Description, Series Date and Series Time, which study and series lists of web viewers show. A series or instance
 * result also carries the attributes of the levels above it when {@code includefield} names them or is
 * {@code all}. A study or series result takes these values from its first instance (by Series Instance UID, then
 * images before companion objects, then import order). The objects of one study normally agree on them.
 *
 * <p>Contributors get Patient's Name, Patient ID and Accession Number without a value. They need none of them to
 * label images, and even pseudonyms link a contributor's images to one patient.
 */
final class QidoResults {

    /** The level of a search, from the top of the study root model down. */
    enum Level {
        STUDY, SERIES, INSTANCE;

        boolean isAtOrAbove(Level other) {
            return ordinal() <= other.ordinal();
        }
    }

    /** An attribute whose value is stored per image at intake. */
    private record StoredAttribute(String keyword, AttributeTag tag, String vr, Level level, boolean staffOnly,
            Function<DicomwebInstance, String> value) {
    }

    private static final List<StoredAttribute> STORED = List.of(
            study("PatientName", TagFromName.PatientName, "PN", true, SearchAttributes::patientName),
            study("PatientID", TagFromName.PatientID, "LO", true, SearchAttributes::patientId),
            study("PatientBirthDate", TagFromName.PatientBirthDate, "DA", false, SearchAttributes::patientBirthDate),
            study("PatientSex", TagFromName.PatientSex, "CS", false, SearchAttributes::patientSex),
            study("StudyDate", TagFromName.StudyDate, "DA", false, SearchAttributes::studyDate),
            study("StudyTime", TagFromName.StudyTime, "TM", false, SearchAttributes::studyTime),
            study("AccessionNumber", TagFromName.AccessionNumber, "SH", true, SearchAttributes::accessionNumber),
            study("ReferringPhysicianName", TagFromName.ReferringPhysicianName, "PN", false,
                    SearchAttributes::referringPhysicianName),
            study("StudyID", TagFromName.StudyID, "SH", false, SearchAttributes::studyId),
            study("StudyDescription", TagFromName.StudyDescription, "LO", false, SearchAttributes::studyDescription),
            series("SeriesNumber", TagFromName.SeriesNumber, "IS", SearchAttributes::seriesNumber),
            series("SeriesDate", TagFromName.SeriesDate, "DA", SearchAttributes::seriesDate),
            series("SeriesTime", TagFromName.SeriesTime, "TM", SearchAttributes::seriesTime),
            series("SeriesDescription", TagFromName.SeriesDescription, "LO", SearchAttributes::seriesDescription),
            new StoredAttribute("InstanceNumber", TagFromName.InstanceNumber, "IS", Level.INSTANCE, false,
                    instance -> instance.attributes().instanceNumber()),
            new StoredAttribute("BitsAllocated", TagFromName.BitsAllocated, "US", Level.INSTANCE, false,
                    instance -> instance.bitsAllocated() == null ? null : instance.bitsAllocated().toString()));

    /** Attributes computed for each result rather than stored, by the level whose results always carry them. */
    private static final Map<Level, Map<String, AttributeTag>> COMPUTED = Map.of(
            Level.STUDY, Map.of(
                    "StudyInstanceUID", TagFromName.StudyInstanceUID,
                    "ModalitiesInStudy", TagFromName.ModalitiesInStudy,
                    "NumberOfStudyRelatedSeries", TagFromName.NumberOfStudyRelatedSeries,
                    "NumberOfStudyRelatedInstances", TagFromName.NumberOfStudyRelatedInstances,
                    "InstanceAvailability", DicomJson.INSTANCE_AVAILABILITY,
                    "RetrieveURL", DicomJson.RETRIEVE_URL),
            Level.SERIES, Map.of(
                    "StudyInstanceUID", TagFromName.StudyInstanceUID,
                    "SeriesInstanceUID", TagFromName.SeriesInstanceUID,
                    "Modality", TagFromName.Modality,
                    "NumberOfSeriesRelatedInstances", TagFromName.NumberOfSeriesRelatedInstances,
                    "InstanceAvailability", DicomJson.INSTANCE_AVAILABILITY,
                    "RetrieveURL", DicomJson.RETRIEVE_URL),
            Level.INSTANCE, Map.of(
                    "StudyInstanceUID", TagFromName.StudyInstanceUID,
                    "SeriesInstanceUID", TagFromName.SeriesInstanceUID,
                    "SOPInstanceUID", TagFromName.SOPInstanceUID,
                    "SOPClassUID", TagFromName.SOPClassUID,
                    "Modality", TagFromName.Modality,
                    "Rows", TagFromName.Rows,
                    "Columns", TagFromName.Columns,
                    "NumberOfFrames", TagFromName.NumberOfFrames,
                    "InstanceAvailability", DicomJson.INSTANCE_AVAILABILITY,
                    "RetrieveURL", DicomJson.RETRIEVE_URL));

    /** Every copy served is in the working store, so each result is available at once. */
    private static final String ONLINE = "ONLINE";

    private final Level level;
    private final Viewer viewer;
    private final List<StoredAttribute> returned;
    private final List<String> unsupportedFields;

    /**
     * Prepares the results of one search.
     *
     * @param includeFields the {@code includefield} values: {@code all}, keywords or 8-digit hexadecimal tags
     */
    QidoResults(Level level, Viewer viewer, Collection<String> includeFields) {
        this.level = level;
        this.viewer = viewer;
        Set<StoredAttribute> selected = new LinkedHashSet<>();
        List<String> unsupported = new ArrayList<>();
        for (String field : includeFields) {
            if (field.equalsIgnoreCase("all")) {
                STORED.stream().filter(a -> a.level().isAtOrAbove(level)).forEach(selected::add);
            } else if (!include(field, selected)) {
                unsupported.add(field);
            }
        }
        STORED.stream().filter(a -> a.level() == level).forEach(selected::add);
        this.returned = STORED.stream().filter(selected::contains).toList();
        this.unsupportedFields = List.copyOf(unsupported);
    }

    /** The {@code includefield} values this search cannot return, to be named in a warning. */
    List<String> unsupportedFields() {
        return unsupportedFields;
    }

    /** Returns one result per study of the instances, in the order of their first instance. */
    List<ObjectNode> studies(List<DicomwebInstance> instances) {
        List<ObjectNode> results = new ArrayList<>();
        group(instances, DicomwebInstance::studyInstanceUid).forEach((study, members) -> {
            ObjectNode object = DicomJson.object();
            DicomJson.putString(object, TagFromName.StudyInstanceUID, "UI", study);
            Set<String> modalities = new LinkedHashSet<>();
            members.stream().map(DicomwebInstance::modality).filter(m -> m != null && !m.isBlank())
                    .forEach(modalities::add);
            DicomJson.putStrings(object, TagFromName.ModalitiesInStudy, "CS", modalities);
            DicomJson.putNumber(object, TagFromName.NumberOfStudyRelatedSeries, "IS",
                    group(members, DicomwebInstance::seriesInstanceUid).size());
            DicomJson.putNumber(object, TagFromName.NumberOfStudyRelatedInstances, "IS", members.size());
            DicomJson.putString(object, DicomJson.INSTANCE_AVAILABILITY, "CS", ONLINE);
            DicomJson.putString(object, DicomJson.RETRIEVE_URL, "UR",
                    DicomwebLinks.url(DicomwebLinks.studyPath(study)));
            putStored(object, members.get(0));
            results.add(sorted(object));
        });
        return results;
    }

    /** Returns one result per series of the instances, in the order of their first instance. */
    List<ObjectNode> series(List<DicomwebInstance> instances) {
        List<ObjectNode> results = new ArrayList<>();
        group(instances, DicomwebInstance::seriesInstanceUid).forEach((series, members) -> {
            DicomwebInstance first = members.get(0);
            ObjectNode object = DicomJson.object();
            DicomJson.putString(object, TagFromName.StudyInstanceUID, "UI", first.studyInstanceUid());
            DicomJson.putString(object, TagFromName.SeriesInstanceUID, "UI", series);
            DicomJson.putString(object, TagFromName.Modality, "CS", first.modality());
            DicomJson.putNumber(object, TagFromName.NumberOfSeriesRelatedInstances, "IS", members.size());
            DicomJson.putString(object, DicomJson.INSTANCE_AVAILABILITY, "CS", ONLINE);
            DicomJson.putString(object, DicomJson.RETRIEVE_URL, "UR",
                    DicomwebLinks.url(DicomwebLinks.seriesPath(first.studyInstanceUid(), series)));
            putStored(object, first);
            results.add(sorted(object));
        });
        return results;
    }

    /** Returns one result per image or companion object. */
    List<ObjectNode> instances(List<DicomwebInstance> instances) {
        List<ObjectNode> results = new ArrayList<>();
        for (DicomwebInstance instance : instances) {
            ObjectNode object = DicomJson.object();
            DicomJson.putString(object, TagFromName.StudyInstanceUID, "UI", instance.studyInstanceUid());
            DicomJson.putString(object, TagFromName.SeriesInstanceUID, "UI", instance.seriesInstanceUid());
            DicomJson.putString(object, TagFromName.SOPInstanceUID, "UI", instance.sopInstanceUid());
            DicomJson.putString(object, TagFromName.SOPClassUID, "UI", instance.sopClassUid());
            DicomJson.putString(object, TagFromName.Modality, "CS", instance.modality());
            DicomJson.putNumber(object, TagFromName.Rows, "US", instance.rows());
            DicomJson.putNumber(object, TagFromName.Columns, "US", instance.columns());
            DicomJson.putNumber(object, TagFromName.NumberOfFrames, "IS", instance.frames());
            DicomJson.putString(object, DicomJson.INSTANCE_AVAILABILITY, "CS", ONLINE);
            DicomJson.putString(object, DicomJson.RETRIEVE_URL, "UR",
                    DicomwebLinks.url(DicomwebLinks.instancePath(instance)));
            putStored(object, instance);
            results.add(sorted(object));
        }
        return results;
    }

    /**
     * Adds the stored attribute that a keyword or tag names, when its level is at or above this search's level.
     * Returns false when this search cannot return the attribute at all.
     */
    private boolean include(String field, Set<StoredAttribute> selected) {
        String tagKey = field.matches("[0-9A-Fa-f]{8}") ? field.toUpperCase(Locale.ROOT) : null;
        for (StoredAttribute attribute : STORED) {
            if (attribute.keyword().equals(field) || DicomJson.key(attribute.tag()).equals(tagKey)) {
                if (!attribute.level().isAtOrAbove(level)) {
                    return false;
                }
                selected.add(attribute);
                return true;
            }
        }
        return COMPUTED.get(level).entrySet().stream()
                .anyMatch(e -> e.getKey().equals(field) || DicomJson.key(e.getValue()).equals(tagKey));
    }

    private void putStored(ObjectNode object, DicomwebInstance instance) {
        for (StoredAttribute attribute : returned) {
            boolean withheld = attribute.staffOnly() && !viewer.staff();
            String value = withheld ? null : attribute.value().apply(instance);
            DicomJson.putText(object, attribute.tag(), attribute.vr(), value);
        }
    }

    /** Returns the object with its attributes in ascending tag order, as DICOM data sets list them. */
    private static ObjectNode sorted(ObjectNode object) {
        Map<String, JsonNode> byTag = new TreeMap<>();
        object.fields().forEachRemaining(field -> byTag.put(field.getKey(), field.getValue()));
        ObjectNode result = DicomJson.object();
        byTag.forEach(result::set);
        return result;
    }

    private static Map<String, List<DicomwebInstance>> group(List<DicomwebInstance> instances,
            Function<DicomwebInstance, String> key) {
        Map<String, List<DicomwebInstance>> groups = new LinkedHashMap<>();
        for (DicomwebInstance instance : instances) {
            groups.computeIfAbsent(String.valueOf(key.apply(instance)), k -> new ArrayList<>()).add(instance);
        }
        return groups;
    }

    private static StoredAttribute study(String keyword, AttributeTag tag, String vr, boolean staffOnly,
            Function<SearchAttributes, String> value) {
        return new StoredAttribute(keyword, tag, vr, Level.STUDY, staffOnly,
                instance -> value.apply(instance.attributes()));
    }

    private static StoredAttribute series(String keyword, AttributeTag tag, String vr,
            Function<SearchAttributes, String> value) {
        return new StoredAttribute(keyword, tag, vr, Level.SERIES, false,
                instance -> value.apply(instance.attributes()));
    }
}
