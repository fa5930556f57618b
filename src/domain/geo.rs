//! Distances on the Earth.
//!
//! Points are also mapped onto the unit sphere: the straight-line (chord)
//! distance between two such points grows monotonically with their
//! great-circle distance, so a plain 3-D R-tree orders neighbours exactly as
//! the haversine distance would, with no distortion near the poles or the
//! antimeridian.

/// Mean Earth radius in metres (IUGG).
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance in metres between two WGS84 positions (haversine).
pub fn haversine_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().min(1.0).asin()
}

/// Position on the unit sphere.
pub fn unit_xyz(lat: f64, lon: f64) -> [f64; 3] {
    let (phi, lambda) = (lat.to_radians(), lon.to_radians());
    [
        phi.cos() * lambda.cos(),
        phi.cos() * lambda.sin(),
        phi.sin(),
    ]
}

/// Squared chord length on the unit sphere of a great-circle distance in metres.
pub fn chord2_for_m(metres: f64) -> f64 {
    let c = 2.0 * (metres / (2.0 * EARTH_RADIUS_M)).sin();
    c * c
}

/// Whether a latitude/longitude pair is a position.
pub fn valid_position(lat: f64, lon: f64) -> bool {
    lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amsterdam_to_utrecht_is_about_35_km() {
        let d = haversine_m(52.3791, 4.9003, 52.0894, 5.1101);
        assert!((d - 35_400.0).abs() < 500.0, "{d}");
    }

    #[test]
    fn chord_order_matches_great_circle_order() {
        let a = unit_xyz(52.0, 5.0);
        let dist2 = |p: [f64; 3]| (0..3).map(|i| (p[i] - a[i]).powi(2)).sum::<f64>();
        let near = unit_xyz(52.01, 5.0);
        let far = unit_xyz(52.1, 5.0);
        assert!(dist2(near) < dist2(far));
        let r = haversine_m(52.0, 5.0, 52.1, 5.0);
        assert!((dist2(far) - chord2_for_m(r)).abs() < 1e-12);
    }
}
