//! Routing rules: which bucket an artifact goes to when the caller names
//! none, chosen from its metadata (Facets' artifact routing rules; a CI's
//! branch is `BRANCH_NAME`). Criteria are tried in priority order, lowest
//! first, then in the order given; the first that matches chooses.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::entities::spaced;
use super::{InvalidInput, RegistrationType, RuleBroken, validate_name};

super::entities::word_enum!(
    /// How a criterion compares a metadata value. `REGEX` is facetctl's own;
    /// the rest are Facets' operators.
    Operator {
        Equals = "EQUALS", StartsWith = "STARTS_WITH", EndsWith = "ENDS_WITH", Contains = "CONTAINS", Regex = "REGEX",
    }
);

/// The metadata key a CI's branch or tag is recorded under, as Facets' clients send it.
pub const BRANCH_KEY: &str = "BRANCH_NAME";

/// One way to a bucket: when `metadata_key`'s value matches, go to `route_to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub metadata_key: String,
    pub operator: Operator,
    pub value: String,
    pub route_to: String,
    pub priority: i32,
}

/// A named set of criteria for integrations of one registration type.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoutingRule {
    pub id: i64,
    pub name: String,
    pub registration_type: RegistrationType,
    pub criteria: Vec<Criterion>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl Criterion {
    pub fn matches(&self, metadata: &BTreeMap<String, String>) -> bool {
        let Some(actual) = metadata.get(&self.metadata_key) else { return false };
        match self.operator {
            Operator::Equals => *actual == self.value,
            Operator::StartsWith => actual.starts_with(&self.value),
            Operator::EndsWith => actual.ends_with(&self.value),
            Operator::Contains => actual.contains(&self.value),
            Operator::Regex => compile(&self.value).is_ok_and(|re| re.is_match(actual)),
        }
    }

    /// `KEY=VALUE:BUCKET` (equals), `KEY^=…` (starts with), `KEY$=…` (ends
    /// with), `KEY*=…` (contains), `KEY~REGEX:BUCKET`: the command line's
    /// spelling of a criterion. The bucket follows the last `:`.
    pub fn parse(spec: &str, priority: i32) -> Result<Criterion, InvalidInput> {
        let bad = || {
            InvalidInput(format!(
                "invalid route {spec:?}: give KEY=VALUE:BUCKET, or ^= (starts with), $= (ends with), *= (contains), ~ (regex) for =, e.g. BRANCH_NAME=main:qa"
            ))
        };
        let (test, route_to) = spec.rsplit_once(':').ok_or_else(bad)?;
        let at = test.find(['=', '^', '$', '*', '~']).ok_or_else(bad)?;
        let (key, rest) = test.split_at(at);
        let (operator, value) = if let Some(v) = rest.strip_prefix("^=") {
            (Operator::StartsWith, v)
        } else if let Some(v) = rest.strip_prefix("$=") {
            (Operator::EndsWith, v)
        } else if let Some(v) = rest.strip_prefix("*=") {
            (Operator::Contains, v)
        } else if let Some(v) = rest.strip_prefix('~') {
            (Operator::Regex, v)
        } else if let Some(v) = rest.strip_prefix('=') {
            (Operator::Equals, v)
        } else {
            return Err(bad());
        };
        if key.is_empty() || route_to.is_empty() {
            return Err(bad());
        }
        let criterion = Criterion {
            metadata_key: key.to_owned(),
            operator,
            value: value.to_owned(),
            route_to: route_to.to_owned(),
            priority,
        };
        criterion.check()?;
        Ok(criterion)
    }

    /// What a criterion must be to be kept: a key, a bucket name, a value (a regex that compiles).
    pub fn check(&self) -> Result<(), InvalidInput> {
        if self.metadata_key.is_empty() || self.metadata_key.len() > 128 {
            return Err(InvalidInput("a criterion's metadataKey is 1 to 128 characters".into()));
        }
        validate_name("bucket", &self.route_to)?;
        if self.value.len() > 1024 {
            return Err(InvalidInput("a criterion's value is at most 1024 bytes".into()));
        }
        if self.operator == Operator::Regex {
            compile(&self.value)
                .map_err(|e| InvalidInput(format!("invalid regex {:?} in a criterion: {e}", self.value)))?;
        }
        Ok(())
    }
}

impl RoutingRule {
    /// A rule routes to buckets of one type; an integration routes only by a rule of its own type.
    pub fn fits(&self, integration: &str, registration_type: RegistrationType) -> Result<(), InvalidInput> {
        if self.registration_type == registration_type {
            return Ok(());
        }
        Err(InvalidInput(format!(
            "rule {} routes to {} buckets and integration {integration} has {} buckets; give it a rule of its type",
            self.name, self.registration_type, registration_type
        )))
    }
}

/// Most criteria a rule keeps: a rule routes a handful of branch patterns.
pub const MAX_CRITERIA: usize = 32;

/// A criterion's regex, small enough that matching one stays cheap whoever
/// wrote it: a pattern that would compile to more than this many bytes of
/// program (`a{400}{400}` would take megabytes) is refused.
fn compile(pattern: &str) -> Result<regex_lite::Regex, regex_lite::Error> {
    regex_lite::RegexBuilder::new(pattern).size_limit(64 * 1024).nest_limit(32).build()
}

/// A rule's criteria as a rule keeps them: at least one, each sound.
pub fn check_criteria(rule: &str, criteria: &[Criterion]) -> Result<(), InvalidInput> {
    if criteria.is_empty() || criteria.len() > MAX_CRITERIA {
        return Err(InvalidInput(format!("routing rule {rule} needs 1 to {MAX_CRITERIA} criteria")));
    }
    criteria.iter().try_for_each(Criterion::check)
}

/// The criterion that chooses the bucket for `metadata`: the first in
/// priority order that matches.
pub fn route<'a>(
    rule: &str,
    criteria: &'a [Criterion],
    metadata: &BTreeMap<String, String>,
) -> Result<&'a Criterion, RuleBroken> {
    let mut ordered: Vec<&Criterion> = criteria.iter().collect();
    ordered.sort_by_key(|c| c.priority);
    // Only what a record keeps is matched (`check_artifact_fields`' limit for a whole record).
    let kept = |c: &&Criterion| metadata.get(&c.metadata_key).is_some_and(|v| v.len() <= 4096);
    ordered.into_iter().filter(kept).find(|c| c.matches(metadata)).ok_or_else(|| RuleBroken::NoRoute {
        rule: rule.to_owned(),
        metadata: metadata.iter().take(8).map(|(k, v)| (k.clone(), v.chars().take(200).collect())).collect(),
    })
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = match self.operator {
            Operator::Equals => "=",
            Operator::StartsWith => "^=",
            Operator::EndsWith => "$=",
            Operator::Contains => "*=",
            Operator::Regex => "~",
        };
        write!(f, "{}{op}{}:{}", self.metadata_key, self.value, self.route_to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn branch(name: &str) -> BTreeMap<String, String> {
        BTreeMap::from([(BRANCH_KEY.to_owned(), name.to_owned())])
    }

    #[test]
    fn the_first_matching_criterion_in_priority_order_chooses() {
        let criteria = [
            Criterion::parse("BRANCH_NAME~^release/:staging", 1).unwrap(),
            Criterion::parse("BRANCH_NAME=main:qa", 0).unwrap(),
            Criterion::parse("BRANCH_NAME^=release/:never", 2).unwrap(),
        ];
        assert_eq!(route("r", &criteria, &branch("main")).unwrap().route_to, "qa");
        assert_eq!(route("r", &criteria, &branch("release/2.1")).unwrap().route_to, "staging");
        let missed = route("r", &criteria, &branch("feature/x")).unwrap_err();
        assert_eq!(
            missed.to_string(),
            "routing rule r sends nowhere an artifact with metadata BRANCH_NAME=feature/x: no criterion matches; \
             name the bucket, or add a criterion that matches"
        );
    }

    #[test]
    fn routes_are_written_as_the_command_line_spells_them() {
        for spec in
            ["BRANCH_NAME=main:qa", "BRANCH_NAME^=release/:staging", "TAG$=-rc:qa", "K*=x:QA", "B~^v[0-9]+:prod"]
        {
            assert_eq!(Criterion::parse(spec, 0).unwrap().to_string(), spec);
        }
        for bad in
            ["BRANCH_NAME=main", "=main:qa", "BRANCH_NAME main:qa", "B~(:qa", "B=x:not a bucket", "B~a{400}{400}b:qa"]
        {
            assert!(Criterion::parse(bad, 0).is_err(), "{bad}");
        }
        let many: Vec<Criterion> = (0..=MAX_CRITERIA).map(|i| Criterion::parse("B=x:qa", i as i32).unwrap()).collect();
        assert!(check_criteria("r", &many).is_err(), "a rule keeps a handful of criteria");
        assert!(check_criteria("r", &many[..MAX_CRITERIA]).is_ok());
    }
}
