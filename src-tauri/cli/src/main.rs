//! hallway-cli: Hallway's core from a terminal. Automated checks, benchmarks
//! and power users drive the same functions the app uses through it, so its
//! arguments and JSON output are a stable contract: add, never change.
//!
//! Errors go to stderr with exit status 1 (2 for usage errors, from clap).

// Parsed arguments live once per process; boxing the big variants buys nothing.
#![allow(clippy::large_enum_variant)]

/// A faster allocator: imports allocate many small strings (measured: 18% of
/// import instructions were in glibc malloc/free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bench;
mod bench_agenda;
mod bench_changes;
mod bench_export;
mod bench_relations;
mod congress;
mod export;
mod generate;
mod goals;
mod meetings;
mod people;
mod program;
mod relationships;
mod sync;

use clap::{Parser, Subcommand};
use hallway_core::{store, Store};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "hallway-cli", version, about = "Hallway's data from the command line")]
struct Cli {
    /// The database file (default: $HALLWAY_DB, else the app's data folder).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create, list and delete congresses.
    #[command(subcommand)]
    Congress(congress::CongressCommand),
    /// Import, list, search and mark the congress program.
    #[command(subcommand)]
    Program(program::ProgramCommand),
    /// Write a generated congress-scale program file (for load tests).
    Generate {
        /// ics, ics-nested (each abstract a talk inside a session, RELATED-TO), xml,
        /// or connections (a LinkedIn Connections.csv of --sessions rows).
        #[arg(long, default_value = "ics")]
        format: String,
        #[arg(long, default_value_t = 1000)]
        sessions: usize,
        #[arg(long, default_value_t = 8000)]
        abstracts: usize,
        #[arg(long, default_value_t = 70000)]
        links: usize,
        /// The program's first day (YYYY-MM-DD); it runs four days.
        #[arg(long, default_value = "2026-12-05")]
        first_day: chrono::NaiveDate,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Print the benchmark figures (use a release build: `make bench`).
    Bench {
        /// Where generated files and databases go (default: a temp folder).
        #[arg(long)]
        work: Option<PathBuf>,
    },
    /// One timed import (run by `bench` in a child process).
    #[command(hide = true)]
    BenchImport { file: PathBuf },
    /// The planning figures alone, on a database holding the generated program.
    #[command(hide = true)]
    BenchAgenda,
    /// Search and add people.
    #[command(subcommand)]
    People(people::PeopleCommand),
    /// Targets: who to meet at a congress.
    #[command(subcommand)]
    Target(people::TargetCommand),
    /// Book, move and list meetings.
    #[command(subcommand)]
    Meeting(meetings::MeetingCommand),
    /// Free slots to meet someone at a congress.
    Slots {
        #[arg(long)]
        congress: String,
        /// Whose talks and chairs to avoid: an id, an email or an exact name.
        #[arg(long = "with")]
        with: Option<String>,
        #[arg(long, default_value_t = 30)]
        minutes: u32,
        /// Print a JSON array of {"starts_at", "ends_at"}.
        #[arg(long)]
        json: bool,
    },
    /// A congress's goals with their progress.
    Goals {
        #[arg(long)]
        congress: String,
        /// First adopt starter goals: comma-separated keys, or `all`.
        #[arg(long)]
        adopt: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Follow-ups still owed, across congresses, earliest due first.
    Followups {
        /// Only those due by now.
        #[arg(long)]
        due: bool,
        #[arg(long)]
        json: bool,
    },
    /// The Today view's data for a congress, as JSON.
    Today {
        #[arg(long)]
        congress: String,
    },
    /// Write calendar (ICS) and contact (vCard) files.
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Write a consistent copy of the database next to it (or to FILE, which
    /// must not exist); prints {"path", "bytes"}.
    Backup {
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The copies next to the database (on demand, before migrations, before
    /// restores), newest first, as a JSON array.
    Backups,
    /// Check that FILE is a backup this Hallway can restore; prints what it holds.
    VerifyBackup { file: PathBuf },
    /// Replace the database with the backup FILE, after verifying it and
    /// keeping the current database aside; prints {"restored_from",
    /// "safety_copy"}. Refused while the app or another command has the
    /// database open.
    Restore { file: PathBuf },
    /// Sync a congress with the user's own calendar server (CalDAV).
    #[command(subcommand)]
    Sync(sync::SyncCommand),
    /// A person's own settings: `person cadence PERSON --every 90d` (12w, 3m, off).
    #[command(subcommand)]
    Person(relationships::PersonCommand),
    /// A group's cadence (`--tag mentor --every 3m`, or `--relationship`); lists them all.
    Cadence(relationships::CadenceArgs),
    /// Log contact with a person (met, email, call, video, message) on a day.
    #[command(subcommand)]
    Interaction(relationships::InteractionCommand),
    /// Who is due a check-in, most overdue first.
    Checkins(relationships::CheckinsArgs),
    /// Snooze a check-in, or draft its message.
    #[command(subcommand)]
    Checkin(relationships::CheckinCommand),
    /// Record an introduction (owed or made), mark it done, or who introduced me.
    #[command(subcommand)]
    Intro(relationships::IntroCommand),
    /// Introductions owed, or a person's.
    Intros(relationships::IntrosArgs),
    /// People met at earlier congresses who are in a congress's program or targets.
    Reconnect(relationships::ReconnectArgs),
    /// What I shared with or did for a person.
    #[command(subcommand)]
    Given(relationships::GivenCommand),
    /// What is due between congresses, and the next congress, as JSON.
    Home(relationships::HomeArgs),
    /// The check-in and reconnect figures alone (run by `bench`).
    #[command(hide = true)]
    BenchRelations {
        #[arg(long)]
        work: Option<PathBuf>,
    },
    /// Row counts per table.
    Stats {
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// Starts as the app does and as command-line tools behave:
/// - no transparent huge pages (src-tauri/src/main.rs says why): with them,
///   the same import swung between 0.29 and 0.65 s with the kernel's page
///   compaction, all of it system time;
/// - a closed pipe (`hallway-cli … | head`) ends the command quietly, by the
///   default SIGPIPE, instead of a panic in `println!`.
fn start_like_a_tool() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with integer arguments only; affects this process's future page faults.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    #[cfg(unix)]
    // SAFETY: restores the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    start_like_a_tool();
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("hallway-cli: cannot start: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hallway-cli: {err}");
            if let hallway_core::CoreError::Invalid(problems) = &err {
                for problem in problems.iter().skip(1) {
                    eprintln!("  {}: {}", hallway_core::error::field_label(&problem.field), problem.message);
                }
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> hallway_core::Result<()> {
    // Commands that need no database of the user's.
    match cli.command {
        Command::Bench { work } => return bench::run(work).await,
        Command::BenchRelations { work } => {
            let dir =
                work.unwrap_or_else(|| std::env::temp_dir().join(format!("hallway-bench-{}", std::process::id())));
            std::fs::create_dir_all(&dir).map_err(|e| hallway_core::CoreError::io(&dir, e))?;
            return bench_relations::run(&dir).await;
        }
        Command::Generate { format, sessions, abstracts, links, first_day, output } => {
            let items = generate::program(first_day, sessions, abstracts, links);
            let text = match format.as_str() {
                "xml" => generate::frab_xml(&items),
                "ics-nested" => generate::ics(&generate::nested(items)),
                // A LinkedIn Connections.csv of `sessions` rows.
                "connections" => generate::connections_csv(sessions),
                _ => generate::ics(&items),
            };
            return std::fs::write(&output, text).map_err(|e| hallway_core::CoreError::io(&output, e));
        }
        _ => {}
    }
    let path = cli.db.unwrap_or_else(store::default_path);
    // These must not open (and so migrate) the database or the file.
    match &cli.command {
        Command::VerifyBackup { file } => {
            print_json(&store::verify_backup(file).await?);
            return Ok(());
        }
        Command::Backups => {
            print_json(&store::list_backups(&path)?);
            return Ok(());
        }
        Command::Restore { file } => {
            let restored = store::restore(&path, file).await?;
            print_json(&serde_json::json!({
                "restored_from": restored.restored_from,
                "safety_copy": restored.safety_copy.map(|copy| copy.path),
                "schema_version": restored.check.schema_version,
                "rows": restored.check.rows,
            }));
            return Ok(());
        }
        _ => {}
    }
    let store = Store::open(&path).await?;
    let result = match cli.command {
        Command::Congress(command) => congress::run(&store, command).await,
        Command::Program(command) => program::run(&store, command).await,
        Command::People(command) => people::run(&store, command).await,
        Command::Target(command) => people::run_target(&store, command).await,
        Command::Meeting(command) => meetings::run(&store, command).await,
        Command::Slots { congress, with, minutes, json } => {
            meetings::slots(&store, &congress, with.as_deref(), minutes, json).await
        }
        Command::Today { congress } => meetings::today(&store, &congress).await,
        Command::Goals { congress, adopt, json } => goals::goals(&store, &congress, adopt.as_deref(), json).await,
        Command::Followups { due, json } => goals::follow_ups(&store, due, json).await,
        Command::Export(command) => export::run(&store, command).await,
        Command::Person(command) => relationships::person(&store, command).await,
        Command::Cadence(args) => relationships::group_cadence(&store, args).await,
        Command::Interaction(command) => relationships::interaction(&store, command).await,
        Command::Checkins(args) => relationships::checkins(&store, args).await,
        Command::Checkin(command) => relationships::checkin(&store, command).await,
        Command::Intro(command) => relationships::intro(&store, command).await,
        Command::Intros(args) => relationships::intros(&store, args).await,
        Command::Reconnect(args) => relationships::reconnect(&store, args).await,
        Command::Given(command) => relationships::given(&store, command).await,
        Command::Home(args) => relationships::home(&store, args).await,
        Command::Sync(command) => sync::run(&store, command).await,
        Command::Stats { json } => stats(&store, json).await,
        Command::Backup { output } => backup(&store, output.as_deref()).await,
        Command::BenchImport { file } => bench::import_child(&store, &file).await,
        Command::BenchAgenda => bench_agenda::run_on(&store).await,
        Command::Bench { .. }
        | Command::BenchRelations { .. }
        | Command::Generate { .. }
        | Command::VerifyBackup { .. }
        | Command::Backups
        | Command::Restore { .. } => unreachable!("handled above"),
    };
    store.close().await;
    result
}

async fn stats(store: &Store, json: bool) -> hallway_core::Result<()> {
    let stats = hallway_core::stats::collect(store).await?;
    if json {
        print_json(&stats);
    } else {
        for (table, count) in &stats.0 {
            println!("{table:<16} {count:>8}");
        }
    }
    Ok(())
}

async fn backup(store: &Store, output: Option<&std::path::Path>) -> hallway_core::Result<()> {
    let copy = match output {
        Some(target) => store::backup_to(store, target).await?,
        None => store::backup_now(store).await?,
    };
    print_json(&serde_json::json!({ "path": copy.path, "bytes": copy.bytes }));
    Ok(())
}

/// Prints one JSON value on one line; serialising our own types cannot fail.
pub(crate) fn print_json(value: &impl serde::Serialize) {
    println!("{}", serde_json::to_string(value).expect("serialisable output"));
}
