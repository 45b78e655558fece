//! Barnes–Hut quadtree over flat arrays: rebuilt every step into reused
//! buffers and queried with an explicit stack, giving the approximate
//! all-pairs `mass / distance` repulsion sum in O(n log n).

use super::rng::pair_direction;

/// Bodies per leaf before a cell is split. A leaf's bodies share one
/// traversal, so bigger buckets trade tree walking for (vectorised) exact pairs.
const LEAF_CAPACITY: u32 = 16;
/// Depth cap so that coincident bodies end in one (large) leaf instead of
/// recursing forever.
const MAX_DEPTH: u32 = 24;
/// Below this many bodies the thread start-up cost outweighs the work.
const PARALLEL_MIN_BODIES: usize = 4096;
/// Upper bound on worker threads (the work is memory-light, so more rarely helps).
const MAX_THREADS: usize = 8;

/// One square cell. Every cell's bodies form the contiguous tree-order range
/// `start..end`, which also makes "is an ancestor of" an exact integer test.
#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    com: [f32; 2],
    mass: f32,
    half: f32,
    start: u32,
    end: u32,
    /// Index of the first of `children` consecutive child cells.
    first_child: u32,
    /// 0 for a leaf.
    children: u32,
}

/// Per-thread scratch space for the traversal.
#[derive(Debug, Default)]
struct Workspace {
    stack: Vec<u32>,
    /// Interaction list shared by one leaf's bodies, as separate x / y /
    /// mass arrays so the inner loop vectorises: accepted far cells (centre
    /// of mass) and every body of the leaves that must be summed exactly.
    xs: Vec<f32>,
    ys: Vec<f32>,
    ms: Vec<f32>,
    /// Per-entry `mass / d^2` for the body being summed.
    scale: Vec<f32>,
    /// Tree slots of the exactly-summed bodies, for the coincidence fix-up.
    near: Vec<u32>,
}

/// Independent partial sums in the inner loop; fixed, so results stay bit-identical.
const LANES: usize = 8;

/// A reusable Barnes–Hut tree; all storage survives between rebuilds.
#[derive(Debug, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    /// Leaf cell indices ordered by their first body.
    leaves: Vec<u32>,
    /// Original index of each body, in tree order.
    order: Vec<u32>,
    /// Positions and masses in tree order, so leaf scans read contiguous memory.
    body_pos: Vec<[f32; 2]>,
    body_mass: Vec<f32>,
    scratch: Vec<u32>,
    /// Pending splits: (cell, geometric center, depth).
    build_stack: Vec<(u32, [f32; 2], u32)>,
    workspaces: Vec<Workspace>,
    /// Most worker threads the repulsion may use; 0 means as many as the machine has.
    max_threads: usize,
}

impl QuadTree {
    /// Rebuilds the tree for the given (finite) positions and masses.
    pub fn build(&mut self, pos: &[[f32; 2]], mass: &[f32]) {
        let n = pos.len();
        self.cells.clear();
        self.leaves.clear();
        self.order.clear();
        self.body_pos.clear();
        self.body_mass.clear();
        if n == 0 {
            return;
        }
        let n32 = u32::try_from(n).expect("node count fits in u32");
        self.order.extend(0..n32);
        self.scratch.resize(n, 0);

        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in pos {
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
        let center = [0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1])];
        let half = (0.5 * (hi[0] - lo[0]).max(hi[1] - lo[1])).max(1e-3);
        self.cells.push(Cell {
            half,
            start: 0,
            end: n32,
            ..Cell::default()
        });

        self.build_stack.clear();
        self.build_stack.push((0, center, 0));
        while let Some((ci, center, depth)) = self.build_stack.pop() {
            let cell = self.cells[ci as usize];
            if cell.end - cell.start <= LEAF_CAPACITY || depth >= MAX_DEPTH {
                self.leaves.push(ci);
            } else {
                self.split(ci, center, depth, pos);
            }
        }
        let cells = &self.cells;
        self.leaves
            .sort_unstable_by_key(|&c| cells[c as usize].start);

        self.body_pos
            .extend(self.order.iter().map(|&i| pos[i as usize]));
        self.body_mass
            .extend(self.order.iter().map(|&i| mass[i as usize]));
        self.accumulate_mass();
    }

    /// Partitions a cell's bodies into its quadrants and queues the non-empty children.
    fn split(&mut self, ci: u32, center: [f32; 2], depth: u32, pos: &[[f32; 2]]) {
        let cell = self.cells[ci as usize];
        let (start, end) = (cell.start as usize, cell.end as usize);
        let quadrant = |i: u32| {
            let p = pos[i as usize];
            usize::from(p[0] >= center[0]) | (usize::from(p[1] >= center[1]) << 1)
        };
        let mut counts = [0u32; 4];
        for &i in &self.order[start..end] {
            counts[quadrant(i)] += 1;
        }
        let mut offsets = [0u32; 4];
        let mut acc = cell.start;
        for q in 0..4 {
            offsets[q] = acc;
            acc += counts[q];
        }
        let mut cursor = offsets;
        for &i in &self.order[start..end] {
            let q = quadrant(i);
            self.scratch[cursor[q] as usize] = i;
            cursor[q] += 1;
        }
        self.order[start..end].copy_from_slice(&self.scratch[start..end]);

        let first_child = u32::try_from(self.cells.len()).expect("cell count fits in u32");
        let child_half = 0.5 * cell.half;
        let mut children = 0;
        for q in 0..4 {
            if counts[q] == 0 {
                continue;
            }
            let dx = if q & 1 == 0 { -child_half } else { child_half };
            let dy = if q & 2 == 0 { -child_half } else { child_half };
            self.cells.push(Cell {
                half: child_half,
                start: offsets[q],
                end: offsets[q] + counts[q],
                ..Cell::default()
            });
            let child_center = [center[0] + dx, center[1] + dy];
            self.build_stack
                .push((first_child + children, child_center, depth + 1));
            children += 1;
        }
        let parent = &mut self.cells[ci as usize];
        parent.first_child = first_child;
        parent.children = children;
    }

    /// Fills in every cell's total mass and centre of mass.
    fn accumulate_mass(&mut self) {
        // Children always come after their parent, so a reverse sweep is bottom-up.
        for ci in (0..self.cells.len()).rev() {
            let cell = self.cells[ci];
            let (mut m, mut sx, mut sy) = (0.0f32, 0.0f32, 0.0f32);
            if cell.children == 0 {
                for k in cell.start as usize..cell.end as usize {
                    let bm = self.body_mass[k];
                    m += bm;
                    sx += bm * self.body_pos[k][0];
                    sy += bm * self.body_pos[k][1];
                }
            } else {
                let kids = cell.first_child as usize..(cell.first_child + cell.children) as usize;
                for child in &self.cells[kids] {
                    m += child.mass;
                    sx += child.mass * child.com[0];
                    sy += child.mass * child.com[1];
                }
            }
            let c = &mut self.cells[ci];
            c.mass = m;
            // Masses are >= 1, so m > 0; the fallback only guards bad input.
            c.com = if m > 0.0 {
                [sx / m, sy / m]
            } else {
                self.body_pos[cell.start as usize]
            };
        }
    }

    /// Caps the worker threads of `repulsion` (0: as many as the machine has, up to 8).
    pub fn set_max_threads(&mut self, threads: usize) {
        self.max_threads = threads;
    }

    /// Original node index of each tree-order slot.
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// For every body (in tree order) writes `sum_j m_j (p_i - p_j) / |p_i - p_j|^2`.
    ///
    /// `theta` is the opening angle (0 = exact). Pairs closer than `min_dist`
    /// have `d^2` clamped to `min_dist^2` and get an extra push of
    /// `m_j / min_dist` along a deterministic direction, which separates
    /// coincident nodes without producing NaN.
    pub fn repulsion(&mut self, theta: f32, min_dist: f32, out: &mut Vec<[f32; 2]>) {
        let n = self.order.len();
        out.clear();
        out.resize(n, [0.0; 2]);
        if n == 0 {
            return;
        }
        let threads = if n >= PARALLEL_MIN_BODIES {
            std::thread::available_parallelism()
                .map_or(1, std::num::NonZeroUsize::get)
                .min(MAX_THREADS)
                .min(if self.max_threads == 0 {
                    MAX_THREADS
                } else {
                    self.max_threads
                })
        } else {
            1
        };
        if self.workspaces.len() < threads {
            self.workspaces.resize_with(threads, Workspace::default);
        }
        let query = Query {
            cells: &self.cells,
            order: &self.order,
            body_pos: &self.body_pos,
            body_mass: &self.body_mass,
            theta2: theta * theta,
            min_dist,
        };
        let leaves = &self.leaves[..];
        if threads == 1 {
            let ws = &mut self.workspaces[0];
            for &leaf in leaves {
                query.leaf(leaf, ws, out, 0);
            }
            return;
        }
        // Each body's sum is computed independently and in a fixed order,
        // so the result does not depend on how the work is split.
        std::thread::scope(|scope| {
            let mut rest: &mut [[f32; 2]] = out;
            let mut taken = 0usize;
            let mut leaf_from = 0usize;
            for (t, ws) in self.workspaces.iter_mut().take(threads).enumerate() {
                let target = n * (t + 1) / threads;
                let leaf_to = leaf_from
                    + leaves[leaf_from..]
                        .partition_point(|&c| (query.cells[c as usize].start as usize) < target);
                let body_to = leaves
                    .get(leaf_to)
                    .map_or(n, |&c| query.cells[c as usize].start as usize);
                let (part, tail) = std::mem::take(&mut rest).split_at_mut(body_to - taken);
                rest = tail;
                let (my_leaves, base) = (&leaves[leaf_from..leaf_to], taken);
                let query = &query;
                scope.spawn(move || {
                    for &leaf in my_leaves {
                        query.leaf(leaf, ws, part, base);
                    }
                });
                taken = body_to;
                leaf_from = leaf_to;
            }
        });
    }
}

/// Read-only view of a built tree shared by the worker threads.
struct Query<'a> {
    cells: &'a [Cell],
    order: &'a [u32],
    body_pos: &'a [[f32; 2]],
    body_mass: &'a [f32],
    theta2: f32,
    min_dist: f32,
}

impl Query<'_> {
    /// Computes the sums for all bodies of one leaf; `out[k]` holds tree slot `base + k`.
    ///
    /// The bodies of a leaf share one traversal: a cell is approximated only
    /// if it passes the opening test against the leaf's whole bounding box,
    /// which is stricter than the per-body test and far cheaper.
    fn leaf(&self, leaf: u32, ws: &mut Workspace, out: &mut [[f32; 2]], base: usize) {
        let group = self.cells[leaf as usize];
        let bodies = group.start as usize..group.end as usize;
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in &self.body_pos[bodies.clone()] {
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }

        ws.xs.clear();
        ws.ys.clear();
        ws.ms.clear();
        ws.near.clear();
        ws.stack.clear();
        ws.stack.push(0);
        while let Some(ci) = ws.stack.pop() {
            let cell = &self.cells[ci as usize];
            // Ancestors contain the group itself and must always be opened.
            let ancestor = cell.start <= group.start && group.start < cell.end;
            if !ancestor {
                let dx = (lo[0] - cell.com[0]).max(cell.com[0] - hi[0]).max(0.0);
                let dy = (lo[1] - cell.com[1]).max(cell.com[1] - hi[1]).max(0.0);
                let size = 2.0 * cell.half;
                if size * size < self.theta2 * (dx * dx + dy * dy) {
                    ws.xs.push(cell.com[0]);
                    ws.ys.push(cell.com[1]);
                    ws.ms.push(cell.mass);
                    continue;
                }
            }
            if cell.children == 0 {
                for k in cell.start..cell.end {
                    let q = self.body_pos[k as usize];
                    ws.xs.push(q[0]);
                    ws.ys.push(q[1]);
                    ws.ms.push(self.body_mass[k as usize]);
                    ws.near.push(k);
                }
            } else {
                ws.stack
                    .extend(cell.first_child..cell.first_child + cell.children);
            }
        }

        let min_d2 = self.min_dist * self.min_dist;
        for slot in bodies {
            let p = self.body_pos[slot];
            // Two passes: the element-wise pass vectorises (divisions
            // included), the reduction then uses fixed lanes so the summation
            // order, and hence every bit of the result, is always the same.
            // Clamping d^2 makes the body's own entry (d = 0) contribute nothing.
            let mut close = 0u32;
            ws.scale.clear();
            ws.scale.resize(ws.xs.len(), 0.0);
            let entries = ws.scale.iter_mut().zip(&ws.xs).zip(&ws.ys).zip(&ws.ms);
            for (((s, x), y), m) in entries {
                let (dx, dy) = (p[0] - x, p[1] - y);
                let d2 = dx * dx + dy * dy;
                // A plain select (unlike f32::max) keeps this loop vectorisable.
                *s = m / if d2 > min_d2 { d2 } else { min_d2 };
                close += u32::from(d2 < min_d2);
            }
            let (mut ax, mut ay) = ([0.0f32; LANES], [0.0f32; LANES]);
            let (xs, x_tail) = ws.xs.as_chunks::<LANES>();
            let (ys, y_tail) = ws.ys.as_chunks::<LANES>();
            let (ss, s_tail) = ws.scale.as_chunks::<LANES>();
            for ((x, y), s) in xs.iter().zip(ys).zip(ss) {
                for l in 0..LANES {
                    ax[l] += (p[0] - x[l]) * s[l];
                }
                for l in 0..LANES {
                    ay[l] += (p[1] - y[l]) * s[l];
                }
            }
            for ((x, y), s) in x_tail.iter().zip(y_tail).zip(s_tail) {
                ax[0] += (p[0] - x) * s;
                ay[0] += (p[1] - y) * s;
            }
            let (mut fx, mut fy) = (0.0f32, 0.0f32);
            for l in 0..LANES {
                fx += ax[l];
                fy += ay[l];
            }
            // The body itself always counts once; anything more is a
            // (near-)coincident partner that needs a deterministic push.
            if close > 1 {
                for &k in &ws.near {
                    let k = k as usize;
                    let q = self.body_pos[k];
                    let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
                    if k != slot && dx * dx + dy * dy < min_d2 {
                        let dir = pair_direction(self.order[slot] as usize, self.order[k] as usize);
                        let s = self.body_mass[k] / self.min_dist;
                        fx += dir[0] * s;
                        fy += dir[1] * s;
                    }
                }
            }
            out[slot - base] = [fx, fy];
        }
    }
}
