-- Every work with one of the wanted topics among its topics. Reads work_topics(work_id, topic_id),
-- wanted_topics(topic_id) and works; writes selected(work_id, hop) with hop 0.
DROP TABLE IF EXISTS selected;

CREATE TABLE selected AS
SELECT DISTINCT t.work_id, 0 AS hop
FROM work_topics t
JOIN wanted_topics q ON q.topic_id = t.topic_id
JOIN works w ON w.work_id = t.work_id;
