//! Between congresses from a terminal: cadences, logged contact, check-ins,
//! introductions, value given, reconnect and the home summary. PERSON is an
//! id, an email or an exact display name; dates are YYYY-MM-DD and `--on`
//! stands for today (the user's own by default). The JSON field names are a
//! contract automated checks read: check-ins carry `id`, `name`,
//! `last_contact`, `due_on`, `overdue_days`; introductions their `id`;
//! reconnect rows `id`, `name`, `last_met_congress`, `last_met_on`.

use crate::people::resolve_person;
use crate::print_json;
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use hallway_core::ids::{GivenId, IntroductionId, PersonId};
use hallway_core::relations::cadence::{self, Cadence, CadenceGroup, CadenceSetting, CadenceSource};
use hallway_core::relations::checkins::{self, CheckIn, CheckInState};
use hallway_core::relations::contacts::{self, ContactDraft, InteractionKind};
use hallway_core::relations::given::{self, GivenDraft, GivenKind};
use hallway_core::relations::history::Encounter;
use hallway_core::relations::intros::{self, IntroDraft, IntroStatus, Introduction};
use hallway_core::relations::reconnect::{self, ProgramRole};
use hallway_core::relations::{self, home};
use hallway_core::targets::{TargetStatus, Why};
use hallway_core::{congress, time, CoreError, FieldProblem, Result, Store};
use serde::Serialize;

#[derive(Subcommand)]
pub enum PersonCommand {
    /// Set how often to keep in touch with a person; prints their cadence.
    Cadence {
        person: String,
        /// 90d, 12w, 3m; `off` (no check-ins, whatever their groups say) or
        /// `group` (their tag's or relationship's).
        #[arg(long)]
        every: String,
        /// The day it is set (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
}

/// `cadence --tag mentor --every 3m`: a group's cadence; lists them all
/// without a group.
#[derive(Args)]
pub struct CadenceArgs {
    #[arg(long, conflicts_with = "relationship")]
    tag: Option<String>,
    /// mentor, collaborator, peer, industry, cooperative_group, speaker, other.
    #[arg(long)]
    relationship: Option<String>,
    /// 90d, 12w, 3m, or off to remove it.
    #[arg(long)]
    every: Option<String>,
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
}

#[derive(Subcommand)]
pub enum InteractionCommand {
    /// Log a contact; prints it.
    Add {
        person: String,
        /// met, email, call, video or message.
        #[arg(long)]
        kind: String,
        #[arg(long, value_name = "DATE")]
        on: String,
        /// The congress it was at.
        #[arg(long)]
        congress: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// A person's contacts and notes, newest first, as JSON.
    List { person: String },
}

/// `checkins --due`: who is due, most overdue first.
#[derive(Args)]
pub struct CheckinsArgs {
    /// Only those due on the day (else also those due within --within days).
    #[arg(long)]
    due: bool,
    #[arg(long, default_value_t = 14)]
    within: u32,
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum CheckinCommand {
    /// Put a person's check-in off until a day (`--until off` takes it back).
    Snooze {
        person: String,
        #[arg(long, value_name = "DATE")]
        until: String,
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// A check-in message, offering an item of their value-given log.
    Draft {
        person: String,
        #[arg(long, value_name = "ID")]
        given: Option<i64>,
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum IntroCommand {
    /// An introduction I offer (owed) or made: PERSON to PERSON; prints it.
    Add {
        #[arg(long, value_name = "PERSON")]
        introduce: String,
        #[arg(long, value_name = "PERSON")]
        to: String,
        /// owed or made.
        #[arg(long, default_value = "owed")]
        status: String,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        congress: Option<String>,
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Mark an introduction made.
    Done {
        id: i64,
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Mark an introduction declined.
    Decline {
        id: i64,
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Record who introduced me to someone ("met through").
    MetThrough {
        person: String,
        #[arg(long, value_name = "PERSON")]
        by: String,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
}

/// `intros --owed`: introductions, owed ones or a person's.
#[derive(Args)]
pub struct IntrosArgs {
    #[arg(long)]
    owed: bool,
    /// Every introduction this person is part of.
    #[arg(long)]
    person: Option<String>,
    /// With --owed: only those offered at this congress.
    #[arg(long)]
    congress: Option<String>,
    #[arg(long)]
    json: bool,
}

/// `reconnect --congress C`: people met at earlier congresses in its program or targets.
#[derive(Args)]
pub struct ReconnectArgs {
    #[arg(long)]
    congress: String,
    /// Make this person a target there first (the one action).
    #[arg(long, value_name = "PERSON")]
    adopt: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum GivenCommand {
    /// Log something shared with or done for a person; prints it.
    Add {
        person: String,
        /// article, abstract, dataset, recommendation, invitation, other.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        url: Option<String>,
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// A person's log, newest first, as JSON.
    List { person: String },
}

/// `home`: what is due between congresses, as JSON.
#[derive(Args)]
pub struct HomeArgs {
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
}

fn invalid(field: &str, message: String) -> CoreError {
    CoreError::Invalid(vec![FieldProblem::new(field, message)])
}

/// A typed date; `field` names it in the message.
fn date(text: &str, field: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| invalid(field, format!("“{}” is not a date: write YYYY-MM-DD.", text.trim())))
}

/// `--on`, else the user's today.
async fn on(store: &Store, text: Option<&str>) -> Result<NaiveDate> {
    match text {
        Some(text) => date(text, "on_day"),
        None => relations::today(store, time::now_seconds()).await,
    }
}

#[derive(Serialize)]
struct CadenceOut<'a> {
    id: PersonId,
    name: &'a str,
    /// The cadence that applies ("90d"), "off", or null.
    every: Option<String>,
    own: CadenceSetting,
    cadence: Option<Cadence>,
    source: &'a Option<CadenceSource>,
    last_contact: Option<NaiveDate>,
    due_on: Option<NaiveDate>,
    overdue_days: Option<i64>,
    state: Option<CheckInState>,
    snoozed_until: Option<NaiveDate>,
}

pub async fn person(store: &Store, command: PersonCommand) -> Result<()> {
    let PersonCommand::Cadence { person, every, on: day } = command;
    let id = resolve_person(store, &person).await?;
    let setting = CadenceSetting::parse(&every, "every")?;
    let today = on(store, day.as_deref()).await?;
    let c = cadence::set_person(store, id, setting, today).await?;
    let check_in = c.check_in.as_ref();
    print_json(&CadenceOut {
        id: c.person.id,
        name: &c.person.display_name,
        every: match (c.own, c.cadence) {
            (CadenceSetting::Off, _) => Some("off".into()),
            (_, cadence) => cadence.map(|c| c.to_string()),
        },
        own: c.own,
        cadence: c.cadence,
        source: &c.source,
        last_contact: check_in.and_then(|c| c.last_contact),
        due_on: check_in.map(|c| c.due_on),
        overdue_days: check_in.map(|c| c.overdue_days),
        state: check_in.map(|c| c.state),
        snoozed_until: check_in.and_then(|c| c.snoozed_until),
    });
    Ok(())
}

pub async fn group_cadence(store: &Store, args: CadenceArgs) -> Result<()> {
    let group = match (args.tag, args.relationship) {
        (Some(tag), _) => Some(CadenceGroup::Tag { tag }),
        (None, Some(why)) => Some(CadenceGroup::Relationship {
            why: Why::parse(why.trim())
                .ok_or_else(|| invalid("relationship", format!("“{why}” is not a known relationship")))?,
        }),
        (None, None) => None,
    };
    match (group, args.every) {
        (Some(group), Some(every)) => {
            let today = on(store, args.on.as_deref()).await?;
            let cadence = match CadenceSetting::parse(&every, "every")? {
                CadenceSetting::Every { cadence } => Some(cadence),
                CadenceSetting::Off => None,
                CadenceSetting::Group => {
                    return Err(invalid("every", "a group's cadence is a number and d, w or m, or off".into()));
                }
            };
            cadence::set_group(store, &group, cadence, today).await?;
        }
        (Some(_), None) => return Err(invalid("every", "say how often: --every 3m (or off)".into())),
        (None, _) => {}
    }
    print_json(&cadence::groups(store).await?);
    Ok(())
}

fn contact_kind(text: &str) -> Result<InteractionKind> {
    InteractionKind::parse(text.trim().to_ascii_lowercase().as_str()).ok_or_else(|| {
        invalid("kind", format!("“{text}” is not a kind of contact: met, email, call, video or message"))
    })
}

pub async fn interaction(store: &Store, command: InteractionCommand) -> Result<()> {
    match command {
        InteractionCommand::Add { person, kind, on: day, congress: reference, note } => {
            let person_id = resolve_person(store, &person).await?;
            let congress_id = match reference {
                Some(r) => Some(congress::resolve(store, &r).await?.id),
                None => None,
            };
            let draft = ContactDraft {
                person_id,
                kind: contact_kind(&kind)?,
                on_day: date(&day, "on_day")?,
                congress_id,
                note,
            };
            let today = on(store, None).await?;
            print_json(&contacts::log(store, &draft, today).await?);
        }
        InteractionCommand::List { person } => {
            let person_id = resolve_person(store, &person).await?;
            print_json(&contacts::list(store, person_id).await?);
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct CheckInOut<'a> {
    id: PersonId,
    name: &'a str,
    institution: &'a Option<String>,
    last_contact: Option<NaiveDate>,
    due_on: NaiveDate,
    overdue_days: i64,
    state: CheckInState,
    /// "3m".
    cadence: String,
    source: &'a CadenceSource,
    snoozed_until: Option<NaiveDate>,
}

impl<'a> From<&'a CheckIn> for CheckInOut<'a> {
    fn from(c: &'a CheckIn) -> Self {
        CheckInOut {
            id: c.person_id,
            name: &c.display_name,
            institution: &c.institution,
            last_contact: c.last_contact,
            due_on: c.due_on,
            overdue_days: c.overdue_days,
            state: c.state,
            cadence: c.cadence.to_string(),
            source: &c.source,
            snoozed_until: c.snoozed_until,
        }
    }
}

pub async fn checkins(store: &Store, args: CheckinsArgs) -> Result<()> {
    let today = on(store, args.on.as_deref()).await?;
    let list =
        if args.due { checkins::due(store, today).await? } else { checkins::list(store, today, args.within).await? };
    if args.json {
        print_json(&list.iter().map(CheckInOut::from).collect::<Vec<_>>());
    } else if list.is_empty() {
        println!("No check-ins due.");
    } else {
        for c in &list {
            let last = c.last_contact.map_or_else(|| "never".to_owned(), |d| d.to_string());
            println!("{}  {:<13} {:<28} last {last}, every {}", c.due_on, c.state.as_str(), c.display_name, c.cadence);
        }
    }
    Ok(())
}

pub async fn checkin(store: &Store, command: CheckinCommand) -> Result<()> {
    match command {
        CheckinCommand::Snooze { person, until, on: day } => {
            let id = resolve_person(store, &person).await?;
            let today = on(store, day.as_deref()).await?;
            let until = if until.trim().eq_ignore_ascii_case("off") { None } else { Some(date(&until, "until")?) };
            let check_in = checkins::snooze(store, id, until, today).await?;
            print_json(&check_in.as_ref().map(CheckInOut::from));
        }
        CheckinCommand::Draft { person, given, on: day } => {
            let id = resolve_person(store, &person).await?;
            let today = on(store, day.as_deref()).await?;
            println!("{}", checkins::draft(store, id, given.map(GivenId), today).await?);
        }
    }
    Ok(())
}

pub async fn intro(store: &Store, command: IntroCommand) -> Result<()> {
    let introduction = match command {
        IntroCommand::Add { introduce, to, status, note, congress: reference, on: day } => {
            let status = match IntroStatus::parse(status.trim()) {
                Some(s @ (IntroStatus::Owed | IntroStatus::Made)) => s,
                _ => return Err(invalid("status", format!("“{status}” is not a status here: owed or made"))),
            };
            let congress_id = match reference {
                Some(r) => Some(congress::resolve(store, &r).await?.id),
                None => None,
            };
            let draft = IntroDraft {
                person_id: resolve_person(store, &introduce).await?,
                to_person_id: resolve_person(store, &to).await?,
                status,
                note,
                congress_id,
            };
            intros::offer(store, &draft, on(store, day.as_deref()).await?).await?
        }
        IntroCommand::Done { id, on: day } => {
            intros::set_status(store, IntroductionId(id), IntroStatus::Made, on(store, day.as_deref()).await?).await?
        }
        IntroCommand::Decline { id, on: day } => {
            intros::set_status(store, IntroductionId(id), IntroStatus::Declined, on(store, day.as_deref()).await?)
                .await?
        }
        IntroCommand::MetThrough { person, by, note, on: day } => {
            let person_id = resolve_person(store, &person).await?;
            let through = resolve_person(store, &by).await?;
            intros::met_through(store, person_id, through, &note, None, on(store, day.as_deref()).await?).await?
        }
    };
    print_json(&introduction);
    Ok(())
}

pub async fn intros(store: &Store, args: IntrosArgs) -> Result<()> {
    let list: Vec<Introduction> = match (args.person, args.owed) {
        (Some(person), owed) => {
            let id = resolve_person(store, &person).await?;
            intros::for_person(store, id)
                .await?
                .into_iter()
                .filter(|i| !owed || i.status == IntroStatus::Owed)
                .collect()
        }
        (None, _) => {
            let congress_id = match args.congress {
                Some(r) => Some(congress::resolve(store, &r).await?.id),
                None => None,
            };
            intros::owed(store, congress_id).await?
        }
    };
    if args.json {
        print_json(&list);
    } else if list.is_empty() {
        println!("No introductions owed.");
    } else {
        for i in &list {
            let other = i.to.as_ref().or(i.through.as_ref()).map_or("", |p| p.display_name.as_str());
            let arrow = if i.to.is_some() { "→" } else { "via" };
            println!("{:>5}  {:<9} {} {arrow} {other}  {}", i.id, i.status.as_str(), i.person.display_name, i.note);
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct ReconnectOut<'a> {
    id: PersonId,
    name: &'a str,
    institution: &'a Option<String>,
    /// The congress where we last met.
    last_met_congress: Option<&'a str>,
    last_met_on: NaiveDate,
    last_met: &'a Encounter,
    roles: &'a [ProgramRole],
    target_status: Option<TargetStatus>,
}

pub async fn reconnect(store: &Store, args: ReconnectArgs) -> Result<()> {
    let c = congress::resolve(store, &args.congress).await?;
    if let Some(person) = args.adopt {
        let id = resolve_person(store, &person).await?;
        reconnect::adopt(store, c.id, id).await?;
    }
    let list = reconnect::list(store, c.id).await?;
    if args.json {
        let rows: Vec<ReconnectOut> = list
            .iter()
            .map(|r| ReconnectOut {
                id: r.person_id,
                name: &r.display_name,
                institution: &r.institution,
                last_met_congress: r.last_met.congress_name.as_deref(),
                last_met_on: r.last_met.on_day,
                last_met: &r.last_met,
                roles: &r.roles,
                target_status: r.target_status,
            })
            .collect();
        print_json(&rows);
    } else if list.is_empty() {
        println!("No one met at an earlier congress is in {}'s program or targets.", c.name);
    } else {
        for r in &list {
            let target = r.target_status.map_or("", |s| s.as_str());
            println!(
                "{:>6}  {:<28} met at {} on {}  {target}",
                r.person_id,
                r.display_name,
                r.last_met.congress_name.as_deref().unwrap_or("?"),
                r.last_met.on_day
            );
        }
    }
    Ok(())
}

pub async fn given(store: &Store, command: GivenCommand) -> Result<()> {
    match command {
        GivenCommand::Add { person, kind, title, url, on: day, note } => {
            let person_id = resolve_person(store, &person).await?;
            let kind = GivenKind::parse(kind.trim()).ok_or_else(|| {
                invalid(
                    "kind",
                    format!("“{kind}” is not a kind: article, abstract, dataset, recommendation, invitation or other"),
                )
            })?;
            let today = on(store, None).await?;
            let on_day = match day {
                Some(d) => date(&d, "on_day")?,
                None => today,
            };
            let draft = GivenDraft { person_id, kind, title, url, on_day, note };
            print_json(&given::add(store, &draft, today).await?);
        }
        GivenCommand::List { person } => {
            let person_id = resolve_person(store, &person).await?;
            print_json(&given::list(store, person_id).await?);
        }
    }
    Ok(())
}

pub async fn home(store: &Store, args: HomeArgs) -> Result<()> {
    let today = on(store, args.on.as_deref()).await?;
    print_json(&home::summary(store, today).await?);
    Ok(())
}
