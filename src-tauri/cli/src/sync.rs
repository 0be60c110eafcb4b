//! `hallway-cli sync …`: the calendar server sync from a terminal, for
//! scripts and automated checks (a stable contract). The password is read
//! from `HALLWAY_DAV_PASSWORD` (and then kept nowhere); without it, `sync
//! run` takes the one the app keeps in the keychain.
//!
//! - `sync account --url URL --user USER` checks the credentials (discovery
//!   from just the host works) and stores the account; prints it as JSON.
//! - `sync run --congress C --json` syncs the congress with its calendar
//!   (creating "Hallway · <congress>" on first use) and prints
//!   `{"pushed", "pulled", "removed", "conflicts"}`.
//! - `sync conflicts --json` lists the open conflicts: each stored row (its
//!   `id`, `uid`, `local_text`, `server_text`…) with both versions as the app
//!   shows them, `hallway` and `server` (null: deleted on the server).
//! - `sync resolve ID --keep hallway|server` keeps one version of conflict
//!   ID (no server needed; the next sync carries it out) and prints
//!   `{"resolved": ID, "kept": "hallway"|"server"}`.
//! - `sync contacts [--who targets|everyone|off] --json` syncs the targets'
//!   cards to the account's "Hallway" address book (CardDAV; `--who`
//!   chooses who gets one first) and prints `{"pushed", "pulled", "removed",
//!   "conflicts"}` (cards written and deleted).

use crate::print_json;
use clap::{Subcommand, ValueEnum};
use hallway_core::ids::MeetingId;
use hallway_core::sync::contacts::{self, Choice};
use hallway_core::sync::resolve::{self, Keep, Version};
use hallway_core::sync::{account, secret, state};
use hallway_core::{congress, CoreError, Result, Store};
use serde::Serialize;

#[derive(Subcommand)]
pub enum SyncCommand {
    /// Check the credentials against the server and store the account.
    Account {
        /// The server's URL, or just its host.
        #[arg(long)]
        url: String,
        #[arg(long)]
        user: String,
    },
    /// Sync a congress with its calendar on the server.
    Run {
        /// The congress: id, name or short name.
        #[arg(long)]
        congress: String,
        /// Print one JSON object (the only output there is; kept for scripts).
        #[arg(long)]
        json: bool,
    },
    /// The open conflicts (meetings changed on both sides), with both versions.
    Conflicts {
        #[arg(long)]
        json: bool,
    },
    /// Sync the targets' cards to the server's "Hallway" address book.
    Contacts {
        /// Who gets a card from now on (as chosen in the app otherwise).
        #[arg(long, value_enum)]
        who: Option<Who>,
        #[arg(long)]
        json: bool,
    },
    /// Settle a conflict by keeping one version; the next sync carries it out.
    Resolve {
        /// The conflict's id, as `sync conflicts` lists it.
        id: i64,
        /// The version to keep: Hallway's, or the server's.
        #[arg(long, value_enum)]
        keep: Side,
    },
}

/// Who gets a card (`sync contacts --who`).
#[derive(Clone, Copy, ValueEnum)]
pub enum Who {
    Targets,
    Everyone,
    Off,
}

impl From<Who> for Choice {
    fn from(who: Who) -> Choice {
        match who {
            Who::Targets => Choice::Targets,
            Who::Everyone => Choice::Everyone,
            Who::Off => Choice::Off,
        }
    }
}

/// Which version `sync resolve` keeps.
#[derive(Clone, Copy, ValueEnum)]
pub enum Side {
    Hallway,
    Server,
}

impl From<Side> for Keep {
    fn from(side: Side) -> Keep {
        match side {
            Side::Hallway => Keep::Hallway,
            Side::Server => Keep::Server,
        }
    }
}

/// What `sync resolve` prints.
#[derive(Serialize)]
struct Resolved {
    resolved: i64,
    kept: Keep,
}

/// One open conflict as `sync conflicts` prints it: the stored row, both
/// texts included, and both versions as the app shows them.
#[derive(Serialize)]
struct Listed {
    #[serde(flatten)]
    stored: state::Conflict,
    meeting_id: Option<MeetingId>,
    hallway: Version,
    server: Option<Version>,
}

pub async fn run(store: &Store, command: SyncCommand) -> Result<()> {
    match command {
        SyncCommand::Account { url, user } => {
            let typed = password(None)?;
            let (saved, _) = account::connect(store, &url, &user, &typed).await?;
            print_json(&saved);
        }
        SyncCommand::Run { congress, json: _ } => {
            let congress = congress::resolve(store, &congress).await?;
            let current = account::current(store).await?;
            let typed = password(current.as_ref())?;
            print_json(&account::sync_congress(store, congress.id, &typed).await?);
        }
        SyncCommand::Contacts { who, json: _ } => {
            let current = account::required(store).await?;
            if let Some(who) = who {
                contacts::set_choice(store, current.id, who.into()).await?;
            }
            let typed = password(Some(&current))?;
            let client = account::client(store, &typed).await?;
            print_json(&contacts::sync_contacts(store, &client, &current).await?);
        }
        SyncCommand::Conflicts { json: _ } => {
            let mut listed = Vec::new();
            for stored in state::conflicts(store, None).await? {
                let view = resolve::view(store, &stored).await?;
                listed.push(Listed { stored, meeting_id: view.meeting_id, hallway: view.hallway, server: view.server });
            }
            print_json(&listed);
        }
        SyncCommand::Resolve { id, keep } => {
            let kept = Keep::from(keep);
            resolve::resolve(store, id, kept).await?;
            print_json(&Resolved { resolved: id, kept });
        }
    }
    Ok(())
}

/// The password from `HALLWAY_DAV_PASSWORD`, else from the keychain for `account`.
fn password(account: Option<&state::Account>) -> Result<String> {
    if let Ok(password) = std::env::var("HALLWAY_DAV_PASSWORD") {
        return Ok(password);
    }
    match account {
        Some(a) => secret::password(&a.server_url, &a.username),
        None => Err(CoreError::Sync("No password: set HALLWAY_DAV_PASSWORD.".into())),
    }
}
