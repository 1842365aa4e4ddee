//! Clustering (national scale): every point is in exactly one mark at every zoom, a cluster's
//! count is the number of points it stands for, and above the last clustering zoom every point is
//! drawn on its own.

mod common;

use common::read_demo;
use cundi_core::cluster::{Clusters, Mark, MAX_ZOOM};
use cundi_core::geo::BBox;

const WORLD: BBox = BBox([-180.0, -85.0, 180.0, 85.0]);

#[test]
fn every_point_is_in_exactly_one_mark_at_every_zoom() {
    let ds = read_demo();
    let points: Vec<(f64, f64)> = ds.stations.iter().map(|s| (s.lon, s.lat)).collect();
    let clusters = Clusters::new(points.iter().copied());
    assert_eq!(clusters.len(), points.len());
    for zoom in 0..=MAX_ZOOM + 2 {
        let marks = clusters.marks(WORLD, f64::from(zoom));
        let total: usize = marks.iter().map(Mark::count).sum();
        assert_eq!(total, points.len(), "zoom {zoom}");
        let singles: Vec<usize> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Point { index, lon, lat } => {
                    assert_eq!(points[*index], (*lon, *lat));
                    Some(*index)
                }
                Mark::Cluster { .. } => None,
            })
            .collect();
        let mut unique = singles.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(
            unique.len(),
            singles.len(),
            "zoom {zoom}: a point drawn twice"
        );
        if zoom == 0 {
            // Three counties 600 km apart: at the world view they are a handful of clusters.
            assert!(marks.len() <= 3, "{} marks at zoom 0", marks.len());
        }
        if zoom > MAX_ZOOM {
            assert_eq!(singles.len(), points.len(), "zoom {zoom}: all single");
        }
    }
}

#[test]
fn a_box_gets_only_the_marks_inside_it_and_a_cluster_expands() {
    let ds = read_demo();
    let points: Vec<(f64, f64)> = ds.stations.iter().map(|s| (s.lon, s.lat)).collect();
    let clusters = Clusters::new(points.iter().copied());
    // 阳城县's box: its stations only, counted once whatever the clustering.
    let yangcheng = BBox([112.0, 35.2, 112.9, 35.75]);
    let inside = points
        .iter()
        .filter(|(lon, lat)| yangcheng.contains(*lon, *lat))
        .count();
    assert!(inside > 100);
    let marks = clusters.marks(yangcheng, 20.0);
    assert_eq!(marks.len(), inside);
    let at_8 = clusters.marks(yangcheng, 8.0);
    assert!(
        at_8.len() < inside / 4,
        "{} marks for {inside} points",
        at_8.len()
    );
    let Some(Mark::Cluster { id, count, .. }) = at_8
        .iter()
        .copied()
        .find(|m| matches!(m, Mark::Cluster { .. }))
    else {
        panic!("no cluster at zoom 8");
    };
    assert!(count >= 2);
    let expands = clusters.expansion_zoom(id);
    assert!(expands > 8 && expands <= MAX_ZOOM + 1, "{expands}");
}

#[test]
fn positions_that_are_not_numbers_are_left_out_and_the_rest_keep_their_index() {
    let clusters = Clusters::new([(112.0, 35.0), (f64::NAN, 35.0), (113.0, 36.0)]);
    assert_eq!(clusters.len(), 2);
    let mut indices: Vec<usize> = clusters
        .marks(WORLD, 20.0)
        .iter()
        .filter_map(|m| match m {
            Mark::Point { index, .. } => Some(*index),
            Mark::Cluster { .. } => None,
        })
        .collect();
    indices.sort_unstable();
    assert_eq!(indices, [0, 2]);
    assert!(Clusters::new(std::iter::empty())
        .marks(WORLD, 3.0)
        .is_empty());
}
