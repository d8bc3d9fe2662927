-- The hash at the head of the audit chain, in one row. An append locks this row (SELECT ... FOR UPDATE) in the
-- caller's transaction, so appends from transactions that overlap wait for each other instead of forking the chain.
CREATE TABLE audit_chain_head (
    id INTEGER PRIMARY KEY,
    hash VARCHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, hash)
SELECT 1, COALESCE((SELECT e.hash FROM audit_event e ORDER BY e.id DESC LIMIT 1),
                   '0000000000000000000000000000000000000000000000000000000000000000');
