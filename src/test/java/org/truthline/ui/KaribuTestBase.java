package org.truthline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.identity.Role;
import org.truthline.intake.ImportFileResult;
import org.truthline.intake.ImportJob;
import org.truthline.intake.ImportService;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;
import org.truthline.project.SamplingPlan;
import org.truthline.task.TaskInbox;
import org.truthline.task.TaskKind;
import org.truthline.task.TaskSummary;

/**
 * Runs the views in Karibu Testing's mocked Vaadin environment inside the whole application with the demo
 * profile: real task inbox, Camunda processes, DICOM toolkit and H2 database, in a fresh temporary data folder.
 * The demo seed imports {@code samples/}; every test waits until that import has finished and contributor1
 * has an annotate task for each imported image.
 *
 * <p>Tests share the demo data, so a test that completes tasks first reserves its own image with
 * {@link #reserveImage()}.
 */
@SpringBootTest
@ActiveProfiles("demo")
abstract class KaribuTestBase {

    static final String DEMO_PROJECT = "Demo: finding severity";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path DATA_DIR = createDataDir();
    private static final Set<Long> reservedImages = new HashSet<>();
    private static Routes routes;
    private static boolean demoReady;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected TaskInbox inbox;

    @Autowired
    protected ProjectService projects;

    @Autowired
    protected ImportService imports;

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

    /** Waits once per test run for the demo import and for contributor1's annotate tasks. */
    @BeforeEach
    void awaitDemoData() {
        synchronized (KaribuTestBase.class) {
            if (demoReady) {
                return;
            }
            long projectId = demoProjectId();
            ImportJob job = await("the demo import to finish", () -> imports.recent(projectId).stream()
                    .filter(j -> !"RUNNING".equals(j.status())).findFirst());
            long imported = imports.files(job.id()).stream().filter(f -> "IMPORTED".equals(f.outcome())).count();
            await("an annotate task of contributor1 for each of the " + imported + " demo images", () -> {
                long tasks = inbox.openTasks("contributor1").stream()
                        .filter(t -> t.kind() == TaskKind.ANNOTATE).count();
                return tasks >= imported ? Optional.of(tasks) : Optional.empty();
            });
            demoReady = true;
        }
    }

    long demoProjectId() {
        return await("the demo project", () -> projects.findByName(DEMO_PROJECT)).id();
    }

    /** Returns the images of the demo import, in import order. */
    List<Long> demoImages() {
        long projectId = demoProjectId();
        ImportJob first = imports.recent(projectId).get(imports.recent(projectId).size() - 1);
        return imports.files(first.id()).stream().map(ImportFileResult::imageId).filter(id -> id != null).toList();
    }

    /**
     * Reserves a demo image that contributor1 and contributor2 are both annotating and no other test has
     * reserved, so the test may complete its tasks.
     */
    long reserveImage() {
        synchronized (reservedImages) {
            long imageId = await("a demo image annotated by contributor1 and contributor2", () -> {
                Set<Long> second = annotateImages("contributor2");
                return annotateImages("contributor1").stream().filter(second::contains)
                        .filter(id -> !reservedImages.contains(id)).sorted().findFirst();
            });
            reservedImages.add(imageId);
            return imageId;
        }
    }

    private Set<Long> annotateImages(String contributor) {
        long projectId = demoProjectId();
        return inbox.openTasks(contributor).stream()
                .filter(t -> t.kind() == TaskKind.ANNOTATE && Long.valueOf(projectId).equals(t.projectId()))
                .map(TaskSummary::imageId).collect(Collectors.toSet());
    }

    /** Waits for a task of {@code kind} on the image that {@code userId} may see, assigned or in a queue. */
    TaskSummary awaitTask(String userId, TaskKind kind, long imageId) {
        return await(kind + " task of " + userId + " for image " + imageId, () -> inbox.openTasks(userId).stream()
                .filter(t -> t.kind() == kind && Long.valueOf(imageId).equals(t.imageId())).findFirst());
    }

    /** Completes the contributor's annotate task for the image through the task inbox, as the task screen does. */
    void annotate(String contributor, long imageId, int grade, String quality) {
        annotate(contributor, imageId, Map.of("grade", grade, "quality", quality));
    }

    /** Completes the contributor's annotate task for the image with these form values. */
    void annotate(String contributor, long imageId, Map<String, Object> values) {
        TaskSummary task = awaitTask(contributor, TaskKind.ANNOTATE, imageId);
        inbox.open(task.id(), contributor);
        inbox.complete(task.id(), contributor, values);
    }

    void setSamplingPlan(double reviewRate, int minReviewedItems) {
        projects.updateSamplingPlan(demoProjectId(), new SamplingPlan(reviewRate, minReviewedItems, 2), "lead");
    }

    static <T> T await(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }

    /** Selects the project in the project view's grid, which shows its details. */
    @SuppressWarnings("unchecked")
    static void selectProject(ProjectSummary project) {
        Grid<ProjectSummary> grid = _get(Grid.class, spec -> spec.withId("project-grid"));
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).id() == project.id()) {
                grid.select(GridKt._get(grid, row));
                return;
            }
        }
        throw new AssertionError("Project " + project.name() + " is not listed");
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
    }
}
