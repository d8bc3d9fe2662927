package org.truthline.intake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-patient date shift of the Retain Longitudinal Temporal Information with Modified Dates option: a whole
 * number of days between -365 and 365, never 0, derived from the project's secret salt and the original
 * PatientID with HMAC-SHA256. Every file of one patient in one project gets the same shift, so intervals
 * between studies survive, while the shift cannot be recomputed without the salt.
 */
final class DateShift {

    private static final int MAX_DAYS = 365;

    private DateShift() {
    }

    static int days(String salt, String patientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(patientId.strip().getBytes(StandardCharsets.UTF_8));
            int value = ((digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8
                    | (digest[3] & 0xff)) & Integer.MAX_VALUE;
            int shift = value % (2 * MAX_DAYS + 1) - MAX_DAYS;
            return shift == 0 ? -1 : shift;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
