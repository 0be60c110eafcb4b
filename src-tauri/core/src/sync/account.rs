//! What the app's Settings, its background sync and `hallway-cli sync` all
//! do: connect to a server and keep the account, list its calendars, choose
//! the calendar a congress syncs to (or create "Hallway · <congress>" on
//! first use), and sync a congress. The password is passed in: the app reads
//! it from the keychain, the command line from the environment.

use super::dav::{DavClient, DavCollection, DavError};
use super::engine::{self, Progress, SyncError, SyncReport};
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

/// The current account, or the words that say there is none.
pub async fn required(store: &Store) -> Result<Account> {
    current(store)
        .await?
        .ok_or_else(|| CoreError::Sync("No calendar server is connected yet: add one in Settings.".into()))
}

/// A client for the current account.
pub async fn client(store: &Store, password: &str) -> Result<DavClient, SyncError> {
    let account = required(store).await?;
    Ok(DavClient::connect(&account.server_url, &account.username, password).await?)
}

/// The calendars on the account's server, to pick one a congress syncs to.
pub async fn calendars(store: &Store, password: &str) -> Result<Vec<DavCollection>> {
    client(store, password).await?.calendars().await.map_err(dav)
}

/// Makes `congress` sync to the calendar at `href`, one of the account's
/// (checked against the server's list). Hallway's items written to another
/// calendar before stay there, untouched.
pub async fn use_calendar(store: &Store, congress: CongressId, href: &str, password: &str) -> Result<()> {
    let account = required(store).await?;
    let found = calendars(store, password).await?;
    if !found.iter().any(|c| c.href == href) {
        return Err(CoreError::Sync(format!("The server has no calendar at {href}: choose one from the list.")));
    }
    let choices = state::calendar(store, congress).await?.map(|c| c.choices);
    state::set_calendar(store, congress, account.id, href, false).await?;
    if let Some(choices) = choices {
        state::set_choices(store, congress, &choices).await?;
    }
    Ok(())
}

/// Syncs `congress` with its calendar on the current account's server.
pub async fn sync_congress(store: &Store, congress: CongressId, password: &str) -> Result<SyncReport> {
    let client = client(store, password).await?;
    Ok(sync_with(store, &client, congress, &|_, _| {}).await?)
}

/// Syncs `congress` with `client`, creating its calendar on first use and
/// telling `progress` how far it is.
pub async fn sync_with(
    store: &Store,
    client: &DavClient,
    congress: CongressId,
    progress: Progress<'_>,
) -> Result<SyncReport, SyncError> {
    let account = required(store).await?;
    let calendar = match state::calendar(store, congress).await? {
        Some(calendar) if calendar.account_id == account.id => calendar,
        // First sync, or the congress synced to another account before the
        // user connected this one: a calendar on this account's server.
        earlier => {
            if earlier.is_some() {
                state::forget_calendar(store, congress).await?;
            }
            let choices = earlier.map(|c| c.choices);
            let found = congress::get(store, congress).await?;
            let name = found.short_name.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(&found.name);
            let href = client.create_calendar(&format!("Hallway · {name}")).await?;
            state::set_calendar(store, congress, account.id, &href, true).await?;
            if let Some(choices) = choices {
                state::set_choices(store, congress, &choices).await?;
            }
            state::calendar(store, congress).await?.ok_or_else(|| CoreError::not_found("sync calendar", congress))?
        }
    };
    let options = calendar.choices.export_options();
    engine::run_with_progress(store, client, congress, &options, progress).await
}

fn dav(error: DavError) -> CoreError {
    CoreError::Sync(error.user_message())
}
