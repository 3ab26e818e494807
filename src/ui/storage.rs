//! `localStorage`: the text and the theme, kept on this device only.
//!
//! Every call tolerates storage being disabled, full or throwing: the page
//! keeps working and says so (see `Storage::Unavailable`).

const TEXT_KEY: &str = "nutshell.text";

/// Browsers keep about 5 Mi UTF-16 units per origin in `localStorage`
/// (Chromium: 10 MiB counting two bytes a unit): a longer text cannot fit,
/// and trying costs the main thread a copy of it for nothing.
const MAX_SAVED_TEXT_BYTES: usize = 5 * 1024 * 1024;
const THEME_KEY: &str = "nutshell.theme";
/// The reader's corrections of the cleaning of the saved text.
const OVERRIDES_KEY: &str = "nutshell.overrides";
/// A rich paste's hints (`engine::Hint`), kept with the text.
const HINTS_KEY: &str = "nutshell.hints";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Saves `value` (removes the key when it is empty); `false` when storage
/// is unavailable or refused it (quota).
fn save(key: &str, value: &str) -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    if value.is_empty() {
        return storage.remove_item(key).is_ok();
    }
    if storage.set_item(key, value).is_ok() {
        return true;
    }
    // Over quota: drop the older copy rather than restore a stale text later.
    let _ = storage.remove_item(key);
    false
}

pub fn load_text() -> Option<String> {
    load(TEXT_KEY)
}

pub fn save_text(text: &str) -> bool {
    if text.len() > MAX_SAVED_TEXT_BYTES {
        // Drop the older copy rather than restore a stale text later.
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(TEXT_KEY);
        }
        return false;
    }
    save(TEXT_KEY, text)
}

pub fn load_theme() -> Option<String> {
    load(THEME_KEY)
}

pub fn save_theme(code: &str) -> bool {
    save(THEME_KEY, code)
}

/// The reader's corrections, kept as `at+` (kept) or `at-` (set aside),
/// comma-separated: a format this small needs no JSON parser in the page.
pub fn load_overrides() -> Vec<crate::engine::Override> {
    load(OVERRIDES_KEY)
        .map(|saved| {
            saved
                .split(',')
                .filter_map(|item| {
                    let (at, keep) = match item.strip_suffix('+') {
                        Some(at) => (at, true),
                        None => (item.strip_suffix('-')?, false),
                    };
                    let at = digits(at)?;
                    Some(crate::engine::Override { at, keep })
                })
                .collect()
        })
        .unwrap_or_default()
}

pub fn save_overrides(overrides: &[crate::engine::Override]) -> bool {
    let saved: Vec<String> = overrides
        .iter()
        .map(|o| format!("{}{}", o.at, if o.keep { '+' } else { '-' }))
        .collect();
    save(OVERRIDES_KEY, &saved.join(","))
}

/// What a rich paste's markup says of the text's lines, kept as
/// `at.links.marks`, comma-separated (as the corrections are).
pub fn load_hints() -> Vec<crate::engine::Hint> {
    load(HINTS_KEY)
        .map(|saved| {
            saved
                .split(',')
                .filter_map(|item| {
                    let mut n = item.split('.').map(digits);
                    let (at, links, marks) = (n.next()??, n.next()??, n.next()??);
                    Some(crate::engine::Hint {
                        at,
                        links: u8::try_from(links).ok()?,
                        marks: u16::try_from(marks).ok()?,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

pub fn save_hints(hints: &[crate::engine::Hint]) -> bool {
    let saved: Vec<String> = hints
        .iter()
        .map(|h| format!("{}.{}.{}", h.at, h.links, u32::from(h.marks)))
        .collect();
    save(HINTS_KEY, &saved.join(","))
}

/// A decimal number, by hand: `str::parse` would add its code to the page.
fn digits(s: &str) -> Option<usize> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0usize, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        n.checked_mul(10)?.checked_add(usize::from(digit))
    })
}

/// The bookmarklet's secret: only a message that carries it is accepted.
const BOOKMARKLET_TOKEN_KEY: &str = "nutshell.bookmarklet-token";
/// 16 random bytes, as 32 hexadecimal digits.
const TOKEN_BYTES: usize = 16;

/// The bookmarklet's token, if one was made on this device.
pub fn load_bookmarklet_token() -> Option<String> {
    load(BOOKMARKLET_TOKEN_KEY).filter(|t| t.len() == 2 * TOKEN_BYTES)
}

/// The bookmarklet's token, made (from `crypto.getRandomValues`) and kept
/// the first time; `None` when storage or the random source is unavailable.
pub fn bookmarklet_token() -> Option<String> {
    if let Some(token) = load_bookmarklet_token() {
        return Some(token);
    }
    let mut bytes = [0u8; TOKEN_BYTES];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let token: String = bytes
        .iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
        .map(char::from)
        .collect();
    save(BOOKMARKLET_TOKEN_KEY, &token).then_some(token)
}
