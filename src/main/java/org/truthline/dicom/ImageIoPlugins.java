package org.truthline.dicom;

import com.pixelmed.dicom.DicomException;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Keeps PixelMed from scanning the class path for ImageIO plugins on every compressed frame.
 *
 * <p>PixelMed 20220618's {@code CompressedFrameDecoder} calls {@code ImageIO.scanForPlugins()} each time it is
 * constructed, that is for every compressed frame decoded. The scan looks up the ImageIO service files in every
 * jar of the class path with the thread's context class loader. In a profile with a small test class path it took
 * about 2 ms per frame, and the cost grows with the number of jars. This class scans once, when it is first used, with the context
 * class loader of that moment, so the JPEG 2000 and JPEG lossless readers are registered. During a decode it then
 * sets a context class loader without service files, so PixelMed's repeated scans find nothing new and return at
 * once. The readers already registered stay registered.
 */
final class ImageIoPlugins {

    /** A class loader whose only parent is the bootstrap loader, which contains no ImageIO service files. */
    private static final ClassLoader WITHOUT_SERVICE_FILES = new ClassLoader(null) { };

    static {
        ImageIO.scanForPlugins();
    }

    private ImageIoPlugins() {
    }

    /** Makes sure the one class path scan has run, so the plug-in readers are registered. */
    static void ensureScanned() {
        // Calling any static method runs the static initializer above once.
    }

    /** Runs a decode with the class path scan made cheap; restores the thread's context class loader. */
    static <T> T decode(Decode<T> work) throws DicomException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(WITHOUT_SERVICE_FILES);
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A piece of work that decodes pixels through PixelMed. */
    @FunctionalInterface
    interface Decode<T> {
        T run() throws DicomException, IOException;
    }
}
