package org.truthline.process;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a comma-separated list variable into the collection a multi-instance activity iterates, as in
 * {@code camunda:collection="${variableLists.split(readers)}"}.
 */
@Component("variableLists")
public class VariableLists {

    public List<String> split(String csv) {
        return ProcessVariables.split(csv);
    }
}
