//! How requests travel: hyper with rustls (ring, the platform's trust
//! store), the Authorization header for the user's host only, timeouts, and
//! the mapping of transport failures to [`DavError`] in words.

use super::*;

// ------------------------------------------------------------ transport --

pub(super) type HyperClient = Client<HttpsConnector<HttpConnector>, String>;
pub(super) type HyperError = hyper_util::client::legacy::Error;

/// The hyper client plus the `Authorization` header (for the user's host
/// only) and a User-Agent.
#[derive(Clone)]
pub(super) struct AuthClient {
    pub(super) inner: HyperClient,
    pub(super) auth: HeaderValue,
    pub(super) hosts: Arc<RwLock<Vec<(String, u16)>>>,
}

impl AuthClient {
    pub(super) fn new(auth: HeaderValue, host: (String, u16)) -> Result<AuthClient, DavError> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(Some(CONNECT_TIMEOUT));
        let connector = HttpsConnectorBuilder::new()
            .with_tls_config(tls_config()?)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let inner = Client::builder(TokioExecutor::new()).build(connector);
        Ok(AuthClient { inner, auth, hosts: Arc::new(RwLock::new(vec![host])) })
    }

    pub(super) fn allow_host(&self, host: &str, port: u16) {
        if let Ok(mut hosts) = self.hosts.write() {
            hosts.push((host.to_ascii_lowercase(), port));
        }
    }

    fn sends_credentials_to(&self, uri: &Uri) -> bool {
        let Some(host) = uri.host() else { return false };
        let port = uri.port_u16().unwrap_or(if uri.scheme() == Some(&Scheme::HTTPS) { 443 } else { 80 });
        let host = host.to_ascii_lowercase();
        self.hosts.read().map(|hosts| hosts.iter().any(|(h, p)| *h == host && *p == port)).unwrap_or(false)
    }
}

impl Service<Request<String>> for AuthClient {
    type Response = <HyperClient as Service<Request<String>>>::Response;
    type Error = <HyperClient as Service<Request<String>>>::Error;
    type Future = <HyperClient as Service<Request<String>>>::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Service::poll_ready(&mut self.inner, cx)
    }

    fn call(&mut self, mut request: Request<String>) -> Self::Future {
        if self.sends_credentials_to(request.uri()) {
            request.headers_mut().insert(AUTHORIZATION, self.auth.clone());
        }
        request
            .headers_mut()
            .insert(USER_AGENT, HeaderValue::from_static(concat!("Hallway/", env!("CARGO_PKG_VERSION"))));
        Service::call(&mut self.inner, request)
    }
}

/// A plain HTTPS (or HTTP) client with the same TLS settings and connect
/// timeout, for fetches that are not DAV (a subscribed program).
pub(crate) fn plain_client() -> Result<HyperClient, DavError> {
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_connect_timeout(Some(CONNECT_TIMEOUT));
    let connector =
        HttpsConnectorBuilder::new().with_tls_config(tls_config()?).https_or_http().enable_http1().wrap_connector(http);
    Ok(Client::builder(TokioExecutor::new()).build(connector))
}

/// rustls with the ring provider (passed explicitly, so it does not matter
/// what else in the process enables) and the platform's trust store; built
/// once. With no readable trust store, an empty one: HTTPS then fails with
/// a named certificate error rather than `connect` failing outright.
///
/// rustls 0.23.48 deprecates ring's `default_provider` because ring has no
/// post-quantum key exchange (only aws-lc-rs does); ring is kept on purpose
/// (no C/CMake toolchain for aws-lc), hence the `allow`.
#[allow(deprecated)]
pub(super) fn tls_config() -> Result<rustls::ClientConfig, DavError> {
    static CONFIG: OnceLock<Result<rustls::ClientConfig, DavError>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            // As the rest of the process may build rustls configs without a
            // provider, make ring the default too (an error means one is set).
            let _ = rustls::crypto::ring::default_provider().install_default();
            let provider = Arc::new(rustls::crypto::ring::default_provider());
            let builder = rustls::ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .map_err(|e| DavError::Tls(e.to_string()))?;
            let config = match builder.clone().with_native_roots() {
                Ok(with_roots) => with_roots.with_no_client_auth(),
                Err(_) => builder.with_root_certificates(rustls::RootCertStore::empty()).with_no_client_auth(),
            };
            Ok(config)
        })
        .clone()
}

#[derive(Debug)]
pub(super) struct TimedOut;

impl std::fmt::Display for TimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no answer within {} s", REQUEST_TIMEOUT.as_secs())
    }
}

impl std::error::Error for TimedOut {}

pub(super) async fn with_timeout<T, E>(
    future: impl Future<Output = Result<T, E>>,
) -> Result<Result<T, E>, WebDavError<HyperError>> {
    tokio::time::timeout(REQUEST_TIMEOUT, future)
        .await
        .map_err(|_| WebDavError::Request(RequestError::Http(Box::new(TimedOut))))
}

pub(super) async fn with_timeout_raw<T>(future: impl Future<Output = T>) -> Result<T, DavError> {
    tokio::time::timeout(REQUEST_TIMEOUT, future).await.map_err(|_| DavError::Unreachable(TimedOut.to_string()))
}

/// The general reading of a libdav error.
pub(super) fn dav_error(err: WebDavError<HyperError>) -> DavError {
    match err {
        WebDavError::Request(RequestError::Client(e)) => transport_error(&e),
        WebDavError::Request(RequestError::Http(e)) => {
            if e.is::<TimedOut>() {
                DavError::Unreachable(e.to_string())
            } else {
                DavError::Unreachable(format!("the connection broke during the reply: {}", chain(e.as_ref())))
            }
        }
        WebDavError::BadStatusCode(StatusCode::UNAUTHORIZED) => DavError::Unauthorized,
        WebDavError::BadStatusCode(status) => {
            DavError::Http { status: status.as_u16(), message: status.canonical_reason().unwrap_or("error").to_owned() }
        }
        WebDavError::PreconditionFailed(precondition) => {
            DavError::Http { status: 403, message: format!("precondition failed: {precondition}") }
        }
        WebDavError::Xml(e) => DavError::Other(format!("malformed XML in the reply: {e}")),
        WebDavError::InvalidResponse(e) => DavError::Other(format!("invalid reply: {e}")),
        WebDavError::InvalidInput(e) => DavError::Other(format!("invalid request: {e}")),
    }
}

/// A connection-level failure: TLS (with the certificate problem named) or unreachable.
pub(crate) fn transport_error(err: &(dyn std::error::Error + 'static)) -> DavError {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = current {
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return DavError::Tls(describe_tls(tls));
        }
        // io::Error's `source()` skips the error it wraps: look inside.
        current = match e.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => e.source(),
        };
    }
    DavError::Unreachable(chain(err))
}

pub(super) fn describe_tls(err: &rustls::Error) -> String {
    use rustls::CertificateError as C;
    match err {
        rustls::Error::InvalidCertificate(cert) => match cert {
            C::Expired | C::ExpiredContext { .. } => "the server's certificate has expired".into(),
            C::NotValidYet | C::NotValidYetContext { .. } => {
                "the server's certificate is not valid yet (is this computer's clock right?)".into()
            }
            C::NotValidForName | C::NotValidForNameContext { .. } => {
                "the server's certificate is for another host name".into()
            }
            C::UnknownIssuer => {
                "the server's certificate is not signed by an authority this computer trusts (self-signed?)".into()
            }
            C::Revoked => "the server's certificate has been revoked".into(),
            other => format!("the server's certificate is not acceptable ({other:?})"),
        },
        rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateHandshakeMessage { .. } => {
            format!("the server did not answer in TLS (is the address http:// rather than https://?): {err}")
        }
        other => other.to_string(),
    }
}

/// An error and its causes on one line.
pub(super) fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut current = err.source();
    while let Some(e) = current {
        let part = e.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        current = e.source();
    }
    text
}
