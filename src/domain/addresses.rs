//! Which IP addresses a tenant-given URL may point at: none of the blocks of
//! the IANA IPv4 and IPv6 Special-Purpose Address Registries that are not
//! globally reachable, nor multicast, nor the deprecated site-local and
//! 6to4-relay blocks ([`SPECIAL_V4`], [`SPECIAL_V6`]).
//!
//! An IPv6 address that carries an IPv4 address ([`EMBEDDING_V6`]: mapped,
//! compatible, SIIT, NAT64, 6to4, Teredo) reaches that IPv4 address through
//! a translator or tunnel, so it is judged by the IPv4 address inside, not
//! by its own block: `::ffff:127.0.0.1` and `64:ff9b:1::7f00:1` are
//! loopback. The tables are the registries' rows, copied as data so that a
//! new row is one line and each has its test.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// One refused block: its prefix, its name and where it is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block<A> {
    /// The first address of the block.
    pub first: A,
    /// The prefix length.
    pub len: u8,
    /// The registry's name of the block.
    pub name: &'static str,
    /// The RFC that defines it.
    pub rfc: &'static str,
}

const fn v4(
    a: u8,
    b: u8,
    c: u8,
    d: u8,
    len: u8,
    name: &'static str,
    rfc: &'static str,
) -> Block<Ipv4Addr> {
    Block {
        first: Ipv4Addr::new(a, b, c, d),
        len,
        name,
        rfc,
    }
}

const fn v6(s: [u16; 8], len: u8, name: &'static str, rfc: &'static str) -> Block<Ipv6Addr> {
    Block {
        first: Ipv6Addr::new(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]),
        len,
        name,
        rfc,
    }
}

/// The IPv4 blocks refused: every row of the IANA IPv4 Special-Purpose
/// Address Registry whose "Globally Reachable" is False or N/A, and
/// multicast (IANA IPv4 Multicast Address Space Registry). The registry's
/// globally reachable rows inside a refused block (192.0.0.9/32 PCP anycast,
/// 192.0.0.10/32 TURN anycast, 192.88.99.2/32 6a44 relay) are anycast
/// service addresses, never a webhook receiver, and stay refused with their
/// block. AS112 (192.31.196.0/24, 192.175.48.0/24) and AMT
/// (192.52.193.0/24) are globally reachable and allowed.
pub const SPECIAL_V4: &[Block<Ipv4Addr>] = &[
    v4(0, 0, 0, 0, 8, "This network", "RFC 791"),
    v4(0, 0, 0, 0, 32, "This host on this network", "RFC 1122"),
    v4(10, 0, 0, 0, 8, "Private-Use", "RFC 1918"),
    v4(100, 64, 0, 0, 10, "Shared Address Space", "RFC 6598"),
    v4(127, 0, 0, 0, 8, "Loopback", "RFC 1122"),
    v4(169, 254, 0, 0, 16, "Link Local", "RFC 3927"),
    v4(172, 16, 0, 0, 12, "Private-Use", "RFC 1918"),
    v4(192, 0, 0, 0, 24, "IETF Protocol Assignments", "RFC 6890"),
    v4(
        192,
        0,
        0,
        0,
        29,
        "IPv4 Service Continuity Prefix",
        "RFC 7335",
    ),
    v4(192, 0, 0, 8, 32, "IPv4 dummy address", "RFC 7600"),
    v4(192, 0, 0, 170, 32, "NAT64/DNS64 Discovery", "RFC 8880"),
    v4(192, 0, 0, 171, 32, "NAT64/DNS64 Discovery", "RFC 8880"),
    v4(192, 0, 2, 0, 24, "Documentation (TEST-NET-1)", "RFC 5737"),
    v4(
        192,
        88,
        99,
        0,
        24,
        "Deprecated (6to4 Relay Anycast)",
        "RFC 7526",
    ),
    v4(192, 168, 0, 0, 16, "Private-Use", "RFC 1918"),
    v4(198, 18, 0, 0, 15, "Benchmarking", "RFC 2544"),
    v4(
        198,
        51,
        100,
        0,
        24,
        "Documentation (TEST-NET-2)",
        "RFC 5737",
    ),
    v4(203, 0, 113, 0, 24, "Documentation (TEST-NET-3)", "RFC 5737"),
    v4(224, 0, 0, 0, 4, "Multicast", "RFC 5771"),
    v4(240, 0, 0, 0, 4, "Reserved", "RFC 1112"),
    v4(255, 255, 255, 255, 32, "Limited Broadcast", "RFC 919"),
];

/// The IPv6 blocks refused: every row of the IANA IPv6 Special-Purpose
/// Address Registry whose "Globally Reachable" is False, multicast
/// (RFC 4291) and the deprecated site-local block (RFC 3879). The rows that
/// carry an IPv4 address are in [`EMBEDDING_V6`] instead. The registry's
/// globally reachable rows inside 2001::/23 (PCP, TURN and DNS-SD SRP
/// anycast, AMT, AS112-v6, ORCHIDv2, drone DETs) are protocol addresses,
/// never a webhook receiver, and stay refused with their block.
pub const SPECIAL_V6: &[Block<Ipv6Addr>] = &[
    v6(
        [0, 0, 0, 0, 0, 0, 0, 1],
        128,
        "Loopback Address",
        "RFC 4291",
    ),
    v6([0; 8], 128, "Unspecified Address", "RFC 4291"),
    v6(
        [0x100, 0, 0, 0, 0, 0, 0, 0],
        64,
        "Discard-Only Address Block",
        "RFC 6666",
    ),
    v6(
        [0x100, 0, 0, 1, 0, 0, 0, 0],
        64,
        "Dummy IPv6 Prefix",
        "RFC 9780",
    ),
    v6(
        [0x2001, 0, 0, 0, 0, 0, 0, 0],
        23,
        "IETF Protocol Assignments",
        "RFC 2928",
    ),
    v6(
        [0x2001, 2, 0, 0, 0, 0, 0, 0],
        48,
        "Benchmarking",
        "RFC 5180",
    ),
    v6(
        [0x2001, 0x10, 0, 0, 0, 0, 0, 0],
        28,
        "Deprecated (previously ORCHID)",
        "RFC 4843",
    ),
    v6(
        [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0],
        32,
        "Documentation",
        "RFC 3849",
    ),
    v6(
        [0x3fff, 0, 0, 0, 0, 0, 0, 0],
        20,
        "Documentation",
        "RFC 9637",
    ),
    v6(
        [0x5f00, 0, 0, 0, 0, 0, 0, 0],
        16,
        "Segment Routing (SRv6) SIDs",
        "RFC 9602",
    ),
    v6([0xfc00, 0, 0, 0, 0, 0, 0, 0], 7, "Unique-Local", "RFC 4193"),
    v6(
        [0xfe80, 0, 0, 0, 0, 0, 0, 0],
        10,
        "Link-Local Unicast",
        "RFC 4291",
    ),
    v6(
        [0xfec0, 0, 0, 0, 0, 0, 0, 0],
        10,
        "Site-Local (deprecated)",
        "RFC 3879",
    ),
    v6([0xff00, 0, 0, 0, 0, 0, 0, 0], 8, "Multicast", "RFC 4291"),
];

/// Where an IPv6 block keeps its IPv4 address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embedding {
    /// In the last 32 bits.
    Last32,
    /// In any of the positions RFC 6052 gives a /48, /56, /64 or /96
    /// translation prefix: a local-use NAT64 prefix may be any of them.
    Rfc6052,
    /// In bits 16–47 (6to4).
    SixToFour,
    /// In the last 32 bits, inverted (Teredo's client address).
    Teredo,
}

/// The IPv6 blocks that carry an IPv4 address, most specific first; an
/// address in one of them is refused when the IPv4 address inside is.
pub const EMBEDDING_V6: &[(Block<Ipv6Addr>, Embedding)] = &[
    (
        v6(
            [0, 0, 0, 0, 0, 0xffff, 0, 0],
            96,
            "IPv4-mapped Address",
            "RFC 4291",
        ),
        Embedding::Last32,
    ),
    (
        v6(
            [0, 0, 0, 0, 0xffff, 0, 0, 0],
            96,
            "IPv4-translated Address (SIIT)",
            "RFC 2765",
        ),
        Embedding::Last32,
    ),
    (
        v6(
            [0; 8],
            96,
            "IPv4-compatible Address (deprecated)",
            "RFC 4291",
        ),
        Embedding::Last32,
    ),
    (
        v6(
            [0x64, 0xff9b, 0, 0, 0, 0, 0, 0],
            96,
            "IPv4-IPv6 Translation",
            "RFC 6052",
        ),
        Embedding::Last32,
    ),
    (
        v6(
            [0x64, 0xff9b, 1, 0, 0, 0, 0, 0],
            48,
            "IPv4-IPv6 Translation (local use)",
            "RFC 8215",
        ),
        Embedding::Rfc6052,
    ),
    (
        v6([0x2001, 0, 0, 0, 0, 0, 0, 0], 32, "TEREDO", "RFC 4380"),
        Embedding::Teredo,
    ),
    (
        v6([0x2002, 0, 0, 0, 0, 0, 0, 0], 16, "6to4", "RFC 3056"),
        Embedding::SixToFour,
    ),
];

impl Block<Ipv4Addr> {
    /// Whether `ip` lies in the block.
    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        let mask = u32::MAX.checked_shl(32 - u32::from(self.len)).unwrap_or(0);
        (ip.to_bits() ^ self.first.to_bits()) & mask == 0
    }
}

impl Block<Ipv6Addr> {
    /// Whether `ip` lies in the block.
    pub fn contains(&self, ip: Ipv6Addr) -> bool {
        let mask = u128::MAX
            .checked_shl(128 - u32::from(self.len))
            .unwrap_or(0);
        (ip.to_bits() ^ self.first.to_bits()) & mask == 0
    }
}

impl<A: fmt::Display> fmt::Display for Block<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{} ({}, {})",
            self.first, self.len, self.name, self.rfc
        )
    }
}

/// Why an address is refused: the block it lies in, and for an IPv6
/// address carrying an IPv4 address, that IPv4 address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// An IPv4 address in a refused block.
    V4(Block<Ipv4Addr>),
    /// An IPv6 address in a refused block.
    V6(Block<Ipv6Addr>),
    /// An IPv6 address of an embedding block whose IPv4 address is refused.
    Embedded(Block<Ipv6Addr>, Ipv4Addr, Block<Ipv4Addr>),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::V4(b) => write!(f, "it lies in {b}"),
            Refusal::V6(b) => write!(f, "it lies in {b}"),
            Refusal::Embedded(outer, ip, b) => {
                write!(
                    f,
                    "it is an {} carrying {ip}, which lies in {b}",
                    outer.name
                )
            }
        }
    }
}

/// Why `ip` is not a public address, or `None` when it is.
pub fn refusal(ip: IpAddr) -> Option<Refusal> {
    match ip {
        IpAddr::V4(v4) => refused_v4(v4).map(Refusal::V4),
        IpAddr::V6(v6) => refused_v6(v6),
    }
}

/// Whether tenant-given URLs may reach `ip`: it lies in no refused block.
pub fn is_public_ip(ip: IpAddr) -> bool {
    refusal(ip).is_none()
}

fn refused_v4(ip: Ipv4Addr) -> Option<Block<Ipv4Addr>> {
    SPECIAL_V4.iter().find(|b| b.contains(ip)).copied()
}

fn refused_v6(ip: Ipv6Addr) -> Option<Refusal> {
    // `::` and `::1` are rows of their own, not IPv4-compatible addresses.
    if let Some(b) = SPECIAL_V6.iter().find(|b| b.len == 128 && b.contains(ip)) {
        return Some(Refusal::V6(*b));
    }
    if let Some((outer, embedding)) = EMBEDDING_V6.iter().find(|(b, _)| b.contains(ip)) {
        return embedded_v4(ip, *embedding)
            .into_iter()
            .find_map(|v4| refused_v4(v4).map(|b| Refusal::Embedded(*outer, v4, b)));
    }
    SPECIAL_V6
        .iter()
        .find(|b| b.contains(ip))
        .map(|b| Refusal::V6(*b))
}

/// The IPv4 addresses `ip` may carry (several when the prefix length of a
/// local-use translation prefix is not known).
fn embedded_v4(ip: Ipv6Addr, embedding: Embedding) -> Vec<Ipv4Addr> {
    let b = ip.octets();
    let at = |i: [usize; 4]| Ipv4Addr::new(b[i[0]], b[i[1]], b[i[2]], b[i[3]]);
    match embedding {
        Embedding::Last32 => vec![at([12, 13, 14, 15])],
        // RFC 6052 §2.2: bits 64–71 (octet 8) are left out.
        Embedding::Rfc6052 => vec![
            at([12, 13, 14, 15]),
            at([9, 10, 11, 12]),
            at([7, 9, 10, 11]),
            at([6, 7, 9, 10]),
        ],
        Embedding::SixToFour => vec![at([2, 3, 4, 5])],
        Embedding::Teredo => vec![Ipv4Addr::from_bits(!at([12, 13, 14, 15]).to_bits())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_first_address_of_every_refused_ipv4_block_is_refused() {
        for block in SPECIAL_V4 {
            assert!(
                !is_public_ip(IpAddr::V4(block.first)),
                "{block} counted as public"
            );
        }
    }

    #[test]
    fn the_last_address_of_every_refused_ipv4_block_is_refused() {
        for block in SPECIAL_V4 {
            let last =
                block.first.to_bits() | (u32::MAX.checked_shr(u32::from(block.len)).unwrap_or(0));
            assert!(
                !is_public_ip(IpAddr::V4(Ipv4Addr::from_bits(last))),
                "end of {block} counted as public"
            );
        }
    }

    #[test]
    fn the_first_address_of_every_refused_ipv6_block_is_refused() {
        for block in SPECIAL_V6 {
            assert!(
                !is_public_ip(IpAddr::V6(block.first)),
                "{block} counted as public"
            );
        }
    }

    #[test]
    fn an_address_of_every_embedding_block_is_refused_when_it_carries_loopback() {
        let loopback = 0x7f00_0001u128;
        for (block, embedding) in EMBEDDING_V6 {
            let base = block.first.to_bits();
            let ip = match embedding {
                Embedding::Last32 | Embedding::Rfc6052 => base | loopback,
                Embedding::SixToFour => base | (loopback << 80),
                Embedding::Teredo => base | (!loopback & 0xffff_ffff),
            };
            let ip = IpAddr::V6(Ipv6Addr::from_bits(ip));
            assert!(
                matches!(refusal(ip), Some(Refusal::Embedded(b, v4, _)) if b == *block && v4 == Ipv4Addr::LOCALHOST),
                "{ip} in {block}: {:?}",
                refusal(ip)
            );
        }
    }

    #[test]
    fn the_first_address_of_every_embedding_block_carries_a_refused_address() {
        // 0.0.0.0 inside, or 255.255.255.255 for Teredo (inverted zeros).
        for (block, _) in EMBEDDING_V6 {
            assert!(
                !is_public_ip(IpAddr::V6(block.first)),
                "{block} counted as public"
            );
        }
    }

    #[test]
    fn the_addresses_of_the_last_probe_are_refused() {
        for s in [
            "fec0::1",
            "64:ff9b:1::7f00:1",
            "::ffff:0:7f00:1",
            "192.88.99.1",
        ] {
            assert!(!is_public_ip(ip(s)), "{s} counted as public");
        }
    }

    #[test]
    fn loopback_private_link_local_and_metadata_addresses_are_refused() {
        for s in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.1",
            "198.18.0.1",
            "::1",
            "::",
            "::127.0.0.1",
            "fe80::1",
            "fd00:ec2::254",
            "fc00::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a00:1",
            "2002:7f00:1::",
            "2001:db8::1",
            "2001:2::1",
            "3fff::1",
            "5f00::1",
            "100::1",
            // Teredo whose client is 10.0.0.1 (inverted: f5ff:fffe).
            "2001:0:5db8:d822::f5ff:fffe",
            // Local-use NAT64 with a /48 prefix carrying 127.0.0.1.
            "64:ff9b:1:7f00:0:100:5db8:d822",
        ] {
            assert!(!is_public_ip(ip(s)), "{s} counted as public");
        }
    }

    #[test]
    fn ordinary_internet_addresses_and_public_ipv4_inside_ipv6_are_public() {
        for s in [
            "93.184.216.34",
            "1.1.1.1",
            "172.32.0.1",
            "100.128.0.1",
            "192.31.196.1",
            "192.52.193.1",
            "2606:4700:4700::1111",
            "2620:4f:8000::1",
            "::ffff:93.184.216.34",
            "64:ff9b::5db8:d822",
            "2002:5db8:d822::1",
            // Teredo whose client is 93.184.216.34 (inverted: a247:27dd).
            "2001:0:5db8:d822::a247:27dd",
        ] {
            assert!(
                is_public_ip(ip(s)),
                "{s} counted as not public: {:?}",
                refusal(ip(s))
            );
        }
    }

    #[test]
    fn a_refusal_names_the_block_and_its_rfc() {
        let why = refusal(ip("192.88.99.1")).unwrap().to_string();
        assert_eq!(
            why,
            "it lies in 192.88.99.0/24 (Deprecated (6to4 Relay Anycast), RFC 7526)"
        );
        let why = refusal(ip("::ffff:0:7f00:1")).unwrap().to_string();
        assert!(
            why.contains("SIIT") && why.contains("127.0.0.1") && why.contains("Loopback"),
            "{why}"
        );
    }
}
