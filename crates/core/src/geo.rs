//! Plain geometry on WGS-84 degrees: bounding boxes, distances, and the box China lies in.

use serde::{Deserialize, Serialize};

/// West, south, east, north in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox(pub [f64; 4]);

impl BBox {
    /// A box that contains China's territory (land and the South China Sea islands).
    pub const CHINA: BBox = BBox([73.4, 3.3, 135.1, 53.6]);

    pub fn west(&self) -> f64 {
        self.0[0]
    }
    pub fn south(&self) -> f64 {
        self.0[1]
    }
    pub fn east(&self) -> f64 {
        self.0[2]
    }
    pub fn north(&self) -> f64 {
        self.0[3]
    }

    /// The smallest box around the points; `None` when there are none.
    pub fn around(points: impl IntoIterator<Item = (f64, f64)>) -> Option<BBox> {
        points.into_iter().fold(None, |acc, (lon, lat)| {
            Some(match acc {
                None => BBox([lon, lat, lon, lat]),
                Some(b) => b.extend(lon, lat),
            })
        })
    }

    pub fn extend(self, lon: f64, lat: f64) -> BBox {
        let [w, s, e, n] = self.0;
        BBox([w.min(lon), s.min(lat), e.max(lon), n.max(lat)])
    }

    pub fn union(self, other: BBox) -> BBox {
        self.extend(other.west(), other.south())
            .extend(other.east(), other.north())
    }

    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        lon >= self.west() && lon <= self.east() && lat >= self.south() && lat <= self.north()
    }

    /// Distance in km from a point to the nearest edge of the box (0 inside).
    pub fn distance_km(&self, lon: f64, lat: f64) -> f64 {
        let clon = lon.clamp(self.west(), self.east());
        let clat = lat.clamp(self.south(), self.north());
        haversine_km(lon, lat, clon, clat)
    }
}

/// Mean Earth radius in km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance between two WGS-84 points, in km.
pub fn haversine_km(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_beijing_shanghai() {
        // Tian'anmen to the Bund: about 1,067 km.
        let d = haversine_km(116.3975, 39.9087, 121.4903, 31.2397);
        assert!((d - 1067.0).abs() < 5.0, "{d}");
    }

    #[test]
    fn bbox_distance() {
        let b = BBox([112.0, 35.0, 113.0, 36.0]);
        assert_eq!(b.distance_km(112.5, 35.5), 0.0);
        let d = b.distance_km(112.5, 36.1);
        assert!((d - 11.1).abs() < 0.2, "{d}");
        assert!(BBox::CHINA.contains(112.4, 35.5));
        assert!(!BBox::CHINA.contains(2.35, 48.85));
    }
}
