package org.truthline.sampling;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/** Draws the uniform random number in [0, 1) that decides membership of the random review sample. */
@Component
public class SamplingDraw {

    private final RandomGenerator random = new SecureRandom();

    public double next() {
        return random.nextDouble();
    }
}
