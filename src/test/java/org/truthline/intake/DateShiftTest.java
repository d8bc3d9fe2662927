package org.truthline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DateShiftTest {

    @Test
    void samePatient_getsSameShift() {
        assertThat(DateShift.days("salt-a", "PAT-1")).isEqualTo(DateShift.days("salt-a", "PAT-1"));
    }

    @Test
    void shift_isWithinAYearAndNeverZero() {
        for (int i = 0; i < 2000; i++) {
            int shift = DateShift.days("salt-a", "PAT-" + i);
            assertThat(shift).isBetween(-365, 365);
            assertThat(shift).isNotZero();
        }
    }

    @Test
    void otherSalt_givesOtherShifts() {
        int differing = 0;
        for (int i = 0; i < 100; i++) {
            if (DateShift.days("salt-a", "PAT-" + i) != DateShift.days("salt-b", "PAT-" + i)) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(90);
    }
}
