package org.truthline.image;

/** No image has this id. Maps to HTTP 404. */
public class ImageNotFoundException extends RuntimeException {
    public ImageNotFoundException(long id) {
        super("Image " + id + " not found.");
    }
}
