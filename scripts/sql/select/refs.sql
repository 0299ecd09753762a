-- The citation pairs, with references to merged works pointed at the work they were merged into.
-- Reads raw_refs(citing, cited) and merged(work_id, merge_into_id); writes refs(citing, cited)
-- without self-references. A pair may repeat (a work citing both a merged id and the work it was
-- merged into): making 3×10^7 pairs distinct costs more than the rest of the selection, so the
-- later statements count and keep distinct pairs where it matters.
-- Plain SQL: runs on DuckDB, Spark SQL and BigQuery.
DROP TABLE IF EXISTS refs;

CREATE TABLE refs AS
SELECT r.citing, COALESCE(m.merge_into_id, r.cited) AS cited
FROM raw_refs r
LEFT JOIN merged m ON m.work_id = r.cited
WHERE r.citing <> COALESCE(m.merge_into_id, r.cited);
