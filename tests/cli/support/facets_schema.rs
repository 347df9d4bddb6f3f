//! The Facets OpenAPI documents (../shared/reference/facets-openapi) as a
//! checker of our JSON: each property the schema knows must have its type,
//! enum and format; required properties must be there. Properties Facets
//! does not know are allowed, as Facets clients ignore them.

use std::collections::HashMap;

use serde_json::Value;

pub struct FacetsSchemas {
    schemas: HashMap<String, Value>,
}

impl FacetsSchemas {
    pub fn load() -> FacetsSchemas {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/facets-openapi");
        let mut schemas = HashMap::new();
        for entry in std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("the Facets reference is missing at {}: {e}", dir.display()))
        {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yml") {
                let doc: Value = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                if let Some(Value::Object(found)) = doc.pointer("/components/schemas") {
                    for (name, schema) in found {
                        schemas.entry(name.clone()).or_insert_with(|| schema.clone());
                    }
                }
            }
        }
        assert!(
            schemas.contains_key("ArtifactCI") && schemas.contains_key("ErrorDetails"),
            "the reference has the schemas"
        );
        FacetsSchemas { schemas }
    }

    /// Problems with `value` as an instance of the schema `name`; empty when it fits.
    pub fn check(&self, name: &str, value: &Value) -> Vec<String> {
        let mut problems = Vec::new();
        self.walk(&self.schemas[name], value, name, &mut problems);
        problems
    }

    fn walk(&self, schema: &Value, value: &Value, at: &str, problems: &mut Vec<String>) {
        if let Some(reference) = schema["$ref"].as_str() {
            let name = reference.rsplit('/').next().unwrap();
            return self.walk(&self.schemas[name], value, at, problems);
        }
        if let Some(allowed) = schema["enum"].as_array()
            && !allowed.contains(value)
        {
            problems.push(format!("{at}: {value} is not one of {allowed:?}"));
        }
        let ok = match schema["type"].as_str() {
            Some("object") => {
                let Some(object) = value.as_object() else {
                    problems.push(format!("{at}: expected an object, got {value}"));
                    return;
                };
                for required in schema["required"].as_array().into_iter().flatten() {
                    if !object.contains_key(required.as_str().unwrap()) {
                        problems.push(format!("{at}: required {required} is missing"));
                    }
                }
                if let Some(Value::Object(properties)) = schema.get("properties") {
                    for (key, sub) in properties {
                        match object.get(key) {
                            None | Some(Value::Null) => {}
                            Some(v) => self.walk(sub, v, &format!("{at}.{key}"), problems),
                        }
                    }
                }
                true
            }
            Some("array") => match value.as_array() {
                Some(items) => {
                    for (i, item) in items.iter().enumerate() {
                        self.walk(&schema["items"], item, &format!("{at}[{i}]"), problems);
                    }
                    true
                }
                None => false,
            },
            Some("string") => {
                let ok = value.is_string();
                if ok
                    && schema["format"] == "date-time"
                    && chrono::DateTime::parse_from_rfc3339(value.as_str().unwrap()).is_err()
                {
                    problems.push(format!("{at}: {value} is not a date-time"));
                }
                ok
            }
            Some("integer") => value.is_i64() || value.is_u64(),
            Some("boolean") => value.is_boolean(),
            _ => true,
        };
        if !ok {
            problems.push(format!("{at}: expected {}, got {value}", schema["type"]));
        }
    }
}
