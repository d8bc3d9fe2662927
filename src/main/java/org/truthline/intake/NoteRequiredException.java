package org.truthline.intake;

/**
 * A burned-in annotation decision lacks the note that the lead must write for it. Maps to HTTP 400 with the
 * message under {@code errors.note}.
 */
public class NoteRequiredException extends IllegalArgumentException {

    /** The request field that must be filled in. */
    public static final String FIELD = "note";

    public NoteRequiredException(String message) {
        super(message);
    }
}
