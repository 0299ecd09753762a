-- The references between selected works: the graph's edges. Reads refs and selected; writes
-- selected_edges(citing, cited).
DROP TABLE IF EXISTS selected_edges;

CREATE TABLE selected_edges AS
SELECT DISTINCT r.citing, r.cited
FROM refs r
JOIN selected a ON a.work_id = r.citing
JOIN selected b ON b.work_id = r.cited;
