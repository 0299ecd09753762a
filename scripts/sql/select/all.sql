-- Every work of the input: for a selection made elsewhere (the cluster's Parquet output).
DROP TABLE IF EXISTS selected;

CREATE TABLE selected AS
SELECT DISTINCT work_id, 0 AS hop
FROM works;
