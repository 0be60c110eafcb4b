//! The program as the webview reads it, by venue day: which sessions a day
//! holds (the congress's day, not UTC's or the computer's), what the filters
//! and the search leave, the counts on the day tabs and filter menus, the
//! agenda across days, the palette's rows and a session's page with its talks.

use hallway_core::congress::{self, CongressDraft};
use hallway_core::ids::CongressId;
use hallway_core::program::filter::NONE;
use hallway_core::program::import::import_bytes;
use hallway_core::program::{
    self, rows, Attendance, FacetCount, ProgramFilter, SessionKind, SessionRow, RANKED_AT_MOST,
};
use hallway_core::{CoreError, Store};
use std::sync::atomic::AtomicBool;

/// ASH in New York (EST, UTC-5): a Friday satellite before the congress days,
/// a late reception at 23:30 (04:30 UTC the next day), an oral session with
/// two talks, a poster session with posters, and a Sunday education session.
const PROGRAM: &str = "Title,Session,Start,End,Room,Track,Session Type,Speakers\n\
    Satellite: BTK inhibitors,,2026-12-04 18:00,19:00,Hall C,CLL,Satellite,\n\
    Menin inhibitors in NPM1 AML,,2026-12-05 08:30,10:00,Room 6A,AML,Oral,Ana Sánchez\n\
    CAR-T after BCMA bispecifics,,2026-12-05 09:00,10:30,Hall B,Myeloma,Oral,Wei Zhang\n\
    Oral 101: Myeloma,Oral 101: Myeloma,2026-12-05 14:00,15:30,Hall A,Myeloma,Oral,\n\
    653 Quadruplet induction,Oral 101: Myeloma,2026-12-05 14:00,14:15,Hall A,Myeloma,Oral,Ana Sánchez\n\
    654 MRD after transplant,Oral 101: Myeloma,2026-12-05 14:15,14:30,Hall A,Myeloma,Oral,\n\
    Posters: CAR-T toxicity,,2026-12-05 17:30,19:30,Poster Hall,Cellular therapy,Poster,\n\
    Late reception,,2026-12-05 23:30,2026-12-06 00:30,,,Social,\n\
    Education: MDS for the generalist,,2026-12-06 07:00,08:00,Room 6A,MDS,Education,\n";

/// ASH 2026 in New York, from `starts_on` to 6 December, with `csv` imported as its program.
async fn congress_with(csv: &str, starts_on: &str) -> (tempfile::TempDir, Store, CongressId, CongressDraft) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = CongressDraft {
        name: "ASH 2026".into(),
        starts_on: starts_on.into(),
        ends_on: "2026-12-06".into(),
        time_zone: "America/New_York".into(),
        ..Default::default()
    };
    let c = congress::create(&store, &draft).await.unwrap().id;
    import_bytes(&store, c, "program.csv", csv.as_bytes().to_vec(), &|_| {}, &AtomicBool::new(false)).await.unwrap();
    (dir, store, c, draft)
}

async fn setup() -> (tempfile::TempDir, Store, CongressId) {
    let (dir, store, c, draft) = congress_with(PROGRAM, "2026-12-04").await;
    // The satellite's day is then no longer a congress day (an import leaves such items out).
    congress::update(&store, c, &CongressDraft { starts_on: "2026-12-05".into(), ..draft }).await.unwrap();
    (dir, store, c)
}

fn titles(rows: &[SessionRow]) -> Vec<&str> {
    rows.iter().map(|r| r.title.as_str()).collect()
}

fn search(typed: &str) -> ProgramFilter {
    ProgramFilter { search: Some(typed.into()), ..Default::default() }
}

async fn id_of(store: &Store, c: CongressId, title: &str) -> hallway_core::ids::SessionId {
    program::list(store, c).await.unwrap().into_iter().find(|s| s.title == title).unwrap().id
}

#[tokio::test]
async fn a_day_is_the_venue_day_and_lists_sessions_of_their_own_in_program_order() {
    let (_dir, store, c) = setup().await;
    let sat = rows::day(&store, c, "2026-12-05", &ProgramFilter::default()).await.unwrap();
    assert_eq!(
        titles(&sat),
        [
            "Menin inhibitors in NPM1 AML",
            "CAR-T after BCMA bispecifics",
            "Oral 101: Myeloma",
            "Posters: CAR-T toxicity",
            "Late reception"
        ],
        "talks open inside their session; the 23:30 reception is Saturday's though it is Sunday in UTC"
    );
    let late = sat.last().unwrap();
    assert_eq!(late.starts_at.to_rfc3339(), "2026-12-05T23:30:00-05:00");
    assert_eq!(late.starts_at.naive_utc().date().to_string(), "2026-12-06");

    let oral = sat.iter().find(|r| r.title == "Oral 101: Myeloma").unwrap();
    assert_eq!((oral.talks, oral.part_of.as_deref()), (2, None));
    let menin = &sat[0];
    assert_eq!(
        (menin.speakers.as_str(), menin.room.as_deref(), menin.kind),
        ("Ana Sánchez", Some("Room 6A"), SessionKind::Oral)
    );

    let sun = rows::day(&store, c, "2026-12-06", &ProgramFilter::default()).await.unwrap();
    assert_eq!(titles(&sun), ["Education: MDS for the generalist"]);
    let fri = rows::day(&store, c, "2026-12-04", &ProgramFilter::default()).await.unwrap();
    assert_eq!(titles(&fri), ["Satellite: BTK inhibitors"]);
    assert!(rows::day(&store, c, "2026-12-09", &ProgramFilter::default()).await.unwrap().is_empty());
}

#[tokio::test]
async fn filters_narrow_a_day_and_a_search_brings_matching_talks_best_first() {
    let (_dir, store, c) = setup().await;
    let day = |f: ProgramFilter| {
        let store = store.clone();
        async move { titles(&rows::day(&store, c, "2026-12-05", &f).await.unwrap()).join(" | ") }
    };
    let myeloma = ProgramFilter { track: Some("Myeloma".into()), ..Default::default() };
    assert_eq!(day(myeloma).await, "CAR-T after BCMA bispecifics | Oral 101: Myeloma");
    let posters = ProgramFilter { kind: Some(SessionKind::Poster), ..Default::default() };
    assert_eq!(day(posters).await, "Posters: CAR-T toxicity");
    let no_room = ProgramFilter { room: Some(NONE.into()), ..Default::default() };
    assert_eq!(day(no_room).await, "Late reception");
    let none = ProgramFilter { room: Some("Room 6A".into()), kind: Some(SessionKind::Poster), ..Default::default() };
    assert_eq!(day(none).await, "");

    // A talk matches on its own and says which session it is in.
    let found = rows::day(&store, c, "2026-12-05", &search("mrd")).await.unwrap();
    assert_eq!(titles(&found), ["654 MRD after transplant"]);
    assert_eq!(found[0].part_of.as_deref(), Some("Oral 101: Myeloma"));
    // The search's order (program::search), kept within the day.
    let ranked = program::search(&store, c, "car-t", 2000).await.unwrap();
    let listed: Vec<_> =
        rows::day(&store, c, "2026-12-05", &search("car-t")).await.unwrap().iter().map(|r| r.id).collect();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed, ranked.iter().copied().filter(|id| listed.contains(id)).collect::<Vec<_>>());
    // Typed, but nothing to search by: nothing matches (rather than everything).
    assert!(rows::day(&store, c, "2026-12-05", &search("++")).await.unwrap().is_empty());
}

/// Up to `RANKED_AT_MOST` matches a search puts the best first; one more and
/// they come in time order (ranking them all would cost more than it tells),
/// and the search and the overview say which, for the list to say so.
#[tokio::test]
async fn a_search_ranks_up_to_its_limit_and_past_it_lists_in_time_order() {
    for matches in [RANKED_AT_MOST, RANKED_AT_MOST + 1] {
        // Sessions a minute apart that mention sickle cell once in a long title,
        // then, last in time, the best match: the words and little else.
        let mut csv = String::from("Title,Start,End,Room\n");
        for i in 0..matches - 1 {
            let (h, m) = (7 + i / 60, i % 60);
            csv += &format!(
                "Session {i}: outcomes of a multicenter cohort with sickle cell disease and long follow-up,\
                 2026-12-05 {h:02}:{m:02},2026-12-05 {h:02}:{m:02},Hall A\n"
            );
        }
        csv += "Sickle cell,2026-12-06 09:00,2026-12-06 10:00,Hall B\n";
        let (_dir, store, c, _) = congress_with(&csv, "2026-12-05").await;

        let found = program::search(&store, c, "sickle cell", 2000).await.unwrap();
        assert_eq!(found.len() as i64, matches);
        let best = id_of(&store, c, "Sickle cell").await;
        let said = program::search_matches(&store, c, "sickle cell", 2000).await.unwrap();
        assert_eq!(said.ids, found);
        assert_eq!(said.best_first, matches <= RANKED_AT_MOST, "{matches} matches");
        let o = program::overview(&store, c, Some("2026-12-05"), &search("sickle cell")).await.unwrap();
        assert_eq!(o.best_first, matches <= RANKED_AT_MOST, "the overview of {matches} matches");
        if matches <= RANKED_AT_MOST {
            assert_eq!(found[0], best, "{matches} matches are ranked, best first");
        } else {
            let in_time_order: Vec<_> = program::list(&store, c).await.unwrap().iter().map(|s| s.id).collect();
            assert_eq!(found, in_time_order, "{matches} matches come in time order");
            assert_eq!(found.last(), Some(&best));
        }
    }
}

#[tokio::test]
async fn the_overview_counts_days_and_filter_options_under_the_search_and_filters() {
    let (_dir, store, c) = setup().await;
    let o = program::overview(&store, c, Some("2026-12-05"), &ProgramFilter::default()).await.unwrap();
    assert_eq!(o.sessions, 9);
    let days: Vec<(&str, u32, u32)> = o.days.iter().map(|d| (d.day.as_str(), d.sessions, d.rooms)).collect();
    assert_eq!(
        days,
        [("2026-12-04", 1, 1), ("2026-12-05", 5, 5), ("2026-12-06", 1, 1)],
        "the satellite's day joins the congress days; talks count as rooms but not as sessions"
    );
    let opt = |v: &str, n: u32| FacetCount { value: v.into(), count: n };
    assert_eq!(o.kinds, [opt("oral", 3), opt("poster", 1), opt("social", 1)]);
    assert_eq!(o.rooms, [opt("Hall A", 1), opt("Hall B", 1), opt("Poster Hall", 1), opt("Room 6A", 1), opt(NONE, 1)]);

    // Each menu counts under the other filters and keeps its own choice offered.
    let f = ProgramFilter { kind: Some(SessionKind::Oral), room: Some("Poster Hall".into()), ..Default::default() };
    let o = program::overview(&store, c, Some("2026-12-05"), &f).await.unwrap();
    assert_eq!(o.kinds, [opt("oral", 0), opt("poster", 1)]);
    assert_eq!(o.rooms, [opt("Hall A", 1), opt("Hall B", 1), opt("Poster Hall", 0), opt("Room 6A", 1)]);
    assert_eq!(o.tracks, Vec::<FacetCount>::new(), "nothing is an oral in the Poster Hall");
    let per_day: Vec<u32> = o.days.iter().map(|d| d.sessions).collect();
    assert_eq!(per_day, [0, 0, 0]);

    // With a search, matching talks count too, on every day.
    let o = program::overview(&store, c, Some("2026-12-05"), &search("myeloma")).await.unwrap();
    let per_day: Vec<u32> = o.days.iter().map(|d| d.sessions).collect();
    let expected = program::search(&store, c, "myeloma", 2000).await.unwrap().len() as u32;
    assert_eq!(per_day.iter().sum::<u32>(), expected);
    assert!(per_day[1] >= 3, "the oral session and its talks: {per_day:?}");
    let no_day = program::overview(&store, c, None, &ProgramFilter::default()).await.unwrap();
    assert_eq!(no_day.kinds.iter().map(|k| k.count).sum::<u32>(), 7);
}

#[tokio::test]
async fn the_agenda_gathers_marks_across_days_and_follows_a_search() {
    let (_dir, store, c) = setup().await;
    for (title, mark) in [
        ("Education: MDS for the generalist", Attendance::Maybe),
        ("654 MRD after transplant", Attendance::Attending),
        ("Satellite: BTK inhibitors", Attendance::Attending),
    ] {
        program::set_attendance(&store, id_of(&store, c, title).await, Some(mark)).await.unwrap();
    }
    let agenda = rows::agenda(&store, c, None).await.unwrap();
    assert_eq!(
        titles(&agenda),
        ["Satellite: BTK inhibitors", "654 MRD after transplant", "Education: MDS for the generalist"]
    );
    assert_eq!(agenda[2].attendance, Some(Attendance::Maybe));
    assert_eq!(agenda[1].part_of.as_deref(), Some("Oral 101: Myeloma"));
    assert_eq!(titles(&rows::agenda(&store, c, Some("mds")).await.unwrap()), ["Education: MDS for the generalist"]);
    assert!(rows::agenda(&store, c, Some("--")).await.unwrap().is_empty());
    assert_eq!(rows::agenda(&store, c, Some("  ")).await.unwrap().len(), 3, "blank is no search");
}

#[tokio::test]
async fn the_palette_and_the_detail_get_rows_from_any_day() {
    let (_dir, store, c) = setup().await;
    let found = rows::search_rows(&store, c, "education", 5).await.unwrap();
    assert_eq!(titles(&found), ["Education: MDS for the generalist"]);

    let oral = id_of(&store, c, "Oral 101: Myeloma").await;
    let page = rows::page(&store, oral).await.unwrap();
    assert_eq!(page.session.title, "Oral 101: Myeloma");
    assert_eq!(titles(&page.talks), ["653 Quadruplet induction", "654 MRD after transplant"]);
    let talk = rows::page(&store, page.talks[0].id).await.unwrap();
    assert_eq!((talk.session.parent_id, talk.session.part_of.as_deref()), (Some(oral), Some("Oral 101: Myeloma")));
    assert_eq!(talk.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Ana Sánchez"]);
    assert!(talk.talks.is_empty());

    let marked = rows::row(&store, oral).await.unwrap();
    assert_eq!(marked.talks, 2);
}

#[tokio::test]
async fn bad_input_is_a_typed_error() {
    let (_dir, store, c) = setup().await;
    for day in ["", "5 Dec", "2026-13-01"] {
        let err = rows::day(&store, c, day, &ProgramFilter::default()).await.unwrap_err();
        assert!(matches!(err, CoreError::Invalid(_)), "{day}: {err:?}");
    }
    let err = program::overview(&store, c, Some("tomorrow"), &ProgramFilter::default()).await.unwrap_err();
    assert!(matches!(err, CoreError::Invalid(_)));
    let missing = CongressId(c.0 + 100);
    assert!(matches!(
        rows::day(&store, missing, "2026-12-05", &ProgramFilter::default()).await,
        Err(CoreError::NotFound { .. })
    ));
    assert!(matches!(
        program::overview(&store, missing, None, &ProgramFilter::default()).await,
        Err(CoreError::NotFound { .. })
    ));
    assert!(matches!(rows::page(&store, hallway_core::ids::SessionId(99_999)).await, Err(CoreError::NotFound { .. })));
    assert!(rows::by_ids(&store, c, &[hallway_core::ids::SessionId(99_999)]).await.unwrap().is_empty());
}
