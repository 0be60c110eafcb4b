//! Goals, pitches and follow-ups against a real database: each goal rule's
//! progress moves with the data it counts, starter goals adopt once, pitch
//! timing, follow-ups drafted when a meeting is done or a conversation is
//! logged, done follow-ups moving targets, mailto links and reminders.

use chrono::{DateTime, NaiveDateTime};
use hallway_core::congress::{self, CongressDraft, Series};
use hallway_core::follow_ups::{self, Channel, FollowUpEdit, FollowUpStatus};
use hallway_core::goals::{self, GoalDraft, GoalParams, GoalRule};
use hallway_core::ids::{CongressId, PersonId};
use hallway_core::meetings::{self, MeetingDraft, MeetingKind, MeetingStatus};
use hallway_core::people::interactions::{self, InteractionDraft};
use hallway_core::pitches::{self, Audience, PitchDraft};
use hallway_core::plan::today;
use hallway_core::program::{self, import::import_bytes, Attendance, SessionKind};
use hallway_core::targets::{self, Priority, TargetDraft, TargetStatus, Why};
use hallway_core::{people, CoreError, Store};
use std::sync::atomic::AtomicBool;

async fn setup() -> (tempfile::TempDir, Store, CongressId) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = CongressDraft {
        name: "ASH 2026".into(),
        short_name: "ASH26".into(),
        series: Series::Ash,
        starts_on: "2026-12-05".into(),
        ends_on: "2026-12-08".into(),
        time_zone: "America/New_York".into(),
        city: "Orlando".into(),
        ..Default::default()
    };
    let c = congress::create(&store, &draft).await.unwrap().id;
    let csv = "Title,Date,Start,End,Room,Track,Session Type\n\
               Myeloma I,2026-12-05,09:00,10:00,Hall A,Myeloma,Oral\n\
               Mieloma: CAR-T,2026-12-06,09:00,10:00,Hall B,Cell therapy,Oral\n\
               Lymphoma,2026-12-06,11:00,12:00,Hall C,Lymphoma,Oral\n\
               Poster walk,2026-12-07,18:00,19:30,Hall P,Myeloma,Poster\n";
    import_bytes(&store, c, "p.csv", csv.as_bytes().to_vec(), &|_| {}, &AtomicBool::new(false)).await.unwrap();
    (dir, store, c)
}

async fn person(store: &Store, name: &str, family: &str) -> PersonId {
    let draft = people::PersonDraft {
        display_name: name.into(),
        honorific: "Dr".into(),
        family_name: family.into(),
        emails: format!("{}@example.org", family.to_lowercase()),
        ..Default::default()
    };
    people::create(store, &draft).await.unwrap().id
}

fn target(why: Why) -> TargetDraft {
    TargetDraft { priority: Priority::Must, why, status: TargetStatus::Idea, reason: String::new() }
}

fn goal(c: CongressId, rule: GoalRule, params: GoalParams, target: u32) -> GoalDraft {
    GoalDraft { congress_id: c, title: format!("{rule:?}"), rule, params, target, due_local: None }
}

async fn progress(store: &Store, c: CongressId, title: &str) -> u32 {
    goals::list(store, c).await.unwrap().into_iter().find(|g| g.title == title).unwrap().progress
}

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn meeting(c: CongressId, start: &str, people: Vec<PersonId>) -> MeetingDraft {
    MeetingDraft {
        congress_id: c,
        title: "Coffee".into(),
        purpose: "Fellowship in myeloma".into(),
        place: "Café Forum".into(),
        kind: MeetingKind::Coffee,
        status: MeetingStatus::Confirmed,
        starts_local: local(start),
        minutes: 30,
        notes: String::new(),
        people,
    }
}

#[tokio::test]
async fn each_rule_counts_what_it_says() {
    let (_dir, store, c) = setup().await;
    let mentors = GoalParams { why: Some(Why::Mentor), ..Default::default() };
    let groups = GoalParams { why: Some(Why::CooperativeGroup), ..Default::default() };
    let myeloma = GoalParams { keyword: Some("MYELOMA".into()), ..Default::default() };
    let posters = GoalParams { session_kind: Some(SessionKind::Poster), ..Default::default() };
    for (rule, params, n) in [
        (GoalRule::TargetsMet, mentors, 2),
        (GoalRule::InteractionsLogged, groups, 1),
        (GoalRule::SessionsAttended, myeloma, 3),
        (GoalRule::SessionsAttended, posters, 1),
        (GoalRule::MeetingsDone, GoalParams::default(), 1),
        (GoalRule::FollowUpsDone, GoalParams::default(), 1),
        (GoalRule::Manual, GoalParams::default(), 1),
    ] {
        let mut draft = goal(c, rule, params.clone(), n);
        draft.title = format!("{rule:?} {params:?}");
        goals::create(&store, &draft).await.unwrap();
    }
    let all = goals::list(&store, c).await.unwrap();
    assert_eq!(all.len(), 7);
    assert!(all.iter().all(|g| g.progress == 0 && !g.met));
    let title = |rule: GoalRule, kind: Option<SessionKind>| {
        all.iter().find(|g| g.rule == rule && g.params.session_kind == kind).unwrap().title.clone()
    };

    // Targets met: only mentors count, met and followed up alike.
    let ana = person(&store, "Ana Sánchez", "Sánchez").await;
    let li = person(&store, "Li Wei", "Wei").await;
    let kari = person(&store, "Kari Ødegård", "Ødegård").await;
    let t_ana = targets::set(&store, c, ana, &target(Why::Mentor)).await.unwrap();
    let t_li = targets::set(&store, c, li, &target(Why::Collaborator)).await.unwrap();
    targets::set(&store, c, kari, &target(Why::CooperativeGroup)).await.unwrap();
    targets::set_status(&store, t_ana.id, TargetStatus::FollowedUp).await.unwrap();
    targets::set_status(&store, t_li.id, TargetStatus::Met).await.unwrap();
    assert_eq!(progress(&store, c, &title(GoalRule::TargetsMet, None)).await, 1);

    // Conversations: only with cooperative-group targets.
    let talk = |person_id| InteractionDraft {
        person_id,
        congress_id: Some(c),
        meeting_id: None,
        occurred_at: None,
        note: "Talked about the HOVON trial".into(),
    };
    interactions::add(&store, &talk(li)).await.unwrap();
    assert_eq!(progress(&store, c, &title(GoalRule::InteractionsLogged, None)).await, 0);
    interactions::add(&store, &talk(kari)).await.unwrap();
    interactions::add(&store, &talk(kari)).await.unwrap();
    assert_eq!(progress(&store, c, &title(GoalRule::InteractionsLogged, None)).await, 1, "people, not notes");

    // Sessions: keyword in title or track, accents and case ignored; kind.
    for s in program::list(&store, c).await.unwrap() {
        program::set_attendance(&store, s.id, Some(Attendance::Attending)).await.unwrap();
    }
    // "Myeloma I" (title+track), "Poster walk" (track); "Mieloma" is not myeloma.
    assert_eq!(progress(&store, c, &title(GoalRule::SessionsAttended, None)).await, 2);
    assert_eq!(progress(&store, c, &title(GoalRule::SessionsAttended, Some(SessionKind::Poster))).await, 1);

    // Meetings done, follow-ups done, and the manual checkmark.
    let m = meetings::create(&store, &meeting(c, "2026-12-05 10:30", vec![li])).await.unwrap().meeting;
    assert_eq!(progress(&store, c, &title(GoalRule::MeetingsDone, None)).await, 0);
    let done = meetings::set_status(&store, m.id, MeetingStatus::Done).await.unwrap();
    assert_eq!(progress(&store, c, &title(GoalRule::MeetingsDone, None)).await, 1);
    follow_ups::set_status(&store, done.follow_ups[0].id, FollowUpStatus::Done).await.unwrap();
    assert_eq!(progress(&store, c, &title(GoalRule::FollowUpsDone, None)).await, 1);
    let manual = all.iter().find(|g| g.rule == GoalRule::Manual).unwrap();
    assert!(goals::set_manual(&store, manual.id, 1).await.unwrap().met);

    // Today carries them.
    let t = today::today(&store, c, 0).await.unwrap();
    assert_eq!(t.goals.len(), 7);

    // Each counts the same as the congress's only goal: the list reads what its goals count, no more.
    let counted = goals::list(&store, c).await.unwrap();
    assert!(counted.iter().all(|g| g.progress > 0), "each rule has something to count");
    for only in counted.iter().filter(|g| g.rule != GoalRule::Manual) {
        for g in goals::list(&store, c).await.unwrap() {
            goals::delete(&store, g.id).await.unwrap();
        }
        let mut draft = goal(c, only.rule, only.params.clone(), only.target);
        draft.title = only.title.clone();
        goals::create(&store, &draft).await.unwrap();
        assert_eq!(progress(&store, c, &only.title).await, only.progress, "{} alone", only.title);
    }
}

#[tokio::test]
async fn starter_goals_adopt_once_and_read_well() {
    let (_dir, store, c) = setup().await;
    let set = goals::starter_set(Series::Ash);
    assert!(set.iter().any(|g| g.title.contains("ASH-a-Palooza")));
    assert!(goals::starter_set(Series::Eha).iter().any(|g| g.title.contains("EHA-YHN")));
    let keys: Vec<String> = set.iter().map(|g| g.key.clone()).collect();
    let adopted = goals::adopt(&store, c, &keys).await.unwrap();
    assert_eq!(adopted.len(), set.len());
    assert_eq!(goals::adopt(&store, c, &keys).await.unwrap().len(), set.len(), "adopting twice adds nothing");
    let mentors = adopted.iter().find(|g| g.title == "Meet 3 potential mentors").unwrap();
    assert_eq!((mentors.rule, mentors.target, mentors.params.why), (GoalRule::TargetsMet, 3, Some(Why::Mentor)));
    let positions: Vec<u32> = adopted.iter().map(|g| g.position).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "kept in the starter order");

    let mut bad = goal(c, GoalRule::Manual, GoalParams::default(), 0);
    bad.title = " ".into();
    let Err(CoreError::Invalid(problems)) = goals::create(&store, &bad).await else { panic!("accepted") };
    assert_eq!(problems.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(), ["title", "target"]);
}

#[tokio::test]
async fn pitches_time_themselves_and_link_to_targets() {
    let (_dir, store, c) = setup().await;
    let body = "word ".repeat(130);
    let draft = PitchDraft {
        congress_id: Some(c),
        audience: Audience::Mentor,
        title: "To a myeloma mentor".into(),
        body,
        target_seconds: 60,
        words_per_minute: 130,
    };
    let pitch = pitches::create(&store, &draft).await.unwrap();
    assert_eq!((pitch.words, pitch.seconds), (130, 60));
    let faster =
        pitches::update(&store, pitch.id, &PitchDraft { words_per_minute: 156, ..draft.clone() }).await.unwrap();
    assert_eq!(faster.seconds, 50);
    let general = PitchDraft { congress_id: None, title: "General".into(), ..draft.clone() };
    pitches::create(&store, &general).await.unwrap();
    assert_eq!(pitches::list(&store, Some(c)).await.unwrap().len(), 2, "the congress's and the general one");
    assert_eq!(pitches::list(&store, None).await.unwrap().len(), 1);

    let ana = person(&store, "Ana Sánchez", "Sánchez").await;
    let t = targets::set(&store, c, ana, &target(Why::Mentor)).await.unwrap();
    pitches::link(&store, t.id, Some(pitch.id)).await.unwrap();
    assert_eq!(targets::get(&store, t.id).await.unwrap().pitch_id, Some(pitch.id));
    // Today shows it with the meeting.
    meetings::create(&store, &meeting(c, "2026-12-05 10:30", vec![ana])).await.unwrap();
    let now = DateTime::parse_from_rfc3339("2026-12-05T08:00:00-05:00").unwrap().timestamp();
    let t2 = today::today(&store, c, now).await.unwrap();
    let coffee = t2.next.unwrap();
    assert_eq!(coffee.title, "Coffee", "no session is attended, so the meeting is next");
    assert_eq!(coffee.pitch.as_ref().map(|p| p.id), Some(pitch.id));

    let Err(CoreError::Invalid(problems)) =
        pitches::create(&store, &PitchDraft { target_seconds: 5, words_per_minute: 20, ..draft }).await
    else {
        panic!("accepted")
    };
    assert_eq!(problems.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(), ["target_seconds", "words_per_minute"]);
    pitches::delete(&store, pitch.id).await.unwrap();
    assert_eq!(targets::get(&store, t.id).await.unwrap().pitch_id, None, "unlinked, not dangling");
}

#[tokio::test]
async fn a_done_meeting_drafts_a_follow_up_and_done_follows_up_the_target() {
    let (_dir, store, c) = setup().await;
    let ana = person(&store, "Ana Sánchez", "Sánchez").await;
    let t = targets::set(&store, c, ana, &target(Why::Mentor)).await.unwrap();
    let mut draft = meeting(c, "2026-12-06 10:30", vec![ana]);
    draft.notes = "MRD-guided therapy, and a visit to Salamanca. Send the poster.".into();
    let m = meetings::create(&store, &draft).await.unwrap().meeting;
    let done = meetings::set_status(&store, m.id, MeetingStatus::Done).await.unwrap();
    assert_eq!(done.follow_ups.len(), 1);
    let f = &done.follow_ups[0];
    assert_eq!((f.display_name.as_str(), f.channel, f.status), ("Ana Sánchez", Channel::Email, FollowUpStatus::Owed));
    // Two days after the meeting ended (11:00 EST).
    assert_eq!(f.due_at.to_rfc3339(), "2026-12-08T11:00:00-05:00");
    assert!(f.draft.starts_with("Subject: Great to meet you at ASH26"), "{}", f.draft);
    assert!(f.draft.contains("Dear Dr Sánchez,"));
    assert!(f.draft.contains("at Café Forum on Sunday 6 December at ASH26"), "{}", f.draft);
    assert!(f.draft.contains("about MRD-guided therapy, and a visit to Salamanca"), "{}", f.draft);

    // Marking it done again, or logging the talk, drafts nothing more.
    assert!(meetings::set_status(&store, m.id, MeetingStatus::Done).await.unwrap().follow_ups.is_empty());
    let note = InteractionDraft {
        person_id: ana,
        congress_id: Some(c),
        meeting_id: Some(m.id),
        occurred_at: None,
        note: "Coffee went well".into(),
    };
    interactions::add(&store, &note).await.unwrap();
    assert_eq!(follow_ups::owed(&store).await.unwrap().len(), 1);

    // Channel templates and the email link.
    let short = follow_ups::redraft(&store, f.id, Channel::Bluesky).await.unwrap();
    assert!(short.starts_with("Great to meet you at ASH26, Ana!"), "{short}");
    let link = follow_ups::mailto(f);
    assert!(link.starts_with("mailto:s%C3%A1nchez@example.org?subject=Great%20to%20meet%20you%20at%20ASH26&body=Dear%20Dr%20S%C3%A1nchez%2C%0D%0A"), "{link}");

    // Editing: a new due date raises SEQUENCE (calendar exports update).
    let due = DateTime::parse_from_rfc3339("2026-12-09T09:00:00-05:00").unwrap();
    let edit = FollowUpEdit { due_at: due, channel: Channel::Linkedin, draft: short.clone(), remind_at: Some(due) };
    let edited = follow_ups::update(&store, f.id, &edit).await.unwrap();
    assert_eq!((edited.sequence, edited.channel, edited.draft.as_str()), (1, Channel::Linkedin, short.as_str()));
    let reminders = follow_ups::reminders(&store, due.timestamp() - 60, due.timestamp()).await.unwrap();
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].title, "Follow up with Ana Sánchez");
    assert!(follow_ups::reminders(&store, due.timestamp(), due.timestamp() + 60).await.unwrap().is_empty());

    assert_eq!(follow_ups::due(&store, due.timestamp() - 1).await.unwrap().len(), 0);
    assert_eq!(follow_ups::due(&store, due.timestamp()).await.unwrap().len(), 1);
    follow_ups::set_status(&store, f.id, FollowUpStatus::Done).await.unwrap();
    assert_eq!(targets::get(&store, t.id).await.unwrap().status, TargetStatus::FollowedUp);
    assert!(follow_ups::owed(&store).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_logged_conversation_drafts_one_follow_up_per_person_and_congress() {
    let (_dir, store, c) = setup().await;
    let li = person(&store, "Li Wei", "Wei").await;
    let at = DateTime::parse_from_rfc3339("2026-12-07T15:00:00-05:00").unwrap();
    let note = |text: &str| InteractionDraft {
        person_id: li,
        congress_id: Some(c),
        meeting_id: None,
        occurred_at: Some(at.to_utc()),
        note: text.into(),
    };
    interactions::add(&store, &note("Asked about the BEAT-AML cohort. Wants our data.")).await.unwrap();
    interactions::add(&store, &note("Met again at the reception")).await.unwrap();
    let owed = follow_ups::owed(&store).await.unwrap();
    assert_eq!(owed.len(), 1, "one owed per person and congress");
    assert_eq!(owed[0].due_at.to_rfc3339(), "2026-12-09T15:00:00-05:00");
    assert!(owed[0].draft.contains("in Orlando on Monday 7 December"), "{}", owed[0].draft);
    assert!(owed[0].draft.contains("our conversation about the BEAT-AML cohort."), "{}", owed[0].draft);

    // A note not tied to a congress owes nothing.
    let general = InteractionDraft { congress_id: None, ..note("Email about a paper") };
    interactions::add(&store, &general).await.unwrap();
    assert_eq!(follow_ups::owed(&store).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_person_page_lists_their_follow_ups_owed_first() {
    let (_dir, store, c) = setup().await;
    let ana = person(&store, "Ana Sánchez", "Sánchez").await;
    let li = person(&store, "Li Wei", "Wei").await;
    let first = meetings::create(&store, &meeting(c, "2026-12-06 10:30", vec![ana])).await.unwrap().meeting;
    let first = meetings::set_status(&store, first.id, MeetingStatus::Done).await.unwrap().follow_ups[0].id;
    follow_ups::set_status(&store, first, FollowUpStatus::Done).await.unwrap();
    let second = meetings::create(&store, &meeting(c, "2026-12-07 09:00", vec![ana, li])).await.unwrap().meeting;
    meetings::set_status(&store, second.id, MeetingStatus::Done).await.unwrap();

    let page = people::page(&store, ana).await.unwrap();
    let seen: Vec<(FollowUpStatus, String)> =
        page.follow_ups.iter().map(|f| (f.status, f.due_at.format("%d %H:%M").to_string())).collect();
    assert_eq!(
        seen,
        [(FollowUpStatus::Owed, "09 09:30".to_owned()), (FollowUpStatus::Done, "08 11:00".to_owned())],
        "the owed one first, then the one done; Li's is not on Ana's page"
    );
    assert!(page.follow_ups.iter().all(|f| f.person_id == ana));
}
