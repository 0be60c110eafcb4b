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
    assert!(stderr.contains("ends_on") && stderr.contains("ends before it starts"), "{stderr}");
    assert!(stderr.contains("time_zone") && stderr.contains("Pacific/Atlantis"), "{stderr}");
    assert_eq!(json(&run(&db, &["stats", "--json"]))["congresses"], 0);

    let missing = run(&db, &["congress", "delete", "EHA 2099"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no congress matches"));
}
