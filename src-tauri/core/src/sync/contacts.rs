//! The people to meet, in the phone's own address book (CardDAV, issue 16):
//! one address book per account, "Hallway", made on first use, holding a
//! card for each target of the congresses that sync (or for everyone, or
//! none, as `dav_accounts.contacts` says; with none, the cards Hallway wrote
//! go and the empty address book stays). Each card is the vCard 3.0 the
//! People export writes ([`vcard::person_with_note`], UID
//! `person-{id}@hallway.app`) with a NOTE that shows at a glance why to meet
//! the person, how much it matters, the pitch, and their next talk.
//!
//! Cards sync one way, like sessions: Hallway owns them, and the planner
//! ([`super::plan`], [`Kind::Contact`]) writes over a card changed on the
//! phone and writes a deleted one again. What the phone added to a card (a
//! birthday, another phone number, a photo) is kept ([`super::merge`]): read
//! from the server's copy whenever it changed there, saved in
//! `dav_cards.kept`, and put back into every text sent. `pushed_hash` is the
//! digest of Hallway's own text, before that merge, so once merged, a
//! phone's addition is not taken for a change in Hallway (which would write
//! the card again on every sync).
//!
//! As in [`super::engine`]: a pull with the stored sync token (a full
//! listing without one, or when the server refuses it), writes with
//! `If-None-Match: *` / `If-Match`, and each card's href and ETag saved
//! right after the server answered, so a sync killed halfway makes no
//! duplicate. Cards Hallway did not write are never named by the planner,
//! so never touched.

use super::dav::{vcard_href_for, DavClient, DavError};
use super::engine::{SyncError, SyncReport};
use super::merge::{self, Format};
use super::plan::{self, digest, Kind, Local, Remote, Step, Stored};
use super::state::Account;
use crate::export::vcard;
use crate::ids::{CongressId, PersonId, PitchId};
use crate::pitches::{self, Pitch};
use crate::targets::{self, Priority, Target, Why};
use crate::text_enum::text_enum;
use crate::{people, time, CoreError, Store};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

text_enum!(
    /// Who gets a card in the phone's address book.
    Choice { Off = "off", Targets = "targets", Everyone = "everyone" }
);

/// The name of the address book Hallway makes.
const BOOK_NAME: &str = "Hallway";
/// Requests in flight at once, as in the engine.
const IN_FLIGHT: usize = 6;
/// About two lines on a phone: the pitch's opening, not all of it.
const PITCH_CHARS: usize = 160;

/// Who gets a card for `account`.
pub async fn choice(store: &Store, account: i64) -> crate::Result<Choice> {
    Ok(book(store, account).await?.choice)
}

/// Chooses who gets a card; the next sync adds and removes cards to match.
pub async fn set_choice(store: &Store, account: i64, choice: Choice) -> crate::Result<()> {
    let done = sqlx::query("UPDATE dav_accounts SET contacts = ? WHERE id = ?")
        .bind(choice.as_str())
        .bind(account)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("sync account", account));
    }
    Ok(())
}

/// Brings the account's "Hallway" address book in line with who should be
/// in it. Nothing to do when the server has no address books. The report
/// counts cards written (`pushed`) and deleted (`removed`); nothing comes
/// back from the phone, so `pulled` and `conflicts` stay 0.
pub async fn sync_contacts(store: &Store, client: &DavClient, account: &Account) -> Result<SyncReport, SyncError> {
    if account.addressbook_home.is_none() {
        return Ok(SyncReport::default());
    }
    let book = book(store, account.id).await?;
    let saved = saved(store, account.id).await?;
    let texts = cards(store, account.id, book.choice).await?;
    let href = match book.href {
        Some(href) => href,
        // No address book is made before there is a card to put in it.
        None if texts.is_empty() && saved.is_empty() => return Ok(SyncReport::default()),
        None => {
            let href = client.create_addressbook(BOOK_NAME).await?;
            set_book(store, account.id, &href).await?;
            href
        }
    };
    let stored: Vec<Stored> = saved.values().map(|card| card.stored.clone()).collect();
    let (remote, token) = pull_changes(store, client, account.id, &href, book.token.as_deref(), &stored).await?;
    let local: Vec<Local> =
        texts.iter().map(|(uid, text)| Local { uid: uid.clone(), kind: Kind::Contact, hash: digest(text) }).collect();
    let steps = plan::plan(&local, &stored, &remote, &BTreeSet::new());
    let run = Run { store, client, account: account.id, book: &href, texts: &texts, saved: &saved };
    let mut done = futures_util::stream::iter(steps.into_iter().map(|step| run.step(step))).buffer_unordered(IN_FLIGHT);
    let mut report = SyncReport::default();
    let mut first_error = None;
    while let Some(finished) = done.next().await {
        match finished {
            Ok(part) => {
                report.pushed += part.pushed;
                report.removed += part.removed;
            }
            // The others finish (and are saved); the first error is the one reported.
            Err(e) => first_error = first_error.or(Some(e)),
        }
    }
    if let Some(e) = first_error {
        return Err(e);
    }
    set_token(store, account.id, Some(&token)).await?;
    Ok(report)
}

/// The account's address book, who goes in it, and how far the last pull got.
struct Book {
    href: Option<String>,
    choice: Choice,
    token: Option<String>,
}

async fn book(store: &Store, account: i64) -> crate::Result<Book> {
    let (href, choice, token): (Option<String>, String, Option<String>) =
        sqlx::query_as("SELECT addressbook_href, contacts, contacts_token FROM dav_accounts WHERE id = ?")
            .bind(account)
            .fetch_optional(store.pool())
            .await?
            .ok_or_else(|| CoreError::not_found("sync account", account))?;
    // The column's CHECK allows only the three words.
    let choice = Choice::parse(&choice).unwrap_or(Choice::Targets);
    Ok(Book { href, choice, token })
}

/// Remembers the address book made for `account` (its pull starts afresh).
async fn set_book(store: &Store, account: i64, href: &str) -> crate::Result<()> {
    sqlx::query("UPDATE dav_accounts SET addressbook_href = ?, contacts_token = NULL WHERE id = ?")
        .bind(href)
        .bind(account)
        .execute(store.pool())
        .await?;
    Ok(())
}

async fn set_token(store: &Store, account: i64, token: Option<&str>) -> crate::Result<()> {
    sqlx::query("UPDATE dav_accounts SET contacts_token = ? WHERE id = ?")
        .bind(token)
        .bind(account)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// A card Hallway wrote, with the lines kept from the phone.
struct Saved {
    stored: Stored,
    kept: Option<String>,
}

async fn saved(store: &Store, account: i64) -> crate::Result<BTreeMap<String, Saved>> {
    let rows: Vec<(String, String, String, String, Option<String>)> =
        sqlx::query_as("SELECT uid, href, etag, pushed_hash, kept FROM dav_cards WHERE account_id = ? ORDER BY uid")
            .bind(account)
            .fetch_all(store.pool())
            .await?;
    Ok(rows
        .into_iter()
        .map(|(uid, href, etag, pushed_hash, kept)| {
            let stored = Stored { uid: uid.clone(), kind: Kind::Contact, href, etag, pushed_hash };
            (uid, Saved { stored, kept })
        })
        .collect())
}

/// Every card Hallway would write now, by UID.
async fn cards(store: &Store, account: i64, choice: Choice) -> crate::Result<BTreeMap<String, String>> {
    let people: Vec<PersonId> = match choice {
        Choice::Off => return Ok(BTreeMap::new()),
        Choice::Targets => {
            sqlx::query_scalar(
                "SELECT DISTINCT t.person_id FROM targets t \
                 JOIN dav_calendars c ON c.congress_id = t.congress_id AND c.account_id = ? \
                 JOIN people p ON p.id = t.person_id WHERE p.deleted_at IS NULL AND p.merged_into IS NULL \
                 ORDER BY t.person_id",
            )
            .bind(account)
            .fetch_all(store.pool())
            .await?
        }
        Choice::Everyone => {
            sqlx::query_scalar("SELECT id FROM people WHERE deleted_at IS NULL AND merged_into IS NULL ORDER BY id")
                .fetch_all(store.pool())
                .await?
        }
    };
    let notes = notes(store, account).await?;
    let mut out = BTreeMap::new();
    for id in people {
        let person = people::get(store, id).await?;
        let note = notes.get(&id).map_or("", String::as_str);
        out.insert(vcard::person_uid(id), vcard::person_with_note(&person, note));
    }
    Ok(out)
}

/// The NOTE of each target of the congresses that sync to `account`: one
/// paragraph per congress, the earliest first.
async fn notes(store: &Store, account: i64) -> crate::Result<BTreeMap<PersonId, String>> {
    let congresses: Vec<(CongressId, String)> = sqlx::query_as(
        "SELECT c.id, COALESCE(NULLIF(TRIM(c.short_name), ''), c.name) FROM congresses c \
         JOIN dav_calendars d ON d.congress_id = c.id WHERE d.account_id = ? ORDER BY c.starts_on, c.id",
    )
    .bind(account)
    .fetch_all(store.pool())
    .await?;
    let now = time::now_seconds();
    let mut known: BTreeMap<PitchId, Pitch> = BTreeMap::new();
    let mut out: BTreeMap<PersonId, String> = BTreeMap::new();
    for (congress, name) in congresses {
        for target in targets::list_at(store, congress, now).await? {
            if let Some(id) = target.pitch_id.filter(|id| !known.contains_key(id)) {
                known.insert(id, pitches::get(store, id).await?);
            }
            let pitch = target.pitch_id.and_then(|id| known.get(&id));
            paragraph(out.entry(target.person_id).or_default(), &about(&name, &target, pitch));
        }
    }
    Ok(out)
}

/// Appends `text` to `note`, a blank line between paragraphs.
fn paragraph(note: &mut String, text: &str) {
    if !note.is_empty() {
        note.push_str("\n\n");
    }
    note.push_str(text);
}

/// What the phone shows of one target at one congress:
///
/// ```text
/// ASH26: must meet · mentor
/// Why: her CAR-T trial needs a European site
/// Pitch: To a myeloma mentor: I run the …
/// Next talk: Sun 6 Dec 10:30, Hall B: Oral abstracts — Myeloma
/// ```
fn about(congress: &str, target: &Target, pitch: Option<&Pitch>) -> String {
    let priority = match target.priority {
        Priority::Must => "must meet",
        Priority::Should => "should meet",
        Priority::Nice => "nice to meet",
    };
    let mut lines = vec![match why(target.why) {
        Some(why) => format!("{congress}: {priority} · {why}"),
        None => format!("{congress}: {priority}"),
    }];
    if !target.reason.trim().is_empty() {
        lines.push(format!("Why: {}", one_line(&target.reason)));
    }
    if let Some(pitch) = pitch {
        let opening = shortened(&pitch.body, PITCH_CHARS);
        lines.push(match (pitch.title.trim(), opening.is_empty()) {
            (title, true) => format!("Pitch: {title}"),
            ("", false) => format!("Pitch: {opening}"),
            (title, false) => format!("Pitch: {title}: {opening}"),
        });
    }
    if let Some(talk) = &target.next_talk {
        let when = talk.starts_at.format("%a %-d %b %H:%M");
        lines.push(match talk.room.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(room) => format!("Next talk: {when}, {room}: {}", one_line(&talk.title)),
            None => format!("Next talk: {when}: {}", one_line(&talk.title)),
        });
    }
    if let Some(poster) = &target.poster {
        let when = format!("{}–{}", poster.starts_at.format("%a %-d %b %H:%M"), poster.ends_at.format("%H:%M"));
        let board = poster.board.as_deref().map(|b| format!("board {b}, ")).unwrap_or_default();
        lines.push(format!("Poster: {board}{when}: {}", one_line(&poster.title)));
    }
    lines.join("\n")
}

fn why(why: Why) -> Option<&'static str> {
    match why {
        Why::Mentor => Some("mentor"),
        Why::Collaborator => Some("collaborator"),
        Why::Peer => Some("peer"),
        Why::Industry => Some("industry"),
        Why::CooperativeGroup => Some("cooperative group"),
        Why::Speaker => Some("speaker"),
        Why::Other => None,
    }
}

/// The text on one line, runs of blanks and line breaks as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text on one line, cut after at most `max` characters at a word's
/// end, with an ellipsis when cut.
fn shortened(text: &str, max: usize) -> String {
    let text = one_line(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut = text.char_indices().nth(max).map_or(text.len(), |(at, _)| at);
    let head = &text[..cut];
    let head = match head.rfind(' ') {
        Some(space) if space > 0 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// What changed in the address book since the last pull, and the token to
/// store (as the engine's pull).
async fn pull_changes(
    store: &Store,
    client: &DavClient,
    account: i64,
    book: &str,
    token: Option<&str>,
    stored: &[Stored],
) -> Result<(Remote, String), SyncError> {
    if let Some(token) = token {
        match client.sync(book, Some(token)).await {
            Ok(changes) => {
                let remote = Remote {
                    etags: changes.changed.into_iter().collect(),
                    deleted: changes.deleted.into_iter().collect(),
                };
                return Ok((remote, changes.token));
            }
            Err(DavError::SyncTokenInvalid) => set_token(store, account, None).await?,
            Err(e) => return Err(e.into()),
        }
    }
    // No token (first sync, or refused): everything the server lists, and
    // whatever Hallway wrote that is not listed was deleted there.
    let changes = client.sync(book, None).await?;
    let etags: BTreeMap<String, String> = changes.changed.into_iter().collect();
    let deleted = stored.iter().filter(|s| !etags.contains_key(&s.href)).map(|s| s.href.clone()).collect();
    Ok((Remote { etags, deleted }, changes.token))
}

/// Carries out the planned steps against the server and the database.
struct Run<'a> {
    store: &'a Store,
    client: &'a DavClient,
    account: i64,
    book: &'a str,
    texts: &'a BTreeMap<String, String>,
    saved: &'a BTreeMap<String, Saved>,
}

impl Run<'_> {
    async fn step(&self, step: Step) -> Result<SyncReport, SyncError> {
        let mut done = SyncReport::default();
        match step {
            Step::Create { uid, .. } => {
                let text = self.text(&uid)?;
                let href = vcard_href_for(self.book, &uid);
                let (etag, kept) = match self.client.create_vcard(self.book, &uid, text).await {
                    Ok(etag) => (etag, None),
                    // Written by a sync that stopped before saving: update it.
                    Err(DavError::Exists) => self.overwrite(&uid, &href, text).await?,
                    Err(e) => return Err(e.into()),
                };
                self.remember(&uid, &href, &etag, text, kept.as_deref()).await?;
                done.pushed += 1;
            }
            Step::Update { uid, href, etag } => {
                let text = self.text(&uid)?;
                let (etag, kept) = match self.saved.get(&uid) {
                    // Unchanged on the server: what was kept from it last time.
                    Some(saved) if saved.stored.etag == etag => {
                        let kept = merge::kept_against(text, saved.kept.as_deref(), Format::Vcard);
                        let merged = merge::with_kept(text, kept.as_deref(), Format::Vcard);
                        match self.client.update_vcard(&href, &merged, &etag).await {
                            Ok(new) => (new, kept),
                            // Changed since the pull.
                            Err(DavError::PreconditionFailed) => self.overwrite(&uid, &href, text).await?,
                            Err(e) => return Err(e.into()),
                        }
                    }
                    // Changed on the server (the phone): read what it added.
                    _ => self.overwrite(&uid, &href, text).await?,
                };
                self.remember(&uid, &href, &etag, text, kept.as_deref()).await?;
                done.pushed += 1;
            }
            Step::Delete { uid, href, etag } => {
                self.client.delete_latest(&href, &etag).await?;
                self.forget(&uid).await?;
                done.removed += 1;
            }
            Step::Forget { uid } => self.forget(&uid).await?,
            // Cards sync one way: the planner never brings one back.
            Step::Pull { .. } | Step::PullDelete { .. } | Step::Conflict { .. } => {}
        }
        Ok(done)
    }

    /// Writes Hallway's card over what the server has at `href`, with its
    /// current ETag and what the phone added to it kept; the new ETag and
    /// the lines kept. (Gone from the server meanwhile: written again as new.)
    async fn overwrite(&self, uid: &str, href: &str, text: &str) -> Result<(String, Option<String>), SyncError> {
        let Some((etag, server)) = self.client.get(href).await? else {
            return Ok((self.client.create_vcard(self.book, uid, text).await?, None));
        };
        let kept = merge::kept_against(text, merge::kept_lines(&server, Format::Vcard).as_deref(), Format::Vcard);
        let merged = merge::with_kept(text, kept.as_deref(), Format::Vcard);
        Ok((self.client.update_vcard(href, &merged, &etag).await?, kept))
    }

    /// Saves what the server now holds: `text` is Hallway's own, before the
    /// kept lines were merged in.
    async fn remember(&self, uid: &str, href: &str, etag: &str, text: &str, kept: Option<&str>) -> crate::Result<()> {
        sqlx::query(
            "INSERT INTO dav_cards (account_id, uid, href, etag, pushed_hash, kept, synced_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, uid) DO UPDATE SET href = excluded.href, \
             etag = excluded.etag, pushed_hash = excluded.pushed_hash, kept = excluded.kept, \
             synced_at = excluded.synced_at",
        )
        .bind(self.account)
        .bind(uid)
        .bind(href)
        .bind(etag)
        .bind(digest(text))
        .bind(kept)
        .bind(time::now_seconds())
        .execute(self.store.pool())
        .await?;
        Ok(())
    }

    async fn forget(&self, uid: &str) -> crate::Result<()> {
        sqlx::query("DELETE FROM dav_cards WHERE account_id = ? AND uid = ?")
            .bind(self.account)
            .bind(uid)
            .execute(self.store.pool())
            .await?;
        Ok(())
    }

    fn text(&self, uid: &str) -> Result<&str, SyncError> {
        self.texts.get(uid).map(String::as_str).ok_or_else(|| CoreError::not_found("card", uid).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{SessionId, TargetId};
    use crate::targets::{NextTalk, TargetStatus};
    use chrono::{FixedOffset, TimeZone};

    fn target(why: Why, reason: &str, room: Option<&str>) -> Target {
        let zone = FixedOffset::west_opt(5 * 3600).unwrap();
        Target {
            id: TargetId(1),
            congress_id: CongressId(1),
            person_id: PersonId(7),
            display_name: "Ana Sánchez".into(),
            institution: None,
            priority: Priority::Must,
            why,
            status: TargetStatus::Idea,
            reason: reason.into(),
            next_talk: Some(NextTalk {
                session_id: SessionId(3),
                title: "Oral abstracts —\nMyeloma".into(),
                starts_at: zone.with_ymd_and_hms(2026, 12, 6, 10, 30, 0).unwrap(),
                room: room.map(str::to_owned),
            }),
            poster: None,
            snoozed_until: None,
            pitch_id: None,
        }
    }

    fn pitch(title: &str, body: &str) -> Pitch {
        Pitch {
            id: PitchId(1),
            congress_id: None,
            audience: pitches::Audience::Mentor,
            title: title.into(),
            body: body.into(),
            target_seconds: 60,
            words_per_minute: 130,
            words: 0,
            seconds: 0,
        }
    }

    #[test]
    fn the_note_says_why_how_much_the_pitch_and_the_next_talk() {
        let note = about(
            "ASH26",
            &target(Why::CooperativeGroup, "Her trial  needs\na European site", Some("Hall B")),
            Some(&pitch("To a mentor", "I run the myeloma clinic in Oslo.")),
        );
        assert_eq!(
            note,
            "ASH26: must meet · cooperative group\nWhy: Her trial needs a European site\n\
             Pitch: To a mentor: I run the myeloma clinic in Oslo.\n\
             Next talk: Sun 6 Dec 10:30, Hall B: Oral abstracts — Myeloma"
        );
        let bare = Target { next_talk: None, priority: Priority::Nice, ..target(Why::Other, " ", None) };
        assert_eq!(about("EHA", &bare, None), "EHA: nice to meet");
        let roomless = about("EHA", &target(Why::Peer, "", Some(" ")), Some(&pitch("Short", "")));
        assert_eq!(
            roomless,
            "EHA: must meet · peer\nPitch: Short\nNext talk: Sun 6 Dec 10:30: Oral abstracts — Myeloma"
        );
        let zone = FixedOffset::west_opt(5 * 3600).unwrap();
        let poster = crate::targets::PosterSpot {
            session_id: SessionId(9),
            title: "MRD after CAR-T".into(),
            board: Some("I-123".into()),
            starts_at: zone.with_ymd_and_hms(2026, 12, 6, 18, 0, 0).unwrap(),
            ends_at: zone.with_ymd_and_hms(2026, 12, 6, 19, 0, 0).unwrap(),
            room: Some("Hall G".into()),
        };
        let presenting = Target { next_talk: None, poster: Some(poster), ..target(Why::Peer, "", None) };
        assert_eq!(
            about("EHA", &presenting, None),
            "EHA: must meet · peer\nPoster: board I-123, Sun 6 Dec 18:00–19:00: MRD after CAR-T"
        );
    }

    #[test]
    fn a_long_pitch_is_cut_at_a_word() {
        let body = "I lead a group that studies CAR-T toxicity, and I want to compare our data, with yours. ".repeat(4);
        let short = shortened(&body, 60);
        assert_eq!(short, "I lead a group that studies CAR-T toxicity, and I want to…");
        assert!(short.chars().count() <= 61);
        assert_eq!(shortened("Ødegård", 3), "Øde…");
        assert_eq!(shortened(" two\n words ", 60), "two words");
    }

    #[test]
    fn paragraphs_are_separated_by_a_blank_line() {
        let mut note = String::new();
        paragraph(&mut note, "ASH26: must meet");
        paragraph(&mut note, "EHA27: nice to meet");
        assert_eq!(note, "ASH26: must meet\n\nEHA27: nice to meet");
    }
}
