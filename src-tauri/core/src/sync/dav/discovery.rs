//! Finding the user's calendars from what they typed: the URL or host, the
//! well-known addresses, the principal and its home sets; and the one
//! request libdav lacks (MKCALENDAR).

use super::*;

// ------------------------------------------------------------- discovery --

pub(super) struct Target {
    pub(super) scheme: Scheme,
    pub(super) scheme_given: bool,
    pub(super) host: String,
    pub(super) port: Option<u16>,
    pub(super) path: String,
}

pub(super) fn parse_url(input: &str) -> Result<Target, DavError> {
    let input = input.trim();
    let not_url = || DavError::NotDav(format!("“{input}” is not a web address"));
    let scheme_given = input.contains("://");
    let full = if scheme_given { input.to_owned() } else { format!("https://{input}") };
    let uri: Uri = full.parse().map_err(|_| not_url())?;
    let scheme = match uri.scheme_str().map(str::to_ascii_lowercase).as_deref() {
        Some("https") => Scheme::HTTPS,
        Some("http") => Scheme::HTTP,
        _ => return Err(DavError::NotDav(format!("“{input}” is not an http:// or https:// address"))),
    };
    // Any user:password@ in the address is dropped, never sent or stored.
    let host = uri.host().filter(|h| !h.is_empty()).ok_or_else(not_url)?.to_owned();
    let path = match uri.path() {
        "" => "/".to_owned(),
        path => path.to_owned(),
    };
    Ok(Target { scheme, scheme_given, host, port: uri.port_u16(), path })
}

pub(super) fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

pub(super) fn basic_auth(user: &str, password: &str) -> Result<HeaderValue, DavError> {
    let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    let mut value = HeaderValue::from_str(&format!("Basic {token}"))
        .map_err(|_| DavError::Other("the user name cannot be sent in a header".into()))?;
    value.set_sensitive(true);
    Ok(value)
}

pub(super) async fn connect_to(target: &Target, https: bool, auth: HeaderValue) -> Result<DavClient, DavError> {
    let scheme = if https { Scheme::HTTPS } else { Scheme::HTTP };
    let port = target.port.unwrap_or(if https { 443 } else { 80 });
    let authority: Authority = match target.port {
        Some(port) => format!("{}:{port}", bracket(&target.host)),
        None => bracket(&target.host),
    }
    .parse()
    .map_err(|_| DavError::NotDav(format!("“{}” is not a host name", target.host)))?;
    let base = Uri::builder()
        .scheme(scheme.clone())
        .authority(authority)
        .path_and_query(target.path.as_str())
        .build()
        .map_err(|e| DavError::NotDav(format!("invalid address: {e}")))?;

    let client = AuthClient::new(auth, (target.host.to_ascii_lowercase(), port))?;
    let mut webdav = WebDavClient::new(base.clone(), client.clone());

    // 1. The context path: the URL itself if it speaks CalDAV, else the well-known address.
    let (caldav, carddav) = if https {
        (DiscoverableService::CalDavs, DiscoverableService::CardDavs)
    } else {
        (DiscoverableService::CalDav, DiscoverableService::CardDav)
    };
    let context = find_context(&webdav, &client, caldav, &target.host, port).await?;
    webdav.base_url = context.clone().unwrap_or(base);

    // 2. The principal, checking the credentials on the way.
    let principal = match webdav.find_current_user_principal().await {
        Ok(Some(uri)) => uri.path().to_owned(),
        Ok(None) => webdav.base_url.path().to_owned(),
        Err(libdav::dav::FindCurrentUserPrincipalError::RequestError(err)) => return Err(discovery_error(err)),
        Err(libdav::dav::FindCurrentUserPrincipalError::InvalidInput(e)) => return Err(DavError::Other(e.to_string())),
    };
    let principal = canonical_href(&principal);

    // 3. The home sets.
    let calendar_home = with_timeout(webdav.request(FindCalendarHomeSet::new(&principal)))
        .await
        .and_then(|r| r)
        .map_err(discovery_error)?
        .home_sets
        .into_iter()
        .next()
        .map(|uri| with_slash(&canonical_href(uri.path())))
        .ok_or_else(|| DavError::NotDav("the server names no calendar home for this account".into()))?;
    let mut addressbook_home = addressbook_home_of(&webdav, &principal).await?;
    if addressbook_home.is_none() {
        // The CardDAV service may live elsewhere on the same host.
        if let Some(card_context) = find_context(&webdav, &client, carddav, &target.host, port).await? {
            if Some(&card_context) != context.as_ref() {
                let mut card = webdav.clone();
                card.base_url = card_context;
                if let Ok(Some(uri)) = card.find_current_user_principal().await {
                    addressbook_home = addressbook_home_of(&card, &canonical_href(uri.path())).await?;
                }
            }
        }
    }

    let account = DavAccount { base_url: webdav.base_url.to_string(), principal, calendar_home, addressbook_home };
    Ok(DavClient { webdav, account })
}

pub(super) fn bracket(host: &str) -> String {
    if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]")
    } else {
        host.to_owned()
    }
}

/// The context URL for `service`: `None` if the base URL itself is the one
/// (or nothing better is advertised).
pub(super) async fn find_context(
    webdav: &WebDavClient<AuthClient>,
    client: &AuthClient,
    service: DiscoverableService,
    host: &str,
    port: u16,
) -> Result<Option<Uri>, DavError> {
    let base = webdav.base_url.clone();
    let access = match service {
        DiscoverableService::CalDav | DiscoverableService::CalDavs => "calendar-access",
        DiscoverableService::CardDav | DiscoverableService::CardDavs => "addressbook",
    };
    match with_timeout_raw(webdav.request(libdav::dav::CheckSupport::new(&base, access))).await? {
        Ok(()) => return Ok(None),
        Err(CheckSupportError::Request(err)) => return Err(dav_error(WebDavError::Request(err))),
        Err(CheckSupportError::BadStatusCode(StatusCode::UNAUTHORIZED)) => return Err(DavError::Unauthorized),
        Err(_) => {}
    }
    match with_timeout_raw(webdav.find_context_path(service, host, port)).await? {
        Ok(Some(uri)) => {
            // Credentials follow a redirect to another host only over HTTPS.
            if let Some(new_host) = uri.host() {
                if uri.scheme() == Some(&Scheme::HTTPS) {
                    client.allow_host(new_host, uri.port_u16().unwrap_or(443));
                }
            }
            Ok(Some(uri))
        }
        Ok(None) => Ok(None),
        Err(libdav::dav::ResolveContextPathError::Request(err)) => Err(dav_error(WebDavError::Request(err))),
        Err(libdav::dav::ResolveContextPathError::BadStatusCode(StatusCode::UNAUTHORIZED)) => {
            Err(DavError::Unauthorized)
        }
        Err(_) => Ok(None),
    }
}

pub(super) async fn addressbook_home_of(
    webdav: &WebDavClient<AuthClient>,
    principal: &str,
) -> Result<Option<String>, DavError> {
    match with_timeout(webdav.request(FindAddressBookHomeSet::new(principal))).await.and_then(|r| r) {
        Ok(found) => Ok(found.home_sets.into_iter().next().map(|uri| with_slash(&canonical_href(uri.path())))),
        Err(err) => match discovery_error(err) {
            err @ (DavError::Unauthorized | DavError::Unreachable(_) | DavError::Tls(_)) => Err(err),
            _ => Ok(None),
        },
    }
}

/// Discovery's reading of errors: an answer that is not WebDAV means the
/// address is not a CalDAV server.
pub(super) fn discovery_error(err: WebDavError<HyperError>) -> DavError {
    match err {
        WebDavError::Xml(e) => DavError::NotDav(format!("the reply is not WebDAV XML ({e})")),
        WebDavError::InvalidResponse(e) => DavError::NotDav(format!("unexpected reply ({e})")),
        WebDavError::BadStatusCode(
            status @ (StatusCode::NOT_FOUND
            | StatusCode::METHOD_NOT_ALLOWED
            | StatusCode::NOT_IMPLEMENTED
            | StatusCode::BAD_REQUEST),
        ) => DavError::NotDav(format!("the server answered {status} to a WebDAV request")),
        other => dav_error(other),
    }
}

pub(super) fn collection(found: libdav::dav::FoundCollection) -> DavCollection {
    let display_name = found
        .properties
        .iter()
        .find(|(name, _)| **name == names::DISPLAY_NAME)
        .and_then(|(_, value)| value.clone())
        .filter(|v| !v.trim().is_empty());
    DavCollection { href: with_slash(&canonical_href(&found.href)), display_name, supports_sync: found.supports_sync }
}

pub(super) fn with_slash(href: &str) -> String {
    if href.ends_with('/') {
        href.to_owned()
    } else {
        format!("{href}/")
    }
}

/// A path segment from a collection name: ASCII letters, digits and dashes.
pub(super) fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_ascii_lowercase();
    let mut slug = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(48).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "calendar".to_owned()
    } else {
        slug.to_owned()
    }
}

pub(super) fn header_etag(headers: &http::HeaderMap) -> Option<String> {
    headers.get(http::header::ETAG).and_then(|v| v.to_str().ok()).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// MKCALENDAR (RFC 4791 §5.3.1) with a display name. libdav 0.11.2's
/// `CreateCalendar` sends an extended MKCOL (RFC 5689) instead, which not
/// every CalDAV server implements; MKCALENDAR is the CalDAV method itself.
pub(super) struct MkCalendar<'a> {
    pub(super) href: &'a str,
    pub(super) display_name: &'a str,
}

pub(super) const MKCALENDAR: PropertyName<'static, 'static> = PropertyName::new(names::CALDAV, "mkcalendar");

impl DavRequest for MkCalendar<'_> {
    type Response = ();
    type ParseError = ParseResponseError;
    type Error<E> = WebDavError<E>;

    fn prepare_request(&self, base_url: Uri) -> Result<Request<String>, http::Error> {
        let name = XmlNode::new(&names::DISPLAY_NAME).with_text(self.display_name);
        let prop = XmlNode::new(&names::PROP).with_children(vec![name]);
        let set = XmlNode::new(&names::SET).with_children(vec![prop]);
        let body = XmlNode::new(&MKCALENDAR).with_children(vec![set]).render_node();
        let (ct_name, ct_value) = xml_content_type_header();
        Request::builder()
            .method(Method::from_bytes(b"MKCALENDAR")?)
            .uri(make_relative_url(base_url, self.href)?)
            .header(ct_name, ct_value)
            .body(body)
    }

    fn parse_response(&self, parts: &http::response::Parts, _body: &[u8]) -> Result<(), ParseResponseError> {
        if parts.status.is_success() {
            Ok(())
        } else {
            Err(ParseResponseError::BadStatusCode(parts.status))
        }
    }
}
