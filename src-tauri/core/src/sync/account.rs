//! What the app's Settings and `hallway-cli sync` both do: connect to a
//! server and keep the account, and sync a congress with its calendar
//! (creating "Hallway · <congress>" on first use). The password is passed in:
//! the app reads it from the keychain, the command line from the environment.

use super::dav::{DavClient, DavError};
use super::engine::{self, SyncError, SyncReport};
use super::state::{self, Account};
use crate::ids::CongressId;
use crate::{congress, CoreError, Result, Store};

/// Checks the credentials against the server (discovery from just the host
/// works) and keeps the account; the stored account.
pub async fn connect(store: &Store, url: &str, user: &str, password: &str) -> Result<(Account, DavClient)> {
    let client = DavClient::connect(url, user, password).await.map_err(dav)?;
    let found = client.account();
    let mut account = Account {
        id: 0,
        server_url: found.base_url.clone(),
        username: user.to_owned(),
        principal: found.principal.clone(),
        calendar_home: found.calendar_home.clone(),
        addressbook_home: found.addressbook_home.clone(),
    };
    account.id = state::save_account(store, &account).await?;
    Ok((account, client))
}

/// The account syncs use: the one added last.
pub async fn current(store: &Store) -> Result<Option<Account>> {
    Ok(state::accounts(store).await?.pop())
}

/// Syncs `congress` with its calendar on the current account's server.
pub async fn sync_congress(store: &Store, congress: CongressId, password: &str) -> Result<SyncReport> {
    let account = current(store)
        .await?
        .ok_or_else(|| CoreError::Sync("No calendar server is connected yet: add one in Settings.".into()))?;
    let client = DavClient::connect(&account.server_url, &account.username, password).await.map_err(dav)?;
    if state::calendar(store, congress).await?.is_none() {
        let found = congress::get(store, congress).await?;
        let name = found.short_name.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(&found.name);
        let href = client.create_calendar(&format!("Hallway · {name}")).await.map_err(dav)?;
        state::set_calendar(store, congress, account.id, &href, true).await?;
    }
    engine::run(store, &client, congress, &engine::default_options()).await.map_err(|e| match e {
        SyncError::Dav(e) => dav(e),
        SyncError::Core(e) => e,
    })
}

fn dav(error: DavError) -> CoreError {
    CoreError::Sync(error.user_message())
}
