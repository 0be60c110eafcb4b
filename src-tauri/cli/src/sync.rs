//! `hallway-cli sync …`: the calendar server sync from a terminal, for
//! scripts and automated checks (a stable contract). The password is read
//! from `HALLWAY_DAV_PASSWORD` and then kept nowhere.
//!
//! - `sync account --url URL --user USER` checks the credentials (discovery
//!   from just the host works) and stores the account; prints it as JSON.
//! - `sync run --congress C --json` syncs the congress with its calendar
//!   (creating "Hallway · <congress>" on first use) and prints
//!   `{"pushed", "pulled", "removed", "conflicts"}`.
//! - `sync conflicts --json` lists the open conflicts with both versions.

use crate::print_json;
use clap::Subcommand;
use hallway_core::sync::dav::{DavClient, DavError};
use hallway_core::sync::engine::{self, SyncError};
use hallway_core::sync::state;
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
            let client = connect(&url, &user).await?;
            let found = client.account();
            let mut account = state::Account {
                id: 0,
                server_url: found.base_url.clone(),
                username: user,
                principal: found.principal.clone(),
                calendar_home: found.calendar_home.clone(),
                addressbook_home: found.addressbook_home.clone(),
            };
            account.id = state::save_account(store, &account).await?;
            print_json(&account);
        }
        SyncCommand::Run { congress, json: _ } => {
            let congress = congress::resolve(store, &congress).await?;
            let account = state::accounts(store).await?.pop().ok_or_else(|| {
                CoreError::Sync("No server account yet: add one with `hallway-cli sync account`.".into())
            })?;
            let client = connect(&account.server_url, &account.username).await?;
            if state::calendar(store, congress.id).await?.is_none() {
                let name = congress.short_name.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(&congress.name);
                let href = client.create_calendar(&format!("Hallway · {name}")).await.map_err(dav)?;
                state::set_calendar(store, congress.id, account.id, &href, true).await?;
            }
            let report =
                engine::run(store, &client, congress.id, &engine::default_options()).await.map_err(|e| match e {
                    SyncError::Dav(e) => dav(e),
                    SyncError::Core(e) => e,
                })?;
            print_json(&report);
        }
        SyncCommand::Conflicts { json: _ } => print_json(&state::conflicts(store, None).await?),
    }
    Ok(())
}

async fn connect(url: &str, user: &str) -> Result<DavClient> {
    let password = std::env::var("HALLWAY_DAV_PASSWORD").map_err(|_| {
        CoreError::Sync("No password: set HALLWAY_DAV_PASSWORD (the app keeps it in the system keychain).".into())
    })?;
    DavClient::connect(url, user, &password).await.map_err(dav)
}

fn dav(error: DavError) -> CoreError {
    CoreError::Sync(error.user_message())
}
