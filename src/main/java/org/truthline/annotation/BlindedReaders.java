package org.truthline.annotation;

import java.util.ArrayList;
import java.util.List;
import org.truthline.task.TaskDetails;

/** Presents annotations as "Reader A", "Reader B", ... in submission order, never by user name. */
public final class BlindedReaders {

    private BlindedReaders() {
    }

    public static List<TaskDetails.ReaderAnswer> of(List<Annotation> annotations) {
        List<TaskDetails.ReaderAnswer> answers = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            Annotation a = annotations.get(i);
            answers.add(new TaskDetails.ReaderAnswer("Reader " + label(i), a.grade(), a.quality(), a.comment()));
        }
        return answers;
    }

    private static String label(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : String.valueOf(index + 1);
    }
}
