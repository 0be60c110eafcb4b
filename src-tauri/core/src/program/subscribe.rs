//! A program subscribed to by its address (issue 17): an `https://`,
//! `http://` or `webcal://` address instead of a file. Hallway imports what
//! the address serves and remembers it (migration 0009); a refresh asks
//! again with `If-None-Match` / `If-Modified-Since`, so an unchanged program
//! costs one short answer (304) and imports nothing. Offline, the last copy
//! stays as it is and the error is kept in words. What a refresh changed of
//! the user's plan is recorded by the import like any other
//! ([`super::changes`]).

use super::import::{import_bytes, ImportProgress, ImportReport, ProgramFormat, MAX_FILE_BYTES};
use crate::ids::CongressId;
use crate::sync::dav::{plain_client, transport_error};
use crate::{time, CoreError, Result, Store};
use http::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION, USER_AGENT};
use http::{Request, StatusCode, Uri};
use http_body_util::{BodyExt, Limited};
use serde::Serialize;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// How long a fetch may take, body included.
const FETCH_TIMEOUT: Duration = Duration::from_secs(60);
/// Redirects followed (a program moved to a CDN).
const MAX_REDIRECTS: usize = 5;

/// The subscription of a congress, as Settings and the Program show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, sqlx::FromRow)]
pub struct Subscription {
    pub congress_id: CongressId,
    pub url: String,
    /// When the address last answered, Unix seconds.
    #[specta(type = Option<f64>)]
    pub fetched_at: Option<i64>,
    /// Why the last refresh failed, in words.
    pub last_error: Option<String>,
}

/// What is kept of a subscription to ask again: address, validators, format.
type Saved = (String, Option<String>, Option<String>, Option<String>);

/// What one fetch brought.
enum Fetched {
    NotModified,
    Body { bytes: Vec<u8>, etag: Option<String>, last_modified: Option<String> },
}

/// Imports the program at `url` into `congress` and remembers the address.
pub async fn subscribe(store: &Store, congress: CongressId, url: &str) -> Result<ImportReport> {
    let url = normalized(url)?;
    let Fetched::Body { bytes, etag, last_modified } = fetch(&url, None, None).await? else {
        return Err(CoreError::Sync(format!("{url} answered \"not modified\" to a first request.")));
    };
    let report = import(store, congress, &url, bytes).await?;
    save(store, congress, &url, etag.as_deref(), last_modified.as_deref(), report.format).await?;
    Ok(report)
}

/// Fetches the subscribed program again: an unchanged one imports nothing
/// (an empty report); a changed one is imported. The error, if any, is
/// kept with the subscription and the program stays as it was.
pub async fn refresh(store: &Store, congress: CongressId) -> Result<ImportReport> {
    let row: Option<Saved> =
        sqlx::query_as("SELECT url, etag, last_modified, format FROM program_subscriptions WHERE congress_id = ?")
            .bind(congress)
            .fetch_optional(store.pool())
            .await?;
    let (url, etag, last_modified, format) =
        row.ok_or_else(|| CoreError::not_found("program subscription for congress", congress))?;
    let format = format.as_deref().and_then(ProgramFormat::parse).unwrap_or(ProgramFormat::Ics);
    let outcome: Result<(ImportReport, Option<String>, Option<String>)> = async {
        match fetch(&url, etag.as_deref(), last_modified.as_deref()).await? {
            Fetched::NotModified => Ok((ImportReport::not_modified(format), etag, last_modified)),
            Fetched::Body { bytes, etag, last_modified } => {
                Ok((import(store, congress, &url, bytes).await?, etag, last_modified))
            }
        }
    }
    .await;
    match outcome {
        Ok((report, etag, last_modified)) => {
            save(store, congress, &url, etag.as_deref(), last_modified.as_deref(), report.format).await?;
            Ok(report)
        }
        Err(e) => {
            sqlx::query("UPDATE program_subscriptions SET last_error = ? WHERE congress_id = ?")
                .bind(e.to_string())
                .bind(congress)
                .execute(store.pool())
                .await?;
            Err(e)
        }
    }
}

/// The subscription of `congress`, if it has one.
pub async fn get(store: &Store, congress: CongressId) -> Result<Option<Subscription>> {
    Ok(sqlx::query_as(
        "SELECT congress_id, url, fetched_at, last_error FROM program_subscriptions WHERE congress_id = ?",
    )
    .bind(congress)
    .fetch_optional(store.pool())
    .await?)
}

/// Every subscribed congress (refreshed at start).
pub async fn all(store: &Store) -> Result<Vec<CongressId>> {
    Ok(sqlx::query_scalar("SELECT congress_id FROM program_subscriptions ORDER BY congress_id")
        .fetch_all(store.pool())
        .await?)
}

/// `webcal://` is `https://`; only http(s) addresses are fetched.
fn normalized(url: &str) -> Result<String> {
    let url = url.trim();
    let url = match url.get(..9) {
        Some(scheme) if scheme.eq_ignore_ascii_case("webcal://") => format!("https://{}", &url[9..]),
        _ => url.to_owned(),
    };
    let ok =
        url.parse::<Uri>().ok().is_some_and(|u| matches!(u.scheme_str(), Some("https" | "http")) && u.host().is_some());
    if !ok {
        return Err(CoreError::Sync(format!(
            "“{url}” is not a program's address: give one that starts with https://, http:// or webcal://."
        )));
    }
    // The address is kept in the database and named in messages: no password may ride in it.
    if url.parse::<Uri>().ok().and_then(|u| u.authority().map(|a| a.as_str().contains('@'))).unwrap_or(false) {
        return Err(CoreError::Sync(
            "The address holds a user name or password (user:password@…): Hallway keeps the address, so give one \
             without them."
                .to_owned(),
        ));
    }
    Ok(url)
}

async fn import(store: &Store, congress: CongressId, url: &str, bytes: Vec<u8>) -> Result<ImportReport> {
    let never = AtomicBool::new(false);
    import_bytes(store, congress, url, bytes, &|_: ImportProgress| {}, &never).await
}

async fn save(
    store: &Store,
    congress: CongressId,
    url: &str,
    etag: Option<&str>,
    modified: Option<&str>,
    format: ProgramFormat,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO program_subscriptions (congress_id, url, etag, last_modified, format, fetched_at, last_error) \
         VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (congress_id) DO UPDATE SET url = excluded.url, \
         etag = excluded.etag, last_modified = excluded.last_modified, format = excluded.format, \
         fetched_at = excluded.fetched_at, last_error = NULL",
    )
    .bind(congress)
    .bind(url)
    .bind(etag)
    .bind(modified)
    .bind(format.as_str())
    .bind(time::now_seconds())
    .execute(store.pool())
    .await?;
    Ok(())
}

/// GET with the validators of the copy Hallway has, following redirects.
async fn fetch(url: &str, etag: Option<&str>, last_modified: Option<&str>) -> Result<Fetched> {
    let client = plain_client().map_err(|e| CoreError::Sync(e.user_message()))?;
    let mut url = url.to_owned();
    for _ in 0..=MAX_REDIRECTS {
        let mut request = Request::get(url.as_str()).header(USER_AGENT, concat!("Hallway/", env!("CARGO_PKG_VERSION")));
        if let Some(etag) = etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(modified) = last_modified {
            request = request.header(IF_MODIFIED_SINCE, modified);
        }
        let request = request.body(String::new()).map_err(|e| CoreError::Sync(format!("“{url}”: {e}")))?;
        let unreachable = |e: &(dyn std::error::Error + 'static)| {
            CoreError::Sync(format!("{url} could not be fetched: {}", transport_error(e).user_message()))
        };
        let response = tokio::time::timeout(FETCH_TIMEOUT, client.request(request))
            .await
            .map_err(|_| CoreError::Sync(format!("{url} did not answer within {} s.", FETCH_TIMEOUT.as_secs())))?
            .map_err(|e| unreachable(&e))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if status.is_redirection() {
            let next = response.headers().get(LOCATION).and_then(|l| l.to_str().ok()).map(str::to_owned);
            url = match next {
                Some(next) if next.starts_with("http") => next,
                Some(path) => format!("{}{}", origin(&url), path),
                None => return Err(CoreError::Sync(format!("{url} redirected without saying where."))),
            };
            continue;
        }
        if !status.is_success() {
            return Err(CoreError::Sync(format!("{url} answered {status}: the program could not be fetched.")));
        }
        let header =
            |name| response.headers().get(name).and_then(|v: &http::HeaderValue| v.to_str().ok()).map(str::to_owned);
        let (etag, last_modified) = (header(ETAG), header(LAST_MODIFIED));
        let body = tokio::time::timeout(FETCH_TIMEOUT, Limited::new(response.into_body(), MAX_FILE_BYTES).collect())
            .await
            .map_err(|_| {
                CoreError::Sync(format!(
                    "{url} did not finish sending the program within {} s.",
                    FETCH_TIMEOUT.as_secs()
                ))
            })?
            .map_err(|e| {
                CoreError::Sync(format!(
                    "{url}: the program could not be read ({e}); files over {} MB are refused.",
                    MAX_FILE_BYTES / (1024 * 1024)
                ))
            })?;
        return Ok(Fetched::Body { bytes: body.to_bytes().to_vec(), etag, last_modified });
    }
    Err(CoreError::Sync(format!("{url} redirected more than {MAX_REDIRECTS} times.")))
}

/// `https://host:port` of an absolute URL.
fn origin(url: &str) -> String {
    url.parse::<Uri>().ok().and_then(|u| Some(format!("{}://{}", u.scheme_str()?, u.authority()?))).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webcal_is_https_and_other_schemes_are_refused() {
        assert_eq!(normalized(" webcal://ash.example/program.ics ").unwrap(), "https://ash.example/program.ics");
        assert_eq!(normalized("http://127.0.0.1:8080/p.ics").unwrap(), "http://127.0.0.1:8080/p.ics");
        let CoreError::Sync(words) = normalized("https://me:secret@ash.example/p.ics").unwrap_err() else {
            panic!("a sync error")
        };
        assert!(words.contains("without them") && !words.contains("secret"), "{words}");
        for bad in ["ftp://ash.example/p.ics", "program.ics", "https://"] {
            let CoreError::Sync(words) = normalized(bad).unwrap_err() else { panic!("a sync error") };
            assert!(words.contains("https://"), "{words}");
        }
    }
}
