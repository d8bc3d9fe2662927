package org.truthline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.dicom.WindowSetting;
import org.truthline.identity.Role;
import org.truthline.image.ImageService;
import org.truthline.ui.component.ImageViewer;

/** The image viewer's window controls on a demo image whose header declares at least one VOI window. */
class ImageViewerTest extends KaribuTestBase {

    @Autowired
    ImageService images;

    private ImageViewer viewer;
    private List<WindowSetting> headerWindows;

    @BeforeEach
    void openWindowedImage() {
        long imageId = demoImages().stream().filter(id -> !images.get(id).windows().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no demo image declares a VOI window"));
        headerWindows = images.get(imageId).windows();
        signIn("lead", Role.LEAD);
        viewer = new ImageViewer(images, imageId, "lead");
        UI.getCurrent().add(viewer);
    }

    @SuppressWarnings("unchecked")
    private static Select<WindowSetting> preset() {
        return _get(Select.class, spec -> spec.withId("window-preset"));
    }

    private static NumberField field(String id) {
        return _get(NumberField.class, spec -> spec.withId(id));
    }

    private static String shownPreset() {
        Select<WindowSetting> preset = preset();
        return preset.getItemLabelGenerator().apply(preset.getValue());
    }

    private void typeCustomWindow() {
        WindowSetting first = headerWindows.get(0);
        _setValue(field("window-center"), first.center() + 17);
        _setValue(field("window-width"), first.width() + 23);
    }

    @Test
    void customWindowShowsCustom() {
        typeCustomWindow();

        WindowSetting first = headerWindows.get(0);
        assertThat(shownPreset()).startsWith("Custom");
        assertThat(shownPreset()).isNotEqualTo("Stored rendering");
        assertThat(preset().getValue().center()).isEqualTo(first.center() + 17);
        assertThat(preset().getValue().width()).isEqualTo(first.width() + 23);
        assertThat(viewer.window().explanation()).isEqualTo("Custom");
    }

    @Test
    void presetAfterCustomIsApplied() {
        typeCustomWindow();
        long renders = viewer.renders();

        WindowSetting first = headerWindows.get(0);
        _setValue(preset(), first);

        assertThat(field("window-center").getValue()).isEqualTo(first.center());
        assertThat(field("window-width").getValue()).isEqualTo(first.width());
        assertThat(viewer.window()).isEqualTo(first);
        assertThat(viewer.renders()).isEqualTo(renders + 1);
        assertThat(shownPreset()).doesNotStartWith("Custom");
        assertThat(preset().getListDataView().getItems().toList()).isEqualTo(headerWindows);
    }

    @Test
    void storedRenderingAfterCustomIsApplied() {
        typeCustomWindow();
        long renders = viewer.renders();

        _setValue(preset(), null);

        assertThat(field("window-center").getValue()).isNull();
        assertThat(field("window-width").getValue()).isNull();
        assertThat(viewer.window()).isNull();
        assertThat(viewer.renders()).isEqualTo(renders + 1);
        assertThat(shownPreset()).isEqualTo("Stored rendering");
    }

    @Test
    void typedPresetValuesSelectPreset() {
        typeCustomWindow();

        WindowSetting first = headerWindows.get(0);
        _setValue(field("window-center"), first.center());
        _setValue(field("window-width"), first.width());

        assertThat(preset().getValue()).isEqualTo(first);
        assertThat(preset().getListDataView().getItems().toList()).isEqualTo(headerWindows);
    }
}
