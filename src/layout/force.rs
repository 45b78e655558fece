//! The simulation: ForceAtlas2-style forces (degree-weighted repulsion via
//! the quadtree, linear edge springs, degree-weighted gravity) and the
//! adaptive global speed with per-node swing damping that moves the nodes.
//!
//! Forces are computed in units of `edge_length` so that the tuning below is
//! independent of the canvas scale. The constants are calibrated so sparse
//! graphs of tens of nodes settle with edges of about 1–2 edge lengths and
//! nearest neighbours roughly one edge length apart; as in any
//! ForceAtlas2-style layout, edges of large small-world graphs get longer
//! (the node spacing stays about the same).

use super::quadtree::QuadTree;
use super::{LayoutParams, StepStats, initial_positions, sanitize_edge_length};

/// Repulsion constant at `repulsion == 1.0`, before normalising by the mean
/// squared mass (which keeps dense graphs from blowing up by their degree).
const REPULSION_SCALE: f32 = 1.0;
/// Gravity constant at `gravity == 1.0`, before scaling by sqrt(n) / mean mass.
const GRAVITY_SCALE: f32 = 0.6;
/// Largest distance a node may move in one step, in edge lengths.
const MAX_STEP: f32 = 4.0;
/// Pairs closer than this (in edge lengths) are clamped to it and pushed
/// apart along a deterministic direction.
const MIN_DIST: f32 = 0.01;
/// Consecutive calm steps needed before the layout reports itself settled.
const SETTLE_STEPS: u32 = 10;
/// `ForceAtlas2` jitter tolerance: how much swinging is accepted relative to traction.
const JITTER_TOLERANCE: f32 = 1.0;
/// Floor for the speed efficiency so the speed can always recover.
const MIN_SPEED_EFFICIENCY: f32 = 0.05;
/// The global speed may grow by at most this fraction per step.
const MAX_RISE: f32 = 0.5;
/// Speed bounds; the floor keeps the multiplicative update from sticking at zero.
const MIN_SPEED: f32 = 1e-4;
const MAX_SPEED: f32 = 1000.0;

/// A validated edge with its weight normalised by the mean weight.
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: u32,
    b: u32,
    w: f32,
}

/// A force-directed layout over nodes 0..n with undirected weighted edges.
#[derive(Debug)]
pub struct ForceLayout {
    params: LayoutParams,
    pos: Vec<[f32; 2]>,
    pinned: Vec<bool>,
    /// Degree + 1 per node.
    mass: Vec<f32>,
    mean_mass: f32,
    edges: Vec<Edge>,
    force: Vec<[f32; 2]>,
    prev_force: Vec<[f32; 2]>,
    /// Quadtree output in tree order.
    tree_force: Vec<[f32; 2]>,
    tree: QuadTree,
    speed: f32,
    speed_efficiency: f32,
    calm_steps: u32,
    steps: u64,
}

impl ForceLayout {
    /// Creates an empty layout.
    #[must_use]
    pub fn new(params: LayoutParams) -> Self {
        Self {
            params,
            pos: Vec::new(),
            pinned: Vec::new(),
            mass: Vec::new(),
            mean_mass: 1.0,
            edges: Vec::new(),
            force: Vec::new(),
            prev_force: Vec::new(),
            tree_force: Vec::new(),
            tree: QuadTree::default(),
            speed: 1.0,
            speed_efficiency: 1.0,
            calm_steps: 0,
            steps: 0,
        }
    }

    /// Replaces the graph. `positions.len()` is the node count; edges are (a, b, weight) with a != b, both < n (invalid ones ignored).
    ///
    /// Non-finite positions are replaced by their `initial_positions` slot,
    /// edges with a negative or non-finite weight are ignored, weights are
    /// scaled so their mean is 1, all pins are cleared and the layout is reheated.
    pub fn set_graph(&mut self, mut positions: Vec<[f32; 2]>, edges: &[(u32, u32, f32)]) {
        let n = positions.len();
        if positions
            .iter()
            .any(|p| !(p[0].is_finite() && p[1].is_finite()))
        {
            let fallback = initial_positions(n, sanitize_edge_length(self.params.edge_length));
            for (p, f) in positions.iter_mut().zip(fallback) {
                if !(p[0].is_finite() && p[1].is_finite()) {
                    *p = f;
                }
            }
        }
        self.pos = positions;
        self.pinned = vec![false; n];
        self.mass = vec![1.0; n];
        self.edges.clear();
        let mut weight_sum = 0.0f64;
        for &(a, b, w) in edges {
            let valid = a != b && (a as usize) < n && (b as usize) < n && w.is_finite() && w >= 0.0;
            if valid {
                self.mass[a as usize] += 1.0;
                self.mass[b as usize] += 1.0;
                weight_sum += f64::from(w);
                self.edges.push(Edge { a, b, w });
            }
        }
        // Normalising by the mean weight keeps the layout scale independent
        // of whether weights are 0..1 scores or raw mention counts.
        if weight_sum > 0.0 {
            // Edge counts and a ratio of sums: rounding is irrelevant here.
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
            let inv_mean = (self.edges.len() as f64 / weight_sum) as f32;
            for e in &mut self.edges {
                e.w *= inv_mean;
            }
        }
        #[allow(clippy::cast_precision_loss)] // statistics only
        let mean_mass = if n == 0 {
            1.0
        } else {
            self.mass.iter().sum::<f32>() / n as f32
        };
        self.mean_mass = mean_mass;
        self.force = vec![[0.0; 2]; n];
        self.prev_force = vec![[0.0; 2]; n];
        self.reheat();
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.pos.len()
    }

    /// Current positions in canvas units, indexed by node.
    #[must_use]
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.pos
    }

    /// Moves one node (e.g. the user dragged it); out of range or non-finite input is ignored.
    ///
    /// A real move clears the settled state (without resetting the speed), so
    /// the neighbours follow as soon as the caller steps again.
    pub fn set_position(&mut self, node: usize, pos: [f32; 2]) {
        if !(pos[0].is_finite() && pos[1].is_finite()) {
            return;
        }
        if let Some(current) = self.pos.get_mut(node)
            && (current[0].to_bits(), current[1].to_bits()) != (pos[0].to_bits(), pos[1].to_bits())
        {
            *current = pos;
            self.calm_steps = 0;
        }
    }

    /// Pins or unpins a node: pinned nodes never move in `step()` but still push and pull others.
    pub fn set_pinned(&mut self, node: usize, pinned: bool) {
        if let Some(p) = self.pinned.get_mut(node) {
            *p = pinned;
        }
    }

    /// Whether a node is pinned (false when out of range).
    #[must_use]
    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// Current parameters, as set.
    #[must_use]
    pub fn params(&self) -> LayoutParams {
        self.params
    }

    /// Replaces the parameters; a change clears the settled state.
    pub fn set_params(&mut self, p: LayoutParams) {
        if p != self.params {
            self.params = p;
            self.calm_steps = 0;
        }
    }

    /// One iteration. Returns the statistics of this step.
    pub fn step(&mut self) -> StepStats {
        self.steps += 1;
        let params = self.params.sanitized();
        let movable = self.pinned.iter().filter(|&&pinned| !pinned).count();
        if movable == 0 {
            self.calm_steps = self.calm_steps.saturating_add(1);
            return StepStats::default();
        }
        self.compute_forces(&params);
        self.update_speed(movable);

        let l = params.edge_length;
        let (mut sum, mut max) = (0.0f64, 0.0f32);
        for i in 0..self.pos.len() {
            if self.pinned[i] {
                continue;
            }
            let force = self.force[i];
            let old = self.prev_force[i];
            let swing = self.mass[i] * norm(force[0] - old[0], force[1] - old[1]);
            // Nodes that oscillate get slowed down individually.
            let factor = self.speed / (1.0 + (self.speed * swing).sqrt());
            let mut delta = [force[0] * factor, force[1] * factor];
            let len = norm(delta[0], delta[1]);
            if len > MAX_STEP {
                let shrink = MAX_STEP / len;
                delta = [delta[0] * shrink, delta[1] * shrink];
            }
            if !(delta[0].is_finite() && delta[1].is_finite()) {
                continue;
            }
            self.pos[i][0] += delta[0] * l;
            self.pos[i][1] += delta[1] * l;
            let moved = len.min(MAX_STEP) * l;
            sum += f64::from(moved);
            max = max.max(moved);
        }
        std::mem::swap(&mut self.force, &mut self.prev_force);

        #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)] // statistics only
        let mean = (sum / movable as f64) as f32;
        if mean < params.settle_threshold * l {
            self.calm_steps = self.calm_steps.saturating_add(1);
        } else {
            self.calm_steps = 0;
        }
        StepStats {
            mean_displacement: mean,
            max_displacement: max,
        }
    }

    /// Fills `self.force` with the total force on every node, in edge-length units.
    fn compute_forces(&mut self, params: &LayoutParams) {
        let l = params.edge_length;
        let inv_l = 1.0 / l;
        self.tree.build(&self.pos, &self.mass);
        self.tree
            .repulsion(params.theta, MIN_DIST * l, &mut self.tree_force);
        // The tree sums m_j / d in canvas units; multiplying by l converts
        // to edge-length units.
        let kr = params.repulsion * REPULSION_SCALE / (self.mean_mass * self.mean_mass) * l;
        for (&node, sum) in self.tree.order().iter().zip(&self.tree_force) {
            let node = node as usize;
            let scale = kr * self.mass[node];
            self.force[node] = [sum[0] * scale, sum[1] * scale];
        }

        let ka = params.attraction * inv_l;
        for e in &self.edges {
            let (a, b) = (e.a as usize, e.b as usize);
            let scale = ka * e.w;
            let fx = (self.pos[b][0] - self.pos[a][0]) * scale;
            let fy = (self.pos[b][1] - self.pos[a][1]) * scale;
            self.force[a][0] += fx;
            self.force[a][1] += fy;
            self.force[b][0] -= fx;
            self.force[b][1] -= fy;
        }

        // Constant-magnitude pull, softened within one edge length of the
        // origin so a lone node comes to rest instead of oscillating. The
        // outward repulsion at a component's rim grows like sqrt(n) under the
        // mass normalisation above, so gravity grows alike; otherwise small
        // components would float about n edge lengths away.
        #[allow(clippy::cast_precision_loss)] // node counts are far below 2^24
        let sqrt_n = (self.pos.len() as f32).sqrt();
        let kg = params.gravity * GRAVITY_SCALE * sqrt_n / self.mean_mass;
        for ((force, pos), mass) in self.force.iter_mut().zip(&self.pos).zip(&self.mass) {
            let scale = kg * mass / norm(pos[0], pos[1]).max(l);
            force[0] -= pos[0] * scale;
            force[1] -= pos[1] * scale;
            if !(force[0].is_finite() && force[1].is_finite()) {
                *force = [0.0; 2];
            }
        }
    }

    /// `ForceAtlas2` global speed: grows while the nodes move coherently
    /// (traction) and shrinks when they oscillate (swing).
    fn update_speed(&mut self, movable: usize) {
        let (mut swing, mut traction) = (0.0f64, 0.0f64);
        for i in 0..self.pos.len() {
            if self.pinned[i] {
                continue;
            }
            let (f, old) = (self.force[i], self.prev_force[i]);
            let m = f64::from(self.mass[i]);
            swing += m * f64::from(norm(f[0] - old[0], f[1] - old[1]));
            traction += m * 0.5 * f64::from(norm(f[0] + old[0], f[1] + old[1]));
        }
        if !(swing.is_finite() && traction.is_finite()) || traction <= 0.0 {
            return;
        }
        #[allow(clippy::cast_precision_loss)] // node counts are far below 2^52
        let n = movable as f64;
        let tolerance = f64::from(JITTER_TOLERANCE);
        let estimated = 0.05 * n.sqrt();
        let min_jt = estimated.sqrt();
        let mut jt = tolerance * min_jt.max((estimated * traction / (n * n)).min(10.0));
        let mut efficiency = f64::from(self.speed_efficiency);
        let min_efficiency = f64::from(MIN_SPEED_EFFICIENCY);
        if swing / traction > 2.0 {
            if efficiency > min_efficiency {
                efficiency *= 0.5;
            }
            jt = jt.max(tolerance);
        }
        let speed = f64::from(self.speed);
        let target = if swing > 0.0 {
            jt * efficiency * traction / swing
        } else {
            f64::from(MAX_SPEED)
        };
        if swing > jt * traction {
            if efficiency > min_efficiency {
                efficiency *= 0.7;
            }
        } else if speed < f64::from(MAX_SPEED) {
            efficiency *= 1.3;
        }
        let new_speed = speed + (target - speed).min(f64::from(MAX_RISE) * speed);
        #[allow(clippy::cast_possible_truncation)] // clamped into f32 range right here
        {
            self.speed = (new_speed as f32).clamp(MIN_SPEED, MAX_SPEED);
            self.speed_efficiency = (efficiency as f32).clamp(MIN_SPEED_EFFICIENCY, 1e6);
        }
    }

    /// True once the recent steps moved less than the settle threshold (for several consecutive steps), so the caller can stop stepping and stop redrawing.
    #[must_use]
    pub fn is_settled(&self) -> bool {
        self.calm_steps >= SETTLE_STEPS
    }

    /// Wakes the layout up again (after the user moved a node, or nodes were added): resets the adaptive speed / settled state so it runs again.
    pub fn reheat(&mut self) {
        self.speed = 1.0;
        self.speed_efficiency = 1.0;
        self.calm_steps = 0;
        for f in &mut self.prev_force {
            *f = [0.0; 2];
        }
    }

    /// Caps the threads one step may use (0: as many as the machine has). Results do not
    /// depend on it.
    pub fn set_max_threads(&mut self, threads: usize) {
        self.tree.set_max_threads(threads);
    }

    /// Number of `step()` calls since creation.
    #[must_use]
    pub fn steps_taken(&self) -> u64 {
        self.steps
    }
}

/// Vector length. `f32::hypot` guards against overflow that cannot happen
/// with these bounded forces and is several times slower.
fn norm(x: f32, y: f32) -> f32 {
    (x * x + y * y).sqrt()
}
