package org.truthline.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truthline.dicom.WindowSetting;
import org.truthline.image.ImageAccessDeniedException;
import org.truthline.image.ImageNotFoundException;
import org.truthline.image.ImageRecord;
import org.truthline.image.ImageService;

/**
 * A de-identified DICOM image rendered on the server as PNG ({@link ImageService#renderPng}). Window centre and
 * width start from the image's first VOI window. A preset select offers the other windows of the header. It
 * shows "Custom" while the typed or slider values match none of them. Zoom in, zoom out and fit; pan by dragging
 * or scrolling the viewport; frame navigation for multi-frame images.
 *
 * <p>Keys while the viewport has focus: Left/Right arrow for the previous/next frame, + and - to zoom, 0 to fit.
 */
public class ImageViewer extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ImageViewer.class);
    private static final double ZOOM_STEP = 1.25;
    private static final double MIN_ZOOM = 0.1;
    private static final double MAX_ZOOM = 16;
    private static final String STORED_RENDERING = "Stored rendering";
    private static final String CUSTOM = "Custom";

    private final ImageService images;
    private final String userId;
    private ImageRecord image;

    private final Div viewport = new Div();
    private final Image picture = new Image();
    private final Paragraph problem = new Paragraph();
    private final Select<WindowSetting> preset = new Select<>();
    /** The preset select's items: the header windows, plus the custom window while one is in effect. */
    private List<WindowSetting> listedPresets;
    private final NumberField center = new NumberField("Window centre");
    private final NumberField width = new NumberField("Window width");
    private final Input centerSlider = new Input(ValueChangeMode.ON_CHANGE);
    private final Input widthSlider = new Input(ValueChangeMode.ON_CHANGE);
    private final Span zoomLabel = new Span();
    private final Span frameLabel = new Span();
    private int frame;
    /** Zoom factor in screen pixels per image pixel, or null to fit the viewport. */
    private Double zoom;
    private boolean updating;
    private long renders;
    private byte[] lastPng;

    public ImageViewer(ImageService images, long imageId, String userId) {
        this.images = images;
        this.userId = userId;
        setId("image-viewer");
        setPadding(false);
        setMinWidth("20rem");
        problem.setId("image-problem");
        problem.addClassNames(LumoUtility.TextColor.ERROR);
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        try {
            image = images.get(imageId, userId);
        } catch (ImageNotFoundException e) {
            showProblem("Image " + imageId + " was not found. It may have been removed; tell your lead.");
            add(problem);
            return;
        } catch (ImageAccessDeniedException e) {
            showProblem("You may not view image " + imageId + ": " + e.getMessage());
            add(problem);
            return;
        }
        add(toolbar(), windowControls(), viewportArea(), problem);
        reset();
    }

    private Component toolbar() {
        Button zoomIn = iconButton(VaadinIcon.PLUS, "Zoom in (+)", () -> zoomBy(ZOOM_STEP));
        Button zoomOut = iconButton(VaadinIcon.MINUS, "Zoom out (-)", () -> zoomBy(1 / ZOOM_STEP));
        Button fit = new Button("Fit", click -> fit());
        fit.setTooltipText("Fit the image to the viewport (0)");
        Button reset = new Button("Reset", VaadinIcon.REFRESH.create(), click -> reset());
        reset.setId("image-reset");
        reset.setTooltipText("First frame, first window, fitted");
        zoomLabel.setId("image-zoom");

        HorizontalLayout bar = new HorizontalLayout(zoomIn, zoomOut, fit, zoomLabel, reset);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        if (image.frames() > 1) {
            Button previous = iconButton(VaadinIcon.ANGLE_LEFT, "Previous frame (Left arrow)", () -> stepFrame(-1));
            previous.setId("frame-previous");
            Button next = iconButton(VaadinIcon.ANGLE_RIGHT, "Next frame (Right arrow)", () -> stepFrame(1));
            next.setId("frame-next");
            frameLabel.setId("frame-label");
            bar.add(previous, frameLabel, next);
        }
        Span facts = new Span(image.modality() + " · " + image.columns() + " × " + image.rows()
                + (image.frames() > 1 ? " · " + image.frames() + " frames" : ""));
        facts.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        bar.add(facts);
        return bar;
    }

    private static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    private Component windowControls() {
        List<WindowSetting> windows = image.windows();
        preset.setLabel("Window preset");
        preset.setId("window-preset");
        listPresets(windows);
        preset.setItemLabelGenerator(ImageViewer::describe);
        preset.setEmptySelectionAllowed(true);
        preset.setEmptySelectionCaption(STORED_RENDERING);
        preset.addValueChangeListener(event -> {
            if (!updating) {
                updating = true;
                selectPreset(event.getValue());
                updating = false;
                showWindow(event.getValue());
            }
        });

        for (NumberField field : List.of(center, width)) {
            field.setStepButtonsVisible(true);
            field.setWidth("9rem");
            field.addValueChangeListener(event -> {
                if (!updating) {
                    applyTypedWindow();
                }
            });
        }
        center.setId("window-center");
        width.setId("window-width");
        width.setMin(1);
        width.setHelperText("At least 1");

        configureSlider(centerSlider, "Window centre slider");
        configureSlider(widthSlider, "Window width slider");
        centerSlider.addValueChangeListener(event -> sliderMoved(centerSlider, center));
        widthSlider.addValueChangeListener(event -> sliderMoved(widthSlider, width));
        configureSliderRanges();

        VerticalLayout sliders = new VerticalLayout(centerSlider, widthSlider);
        sliders.setPadding(false);
        sliders.setSpacing(false);
        sliders.setWidth("12rem");
        HorizontalLayout controls = new HorizontalLayout(preset, center, width, sliders);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.getStyle().set("flex-wrap", "wrap");
        if (windows.isEmpty()) {
            preset.setHelperText("The header has no VOI window; type centre and width to window the image.");
        }
        return controls;
    }

    private static void configureSlider(Input slider, String label) {
        slider.setType("range");
        slider.setAriaLabel(label);
        slider.setWidthFull();
    }

    /**
     * Sets the slider ranges around the image's first window: centre within two widths of it, width up to four
     * times it. Without a header window the sliders are hidden, because the pixel range is not known here.
     */
    private void configureSliderRanges() {
        WindowSetting first = image.windows().isEmpty() ? null : image.windows().get(0);
        centerSlider.setVisible(first != null);
        widthSlider.setVisible(first != null);
        if (first == null) {
            return;
        }
        double span = Math.max(first.width(), 1);
        setRange(centerSlider, first.center() - 2 * span, first.center() + 2 * span);
        setRange(widthSlider, 1, 4 * span);
    }

    private static void setRange(Input slider, double min, double max) {
        slider.getElement().setAttribute("min", number(Math.floor(min)));
        slider.getElement().setAttribute("max", number(Math.ceil(max)));
        slider.getElement().setAttribute("step", "1");
    }

    private void sliderMoved(Input slider, NumberField field) {
        if (updating || slider.getValue() == null || slider.getValue().isBlank()) {
            return;
        }
        try {
            field.setValue(Double.parseDouble(slider.getValue()));
        } catch (NumberFormatException e) {
            log.debug("Ignored slider value {}", slider.getValue());
        }
    }

    private Component viewportArea() {
        viewport.setId("image-viewport");
        viewport.setWidthFull();
        viewport.setHeight("60vh");
        viewport.getStyle().set("overflow", "auto").set("background", "black").set("cursor", "grab")
                .set("outline-offset", "-2px");
        viewport.getElement().setAttribute("tabindex", "0");
        viewport.getElement().setAttribute("role", "img");
        viewport.getElement().setAttribute("aria-label",
                "Image viewport: arrow keys change frame, plus and minus zoom, 0 fits");
        picture.setId("image-picture");
        picture.getStyle().set("display", "block").set("margin", "auto").set("user-select", "none");
        picture.getElement().setAttribute("draggable", "false");
        viewport.add(picture);

        Shortcuts.addShortcutListener(viewport, () -> stepFrame(-1), Key.ARROW_LEFT).listenOn(viewport);
        Shortcuts.addShortcutListener(viewport, () -> stepFrame(1), Key.ARROW_RIGHT).listenOn(viewport);
        Shortcuts.addShortcutListener(viewport, () -> zoomBy(ZOOM_STEP), Key.of("+")).listenOn(viewport);
        Shortcuts.addShortcutListener(viewport, () -> zoomBy(1 / ZOOM_STEP), Key.of("-")).listenOn(viewport);
        Shortcuts.addShortcutListener(viewport, this::fit, Key.of("0")).listenOn(viewport);
        // Drag to pan: scrolls the viewport by the pointer's movement while a button is held.
        viewport.getElement().executeJs("""
                const box = this; let drag = null;
                box.addEventListener('pointerdown', e => { drag = {x: e.clientX, y: e.clientY,
                    left: box.scrollLeft, top: box.scrollTop}; box.setPointerCapture(e.pointerId);
                    box.style.cursor = 'grabbing'; });
                box.addEventListener('pointermove', e => { if (!drag) return;
                    box.scrollLeft = drag.left - (e.clientX - drag.x); box.scrollTop = drag.top - (e.clientY - drag.y); });
                const end = () => { drag = null; box.style.cursor = 'grab'; };
                box.addEventListener('pointerup', end); box.addEventListener('pointercancel', end);""");
        return viewport;
    }

    /** Returns to the first frame and the first header window, fitted to the viewport. */
    public void reset() {
        frame = 0;
        zoom = null;
        WindowSetting first = image.windows().isEmpty() ? null : image.windows().get(0);
        updating = true;
        selectPreset(first);
        updating = false;
        showWindow(first);
        applyZoom();
    }

    /**
     * Selects {@code choice} in the preset select. A custom window, one not in the header, is listed as an extra
     * item while it is in effect. Choosing a header preset or the stored rendering then changes the value, so
     * the listener applies it. The caller sets {@link #updating}.
     */
    private void selectPreset(WindowSetting choice) {
        List<WindowSetting> items = new ArrayList<>(image.windows());
        if (choice != null && !items.contains(choice)) {
            items.add(choice);
        }
        listPresets(items);
        preset.setValue(choice);
    }

    private void listPresets(List<WindowSetting> items) {
        if (listedPresets == null || !listedPresets.equals(items)) {
            listedPresets = List.copyOf(items);
            preset.setItems(listedPresets);
        }
    }

    private void showWindow(WindowSetting window) {
        updating = true;
        center.setValue(window == null ? null : window.center());
        width.setValue(window == null ? null : window.width());
        centerSlider.setValue(window == null ? "" : number(window.center()));
        widthSlider.setValue(window == null ? "" : number(window.width()));
        updating = false;
        render();
    }

    private void applyTypedWindow() {
        Double c = center.getValue();
        Double w = width.getValue();
        if (c == null || w == null) {
            return;
        }
        if (w < 1) {
            width.setErrorMessage("Window width must be at least 1.");
            width.setInvalid(true);
            return;
        }
        width.setInvalid(false);
        updating = true;
        selectPreset(image.windows().stream().filter(p -> p.center() == c && p.width() == w).findFirst()
                .orElse(new WindowSetting(c, w, CUSTOM)));
        centerSlider.setValue(number(c));
        widthSlider.setValue(number(w));
        updating = false;
        render();
    }

    /** Returns the window the picture is rendered with, or null for the stored rendering. */
    public WindowSetting window() {
        Double c = center.getValue();
        Double w = width.getValue();
        if (c == null || w == null || w < 1) {
            return null;
        }
        WindowSetting chosen = preset.getValue();
        String explanation = chosen != null && chosen.center() == c && chosen.width() == w
                ? chosen.explanation() : CUSTOM;
        return new WindowSetting(c, w, explanation);
    }

    public int frame() {
        return frame;
    }

    /** Returns the zoom factor, or null while the image fits the viewport. */
    public Double zoom() {
        return zoom;
    }

    /** Returns how many times the picture was rendered; the views' tests use it. */
    public long renders() {
        return renders;
    }

    /** Returns a copy of the PNG shown now, or null before the first successful render; for tests. */
    public byte[] renderedPng() {
        return lastPng == null ? null : lastPng.clone();
    }

    void stepFrame(int delta) {
        if (image == null || image.frames() <= 1) {
            return;
        }
        int target = Math.max(0, Math.min(image.frames() - 1, frame + delta));
        if (target != frame) {
            frame = target;
            render();
        }
    }

    void zoomBy(double factor) {
        if (zoom != null) {
            zoomTo(zoom * factor);
            return;
        }
        // When fitted, only the browser has the displayed scale: start from the picture's rendered width.
        picture.getElement().executeJs("return this.clientWidth").then(Double.class, width -> {
            double fitted = width != null && width > 0 && image.columns() > 0 ? width / image.columns() : 1.0;
            zoomTo(fitted * factor);
        });
    }

    private void zoomTo(double target) {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, target));
        applyZoom();
    }

    void fit() {
        zoom = null;
        applyZoom();
    }

    private void applyZoom() {
        if (zoom == null) {
            // Scales small images up as well as large ones down, keeping the aspect ratio.
            picture.getStyle().set("width", "100%").set("height", "100%").set("object-fit", "contain");
            zoomLabel.setText("Zoom: fit");
        } else {
            picture.getStyle().remove("object-fit")
                    .set("width", number(image.columns() * zoom) + "px").set("height", "auto");
            zoomLabel.setText("Zoom: " + Math.round(zoom * 100) + " %");
        }
    }

    private void render() {
        WindowSetting window = window();
        byte[] png;
        try {
            png = images.renderPng(image.id(), frame, window, userId);
        } catch (ImageAccessDeniedException e) {
            showProblem("You may not view image " + image.id() + ": " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("Rendering frame {} of image {} (SOP Instance UID {}) failed", frame, image.id(),
                    image.sopInstanceUid(), e);
            showProblem("Frame " + (frame + 1) + " of image " + image.id() + " could not be rendered: "
                    + e.getMessage());
            return;
        }
        renders++;
        lastPng = png;
        problem.setVisible(false);
        String name = "image-" + image.id() + "-frame-" + frame + ".png";
        picture.setSrc(DownloadHandler.fromInputStream(
                event -> new DownloadResponse(new ByteArrayInputStream(png), name, "image/png", png.length)));
        String windowText = window == null ? "stored rendering" : "window centre " + number(window.center())
                + ", width " + number(window.width());
        picture.setAlt(image.modality() + " image " + image.id() + ", frame " + (frame + 1) + " of "
                + image.frames() + ", " + windowText);
        frameLabel.setText("Frame " + (frame + 1) + " of " + image.frames());
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    /** Labels a preset. The select also labels its empty item with it, passing null for the stored rendering. */
    private static String describe(WindowSetting window) {
        if (window == null) {
            return STORED_RENDERING;
        }
        String values = "C " + number(window.center()) + " / W " + number(window.width());
        return window.explanation() == null || window.explanation().isBlank()
                ? values : window.explanation() + " (" + values + ")";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
