//! Force-directed graph layout (ForceAtlas2-style with Barnes–Hut repulsion).
//!
//! Owns node positions as flat `[f32; 2]` arrays, the simulation that moves
//! them, deterministic initial placement, incremental placement of newly
//! added nodes and a layout-quality score, and a thread that steps a layout
//! while its owner draws. Pure computation: std only, no UI or graph-library types.

mod force;
mod place;
mod quadtree;
mod quality;
pub(crate) mod rng;
#[cfg(test)]
mod tests;
mod worker;

pub use force::ForceLayout;
pub use place::{initial_positions, place_new_nodes};
pub use quality::{quality, quality_with_pairs};
pub use worker::{Focus, LayoutWorker};

/// Default typical edge length in canvas units.
const DEFAULT_EDGE_LENGTH: f32 = 80.0;

/// Tunable parameters (ForceAtlas2-style).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// Barnes–Hut opening angle; 0 computes repulsion exactly (O(n^2)).
    pub theta: f32,
    /// Repulsion strength (kr), relative to the built-in scaling (1.0 = calibrated).
    pub repulsion: f32,
    /// Gravity strength (kg) toward the origin, weighted by degree + 1.
    pub gravity: f32,
    /// Edge spring strength multiplier.
    pub attraction: f32,
    /// Typical edge length the settled layout should have, in canvas units.
    pub edge_length: f32,
    /// Mean displacement per step, in units of `edge_length`, below which the layout counts as settled.
    pub settle_threshold: f32,
}

impl Default for LayoutParams {
    fn default() -> Self {
        Self {
            theta: 0.9,
            repulsion: 1.0,
            gravity: 1.0,
            attraction: 1.0,
            edge_length: DEFAULT_EDGE_LENGTH,
            settle_threshold: 0.005,
        }
    }
}

impl LayoutParams {
    /// Copy with every field forced into a usable range, so bad user input
    /// can never turn into NaN positions.
    fn sanitized(self) -> Self {
        let d = Self::default();
        let non_negative = |v: f32, fallback: f32| {
            if v.is_finite() && v >= 0.0 {
                v
            } else {
                fallback
            }
        };
        Self {
            theta: non_negative(self.theta, d.theta).min(4.0),
            repulsion: non_negative(self.repulsion, d.repulsion),
            gravity: non_negative(self.gravity, d.gravity),
            attraction: non_negative(self.attraction, d.attraction),
            edge_length: sanitize_edge_length(self.edge_length),
            settle_threshold: non_negative(self.settle_threshold, d.settle_threshold),
        }
    }
}

/// Falls back to the default for non-positive or non-finite edge lengths.
fn sanitize_edge_length(edge_length: f32) -> f32 {
    if edge_length.is_finite() && edge_length > 0.0 {
        edge_length
    } else {
        DEFAULT_EDGE_LENGTH
    }
}

/// Statistics of one simulation step, in canvas units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StepStats {
    /// Mean distance moved by the non-pinned nodes.
    pub mean_displacement: f32,
    /// Largest distance moved by any node.
    pub max_displacement: f32,
}
