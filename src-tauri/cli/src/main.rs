//! hallway-cli: Hallway's core from a terminal. Automated checks, benchmarks
//! and power users drive the same functions the app uses through it, so its
//! arguments and JSON output are a stable contract: add, never change.
//!
//! Errors go to stderr with exit status 1 (2 for usage errors, from clap).

// Parsed arguments live once per process; boxing the big variants buys nothing.
#![allow(clippy::large_enum_variant)]

mod congress;

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
    /// Row counts per table.
    Stats {
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
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
                    eprintln!("  {}: {}", problem.field, problem.message);
                }
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> hallway_core::Result<()> {
    let path = cli.db.unwrap_or_else(store::default_path);
    let store = Store::open(&path).await?;
    let result = match cli.command {
        Command::Congress(command) => congress::run(&store, command).await,
        Command::Stats { json } => stats(&store, json).await,
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

/// Prints one JSON value on one line; serialising our own types cannot fail.
pub(crate) fn print_json(value: &impl serde::Serialize) {
    println!("{}", serde_json::to_string(value).expect("serialisable output"));
}
