//! A scale-free layout quality score: how short the edges are compared with
//! the typical distance between arbitrary nodes.

use super::rng::XorShift;

/// Layout quality: mean edge length divided by the mean distance between `pairs` fixed random node pairs (drawn with `seed`); lower is better, a random layout scores about 1.0.
///
/// Invalid edges and nodes with non-finite positions are skipped. When the
/// score is undefined (fewer than two nodes, no usable edge or pair, or all
/// sampled pairs coincide) it returns 1.0, the score of "no structure".
#[must_use]
pub fn quality(positions: &[[f32; 2]], edges: &[(u32, u32)], pairs: usize, seed: u64) -> f32 {
    let n = positions.len();
    if n < 2 || pairs == 0 {
        return 1.0;
    }
    let finite = |i: usize| positions[i][0].is_finite() && positions[i][1].is_finite();
    let dist = |a: usize, b: usize| {
        let (p, q) = (positions[a], positions[b]);
        f64::from(p[0] - q[0]).hypot(f64::from(p[1] - q[1]))
    };

    let (mut edge_sum, mut edge_count) = (0.0f64, 0usize);
    for &(a, b) in edges {
        let (a, b) = (a as usize, b as usize);
        if a != b && a < n && b < n && finite(a) && finite(b) {
            edge_sum += dist(a, b);
            edge_count += 1;
        }
    }

    let mut rng = XorShift::new(seed);
    let (mut pair_sum, mut pair_count) = (0.0f64, 0usize);
    for _ in 0..pairs {
        let a = rng.below(n);
        // Drawing from n - 1 and skipping `a` gives distinct pairs without retries.
        let mut b = rng.below(n - 1);
        if b >= a {
            b += 1;
        }
        if finite(a) && finite(b) {
            pair_sum += dist(a, b);
            pair_count += 1;
        }
    }

    if edge_count == 0 || pair_count == 0 || pair_sum <= 0.0 {
        return 1.0;
    }
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let ratio = (edge_sum / edge_count as f64) / (pair_sum / pair_count as f64);
    #[allow(clippy::cast_possible_truncation)] // a ratio of distances fits f32
    let ratio = ratio as f32;
    ratio
}

/// Layout quality over given node pairs (the peer harness's `.pairs` file): mean edge length
/// divided by the mean distance of `pairs`. Pairs or edges naming a node out of range are
/// skipped; 1.0 when undefined, as in [`quality`].
#[must_use]
pub fn quality_with_pairs(
    positions: &[[f32; 2]],
    edges: &[(u32, u32)],
    pairs: &[(u32, u32)],
) -> f32 {
    let nodes = positions.len();
    let mean = |list: &[(u32, u32)]| {
        let (mut sum, mut count) = (0.0f64, 0usize);
        for &(from, to) in list {
            let (from, to) = (from as usize, to as usize);
            if from < nodes && to < nodes && from != to {
                let (p, q) = (positions[from], positions[to]);
                let d = f64::from(p[0] - q[0]).hypot(f64::from(p[1] - q[1]));
                if d.is_finite() {
                    sum += d;
                    count += 1;
                }
            }
        }
        #[allow(clippy::cast_precision_loss)] // counts far below 2^52
        (count > 0).then(|| sum / count as f64)
    };
    match (mean(edges), mean(pairs)) {
        #[allow(clippy::cast_possible_truncation)] // a ratio of distances fits f32
        (Some(e), Some(p)) if p > 0.0 => (e / p) as f32,
        _ => 1.0,
    }
}
