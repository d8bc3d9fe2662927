package org.truthline.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo seeding, active only with the {@code demo} profile.
 *
 * @param samplesDir folder of DICOM files imported into the demo project at first start
 */
@ConfigurationProperties("truthline.demo")
public record DemoProperties(boolean enabled, Path samplesDir) {
}
