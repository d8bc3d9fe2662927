package org.truthline.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.truthline.dicom.DicomToolkit;
import org.truthline.forms.FormRegistry;
import org.truthline.identity.Role;

/**
 * Runs the views in Karibu Testing's mocked Vaadin environment inside the Spring Boot application, with an H2
 * database in a fresh temporary folder and the in-memory {@link FakeTaskInbox} as the primary task inbox.
 */
@SpringBootTest
@Import(KaribuTestBase.FakeInboxConfiguration.class)
abstract class KaribuTestBase {

    private static final Path DATA_DIR = createDataDir();
    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected FakeTaskInbox inbox;

    // NOTE: a mock until a DicomToolkit implementation reaches main; the screens under test read no pixels.
    @MockitoBean
    DicomToolkit dicomToolkit;

    @TestConfiguration
    static class FakeInboxConfiguration {
        @Bean
        @Primary
        FakeTaskInbox fakeTaskInbox(FormRegistry forms) {
            return new FakeTaskInbox(forms);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("truthline.data-dir", DATA_DIR::toString);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("truthline-ui-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.truthline.ui");
    }

    /**
     * Signs {@code userId} in with {@code roles} and starts a mocked UI. Karibu skips the servlet filters, so the
     * principal goes both on the fake request (for the view access checker) and into the security context.
     */
    protected void signIn(String userId, Role... roles) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles)
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        Set<String> roleIds = Arrays.stream(roles).map(Role::id).collect(Collectors.toSet());
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(authentication);
            request.setUserInRole((principal, role) -> roleIds.contains(role.replaceFirst("^ROLE_", "")));
            return request;
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    /** Ends the mocked UI and signs the user out, so that a test can sign in as another user. */
    protected void endSession() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void tearDownVaadin() {
        endSession();
        inbox.reset();
    }
}
