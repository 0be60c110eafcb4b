//! Crash safety: Hallway killed at any moment loses nothing it said it had
//! saved, and leaves nothing half done. Many `hallway-cli` processes
//! import a generated program (300 sessions, each import into a congress of
//! its own) or make small edits (add a person, book a meeting), and each is
//! killed with SIGKILL after a random delay (seeded, so a failure can be
//! replayed), a few hundred times. Some are killed before they start, many
//! mid-transaction, some after they finish. Afterwards the database must
//! pass `PRAGMA integrity_check`, hold every edit whose JSON the process
//! printed (printing comes after the commit), and each congress must hold
//! all 300 sessions or none.

use hallway_core::congress::{self, CongressDraft};
use hallway_core::people::{self, PersonDraft};
use hallway_core::Store;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// SIGKILLs to deliver (runs that finish before their kill come on top).
const KILLS: usize = 250;
const SESSIONS: usize = 300;
/// Congresses to import into; an import killed before it committed leaves
/// its congress empty, and the next import may reuse it.
const CONGRESSES: usize = 150;

/// xorshift64*: a seeded, dependency-free source of delays and choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn cli(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hallway-cli"));
    command.arg("--db").arg(db).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    command
}

/// What a killed process was doing.
enum Work {
    Import { congress: usize },
    Person { name: String },
    Meeting { title: String },
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

#[test]
fn killed_at_random_moments_nothing_acknowledged_is_lost_and_no_import_is_half_done() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    let program = dir.path().join("program.ics");
    let generated = cli(&db)
        .args(["generate", "--format", "ics", "--abstracts", "0", "--links", "600", "--output"])
        .arg(&program)
        .args(["--sessions", &SESSIONS.to_string()])
        .output()
        .unwrap();
    assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));

    runtime().block_on(async {
        let store = Store::open(&db).await.unwrap();
        for n in 0..CONGRESSES {
            let draft = CongressDraft {
                name: format!("Crash {n:03}"),
                starts_on: "2026-12-05".into(),
                ends_on: "2026-12-08".into(),
                time_zone: "America/New_York".into(),
                ..Default::default()
            };
            congress::create(&store, &draft).await.unwrap();
        }
        // Each timed import is a first import, like the ones killed later.
        for n in 0..3 {
            let timing = CongressDraft {
                name: format!("Crash Timing {n}"),
                starts_on: "2026-12-05".into(),
                ends_on: "2026-12-08".into(),
                time_zone: "America/New_York".into(),
                ..Default::default()
            };
            congress::create(&store, &timing).await.unwrap();
        }
        let partner = PersonDraft { display_name: "Meeting Partner".into(), ..Default::default() };
        people::create(&store, &partner).await.unwrap();
        store.close().await;
    });

    // How long whole runs take on this machine, to aim the kills.
    let timed = |command: &mut Command| {
        let started = Instant::now();
        let output = command.output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        started.elapsed()
    };
    // The quickest of three, so a cold first run does not stretch the delays.
    let import_takes = (0..3)
        .map(|n| timed(cli(&db).args(["program", "import", "--congress", &format!("Crash Timing {n}")]).arg(&program)))
        .min()
        .unwrap();
    let edit_takes = (0..3).map(|_| timed(cli(&db).args(["people", "add", "--name", "Timing Person"]))).min().unwrap();

    let mut rng = Rng(0x5EED_2026_1125);
    let mut next_congress = 0;
    let mut imported = [false; CONGRESSES];
    let mut acknowledged: Vec<Work> = Vec::new();
    let (mut completed, mut cut_short) = (0, 0);
    let mut n = 0;
    while cut_short < KILLS && n < 4 * KILLS {
        n += 1;
        let work = match rng.below(3) {
            0 if next_congress < CONGRESSES => {
                next_congress += 1;
                Work::Import { congress: next_congress - 1 }
            }
            1 => Work::Meeting { title: format!("Meeting {n}") },
            _ => Work::Person { name: format!("Edit Person {n}") },
        };
        let mut command = cli(&db);
        match &work {
            Work::Import { congress } => {
                command.args(["program", "import", "--congress", &format!("Crash {congress:03}")]).arg(&program)
            }
            Work::Person { name } => command.args(["people", "add", "--name", name, "--email", "edit@example.org"]),
            Work::Meeting { title } => command.args([
                "meeting",
                "add",
                "--congress",
                "Crash 000",
                "--with",
                "Meeting Partner",
                "--start",
                "2026-12-06T10:30:00-05:00",
                "--title",
                title,
            ]),
        };
        let mut child = command.spawn().unwrap();
        // Kills land anywhere from before the database opens to after the
        // process is done: the delay is drawn up to a multiple of what a
        // whole run of this kind took here (measured above, not asserted);
        // edits are quick, so more of them are let finish.
        let (whole, tenths) = match work {
            Work::Import { .. } => (import_takes, 13),
            _ => (edit_takes, 20),
        };
        std::thread::sleep(Duration::from_micros(rng.below(whole.as_micros() as u64 * tenths / 10 + 1)));
        let _ = child.kill(); // SIGKILL on Unix; an error means it had exited
        let output = child.wait_with_output().unwrap();
        let printed = String::from_utf8_lossy(&output.stdout);
        let acked = printed.lines().any(|line| serde_json::from_str::<serde_json::Value>(line).is_ok());
        match output.status.code() {
            Some(0) => completed += 1,
            None => cut_short += 1, // ended by the signal
            Some(_) => panic!("run {n} failed on its own: {}", String::from_utf8_lossy(&output.stderr)),
        }
        if acked {
            if let Work::Import { congress } = work {
                imported[congress] = true;
            }
            acknowledged.push(work);
        }
    }
    assert_eq!(cut_short, KILLS, "{n} runs delivered only {cut_short} kills; the delays miss the work");

    runtime().block_on(async {
        let store = Store::open(&db).await.unwrap();
        let integrity: String = sqlx_scalar(&store, "PRAGMA integrity_check").await;
        assert_eq!(integrity, "ok");
        for (n, acked) in imported.iter().enumerate() {
            let name = format!("Crash {n:03}");
            let count: i64 = sqlx_count(&store, &name).await;
            assert!(count == 0 || count == SESSIONS as i64, "{name} holds {count} sessions: half an import");
            if *acked {
                assert_eq!(count, SESSIONS as i64, "{name}: an acknowledged import is missing");
            }
        }
        let names: Vec<String> =
            people::search(&store, "Edit Person", 10_000).await.unwrap().into_iter().map(|p| p.display_name).collect();
        let congress = congress::resolve(&store, "Crash 000").await.unwrap();
        let meetings: Vec<String> =
            hallway_core::meetings::list(&store, congress.id).await.unwrap().into_iter().map(|m| m.title).collect();
        for work in &acknowledged {
            match work {
                Work::Person { name } => assert!(names.contains(name), "{name} was acknowledged but is gone"),
                Work::Meeting { title } => assert!(meetings.contains(title), "{title} was acknowledged but is gone"),
                Work::Import { .. } => {}
            }
        }
        eprintln!(
            "{n} runs ({import_takes:?} per import, {edit_takes:?} per edit): {cut_short} killed, \
             {completed} completed; {} edits and {} imports acknowledged",
            acknowledged.iter().filter(|w| !matches!(w, Work::Import { .. })).count(),
            imported.iter().filter(|i| **i).count()
        );
        store.close().await;
    });
}

async fn sqlx_scalar(store: &Store, sql: &str) -> String {
    sqlx::query_scalar(sql).fetch_one(store.pool()).await.unwrap()
}

async fn sqlx_count(store: &Store, congress_name: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM sessions s JOIN congresses c ON c.id = s.congress_id WHERE c.name = ? AND NOT s.withdrawn",
    )
    .bind(congress_name)
    .fetch_one(store.pool())
    .await
    .unwrap()
}
