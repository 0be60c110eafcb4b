//! One sync of a congress with its calendar: read what changed on the server
//! (sync-collection with the stored token, or a full listing when there is
//! none or the server refused it), plan ([`super::plan`]), and carry the
//! steps out one by one, saving the server's answer (href, ETag) right after
//! each, so a sync killed halfway resumes from the truth and creates no
//! duplicate. A create the server already has (`If-None-Match: *` refused)
//! becomes an update; an update the server refuses (`If-Match`, 412) never
//! overwrites its version: the item is fetched and pulled, or kept as a
//! conflict.

use super::dav::{href_for, DavClient, DavError};
use super::plan::{self, digest, Kind, Local, Remote, Step, Stored};
use super::state;
use crate::export::ics::{items, CalendarItem};
use crate::export::ExportOptions;
use crate::ids::{CongressId, MeetingId};
use crate::meetings::{self, MeetingDraft, MeetingStatus};
use crate::program::import::{self, ReadContext};
use crate::{congress, time, CoreError, Store};
use futures_util::StreamExt;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What one sync did, as `hallway-cli sync run` prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct SyncReport {
    /// Items written to the server (created or updated).
    pub pushed: u32,
    /// Changes made on the server brought into Hallway.
    pub pulled: u32,
    /// Items deleted on the server because they left the plan, or deleted
    /// here because they were deleted there.
    pub removed: u32,
    /// Items changed on both sides, now waiting for the user.
    pub conflicts: u32,
}

/// Why a sync stopped.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Dav(#[from] DavError),
    #[error(transparent)]
    Core(#[from] CoreError),
}

impl SyncError {
    /// The error in words a user understands.
    pub fn user_message(&self) -> String {
        match self {
            SyncError::Dav(e) => e.user_message(),
            SyncError::Core(e) => e.to_string(),
        }
    }
}

/// What syncs by default: meetings, sessions marked attending (maybes as
/// tentative), follow-ups; cancellations as removal.
pub fn default_options() -> ExportOptions {
    ExportOptions {
        meetings: true,
        sessions: true,
        maybes: true,
        follow_ups: true,
        cancelled: false,
        alarm_minutes: None,
    }
}

/// Syncs `congress` with the calendar chosen for it.
pub async fn run(
    store: &Store,
    client: &DavClient,
    congress: CongressId,
    options: &ExportOptions,
) -> Result<SyncReport, SyncError> {
    let calendar = state::calendar(store, congress)
        .await?
        .ok_or_else(|| CoreError::not_found("sync calendar for congress", congress))?;
    let outcome = sync_once(store, client, congress, &calendar, options).await;
    match &outcome {
        Ok((_, token)) => state::finish_sync(store, congress, Some(token), None).await?,
        Err(e) => state::finish_sync(store, congress, None, Some(&e.user_message())).await?,
    }
    outcome.map(|(report, _)| report)
}

async fn sync_once(
    store: &Store,
    client: &DavClient,
    congress: CongressId,
    calendar: &state::Calendar,
    options: &ExportOptions,
) -> Result<(SyncReport, String), SyncError> {
    let stored = state::items(store, congress).await?;
    let (remote, token) = pull_changes(store, client, congress, calendar, &stored).await?;
    let texts: BTreeMap<String, CalendarItem> =
        items(store, congress, options).await?.into_iter().map(|i| (i.uid.clone(), i)).collect();
    let local: Vec<Local> =
        texts.values().map(|i| Local { uid: i.uid.clone(), kind: i.kind, hash: digest(&i.text) }).collect();
    let conflicted = state::conflicted(store, congress).await?;
    let steps = plan::plan(&local, &stored, &remote, &conflicted);
    let run = Run { store, client, congress, calendar, options, texts: &texts };
    // What comes back is applied first, one at a time (it changes meetings here); what goes out
    // touches one item each, so several are sent at once: a first sync of a few hundred items
    // waits on the server's answers, not on Hallway.
    let (incoming, outgoing): (Vec<Step>, Vec<Step>) = steps
        .into_iter()
        .partition(|s| matches!(s, Step::Pull { .. } | Step::PullDelete { .. } | Step::Conflict { .. }));
    let mut report = SyncReport::default();
    for step in incoming {
        report.add(&run.step(step).await?);
    }
    let mut sent =
        futures_util::stream::iter(outgoing.into_iter().map(|step| run.step(step))).buffer_unordered(IN_FLIGHT);
    let mut first_error = None;
    while let Some(done) = sent.next().await {
        match done {
            Ok(part) => report.add(&part),
            // The others finish (and are saved); the first error is the one reported.
            Err(e) => first_error = first_error.or(Some(e)),
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok((report, token)),
    }
}

/// Requests in flight at once when sending: enough to hide the round trips,
/// few enough for a small home server.
const IN_FLIGHT: usize = 6;

impl SyncReport {
    fn add(&mut self, other: &SyncReport) {
        self.pushed += other.pushed;
        self.pulled += other.pulled;
        self.removed += other.removed;
        self.conflicts += other.conflicts;
    }
}

/// What changed on the server since the last pull, and the token to store.
async fn pull_changes(
    store: &Store,
    client: &DavClient,
    congress: CongressId,
    calendar: &state::Calendar,
    stored: &[Stored],
) -> Result<(Remote, String), SyncError> {
    if let Some(token) = calendar.sync_token.as_deref() {
        match client.sync(&calendar.href, Some(token)).await {
            Ok(changes) => {
                let remote = Remote {
                    etags: changes.changed.into_iter().collect(),
                    deleted: changes.deleted.into_iter().collect(),
                };
                return Ok((remote, changes.token));
            }
            Err(DavError::SyncTokenInvalid) => state::forget_token(store, congress).await?,
            Err(e) => return Err(e.into()),
        }
    }
    // No token (first sync, or refused): everything the server lists, and
    // whatever Hallway wrote that is not listed was deleted there.
    let changes = client.sync(&calendar.href, None).await?;
    let etags: BTreeMap<String, String> = changes.changed.into_iter().collect();
    let deleted: BTreeSet<String> =
        stored.iter().filter(|s| !etags.contains_key(&s.href)).map(|s| s.href.clone()).collect();
    Ok((Remote { etags, deleted }, changes.token))
}

/// Carries out steps against the server and the database.
struct Run<'a> {
    store: &'a Store,
    client: &'a DavClient,
    congress: CongressId,
    calendar: &'a state::Calendar,
    options: &'a ExportOptions,
    texts: &'a BTreeMap<String, CalendarItem>,
}

impl Run<'_> {
    /// Carries out one step; what it did.
    async fn step(&self, step: Step) -> Result<SyncReport, SyncError> {
        let mut done = SyncReport::default();
        let report = &mut done;
        match step {
            Step::Create { uid, kind } => {
                let text = &self.text(&uid)?.text;
                let href = href_for(&self.calendar.href, &uid);
                let etag = match self.client.create(&self.calendar.href, &uid, text).await {
                    Ok(etag) => etag,
                    // Written by a sync that stopped before saving: update it.
                    Err(DavError::Exists) => self.overwrite(&uid, &href, text).await?,
                    Err(e) => return Err(e.into()),
                };
                self.remember(&uid, kind, &href, &etag, text).await?;
                report.pushed += 1;
            }
            Step::Update { uid, href, etag } => {
                let item = self.text(&uid)?;
                match self.client.update(&href, &item.text, &etag).await {
                    Ok(new) => {
                        self.remember(&uid, item.kind, &href, &new, &item.text).await?;
                        report.pushed += 1;
                    }
                    // Changed on the server since the pull: never overwrite a
                    // meeting; Hallway's own items are written over.
                    Err(DavError::PreconditionFailed) if item.kind == Kind::Meeting => {
                        self.keep_conflict(&uid, &href, &item.text).await?;
                        report.conflicts += 1;
                    }
                    Err(DavError::PreconditionFailed) => {
                        let new = self.overwrite(&uid, &href, &item.text).await?;
                        self.remember(&uid, item.kind, &href, &new, &item.text).await?;
                        report.pushed += 1;
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            Step::Delete { uid, href, etag } => {
                match self.client.delete(&href, &etag).await {
                    Ok(()) => {}
                    Err(DavError::PreconditionFailed) => {
                        if let Some((fresh, _)) = self.client.get(&href).await? {
                            self.client.delete(&href, &fresh).await?;
                        }
                    }
                    Err(e) => return Err(e.into()),
                }
                state::remove_item(self.store, self.congress, &uid).await?;
                report.removed += 1;
            }
            Step::Forget { uid } => state::remove_item(self.store, self.congress, &uid).await?,
            Step::Pull { uid, href } => {
                let Some((etag, text)) = self.client.get(&href).await? else {
                    self.pull_delete(&uid, report).await?;
                    return Ok(done);
                };
                let item = self.text(&uid)?;
                if let Some(meeting) = item.meeting_id {
                    apply_meeting(self.store, self.congress, meeting, &text).await?;
                }
                // What Hallway would write now is what the server has: no push
                // back (which would drop what the phone added), until it changes.
                let now = items(self.store, self.congress, self.options)
                    .await?
                    .into_iter()
                    .find(|i| i.uid == uid)
                    .map(|i| i.text)
                    .unwrap_or_default();
                self.remember(&uid, item.kind, &href, &etag, &now).await?;
                report.pulled += 1;
            }
            Step::PullDelete { uid, .. } => self.pull_delete(&uid, report).await?,
            Step::Conflict { uid, href, .. } => {
                let item = self.text(&uid)?;
                self.keep_conflict(&uid, &href, &item.text).await?;
                report.conflicts += 1;
            }
        }
        Ok(done)
    }

    /// A meeting deleted on the server is cancelled here (not deleted: its
    /// notes and people stay, and it can be taken up again).
    async fn pull_delete(&self, uid: &str, report: &mut SyncReport) -> Result<(), SyncError> {
        if let Some(meeting) = self.texts.get(uid).and_then(|i| i.meeting_id) {
            meetings::set_status(self.store, meeting, MeetingStatus::Cancelled).await?;
        }
        state::remove_item(self.store, self.congress, uid).await?;
        report.removed += 1;
        Ok(())
    }

    async fn keep_conflict(&self, uid: &str, href: &str, local: &str) -> Result<(), SyncError> {
        let server = self.client.get(href).await?;
        let server = server.as_ref().map(|(etag, text)| (etag.as_str(), text.as_str()));
        state::add_conflict(self.store, self.congress, uid, href, local, server).await?;
        Ok(())
    }

    /// Writes over what the server has at `href`, with its current ETag.
    /// (Gone from the server meanwhile: written again as new.)
    async fn overwrite(&self, uid: &str, href: &str, text: &str) -> Result<String, SyncError> {
        match self.client.get(href).await? {
            Some((etag, _)) => Ok(self.client.update(href, text, &etag).await?),
            None => Ok(self.client.create(&self.calendar.href, uid, text).await?),
        }
    }

    async fn remember(&self, uid: &str, kind: Kind, href: &str, etag: &str, text: &str) -> Result<(), SyncError> {
        let item = Stored {
            uid: uid.to_owned(),
            kind,
            href: href.to_owned(),
            etag: etag.to_owned(),
            pushed_hash: digest(text),
        };
        Ok(state::put_item(self.store, self.congress, &item).await?)
    }

    fn text(&self, uid: &str) -> Result<&CalendarItem, SyncError> {
        self.texts.get(uid).ok_or_else(|| CoreError::not_found("calendar item", uid).into())
    }
}

/// Brings a meeting's time, place, title and status from the server's text.
async fn apply_meeting(store: &Store, congress: CongressId, id: MeetingId, text: &str) -> Result<(), CoreError> {
    let found = congress::get(store, congress).await?;
    let zone = time::zone_or_utc(&found.time_zone);
    let ctx = ReadContext { zone, first_day: found.starts_on, last_day: found.ends_on };
    let read = import::read_as(crate::program::import::ProgramFormat::Ics, text.as_bytes(), &ctx)
        .map_err(|e| CoreError::Conflict(format!("The server's copy of the meeting cannot be read: {}", e.message)))?;
    let Some(event) = read.first() else { return Ok(()) };
    let (start, end, _) = import::resolve::span(event, zone);
    let old = meetings::get(store, id).await?;
    let status = if event.cancelled {
        MeetingStatus::Cancelled
    } else if text.contains("\nSTATUS:TENTATIVE") {
        MeetingStatus::Proposed
    } else if old.status == MeetingStatus::Proposed || old.status == MeetingStatus::Cancelled {
        MeetingStatus::Confirmed
    } else {
        old.status
    };
    let starts = chrono::DateTime::from_timestamp(start, 0).unwrap_or_default().with_timezone(&zone).naive_local();
    let minutes = u32::try_from(((end - start) / 60).clamp(5, i64::from(meetings::MAX_MINUTES))).unwrap_or(30);
    let draft = MeetingDraft {
        congress_id: congress,
        title: if event.title.trim().is_empty() { old.title.clone() } else { event.title.clone() },
        purpose: old.purpose.clone(),
        place: event.room.clone().unwrap_or_default(),
        kind: old.kind,
        status,
        starts_local: starts,
        minutes,
        notes: old.notes.clone(),
        people: old.people.iter().map(|p| p.id).collect(),
    };
    meetings::update(store, id, &draft).await?;
    Ok(())
}
