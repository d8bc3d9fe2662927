package org.truthline.labeling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Picks readers among the contributors certified for a project: least open assignments first, ties broken at
 * random so that no contributor is always picked first.
 */
@Component
public class ReaderSelector {

    private record Candidate(String contributor, long openAssignments) {
    }

    private final JdbcClient jdbc;

    public ReaderSelector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns up to {@code count} distinct certified contributors not in {@code excluded}. */
    public List<String> pick(long projectId, int count, Collection<String> excluded) {
        List<Candidate> candidates = new ArrayList<>(jdbc.sql("""
                SELECT c.contributor,
                       (SELECT COUNT(*) FROM assignment a WHERE a.contributor = c.contributor AND a.status = 'ASSIGNED')
                           AS open_assignments
                FROM certification c
                WHERE c.project_id = ? AND c.status = 'CERTIFIED'""")
                .param(projectId)
                .query((rs, row) -> new Candidate(rs.getString("contributor"), rs.getLong("open_assignments")))
                .list());
        candidates.removeIf(c -> excluded.contains(c.contributor()));
        Collections.shuffle(candidates);
        candidates.sort(Comparator.comparingLong(Candidate::openAssignments));
        return candidates.stream().limit(count).map(Candidate::contributor).toList();
    }
}
