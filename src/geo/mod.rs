//! The in-memory service-point index of a node.
//!
//! The database holds the truth; every node keeps a compact copy of the
//! active points in an R-tree over unit-sphere coordinates (so Euclidean
//! nearest-neighbour order is great-circle order) and rebuilds it when the
//! data set's version in the database changes. Nodes poll that version every
//! couple of seconds, so all of them converge shortly after an import without
//! talking to each other.
//!
//! Memory: per point one R-tree entry (32 bytes), one fixed record
//! ([`Point`], 64 bytes) and its text in a shared arena; carriers, shop
//! types, time zones and weekly schedules are interned (points share a
//! handful of schedules), and so is each (schedule, time zone) pair, which
//! carries its opening times as ready JSON and its opening flags of the
//! current minute.

pub mod generate;
pub mod refresh;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rstar::{AABB, PointDistance, RTree, RTreeObject};

use crate::db::service_points::ServicePointRow;
use crate::domain::geo::{chord2_for_m, haversine_m, unit_xyz};
use crate::domain::opening_hours::WeeklyHours;
use crate::routes::portal::service_points::{OpeningTimes, ServicePointView};

#[derive(Debug, Clone, Copy)]
struct Entry {
    xyz: [f64; 3],
    idx: u32,
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
    uuid: u128,
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
    tree: RTree<Entry>,
    points: Vec<Point>,
    arena: String,
    carriers: Vec<String>,
    shop_types: Vec<String>,
    zones: Vec<Tz>,
    schedules: Vec<Schedule>,
    hours: Vec<Hours>,
    /// Data-set version this snapshot was built from.
    pub version: i64,
}

/// Builds a [`ServicePointIndex`] row by row.
pub struct Builder {
    entries: Vec<Entry>,
    points: Vec<Point>,
    arena: String,
    carriers: Vec<String>,
    shop_types: Vec<String>,
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
            entries: Vec::new(),
            points: Vec::new(),
            arena: String::new(),
            carriers: Vec::new(),
            shop_types: vec![String::new()],
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

    /// Adds an active point; rows that cannot be indexed are skipped (they
    /// were validated at import, so this only guards against hand edits).
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
        let schedule = match self.by_schedule.get(&row.opening_hours) {
            Some(&i) => i,
            None => {
                let Ok(hours) = serde_json::from_str::<WeeklyHours>(&row.opening_hours) else {
                    return;
                };
                let i = self.schedules.len() as u32;
                self.schedules.push(Schedule {
                    formatted: OpeningTimes::new(&hours.formatted()),
                    hours,
                });
                self.by_schedule.insert(row.opening_hours.clone(), i);
                i
            }
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
            uuid,
            latitude: row.latitude,
            longitude: row.longitude,
            text,
            lens,
            country: [
                country.first().copied().unwrap_or(b'?'),
                country.get(1).copied().unwrap_or(b'?'),
            ],
            carrier,
            shop_type,
            hours,
            labelless: row.supports_labelless,
        });
        self.entries.push(Entry {
            xyz: unit_xyz(row.latitude, row.longitude),
            idx,
        });
    }

    /// Bulk-loads the R-tree.
    pub fn finish(self) -> ServicePointIndex {
        let mut points = self.points;
        points.shrink_to_fit();
        let mut arena = self.arena;
        arena.shrink_to_fit();
        ServicePointIndex {
            tree: RTree::bulk_load(self.entries),
            points,
            arena,
            carriers: self.carriers,
            shop_types: self.shop_types,
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
        let country = q.country.as_bytes();
        let origin = unit_xyz(q.latitude, q.longitude);
        let max2 = chord2_for_m(q.radius_m) * (1.0 + 1e-9);
        let mut hits = Vec::with_capacity(q.limit.min(128));
        for (entry, d2) in self.tree.nearest_neighbor_iter_with_distance_2(origin) {
            if d2 > max2 {
                break;
            }
            let p = &self.points[entry.idx as usize];
            if p.country
                != [
                    country.first().copied().unwrap_or(0),
                    country.get(1).copied().unwrap_or(0),
                ]
                || !allowed.get(p.carrier as usize).copied().unwrap_or(false)
                || (q.labelless_only && !p.labelless)
            {
                continue;
            }
            let distance_m = haversine_m(q.latitude, q.longitude, p.latitude, p.longitude);
            if distance_m > q.radius_m {
                continue;
            }
            hits.push(Hit {
                idx: entry.idx,
                distance_m,
            });
            if hits.len() == q.limit {
                break;
            }
        }
        hits
    }

    /// The public id of a point.
    pub fn id(&self, idx: u32) -> String {
        self.points
            .get(idx as usize)
            .map(|p| format!("sp_{:032x}", p.uuid))
            .unwrap_or_default()
    }

    fn text(&self, p: &Point, field: usize) -> &str {
        let start = p.text as usize + p.lens[..field].iter().map(|l| *l as usize).sum::<usize>();
        let end = start + p.lens[field] as usize;
        self.arena.get(start..end).unwrap_or("")
    }

    /// The point as the API shows it, with opening flags at `now`.
    pub fn view(&self, hit: Hit, now: DateTime<Utc>) -> Option<ServicePointView> {
        self.views(vec![hit], now).pop()
    }

    /// The points as the API shows them, with opening flags at `now`.
    pub fn views(&self, hits: Vec<Hit>, now: DateTime<Utc>) -> Vec<ServicePointView> {
        hits.into_iter()
            .filter_map(|hit| {
                let p = self.points.get(hit.idx as usize)?;
                let hours = self.hours.get(p.hours as usize)?;
                let schedule = self.schedules.get(hours.schedule as usize)?;
                let zone = *self.zones.get(hours.zone as usize)?;
                let (open_tomorrow, open_upcoming_week) = opening_flags(hours, schedule, zone, now);
                Some(self.render(p, schedule, hit, open_tomorrow, open_upcoming_week))
            })
            .collect()
    }

    fn render(
        &self,
        p: &Point,
        schedule: &Schedule,
        hit: Hit,
        open_tomorrow: bool,
        open_upcoming_week: bool,
    ) -> ServicePointView {
        let optional = |s: &str| (!s.is_empty()).then(|| s.to_string());
        ServicePointView {
            id: format!("sp_{:032x}", p.uuid),
            code: self.text(p, CODE).to_string(),
            carrier: self
                .carriers
                .get(p.carrier as usize)
                .cloned()
                .unwrap_or_default(),
            name: self.text(p, NAME).to_string(),
            street: self.text(p, STREET).to_string(),
            house_number: optional(self.text(p, HOUSE)),
            postal_code: self.text(p, POSTAL).to_string(),
            city: self.text(p, CITY).to_string(),
            country: String::from_utf8_lossy(&p.country).into_owned(),
            latitude: p.latitude,
            longitude: p.longitude,
            phone: optional(self.text(p, PHONE)),
            shop_type: self
                .shop_types
                .get(p.shop_type as usize)
                .and_then(|s| optional(s)),
            supports_labelless: p.labelless,
            formatted_opening_times: schedule.formatted.clone(),
            open_tomorrow,
            open_upcoming_week,
            distance: hit.distance_m.round().clamp(0.0, u32::MAX as f64) as u32,
        }
    }
}
