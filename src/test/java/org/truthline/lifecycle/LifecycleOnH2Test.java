package org.truthline.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The REST lifecycle on the embedded default database, H2, with the demo data. */
class LifecycleOnH2Test extends LifecycleApiTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("truthline-lifecycle-h2");
        registry.add("truthline.data-dir", dataDir::toString);
    }
}
