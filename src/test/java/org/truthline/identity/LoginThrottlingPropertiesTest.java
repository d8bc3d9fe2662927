package org.truthline.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottlingPropertiesTest {

    @Test
    void wholeSecondsAreAccepted() {
        assertThat(new LoginThrottlingProperties(Duration.ofSeconds(1)).maxLoginDelaySeconds()).isEqualTo(1);
        assertThat(new LoginThrottlingProperties(Duration.ofHours(1)).maxLoginDelaySeconds()).isEqualTo(3600);
    }

    @Test
    void zeroIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottlingProperties(Duration.ZERO))
                .withMessageContaining("Invalid truthline.security.max-login-delay PT0S");
    }

    @Test
    void moreThanOneHourIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LoginThrottlingProperties(Duration.ofSeconds(3601)));
    }

    @Test
    void fractionOfSecondIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LoginThrottlingProperties(Duration.ofMillis(1500)));
    }
}
