package org.truthline.annotation;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code assignment} rows. The image access policy lets a contributor view an image while a row for that
 * image and contributor exists, whatever its status, except {@link #TRAINING}.
 */
@Repository
public class AssignmentRepository {

    /** A reader working on the image. */
    public static final String ASSIGNED = "ASSIGNED";
    /** A reader whose annotate task went to another contributor after the SLA elapsed. */
    public static final String REASSIGNED = "REASSIGNED";
    /** A reader who submitted the annotation. */
    public static final String DONE = "DONE";
    /**
     * A contributor given the image as a gold-standard qualification case. Earlier versions wrote such rows and
     * they granted access for good; now none is written, they grant nothing and migration V48 deletes them.
     */
    public static final String TRAINING = "TRAINING";

    private final JdbcClient jdbc;

    public AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long imageId, String processInstanceId, String contributor, String status) {
        jdbc.sql("""
                INSERT INTO assignment (image_id, process_instance_id, contributor, status, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(imageId, processInstanceId, contributor, status, OffsetDateTime.now())
                .update();
    }

    /** Sets the status of the contributor's open assignment for that process instance. */
    public int updateStatus(String processInstanceId, String contributor, String status) {
        return jdbc.sql("""
                UPDATE assignment SET status = ?
                WHERE process_instance_id = ? AND contributor = ? AND status = 'ASSIGNED'""")
                .params(status, processInstanceId, contributor)
                .update();
    }

    /** Returns every contributor who has or had an assignment in that process instance. */
    public List<String> contributorsOf(String processInstanceId) {
        return jdbc.sql("SELECT DISTINCT contributor FROM assignment WHERE process_instance_id = ?")
                .param(processInstanceId).query(String.class).list();
    }
}
