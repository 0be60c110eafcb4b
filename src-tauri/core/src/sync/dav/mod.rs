//! The CalDAV/CardDAV client the sync engine talks to: discovery, calendars,
//! conditional writes (`If-None-Match` / `If-Match`), reads and RFC 6578
//! sync-collection, with every failure turned into a [`DavError`] the engine
//! can act on and the user can read.
//!
//! Built on `libdav`'s typed requests over a hyper client with rustls (ring
//! provider, the platform's trust store). All hrefs in and out are absolute
//! paths on the server in one canonical form (see [`canonical_href`]), so an
//! href Hallway wrote compares equal to the same href read back in a sync.
//!
//! The password lives only in the `Authorization` header value, marked
//! sensitive (libdav's trace logging prints it as `Sensitive`), and is sent
//! only to the host the user typed (or the HTTPS host its well-known address
//! redirects to). No error, log line or `Debug` output contains it.

use std::collections::HashSet;
use std::future::Future;
use std::sync::{Arc, OnceLock, RwLock};
use std::task::{Context, Poll};
use std::time::Duration;

use base64::Engine as _;
use http::header::{AUTHORIZATION, USER_AGENT};
use http::uri::{Authority, Scheme};
use http::{HeaderValue, Method, Request, StatusCode, Uri};
use hyper_rustls::{ConfigBuilderExt as _, HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use libdav::caldav::{FindCalendarHomeSet, FindCalendars};
use libdav::carddav::{CreateAddressBook, FindAddressBookHomeSet, FindAddressBooks};
use libdav::dav::{
    make_relative_url, Delete, GetEtag, ListResources, PutResource, RequestError, SyncCollection, WebDavClient,
    WebDavError,
};
use libdav::names;
use libdav::requests::{xml_content_type_header, DavRequest, ParseResponseError};
use libdav::sd::DiscoverableService;
use libdav::xmlutils::XmlNode;
use libdav::{CheckSupportError, PropertyName};
use serde::{Deserialize, Serialize};
use tower_service::Service;

/// How long one request may take before the server counts as unreachable.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long opening a TCP connection may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const ICS_TYPE: &str = "text/calendar; charset=utf-8";
const VCF_TYPE: &str = "text/vcard; charset=utf-8";

mod discovery;
mod transport;
use discovery::*;
use transport::*;
pub(crate) use transport::{plain_client, transport_error};

/// What went wrong talking to the server, in the terms the sync engine acts on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DavError {
    /// The server refused the user name or password (HTTP 401).
    #[error("the server refused the credentials")]
    Unauthorized,
    /// No answer: DNS, refused connection, timeout, dropped connection.
    #[error("server unreachable: {0}")]
    Unreachable(String),
    /// The TLS handshake failed; the text names the certificate problem.
    #[error("secure connection failed: {0}")]
    Tls(String),
    /// The address answers, but not as a CalDAV server.
    #[error("not a CalDAV server: {0}")]
    NotDav(String),
    /// `If-None-Match: *` failed: something already exists at this href.
    #[error("the resource already exists on the server")]
    Exists,
    /// `If-Match` failed: the resource changed on the server since its etag was read.
    #[error("the resource changed on the server (etag mismatch)")]
    PreconditionFailed,
    /// The server refused the sync token (expired or unknown): do a full listing.
    #[error("the server refused the sync token")]
    SyncTokenInvalid,
    /// Any other HTTP error status.
    #[error("HTTP {status}: {message}")]
    Http { status: u16, message: String },
    /// Anything else (malformed reply, invalid input).
    #[error("{0}")]
    Other(String),
}

impl DavError {
    /// The error in plain words for the user, with what to do about it.
    pub fn user_message(&self) -> String {
        match self {
            DavError::Unauthorized => "The server refused the password: re-enter it in Settings.".into(),
            DavError::Unreachable(_) => "The server could not be reached; Hallway will retry.".into(),
            DavError::Tls(problem) => format!(
                "The secure connection to the server failed: {problem}. Check the address in Settings, \
                 or ask the server's administrator."
            ),
            DavError::NotDav(_) => {
                "This address is not a calendar (CalDAV) server: check the address in Settings.".into()
            }
            DavError::Exists => "This item is already on the server; Hallway will read it back.".into(),
            DavError::PreconditionFailed => {
                "This item was changed on the server in the meantime; Hallway will sync it again.".into()
            }
            DavError::SyncTokenInvalid => "The server asked for a full resynchronisation; Hallway will do one.".into(),
            DavError::Http { status, .. } => match *status {
                403 => "The server does not allow this (error 403): check the account's permissions.".into(),
                404 => "The calendar or item was not found on the server (error 404): it may have been deleted.".into(),
                507 => "The server is full (error 507): free some space on it.".into(),
                s if s >= 500 => format!("The server had a problem (error {s}); Hallway will retry."),
                s => format!("The server answered with an error ({s})."),
            },
            DavError::Other(detail) => format!("Unexpected reply from the server ({detail})."),
        }
    }
}

/// Where the account lives on the server, as found by discovery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DavAccount {
    /// Scheme, host, port and context path, e.g. `https://dav.example.org/`.
    pub base_url: String,
    /// The user's principal href.
    pub principal: String,
    /// The calendar-home-set href (where calendars are listed and created).
    pub calendar_home: String,
    /// The addressbook-home-set href; `None` if the server has no CardDAV.
    pub addressbook_home: Option<String>,
}

/// A calendar or address book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DavCollection {
    pub href: String,
    pub display_name: Option<String>,
    /// Whether the server advertises sync-collection (RFC 6578) on it;
    /// without it the engine compares [`DavClient::list_etags`] instead.
    pub supports_sync: bool,
}

/// What changed in a collection since a sync token.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SyncChanges {
    /// Resources created or changed, with their new etag.
    pub changed: Vec<(String, String)>,
    /// Resources removed.
    pub deleted: Vec<String>,
    /// The token to pass next time.
    pub token: String,
}

/// A connected, verified CalDAV (and optionally CardDAV) account.
#[derive(Clone)]
pub struct DavClient {
    webdav: WebDavClient<AuthClient>,
    account: DavAccount,
}

impl std::fmt::Debug for DavClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DavClient").field("account", &self.account).finish_non_exhaustive()
    }
}

/// The file name part of an event's href: the UID, percent-encoded, `.ics`.
pub fn href_for(collection_href: &str, uid: &str) -> String {
    resource_href(collection_href, uid, "ics")
}

/// The file name part of a contact's href: the UID, percent-encoded, `.vcf`.
pub fn vcard_href_for(collection_href: &str, uid: &str) -> String {
    resource_href(collection_href, uid, "vcf")
}

fn resource_href(collection_href: &str, uid: &str, extension: &str) -> String {
    let mut href = canonical_href(collection_href);
    if !href.ends_with('/') {
        href.push('/');
    }
    for byte in uid.bytes() {
        push_byte(&mut href, byte, false);
    }
    href.push('.');
    href.push_str(extension);
    href
}

/// One spelling per href: unreserved characters (`A-Z a-z 0-9 - . _ ~`) and
/// `/` as they are, every other byte percent-encoded in upper case (escapes
/// of unreserved characters are decoded; other escapes, `%2F` included, are
/// kept). Servers decode paths before use, so this names the same resource;
/// it makes hrefs from [`href_for`], from the server's listings (which libdav
/// hands over partly decoded) and from a stored sync state compare equal.
///
/// Known limit: libdav decodes `%25` to a bare `%`; if a server's href has a
/// `%25` followed by two hex digits, this reads them as an escape.
pub fn canonical_href(href: &str) -> String {
    let bytes = href.as_bytes();
    let mut out = String::with_capacity(href.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex_value(bytes[i + 1]), hex_value(bytes[i + 2])) {
                push_byte(&mut out, high * 16 + low, false);
                i += 3;
                continue;
            }
        }
        push_byte(&mut out, byte, true);
        i += 1;
    }
    out
}

fn hex_value(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

fn push_byte(out: &mut String, byte: u8, keep_slash: bool) {
    if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') || (keep_slash && byte == b'/') {
        out.push(byte as char);
    } else {
        out.push_str(&format!("%{byte:02X}"));
    }
}

impl DavClient {
    /// Finds the account behind `url` (a full URL, or just `host[:port]`,
    /// then HTTPS; plain HTTP is tried as well only for a loopback host) and
    /// checks the credentials.
    ///
    /// Discovery: the URL itself if it answers `OPTIONS` with
    /// `calendar-access`, else `/.well-known/caldav`; then
    /// `current-user-principal`, `calendar-home-set` and
    /// `addressbook-home-set` (on the same principal, else via
    /// `/.well-known/carddav`). DNS SRV/TXT records (RFC 6764) are not
    /// consulted: without DNSSEC validation they could point the password
    /// at another host.
    pub async fn connect(url: &str, user: &str, password: &str) -> Result<DavClient, DavError> {
        let target = parse_url(url)?;
        let auth = basic_auth(user, password)?;
        if target.scheme_given || !is_loopback(&target.host) {
            return connect_to(&target, Scheme::HTTPS.eq(&target.scheme), auth).await;
        }
        match connect_to(&target, true, auth.clone()).await {
            Err(DavError::Tls(_) | DavError::Unreachable(_)) => connect_to(&target, false, auth).await,
            other => other,
        }
    }

    /// The account found by discovery.
    pub fn account(&self) -> DavAccount {
        self.account.clone()
    }

    /// The calendars in the calendar home.
    pub async fn calendars(&self) -> Result<Vec<DavCollection>, DavError> {
        let found = self.call(FindCalendars::new(&self.account.calendar_home)).await.map_err(dav_error)?;
        Ok(found.calendars.into_iter().map(collection).collect())
    }

    /// The address books in the addressbook home (empty without CardDAV).
    pub async fn addressbooks(&self) -> Result<Vec<DavCollection>, DavError> {
        let Some(home) = &self.account.addressbook_home else { return Ok(Vec::new()) };
        let found = self.call(FindAddressBooks::new(home)).await.map_err(dav_error)?;
        Ok(found.addressbooks.into_iter().map(collection).collect())
    }

    /// Creates a calendar named `name` (MKCALENDAR) in the calendar home and
    /// returns its href: a slug of the name, with a short random suffix if
    /// that is taken.
    pub async fn create_calendar(&self, name: &str) -> Result<String, DavError> {
        let home = self.account.calendar_home.clone();
        self.create_collection(&home, name, |href| {
            let name = name.to_owned();
            let href = href.to_owned();
            async move { self.call(MkCalendar { href: &href, display_name: &name }).await.map(|_| ()) }
        })
        .await
    }

    /// Creates an address book named `name` (extended MKCOL) in the
    /// addressbook home; like [`DavClient::create_calendar`].
    pub async fn create_addressbook(&self, name: &str) -> Result<String, DavError> {
        let Some(home) = self.account.addressbook_home.clone() else {
            return Err(DavError::NotDav("the server has no address books (CardDAV)".into()));
        };
        self.create_collection(&home, name, |href| {
            let name = name.to_owned();
            let href = href.to_owned();
            async move { self.call(CreateAddressBook::new(&href).with_display_name(&name)).await.map(|_| ()) }
        })
        .await
    }

    async fn create_collection<'a, F, Fut>(&'a self, home: &str, name: &str, make: F) -> Result<String, DavError>
    where
        F: Fn(&str) -> Fut,
        Fut: Future<Output = Result<(), WebDavError<HyperError>>> + 'a,
    {
        let home = with_slash(home);
        let taken: HashSet<String> = self
            .call(ListResources::new(&home))
            .await
            .map_err(dav_error)?
            .resources
            .into_iter()
            .map(|r| with_slash(&canonical_href(&r.href)))
            .collect();
        let slug = slug(name);
        let mut href = format!("{home}{slug}/");
        for attempt in 0..3 {
            if attempt > 0 || taken.contains(&href) {
                let suffix = uuid::Uuid::new_v4().simple().to_string();
                href = format!("{home}{slug}-{}/", &suffix[..6]);
            }
            match make(&href).await {
                Ok(()) => return Ok(href),
                // Created by someone else between the listing and now.
                Err(WebDavError::BadStatusCode(StatusCode::METHOD_NOT_ALLOWED | StatusCode::CONFLICT)) => {}
                Err(err) => return Err(dav_error(err)),
            }
        }
        Err(DavError::Other("could not find a free name for the new collection".into()))
    }

    /// Creates an event at [`href_for`]`(collection_href, uid)` with
    /// `If-None-Match: *`; returns its etag. [`DavError::Exists`] if
    /// something is already there.
    pub async fn create(&self, collection_href: &str, uid: &str, ics_body: &str) -> Result<String, DavError> {
        self.create_resource(&href_for(collection_href, uid), ics_body, ICS_TYPE).await
    }

    /// [`DavClient::create`] for a contact in an address book
    /// ([`vcard_href_for`], `text/vcard`).
    pub async fn create_vcard(&self, collection_href: &str, uid: &str, vcf_body: &str) -> Result<String, DavError> {
        self.create_resource(&vcard_href_for(collection_href, uid), vcf_body, VCF_TYPE).await
    }

    /// Replaces the event at `href` if its etag is still `etag`; returns the
    /// new etag. [`DavError::PreconditionFailed`] if it changed meanwhile.
    pub async fn update(&self, href: &str, ics_body: &str, etag: &str) -> Result<String, DavError> {
        self.update_resource(href, ics_body, etag, ICS_TYPE).await
    }

    /// [`DavClient::update`] for a contact (`text/vcard`).
    pub async fn update_vcard(&self, href: &str, vcf_body: &str, etag: &str) -> Result<String, DavError> {
        self.update_resource(href, vcf_body, etag, VCF_TYPE).await
    }

    /// Deletes the resource at `href` if its etag is still `etag`. Already
    /// gone (404) counts as done.
    pub async fn delete(&self, href: &str, etag: &str) -> Result<(), DavError> {
        let href = canonical_href(href);
        match self.call(Delete::new(&href).with_etag(etag)).await {
            Ok(_) | Err(WebDavError::BadStatusCode(StatusCode::NOT_FOUND | StatusCode::GONE)) => Ok(()),
            Err(WebDavError::BadStatusCode(StatusCode::PRECONDITION_FAILED)) => Err(DavError::PreconditionFailed),
            Err(err) => Err(dav_error(err)),
        }
    }

    /// Deletes the resource at `href`, even if it changed since `etag` was
    /// read: on a 412 the current ETag is read and that version deleted (an
    /// item Hallway owns and has let go of).
    pub async fn delete_latest(&self, href: &str, etag: &str) -> Result<(), DavError> {
        match self.delete(href, etag).await {
            Err(DavError::PreconditionFailed) => match self.get(href).await? {
                Some((fresh, _)) => self.delete(href, &fresh).await,
                None => Ok(()),
            },
            done => done,
        }
    }

    /// The resource at `href` (event or contact): `(etag, body)`, or `None`
    /// if there is none.
    pub async fn get(&self, href: &str) -> Result<Option<(String, String)>, DavError> {
        let href = canonical_href(href);
        let uri = self.webdav.relative_uri(&href).map_err(|e| DavError::Other(format!("invalid href: {e}")))?;
        let request = Request::builder()
            .method(Method::GET)
            .uri(uri)
            .body(String::new())
            .map_err(|e| DavError::Other(format!("invalid href: {e}")))?;
        let (head, body) = with_timeout(self.webdav.request_raw(request))
            .await
            .and_then(|r| r.map_err(WebDavError::from))
            .map_err(dav_error)?;
        if matches!(head.status, StatusCode::NOT_FOUND | StatusCode::GONE) {
            return Ok(None);
        }
        if !head.status.is_success() {
            return Err(dav_error(WebDavError::BadStatusCode(head.status)));
        }
        let body = String::from_utf8(body.to_vec()).map_err(|_| DavError::Other(format!("{href} is not UTF-8")))?;
        let etag = match header_etag(&head.headers) {
            Some(etag) => etag,
            // No ETag on GET (allowed, rare): ask for getetag. A change in
            // between would leave an older etag with a newer body; the next
            // If-Match then fails safely and the engine re-reads.
            None => self.etag_of(&href).await?,
        };
        Ok(Some((etag, body)))
    }

    /// What changed in the collection since `token` (RFC 6578
    /// sync-collection); `None` for everything. [`DavError::SyncTokenInvalid`]
    /// if the server refuses the token: fall back to [`DavClient::list_etags`]
    /// and start again with `None`.
    pub async fn sync(&self, collection_href: &str, token: Option<&str>) -> Result<SyncChanges, DavError> {
        let collection = with_slash(&canonical_href(collection_href));
        let token = token.filter(|t| !t.is_empty());
        let request = match token {
            Some(token) => SyncCollection::new(&collection).with_sync_token(token),
            None => SyncCollection::new(&collection),
        };
        let response = match self.call(request).await {
            Ok(response) => response,
            Err(WebDavError::PreconditionFailed(precondition)) => {
                return Err(if PropertyName::from(precondition) == names::VALID_SYNC_TOKEN {
                    DavError::SyncTokenInvalid
                } else {
                    DavError::Other("the server refused the sync request".into())
                });
            }
            // Servers differ: 403 without a body, 409, 412.
            Err(WebDavError::BadStatusCode(
                StatusCode::FORBIDDEN | StatusCode::CONFLICT | StatusCode::PRECONDITION_FAILED | StatusCode::GONE,
            )) if token.is_some() => return Err(DavError::SyncTokenInvalid),
            Err(err) => return Err(dav_error(err)),
        };
        let mut changes = SyncChanges { token: response.new_sync_token, ..SyncChanges::default() };
        for resource in response.changed {
            let href = canonical_href(&resource.href);
            if resource.resource_type.is_collection || with_slash(&href) == collection {
                continue;
            }
            if let Some(etag) = resource.etag {
                changes.changed.push((href, etag));
            }
        }
        changes.deleted = response.deleted.iter().map(|h| canonical_href(h)).filter(|h| *h != collection).collect();
        Ok(changes)
    }

    /// Every resource in the collection with its etag (PROPFIND depth 1):
    /// the full listing for when sync-collection is unavailable or its token
    /// was refused.
    pub async fn list_etags(&self, collection_href: &str) -> Result<Vec<(String, String)>, DavError> {
        let collection = with_slash(&canonical_href(collection_href));
        let listed = self.call(ListResources::new(&collection)).await.map_err(dav_error)?;
        let mut out = Vec::with_capacity(listed.resources.len());
        for resource in listed.resources {
            let href = canonical_href(&resource.href);
            if resource.resource_type.is_collection || with_slash(&href) == collection {
                continue;
            }
            if resource.status.is_some_and(|s| !s.is_success()) {
                continue;
            }
            let etag = match resource.etag {
                Some(etag) => etag,
                None => self.etag_of(&href).await?,
            };
            out.push((href, etag));
        }
        Ok(out)
    }

    async fn create_resource(&self, href: &str, body: &str, content_type: &str) -> Result<String, DavError> {
        match self.call(PutResource::new(href).create(body, content_type)).await {
            Ok(response) => self.etag_or_fetch(href, response.etag).await,
            Err(WebDavError::BadStatusCode(StatusCode::PRECONDITION_FAILED)) => Err(DavError::Exists),
            Err(err) => Err(dav_error(err)),
        }
    }

    async fn update_resource(
        &self,
        href: &str,
        body: &str,
        etag: &str,
        content_type: &str,
    ) -> Result<String, DavError> {
        let href = canonical_href(href);
        match self.call(PutResource::new(&href).update(body, content_type, etag)).await {
            Ok(response) => self.etag_or_fetch(&href, response.etag).await,
            Err(WebDavError::BadStatusCode(StatusCode::PRECONDITION_FAILED)) => Err(DavError::PreconditionFailed),
            Err(err) => Err(dav_error(err)),
        }
    }

    /// The etag from a PUT reply, or (the server sent none) from PROPFIND.
    async fn etag_or_fetch(&self, href: &str, etag: Option<String>) -> Result<String, DavError> {
        match etag.filter(|e| !e.is_empty()) {
            Some(etag) => Ok(etag),
            None => self.etag_of(href).await,
        }
    }

    async fn etag_of(&self, href: &str) -> Result<String, DavError> {
        Ok(self.call(GetEtag::new(href)).await.map_err(dav_error)?.etag)
    }

    /// One libdav request, with the timeout.
    async fn call<R>(&self, request: R) -> Result<R::Response, WebDavError<HyperError>>
    where
        R: DavRequest<Error<HyperError> = WebDavError<HyperError>>,
        WebDavError<HyperError>: From<R::ParseError>,
    {
        with_timeout(self.webdav.request(request)).await.and_then(|r| r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_from_uids_are_canonical() {
        assert_eq!(href_for("/alice/cal/", "abc-123"), "/alice/cal/abc-123.ics");
        assert_eq!(href_for("/alice/cal", "a b/c@d%e"), "/alice/cal/a%20b%2Fc%40d%25e.ics");
        assert_eq!(vcard_href_for("/alice/book/", "ü"), "/alice/book/%C3%BC.vcf");
        for uid in ["a b/c@d%e", "ü:x", "plain"] {
            let href = href_for("/c/", uid);
            assert_eq!(canonical_href(&href), href);
        }
    }

    #[test]
    fn canonical_href_decodes_unreserved_and_encodes_the_rest() {
        assert_eq!(canonical_href("/a/%7Euser/x%2fy"), "/a/~user/x%2Fy");
        assert_eq!(canonical_href("/a/b c@d"), "/a/b%20c%40d");
        assert_eq!(canonical_href("/a/ü"), "/a/%C3%BC");
        assert_eq!(canonical_href("/a/100%"), "/a/100%25");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("ASH 2026 — Orlando"), "ash-2026-orlando");
        assert_eq!(slug("Réunions"), "reunions");
        assert_eq!(slug("!!!"), "calendar");
    }

    #[test]
    fn urls() {
        let t = parse_url("dav.example.org").unwrap();
        assert_eq!(
            (t.scheme, t.scheme_given, t.host.as_str(), t.port, t.path.as_str()),
            (Scheme::HTTPS, false, "dav.example.org", None, "/")
        );
        let t = parse_url("http://bob:pw@127.0.0.1:5232/dav/").unwrap();
        assert_eq!((t.host.as_str(), t.port, t.path.as_str()), ("127.0.0.1", Some(5232), "/dav/"));
        assert!(is_loopback("127.0.0.1") && is_loopback("localhost") && is_loopback("[::1]"));
        assert!(!is_loopback("192.168.1.2"));
        assert!(matches!(parse_url("ftp://x"), Err(DavError::NotDav(_))));
    }

    #[test]
    fn the_password_is_never_shown() {
        let value = basic_auth("alice", "secret").unwrap();
        assert!(!format!("{value:?}").contains("c2VjcmV0"));
        assert!(value.is_sensitive());
    }
}
