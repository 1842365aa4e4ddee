//! Geometry the generators need on a county outline: rounding for the web, point-in-polygon,
//! uniform samples inside it, and a spread of seed points over it (Lloyd's relaxation).

use super::sources::Outline;
use cundi_core::geo::BBox;
use rand::Rng;

/// Km per degree of latitude, and of longitude at the equator.
const KM_PER_DEG_LAT: f64 = 110.574;
const KM_PER_DEG_LON: f64 = 111.320;

pub fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// A point in degrees.
pub type Pt = [f64; 2];

impl Outline {
    /// The outline with coordinates rounded to `decimals` places, repeated points dropped and
    /// rings of fewer than four points left out.
    pub fn rounded(&self, decimals: i32) -> Outline {
        let polygons = self
            .polygons
            .iter()
            .map(|poly| {
                poly.iter()
                    .map(|ring| {
                        let mut out: Vec<Pt> = Vec::with_capacity(ring.len());
                        for p in ring {
                            let q = [round_to(p[0], decimals), round_to(p[1], decimals)];
                            if out.last() != Some(&q) {
                                out.push(q);
                            }
                        }
                        if out.first() != out.last() {
                            if let Some(&first) = out.first() {
                                out.push(first);
                            }
                        }
                        out
                    })
                    .filter(|ring| ring.len() >= 4)
                    .collect::<Vec<_>>()
            })
            .filter(|poly| !poly.is_empty())
            .collect();
        Outline {
            code: self.code.clone(),
            name: self.name.clone(),
            polygons,
        }
    }

    pub fn bbox(&self) -> BBox {
        BBox::around(
            self.polygons
                .iter()
                .flatten()
                .flatten()
                .map(|p| (p[0], p[1])),
        )
        .unwrap_or(BBox([0.0, 0.0, 0.0, 0.0]))
    }

    /// Even-odd rule over every ring: holes and separate parts come out right.
    pub fn contains(&self, p: Pt) -> bool {
        let mut inside = false;
        for ring in self.polygons.iter().flatten() {
            let mut j = ring.len() - 1;
            for i in 0..ring.len() {
                let (a, b) = (ring[i], ring[j]);
                if (a[1] > p[1]) != (b[1] > p[1])
                    && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
                {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }

    /// `n` points drawn uniformly inside the outline, and the outline's area in km².
    pub fn sample(&self, rng: &mut impl Rng, n: usize) -> (Vec<Pt>, f64) {
        let b = self.bbox();
        let mut points = Vec::with_capacity(n);
        let mut tries = 0u64;
        // A sliver of an outline (an islet) may never be hit: give up after many tries and use
        // the box's centre, so a generator never hangs on odd geometry.
        while points.len() < n {
            if tries > 2000 * n as u64 + 100_000 {
                let centre = [(b.west() + b.east()) / 2.0, (b.south() + b.north()) / 2.0];
                points.resize(n, centre);
                break;
            }
            tries += 1;
            let p = [
                b.west() + rng.random::<f64>() * (b.east() - b.west()),
                b.south() + rng.random::<f64>() * (b.north() - b.south()),
            ];
            if self.contains(p) {
                points.push(p);
            }
        }
        let mid_lat = (b.south() + b.north()) / 2.0;
        let box_km2 = (b.east() - b.west())
            * KM_PER_DEG_LON
            * mid_lat.to_radians().cos()
            * (b.north() - b.south())
            * KM_PER_DEG_LAT;
        (points, box_km2 * n as f64 / tries as f64)
    }
}

/// Distance in km, flat-earth: fine within a county.
pub fn km(a: Pt, b: Pt) -> f64 {
    let lat = ((a[1] + b[1]) / 2.0).to_radians();
    let dx = (a[0] - b[0]) * KM_PER_DEG_LON * lat.cos();
    let dy = (a[1] - b[1]) * KM_PER_DEG_LAT;
    (dx * dx + dy * dy).sqrt()
}

/// The point `dist_km` from `p` in direction `angle` (radians, counter-clockwise from east).
pub fn offset(p: Pt, dist_km: f64, angle: f64) -> Pt {
    let lat = p[1].to_radians();
    [
        p[0] + dist_km * angle.cos() / (KM_PER_DEG_LON * lat.cos()),
        p[1] + dist_km * angle.sin() / KM_PER_DEG_LAT,
    ]
}

/// Index of the seed nearest to `p`.
pub fn nearest(seeds: &[Pt], p: Pt) -> usize {
    let mut best = (0, f64::INFINITY);
    for (i, s) in seeds.iter().enumerate() {
        let d = km(*s, p);
        if d < best.1 {
            best = (i, d);
        }
    }
    best.0
}

/// Spreads `fixed.len() + free` seeds over `samples`: the fixed ones stay where they are, the
/// free ones start by farthest-point selection and move by Lloyd's relaxation (each to the
/// centre of the samples nearest it), snapped to a sample so they stay inside the outline.
/// Returns the free seeds and, for every sample, the seed nearest it (fixed seeds first).
pub fn spread(samples: &[Pt], fixed: &[Pt], free: usize) -> (Vec<Pt>, Vec<usize>) {
    let mut seeds: Vec<Pt> = fixed.to_vec();
    let mut dist: Vec<f64> = samples
        .iter()
        .map(|p| {
            seeds
                .iter()
                .map(|s| km(*s, *p))
                .fold(f64::INFINITY, f64::min)
        })
        .collect();
    for _ in 0..free {
        let (far, _) = dist
            .iter()
            .enumerate()
            .fold((0, f64::NEG_INFINITY), |acc, (i, d)| {
                if *d > acc.1 {
                    (i, *d)
                } else {
                    acc
                }
            });
        let s = samples[far];
        seeds.push(s);
        for (d, p) in dist.iter_mut().zip(samples) {
            *d = d.min(km(s, *p));
        }
    }

    for _ in 0..40 {
        let mut sums = vec![[0.0, 0.0]; seeds.len()];
        let mut counts = vec![0; seeds.len()];
        let owner: Vec<usize> = samples.iter().map(|p| nearest(&seeds, *p)).collect();
        for (p, &o) in samples.iter().zip(&owner) {
            sums[o][0] += p[0];
            sums[o][1] += p[1];
            counts[o] += 1;
        }
        for i in fixed.len()..seeds.len() {
            if counts[i] == 0 {
                continue;
            }
            let c = [sums[i][0] / counts[i] as f64, sums[i][1] / counts[i] as f64];
            // Snap to the nearest of its own samples: a concave cell's centre may lie outside.
            let snapped = samples
                .iter()
                .zip(&owner)
                .filter(|(_, &o)| o == i)
                .map(|(p, _)| *p)
                .fold((c, f64::INFINITY), |acc, p| {
                    let d = km(p, c);
                    if d < acc.1 {
                        (p, d)
                    } else {
                        acc
                    }
                })
                .0;
            seeds[i] = snapped;
        }
    }
    let owner = samples.iter().map(|p| nearest(&seeds, *p)).collect();
    (seeds[fixed.len()..].to_vec(), owner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn square() -> Outline {
        // A 1°×1° square with a 0.5°×0.5° hole in the middle.
        Outline {
            code: "000000".into(),
            name: "square".into(),
            polygons: vec![vec![
                vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]],
                vec![
                    [0.25, 0.25],
                    [0.75, 0.25],
                    [0.75, 0.75],
                    [0.25, 0.75],
                    [0.25, 0.25],
                ],
            ]],
        }
    }

    #[test]
    fn contains_respects_holes() {
        let s = square();
        assert!(s.contains([0.1, 0.1]));
        assert!(!s.contains([0.5, 0.5]));
        assert!(!s.contains([1.5, 0.5]));
    }

    #[test]
    fn samples_stay_inside_and_area_is_close() {
        let s = square();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let (pts, area) = s.sample(&mut rng, 2000);
        assert!(pts.iter().all(|p| s.contains(*p)));
        // 0.75 of a square degree at the equator: about 9,230 km².
        assert!((area - 9230.0).abs() < 600.0, "{area}");
    }

    #[test]
    fn spread_keeps_fixed_seeds_and_covers_the_shape() {
        let s = square();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2);
        let (pts, _) = s.sample(&mut rng, 1500);
        let (free, owner) = spread(&pts, &[[0.1, 0.1]], 7);
        assert_eq!(free.len(), 7);
        assert_eq!(owner.len(), pts.len());
        let mut counts = [0; 8];
        for o in owner {
            counts[o] += 1;
        }
        assert!(free.iter().all(|p| s.contains(*p)));
        assert!(counts.iter().all(|&c| c > 50), "{counts:?}");
    }

    #[test]
    fn rounding_closes_rings() {
        let o = Outline {
            code: "1".into(),
            name: "n".into(),
            polygons: vec![vec![vec![
                [0.000001, 0.0],
                [1.0, 0.0],
                [1.0, 1.0],
                [0.0, 1.0],
            ]]],
        };
        let r = o.rounded(5);
        assert_eq!(r.polygons[0][0].first(), r.polygons[0][0].last());
        assert_eq!(r.polygons[0][0][0], [0.0, 0.0]);
    }
}
