//! Reminders as OS notifications. Linux and the BSDs send the Desktop
//! Notifications `Notify` call over the session bus through libdbus (the
//! `dbus` crate, linked anyway by the window layer) instead of
//! tauri-plugin-notification, which would bring zbus into the binary; macOS
//! and Windows keep the plugin. What the user sees is the same: the reminder's
//! title and body from "hallway" with its icon.

use tauri::AppHandle;

/// Shows one notification; returns at once, the message goes out on a
/// blocking thread. A reminder that cannot be shown is logged, never an
/// error for the caller: the reminder loop goes on either way.
#[cfg(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
pub fn show(_app: &AppHandle, title: &str, body: &str) {
    let (title, body) = (title.to_owned(), body.to_owned());
    tauri::async_runtime::spawn_blocking(move || {
        if let Err(err) = linux::notify(&title, &body) {
            eprintln!("Hallway: could not show a reminder: {err}");
        }
    });
}

/// Shows one notification through tauri-plugin-notification; what fails is
/// logged, as on Linux.
#[cfg(not(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android")))))]
pub fn show(app: &AppHandle, title: &str, body: &str) {
    use tauri_plugin_notification::NotificationExt;
    if let Err(err) = app.notification().builder().title(title).body(body).show() {
        eprintln!("Hallway: could not show a reminder: {err}");
    }
}

#[cfg(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
mod linux {
    use dbus::arg::PropMap;
    use dbus::blocking::Connection;
    use std::sync::Mutex;
    use std::time::Duration;

    /// One session bus connection for all notifications, opened with the
    /// first and kept: servers such as GNOME Shell take a notification away
    /// when the connection that sent it closes (as tauri-plugin-notification
    /// does, for the same reason).
    static BUS: Mutex<Option<Connection>> = Mutex::new(None);

    /// `Notify` as notify-rust fills it for the plugin: the executable's name
    /// as application and icon, no replaced id, no actions or hints, the
    /// server's own timeout. Once more on a new connection if the kept one
    /// fails (the session bus restarted).
    pub fn notify(title: &str, body: &str) -> Result<u32, dbus::Error> {
        let name = exe_name();
        let mut bus = BUS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut last = None;
        for _ in 0..2 {
            let connection = match bus.take() {
                Some(connection) => connection,
                None => Connection::new_session()?,
            };
            // Signals the server sent back (NotificationClosed) are dropped
            // here instead of piling up in the connection's queue.
            let _ = connection.process(Duration::ZERO);
            let proxy = connection.with_proxy(
                "org.freedesktop.Notifications",
                "/org/freedesktop/Notifications",
                Duration::from_secs(5),
            );
            let sent: Result<(u32,), _> = proxy.method_call(
                "org.freedesktop.Notifications",
                "Notify",
                (&name, 0u32, &name, title, body, Vec::<String>::new(), PropMap::new(), -1i32),
            );
            match sent {
                Ok((id,)) => {
                    *bus = Some(connection);
                    return Ok(id);
                }
                Err(err) => last = Some(err),
            }
        }
        Err(last.expect("two attempts"))
    }

    /// The running executable's file name ("hallway"), as notify-rust's
    /// default application name and `auto_icon`.
    fn exe_name() -> String {
        std::env::current_exe()
            .ok()
            .and_then(|path| path.file_name().map(|name| name.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "hallway".to_owned())
    }
}
