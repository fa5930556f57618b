//! The in-memory service-point index of a node.
//!
//! The database holds the truth; every node keeps a compact copy of the
//! active points in R-trees over unit-sphere coordinates (so Euclidean
//! nearest-neighbour order is great-circle order), one per country and
//! carrier, and rebuilds them when the data set's version in the database
//! changes. A search merges the nearest-first walks of the trees of its
//! country and carriers, so points of other carriers cost it nothing. Nodes poll that version every
//! couple of seconds, so all of them converge shortly after an import without
//! talking to each other.
//!
//! Memory: per point one R-tree entry (32 bytes), one fixed record
//! ([`Point`], 56 bytes) and its text in a shared arena; carriers, shop
//! types, time zones and weekly schedules are interned (points share a
//! handful of schedules), and so is each (schedule, time zone) pair, which
//! carries its opening times as ready JSON and its opening flags of the
//! current minute.

pub mod generate;
pub mod refresh;
pub mod view;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rstar::{AABB, PointDistance, RTree, RTreeObject};

use crate::db::service_points::ServicePointRow;
use crate::domain::geo::{chord2_for_m, haversine_m, unit_xyz};
use crate::domain::opening_hours::WeeklyHours;
pub use view::{OpeningTimes, PointId, ServicePointView};

/// An R-tree entry: the position and, in what would otherwise be padding,
/// the label-less flag a search filters on, so rejecting a point does not
/// touch its record.
#[derive(Debug, Clone, Copy)]
struct Entry {
    xyz: [f64; 3],
    idx: u32,
    labelless: bool,
}

// The flag fits in the padding of the position and index.
const _: () = assert!(std::mem::size_of::<Entry>() == 32);

/// The points of one carrier in one country.
struct Tree {
    /// Index into [`ServicePointIndex::countries`].
    country: u8,
    carrier: u16,
    tree: RTree<Entry>,
}

impl RTreeObject for Entry {
    type Envelope = AABB<[f64; 3]>;

    fn envelope(&self) -> Self::Envelope {
        AABB::from_point(self.xyz)
    }
}

impl PointDistance for Entry {
    fn distance_2(&self, point: &[f64; 3]) -> f64 {
        (0..3).map(|i| (self.xyz[i] - point[i]).powi(2)).sum()
    }
}

/// Text fields of a point, in arena order.
const CODE: usize = 0;
const NAME: usize = 1;
const STREET: usize = 2;
const HOUSE: usize = 3;
const POSTAL: usize = 4;
const CITY: usize = 5;
const PHONE: usize = 6;

/// One point's fixed-size record.
#[derive(Debug, Clone, Copy)]
struct Point {
    /// The id's UUID as two halves: a `u128` would align the record to 16
    /// bytes and pad it from 56 to 64.
    uuid: [u64; 2],
    latitude: f64,
    longitude: f64,
    text: u32,
    lens: [u8; 7],
    country: [u8; 2],
    carrier: u16,
    shop_type: u16,
    /// Index into [`ServicePointIndex::hours`].
    hours: u32,
    labelless: bool,
}

const _: () = assert!(std::mem::size_of::<Point>() == 56);

impl Point {
    fn id(&self) -> PointId {
        PointId(u128::from(self.uuid[0]) << 64 | u128::from(self.uuid[1]))
    }
}

struct Schedule {
    hours: WeeklyHours,
    /// Shared by every view of a point with these hours (no copy per response).
    formatted: OpeningTimes,
}

/// A (schedule, time zone) pair of the index.
struct Hours {
    schedule: u32,
    zone: u16,
    /// `open_tomorrow` and `open_upcoming_week` as last computed, with the
    /// minute they hold for (see [`ServicePointIndex::opening_flags`]).
    flags: AtomicU64,
}

/// What to look for.
#[derive(Debug, Clone)]
pub struct Query<'a> {
    /// Latitude of the searched position.
    pub latitude: f64,
    /// Longitude of the searched position.
    pub longitude: f64,
    /// Search radius in metres.
    pub radius_m: f64,
    /// ISO alpha-2 country the points must be in.
    pub country: &'a str,
    /// Carriers allowed (none = no point matches).
    pub carriers: &'a [String],
    /// Only points that accept label-less returns.
    pub labelless_only: bool,
    /// Most results.
    pub limit: usize,
}

/// A hit: the point's position in the index and its distance in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Index of the point.
    pub idx: u32,
    /// Great-circle distance from the query position (metres).
    pub distance_m: f64,
}

/// An immutable snapshot of the active service points.
pub struct ServicePointIndex {
    /// One R-tree per (country, carrier), so a search walks only the points
    /// of its country and carriers: those it would filter out cost nothing.
    trees: Vec<Tree>,
    points: Vec<Point>,
    arena: String,
    carriers: Vec<String>,
    shop_types: Vec<String>,
    countries: Vec<[u8; 2]>,
    zones: Vec<Tz>,
    schedules: Vec<Schedule>,
    hours: Vec<Hours>,
    /// Data-set version this snapshot was built from.
    pub version: i64,
}

/// Builds a [`ServicePointIndex`] row by row.
pub struct Builder {
    /// Entries per (country, carrier).
    entries: HashMap<(u8, u16), Vec<Entry>>,
    points: Vec<Point>,
    arena: String,
    carriers: Vec<String>,
    shop_types: Vec<String>,
    countries: Vec<[u8; 2]>,
    zones: Vec<Tz>,
    schedules: Vec<Schedule>,
    by_carrier: HashMap<String, u16>,
    by_shop: HashMap<String, u16>,
    by_zone: HashMap<String, u16>,
    by_schedule: HashMap<String, u32>,
    hours: Vec<Hours>,
    by_hours: HashMap<(u32, u16), u32>,
    version: i64,
}

fn intern<T: Clone>(map: &mut HashMap<String, u16>, list: &mut Vec<T>, key: &str, value: T) -> u16 {
    if let Some(&i) = map.get(key) {
        return i;
    }
    let i = list.len().min(u16::MAX as usize) as u16;
    list.push(value);
    map.insert(key.to_string(), i);
    i
}

impl Builder {
    /// An empty builder for data-set `version`.
    pub fn new(version: i64) -> Builder {
        Builder {
            entries: HashMap::new(),
            points: Vec::new(),
            arena: String::new(),
            carriers: Vec::new(),
            shop_types: vec![String::new()],
            countries: Vec::new(),
            zones: Vec::new(),
            schedules: Vec::new(),
            by_carrier: HashMap::new(),
            by_shop: HashMap::from([(String::new(), 0)]),
            by_zone: HashMap::new(),
            by_schedule: HashMap::new(),
            hours: Vec::new(),
            by_hours: HashMap::new(),
            version,
        }
    }

    /// The index of a schedule (stored opening hours), shared by every
    /// point with the same hours; `None` when they cannot be read.
    fn schedule(&mut self, opening_hours: &str) -> Option<u32> {
        if let Some(&i) = self.by_schedule.get(opening_hours) {
            return Some(i);
        }
        let hours = serde_json::from_str::<WeeklyHours>(opening_hours).ok()?;
        let i = self.schedules.len() as u32;
        self.schedules.push(Schedule {
            formatted: OpeningTimes::new(&hours.formatted()),
            hours,
        });
        self.by_schedule.insert(opening_hours.to_string(), i);
        Some(i)
    }

    /// The index of a country (ISO 3166 has fewer than 256).
    fn country(&mut self, country: [u8; 2]) -> Option<u8> {
        let idx = match self.countries.iter().position(|c| *c == country) {
            Some(i) => i,
            None => {
                self.countries.push(country);
                self.countries.len() - 1
            }
        };
        u8::try_from(idx).ok()
    }

    /// Adds an active point; rows that cannot be indexed are skipped (they
    /// were validated at import, so this only guards against hand edits).
    ///
    /// Long on purpose: it packs one point into the index's shared tables
    /// (text arena, interned carriers, shop types, zones and hours) in one
    /// pass; the steps share a dozen locals and are not used apart.
    pub fn add(&mut self, row: &ServicePointRow) {
        let Some(uuid) = row
            .id
            .strip_prefix("sp_")
            .and_then(|h| u128::from_str_radix(h, 16).ok())
        else {
            return;
        };
        let Ok(zone) = row.timezone.parse::<Tz>() else {
            return;
        };
        let Some(schedule) = self.schedule(&row.opening_hours) else {
            return;
        };
        let texts = [
            row.code.as_str(),
            row.name.as_str(),
            row.street.as_str(),
            row.house_number.as_deref().unwrap_or(""),
            row.postal_code.as_str(),
            row.city.as_str(),
            row.phone.as_deref().unwrap_or(""),
        ];
        let Ok(text) = u32::try_from(self.arena.len()) else {
            return;
        };
        let mut lens = [0u8; 7];
        for (i, t) in texts.iter().enumerate() {
            let t = truncate(t, 255);
            lens[i] = t.len() as u8;
            self.arena.push_str(t);
        }
        let country = row.country.as_bytes();
        let country = [
            country.first().copied().unwrap_or(b'?'),
            country.get(1).copied().unwrap_or(b'?'),
        ];
        let Some(country_idx) = self.country(country) else {
            return;
        };
        let carrier = intern(
            &mut self.by_carrier,
            &mut self.carriers,
            &row.carrier,
            row.carrier.clone(),
        );
        let shop = row.shop_type.as_deref().unwrap_or("");
        let shop_type = intern(
            &mut self.by_shop,
            &mut self.shop_types,
            shop,
            shop.to_string(),
        );
        let zone = intern(&mut self.by_zone, &mut self.zones, &row.timezone, zone);
        let hours = *self.by_hours.entry((schedule, zone)).or_insert_with(|| {
            self.hours.push(Hours {
                schedule,
                zone,
                flags: AtomicU64::new(0),
            });
            (self.hours.len() - 1) as u32
        });
        let idx = self.points.len() as u32;
        self.points.push(Point {
            uuid: [(uuid >> 64) as u64, uuid as u64],
            latitude: row.latitude,
            longitude: row.longitude,
            text,
            lens,
            country,
            carrier,
            shop_type,
            hours,
            labelless: row.supports_labelless,
        });
        self.entries
            .entry((country_idx, carrier))
            .or_default()
            .push(Entry {
                xyz: unit_xyz(row.latitude, row.longitude),
                idx,
                labelless: row.supports_labelless,
            });
    }

    /// Bulk-loads the R-trees.
    pub fn finish(self) -> ServicePointIndex {
        let mut trees: Vec<Tree> = self
            .entries
            .into_iter()
            .map(|((country, carrier), entries)| Tree {
                country,
                carrier,
                tree: RTree::bulk_load(entries),
            })
            .collect();
        // A fixed order, so equally distant points come out the same on every node.
        trees.sort_unstable_by_key(|t| (t.country, t.carrier));
        let mut points = self.points;
        points.shrink_to_fit();
        let mut arena = self.arena;
        arena.shrink_to_fit();
        ServicePointIndex {
            trees,
            points,
            arena,
            carriers: self.carriers,
            shop_types: self.shop_types,
            countries: self.countries,
            zones: self.zones,
            schedules: self.schedules,
            hours: self.hours,
            version: self.version,
        }
    }
}

/// `open_tomorrow` and `open_upcoming_week` of the pair at `now`, computed
/// once per pair and minute.
///
/// Both flags change only where `now` (or `now` + 7 days) crosses local
/// midnight or an interval's opening or closing time. Those are whole
/// local minutes, and every current time zone is a whole number of minutes
/// off UTC, so they fall on whole UTC minutes: the flags hold for the whole
/// minute of `now`, whatever the schedule, the zone or a DST change.
fn opening_flags(hours: &Hours, schedule: &Schedule, zone: Tz, now: DateTime<Utc>) -> (bool, bool) {
    // Minute of `now` (plus one, so that 0 means "nothing cached") in the
    // upper bits, the two flags in the lowest two.
    let tag = u64::try_from(now.timestamp().div_euclid(60) + 1).unwrap_or(0);
    let cached = hours.flags.load(Ordering::Relaxed);
    if tag != 0 && cached >> 2 == tag {
        return (cached & 1 != 0, cached & 2 != 0);
    }
    let flags = (
        schedule.hours.open_tomorrow(now, zone),
        schedule.hours.open_upcoming_week(now, zone),
    );
    if tag != 0 && tag < 1 << 62 {
        let packed = tag << 2 | u64::from(flags.0) | u64::from(flags.1) << 1;
        hours.flags.store(packed, Ordering::Relaxed);
    }
    flags
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

impl ServicePointIndex {
    /// An index without points.
    pub fn empty() -> ServicePointIndex {
        Builder::new(-1).finish()
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Whether there are no points.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// Points matching `q` within its radius, nearest first, at most `q.limit`.
    pub fn search(&self, q: &Query<'_>) -> Vec<Hit> {
        let allowed: Vec<bool> = self
            .carriers
            .iter()
            .map(|c| q.carriers.iter().any(|a| a == c))
            .collect();
        if !allowed.iter().any(|a| *a) || q.limit == 0 {
            return Vec::new();
        }
        let wanted = q.country.as_bytes();
        let Some(country) = self
            .countries
            .iter()
            .position(|c| c.as_slice() == wanted)
            .and_then(|i| u8::try_from(i).ok())
        else {
            return Vec::new();
        };
        let origin = unit_xyz(q.latitude, q.longitude);
        let max2 = chord2_for_m(q.radius_m) * (1.0 + 1e-9);
        let labelless_only = q.labelless_only;
        // Nearest first from each tree of the country's allowed carriers,
        // merged by distance.
        let mut streams: Vec<_> = self
            .trees
            .iter()
            .filter(|t| {
                t.country == country && allowed.get(t.carrier as usize).copied().unwrap_or(false)
            })
            .map(|t| {
                t.tree
                    .nearest_neighbor_iter_with_distance_2(origin)
                    .take_while(move |(_, d2)| *d2 <= max2)
                    .filter(move |(e, _)| !labelless_only || e.labelless)
                    .peekable()
            })
            .collect();
        let mut hits = Vec::with_capacity(q.limit.min(128));
        while hits.len() < q.limit {
            let mut nearest: Option<(usize, f64)> = None;
            for (i, stream) in streams.iter_mut().enumerate() {
                if let Some((_, d2)) = stream.peek()
                    && nearest.is_none_or(|(_, best)| *d2 < best)
                {
                    nearest = Some((i, *d2));
                }
            }
            let Some((entry, _)) = nearest.and_then(|(i, _)| streams[i].next()) else {
                break;
            };
            let p = &self.points[entry.idx as usize];
            let distance_m = haversine_m(q.latitude, q.longitude, p.latitude, p.longitude);
            if distance_m <= q.radius_m {
                hits.push(Hit {
                    idx: entry.idx,
                    distance_m,
                });
            }
        }
        hits
    }

    /// The public id of a point.
    pub fn id(&self, idx: u32) -> String {
        self.points
            .get(idx as usize)
            .map(|p| p.id().to_string())
            .unwrap_or_default()
    }

    fn text(&self, p: &Point, field: usize) -> &str {
        let start = p.text as usize + p.lens[..field].iter().map(|l| *l as usize).sum::<usize>();
        let end = start + p.lens[field] as usize;
        self.arena.get(start..end).unwrap_or("")
    }

    /// The point as the API shows it, with opening flags at `now`.
    pub fn view(&self, hit: Hit, now: DateTime<Utc>) -> Option<ServicePointView<'static>> {
        self.views(vec![hit], now).pop()
    }

    /// The points as the API shows them, with opening flags at `now`.
    pub fn views(&self, hits: Vec<Hit>, now: DateTime<Utc>) -> Vec<ServicePointView<'static>> {
        self.borrowed_views(&hits, now)
            .into_iter()
            .map(ServicePointView::into_owned)
            .collect()
    }

    /// [`views`](Self::views) borrowing the index's text instead of copying
    /// it: what the search endpoint serializes.
    pub fn borrowed_views(&self, hits: &[Hit], now: DateTime<Utc>) -> Vec<ServicePointView<'_>> {
        hits.iter()
            .filter_map(|hit| {
                let p = self.points.get(hit.idx as usize)?;
                let hours = self.hours.get(p.hours as usize)?;
                let schedule = self.schedules.get(hours.schedule as usize)?;
                let zone = *self.zones.get(hours.zone as usize)?;
                let (open_tomorrow, open_upcoming_week) = opening_flags(hours, schedule, zone, now);
                Some(ServicePointView {
                    id: p.id(),
                    code: Cow::Borrowed(self.text(p, CODE)),
                    carrier: Cow::Borrowed(
                        self.carriers
                            .get(p.carrier as usize)
                            .map_or("", String::as_str),
                    ),
                    name: Cow::Borrowed(self.text(p, NAME)),
                    street: Cow::Borrowed(self.text(p, STREET)),
                    house_number: non_empty(self.text(p, HOUSE)),
                    postal_code: Cow::Borrowed(self.text(p, POSTAL)),
                    city: Cow::Borrowed(self.text(p, CITY)),
                    country: Cow::Borrowed(std::str::from_utf8(&p.country).unwrap_or("")),
                    latitude: p.latitude,
                    longitude: p.longitude,
                    phone: non_empty(self.text(p, PHONE)),
                    shop_type: self
                        .shop_types
                        .get(p.shop_type as usize)
                        .and_then(|s| non_empty(s)),
                    supports_labelless: p.labelless,
                    formatted_opening_times: Cow::Borrowed(&schedule.formatted),
                    open_tomorrow,
                    open_upcoming_week,
                    distance: hit.distance_m.round().clamp(0.0, u32::MAX as f64) as u32,
                })
            })
            .collect()
    }
}

fn non_empty(s: &str) -> Option<Cow<'_, str>> {
    (!s.is_empty()).then_some(Cow::Borrowed(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An index of `n` generated points, as an import would store them.
    fn index(n: usize) -> ServicePointIndex {
        let inputs = generate::generate(n, 7)
            .enumerate()
            .map(|(i, p)| (format!("service_points[{i}]"), p))
            .collect();
        let mut builder = Builder::new(1);
        for (i, p) in crate::domain::service_points::validate_all(inputs)
            .unwrap()
            .into_iter()
            .enumerate()
        {
            let mut row = ServicePointRow::new(&p, chrono::Utc::now().naive_utc()).unwrap();
            row.id = format!(
                "sp_{:032x}",
                0x0190_0000_0000_7000_8000_0000_0000_0000u128 + i as u128
            );
            builder.add(&row);
        }
        builder.finish()
    }

    #[test]
    fn borrowed_and_owned_views_serialize_alike() {
        let index = index(400);
        let hits: Vec<Hit> = (0..index.len() as u32)
            .map(|idx| Hit {
                idx,
                distance_m: f64::from(idx) * 10.5,
            })
            .collect();
        let now = chrono::Utc::now();
        let borrowed = serde_json::to_value(index.borrowed_views(&hits, now)).unwrap();
        let owned = serde_json::to_value(index.views(hits, now)).unwrap();
        assert_eq!(borrowed, owned);
        assert_eq!(owned.as_array().unwrap().len(), 400);
        let first = &owned[0];
        assert_eq!(first["id"], json_id(0));
        assert!(first["formatted_opening_times"]["6"].is_array());
    }

    fn json_id(i: u128) -> serde_json::Value {
        serde_json::Value::String(format!(
            "sp_{:032x}",
            0x0190_0000_0000_7000_8000_0000_0000_0000u128 + i
        ))
    }

    #[test]
    fn opening_flags_follow_the_clock_minute_by_minute() {
        // A point open only on Mondays 09:00-10:00 in Amsterdam: on Sunday
        // 2026-11-29 it is open tomorrow; from Monday 00:00 local it is not.
        let hours = WeeklyHours::parse(&std::collections::BTreeMap::from([(
            "0".to_string(),
            vec!["09:00-10:00".to_string()],
        )]))
        .unwrap();
        let zone: Tz = "Europe/Amsterdam".parse().unwrap();
        let pair = Hours {
            schedule: 0,
            zone: 0,
            flags: AtomicU64::new(0),
        };
        let schedule = Schedule {
            formatted: OpeningTimes::new(&hours.formatted()),
            hours,
        };
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        // Sunday 23:59:30 local (22:59:30 UTC): tomorrow is Monday.
        assert_eq!(
            opening_flags(&pair, &schedule, zone, at("2026-11-29T22:59:30Z")),
            (true, true)
        );
        // Same minute again: the cached answer.
        assert_eq!(
            opening_flags(&pair, &schedule, zone, at("2026-11-29T22:59:59Z")),
            (true, true)
        );
        // The next minute is Monday 00:00 local: tomorrow is Tuesday.
        assert_eq!(
            opening_flags(&pair, &schedule, zone, at("2026-11-29T23:00:00Z")),
            (false, true)
        );
        // Back in time works too (the cache holds one minute only).
        assert_eq!(
            opening_flags(&pair, &schedule, zone, at("2026-11-29T22:59:00Z")),
            (true, true)
        );
    }
}
