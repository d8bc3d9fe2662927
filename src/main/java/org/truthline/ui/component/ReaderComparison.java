package org.truthline.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truthline.forms.FormDefinition;
import org.truthline.forms.FormField;
import org.truthline.task.TaskDetails.ReaderAnswer;
import org.truthline.task.TaskDetails.ReviewSummary;

/**
 * The blinded readers' answers side by side, one card per reader, followed by the expert review when there is
 * one. A value on which the readers differ is marked "differs". Grade and quality values are shown with the labels
 * of the task form's options when the form declares them.
 */
public class ReaderComparison extends FlexLayout {

    private final FormDefinition form;

    public ReaderComparison(List<ReaderAnswer> readers, ReviewSummary review, FormDefinition form) {
        this.form = form;
        setId("reader-comparison");
        setFlexWrap(FlexWrap.WRAP);
        addClassNames(LumoUtility.Gap.MEDIUM);

        if (readers.isEmpty()) {
            add(new Paragraph("No reader answers are available for this task."));
        }
        boolean gradesDiffer = readers.stream().map(ReaderAnswer::grade).distinct().count() > 1;
        boolean qualitiesDiffer = readers.stream().map(ReaderAnswer::quality).distinct().count() > 1;
        for (ReaderAnswer reader : readers) {
            add(card(reader.reader(),
                    row("Grade", label("grade", String.valueOf(reader.grade())), gradesDiffer),
                    row("Image quality", label("quality", reader.quality()), qualitiesDiffer),
                    row("Comment", reader.comment(), false)));
        }
        if (review != null) {
            add(card("Expert review",
                    row("Outcome", review.outcome(), false),
                    row("Grade", review.grade() == null ? null : label("grade", review.grade().toString()), false),
                    row("Image quality", label("quality", review.quality()), false),
                    row("Reason", review.reason(), false)));
        }
    }

    private String label(String key, String value) {
        if (value == null || form == null) {
            return value;
        }
        Optional<FormField> field = form.field(key);
        return field.flatMap(f -> f.options().stream().filter(o -> Objects.equals(o.value(), value)).findFirst())
                .map(option -> option.label().equals(value) || option.label().startsWith(value + " ") ? option.label()
                        : value + " – " + option.label())
                .orElse(value);
    }

    private static Component card(String title, Component... rows) {
        VerticalLayout card = new VerticalLayout();
        card.setSpacing(false);
        card.setWidth("16rem");
        card.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Padding.MEDIUM);
        card.getElement().setAttribute("role", "region");
        card.getElement().setAttribute("aria-label", title);
        H3 heading = new H3(title);
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.NONE);
        card.add(heading);
        card.add(rows);
        return card;
    }

    private static Component row(String name, String value, boolean differs) {
        Span term = new Span(name + ": ");
        term.addClassNames(LumoUtility.TextColor.SECONDARY);
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div row = new Div(term, text);
        if (differs) {
            Span badge = new Span("differs");
            badge.getElement().getThemeList().add("badge error small");
            badge.addClassNames(LumoUtility.Margin.Left.SMALL);
            row.add(badge);
        }
        return row;
    }
}
