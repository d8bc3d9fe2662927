package org.truthline.intake;

/** No import has this id. Maps to HTTP 404. */
public class ImportNotFoundException extends RuntimeException {
    public ImportNotFoundException(long id) {
        super("Import " + id + " not found.");
    }
}
