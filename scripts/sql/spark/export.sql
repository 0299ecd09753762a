-- Spark SQL: the selected works, whole, as Parquet for `npm run import:snapshot -- --all`.
-- Run after the selection (scripts/sql/select/); replace the output location.
INSERT OVERWRITE DIRECTORY 's3a://my-bucket/openalex-field/'
USING parquet
SELECT w.*
FROM openalex_works w
JOIN (SELECT DISTINCT work_id FROM selected) s ON s.work_id = CAST(substr(w.id, 23) AS BIGINT);
