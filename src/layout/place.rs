//! Deterministic starting positions: a phyllotaxis spiral for fresh graphs
//! and neighbour-aware placement for nodes added to an existing layout.

use super::rng::XorShift;
use super::sanitize_edge_length;

/// Golden angle in radians; consecutive spiral points never line up.
const GOLDEN_ANGLE: f32 = 2.399_963_2;
/// Spiral spacing in edge lengths, chosen so the spiral's area roughly
/// matches the area a settled layout of the same size occupies.
const SPIRAL_SPACING: f32 = 0.6;
/// New nodes land this far (in edge lengths, randomised within the range)
/// from the centroid of their placed neighbours.
const OFFSET_MIN: f32 = 0.5;
const OFFSET_MAX: f32 = 1.0;
/// New nodes are spread at most this far (radians) either side of "outward".
const OUTWARD_SPREAD: f32 = std::f32::consts::FRAC_PI_2;

/// Deterministic starting positions for n nodes (e.g. a phyllotaxis spiral), scaled to the edge length so a graph of n nodes starts about as big as it will end up.
#[must_use]
pub fn initial_positions(n: usize, edge_length: f32) -> Vec<[f32; 2]> {
    let spacing = sanitize_edge_length(edge_length) * SPIRAL_SPACING;
    (0..n)
        .map(|index| {
            #[allow(clippy::cast_precision_loss)] // spiral index, precision loss is harmless
            let index = index as f32;
            let radius = spacing * index.sqrt();
            // Reduce the angle first so large indices keep their precision.
            let angle = (index * GOLDEN_ANGLE) % std::f32::consts::TAU;
            [radius * angle.cos(), radius * angle.sin()]
        })
        .collect()
}

/// Places the nodes with `known[i] == false`: each goes near the centroid of its already-placed neighbours (with a small deterministic offset so two new nodes never coincide); nodes with no placed neighbour go on a ring just outside the bounding box of the placed ones (or from `initial_positions` if nothing is placed). Known nodes are never moved.
///
/// Placement proceeds in breadth-first waves, so a new node whose neighbours
/// are also new is placed after them. A group of new nodes with no placed
/// neighbour starts from its highest-degree member, put on the ring (or at
/// the origin, the first `initial_positions` slot, when nothing is placed).
/// Missing `known` entries count as unknown.
pub fn place_new_nodes(
    positions: &mut [[f32; 2]],
    known: &[bool],
    edges: &[(u32, u32, f32)],
    edge_length: f32,
    seed: u64,
) {
    let n = positions.len();
    let l = sanitize_edge_length(edge_length);
    let mut placed: Vec<bool> = (0..n)
        .map(|i| known.get(i).copied().unwrap_or(false))
        .collect();
    if placed.iter().all(|&p| p) {
        return;
    }
    let adjacency = Adjacency::new(n, edges);
    let mut rng = XorShift::new(seed);

    let finite = |p: [f32; 2]| p[0].is_finite() && p[1].is_finite();
    let mut bbox = Bbox::default();
    for i in 0..n {
        if placed[i] && finite(positions[i]) {
            bbox.add(positions[i]);
        }
    }
    // New nodes point away from this point so fresh branches grow outwards.
    let mut outward_from = bbox.center().unwrap_or([0.0, 0.0]);
    let mut ring_slots: Option<Ring> = None;

    // Roots for disconnected new groups: hubs first, ties by index.
    let mut root_order: Vec<usize> = (0..n).filter(|&i| !placed[i]).collect();
    root_order.sort_by_key(|&i| (std::cmp::Reverse(adjacency.degree(i)), i));
    let mut root_cursor = 0;

    let mut frontier: Vec<usize> = (0..n)
        .filter(|&i| !placed[i] && adjacency.neighbours(i).any(|j| placed[j]))
        .collect();
    let mut wave: Vec<([f32; 2], usize)> = Vec::new();
    loop {
        if frontier.is_empty() {
            while root_cursor < root_order.len() && placed[root_order[root_cursor]] {
                root_cursor += 1;
            }
            let Some(&root) = root_order.get(root_cursor) else {
                break;
            };
            let p = match bbox.center() {
                None => [0.0, 0.0],
                Some(_) => ring_slots
                    .get_or_insert_with(|| Ring::around(&bbox, l, &mut rng))
                    .next(l),
            };
            positions[root] = p;
            placed[root] = true;
            bbox.add(p);
            outward_from = p;
            frontier.extend(adjacency.neighbours(root).filter(|&j| !placed[j]));
            frontier.sort_unstable();
            frontier.dedup();
            continue;
        }
        // Every node of a wave sees only the nodes placed before the wave,
        // so the result does not depend on the order inside the wave.
        wave.clear();
        for &i in &frontier {
            let (mut sx, mut sy, mut count) = (0.0f32, 0.0f32, 0u32);
            for j in adjacency.neighbours(i) {
                if placed[j] && finite(positions[j]) {
                    sx += positions[j][0];
                    sy += positions[j][1];
                    count += 1;
                }
            }
            #[allow(clippy::cast_precision_loss)] // neighbour counts are small
            let centroid = if count == 0 {
                outward_from
            } else {
                [sx / count as f32, sy / count as f32]
            };
            wave.push((offset_from(centroid, outward_from, l, &mut rng), i));
        }
        let mut next = Vec::new();
        for &(p, i) in &wave {
            positions[i] = p;
            placed[i] = true;
            bbox.add(p);
        }
        for &(_, i) in &wave {
            next.extend(adjacency.neighbours(i).filter(|&j| !placed[j]));
        }
        next.sort_unstable();
        next.dedup();
        frontier = next;
    }
}

/// A point near `centroid`, pointing roughly away from `anchor`.
fn offset_from(centroid: [f32; 2], anchor: [f32; 2], l: f32, rng: &mut XorShift) -> [f32; 2] {
    let (dx, dy) = (centroid[0] - anchor[0], centroid[1] - anchor[1]);
    let jitter = rng.next_f32();
    let angle = if dx.hypot(dy) > 1e-3 * l {
        dy.atan2(dx) + (2.0 * jitter - 1.0) * OUTWARD_SPREAD
    } else {
        jitter * std::f32::consts::TAU
    };
    let r = l * (OFFSET_MIN + (OFFSET_MAX - OFFSET_MIN) * rng.next_f32());
    [centroid[0] + r * angle.cos(), centroid[1] + r * angle.sin()]
}

/// Compressed adjacency lists (neighbours of i at `targets[starts[i]..starts[i + 1]]`).
struct Adjacency {
    starts: Vec<usize>,
    targets: Vec<usize>,
}

impl Adjacency {
    fn new(n: usize, edges: &[(u32, u32, f32)]) -> Self {
        let valid = |&&(a, b, _): &&(u32, u32, f32)| a != b && (a as usize) < n && (b as usize) < n;
        let mut starts = vec![0usize; n + 1];
        for &(a, b, _) in edges.iter().filter(valid) {
            starts[a as usize + 1] += 1;
            starts[b as usize + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut cursor = starts.clone();
        let mut targets = vec![0usize; starts[n]];
        for &(a, b, _) in edges.iter().filter(valid) {
            let (a, b) = (a as usize, b as usize);
            targets[cursor[a]] = b;
            cursor[a] += 1;
            targets[cursor[b]] = a;
            cursor[b] += 1;
        }
        Self { starts, targets }
    }

    fn degree(&self, i: usize) -> usize {
        self.starts[i + 1] - self.starts[i]
    }

    fn neighbours(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.targets[self.starts[i]..self.starts[i + 1]]
            .iter()
            .copied()
    }
}

/// Axis-aligned bounding box of the placed nodes (empty until the first `add`).
#[derive(Default)]
struct Bbox {
    bounds: Option<([f32; 2], [f32; 2])>,
}

impl Bbox {
    fn add(&mut self, p: [f32; 2]) {
        let (lo, hi) = self.bounds.get_or_insert((p, p));
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }

    fn center(&self) -> Option<[f32; 2]> {
        self.bounds
            .map(|(lo, hi)| [0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1])])
    }

    fn half_diagonal(&self) -> f32 {
        self.bounds
            .map_or(0.0, |(lo, hi)| 0.5 * (hi[0] - lo[0]).hypot(hi[1] - lo[1]))
    }
}

/// Successive slots on concentric circles just outside a bounding box,
/// one edge length apart, so groups without placed neighbours never stack.
struct Ring {
    center: [f32; 2],
    radius: f32,
    angle: f32,
    used: f32,
}

impl Ring {
    fn around(bbox: &Bbox, l: f32, rng: &mut XorShift) -> Self {
        Self {
            center: bbox.center().unwrap_or([0.0, 0.0]),
            radius: bbox.half_diagonal() + l,
            angle: rng.next_f32() * std::f32::consts::TAU,
            used: 0.0,
        }
    }

    fn next(&mut self, l: f32) -> [f32; 2] {
        let step = l / self.radius;
        if self.used + step > std::f32::consts::TAU {
            self.radius += l;
            self.used = 0.0;
        }
        let p = [
            self.center[0] + self.radius * self.angle.cos(),
            self.center[1] + self.radius * self.angle.sin(),
        ];
        let step = l / self.radius;
        self.angle = (self.angle + step) % std::f32::consts::TAU;
        self.used += step;
        p
    }
}
