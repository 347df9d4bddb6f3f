-- Routing rules: which bucket an artifact goes to when its caller names none,
-- chosen by its metadata (Facets' artifact routing rules). An integration
-- routes by at most one rule.
CREATE TABLE routing_rules (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT NOT NULL,
    registration_type TEXT NOT NULL,
    criteria          TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX routing_rules_name_any_case ON routing_rules (lower(name));
ALTER TABLE integrations ADD COLUMN rule_id INTEGER REFERENCES routing_rules (id);
