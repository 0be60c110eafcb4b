//! Sync by itself (issue 16): a congress whose calendar is set to sync on
//! its own is synced a few seconds after a change, at start, and every few
//! minutes (to bring back what was changed on the phone). Offline it waits
//! and tries again, less often each time; a refused password stops it until
//! the user enters the password again (a retry storm could lock the
//! account). "Sync now" goes through the same lock, so two syncs of the same
//! calendar never run at once.
//!
//! The shell shows [`SyncActivity`], sent as the [`SyncActivityChanged`]
//! event whenever it changes.

use crate::commands::sync::read_password;
use hallway_core::ids::CongressId;
use hallway_core::sync::engine::{self, SyncError, SyncReport};
use hallway_core::sync::{account, contacts, dav::DavClient, state};
use hallway_core::{time, CoreError, Store};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::AppHandle;
use tauri_specta::Event;
use tokio::sync::Notify;
use tokio::time::Instant;

/// Where sync stands, for the small status in the shell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SyncPhase {
    /// No server connected, or no congress syncs.
    #[default]
    Off,
    /// In step (or nothing to do yet).
    Idle,
    Syncing,
    /// The server could not be reached; changes wait and go when it answers.
    Offline,
    /// The server refused the password: nothing syncs until it is re-entered.
    NeedsPassword,
    /// Another problem, in `message`.
    Failed,
}

/// What the shell shows about sync.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SyncActivity {
    pub phase: SyncPhase,
    /// Steps done and planned in the sync running now.
    pub done: u32,
    pub total: u32,
    /// Changes made here that have not reached the server yet.
    pub waiting: u32,
    /// Meetings changed on both sides, waiting for the user.
    pub conflicts: u32,
    /// When the last sync finished well, Unix seconds.
    #[specta(type = Option<f64>)]
    pub last_synced_at: Option<i64>,
    /// The problem in words, for Offline, NeedsPassword and Failed.
    pub message: Option<String>,
}

/// Sent whenever [`SyncActivity`] changes.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct SyncActivityChanged(pub SyncActivity);

/// How long after a change the sync starts (more changes in that time wait
/// for the same sync).
const SETTLE: Duration = Duration::from_secs(2);
/// How long after the app starts the first sync runs (not while the first
/// screen is painting).
const AFTER_START: Duration = Duration::from_secs(4);
/// How often the server is asked for what changed there.
const EVERY: Duration = Duration::from_secs(5 * 60);
/// The first retry when offline; each next one waits twice as long, up to [`EVERY`].
const FIRST_RETRY: Duration = Duration::from_secs(10);

/// The background sync and its state; cheap to clone.
#[derive(Clone, Default)]
pub struct AutoSync {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    wake: Notify,
    activity: Mutex<SyncActivity>,
    /// Read from the keychain once; dropped when the server refuses it.
    password: Mutex<Option<String>>,
    /// Held by whichever sync runs.
    running: tokio::sync::Mutex<()>,
    app: Mutex<Option<AppHandle>>,
}

/// Why the loop woke up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    /// Something changed here: sync only if something waits to go.
    Change,
    /// Start, timer or retry: ask the server too.
    Pull,
}

impl AutoSync {
    /// Something that may change the plan happened: sync soon if anything waits.
    pub fn changed(&self) {
        self.inner.wake.notify_one();
    }

    /// The user entered the password again (or connected another account).
    pub fn password_entered(&self, password: String) {
        *lock(&self.inner.password) = Some(password);
        self.update(|a| {
            if a.phase == SyncPhase::NeedsPassword {
                a.phase = SyncPhase::Idle;
                a.message = None;
            }
        });
        self.inner.wake.notify_one();
    }

    /// What the shell shows now.
    pub fn activity(&self) -> SyncActivity {
        lock(&self.inner.activity).clone()
    }

    /// Syncs one congress now ("Sync now"), then the contacts, waiting for a
    /// background sync to finish first; what each did.
    pub async fn sync_now(&self, store: &Store, congress: CongressId) -> Result<(SyncReport, SyncReport), CoreError> {
        let _running = self.inner.running.lock().await;
        let outcome = async {
            let client = self.client(store).await?;
            let calendar = self.sync_one(store, &client, congress).await?;
            let cards = sync_contacts(store, &client).await?;
            Ok((calendar, cards))
        }
        .await;
        let done = outcome.map_err(|e| self.failed(e))?;
        self.finished(store).await;
        Ok(done)
    }

    /// Starts the loop; `app` receives [`SyncActivityChanged`].
    pub fn start(&self, app: AppHandle, store: Store) {
        *lock(&self.inner.app) = Some(app);
        let this = self.clone();
        tauri::async_runtime::spawn(async move { this.run(store).await });
    }

    async fn run(self, store: Store) {
        let mut next_pull = Instant::now() + AFTER_START;
        let mut retry = FIRST_RETRY;
        loop {
            let reason = tokio::select! {
                () = self.inner.wake.notified() => {
                    // Let a burst of changes settle into one sync.
                    while tokio::time::timeout(SETTLE, self.inner.wake.notified()).await.is_ok() {}
                    Reason::Change
                }
                () = tokio::time::sleep_until(next_pull) => Reason::Pull,
            };
            if self.activity().phase == SyncPhase::NeedsPassword {
                // Nothing until the password is entered again (which wakes the loop).
                next_pull = Instant::now() + EVERY;
                continue;
            }
            match self.round(&store, reason).await {
                Ok(ran) => {
                    if ran || reason == Reason::Pull {
                        next_pull = Instant::now() + EVERY;
                    }
                    retry = FIRST_RETRY;
                }
                Err(e) if e.passing() => {
                    next_pull = Instant::now() + retry;
                    retry = (retry * 2).min(EVERY);
                }
                Err(_) => next_pull = Instant::now() + EVERY,
            }
        }
    }

    /// One round of the loop: every congress that syncs on its own. Whether
    /// it talked to the server.
    async fn round(&self, store: &Store, reason: Reason) -> Result<bool, SyncError> {
        let _running = self.inner.running.lock().await;
        let all = state::calendars(store).await?;
        if all.is_empty() || account::current(store).await?.is_none() {
            self.update(|a| *a = SyncActivity::default());
            return Ok(false);
        }
        let calendars: Vec<_> = all.into_iter().filter(|c| c.choices.auto).collect();
        let waiting = self.waiting(store).await?;
        if calendars.is_empty() || (reason == Reason::Change && waiting == 0) {
            // Nothing to send by itself: the shell still counts what waits for "Sync now".
            self.update(|a| {
                a.waiting = waiting;
                if a.phase == SyncPhase::Off {
                    a.phase = SyncPhase::Idle;
                }
            });
            return Ok(false);
        }
        let outcome = async {
            let client = self.client(store).await?;
            for calendar in &calendars {
                self.sync_one(store, &client, calendar.congress_id).await?;
            }
            sync_contacts(store, &client).await?;
            Ok(())
        }
        .await;
        match outcome {
            Ok(()) => {
                self.finished(store).await;
                Ok(true)
            }
            Err(e) => {
                self.failed_now(store, &e).await;
                Err(e)
            }
        }
    }

    async fn sync_one(&self, store: &Store, client: &DavClient, congress: CongressId) -> Result<SyncReport, SyncError> {
        self.update(|a| {
            a.phase = SyncPhase::Syncing;
            (a.done, a.total) = (0, 0);
        });
        let progress = |done: u32, total: u32| {
            // Every step of a small sync; every tenth of a first sync of hundreds.
            if done == total || total < 50 || done % 10 == 0 {
                self.update(|a| (a.done, a.total) = (done, total));
            }
        };
        account::sync_with(store, client, congress, &progress).await
    }

    async fn client(&self, store: &Store) -> Result<DavClient, SyncError> {
        let cached = lock(&self.inner.password).clone();
        let password = match cached {
            Some(password) => password,
            None => {
                let current = account::required(store).await?;
                let password = read_password(current).await?;
                *lock(&self.inner.password) = Some(password.clone());
                password
            }
        };
        account::client(store, &password).await
    }

    /// After a sync that went well: in step, what still waits (changes made meanwhile), conflicts.
    async fn finished(&self, store: &Store) {
        let (waiting, conflicts) = (self.waiting(store).await.unwrap_or(0), conflicts(store).await);
        self.update(|a| {
            *a = SyncActivity {
                phase: SyncPhase::Idle,
                last_synced_at: Some(time::now_seconds()),
                waiting,
                conflicts,
                ..SyncActivity::default()
            }
        });
    }

    /// After a sync that stopped: the problem, and what waits meanwhile.
    async fn failed_now(&self, store: &Store, error: &SyncError) {
        let (waiting, conflicts) = (self.waiting(store).await.unwrap_or(0), conflicts(store).await);
        self.show_problem(error, |a| (a.waiting, a.conflicts) = (waiting, conflicts));
    }

    /// For "Sync now": the shell shows the problem too; the caller gets it in words.
    fn failed(&self, error: SyncError) -> CoreError {
        self.show_problem(&error, |_| {});
        error.into()
    }

    fn show_problem(&self, error: &SyncError, also: impl FnOnce(&mut SyncActivity)) {
        let phase = if error.needs_password() {
            // Never tried again: the user enters the password again first.
            *lock(&self.inner.password) = None;
            SyncPhase::NeedsPassword
        } else if error.passing() {
            SyncPhase::Offline
        } else {
            SyncPhase::Failed
        };
        self.update(|a| {
            a.phase = phase;
            a.message = Some(error.user_message());
            (a.done, a.total) = (0, 0);
            also(a);
        });
    }

    /// Changes waiting to go, over every congress that syncs.
    async fn waiting(&self, store: &Store) -> Result<u32, CoreError> {
        let mut total = 0u32;
        for calendar in state::calendars(store).await? {
            let options = calendar.choices.export_options();
            total = total.saturating_add(engine::waiting(store, calendar.congress_id, &options).await?);
        }
        Ok(total)
    }

    fn update(&self, change: impl FnOnce(&mut SyncActivity)) {
        let now = {
            let mut activity = lock(&self.inner.activity);
            let before = activity.clone();
            change(&mut activity);
            (*activity != before).then(|| activity.clone())
        };
        if let (Some(now), Some(app)) = (now, lock(&self.inner.app).clone()) {
            // A closed window is no reason to stop syncing.
            let _ = SyncActivityChanged(now).emit(&app);
        }
    }
}

/// The targets' cards in the account's address book (when the server has one).
async fn sync_contacts(store: &Store, client: &DavClient) -> Result<SyncReport, SyncError> {
    let account = account::required(store).await?;
    contacts::sync_contacts(store, client, &account).await
}

async fn conflicts(store: &Store) -> u32 {
    let open = state::conflicts(store, None).await.map(|c| c.len()).unwrap_or(0);
    u32::try_from(open).unwrap_or(u32::MAX)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Whether a command may change what syncs (anything but reading): the
/// loop then checks, without the network, whether something waits to go.
pub fn may_change_plan(command: &str) -> bool {
    const READS: &[&str] = &["list_", "get_", "search_", "sync_", "preview_", "validate_", "verify_"];
    const READ_COMMANDS: &[&str] = &[
        "app_info",
        "time_zones",
        "open_link",
        "open_email_draft",
        "restore_status",
        "today",
        "session_detail",
        "person_page",
        "congress_contents",
        "agenda_clashes",
        "meeting_clashes",
        "free_slots",
        "starter_goals",
        "my_card_qr",
        "cancel_import",
        "program_changes",
        "program_subscription",
        "program_nesting",
        "acknowledge_program_changes",
        // Write files elsewhere; the plan is as it was.
        "backup_database",
        "export_ics",
        "export_meeting_ics",
        "export_my_card",
        "export_person_vcard",
    ];
    !(READS.iter().any(|prefix| command.starts_with(prefix)) || READ_COMMANDS.contains(&command))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command the app registers, as the bindings name them.
    fn registered_commands() -> Vec<String> {
        let bindings = crate::specta_builder().export_str(crate::typescript()).expect("bindings export");
        let marker = "TAURI_INVOKE(\"";
        let mut names: Vec<String> =
            bindings.split(marker).skip(1).filter_map(|rest| rest.split('"').next().map(str::to_owned)).collect();
        names.sort();
        names.dedup();
        names
    }

    /// Each command is classed on purpose: those that may change what syncs
    /// are listed here, and every other one reads (or writes only a file),
    /// so a new command must be added to one side or the other. Reads that
    /// woke the sync (`today`, every minute on the floor) made it read the
    /// database for nothing two seconds later.
    #[test]
    fn every_command_is_classed_as_a_read_or_a_change() {
        const CHANGES: &[&str] = &[
            "add_given",
            "add_interaction",
            "adopt_starter_goals",
            "create_congress",
            "create_goal",
            "create_meeting",
            "create_person",
            "create_pitch",
            "delete_congress",
            "delete_follow_up",
            "delete_given",
            "delete_goal",
            "delete_interaction",
            "delete_intro",
            "delete_meeting",
            "delete_person",
            "delete_pitch",
            "import_contacts",
            "import_program",
            "link_pitch",
            "load_sample_program",
            "log_contact",
            "merge_people",
            "met_someone",
            "offer_intro",
            "reconnect_as_target",
            "record_met_through",
            "redraft_follow_up",
            "refresh_program",
            "remove_target",
            "restore_database",
            "restore_person",
            "set_attendance",
            "set_follow_up_status",
            "set_goal_count",
            "set_group_cadence",
            "set_intro_status",
            "set_meeting_reminder",
            "set_meeting_status",
            "set_person_cadence",
            "set_program_nesting",
            "set_room_walk",
            "set_target",
            "set_target_status",
            "set_venue_walk",
            "snooze_check_in",
            "snooze_target",
            "subscribe_program",
            "update_congress",
            "update_follow_up",
            "update_goal",
            "update_meeting",
            "update_person",
            "update_pitch",
            "update_settings",
        ];
        let registered = registered_commands();
        assert!(registered.len() > 100, "found {} commands in the bindings", registered.len());
        for change in CHANGES {
            assert!(registered.iter().any(|c| c == change), "{change} is not a registered command");
        }
        let misclassed: Vec<_> =
            registered.iter().filter(|c| may_change_plan(c) != CHANGES.contains(&c.as_str())).collect();
        assert!(misclassed.is_empty(), "classed wrongly by may_change_plan: {misclassed:?}");
    }

    #[test]
    fn reads_do_not_wake_the_sync_and_changes_do() {
        for read in ["list_sessions", "search_people", "sync_status", "person_page", "app_info", "program_changes"] {
            assert!(!may_change_plan(read), "{read}");
        }
        for change in ["set_attendance", "create_meeting", "import_program", "refresh_program", "set_target"] {
            assert!(may_change_plan(change), "{change}");
        }
    }
}
