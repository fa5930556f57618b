//! Which address a request comes from, for per-client limits.
//!
//! Behind reverse proxies the connection's peer is the nearest proxy, and
//! each proxy appends the address it was connected from to
//! `X-Forwarded-For`. Entries left of what the trusted proxies wrote come
//! from the client and may be made up, so the address is read from the
//! right: the peer, then each `X-Forwarded-For` entry right to left. A hop
//! is a trusted proxy when it is one of the first `count` hops or lies in
//! one of the trusted networks; the first hop that is not is the client.
//! Without trusted proxies the header is ignored and the peer is the client.

use std::net::{IpAddr, SocketAddr};

use ipnet::IpNet;

/// The proxies in front of this node.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies {
    /// How many hops, counting the connection's peer, are trusted proxies.
    pub count: usize,
    /// Networks whose addresses are trusted proxies.
    pub networks: Vec<IpNet>,
}

/// Longest unparsable entry kept as a client key.
const MAX_ENTRY: usize = 64;

impl TrustedProxies {
    /// The client's address: `peer` is the connection's address,
    /// `forwarded_for` the values of every `X-Forwarded-For` header in order.
    /// When every hop is a trusted proxy the leftmost one is the client.
    pub fn client(&self, peer: Option<IpAddr>, forwarded_for: &[&str]) -> String {
        let Some(peer) = peer.map(|p| p.to_canonical()) else {
            return "unknown".into();
        };
        if self.count == 0 && self.networks.is_empty() {
            return peer.to_string();
        }
        let entries = forwarded_for
            .iter()
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|e| !e.is_empty());
        let hops = std::iter::once(Ok(peer)).chain(entries.rev().map(parse));
        let mut leftmost = peer;
        for (i, hop) in hops.enumerate() {
            match hop {
                Ok(ip) if i < self.count || self.networks.iter().any(|n| n.contains(&ip)) => {
                    leftmost = ip;
                }
                Ok(ip) => return ip.to_string(),
                Err(entry) => return entry.chars().take(MAX_ENTRY).collect(),
            }
        }
        leftmost.to_string()
    }
}

/// An entry as an address (`1.2.3.4`, `1.2.3.4:80`, `::1`, `[::1]:80`), or
/// the entry itself when it is none.
fn parse(entry: &str) -> Result<IpAddr, &str> {
    entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<SocketAddr>().map(|s| s.ip()))
        .map(|ip| ip.to_canonical())
        .map_err(|_| entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    fn count(n: usize) -> TrustedProxies {
        TrustedProxies {
            count: n,
            networks: Vec::new(),
        }
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        assert_eq!(none.client(ip("10.0.0.1"), &["1.2.3.4"]), "10.0.0.1");
        assert_eq!(none.client(None, &[]), "unknown");
    }

    #[test]
    fn one_trusted_proxy_means_the_rightmost_entry_is_the_client() {
        let one = count(1);
        assert_eq!(
            one.client(ip("10.0.0.1"), &["6.6.6.6, 203.0.113.7"]),
            "203.0.113.7"
        );
        assert_eq!(
            one.client(ip("10.0.0.1"), &["6.6.6.6", "203.0.113.7"]),
            "203.0.113.7"
        );
        assert_eq!(
            count(2).client(ip("10.0.0.1"), &["6.6.6.6, 203.0.113.7, 10.0.0.2"]),
            "203.0.113.7"
        );
    }

    #[test]
    fn spoofed_leftmost_entries_do_not_change_the_client() {
        let one = count(1);
        for spoof in ["1.1.1.1", "2.2.2.2, 3.3.3.3", "garbage", ""] {
            let header = format!("{spoof}, 203.0.113.7");
            assert_eq!(one.client(ip("10.0.0.1"), &[&header]), "203.0.113.7");
        }
    }

    #[test]
    fn trusted_networks_are_skipped_from_the_right() {
        let nets = TrustedProxies {
            count: 0,
            networks: vec!["10.0.0.0/8".parse().unwrap(), "fd00::/8".parse().unwrap()],
        };
        assert_eq!(
            nets.client(ip("10.0.0.1"), &["6.6.6.6, 203.0.113.7, 10.9.9.9"]),
            "203.0.113.7"
        );
        assert_eq!(
            nets.client(ip("fd00::1"), &["[2001:db8::1]:443"]),
            "2001:db8::1"
        );
        // A peer outside the networks is the client; its header is not read.
        assert_eq!(
            nets.client(ip("198.51.100.1"), &["6.6.6.6"]),
            "198.51.100.1"
        );
    }

    #[test]
    fn when_every_hop_is_trusted_the_leftmost_is_the_client() {
        assert_eq!(
            count(3).client(ip("10.0.0.1"), &["10.0.0.3, 10.0.0.2"]),
            "10.0.0.3"
        );
        assert_eq!(count(1).client(ip("10.0.0.1"), &[]), "10.0.0.1");
    }

    #[test]
    fn ipv4_mapped_peers_read_as_ipv4() {
        assert_eq!(
            TrustedProxies::default().client(ip("::ffff:192.0.2.1"), &[]),
            "192.0.2.1"
        );
    }
}
