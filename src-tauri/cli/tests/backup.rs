//! `hallway-cli backup`, `backups`, `verify-backup` and `restore` as
//! scripts use them: JSON on stdout, exit status 1 with the reason on
//! stderr, and a refused restore that changes nothing.

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

fn people(db: &Path) -> u64 {
    json(&run(db, &["stats", "--json"]))["people"].as_u64().unwrap()
}

#[test]
fn backup_restore_and_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hallway.sqlite3");
    json(&run(&db, &["people", "add", "--name", "Ana Sánchez", "--email", "ana@clinic.cat"]));

    let copy = json(&run(&db, &["backup"]));
    let path = copy["path"].as_str().unwrap().to_owned();
    assert!(copy["bytes"].as_u64().unwrap() > 0);
    assert!(Path::new(&path).exists());
    assert!(path.ends_with(".bak"), "{path}");

    let chosen = dir.path().join("chosen.sqlite3");
    let to_file = json(&run(&db, &["backup", "-o", chosen.to_str().unwrap()]));
    assert_eq!(to_file["path"], chosen.to_str().unwrap());
    let again = run(&db, &["backup", "-o", chosen.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("never overwrites"));

    let listed = json(&run(&db, &["backups"]));
    assert_eq!(listed.as_array().unwrap().len(), 1, "only copies named after the database: {listed}");
    let checked = json(&run(&db, &["verify-backup", &path]));
    assert_eq!(checked["rows"]["people"], 1);
    assert!(checked["schema_version"].as_u64().unwrap() >= 1);

    json(&run(&db, &["people", "add", "--name", "Kari Ødegård"]));
    assert_eq!(people(&db), 2);

    // A damaged or foreign file is refused, and nothing changes.
    let junk = dir.path().join("junk.bak");
    std::fs::write(&junk, b"SQLite format 3\0 but not really").unwrap();
    for bad in [junk.to_str().unwrap(), dir.path().join("missing.bak").to_str().unwrap()] {
        let refused = run(&db, &["restore", bad]);
        assert_eq!(refused.status.code(), Some(1), "{bad}");
        assert!(refused.stdout.is_empty());
        assert!(!String::from_utf8_lossy(&refused.stderr).is_empty());
    }
    let refused = run(&db, &["restore", junk.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a usable Hallway backup"));
    assert_eq!(people(&db), 2);

    let restored = json(&run(&db, &["restore", &path]));
    assert_eq!(restored["restored_from"], path.as_str());
    let safety = restored["safety_copy"].as_str().unwrap();
    assert!(safety.ends_with(".before-restore.bak"), "{safety}");
    assert_eq!(people(&db), 1);
    // The replaced database is a backup like any other.
    assert_eq!(json(&run(&db, &["verify-backup", safety]))["rows"]["people"], 2);
}
