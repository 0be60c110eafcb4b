//! The starter goals for a first ASH or EHA, after the seed article's advice:
//! find mentors, talk to cooperative groups, go to the trainee events and a
//! working-group meeting, walk the posters, present, volunteer. The user
//! adopts the ones that fit and edits them like any other goal.

use super::{GoalDraft, GoalParams, GoalRule};
use crate::congress::{self, Series};
use crate::ids::CongressId;
use crate::program::SessionKind;
use crate::targets::Why;
use crate::{Result, Store};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct StarterGoal {
    /// Stable name, for adopting by key.
    pub key: String,
    pub title: String,
    pub rule: GoalRule,
    pub params: GoalParams,
    pub target: u32,
    /// Why it is worth it, in a line.
    pub hint: String,
}

fn goal(key: &str, title: &str, rule: GoalRule, params: GoalParams, target: u32, hint: &str) -> StarterGoal {
    StarterGoal { key: key.into(), title: title.into(), rule, params, target, hint: hint.into() }
}

fn keyword(word: &str) -> GoalParams {
    GoalParams { keyword: Some(word.into()), ..Default::default() }
}

/// The starter set, worded for the congress series.
pub fn starter_set(series: Series) -> Vec<StarterGoal> {
    let trainee = match series {
        Series::Ash => ("trainee", "Go to a trainee event (Trainee Day, ASH-a-Palooza)"),
        Series::Eha => ("young", "Go to an EHA-YHN young hematologists event"),
        _ => ("trainee", "Go to a trainee or early-career event"),
    };
    vec![
        goal(
            "mentors",
            "Meet 3 potential mentors",
            GoalRule::TargetsMet,
            GoalParams { why: Some(Why::Mentor), ..Default::default() },
            3,
            "Counts mentor targets you have met.",
        ),
        goal(
            "cooperative_groups",
            "Talk to 2 cooperative-group contacts",
            GoalRule::InteractionsLogged,
            GoalParams { why: Some(Why::CooperativeGroup), ..Default::default() },
            2,
            "Counts cooperative-group targets you logged a conversation with.",
        ),
        goal(
            "my_field",
            "Attend 6 sessions in my field",
            GoalRule::SessionsAttended,
            keyword(""),
            6,
            "Put your field (e.g. myeloma) as the keyword; counts sessions you attend.",
        ),
        goal(
            "trainee",
            trainee.1,
            GoalRule::SessionsAttended,
            keyword(trainee.0),
            1,
            "Counts matching sessions you attend.",
        ),
        goal(
            "working_group",
            "Attend a working-group meeting",
            GoalRule::SessionsAttended,
            keyword("working group"),
            1,
            "Scientific working groups are where collaborations start.",
        ),
        goal(
            "posters",
            "Walk 10 posters in my area",
            GoalRule::SessionsAttended,
            GoalParams { session_kind: Some(SessionKind::Poster), ..Default::default() },
            10,
            "Counts poster sessions and abstracts you mark attending.",
        ),
        goal("present", "Present my poster", GoalRule::Manual, GoalParams::default(), 1, "Tick it when done."),
        goal(
            "chair",
            "Volunteer as a session chair or moderator",
            GoalRule::Manual,
            GoalParams::default(),
            1,
            "Tick it when you have offered.",
        ),
        goal(
            "follow_ups",
            "Follow up with 5 people within two days",
            GoalRule::FollowUpsDone,
            GoalParams::default(),
            5,
            "Counts follow-ups marked done.",
        ),
    ]
}

/// Adds the starter goals named by `keys` to a congress; a goal whose title
/// is already there is not added twice. Returns the congress's goals.
pub async fn adopt(store: &Store, congress_id: CongressId, keys: &[String]) -> Result<Vec<super::Goal>> {
    let series = congress::get(store, congress_id).await?.series;
    let existing: Vec<String> = super::list(store, congress_id).await?.into_iter().map(|g| g.title).collect();
    for starter in starter_set(series).into_iter().filter(|s| keys.contains(&s.key)) {
        if existing.contains(&starter.title) {
            continue;
        }
        let draft = GoalDraft {
            congress_id,
            title: starter.title,
            rule: starter.rule,
            params: starter.params,
            target: starter.target,
            due_local: None,
        };
        super::create(store, &draft).await?;
    }
    super::list(store, congress_id).await
}
