package org.truthline.ui;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.truthline.task.TaskKind;

/** Display text shared by the views: task kind names and timestamps. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {
    }

    /** Returns the name of a task kind as the inbox and the task screen show it. */
    public static String kind(TaskKind kind) {
        if (kind == null) {
            return "Other";
        }
        return switch (kind) {
            case ANNOTATE -> "Annotate image";
            case REVIEW -> "Review annotation";
            case ADJUDICATE -> "Adjudicate label";
            case STUDY_GUIDELINES -> "Study guidelines";
            case QUALIFICATION_CASE -> "Qualification case";
            case CONFIRM_CERTIFICATION -> "Confirm certification";
        };
    }

    /**
     * Formats a timestamp in the server's time zone, or returns an empty string for null.
     * NOTE: the browser's time zone is not used, so users in other zones read server time.
     */
    public static String dateTime(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(ZoneId.systemDefault()).format(DATE_TIME);
    }
}
