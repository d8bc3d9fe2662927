package org.truthline.intake;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.truthline.dicom.UidRemapper;

/**
 * Maps original UIDs to new {@code 2.25.<UUID>} UIDs (PS3.5 B.2), stored per project in {@code uid_map} so that
 * every file of a project, imported at any time, gets the same replacement for the same original.
 */
final class ProjectUidRemapper implements UidRemapper {

    private final JdbcClient jdbc;
    private final long projectId;

    ProjectUidRemapper(JdbcClient jdbc, long projectId) {
        this.jdbc = jdbc;
        this.projectId = projectId;
    }

    @Override
    public String remap(String originalUid) {
        String known = lookup(originalUid);
        if (known != null) {
            return known;
        }
        String fresh = newUid();
        try {
            jdbc.sql("INSERT INTO uid_map (project_id, original_uid, mapped_uid) VALUES (?, ?, ?)")
                    .params(projectId, originalUid, fresh).update();
            return fresh;
        } catch (DuplicateKeyException e) {
            return lookup(originalUid);
        }
    }

    private String lookup(String originalUid) {
        return jdbc.sql("SELECT mapped_uid FROM uid_map WHERE project_id = ? AND original_uid = ?")
                .params(projectId, originalUid).query(String.class).optional().orElse(null);
    }

    static String newUid() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }
}
