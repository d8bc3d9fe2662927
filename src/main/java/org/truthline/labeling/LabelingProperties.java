package org.truthline.labeling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code truthline.labeling}.
 *
 * @param annotateSla how long an annotate task may stay open before its reader is replaced, and again after each
 *        replacement
 * @param readerRetryWait how long to wait before assigning readers again when too few contributors are certified
 */
@ConfigurationProperties("truthline.labeling")
public record LabelingProperties(@DefaultValue("P2D") Duration annotateSla,
        @DefaultValue("PT1H") Duration readerRetryWait) {
}
