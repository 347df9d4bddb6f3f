//! Routing rules as the embedded control plane keeps them, and which
//! integration routes by which. A rule's criteria are checked by
//! `model::routing` before they are written; each change is audited in the
//! transaction that makes it.

use serde_json::json;
use sqlx::Row;

use super::catalog::{Shared, conflict_on_unique, unused};
use super::embedded::{Embedded, unknown};
use super::store::{format_time, stamp};
use super::*;
use crate::error::Result;

const RULE_SELECT: &str = "SELECT id, name, registration_type, criteria, created_by, created_at FROM routing_rules";

impl Embedded {
    pub(super) async fn create_rule(&self, new: NewRoutingRule) -> Result<RoutingRule> {
        validate_name("rule", &new.name)?;
        check_criteria(&new.name, &new.criteria)?;
        let mut tx = self.store.begin_write().await?;
        let at = stamp();
        let id: i64 = sqlx::query(
            "INSERT INTO routing_rules (name, registration_type, criteria, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&new.name)
        .bind(new.registration_type.as_str())
        .bind(serde_json::to_string(&new.criteria).expect("criteria serialise"))
        .bind(&self.actor)
        .bind(format_time(at))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict_on_unique(e, "rule", &new.name))?
        .get("id");
        let details = json!({"id": id, "criteria": new.criteria.iter().map(ToString::to_string).collect::<Vec<_>>()});
        self.audit(&mut tx, AuditAction::RuleCreate, "rule", &new.name, details).await?;
        tx.commit().await?;
        Ok(RoutingRule {
            id,
            name: new.name,
            registration_type: new.registration_type,
            criteria: new.criteria,
            created_by: self.actor.clone(),
            created_at: at,
        })
    }

    pub(super) async fn set_rule_criteria(&self, name: &str, criteria: Vec<Criterion>) -> Result<RoutingRule> {
        check_criteria(name, &criteria)?;
        let current = self.rule(name).await?;
        let mut tx = self.store.begin_write().await?;
        sqlx::query("UPDATE routing_rules SET criteria = $1 WHERE id = $2")
            .bind(serde_json::to_string(&criteria).expect("criteria serialise"))
            .bind(current.id)
            .execute(&mut *tx)
            .await?;
        let said = |c: &[Criterion]| c.iter().map(ToString::to_string).collect::<Vec<_>>();
        let details = json!({"criteria": said(&criteria), "before": said(&current.criteria)});
        self.audit(&mut tx, AuditAction::RuleUpdate, "rule", name, details).await?;
        tx.commit().await?;
        self.rule(name).await
    }

    pub(super) async fn rules(&self) -> Result<Vec<RoutingRule>> {
        let sql = format!("{RULE_SELECT} ORDER BY name");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(&self.store.pool).await?)
    }

    pub(super) async fn rule(&self, name: &str) -> Result<RoutingRule> {
        // Names are unique whatever their case, so they are found whatever their case.
        let sql = format!("{RULE_SELECT} WHERE lower(name) = lower($1)");
        sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(name)
            .fetch_optional(&self.store.pool)
            .await?
            .ok_or_else(|| unknown("rule", name))
    }

    pub(super) async fn delete_rule(&self, name: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let id = unused(&mut tx, Shared::Rule, name).await?;
        sqlx::query("DELETE FROM routing_rules WHERE id = $1").bind(id).execute(&mut *tx).await?;
        self.audit(&mut tx, AuditAction::RuleDelete, "rule", name, json!({"id": id})).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn set_integration_rule(&self, name: &str, rule: Option<&str>) -> Result<Integration> {
        let integration = self.integration(name).await?;
        let rule_id = match rule {
            None => None,
            Some(r) => {
                let rule = self.rule(r).await?;
                rule.fits(name, integration.registration_type)?;
                Some(rule.id)
            }
        };
        let mut tx = self.store.begin_write().await?;
        sqlx::query("UPDATE integrations SET rule_id = $1 WHERE name = $2")
            .bind(rule_id)
            .bind(name)
            .execute(&mut *tx)
            .await?;
        let details = json!({"rule": rule, "before": integration.rule});
        self.audit(&mut tx, AuditAction::IntegrationUpdate, "integration", name, details).await?;
        tx.commit().await?;
        self.integration(name).await
    }
}
