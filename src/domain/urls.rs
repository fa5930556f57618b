//! URLs that merchants give and customers' browsers or our workers follow:
//! only web URLs of a named host, checked the same way the spec's pattern
//! states them ([`WEB_URL_PATTERN`]).

/// `http(s)://host[:port][/path]`: a host of letters, digits, dots and
/// hyphens, a port of 1–4 digits, a path of visible ASCII.
pub const WEB_URL_PATTERN: &str = r"^https?://[A-Za-z0-9.-]+(?::[0-9]{1,4})?(?:/[!-~]*)?$";

/// Longest URL (characters).
pub const MAX_URL: usize = 2000;

/// Whether `value` is a web URL of [`WEB_URL_PATTERN`] (only `https` when
/// `https_only`).
pub fn is_web_url(value: &str, https_only: bool) -> bool {
    let rest = value.strip_prefix("https://").or_else(|| {
        (!https_only)
            .then(|| value.strip_prefix("http://"))
            .flatten()
    });
    let Some(rest) = rest else {
        return false;
    };
    let (host, path) = rest
        .split_once('/')
        .map_or((rest, None), |(h, p)| (h, Some(p)));
    let (name, port) = host
        .split_once(':')
        .map_or((host, None), |(n, p)| (n, Some(p)));
    value.chars().count() <= MAX_URL
        && !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && port.is_none_or(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && path.is_none_or(|p| p.bytes().all(|b| b.is_ascii_graphic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_of_a_named_host_are_accepted() {
        assert!(is_web_url("https://cdn.example.com/logo.svg", true));
        assert!(is_web_url("http://localhost:3000/x?y=1", false));
        assert!(is_web_url("https://a", true));
    }

    #[test]
    fn other_schemes_hosts_and_spaces_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "https://",
            "https://a b/",
            "https://[::1]/",
            "ftp://example.com/",
            "https://example.com:123456/",
        ] {
            assert!(!is_web_url(bad, false), "{bad}");
        }
        assert!(!is_web_url("http://example.com/", true));
    }
}
