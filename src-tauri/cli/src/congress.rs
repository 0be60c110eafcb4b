//! `hallway-cli congress …`: the Congresses screen from a terminal.

use crate::print_json;
use clap::Subcommand;
use hallway_core::congress::{self, Congress, CongressDraft, Series};
use hallway_core::{Result, Store};

#[derive(Subcommand)]
pub enum CongressCommand {
    /// Create a congress and print it as JSON (with its id).
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        short_name: Option<String>,
        /// ash, eha, iach, ebmt or other.
        #[arg(long, default_value = "other")]
        series: String,
        /// First day, YYYY-MM-DD.
        #[arg(long)]
        starts: String,
        /// Last day, YYYY-MM-DD.
        #[arg(long)]
        ends: String,
        /// IANA zone of the venue, e.g. America/New_York.
        #[arg(long)]
        time_zone: String,
        #[arg(long)]
        city: Option<String>,
        #[arg(long)]
        venue: Option<String>,
        #[arg(long)]
        website: Option<String>,
        /// Space- or comma-separated.
        #[arg(long)]
        hashtags: Option<String>,
    },
    /// List congresses, most recent first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Delete a congress (by id, name or short name) and everything in it.
    Delete { congress: String },
}

pub async fn run(store: &Store, command: CongressCommand) -> Result<()> {
    match command {
        CongressCommand::Add { name, short_name, series, starts, ends, time_zone, city, venue, website, hashtags } => {
            let draft = CongressDraft {
                name,
                short_name: short_name.unwrap_or_default(),
                series: Series::parse(&series),
                starts_on: starts,
                ends_on: ends,
                time_zone,
                city: city.unwrap_or_default(),
                venue: venue.unwrap_or_default(),
                website: website.unwrap_or_default(),
                hashtags: hashtags.unwrap_or_default(),
                notes: String::new(),
            };
            print_json(&congress::create(store, &draft).await?);
        }
        CongressCommand::List { json } => {
            let all = congress::list(store).await?;
            if json {
                print_json(&all);
            } else {
                all.iter().for_each(print_line);
            }
        }
        CongressCommand::Delete { congress: reference } => {
            let found = congress::resolve(store, &reference).await?;
            congress::delete(store, found.id).await?;
            eprintln!("deleted {} ({})", found.name, found.id);
        }
    }
    Ok(())
}

fn print_line(c: &Congress) {
    println!(
        "{:>4}  {:<28} {:<10} {} – {}  {}",
        c.id,
        c.name,
        c.short_name.as_deref().unwrap_or(""),
        c.starts_on,
        c.ends_on,
        c.time_zone
    );
}
