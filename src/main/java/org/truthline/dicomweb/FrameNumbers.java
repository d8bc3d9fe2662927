package org.truthline.dicomweb;

import java.util.ArrayList;
import java.util.List;

/** The 1-based frame numbers of a WADO-RS frame list, such as {@code 1,3,5}. */
final class FrameNumbers {

    private FrameNumbers() {
    }

    /**
     * Parses a comma-separated list of frame numbers, in the order given.
     *
     * @throws DicomwebException with 400 when an entry is empty or not a whole number of at least 1
     */
    static List<Integer> parse(String frameList) {
        List<Integer> numbers = new ArrayList<>();
        for (String entry : frameList.split(",", -1)) {
            String trimmed = entry.strip();
            int number;
            try {
                number = trimmed.matches("[0-9]{1,9}") ? Integer.parseInt(trimmed) : 0;
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number < 1) {
                throw DicomwebException.badRequest("Frame list '" + frameList + "' is invalid: '" + entry
                        + "' is not a frame number. Give frame numbers from 1, separated by commas, for example"
                        + " 1,2,3.");
            }
            numbers.add(number);
        }
        return numbers;
    }

    /**
     * Checks every number against the instance's frame count.
     *
     * @throws DicomwebException with 404 when a number is larger than the count
     */
    static void checkWithin(List<Integer> numbers, int frames, String sopInstanceUid) {
        for (int number : numbers) {
            if (number > frames) {
                throw DicomwebException.notFound("Frame " + number + " does not exist: instance " + sopInstanceUid
                        + " has " + frames + " frame(s), numbered 1 to " + frames + ".");
            }
        }
    }

    /** Returns the 0-based frame indexes the toolkit takes. */
    static List<Integer> zeroBased(List<Integer> numbers) {
        return numbers.stream().map(number -> number - 1).toList();
    }
}
