//! The CLI contract that automated checks rely on: JSON shapes, exit codes,
//! and errors on stderr. Runs the real binary on a temporary database.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hallway-cli")).arg("--db").arg(db).args(args).output().expect("run hallway-cli")
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("one JSON value on stdout")
}

const ASH: &[&str] = &[
    "congress",
    "add",
    "--name",
    "ASH 2026",
    "--short-name",
    "ASH26",
    "--series",
    "ash",
    "--starts",
    "2026-12-05",
    "--ends",
    "2026-12-08",
    "--time-zone",
    "America/Los_Angeles",
];

#[test]
fn add_list_stats_delete() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");

    let created = json(&run(&db, ASH));
    assert!(created["id"].as_i64().unwrap() > 0);
    assert_eq!(created["name"], "ASH 2026");
    assert_eq!(created["series"], "ash");
    assert_eq!(created["starts_on"], "2026-12-05");

    let list = json(&run(&db, &["congress", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["short_name"], "ASH26");

    let stats = json(&run(&db, &["stats", "--json"]));
    for table in ["congresses", "sessions", "people", "targets", "meetings", "goals", "pitches", "follow_ups"] {
        assert!(stats[table].is_u64(), "stats lacks {table}: {stats}");
    }
    assert_eq!(stats["congresses"], 1);

    // Any reference works: short name, any case.
    let deleted = run(&db, &["congress", "delete", "ash26"]);
    assert!(deleted.status.success());
    assert_eq!(json(&run(&db, &["stats", "--json"]))["congresses"], 0);
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    let mut bad: Vec<&str> = ASH.to_vec();
    let ends = bad.iter().position(|a| *a == "2026-12-08").unwrap();
    bad[ends] = "2026-11-30";
    let tz = bad.iter().position(|a| *a == "America/Los_Angeles").unwrap();
    bad[tz] = "Pacific/Atlantis";

    let output = run(&db, &bad);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Fields are named as the form labels them, never by their internal names.
    assert!(stderr.contains("End date: ") && stderr.contains("ends before it starts"), "{stderr}");
    assert!(stderr.contains("Time zone: ") && stderr.contains("Pacific/Atlantis"), "{stderr}");
    assert!(!stderr.contains("ends_on") && !stderr.contains("time_zone"), "{stderr}");
    assert_eq!(json(&run(&db, &["stats", "--json"]))["congresses"], 0);

    let missing = run(&db, &["congress", "delete", "EHA 2099"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no congress matches"));
}

#[test]
fn program_sample_list_attend_and_a_refused_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    json(&run(&db, ASH));

    let report = json(&run(&db, &["program", "sample", "--congress", "ASH26"]));
    assert_eq!(report["format"], "sample");
    let added = report["added"].as_u64().unwrap();
    assert!(added > 40);

    let list = json(&run(&db, &["program", "list", "--congress", "ASH 2026", "--json"]));
    let sessions = list.as_array().unwrap();
    assert_eq!(sessions.len() as u64, added);
    let first = &sessions[0];
    for field in ["key", "title", "starts_at", "ends_at", "room", "kind", "speakers", "parent", "board"] {
        assert!(first.get(field).is_some(), "missing {field} in {first}");
    }
    // RFC 3339 with the venue offset (Los Angeles in December: -08:00).
    let starts = first["starts_at"].as_str().unwrap();
    assert!(starts.starts_with("2026-12-05T07:00:00") && starts.ends_with("-08:00"), "{starts}");

    let key = first["key"].as_str().unwrap();
    let marked = json(&run(&db, &["program", "attend", "--congress", "ASH26", key]));
    assert_eq!(marked["attendance"], "attending");

    // A picture named .ics: refused, named for what it is, and nothing written.
    let junk = dir.path().join("photo.ics");
    std::fs::write(&junk, [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe]).unwrap();
    let refused = run(&db, &["program", "import", "--congress", "ASH26", junk.to_str().unwrap()]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("photo.ics") && stderr.contains("an image (PNG), not a program"), "{stderr}");
    let after = json(&run(&db, &["program", "list", "--congress", "ASH26", "--json"]));
    assert_eq!(after.as_array().unwrap().len() as u64, added);
}

#[test]
fn people_search_and_targets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    json(&run(&db, ASH));
    let added = json(&run(
        &db,
        &[
            "people",
            "add",
            "--name",
            "Ana Sánchez",
            "--email",
            "ana@usal.es",
            "--institution",
            "Universidad de Salamanca",
        ],
    ));
    assert_eq!(added["display_name"], "Ana Sánchez");

    let found = json(&run(&db, &["people", "search", "sanchez", "--json"]));
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["name"], "Ana Sánchez");
    assert_eq!(found[0]["institution"], "Universidad de Salamanca");
    assert_eq!(found[0]["email"], "ana@usal.es");

    let target = json(&run(
        &db,
        &["target", "set", "--congress", "ASH26", "ana@usal.es", "--priority", "must", "--why", "mentor"],
    ));
    assert_eq!(target["priority"], "must");
    assert_eq!(target["status"], "idea");
    let bad = run(&db, &["target", "set", "--congress", "ASH26", "Ana Sánchez", "--priority", "urgent"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("urgent"));
}

#[test]
fn export_ics_meeting_and_vcard_print_what_they_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    json(&run(&db, ASH));
    json(&run(&db, &["program", "sample", "--congress", "ASH26"]));
    json(&run(&db, &["people", "add", "--name", "Ingrid Lindqvist", "--email", "ana@usal.es"]));
    let meeting = json(&run(
        &db,
        &[
            "meeting",
            "add",
            "--congress",
            "ASH26",
            "--with",
            "ana@usal.es",
            "--start",
            "2026-12-06T10:30:00-08:00",
            "--title",
            "Coffee; plans, data",
        ],
    ));
    let sessions = json(&run(&db, &["program", "list", "--congress", "ASH26", "--json"]));
    let key = sessions[0]["key"].as_str().unwrap();
    assert!(run(&db, &["program", "attend", "--congress", "ASH26", key]).status.success());

    let ics = dir.path().join("plan.ics");
    let path = ics.to_str().unwrap();
    let written = json(&run(&db, &["export", "ics", "--congress", "ASH26", "--sessions", "--alarm", "10", "-o", path]));
    assert_eq!(written, serde_json::json!({ "path": path, "events": 2 }));
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.contains("SUMMARY:Coffee\\; plans\\, data\r\n"));
    assert!(text.contains("DTSTART:20261206T183000Z\r\n"));
    assert!(text.contains("TRIGGER:-PT10M\r\n"));

    let meeting_path = dir.path().join("coffee.ics");
    let id = meeting["id"].to_string();
    let single = json(&run(&db, &["export", "meeting", &id, "-o", meeting_path.to_str().unwrap()]));
    assert_eq!(single["events"], 1);
    let uid = meeting["uid"].as_str().unwrap();
    assert!(std::fs::read_to_string(&meeting_path).unwrap().contains(&format!("UID:{uid}\r\n")));

    let card_path = dir.path().join("ana.vcf");
    let card = json(&run(&db, &["export", "vcard", "Ingrid Lindqvist", "-o", card_path.to_str().unwrap()]));
    assert_eq!(card["cards"], 1);
    assert!(std::fs::read_to_string(&card_path).unwrap().contains("FN:Ingrid Lindqvist\r\n"));

    let missing = run(&db, &["export", "vcard", "Nobody", "-o", card_path.to_str().unwrap()]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Nobody"));
    let nothing = run(&db, &["export", "ics", "--congress", "ASH26", "--no-meetings", "-o", path]);
    assert!(!nothing.status.success(), "an empty calendar is refused");
    assert!(String::from_utf8_lossy(&nothing.stderr).contains("Nothing to export"));
}

#[test]
fn program_list_carries_each_items_session_and_board() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    assert!(run(
        &db,
        &[
            "congress",
            "add",
            "--name",
            "ASH 2026",
            "--short-name",
            "ASH26",
            "--starts",
            "2026-12-05",
            "--ends",
            "2026-12-08",
            "--time-zone",
            "America/New_York"
        ]
    )
    .status
    .success());
    let ics = dir.path().join("nested.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n\
         BEGIN:VEVENT\r\nUID:oral-1\r\nDTSTART:20261206T140000Z\r\nDTEND:20261206T153000Z\r\nSUMMARY:Oral 101\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:talk-1\r\nDTSTART:20261206T140000Z\r\nDTEND:20261206T141500Z\r\nSUMMARY:Talk 653\r\n\
         RELATED-TO:oral-1\r\nX-POSTER-BOARD:I-123\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    assert!(run(&db, &["program", "import", "--congress", "ASH26", ics.to_str().unwrap()]).status.success());
    let list = json(&run(&db, &["program", "list", "--congress", "ASH26", "--json"]));
    let by_title = |t: &str| list.as_array().unwrap().iter().find(|s| s["title"] == t).unwrap().clone();
    let (oral, talk) = (by_title("Oral 101"), by_title("Talk 653"));
    assert_eq!((oral["parent"].clone(), oral["board"].clone()), (Value::Null, Value::Null));
    assert_eq!(talk["parent"], oral["key"]);
    assert_eq!(talk["board"], "I-123");
}

#[test]
fn program_nesting_is_inferred_where_the_file_links_nothing_and_switches_off_and_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    json(&run(&db, ASH));
    let event = |uid: &str, from: &str, to: &str, title: &str, room: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:20261206T{from}00Z\r\nDTEND:20261206T{to}00Z\r\nSUMMARY:{title}\r\n\
             LOCATION:{room}\r\nEND:VEVENT\r\n"
        )
    };
    let ics = dir.path().join("flat.ics");
    std::fs::write(
        &ics,
        [
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n".to_owned(),
            event("oral-1", "1400", "1530", "Oral 101", "Hall A"),
            event("talk-1", "1400", "1415", "Talk 653", "Hall A"),
            event("talk-2", "1415", "1430", "Talk 654", "Hall A"),
            event("talk-3", "1400", "1415", "Talk in Hall B", "Hall B"),
            "END:VCALENDAR\r\n".to_owned(),
        ]
        .concat(),
    )
    .unwrap();
    let report = json(&run(&db, &["program", "import", "--congress", "ASH26", ics.to_str().unwrap()]));
    assert_eq!(report["inferred_parents"], 2, "{report}");
    let note = "Placed 2 talks inside the session around them in the same room (the file does not link them). \
                You can switch this off.";
    assert!(report["notes"].as_array().unwrap().iter().any(|n| n == note), "{report}");

    let parents = || {
        let list = json(&run(&db, &["program", "list", "--congress", "ASH26", "--json"]));
        let mut out: Vec<(String, Value, Value)> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["title"].as_str().unwrap().to_owned(), s["parent"].clone(), s["parent_inferred"].clone()))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    };
    let oral_key = || {
        let list = json(&run(&db, &["program", "list", "--congress", "ASH26", "--json"]));
        list.as_array().unwrap().iter().find(|s| s["title"] == "Oral 101").unwrap()["key"].clone()
    };
    let nested = |key: &Value| {
        vec![
            ("Oral 101".to_owned(), Value::Null, Value::Bool(false)),
            ("Talk 653".to_owned(), key.clone(), Value::Bool(!key.is_null())),
            ("Talk 654".to_owned(), key.clone(), Value::Bool(!key.is_null())),
            ("Talk in Hall B".to_owned(), Value::Null, Value::Bool(false)),
        ]
    };
    let oral = oral_key();
    assert_eq!(parents(), nested(&oral));

    let state = json(&run(&db, &["program", "nesting", "--congress", "ASH26", "--json"]));
    assert_eq!(state, serde_json::json!({"infer": true, "inferred": 2, "linked": 0}));
    let off = json(&run(&db, &["program", "nesting", "--congress", "ASH26", "--infer", "off", "--json"]));
    assert_eq!(off, serde_json::json!({"infer": false, "inferred": 0, "linked": 0}));
    assert_eq!(parents(), nested(&Value::Null));
    let on = json(&run(&db, &["program", "nesting", "--congress", "ASH26", "--infer", "on", "--json"]));
    assert_eq!(on, serde_json::json!({"infer": true, "inferred": 2, "linked": 0}));
    assert_eq!(parents(), nested(&oral));

    let wrong = run(&db, &["program", "nesting", "--congress", "ASH26", "--infer", "maybe"]);
    assert!(!wrong.status.success());
}

/// `hallway-cli … | head`: the reader goes away after a few lines, and the
/// command ends quietly, as other command-line tools do (issue 19), rather
/// than with a panic message about a broken pipe.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    let ics = dir.path().join("program.ics");
    let file = ics.to_str().unwrap();
    let made = run(&db, &["generate", "--sessions", "100", "--abstracts", "900", "--links", "2000", "--output", file]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    json(&run(&db, ASH));
    json(&run(&db, &["program", "import", "--congress", "ASH26", file]));
    // Far more than a pipe holds (64 KiB), so the command is still writing when the reader leaves.
    let mut child = Command::new(env!("CARGO_BIN_EXE_hallway-cli"))
        .arg("--db")
        .arg(&db)
        .args(["program", "list", "--congress", "ASH26", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "nothing on stderr, got: {stderr}");
    assert!(
        out.status.success() || out.status.signal() == Some(libc_sigpipe()),
        "ends by the pipe's signal or on its own: {:?}",
        out.status
    );
}

#[cfg(unix)]
fn libc_sigpipe() -> i32 {
    13 // SIGPIPE on Linux and the BSDs
}
