package org.truthline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BoundedFilesTest {

    @Test
    void sha256_ofSmallFile() throws Exception {
        Path file = Files.createTempFile("bounded", ".txt");
        Files.writeString(file, "abc");

        assertThat(BoundedFiles.sha256(file, 3))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sha256_overLimitIsTooLarge(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("four.bin"), new byte[4]);

        assertThatThrownBy(() -> BoundedFiles.sha256(file, 3))
                .isInstanceOf(BoundedFiles.TooLargeException.class)
                .hasMessageContaining("truthline.intake.max-file-bytes");
    }

    @Test
    void copy_overLimitLeavesNoTarget(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("four.bin"), new byte[4]);
        Path target = folder.resolve("copy.bin");

        assertThatThrownBy(() -> BoundedFiles.copy(file, target, 3, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)).isInstanceOf(BoundedFiles.TooLargeException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    @Timeout(10)
    void fifo_isNotOpened(@TempDir Path folder) throws Exception {
        Path fifo = folder.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> BoundedFiles.sha256(fifo, 1 << 20))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    @Timeout(10)
    void device_isNotRead() {
        Path zero = Path.of("/dev/zero");

        assertThatThrownBy(() -> BoundedFiles.sha256(zero, 1 << 20))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a regular file");
        assertThat(SpecialFiles.describe(zero)).isEqualTo("a character device");
    }
}
