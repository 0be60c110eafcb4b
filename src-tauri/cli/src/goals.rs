//! `goals` and `followups`: goal progress per congress and what is owed after
//! meeting people, from a terminal. JSON output is a stable contract: each
//! goal has `progress` and `target`; each follow-up its person, due time,
//! channel, draft and status.

use crate::print_json;
use hallway_core::follow_ups;
use hallway_core::goals::{self, Goal};
use hallway_core::{congress, time, Result, Store};

/// Prints a congress's goals; `adopt` first adds starter goals by key
/// (comma-separated, or `all`).
pub async fn goals(store: &Store, reference: &str, adopt: Option<&str>, json: bool) -> Result<()> {
    let found = congress::resolve(store, reference).await?;
    if let Some(keys) = adopt {
        let keys: Vec<String> = if keys.trim() == "all" {
            goals::starter_set(found.series).into_iter().map(|s| s.key).collect()
        } else {
            keys.split(',').map(|k| k.trim().to_owned()).filter(|k| !k.is_empty()).collect()
        };
        goals::adopt(store, found.id, &keys).await?;
    }
    let list = goals::list(store, found.id).await?;
    if json {
        print_json(&list);
    } else if list.is_empty() {
        println!("No goals yet for {}. Try `goals --adopt all`.", found.name);
    } else {
        for Goal { title, progress, target, met, .. } in &list {
            println!("{} {progress:>3}/{target:<3} {title}", if *met { "✓" } else { " " });
        }
    }
    Ok(())
}

/// Prints owed follow-ups; with `due_only`, just those due by now.
pub async fn follow_ups(store: &Store, due_only: bool, json: bool) -> Result<()> {
    let list =
        if due_only { follow_ups::due(store, time::now_seconds()).await? } else { follow_ups::owed(store).await? };
    if json {
        print_json(&list);
    } else if list.is_empty() {
        println!("Nothing owed.");
    } else {
        for f in &list {
            let congress = f.congress_name.as_deref().unwrap_or("");
            println!("{}  {:<28} {:<10} {congress}", f.due_at.format("%Y-%m-%d"), f.display_name, f.channel.as_str());
        }
    }
    Ok(())
}
