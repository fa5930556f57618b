//! A generator of plausible service points across the Netherlands, Belgium,
//! Germany and France: real city centres weighted by size, the carriers of
//! each country, shop names and types, addresses, phone numbers, and
//! varied opening hours (lunch breaks, late openings, closed days, 24/7
//! lockers, overnight petrol stations). Deterministic for a seed, so
//! benchmarks and demos are repeatable; used for the demo data and to build
//! the 1,000,000-point benchmark set (which is generated, never committed).

use std::collections::BTreeMap;
use std::io::Write;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::domain::service_points::{ServicePointInput, csv_header};

/// A city points cluster around.
struct City {
    name: &'static str,
    country: &'static str,
    lat: f64,
    lon: f64,
    weight: u32,
    /// First and last postal prefix (NL/BE four digits, DE/FR five).
    postal: (u32, u32),
}

const fn city(
    name: &'static str,
    country: &'static str,
    lat: f64,
    lon: f64,
    weight: u32,
    postal: (u32, u32),
) -> City {
    City {
        name,
        country,
        lat,
        lon,
        weight,
        postal,
    }
}

const CITIES: &[City] = &[
    city("Amsterdam", "NL", 52.3676, 4.9041, 90, (1011, 1109)),
    city("Rotterdam", "NL", 51.9244, 4.4777, 65, (3011, 3089)),
    city("Den Haag", "NL", 52.0705, 4.3007, 55, (2491, 2599)),
    city("Utrecht", "NL", 52.0907, 5.1214, 36, (3511, 3585)),
    city("Eindhoven", "NL", 51.4416, 5.4697, 24, (5611, 5658)),
    city("Groningen", "NL", 53.2194, 6.5665, 24, (9711, 9747)),
    city("Tilburg", "NL", 51.5555, 5.0913, 22, (5011, 5049)),
    city("Breda", "NL", 51.5719, 4.7683, 19, (4811, 4839)),
    city("Nijmegen", "NL", 51.8126, 5.8372, 18, (6511, 6546)),
    city("Haarlem", "NL", 52.3874, 4.6462, 16, (2011, 2037)),
    city("Zwolle", "NL", 52.5168, 6.0830, 13, (8011, 8043)),
    city("Maastricht", "NL", 50.8514, 5.6910, 12, (6211, 6229)),
    city("Bruxelles", "BE", 50.8503, 4.3517, 60, (1000, 1210)),
    city("Antwerpen", "BE", 51.2194, 4.4025, 53, (2000, 2660)),
    city("Gent", "BE", 51.0543, 3.7174, 26, (9000, 9052)),
    city("Charleroi", "BE", 50.4108, 4.4446, 20, (6000, 6061)),
    city("Liège", "BE", 50.6326, 5.5797, 20, (4000, 4032)),
    city("Brugge", "BE", 51.2093, 3.2247, 12, (8000, 8380)),
    city("Leuven", "BE", 50.8798, 4.7005, 10, (3000, 3012)),
    city("Berlin", "DE", 52.5200, 13.4050, 370, (10115, 14199)),
    city("Hamburg", "DE", 53.5511, 9.9937, 185, (20095, 22769)),
    city("München", "DE", 48.1351, 11.5820, 150, (80331, 81929)),
    city("Köln", "DE", 50.9375, 6.9603, 108, (50667, 51149)),
    city(
        "Frankfurt am Main",
        "DE",
        50.1109,
        8.6821,
        76,
        (60306, 60599),
    ),
    city("Stuttgart", "DE", 48.7758, 9.1829, 63, (70173, 70629)),
    city("Düsseldorf", "DE", 51.2277, 6.7735, 62, (40210, 40629)),
    city("Leipzig", "DE", 51.3397, 12.3731, 60, (4103, 4357)),
    city("Dortmund", "DE", 51.5136, 7.4653, 59, (44135, 44388)),
    city("Essen", "DE", 51.4556, 7.0116, 58, (45127, 45359)),
    city("Bremen", "DE", 53.0793, 8.8017, 57, (28195, 28779)),
    city("Dresden", "DE", 51.0504, 13.7373, 56, (1067, 1328)),
    city("Hannover", "DE", 52.3759, 9.7320, 54, (30159, 30669)),
    city("Nürnberg", "DE", 49.4521, 11.0767, 52, (90402, 90491)),
    city("Paris", "FR", 48.8566, 2.3522, 215, (75001, 75020)),
    city("Marseille", "FR", 43.2965, 5.3698, 87, (13001, 13016)),
    city("Lyon", "FR", 45.7640, 4.8357, 52, (69001, 69009)),
    city("Toulouse", "FR", 43.6047, 1.4442, 49, (31000, 31500)),
    city("Nice", "FR", 43.7102, 7.2620, 34, (6000, 6300)),
    city("Nantes", "FR", 47.2184, -1.5536, 32, (44000, 44300)),
    city("Strasbourg", "FR", 48.5734, 7.7521, 29, (67000, 67200)),
    city("Montpellier", "FR", 43.6108, 3.8767, 29, (34000, 34090)),
    city("Bordeaux", "FR", 44.8378, -0.5792, 26, (33000, 33800)),
    city("Lille", "FR", 50.6292, 3.0573, 23, (59000, 59800)),
    city("Rennes", "FR", 48.1173, -1.6778, 22, (35000, 35700)),
];

/// Carriers per country with the share of their points that accept label-less returns.
fn carriers(country: &str) -> &'static [(&'static str, f64)] {
    match country {
        "NL" => &[("postnl", 0.6), ("dhl", 0.35), ("dpd", 0.1), ("ups", 0.05)],
        "BE" => &[("bpost", 0.4), ("postnl", 0.3), ("dpd", 0.1), ("dhl", 0.2)],
        "DE" => &[
            ("dhl", 0.5),
            ("dpd", 0.15),
            ("hermes", 0.2),
            ("gls", 0.1),
            ("ups", 0.05),
        ],
        _ => &[
            ("colissimo", 0.4),
            ("mondial_relay", 0.25),
            ("chronopost", 0.1),
            ("ups", 0.05),
            ("dpd", 0.1),
        ],
    }
}

fn streets(country: &str) -> &'static [&'static str] {
    match country {
        "NL" => &[
            "Kerkstraat",
            "Dorpsstraat",
            "Stationsweg",
            "Molenstraat",
            "Hoofdstraat",
            "Marktplein",
            "Julianastraat",
            "Beatrixlaan",
            "Schoolstraat",
            "Nieuwstraat",
        ],
        "BE" => &[
            "Kerkstraat",
            "Rue de la Station",
            "Stationsstraat",
            "Grote Markt",
            "Rue Haute",
            "Nieuwstraat",
            "Chaussée de Louvain",
            "Molenstraat",
        ],
        "DE" => &[
            "Hauptstraße",
            "Bahnhofstraße",
            "Schulstraße",
            "Gartenstraße",
            "Dorfstraße",
            "Bergstraße",
            "Lindenstraße",
            "Kirchstraße",
            "Marktplatz",
        ],
        _ => &[
            "Rue de la République",
            "Avenue Jean Jaurès",
            "Rue Victor Hugo",
            "Place de la Gare",
            "Rue Pasteur",
            "Boulevard Gambetta",
            "Rue du Marché",
        ],
    }
}

/// Shop kinds: type, names per country, and opening patterns to pick from.
fn shops(country: &str) -> &'static [(&'static str, &'static [&'static str])] {
    match country {
        "NL" => &[
            ("supermarket", &["Albert Heijn", "Jumbo", "Spar", "Plus"]),
            ("bookstore", &["Bruna", "Primera", "The Read Shop"]),
            ("kiosk", &["Tabakspeciaalzaak", "Gemakswinkel"]),
            ("locker", &["Pakketautomaat"]),
            ("gas_station", &["Shell", "Esso", "Tango"]),
        ],
        "BE" => &[
            (
                "supermarket",
                &["Delhaize", "Carrefour Express", "Spar", "Okay"],
            ),
            ("bookstore", &["Standaard Boekhandel", "Club"]),
            ("post_office", &["Postpunt", "Bureau de Poste"]),
            ("locker", &["Pakjesautomaat"]),
            ("gas_station", &["Q8", "TotalEnergies"]),
        ],
        "DE" => &[
            ("supermarket", &["REWE", "Edeka", "Netto", "Penny"]),
            ("kiosk", &["Kiosk", "Späti", "Lotto-Toto"]),
            ("post_office", &["Post Filiale", "Paketshop"]),
            ("locker", &["Packstation", "Paketstation"]),
            ("gas_station", &["Aral", "Shell", "Jet"]),
        ],
        _ => &[
            (
                "supermarket",
                &["Carrefour City", "Franprix", "Intermarché", "Casino"],
            ),
            ("kiosk", &["Tabac Presse", "Relay"]),
            ("post_office", &["La Poste", "Relais Poste"]),
            ("locker", &["Consigne Pickup", "Locker"]),
            ("gas_station", &["TotalEnergies", "Esso"]),
        ],
    }
}

fn week(days: [&[&str]; 7]) -> BTreeMap<String, Vec<String>> {
    days.iter()
        .enumerate()
        .filter(|(_, d)| !d.is_empty())
        .map(|(i, d)| (i.to_string(), d.iter().map(|s| s.to_string()).collect()))
        .collect()
}

fn hours(shop_type: &str, rng: &mut StdRng) -> BTreeMap<String, Vec<String>> {
    match (shop_type, rng.random_range(0..4)) {
        ("locker", _) => week([&["00:00-24:00"]; 7]),
        ("gas_station", 0) => week([&["06:00-02:00"]; 7]),
        ("gas_station", _) => week([
            &["07:00-22:00"],
            &["07:00-22:00"],
            &["07:00-22:00"],
            &["07:00-22:00"],
            &["07:00-23:00"],
            &["08:00-23:00"],
            &["09:00-21:00"],
        ]),
        ("supermarket", 0) => week([
            &["08:00-22:00"],
            &["08:00-22:00"],
            &["08:00-22:00"],
            &["08:00-22:00"],
            &["08:00-22:00"],
            &["08:00-22:00"],
            &["10:00-20:00"],
        ]),
        ("supermarket", _) => week([
            &["08:00-21:00"],
            &["08:00-21:00"],
            &["08:00-21:00"],
            &["08:00-21:00"],
            &["08:00-21:00"],
            &["08:00-20:00"],
            &[],
        ]),
        (_, 0) => week([
            &["09:00-12:30", "13:30-18:00"],
            &["09:00-12:30", "13:30-18:00"],
            &["09:00-12:30", "13:30-18:00"],
            &["09:00-12:30", "13:30-18:00"],
            &["09:00-12:30", "13:30-18:00"],
            &["09:00-12:00"],
            &[],
        ]),
        (_, 1) => week([
            &[],
            &["09:00-18:00"],
            &["09:00-18:00"],
            &["09:00-18:00"],
            &["09:00-21:00"],
            &["09:00-17:00"],
            &[],
        ]),
        (_, 2) => week([
            &["07:00-19:30"],
            &["07:00-19:30"],
            &["07:00-19:30"],
            &["07:00-19:30"],
            &["07:00-19:30"],
            &["07:30-19:00"],
            &["08:00-12:30"],
        ]),
        _ => week([
            &["09:00-18:00"],
            &["09:00-18:00"],
            &["09:00-18:00"],
            &["09:00-18:00"],
            &["09:00-18:00"],
            &["09:00-17:00"],
            &[],
        ]),
    }
}

fn postal_code(country: &str, prefix: u32, rng: &mut StdRng) -> String {
    match country {
        "NL" => {
            let a = (b'A' + rng.random_range(0..26u8)) as char;
            let b = (b'A' + rng.random_range(0..26u8)) as char;
            format!("{prefix:04} {a}{b}")
        }
        "BE" => format!("{prefix:04}"),
        _ => format!("{prefix:05}"),
    }
}

fn phone(country: &str, rng: &mut StdRng) -> String {
    let (cc, digits) = match country {
        "NL" => ("+31", 9),
        "BE" => ("+32", 8),
        "DE" => ("+49", 10),
        _ => ("+33", 9),
    };
    let mut s = String::from(cc);
    s.push(char::from(b'1' + rng.random_range(0..9u8)));
    for _ in 1..digits {
        s.push(char::from(b'0' + rng.random_range(0..10u8)));
    }
    s
}

/// Standard normal sample (Box–Muller).
fn normal(rng: &mut StdRng) -> f64 {
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// Generates `count` points; the same `seed` gives the same points.
pub fn generate(count: usize, seed: u64) -> impl Iterator<Item = ServicePointInput> {
    let mut rng = StdRng::seed_from_u64(seed);
    let total: u32 = CITIES.iter().map(|c| c.weight).sum();
    (0..count).map(move |i| {
        let mut pick = rng.random_range(0..total);
        let city = CITIES
            .iter()
            .find(|c| {
                if pick < c.weight {
                    true
                } else {
                    pick -= c.weight;
                    false
                }
            })
            .unwrap_or(&CITIES[0]);
        // Most points are in town, some in the surrounding region.
        let spread_km = if rng.random_bool(0.8) { 4.0 } else { 25.0 };
        let lat = (city.lat + normal(&mut rng) * spread_km / 111.0).clamp(-89.9, 89.9);
        let lon = (city.lon + normal(&mut rng) * spread_km / (111.0 * city.lat.to_radians().cos()))
            .clamp(-179.9, 179.9);
        let carrier_list = carriers(city.country);
        let (carrier, labelless_share) = carrier_list[rng.random_range(0..carrier_list.len())];
        let shop_list = shops(city.country);
        let (shop_type, names) = shop_list[rng.random_range(0..shop_list.len())];
        let brand = names[rng.random_range(0..names.len())];
        let street_list = streets(city.country);
        let street = street_list[rng.random_range(0..street_list.len())];
        let prefix = rng.random_range(city.postal.0..=city.postal.1);
        ServicePointInput {
            carrier: carrier.to_string(),
            code: format!("{}-{:07}", city.country, i + 1),
            name: format!("{brand} {}", city.name),
            street: street.to_string(),
            house_number: Some(rng.random_range(1..250u32).to_string()),
            postal_code: postal_code(city.country, prefix, &mut rng),
            city: city.name.to_string(),
            country: city.country.to_string(),
            latitude: (lat * 1e6).round() / 1e6,
            longitude: (lon * 1e6).round() / 1e6,
            phone: (shop_type != "locker").then(|| phone(city.country, &mut rng)),
            shop_type: Some(shop_type.to_string()),
            supports_labelless: rng.random_bool(labelless_share),
            timezone: None,
            opening_hours: hours(shop_type, &mut rng),
            active: true,
        }
    })
}

/// Postal-code centroids for the generator's cities (area prefixes placed
/// around the city centre), for demos.
pub fn demo_centroids() -> Vec<(String, String, f64, f64)> {
    let mut rng = StdRng::seed_from_u64(7);
    let mut out = Vec::new();
    for c in CITIES {
        let step = ((c.postal.1 - c.postal.0) / 60).max(1);
        let mut prefix = c.postal.0;
        while prefix <= c.postal.1 {
            let key = match c.country {
                "NL" | "BE" => format!("{prefix:04}"),
                _ => format!("{prefix:05}"),
            };
            let lat = c.lat + normal(&mut rng) * 3.0 / 111.0;
            let lon = c.lon + normal(&mut rng) * 3.0 / (111.0 * c.lat.to_radians().cos());
            out.push((c.country.to_string(), key, lat, lon));
            prefix += step;
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes points as the importer's CSV.
pub fn write_csv(
    points: impl Iterator<Item = ServicePointInput>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "{}", csv_header())?;
    for p in points {
        let day = |d: usize| {
            p.opening_hours
                .get(&d.to_string())
                .map(|v| v.join(" "))
                .unwrap_or_default()
        };
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            p.carrier,
            csv_field(&p.code),
            csv_field(&p.name),
            csv_field(&p.street),
            csv_field(&p.postal_code),
            csv_field(&p.city),
            p.country,
            p.latitude,
            p.longitude,
            p.supports_labelless,
            p.house_number.as_deref().map(csv_field).unwrap_or_default(),
            p.phone.as_deref().unwrap_or(""),
            p.shop_type.as_deref().unwrap_or(""),
            p.timezone.as_deref().unwrap_or(""),
            day(0),
            day(1),
            day(2),
            day(3),
            day(4),
            day(5),
            day(6),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_points() {
        let a: Vec<String> = generate(50, 1)
            .map(|p| format!("{}{}{}", p.code, p.latitude, p.name))
            .collect();
        let b: Vec<String> = generate(50, 1)
            .map(|p| format!("{}{}{}", p.code, p.latitude, p.name))
            .collect();
        assert_eq!(a, b);
    }

    #[test]
    fn generated_points_pass_import_validation_through_csv() {
        let mut csv = Vec::new();
        write_csv(generate(300, 3), &mut csv).unwrap();
        let rows = crate::domain::service_points::from_csv(&csv).unwrap();
        let valid = crate::domain::service_points::validate_all(rows).unwrap();
        assert_eq!(valid.len(), 300);
        let countries: std::collections::BTreeSet<&str> =
            valid.iter().map(|p| p.point.country.as_str()).collect();
        assert_eq!(
            countries.into_iter().collect::<Vec<_>>(),
            vec!["BE", "DE", "FR", "NL"]
        );
    }
}
