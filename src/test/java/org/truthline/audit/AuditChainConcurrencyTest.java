package org.truthline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends from several threads, each inside a longer transaction of its own (as intake and the process engine
 * do), must still form one unbroken chain: an append waits until the transaction holding the chain's head
 * commits or rolls back.
 */
@SpringBootTest
class AuditChainConcurrencyTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        registry.add("truthline.data-dir", Files.createTempDirectory("truthline-audit-test")::toString);
    }

    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void appendsInOverlappingTransactions_keepOneChain() throws Exception {
        int threads = 4;
        int appendsPerThread = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < appendsPerThread; i++) {
                    int append = i;
                    transaction.executeWithoutResult(status -> {
                        audit.append(AuditEntry.of("thread-" + thread, AuditEventType.IMAGE_IMPORTED, null, null,
                                Map.of("append", append)));
                        sleep(5);
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> result : results) {
            result.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(audit.verify()).as("first broken audit row").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor LIKE 'thread-%'").query(Integer.class)
                .single()).isEqualTo(threads * appendsPerThread);
    }

    @Test
    void rolledBackAppend_leavesTheChainIntact() {
        try {
            transaction.executeWithoutResult(status -> {
                audit.append(AuditEntry.of("rolled-back", AuditEventType.IMAGE_IMPORTED, null, null, Map.of()));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the append is undone with the transaction
        }
        audit.append(AuditEntry.of("after-rollback", AuditEventType.IMAGE_IMPORTED, null, null, Map.of()));

        assertThat(audit.verify()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'rolled-back'").query(Integer.class)
                .single()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
