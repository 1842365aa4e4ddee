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

    /// The middle of the box (longitude, latitude).
    pub fn center(&self) -> (f64, f64) {
        (
            (self.west() + self.east()) / 2.0,
            (self.south() + self.north()) / 2.0,
        )
    }

    /// Whether the two boxes overlap (touching counts).
    pub fn intersects(&self, other: &BBox) -> bool {
        self.west() <= other.east()
            && other.west() <= self.east()
            && self.south() <= other.north()
            && other.south() <= self.north()
    }

    /// Distance in km from a point to the nearest edge of the box (0 inside).
    pub fn distance_km(&self, lon: f64, lat: f64) -> f64 {
        let clon = lon.clamp(self.west(), self.east());
        let clat = lat.clamp(self.south(), self.north());
        haversine_km(lon, lat, clon, clat)
    }
}

/// The bounding box of every position in a GeoJSON text: a FeatureCollection, a Feature or a bare
/// geometry (GeometryCollection included). Only the `coordinates` members are walked, so `bbox`
/// members and properties that happen to hold numbers cannot widen the box.
pub fn boundary_bbox(geojson_text: &str) -> Result<BBox, String> {
    let value: serde_json::Value =
        serde_json::from_str(geojson_text).map_err(|e| format!("not JSON: {e}"))?;
    let mut bbox = None;
    walk_geojson(&value, &mut bbox)?;
    bbox.ok_or_else(|| "no coordinates in the GeoJSON".to_string())
}

fn walk_geojson(value: &serde_json::Value, bbox: &mut Option<BBox>) -> Result<(), String> {
    let Some(object) = value.as_object() else {
        return Err("a GeoJSON object was expected".into());
    };
    match object.get("type").and_then(|t| t.as_str()) {
        Some("FeatureCollection") => {
            for feature in object
                .get("features")
                .and_then(|f| f.as_array())
                .ok_or("a FeatureCollection without features")?
            {
                walk_geojson(feature, bbox)?;
            }
        }
        // A feature's geometry may be null (a feature with no location); that adds nothing.
        Some("Feature") => match object.get("geometry") {
            None | Some(serde_json::Value::Null) => {}
            Some(geometry) => walk_geojson(geometry, bbox)?,
        },
        Some("GeometryCollection") => {
            for geometry in object
                .get("geometries")
                .and_then(|g| g.as_array())
                .ok_or("a GeometryCollection without geometries")?
            {
                walk_geojson(geometry, bbox)?;
            }
        }
        Some(_) => walk_positions(
            object
                .get("coordinates")
                .ok_or("a geometry without coordinates")?,
            bbox,
        )?,
        None => return Err("a GeoJSON object without a type".into()),
    }
    Ok(())
}

/// Positions nest to a depth that depends on the geometry type; rather than switch on the type,
/// recurse until an array of numbers is found.
fn walk_positions(value: &serde_json::Value, bbox: &mut Option<BBox>) -> Result<(), String> {
    let array = value.as_array().ok_or("coordinates must be arrays")?;
    match array.first() {
        Some(serde_json::Value::Number(_)) => {
            let lon = array[0].as_f64();
            let lat = array.get(1).and_then(|v| v.as_f64());
            let (Some(lon), Some(lat)) = (lon, lat) else {
                return Err("a position needs a longitude and a latitude".into());
            };
            *bbox = Some(match *bbox {
                None => BBox([lon, lat, lon, lat]),
                Some(b) => b.extend(lon, lat),
            });
        }
        _ => {
            for item in array {
                walk_positions(item, bbox)?;
            }
        }
    }
    Ok(())
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
    fn boundary_bbox_walks_every_geometry_kind() {
        let text = r#"{"type":"FeatureCollection","bbox":[0,0,1,1],"features":[
            {"type":"Feature","properties":{"n":500},"geometry":{"type":"MultiPolygon","coordinates":
                [[[[112.1,35.2],[112.6,35.2],[112.6,35.7],[112.1,35.2]]]]}},
            {"type":"Feature","properties":{},"geometry":null},
            {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
                {"type":"Point","coordinates":[112.0,35.5,800]}]}}]}"#;
        assert_eq!(boundary_bbox(text), Ok(BBox([112.0, 35.2, 112.6, 35.7])));
        assert!(boundary_bbox(r#"{"type":"FeatureCollection","features":[]}"#).is_err());
        assert!(boundary_bbox("not json").is_err());
        assert!(boundary_bbox(r#"{"type":"Point","coordinates":["a","b"]}"#).is_err());
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
