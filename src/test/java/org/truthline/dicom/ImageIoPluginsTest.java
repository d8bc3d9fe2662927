package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.DicomException;
import java.net.URL;
import java.net.URLClassLoader;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageIoPluginsTest {

    @Test
    void decode_hidesServiceFiles() throws Exception {
        ClassLoader marker = new URLClassLoader(new URL[0], getClass().getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(marker);
        try {
            ClassLoader inside = ImageIoPlugins.decode(() -> Thread.currentThread().getContextClassLoader());

            assertThat(inside).isNotSameAs(marker);
            assertThat(inside.getResource("META-INF/services/javax.imageio.spi.ImageReaderSpi")).isNull();
            assertThat(thread.getContextClassLoader()).isSameAs(marker);
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void decode_restoresTheContextClassLoaderAfterAFailure() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        assertThatThrownBy(() -> ImageIoPlugins.decode(() -> {
            throw new DicomException("broken frame");
        })).isInstanceOf(DicomException.class).hasMessage("broken frame");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void rescanDuringDecode_keepsTheRegisteredReaders() throws Exception {
        ImageIoPlugins.decode(() -> {
            ImageIO.scanForPlugins();
            return null;
        });

        assertThat(ImageIO.getImageReadersByFormatName("jpeg2000").hasNext()).as("JPEG 2000 reader").isTrue();
        assertThat(ImageIO.getImageReadersByFormatName("jpeg-lossless").hasNext()).as("JPEG lossless reader")
                .isTrue();
    }
}
