package org.truthline.training;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code truthline.training}.
 *
 * @param passScore share of qualification cases graded like the gold standard needed to pass, between 0 and 1
 * @param maxAttempts training attempts allowed before the contributor is not certified
 */
@ConfigurationProperties("truthline.training")
public record TrainingProperties(@DefaultValue("0.8") double passScore, @DefaultValue("3") int maxAttempts) {
}
