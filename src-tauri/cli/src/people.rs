//! `hallway-cli people …` and `hallway-cli target …`: the People screen from
//! a terminal. `people search --json` prints `name`, `institution`, `email`
//! for each match: a contract automated checks read.

use crate::print_json;
use clap::Subcommand;
use hallway_core::ids::PersonId;
use hallway_core::people::{self, PersonDraft, PersonSummary};
use hallway_core::targets::{self, Priority, TargetDraft, TargetStatus, Why};
use hallway_core::{congress, CoreError, FieldProblem, Result, Store};
use serde::Serialize;

#[derive(Subcommand)]
pub enum PeopleCommand {
    /// Import contacts (LinkedIn Connections.csv, vCard, CSV); prints
    /// {"format", "added", "merged", "skipped"}.
    Import {
        file: std::path::PathBuf,
        /// Only say what would happen; write nothing.
        #[arg(long)]
        preview: bool,
    },
    /// Search everyone by any field (accents ignored).
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Add a person and print them as JSON.
    Add {
        #[arg(long)]
        name: String,
        /// One or more, comma separated.
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        institution: Option<String>,
        #[arg(long)]
        position: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum TargetCommand {
    /// Make a person (id, email or exact name) a target at a congress.
    Set {
        #[arg(long)]
        congress: String,
        person: String,
        /// must, should or nice.
        #[arg(long, default_value = "should")]
        priority: String,
        /// mentor, collaborator, peer, industry, cooperative_group, speaker, other.
        #[arg(long, default_value = "other")]
        why: String,
        /// idea, contacted, scheduled, met, followed_up, declined.
        #[arg(long, default_value = "idea")]
        status: String,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// The targets of a congress, must-meet first.
    List {
        #[arg(long)]
        congress: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct Found<'a> {
    id: PersonId,
    name: &'a str,
    institution: &'a Option<String>,
    email: &'a Option<String>,
    position: &'a Option<String>,
}

impl<'a> From<&'a PersonSummary> for Found<'a> {
    fn from(p: &'a PersonSummary) -> Self {
        Found { id: p.id, name: &p.display_name, institution: &p.institution, email: &p.email, position: &p.position }
    }
}

pub async fn run(store: &Store, command: PeopleCommand) -> Result<()> {
    match command {
        PeopleCommand::Import { file, preview } => {
            if preview {
                print_json(&people::import::preview_file(store, &file).await?);
            } else {
                print_json(&people::import::import_file(store, &file).await?);
            }
        }
        PeopleCommand::Search { query, json } => {
            let found = people::search(store, &query, 200).await?;
            if json {
                print_json(&found.iter().map(Found::from).collect::<Vec<_>>());
            } else {
                for p in &found {
                    println!("{:>6}  {:<32} {}", p.id, p.display_name, p.institution.as_deref().unwrap_or(""));
                }
            }
        }
        PeopleCommand::Add { name, email, institution, position } => {
            let draft = PersonDraft {
                display_name: name,
                emails: email.unwrap_or_default(),
                institution: institution.unwrap_or_default(),
                position: position.unwrap_or_default(),
                ..Default::default()
            };
            print_json(&people::create(store, &draft).await?);
        }
    }
    Ok(())
}

pub async fn run_target(store: &Store, command: TargetCommand) -> Result<()> {
    match command {
        TargetCommand::Set { congress: reference, person, priority, why, status, reason } => {
            let c = congress::resolve(store, &reference).await?;
            let person = resolve_person(store, &person).await?;
            let draft = TargetDraft {
                priority: Priority::parse(&priority).ok_or_else(|| invalid("priority", &priority))?,
                why: Why::parse(&why).ok_or_else(|| invalid("why", &why))?,
                status: TargetStatus::parse(&status).ok_or_else(|| invalid("status", &status))?,
                reason,
            };
            print_json(&targets::set(store, c.id, person, &draft).await?);
        }
        TargetCommand::List { congress: reference, json } => {
            let c = congress::resolve(store, &reference).await?;
            let list = targets::list(store, c.id).await?;
            if json {
                print_json(&list);
            } else {
                for t in &list {
                    println!(
                        "{:<6} {:<12} {:<28} {}",
                        t.priority.as_str(),
                        t.status.as_str(),
                        t.display_name,
                        t.reason
                    );
                }
            }
        }
    }
    Ok(())
}

fn invalid(field: &str, value: &str) -> CoreError {
    CoreError::Invalid(vec![FieldProblem::new(field, format!("“{value}” is not a known {field}"))])
}

/// A person by id, email or exact display name (case-insensitive).
pub async fn resolve_person(store: &Store, reference: &str) -> Result<PersonId> {
    let reference = reference.trim();
    if let Ok(id) = reference.parse::<i64>() {
        if people::get(store, PersonId(id)).await.is_ok() {
            return Ok(PersonId(id));
        }
    }
    let ids = people::find_by_email_or_name(store, reference).await?;
    match ids.as_slice() {
        [one] => Ok(*one),
        [] => Err(CoreError::not_found("person", format!("“{reference}”"))),
        many => Err(CoreError::Conflict(format!("“{reference}” matches {} people; use the id", many.len()))),
    }
}
