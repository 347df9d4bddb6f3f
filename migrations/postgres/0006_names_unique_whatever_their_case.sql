-- Names keep the case they are given (Facets spells release streams QA,
-- PRODUCTION; users sign in by email) and are unique whatever their case.
-- Names before this migration were lower case only, so none can clash.
CREATE UNIQUE INDEX registries_name_any_case ON registries (lower(name));
CREATE UNIQUE INDEX release_streams_name_any_case ON release_streams (lower(name));
CREATE UNIQUE INDEX environments_name_any_case ON environments (lower(name));
CREATE UNIQUE INDEX workflows_name_any_case ON workflows (lower(name));
CREATE UNIQUE INDEX integrations_name_any_case ON integrations (lower(name));
CREATE UNIQUE INDEX users_name_any_case ON users (lower(name));
