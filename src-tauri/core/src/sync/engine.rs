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
use super::merge::{self, Format};
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

    /// The server refused the password: syncing again before the user
    /// re-enters it would only be refused again (and may lock the account).
    pub fn needs_password(&self) -> bool {
        matches!(self, SyncError::Dav(DavError::Unauthorized))
    }

    /// A passing problem (no network, the server down or busy): trying again
    /// later is what a user would do.
    pub fn passing(&self) -> bool {
        match self {
            SyncError::Dav(DavError::Unreachable(_)) => true,
            SyncError::Dav(DavError::Http { status, .. }) => *status >= 500 || *status == 429 || *status == 408,
            _ => false,
        }
    }
}

/// A sync's error where only words are wanted (the command line, Settings).
impl From<SyncError> for CoreError {
    fn from(error: SyncError) -> CoreError {
        match error {
            SyncError::Core(e) => e,
            SyncError::Dav(e) => CoreError::Sync(e.user_message()),
        }
    }
}

/// How many items wait to go to the server: what a sync would create,
/// update or delete, decided from what is here alone (no network).
pub async fn waiting(store: &Store, congress: CongressId, options: &ExportOptions) -> Result<u32, CoreError> {
    let stored = state::items(store, congress).await?;
    let local: Vec<Local> = items(store, congress, options)
        .await?
        .into_iter()
        .map(|i| Local { hash: digest(&i.text), uid: i.uid, kind: i.kind })
        .collect();
    let conflicted = state::conflicted(store, congress).await?;
    let steps = plan::plan(&local, &stored, &Remote::default(), &conflicted);
    let count = steps.iter().filter(|s| !matches!(s, Step::Forget { .. })).count();
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// What syncs by default: meetings, sessions marked attending (maybes as
/// tentative), follow-ups; cancellations as removal.
pub fn default_options() -> ExportOptions {
    state::SyncChoices::default().export_options()
}

/// How far a sync is: steps carried out of those planned (a first sync of
/// a few hundred items takes seconds).
pub type Progress<'a> = &'a (dyn Fn(u32, u32) + Sync);

/// Syncs `congress` with the calendar chosen for it.
pub async fn run(
    store: &Store,
    client: &DavClient,
    congress: CongressId,
    options: &ExportOptions,
) -> Result<SyncReport, SyncError> {
    run_with_progress(store, client, congress, options, &|_, _| {}).await
}

/// [`run`], telling `progress` (done, total) after each step.
pub async fn run_with_progress(
    store: &Store,
    client: &DavClient,
    congress: CongressId,
    options: &ExportOptions,
    progress: Progress<'_>,
) -> Result<SyncReport, SyncError> {
    let calendar = state::calendar(store, congress)
        .await?
        .ok_or_else(|| CoreError::not_found("sync calendar for congress", congress))?;
    let outcome = sync_once(store, client, congress, &calendar, options, progress).await;
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
    progress: Progress<'_>,
) -> Result<(SyncReport, String), SyncError> {
    let stored = state::items(store, congress).await?;
    let (remote, token) = pull_changes(store, client, congress, calendar, &stored).await?;
    let texts: BTreeMap<String, CalendarItem> =
        items(store, congress, options).await?.into_iter().map(|i| (i.uid.clone(), i)).collect();
    let local: Vec<Local> =
        texts.values().map(|i| Local { uid: i.uid.clone(), kind: i.kind, hash: digest(&i.text) }).collect();
    let conflicted = state::conflicted(store, congress).await?;
    let steps = plan::plan(&local, &stored, &remote, &conflicted);
    let kept = state::kept(store, congress).await?;
    let stored_etags: BTreeMap<String, String> = stored.iter().map(|s| (s.uid.clone(), s.etag.clone())).collect();
    let run = Run { store, client, congress, calendar, options, texts: &texts, kept: &kept, stored: &stored_etags };
    // What comes back is applied first, one at a time (it changes meetings here); what goes out
    // touches one item each, so several are sent at once: a first sync of a few hundred items
    // waits on the server's answers, not on Hallway.
    let (incoming, outgoing): (Vec<Step>, Vec<Step>) = steps
        .into_iter()
        .partition(|s| matches!(s, Step::Pull { .. } | Step::PullDelete { .. } | Step::Conflict { .. }));
    let total = u32::try_from(incoming.len() + outgoing.len()).unwrap_or(u32::MAX);
    let mut done = 0;
    let mut tick = || {
        done += 1;
        progress(done, total);
    };
    progress(0, total);
    let mut report = SyncReport::default();
    for step in incoming {
        report.add(&run.step(step).await?);
        tick();
    }
    let mut sent =
        futures_util::stream::iter(outgoing.into_iter().map(|step| run.step(step))).buffer_unordered(IN_FLIGHT);
    let mut first_error = None;
    while let Some(finished) = sent.next().await {
        tick();
        match finished {
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
    /// What the phone added to each item, by UID, put back into every text sent.
    kept: &'a BTreeMap<String, String>,
    /// The ETag each item had at the last sync, by UID.
    stored: &'a BTreeMap<String, String>,
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
                let (etag, kept) = match self.client.create(&self.calendar.href, &uid, text).await {
                    Ok(etag) => (etag, None),
                    // Written by a sync that stopped before saving: update it.
                    Err(DavError::Exists) => self.overwrite(&uid, &href, text).await?,
                    Err(e) => return Err(e.into()),
                };
                self.remember(&uid, kind, &href, &etag, text, kept.as_deref()).await?;
                report.pushed += 1;
            }
            // Changed on the server (one of Hallway's own items): written
            // over, keeping what the phone added to it.
            Step::Update { uid, href, etag } if self.stored.get(&uid) != Some(&etag) => {
                let item = self.text(&uid)?;
                let (new, kept) = self.overwrite(&uid, &href, &item.text).await?;
                self.remember(&uid, item.kind, &href, &new, &item.text, kept.as_deref()).await?;
                report.pushed += 1;
            }
            Step::Update { uid, href, etag } => {
                let item = self.text(&uid)?;
                let kept = merge::kept_against(&item.text, self.kept.get(&uid).map(String::as_str), Format::Ics);
                let sent = merge::with_kept(&item.text, kept.as_deref(), Format::Ics);
                match self.client.update(&href, &sent, &etag).await {
                    Ok(new) => {
                        self.remember(&uid, item.kind, &href, &new, &item.text, kept.as_deref()).await?;
                        report.pushed += 1;
                    }
                    // Changed on the server since the pull: never overwrite a
                    // meeting; Hallway's own items are written over.
                    Err(DavError::PreconditionFailed) if item.kind == Kind::Meeting => {
                        self.keep_conflict(&uid, &href, &item.text).await?;
                        report.conflicts += 1;
                    }
                    Err(DavError::PreconditionFailed) => {
                        let (new, kept) = self.overwrite(&uid, &href, &item.text).await?;
                        self.remember(&uid, item.kind, &href, &new, &item.text, kept.as_deref()).await?;
                        report.pushed += 1;
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            Step::Delete { uid, href, etag } => {
                self.client.delete_latest(&href, &etag).await?;
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
                    apply_meeting(self.store, self.congress, meeting, &text, Some(&item.text)).await?;
                }
                // What Hallway would write now is what the server has: no push
                // back until it changes here, and then what the phone added
                // (a reminder, a category) goes along.
                let now = items(self.store, self.congress, self.options)
                    .await?
                    .into_iter()
                    .find(|i| i.uid == uid)
                    .map(|i| i.text)
                    .unwrap_or_default();
                let kept = merge::kept_against(&now, merge::kept_lines(&text, Format::Ics).as_deref(), Format::Ics);
                self.remember(&uid, item.kind, &href, &etag, &now, kept.as_deref()).await?;
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

    /// Writes over what the server has at `href`, with its current ETag and
    /// what the phone added to it kept; the new ETag and the kept lines.
    /// (Gone from the server meanwhile: written again as new.)
    async fn overwrite(&self, uid: &str, href: &str, text: &str) -> Result<(String, Option<String>), SyncError> {
        match self.client.get(href).await? {
            Some((etag, server)) => {
                let kept = merge::kept_against(text, merge::kept_lines(&server, Format::Ics).as_deref(), Format::Ics);
                let sent = merge::with_kept(text, kept.as_deref(), Format::Ics);
                Ok((self.client.update(href, &sent, &etag).await?, kept))
            }
            None => Ok((self.client.create(&self.calendar.href, uid, text).await?, None)),
        }
    }

    /// Saves what the server now holds of an item: its href and ETag, the
    /// digest of Hallway's own text (without the kept lines, so a phone's
    /// addition never looks like a change made here) and the kept lines.
    async fn remember(
        &self,
        uid: &str,
        kind: Kind,
        href: &str,
        etag: &str,
        text: &str,
        kept: Option<&str>,
    ) -> Result<(), SyncError> {
        let item = Stored {
            uid: uid.to_owned(),
            kind,
            href: href.to_owned(),
            etag: etag.to_owned(),
            pushed_hash: digest(text),
        };
        state::put_item(self.store, self.congress, &item).await?;
        Ok(state::set_kept(self.store, self.congress, uid, kept).await?)
    }

    fn text(&self, uid: &str) -> Result<&CalendarItem, SyncError> {
        self.texts.get(uid).ok_or_else(|| CoreError::not_found("calendar item", uid).into())
    }
}

/// Brings a meeting's time, place, title and status from the server's text,
/// and a note typed into its description on the phone: the description's
/// lines that `ours` (the text Hallway sent) does not have are added to the
/// meeting's notes, so they are neither lost nor duplicated (Hallway's next
/// text carries them under "Notes").
pub(crate) async fn apply_meeting(
    store: &Store,
    congress: CongressId,
    id: MeetingId,
    text: &str,
    ours: Option<&str>,
) -> Result<(), CoreError> {
    let found = congress::get(store, congress).await?;
    let Some(read) = read_meeting(&found, text)? else { return Ok(()) };
    let old = meetings::get(store, id).await?;
    let ours = match ours {
        Some(ours) => read_meeting(&found, ours)?.map(|m| m.description).unwrap_or_default(),
        None => String::new(),
    };
    let notes = match phone_note(&read.description, &ours) {
        Some(added) if old.notes.trim().is_empty() => added,
        Some(added) => format!("{}\n{added}", old.notes.trim_end()),
        None => old.notes.clone(),
    };
    let status = read.status_over(old.status);
    let draft = MeetingDraft {
        congress_id: congress,
        title: read.title_or(&old.title),
        purpose: old.purpose.clone(),
        place: read.place,
        kind: old.kind,
        status,
        starts_local: read.starts_local,
        minutes: read.minutes,
        notes,
        people: old.people.iter().map(|p| p.id).collect(),
    };
    meetings::update(store, id, &draft).await?;
    Ok(())
}

/// A meeting as an iCalendar text has it, read the way a sync brings it in
/// ([`apply_meeting`]; a conflict shows the server's side this way).
pub(crate) struct ReadMeeting {
    /// Empty when the text has none: the meeting keeps its own.
    pub title: String,
    pub place: String,
    /// Venue wall-clock start, in the congress's zone.
    pub starts_local: chrono::NaiveDateTime,
    pub minutes: u32,
    /// The DESCRIPTION, unescaped; empty when none.
    pub description: String,
    cancelled: bool,
    tentative: bool,
}

impl ReadMeeting {
    /// The text's title, or `old` when it has none.
    pub fn title_or(&self, old: &str) -> String {
        if self.title.trim().is_empty() { old } else { &self.title }.to_owned()
    }

    /// The status the text gives a meeting that was `old`: cancelled or
    /// tentative as it says; else confirmed, except that a meeting done stays
    /// done.
    pub fn status_over(&self, old: MeetingStatus) -> MeetingStatus {
        if self.cancelled {
            MeetingStatus::Cancelled
        } else if self.tentative {
            MeetingStatus::Proposed
        } else if old == MeetingStatus::Proposed || old == MeetingStatus::Cancelled {
            MeetingStatus::Confirmed
        } else {
            old
        }
    }
}

/// Reads the first event of `text` with the program reader, in the
/// congress's zone; None when the text holds no event.
pub(crate) fn read_meeting(found: &congress::Congress, text: &str) -> Result<Option<ReadMeeting>, CoreError> {
    let zone = time::zone_or_utc(&found.time_zone);
    let ctx = ReadContext { zone, first_day: found.starts_on, last_day: found.ends_on };
    let read = import::read_as(crate::program::import::ProgramFormat::Ics, text.as_bytes(), &ctx)
        .map_err(|e| CoreError::Conflict(format!("The server's copy of the meeting cannot be read: {}", e.message)))?;
    let Some(event) = read.first() else { return Ok(None) };
    let (start, end, _) = import::resolve::span(event, zone);
    let starts = chrono::DateTime::from_timestamp(start, 0).unwrap_or_default().with_timezone(&zone).naive_local();
    let minutes = u32::try_from(((end - start) / 60).clamp(5, i64::from(meetings::MAX_MINUTES))).unwrap_or(30);
    Ok(Some(ReadMeeting {
        title: event.title.clone(),
        place: event.room.clone().unwrap_or_default(),
        starts_local: starts,
        minutes,
        description: event.description.clone().unwrap_or_default(),
        cancelled: event.cancelled,
        tentative: text.contains("\nSTATUS:TENTATIVE"),
    }))
}

/// The lines of the server's description that Hallway's own does not have
/// (what the user typed on the phone), joined; None when there are none.
fn phone_note(server: &str, ours: &str) -> Option<String> {
    let have: BTreeSet<&str> = ours.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let added: Vec<&str> = server.lines().map(str::trim).filter(|l| !l.is_empty() && !have.contains(l)).collect();
    (!added.is_empty()).then(|| added.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::phone_note;

    #[test]
    fn a_note_typed_on_the_phone_is_what_hallway_did_not_write() {
        let ours = "Purpose: fellowship\n\nWith:\n- Ana Sánchez\n\n10:30 in New York";
        assert_eq!(phone_note(ours, ours), None);
        assert_eq!(phone_note("", ours), None, "a description removed on the phone removes no note");
        let phone = "Purpose: fellowship\n\nWith:\n- Ana Sánchez\n\n10:30 in New York\nBring the MRD slides\n";
        assert_eq!(phone_note(phone, ours).as_deref(), Some("Bring the MRD slides"));
        assert_eq!(
            phone_note("Ask about the grant\nand the slides", "").as_deref(),
            Some("Ask about the grant\nand the slides")
        );
    }
}
