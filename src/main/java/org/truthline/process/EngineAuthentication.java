package org.truthline.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls that Truthline makes on its own behalf (process starts from events, look-ups of definitions
 * and groups) without the current user's authentication, so Camunda authorizations do not apply to them. The
 * caller must have checked the user's rights itself; the user's authentication is restored afterwards.
 */
public final class EngineAuthentication {

    private EngineAuthentication() {
    }

    public static <T> T asSystem(IdentityService identityService, Supplier<T> work) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
    }

    public static void asSystem(IdentityService identityService, Runnable work) {
        asSystem(identityService, () -> {
            work.run();
            return null;
        });
    }
}
