package org.truthline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinService;
import org.junit.jupiter.api.Test;
import org.truthline.identity.Role;

/** The demo profile that {@code make run} uses hides Vaadin's development tools from the people it is shown to. */
class DemoDevToolsTest extends KaribuTestBase {

    @Test
    void demoProfileDisablesDevTools() {
        signIn("lead", Role.LEAD);

        assertThat(VaadinService.getCurrent().getDeploymentConfiguration().isProductionMode()).isFalse();
        assertThat(VaadinService.getCurrent().getDeploymentConfiguration().isDevToolsEnabled()).isFalse();
    }
}
