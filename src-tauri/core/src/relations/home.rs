//! Between congresses home: when no congress is running, the app opens on
//! what is due — check-ins, introductions owed, follow-ups owed — and the
//! next congress with its targets not yet contacted and the days to go.

use super::checkins::{self, CheckIn};
use super::intros::{self, Introduction};
use crate::congress::{self, Congress};
use crate::follow_ups::{self, FollowUp};
use crate::targets::{self, Target, TargetStatus};
use crate::{Result, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The next congress, as the home shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct NextCongress {
    pub congress: Congress,
    /// Days from today to its first day.
    #[specta(type = f64)]
    pub days_to_go: i64,
    /// Its targets still at "idea": not contacted yet, must-meet first.
    pub not_contacted: Vec<Target>,
    pub targets_total: u32,
}

/// What is due between congresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Home {
    pub today: NaiveDate,
    /// A congress whose days include today: then the app opens on it instead.
    pub running: Option<Congress>,
    /// Check-ins due, most overdue first.
    pub check_ins: Vec<CheckIn>,
    /// Introductions I owe, oldest first.
    pub intros_owed: Vec<Introduction>,
    /// Follow-ups owed at every congress, earliest due first.
    pub follow_ups_owed: Vec<FollowUp>,
    pub next_congress: Option<NextCongress>,
}

/// A congress whose days (in its own calendar) include `today`; the latest
/// started when two overlap.
pub async fn running(store: &Store, today: NaiveDate) -> Result<Option<Congress>> {
    Ok(congress::list(store).await?.into_iter().find(|c| c.starts_on <= today && today <= c.ends_on))
}

/// The first congress starting after `today`.
pub async fn next(store: &Store, today: NaiveDate) -> Result<Option<Congress>> {
    Ok(congress::list(store).await?.into_iter().filter(|c| c.starts_on > today).min_by_key(|c| (c.starts_on, c.id)))
}

/// Everything the between-congresses view shows, as of `today`.
pub async fn summary(store: &Store, today: NaiveDate) -> Result<Home> {
    let next_congress = match next(store, today).await? {
        Some(congress) => {
            let all = targets::list(store, congress.id).await?;
            Some(NextCongress {
                days_to_go: (congress.starts_on - today).num_days(),
                targets_total: u32::try_from(all.len()).unwrap_or(u32::MAX),
                not_contacted: all.into_iter().filter(|t| t.status == TargetStatus::Idea).collect(),
                congress,
            })
        }
        None => None,
    };
    Ok(Home {
        today,
        running: running(store, today).await?,
        check_ins: checkins::due(store, today).await?,
        intros_owed: intros::owed(store, None).await?,
        follow_ups_owed: follow_ups::owed(store).await?,
        next_congress,
    })
}
