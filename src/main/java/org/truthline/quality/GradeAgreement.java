package org.truthline.quality;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Agreement between readers on an ordinal grade: they agree when every reader gave the same grade. */
public final class GradeAgreement {

    private GradeAgreement() {
    }

    /** Returns true when there are at least two grades and all are equal. */
    public static boolean agree(Collection<Integer> grades) {
        return grades.size() >= 2 && grades.stream().distinct().count() == 1;
    }

    /** Returns the common grade when the readers agree, empty otherwise. */
    public static Optional<Integer> consensus(List<Integer> grades) {
        return agree(grades) ? Optional.of(grades.get(0)) : Optional.empty();
    }
}
