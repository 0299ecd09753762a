-- The citation pairs, with references to merged works pointed at the work they were merged into.
-- Reads raw_refs(citing, cited) and merged(work_id, merge_into_id); writes refs(citing, cited),
-- distinct and without self-references. Plain SQL: runs on DuckDB, Spark SQL and BigQuery.
DROP TABLE IF EXISTS refs;

CREATE TABLE refs AS
SELECT DISTINCT r.citing, COALESCE(m.merge_into_id, r.cited) AS cited
FROM raw_refs r
LEFT JOIN merged m ON m.work_id = r.cited
WHERE r.citing <> COALESCE(m.merge_into_id, r.cited);
