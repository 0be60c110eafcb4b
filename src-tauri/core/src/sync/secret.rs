//! The server password in the operating system's keychain (the keyring
//! project's stores: Secret Service on Linux, Keychain on macOS, Credential
//! Manager on Windows), never in the database or a log. One entry per server
//! and user. A computer without a keychain (a Linux session with no Secret
//! Service) is told in words what to do, not shown a library error.
//!
//! Entries are `keyring_core` entries in the default credential store. The
//! app and the CLI get the platform's store, set up once on first use: on
//! Linux and the BSDs the Secret Service over libdbus (the keyring project's
//! `dbus-secret-service-keyring-store`, see Cargo.toml), elsewhere the one
//! `keyring` picks; unit tests put keyring-core's in-memory store there first.

use crate::CoreError;
use keyring_core::Error;

/// The keychain's service name for Hallway's server passwords.
const SERVICE: &str = "app.hallway.desktop.dav";

/// The entry's user name: who, and on which server.
fn key(server_url: &str, user: &str) -> String {
    format!("{user} at {server_url}")
}

fn entry(server_url: &str, user: &str) -> Result<keyring_core::Entry, CoreError> {
    // No store chosen yet: the platform's (set up once, or it says why it cannot).
    if keyring_core::get_default_store().is_none() && platform_store().is_err() {
        return Err(explain(Error::NoDefaultStore));
    }
    keyring_core::Entry::new(SERVICE, &key(server_url, user)).map_err(explain)
}

/// Sets the Secret Service (over libdbus) up as the default store, once; what
/// `keyring`'s `v1` does with its zbus-based twin of the same store.
#[cfg(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
fn platform_store() -> &'static Result<(), Error> {
    static SET_UP: std::sync::LazyLock<Result<(), Error>> = std::sync::LazyLock::new(|| {
        keyring_core::set_default_store(dbus_secret_service_keyring_store::Store::new()?);
        Ok(())
    });
    &SET_UP
}

/// Keychain on macOS, Credential Manager on Windows, as `keyring` sets it up.
#[cfg(not(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android")))))]
fn platform_store() -> &'static Result<(), Error> {
    keyring::Entry::store_status()
}

/// Keeps `password` for the account.
pub fn save_password(server_url: &str, user: &str, password: &str) -> Result<(), CoreError> {
    entry(server_url, user)?.set_password(password).map_err(explain)
}

/// The account's password, as kept by [`save_password`].
pub fn password(server_url: &str, user: &str) -> Result<String, CoreError> {
    entry(server_url, user)?.get_password().map_err(explain)
}

/// Forgets the account's password (nothing kept is not an error).
pub fn forget_password(server_url: &str, user: &str) -> Result<(), CoreError> {
    match entry(server_url, user)?.delete_credential() {
        Ok(()) | Err(Error::NoEntry) => Ok(()),
        Err(e) => Err(explain(e)),
    }
}

/// The keychain's error in words; the library's own text is kept last.
fn explain(error: Error) -> CoreError {
    CoreError::Sync(match error {
        Error::NoDefaultStore | Error::NoStorageAccess(_) | Error::PlatformFailure(_) => {
            format!(
                "Hallway cannot use this computer's keychain, so it cannot keep the password. On Linux this needs a \
                 Secret Service (GNOME Keyring or KWallet) running and unlocked; start it and connect again. ({error})"
            )
        }
        Error::NoEntry => "No password is kept for this account: enter it again in Settings.".to_owned(),
        other => format!("The keychain refused: {other}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_kept_per_account_read_back_and_forgotten() {
        keyring_core::set_default_store(keyring_core::mock::Store::new().expect("the in-memory store"));
        save_password("https://dav.example/", "alice", "s3cret").unwrap();
        save_password("https://other.example/", "alice", "other").unwrap();
        assert_eq!(password("https://dav.example/", "alice").unwrap(), "s3cret");
        assert_eq!(password("https://other.example/", "alice").unwrap(), "other");
        save_password("https://dav.example/", "alice", "new").unwrap();
        assert_eq!(password("https://dav.example/", "alice").unwrap(), "new", "a new password replaces the old");
        forget_password("https://dav.example/", "alice").unwrap();
        forget_password("https://dav.example/", "alice").unwrap();
        let CoreError::Sync(words) = password("https://dav.example/", "alice").unwrap_err() else { panic!("sync") };
        assert!(words.contains("enter it again"), "{words}");
        assert_eq!(password("https://other.example/", "alice").unwrap(), "other");
    }

    #[test]
    fn each_account_has_its_own_entry_and_the_words_say_what_to_do() {
        assert_ne!(key("https://a.example/", "alice"), key("https://b.example/", "alice"));
        let CoreError::Sync(words) = explain(Error::NoDefaultStore) else { panic!("a sync error") };
        assert!(words.contains("Secret Service") && words.contains("connect again"), "{words}");
        let CoreError::Sync(words) = explain(Error::NoEntry) else { panic!("a sync error") };
        assert!(words.contains("enter it again"), "{words}");
    }
}
