-- The selection's bookkeeping: which hop comes next, and the works that had more candidates than
-- the cap allows. Run before seeds.sql, topics.sql or all.sql.
DROP TABLE IF EXISTS hop_state;

CREATE TABLE hop_state AS
SELECT 0 AS hop;

DROP TABLE IF EXISTS cap_hits;

CREATE TABLE cap_hits (hop BIGINT, via BIGINT, candidates BIGINT);
