//! The between-congresses commands as automated checks drive them: `person
//! cadence`, `interaction add`, `checkins --due`, `intro add|done`, `intros
//! --owed`, `reconnect`, with their JSON field names, refusals (non-zero
//! exit, the field and value named on stderr, nothing written) and dates
//! that no time zone of the laptop moves. Runs the real binary.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn run_in(db: &Path, zone: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hallway-cli"))
        .env("TZ", zone)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run hallway-cli")
}

fn run(db: &Path, args: &[&str]) -> Output {
    run_in(db, "UTC", args)
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("one JSON value on stdout")
}

/// A refusal: non-zero exit, nothing on stdout, stderr returned.
fn refused(output: &Output) -> String {
    assert!(!output.status.success(), "stdout: {}", String::from_utf8_lossy(&output.stdout));
    assert!(output.stdout.is_empty());
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    for args in [
        &[
            "congress",
            "add",
            "--name",
            "EHA 2025",
            "--starts",
            "2025-06-12",
            "--ends",
            "2025-06-15",
            "--time-zone",
            "Europe/Madrid",
        ][..],
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
            "America/New_York",
        ],
        &["people", "add", "--name", "Ana Sánchez", "--email", "ana@usal.es"],
        &["people", "add", "--name", "Kari Ødegård"],
        &["people", "add", "--name", "Li Wei"],
    ] {
        json(&run(&db, args));
    }
    (dir, db)
}

#[test]
fn person_cadence_takes_days_weeks_months_and_off() {
    let (_dir, db) = setup();
    let set = json(&run(&db, &["person", "cadence", "ana@usal.es", "--every", "90d", "--on", "2026-01-01"]));
    assert_eq!(
        (set["id"].as_i64(), set["name"].as_str(), set["every"].as_str()),
        (Some(1), Some("Ana Sánchez"), Some("90d"))
    );
    assert_eq!(set["cadence"]["every"], 90);
    assert_eq!(set["cadence"]["unit"], "day");
    assert_eq!(set["due_on"], "2026-04-01", "no contact yet: 90 days from the day it was set");
    for (every, unit) in [("12w", "week"), ("3m", "month")] {
        let set = json(&run(&db, &["person", "cadence", "Ana Sánchez", "--every", every]));
        assert_eq!((set["every"].as_str(), set["cadence"]["unit"].as_str()), (Some(every), Some(unit)));
    }
    let off = json(&run(&db, &["person", "cadence", "1", "--every", "off"]));
    assert_eq!((off["every"].as_str(), &off["cadence"], &off["due_on"]), (Some("off"), &Value::Null, &Value::Null));

    let stderr = refused(&run(&db, &["person", "cadence", "1", "--every", "soon"]));
    assert!(stderr.contains("Every: “soon” is not a cadence"), "{stderr}");
    let stderr = refused(&run(&db, &["person", "cadence", "Nobody Known", "--every", "3m"]));
    assert!(stderr.contains("no person matches “Nobody Known”"), "{stderr}");

    // A tag's cadence applies to the tagged, but a person's own wins.
    let groups = json(&run(&db, &["cadence", "--tag", "mentor", "--every", "6m", "--on", "2026-01-01"]));
    assert_eq!(groups[0]["group"]["tag"], "mentor");
}

#[test]
fn interactions_reset_check_ins_most_overdue_first_and_the_future_is_refused() {
    let (_dir, db) = setup();
    json(&run(&db, &["person", "cadence", "Ana Sánchez", "--every", "3m", "--on", "2026-01-31"]));
    json(&run(&db, &["person", "cadence", "Kari Ødegård", "--every", "30d", "--on", "2026-01-01"]));
    json(&run(&db, &["person", "cadence", "Li Wei", "--every", "1m", "--on", "2026-01-01"]));

    let logged = json(&run(
        &db,
        &["interaction", "add", "Li Wei", "--kind", "call", "--on", "2026-04-20", "--note", "Trial update"],
    ));
    assert!(logged["id"].as_i64().unwrap() > 0);
    assert_eq!((logged["kind"].as_str(), logged["on_day"].as_str()), (Some("call"), Some("2026-04-20")));
    assert_eq!(logged["note"], "Trial update");
    let at_eha = json(&run(
        &db,
        &["interaction", "add", "ana@usal.es", "--kind", "met", "--on", "2025-06-13", "--congress", "EHA 2025"],
    ));
    assert_eq!(at_eha["congress_name"], "EHA 2025");

    let due = json(&run(&db, &["checkins", "--due", "--on", "2026-05-05", "--json"]));
    let rows = due.as_array().unwrap();
    let names: Vec<_> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ana Sánchez", "Kari Ødegård"], "most overdue first; Li Wei is not due");
    // Ana's last contact (EHA 2025) starts her clock, not the day it was set.
    assert_eq!(rows[0]["id"], 1);
    assert_eq!(
        (rows[0]["last_contact"].as_str(), rows[0]["due_on"].as_str()),
        (Some("2025-06-13"), Some("2025-09-13"))
    );
    // Kari, never contacted: 30 days from the day it was set.
    assert_eq!(rows[1]["id"], 2);
    assert_eq!(
        (&rows[1]["last_contact"], rows[1]["due_on"].as_str(), rows[1]["overdue_days"].as_i64()),
        (&Value::Null, Some("2026-01-31"), Some(94))
    );

    // Logging the contact resets it.
    json(&run(&db, &["interaction", "add", "2", "--kind", "video", "--on", "2026-05-05"]));
    let due = json(&run(&db, &["checkins", "--due", "--on", "2026-05-05", "--json"]));
    assert_eq!(due.as_array().unwrap().len(), 1);

    // The future, a bad kind, a bad date: refused, named, nothing written.
    let before = json(&run(&db, &["interaction", "list", "Li Wei"])).as_array().unwrap().len();
    let stderr = refused(&run(&db, &["interaction", "add", "Li Wei", "--kind", "email", "--on", "2099-01-01"]));
    assert!(stderr.contains("Date: 2099-01-01 is in the future"), "{stderr}");
    let stderr = refused(&run(&db, &["interaction", "add", "Li Wei", "--kind", "fax", "--on", "2026-01-01"]));
    assert!(stderr.contains("Kind: “fax”"), "{stderr}");
    let stderr = refused(&run(&db, &["interaction", "add", "Li Wei", "--kind", "email", "--on", "2026-02-30"]));
    assert!(stderr.contains("Date: “2026-02-30” is not a date"), "{stderr}");
    assert_eq!(json(&run(&db, &["interaction", "list", "Li Wei"])).as_array().unwrap().len(), before);
}

#[test]
fn a_day_stays_the_day_wherever_the_laptop_is() {
    let (_dir, db) = setup();
    json(&run(&db, &["person", "cadence", "Li Wei", "--every", "1m", "--on", "2026-06-01"]));
    // The earliest and the latest zones on Earth, and one in between.
    for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Madrid"] {
        let logged = json(&run_in(&db, zone, &["interaction", "add", "Li Wei", "--kind", "met", "--on", "2026-06-05"]));
        assert_eq!(logged["on_day"], "2026-06-05", "{zone}");
    }
    for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago"] {
        let due = json(&run_in(&db, zone, &["checkins", "--due", "--on", "2026-07-05", "--json"]));
        assert_eq!(
            (due[0]["last_contact"].as_str(), due[0]["due_on"].as_str()),
            (Some("2026-06-05"), Some("2026-07-05")),
            "{zone}"
        );
    }
}

#[test]
fn introductions_owed_made_and_listed() {
    let (_dir, db) = setup();
    let owed = json(&run(
        &db,
        &["intro", "add", "--introduce", "Ana Sánchez", "--to", "Kari Ødegård", "--note", "CAR-T manufacturing"],
    ));
    let id = owed["id"].as_i64().unwrap();
    assert_eq!(
        (owed["status"].as_str(), owed["person"]["id"].as_i64(), owed["to"]["id"].as_i64()),
        (Some("owed"), Some(1), Some(2))
    );
    let made = json(&run(&db, &["intro", "add", "--introduce", "3", "--to", "ana@usal.es", "--status", "made"]));
    assert_eq!(made["status"], "made");

    let list = json(&run(&db, &["intros", "--owed", "--json"]));
    assert_eq!(list.as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect::<Vec<_>>(), [id]);
    assert_eq!(list[0]["note"], "CAR-T manufacturing");

    let stderr = refused(&run(&db, &["intro", "add", "--introduce", "1", "--to", "2", "--status", "maybe"]));
    assert!(stderr.contains("Status: “maybe”"), "{stderr}");
    let stderr = refused(&run(&db, &["intro", "add", "--introduce", "1", "--to", "Ana Sánchez"]));
    assert!(stderr.contains("Introduce to: Choose someone other than the person introduced."), "{stderr}");

    let done = json(&run(&db, &["intro", "done", &id.to_string()]));
    assert_eq!(done["status"], "made");
    assert!(json(&run(&db, &["intros", "--owed", "--json"])).as_array().unwrap().is_empty());
    let stderr = refused(&run(&db, &["intro", "done", "999"]));
    assert!(stderr.contains("no introduction matches 999"), "{stderr}");
    let theirs = json(&run(&db, &["intros", "--person", "Ana Sánchez", "--json"]));
    assert_eq!(theirs.as_array().unwrap().len(), 2, "both ways");
}

#[test]
fn reconnect_lists_program_people_met_at_earlier_congresses() {
    let (_dir, db) = setup();
    json(&run(&db, &["program", "sample", "--congress", "ASH26"]));
    let program = json(&run(&db, &["program", "list", "--congress", "ASH26", "--json"]));
    let speaker = program
        .as_array()
        .unwrap()
        .iter()
        .find_map(|s| s["speakers"].as_array().and_then(|names| names.first()).and_then(Value::as_str))
        .expect("a speaker in the sample program")
        .to_owned();
    json(&run(
        &db,
        &[
            "interaction",
            "add",
            &speaker,
            "--kind",
            "met",
            "--on",
            "2025-06-13",
            "--congress",
            "EHA 2025",
            "--note",
            "Poster 1234",
        ],
    ));
    // Met, but not in the program nor a target: not listed.
    json(&run(
        &db,
        &["interaction", "add", "Kari Ødegård", "--kind", "met", "--on", "2025-06-14", "--congress", "EHA 2025"],
    ));
    // A target met before: listed.
    json(&run(&db, &["interaction", "add", "Li Wei", "--kind", "met", "--on", "2025-06-12", "--congress", "EHA 2025"]));
    json(&run(&db, &["target", "set", "--congress", "ASH26", "Li Wei", "--why", "peer"]));

    let list = json(&run(&db, &["reconnect", "--congress", "ASH26", "--json"]));
    let rows = list.as_array().unwrap();
    assert_eq!(rows.iter().map(|r| r["name"].as_str().unwrap()).collect::<Vec<_>>(), [speaker.as_str(), "Li Wei"]);
    assert!(rows[0]["id"].as_i64().unwrap() > 0);
    assert_eq!(
        (rows[0]["last_met_congress"].as_str(), rows[0]["last_met_on"].as_str()),
        (Some("EHA 2025"), Some("2025-06-13"))
    );
    assert_eq!(rows[0]["last_met"]["note"], "Poster 1234");
    assert!(!rows[0]["roles"].as_array().unwrap().is_empty());
    assert_eq!(rows[1]["target_status"], "idea");

    // The one action: make them a target.
    let after = json(&run(&db, &["reconnect", "--congress", "ASH26", "--adopt", &speaker, "--json"]));
    assert!(after.as_array().unwrap().iter().all(|r| r["target_status"] == "idea"));
    let stderr = refused(&run(&db, &["reconnect", "--congress", "EHA 2099", "--json"]));
    assert!(stderr.contains("no congress matches"), "{stderr}");
}
