-- An integration's history, newest first, without sorting all of it: found
-- by the control-plane benchmark (581 ms over 1M events before, a temp B-tree sort).
CREATE INDEX bucket_events_by_integration ON bucket_events (integration_id, id);
