//! What one sync does, decided without touching the network or the
//! database: a pure function from three pictures of the plan to a list of
//! steps. The three are the plan in Hallway now ([`Local`]), what Hallway
//! last wrote to the server ([`Stored`]: href, ETag, digest of the text
//! sent), and what the server reports changed since the last pull
//! ([`Remote`]). Keeping the decision pure lets every rule below be tested on
//! its own, and lets a sync killed halfway simply plan again from what was
//! saved.
//!
//! The rules, for one item (by UID):
//!
//! | Hallway | server | step |
//! | --- | --- | --- |
//! | new | — | [`Step::Create`] (`If-None-Match: *`) |
//! | changed | unchanged | [`Step::Update`] (`If-Match` the stored ETag) |
//! | unchanged | unchanged | nothing |
//! | gone | unchanged | [`Step::Delete`] (`If-Match`) |
//! | unchanged | changed (meeting) | [`Step::Pull`]: the server's version comes back |
//! | changed | changed (meeting) | [`Step::Conflict`]: both kept, the user picks |
//! | any | changed (session, follow-up, contact) | [`Step::Update`] with the server's new ETag: Hallway owns these |
//! | unchanged | deleted (meeting) | [`Step::PullDelete`]: deleted on the phone, cancelled here |
//! | changed | deleted (meeting) | [`Step::Conflict`] |
//! | present | deleted (session, follow-up, contact) | [`Step::Create`] again: Hallway owns these |
//! | gone | deleted | [`Step::Forget`] |
//!
//! Items on the server that Hallway never wrote are not in [`Stored`], so no
//! step ever names them: they are never touched. An item with an open
//! conflict is left alone until the user resolves it.

use std::collections::{BTreeMap, BTreeSet};

/// What kind of item a UID stands for; only meetings sync both ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Meeting,
    Session,
    FollowUp,
    /// A person's card in the address book ([`super::contacts`]); stored in
    /// `dav_cards`, not `dav_items`.
    Contact,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Session => "session",
            Kind::FollowUp => "follow_up",
            Kind::Contact => "contact",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        match text {
            "meeting" => Some(Kind::Meeting),
            "session" => Some(Kind::Session),
            "follow_up" => Some(Kind::FollowUp),
            "contact" => Some(Kind::Contact),
            _ => None,
        }
    }

    /// Changes made on the server come back into Hallway.
    fn two_way(self) -> bool {
        self == Kind::Meeting
    }
}

/// One item of the plan as Hallway would write it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Local {
    pub uid: String,
    pub kind: Kind,
    /// Digest of the text Hallway would send (see [`digest`]).
    pub hash: String,
}

/// What Hallway last wrote to the server for one UID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub uid: String,
    pub kind: Kind,
    pub href: String,
    pub etag: String,
    pub pushed_hash: String,
}

/// What the server reports since the last pull, by href.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Remote {
    /// Items whose ETag the server reports, with that ETag. An item reported
    /// with the ETag Hallway stored is unchanged (a full listing reports all).
    pub etags: BTreeMap<String, String>,
    /// Items the server says are gone.
    pub deleted: BTreeSet<String>,
}

/// One thing a sync does. Steps name items by UID and, once on the server,
/// by href; the engine fetches texts and writes state as it carries them out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Create {
        uid: String,
        kind: Kind,
    },
    Update {
        uid: String,
        href: String,
        etag: String,
    },
    Delete {
        uid: String,
        href: String,
        etag: String,
    },
    Pull {
        uid: String,
        href: String,
    },
    PullDelete {
        uid: String,
        href: String,
    },
    Conflict {
        uid: String,
        href: String,
        deleted: bool,
    },
    /// Gone on both sides: drop what Hallway remembers of it.
    Forget {
        uid: String,
    },
}

/// Hex digest of an item's text, to tell whether it changed since it was sent.
/// FNV-1a over the bytes, 64 bits: not for security, only for "same text".
pub fn digest(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The steps that bring Hallway and the server together. `conflicted` holds
/// the UIDs with an open conflict; they get no step. Steps come in a stable
/// order: what comes back from the server first (so a pull is applied before
/// anything is pushed over it), then creates, updates and deletes, each by UID.
pub fn plan(local: &[Local], stored: &[Stored], remote: &Remote, conflicted: &BTreeSet<String>) -> Vec<Step> {
    let here: BTreeMap<&str, &Local> = local.iter().map(|l| (l.uid.as_str(), l)).collect();
    let there: BTreeMap<&str, &Stored> = stored.iter().map(|s| (s.uid.as_str(), s)).collect();
    let mut incoming = Vec::new();
    let mut outgoing = Vec::new();

    for (uid, item) in &here {
        if conflicted.contains(*uid) {
            continue;
        }
        let Some(saved) = there.get(uid) else {
            outgoing.push(Step::Create { uid: uid.to_string(), kind: item.kind });
            continue;
        };
        let changed_here = item.hash != saved.pushed_hash;
        let server = server_state(saved, remote);
        match server {
            Server::Unchanged if changed_here => outgoing.push(update(saved, &saved.etag)),
            Server::Unchanged => {}
            Server::Changed(etag) if !saved.kind.two_way() => outgoing.push(update(saved, etag)),
            Server::Changed(_) if changed_here => incoming.push(conflict(saved, false)),
            Server::Changed(_) => incoming.push(Step::Pull { uid: uid.to_string(), href: saved.href.clone() }),
            Server::Deleted if !saved.kind.two_way() => {
                outgoing.push(Step::Create { uid: uid.to_string(), kind: item.kind });
            }
            Server::Deleted if changed_here => incoming.push(conflict(saved, true)),
            Server::Deleted => incoming.push(Step::PullDelete { uid: uid.to_string(), href: saved.href.clone() }),
        }
    }
    for (uid, saved) in &there {
        if here.contains_key(uid) || conflicted.contains(*uid) {
            continue;
        }
        match server_state(saved, remote) {
            Server::Deleted => outgoing.push(Step::Forget { uid: uid.to_string() }),
            // Gone from the plan: deleted, unmarked or done. Deleted with the
            // server's current ETag, so an edit made there since is not
            // lost silently: the server answers 412 and the engine pulls.
            Server::Unchanged => outgoing.push(delete(saved, &saved.etag)),
            Server::Changed(etag) => outgoing.push(delete(saved, etag)),
        }
    }
    outgoing.sort_by_key(order);
    incoming.extend(outgoing);
    incoming
}

enum Server<'a> {
    Unchanged,
    Changed(&'a str),
    Deleted,
}

fn server_state<'a>(saved: &Stored, remote: &'a Remote) -> Server<'a> {
    if remote.deleted.contains(&saved.href) {
        return Server::Deleted;
    }
    match remote.etags.get(&saved.href) {
        Some(etag) if *etag != saved.etag => Server::Changed(etag),
        _ => Server::Unchanged,
    }
}

fn update(saved: &Stored, etag: &str) -> Step {
    Step::Update { uid: saved.uid.clone(), href: saved.href.clone(), etag: etag.to_owned() }
}

fn delete(saved: &Stored, etag: &str) -> Step {
    Step::Delete { uid: saved.uid.clone(), href: saved.href.clone(), etag: etag.to_owned() }
}

fn conflict(saved: &Stored, deleted: bool) -> Step {
    Step::Conflict { uid: saved.uid.clone(), href: saved.href.clone(), deleted }
}

/// Creates, then updates, then deletes and forgets; by UID within each.
fn order(step: &Step) -> (u8, String) {
    match step {
        Step::Create { uid, .. } => (0, uid.clone()),
        Step::Update { uid, .. } => (1, uid.clone()),
        Step::Delete { uid, .. } | Step::Forget { uid } => (2, uid.clone()),
        Step::Pull { uid, .. } | Step::PullDelete { uid, .. } | Step::Conflict { uid, .. } => (3, uid.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn local(uid: &str, kind: Kind, text: &str) -> Local {
        Local { uid: uid.into(), kind, hash: digest(text) }
    }

    fn stored(uid: &str, kind: Kind, etag: &str, text: &str) -> Stored {
        Stored { uid: uid.into(), kind, href: format!("/cal/{uid}.ics"), etag: etag.into(), pushed_hash: digest(text) }
    }

    fn changed(href: &str, etag: &str) -> Remote {
        Remote { etags: [(href.to_owned(), etag.to_owned())].into(), deleted: BTreeSet::new() }
    }

    fn deleted(href: &str) -> Remote {
        Remote { etags: BTreeMap::new(), deleted: [href.to_owned()].into() }
    }

    fn none() -> BTreeSet<String> {
        BTreeSet::new()
    }

    #[test]
    fn a_new_item_is_created_and_an_unchanged_one_left_alone() {
        let steps = plan(
            &[local("a", Kind::Meeting, "A"), local("b", Kind::Session, "B")],
            &[stored("b", Kind::Session, "\"1\"", "B")],
            &Remote::default(),
            &none(),
        );
        assert_eq!(steps, vec![Step::Create { uid: "a".into(), kind: Kind::Meeting }]);
    }

    #[test]
    fn a_change_in_hallway_is_an_update_with_the_stored_etag() {
        let steps = plan(
            &[local("a", Kind::Meeting, "A2")],
            &[stored("a", Kind::Meeting, "\"1\"", "A")],
            &Remote::default(),
            &none(),
        );
        assert_eq!(steps, vec![Step::Update { uid: "a".into(), href: "/cal/a.ics".into(), etag: "\"1\"".into() }]);
    }

    #[test]
    fn the_same_etag_in_a_full_listing_is_no_change() {
        let steps = plan(
            &[local("a", Kind::Meeting, "A")],
            &[stored("a", Kind::Meeting, "\"1\"", "A")],
            &changed("/cal/a.ics", "\"1\""),
            &none(),
        );
        assert_eq!(steps, vec![]);
    }

    #[test]
    fn a_meeting_changed_on_the_server_only_comes_back() {
        let steps = plan(
            &[local("a", Kind::Meeting, "A")],
            &[stored("a", Kind::Meeting, "\"1\"", "A")],
            &changed("/cal/a.ics", "\"2\""),
            &none(),
        );
        assert_eq!(steps, vec![Step::Pull { uid: "a".into(), href: "/cal/a.ics".into() }]);
    }

    #[test]
    fn a_meeting_changed_on_both_sides_is_a_conflict() {
        let steps = plan(
            &[local("a", Kind::Meeting, "A2")],
            &[stored("a", Kind::Meeting, "\"1\"", "A")],
            &changed("/cal/a.ics", "\"2\""),
            &none(),
        );
        assert_eq!(steps, vec![Step::Conflict { uid: "a".into(), href: "/cal/a.ics".into(), deleted: false }]);
        let gone = plan(
            &[local("a", Kind::Meeting, "A2")],
            &[stored("a", Kind::Meeting, "\"1\"", "A")],
            &deleted("/cal/a.ics"),
            &none(),
        );
        assert_eq!(gone, vec![Step::Conflict { uid: "a".into(), href: "/cal/a.ics".into(), deleted: true }]);
    }

    #[test]
    fn a_meeting_deleted_on_the_server_is_deleted_here_unless_changed_here() {
        let steps = plan(
            &[local("a", Kind::Meeting, "A")],
            &[stored("a", Kind::Meeting, "\"1\"", "A")],
            &deleted("/cal/a.ics"),
            &none(),
        );
        assert_eq!(steps, vec![Step::PullDelete { uid: "a".into(), href: "/cal/a.ics".into() }]);
    }

    #[test]
    fn sessions_and_follow_ups_are_hallways_own_a_server_edit_is_overwritten_a_deletion_undone() {
        let steps = plan(
            &[local("s", Kind::Session, "S"), local("f", Kind::FollowUp, "F")],
            &[stored("s", Kind::Session, "\"1\"", "S"), stored("f", Kind::FollowUp, "\"1\"", "F")],
            &Remote {
                etags: [("/cal/s.ics".to_owned(), "\"9\"".to_owned())].into(),
                deleted: ["/cal/f.ics".to_owned()].into(),
            },
            &none(),
        );
        assert_eq!(
            steps,
            vec![
                Step::Create { uid: "f".into(), kind: Kind::FollowUp },
                Step::Update { uid: "s".into(), href: "/cal/s.ics".into(), etag: "\"9\"".into() },
            ]
        );
    }

    #[test]
    fn an_item_gone_from_the_plan_is_deleted_with_the_latest_etag_or_forgotten_if_gone_there_too() {
        let steps = plan(
            &[],
            &[
                stored("a", Kind::Meeting, "\"1\"", "A"),
                stored("b", Kind::Session, "\"1\"", "B"),
                stored("c", Kind::FollowUp, "\"1\"", "C"),
            ],
            &Remote {
                etags: [("/cal/b.ics".to_owned(), "\"5\"".to_owned())].into(),
                deleted: ["/cal/c.ics".to_owned()].into(),
            },
            &none(),
        );
        assert_eq!(
            steps,
            vec![
                Step::Delete { uid: "a".into(), href: "/cal/a.ics".into(), etag: "\"1\"".into() },
                Step::Delete { uid: "b".into(), href: "/cal/b.ics".into(), etag: "\"5\"".into() },
                Step::Forget { uid: "c".into() },
            ]
        );
    }

    #[test]
    fn an_open_conflict_is_left_alone_on_both_sides() {
        let conflicted: BTreeSet<String> = ["a".to_owned(), "b".to_owned()].into();
        let steps = plan(
            &[local("a", Kind::Meeting, "A2")],
            &[stored("a", Kind::Meeting, "\"1\"", "A"), stored("b", Kind::Meeting, "\"1\"", "B")],
            &changed("/cal/a.ics", "\"2\""),
            &conflicted,
        );
        assert_eq!(steps, vec![]);
    }

    #[test]
    fn what_comes_back_is_planned_before_what_goes_out() {
        let steps = plan(
            &[local("z", Kind::Meeting, "Z"), local("a", Kind::Meeting, "A")],
            &[stored("a", Kind::Meeting, "\"1\"", "A")],
            &changed("/cal/a.ics", "\"2\""),
            &none(),
        );
        assert_eq!(
            steps,
            vec![
                Step::Pull { uid: "a".into(), href: "/cal/a.ics".into() },
                Step::Create { uid: "z".into(), kind: Kind::Meeting },
            ]
        );
    }

    #[test]
    fn contacts_are_hallways_own_like_sessions() {
        let steps = plan(
            &[local("c", Kind::Contact, "C"), local("d", Kind::Contact, "D")],
            &[stored("c", Kind::Contact, "\"1\"", "C"), stored("d", Kind::Contact, "\"1\"", "D")],
            &Remote {
                etags: [("/cal/c.ics".to_owned(), "\"2\"".to_owned())].into(),
                deleted: ["/cal/d.ics".to_owned()].into(),
            },
            &none(),
        );
        assert_eq!(
            steps,
            vec![
                Step::Create { uid: "d".into(), kind: Kind::Contact },
                Step::Update { uid: "c".into(), href: "/cal/c.ics".into(), etag: "\"2\"".into() },
            ]
        );
    }

    #[test]
    fn kinds_read_back_from_their_words() {
        for kind in [Kind::Meeting, Kind::Session, Kind::FollowUp, Kind::Contact] {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Kind::parse("card"), None);
    }

    #[test]
    fn digests_differ_for_different_texts_and_match_for_the_same() {
        assert_eq!(digest("BEGIN:VEVENT"), digest("BEGIN:VEVENT"));
        assert_ne!(digest("SEQUENCE:1"), digest("SEQUENCE:2"));
        assert_eq!(digest("").len(), 16);
    }

    fn kind() -> impl Strategy<Value = Kind> {
        prop_oneof![Just(Kind::Meeting), Just(Kind::Session), Just(Kind::FollowUp), Just(Kind::Contact)]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// After carrying out every push step, planning again with nothing
        /// new on either side finds nothing to do: a sync converges.
        #[test]
        fn a_second_plan_after_pushing_is_empty(
            items in proptest::collection::btree_map("[a-e]", (kind(), 0u8..3, proptest::option::of((0u8..3, 0u8..3))), 0..5),
        ) {
            let local: Vec<Local> = items
                .iter()
                .filter(|(_, (_, text, _))| *text > 0)
                .map(|(uid, (kind, text, _))| Local { uid: uid.clone(), kind: *kind, hash: digest(&text.to_string()) })
                .collect();
            let stored: Vec<Stored> = items
                .iter()
                .filter_map(|(uid, (kind, _, saved))| saved.map(|(etag, text)| Stored {
                    uid: uid.clone(),
                    kind: *kind,
                    href: format!("/cal/{uid}.ics"),
                    etag: etag.to_string(),
                    pushed_hash: digest(&text.to_string()),
                }))
                .collect();
            let steps = plan(&local, &stored, &Remote::default(), &BTreeSet::new());
            // Carry the steps out as the engine would, on the stored picture.
            let mut after: BTreeMap<String, Stored> = stored.iter().map(|s| (s.uid.clone(), s.clone())).collect();
            for step in &steps {
                match step {
                    Step::Create { uid, .. } | Step::Update { uid, .. } => {
                        let item = local.iter().find(|l| &l.uid == uid).expect("pushed items are local");
                        after.insert(uid.clone(), Stored {
                            uid: uid.clone(),
                            kind: item.kind,
                            href: format!("/cal/{uid}.ics"),
                            etag: "new".into(),
                            pushed_hash: item.hash.clone(),
                        });
                    }
                    Step::Delete { uid, .. } | Step::Forget { uid } => {
                        after.remove(uid);
                    }
                    other => prop_assert!(false, "no pull without a server change: {other:?}"),
                }
            }
            let after: Vec<Stored> = after.into_values().collect();
            prop_assert_eq!(plan(&local, &after, &Remote::default(), &BTreeSet::new()), vec![]);
        }
    }
}
