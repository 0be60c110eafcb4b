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
//! - `sync conflicts --json` lists the open conflicts with both versions.

use crate::print_json;
use clap::Subcommand;
use hallway_core::sync::{account, secret, state};
use hallway_core::{congress, CoreError, Result, Store};

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
        SyncCommand::Conflicts { json: _ } => print_json(&state::conflicts(store, None).await?),
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
