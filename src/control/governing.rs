//! What the rules need to know of an integration, read inside the
//! transaction that writes a record, so a rule is checked against the state
//! it is written into: the integration's buckets, its workflow, and where
//! its buckets live in the registry. The rules themselves are `model/`'s.

use sqlx::{AnyConnection, Row};

use super::store::rows::Columns;
use crate::error::{Error, Hint, Result};
use crate::model::{self, Digest, Layout, RegistrationType, Workflow};

/// An integration as the rules see it.
pub struct Governing {
    pub id: i64,
    pub name: String,
    pub registration_type: RegistrationType,
    pub repository: String,
    pub layout: Layout,
    /// The registry's name, and its `host[:port][/prefix]`.
    pub registry_name: String,
    pub registry_uri: String,
    /// Buckets kept in another registry: (bucket, registry name, its uri).
    pub bucket_registries: Vec<(String, String, String)>,
    pub workflow: Option<Workflow>,
}

impl Governing {
    pub async fn read(conn: &mut AnyConnection, integration: &str) -> Result<Governing> {
        let row = sqlx::query(
            "SELECT i.id, i.name, i.registration_type, i.repository, i.layout, r.name AS registry_name, r.uri AS registry_uri,
             w.id AS workflow_id, w.name AS workflow, w.stages, w.gates, w.created_by AS workflow_by, w.created_at AS workflow_at
             FROM integrations i JOIN registries r ON r.id = i.registry_id LEFT JOIN workflows w ON w.id = i.workflow_id
             WHERE i.name = $1",
        )
        .bind(integration)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| {
            Error::NotFound(format!("unknown integration {integration:?}")).hint(Hint::List {
                what: "integration".into(),
                integration: None,
                bucket: None,
            })
        })?;
        let c = Columns(&row);
        let registration_type = c.word("registration_type")?;
        let workflow = match c.get::<Option<String>>("workflow")? {
            None => None,
            Some(name) => Some(Workflow {
                id: c.get("workflow_id")?,
                name,
                registration_type,
                stages: c.json("stages")?,
                gates: c.json("gates")?,
                created_by: c.get("workflow_by")?,
                created_at: c.time("workflow_at")?,
            }),
        };
        let id: i64 = row.try_get("id")?;
        let bucket_registries = sqlx::query(
            "SELECT b.bucket, r.name, r.uri FROM bucket_registries b JOIN registries r ON r.id = b.registry_id
             WHERE b.integration_id = $1",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("bucket")?, r.try_get("name")?, r.try_get("uri")?)))
        .collect::<Result<_, sqlx::Error>>()?;
        Ok(Governing {
            id,
            name: row.try_get("name")?,
            registration_type,
            repository: row.try_get("repository")?,
            layout: c.word("layout")?,
            registry_name: row.try_get("registry_name")?,
            registry_uri: row.try_get("registry_uri")?,
            bucket_registries,
            workflow,
        })
    }

    /// `bucket` is one of the integration's: a stage of its workflow, or an
    /// environment (release stream) for an integration of that type.
    /// A bucket has one spelling: names are the same whatever their case, and a repository path
    /// is lowered, so `production` beside a `PRODUCTION` environment would be a second way into
    /// one repository, with its own lease and none of the other's protection.
    pub async fn check_bucket(&self, conn: &mut AnyConnection, bucket: &str) -> Result<()> {
        let staged = self.workflow.as_ref().is_some_and(|w| w.stages.iter().any(|s| s == bucket));
        let one = format!("SELECT name FROM {} WHERE lower(name) = lower($1)", self.type_buckets());
        let spelled: Option<String> =
            sqlx::query(sqlx::AssertSqlSafe(one)).bind(bucket).fetch_optional(&mut *conn).await?.map(|r| r.get("name"));
        match spelled {
            Some(spelled) if spelled != bucket => Err(model::RuleBroken::BucketSpelled {
                integration: self.name.clone(),
                bucket: bucket.to_owned(),
                spelled,
            }
            .into()),
            Some(_) => Ok(()),
            None if staged => Ok(()),
            None => {
                let known = self.known_buckets(conn).await?;
                Ok(model::check_bucket(&self.name, bucket, &known)?)
            }
        }
    }

    /// `bucket` is one of the integration's, and `user` in `role` may write it.
    pub async fn check_writer(
        &self,
        conn: &mut AnyConnection,
        bucket: &str,
        user: &str,
        role: Option<model::Role>,
    ) -> Result<()> {
        self.check_bucket(conn, bucket).await?;
        if role.is_some_and(|r| !r.allows(model::Role::ReleaseManager)) {
            let protected = self.is_protected(conn, bucket).await?;
            model::check_protected(&self.name, bucket, protected, user, role)?;
        }
        Ok(())
    }

    /// Whether `bucket` is protected: an environment of a production release
    /// stream, or a production release stream.
    pub async fn is_protected(&self, conn: &mut AnyConnection, bucket: &str) -> Result<bool> {
        let sql = match self.registration_type {
            RegistrationType::Environment => {
                "SELECT 1 AS found FROM environments e JOIN release_streams r ON r.id = e.release_stream_id
                 WHERE lower(e.name) = lower($1) AND r.prod = 1"
            }
            RegistrationType::ReleaseStream => {
                "SELECT 1 AS found FROM release_streams WHERE lower(name) = lower($1) AND prod = 1"
            }
        };
        Ok(sqlx::query(sql).bind(bucket).fetch_optional(&mut *conn).await?.is_some())
    }

    /// The table whose names are buckets for an integration of this type.
    fn type_buckets(&self) -> &'static str {
        match self.registration_type {
            RegistrationType::Environment => "environments",
            RegistrationType::ReleaseStream => "release_streams",
        }
    }

    /// Every bucket the integration has.
    pub async fn known_buckets(&self, conn: &mut AnyConnection) -> Result<Vec<String>> {
        let all = format!("SELECT name FROM {} ORDER BY name", self.type_buckets());
        let others: Vec<String> = sqlx::query(sqlx::AssertSqlSafe(all))
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| r.try_get("name"))
            .collect::<Result<_, _>>()?;
        Ok(model::known_buckets(self.workflow.as_ref(), others))
    }

    /// `tag` may name an artifact in `bucket`: it is a tag, and it is not,
    /// and does not fall among, the tags the layout gives to something else.
    pub async fn check_tag(&self, conn: &mut AnyConnection, bucket: &str, tag: &str) -> Result<()> {
        model::validate_tag(tag)?;
        model::validate_tag(&self.layout.artifact_tag(bucket, tag))?;
        let buckets = match self.layout {
            // Only this layout shares one repository among the buckets.
            Layout::TagPerBucket => self.known_buckets(conn).await?,
            Layout::RepositoryPerBucket => return Ok(model::check_artifact_tag(self.layout, bucket, tag, &[])?),
        };
        model::check_artifact_tag(self.layout, bucket, tag, &buckets)?;
        // Buckets come and go (a new environment, a workflow's new stage), so the rule above can
        // miss a tag written before a bucket with a clashing name existed: the records say what
        // the shared repository already holds. Neither this artifact's tag nor this bucket's
        // moving tag may be another bucket's artifact's tag.
        let written = self.layout.artifact_tag(bucket, tag);
        let moving = self.layout.current_tag(bucket);
        let taken = sqlx::query(
            "SELECT bucket, tag FROM artifacts WHERE integration_id = $1 AND bucket <> $2
             AND (bucket || '-' || tag = $3 OR bucket || '-' || tag = $4) LIMIT 1",
        )
        .bind(self.id)
        .bind(bucket)
        .bind(&written)
        .bind(&moving)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(row) = taken {
            let (other, other_tag): (String, String) = (row.try_get("bucket")?, row.try_get("tag")?);
            let clash = format!("{other}-{other_tag}");
            return Err(model::RuleBroken::TagClash {
                tag: tag.to_owned(),
                clashes_with: if clash == written {
                    format!("{written:?} is already artifact {other_tag} of bucket {other}")
                } else {
                    format!("this bucket's moving tag {moving:?} is already artifact {other_tag} of bucket {other}")
                },
            }
            .into());
        }
        Ok(())
    }

    /// The bucket's registry override, if it has one.
    fn moved(&self, bucket: &str) -> Option<&(String, String, String)> {
        self.bucket_registries.iter().find(|(b, _, _)| b.eq_ignore_ascii_case(bucket))
    }

    /// The name of the registry that holds `bucket`.
    pub fn registry_of(&self, bucket: &str) -> &str {
        self.moved(bucket).map_or(&self.registry_name, |(_, name, _)| name)
    }

    /// Where an artifact with `digest` is in `bucket`, pinned: what the record says.
    pub fn pinned_uri(&self, bucket: &str, digest: &Digest) -> String {
        let repo = self.layout.bucket_repository(&self.repository, bucket);
        let uri = self.moved(bucket).map_or(&self.registry_uri, |(_, _, uri)| uri);
        match uri.split_once('/') {
            Some((host, prefix)) => format!("{host}/{prefix}/{repo}@{digest}"),
            None => format!("{uri}/{repo}@{digest}"),
        }
    }
}
