//! Behavioural tests for the layout module: invariants (pins, determinism,
//! no NaN), convergence, Barnes–Hut accuracy, placement and quality.

use super::rng::XorShift;
use super::*;

const L: f32 = 80.0;

/// Barabási–Albert graph: each new node links to `m` distinct earlier nodes
/// chosen proportionally to degree.
fn barabasi_albert(n: usize, m: usize, seed: u64) -> Vec<(u32, u32, f32)> {
    let mut rng = XorShift::new(seed);
    let mut edges = Vec::new();
    // Every edge endpoint, so a uniform pick from it is degree-proportional.
    let mut ends: Vec<u32> = Vec::new();
    let core = (m + 1).min(n);
    for a in 0..core {
        for b in 0..a {
            edges.push((idx(a), idx(b), 1.0));
            ends.extend([idx(a), idx(b)]);
        }
    }
    let mut chosen = Vec::with_capacity(m);
    for v in core..n {
        chosen.clear();
        while chosen.len() < m {
            let t = ends[rng.below(ends.len())];
            if !chosen.contains(&t) {
                chosen.push(t);
            }
        }
        for &t in &chosen {
            edges.push((idx(v), t, 1.0));
            ends.extend([idx(v), t]);
        }
    }
    edges
}

/// Uniform random graph with `e` distinct-endpoint edges.
fn random_graph(n: usize, e: usize, seed: u64) -> Vec<(u32, u32, f32)> {
    let mut rng = XorShift::new(seed);
    let mut edges = Vec::with_capacity(e);
    while edges.len() < e {
        let (a, b) = (rng.below(n), rng.below(n));
        if a != b {
            edges.push((idx(a), idx(b), 1.0));
        }
    }
    edges
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap()
}

fn unweighted(edges: &[(u32, u32, f32)]) -> Vec<(u32, u32)> {
    edges.iter().map(|&(a, b, _)| (a, b)).collect()
}

fn bits(p: [f32; 2]) -> [u32; 2] {
    [p[0].to_bits(), p[1].to_bits()]
}

fn dist(p: [f32; 2], q: [f32; 2]) -> f32 {
    (p[0] - q[0]).hypot(p[1] - q[1])
}

fn layout_for(n: usize, edges: &[(u32, u32, f32)], params: LayoutParams) -> ForceLayout {
    let mut layout = ForceLayout::new(params);
    layout.set_graph(initial_positions(n, params.edge_length), edges);
    layout
}

fn run(layout: &mut ForceLayout, steps: usize) {
    for _ in 0..steps {
        layout.step();
    }
}

fn all_finite(layout: &ForceLayout) -> bool {
    layout
        .positions()
        .iter()
        .all(|p| p[0].is_finite() && p[1].is_finite())
}

#[test]
fn empty_and_single_node_are_harmless() {
    let mut layout = ForceLayout::new(LayoutParams::default());
    assert_eq!(layout.step(), StepStats::default());
    assert_eq!(layout.node_count(), 0);
    layout.set_graph(vec![[300.0, -200.0]], &[(0, 0, 1.0), (0, 5, 1.0)]);
    run(&mut layout, 500);
    assert!(all_finite(&layout));
    assert!(layout.is_settled());
    // Gravity brings a lone node home.
    assert!(dist(layout.positions()[0], [0.0, 0.0]) < L);
}

#[test]
fn invalid_input_is_sanitised() {
    let mut layout = ForceLayout::new(LayoutParams {
        theta: f32::NAN,
        repulsion: -1.0,
        edge_length: 0.0,
        ..LayoutParams::default()
    });
    let edges = [
        (0, 1, 1.0),
        (1, 2, f32::NAN),
        (2, 9, 1.0),
        (3, 3, 1.0),
        (2, 3, -4.0),
    ];
    layout.set_graph(
        vec![
            [f32::NAN, 0.0],
            [1.0, f32::INFINITY],
            [0.0, 0.0],
            [5.0, 5.0],
        ],
        &edges,
    );
    layout.set_position(7, [1.0, 1.0]);
    layout.set_position(2, [f32::NAN, 1.0]);
    layout.set_pinned(99, true);
    assert!(!layout.is_pinned(99));
    run(&mut layout, 50);
    assert!(all_finite(&layout));
}

#[test]
fn pinned_nodes_never_move() {
    let edges = random_graph(60, 120, 7);
    let mut layout = layout_for(60, &edges, LayoutParams::default());
    let pins = [0usize, 13, 42];
    for &i in &pins {
        layout.set_pinned(i, true);
        assert!(layout.is_pinned(i));
    }
    layout.set_position(13, [500.0, 500.0]);
    let before: Vec<_> = pins.iter().map(|&i| layout.positions()[i]).collect();
    for _ in 0..300 {
        layout.step();
        for (k, &i) in pins.iter().enumerate() {
            assert_eq!(bits(layout.positions()[i]), bits(before[k]));
        }
    }
    // The pinned node still pulls its neighbours toward it.
    layout.set_pinned(13, false);
    assert!(!layout.is_pinned(13));
}

#[test]
fn path_keeps_neighbours_closest() {
    let n = 12;
    let edges: Vec<_> = (1..n).map(|i| (idx(i - 1), idx(i), 1.0)).collect();
    let mut layout = layout_for(n, &edges, LayoutParams::default());
    run(&mut layout, 1000);
    let p = layout.positions();
    let (mut adjacent, mut others) = (0.0f32, f32::MAX);
    for i in 0..n {
        for j in i + 1..n {
            if j == i + 1 {
                adjacent = adjacent.max(dist(p[i], p[j]));
            } else {
                others = others.min(dist(p[i], p[j]));
            }
        }
    }
    println!("longest edge {adjacent}, closest non-adjacent pair {others}");
    assert!(
        adjacent < others,
        "longest edge {adjacent} vs closest non-adjacent pair {others}"
    );
}

#[test]
fn disconnected_components_stay_bounded() {
    let edges = [
        (0, 1, 1.0),
        (1, 2, 1.0),
        (2, 0, 1.0),
        (3, 4, 1.0),
        (4, 5, 1.0),
        (5, 3, 1.0),
    ];
    let mut layout = layout_for(6, &edges, LayoutParams::default());
    let centroid_gap = |layout: &ForceLayout| {
        let p = layout.positions();
        let centroid = |r: std::ops::Range<usize>| {
            let s = r.fold([0.0, 0.0], |acc, i| [acc[0] + p[i][0], acc[1] + p[i][1]]);
            [s[0] / 3.0, s[1] / 3.0]
        };
        dist(centroid(0..3), centroid(3..6))
    };
    run(&mut layout, 1000);
    let gap_mid = centroid_gap(&layout);
    run(&mut layout, 2000);
    let gap_end = centroid_gap(&layout);
    println!("centroid gap {gap_mid} -> {gap_end}");
    let radius = layout
        .positions()
        .iter()
        .map(|p| p[0].hypot(p[1]))
        .fold(0.0, f32::max);
    assert!(radius < 20.0 * L, "components drifted to radius {radius}");
    assert!(
        gap_end < gap_mid * 1.1 + 1.0,
        "gap still growing: {gap_mid} -> {gap_end}"
    );
}

#[test]
fn settles_and_reheats() {
    let n = 50;
    let edges = random_graph(n, 80, 3);
    let mut layout = layout_for(n, &edges, LayoutParams::default());
    let mut steps = 0;
    while !layout.is_settled() && steps < 3000 {
        layout.step();
        steps += 1;
    }
    assert!(layout.is_settled(), "not settled after {steps} steps");
    println!("settled after {steps} steps");
    layout.reheat();
    assert!(!layout.is_settled());
    layout.step();
    assert!(!layout.is_settled());
    assert!(layout.steps_taken() > 0);
}

#[test]
fn barnes_hut_matches_exact_forces() {
    let n = 500;
    let edges = barabasi_albert(n, 2, 11);
    let start = initial_positions(n, L);
    let displacements = |theta: f32| {
        let mut layout = layout_for(
            n,
            &edges,
            LayoutParams {
                theta,
                ..LayoutParams::default()
            },
        );
        layout.step();
        layout
            .positions()
            .iter()
            .zip(&start)
            .map(|(p, s)| [p[0] - s[0], p[1] - s[1]])
            .collect::<Vec<_>>()
    };
    let exact = displacements(0.0);
    let approx = displacements(0.9);
    let (mut err, mut total) = (0.0f32, 0.0f32);
    for (e, a) in exact.iter().zip(&approx) {
        err += dist(*e, *a);
        total += e[0].hypot(e[1]);
    }
    let relative = err / total;
    println!("relative displacement error {relative}");
    assert!(relative < 0.05, "relative displacement error {relative}");
}

#[test]
fn quality_separates_good_and_random_layouts() {
    let n = 2000;
    let edges = barabasi_albert(n, 2, 5);
    let plain = unweighted(&edges);
    let mut rng = XorShift::new(9);
    let random: Vec<[f32; 2]> = (0..n)
        .map(|_| [rng.next_f32() * 1000.0, rng.next_f32() * 1000.0])
        .collect();
    let q_random = quality(&random, &plain, 5000, 1);
    assert!(
        (0.9..1.1).contains(&q_random),
        "random layout scored {q_random}"
    );

    let mut layout = layout_for(n, &edges, LayoutParams::default());
    let mut steps = 0;
    while !layout.is_settled() && steps < 400 {
        layout.step();
        steps += 1;
    }
    let q = quality(layout.positions(), &plain, 5000, 1);
    println!("BA(2000) quality {q} after {steps} steps");
    assert!(q < 0.6, "settled BA layout scored {q}");
}

#[test]
fn quality_degenerate_inputs() {
    assert!((quality(&[], &[], 10, 0) - 1.0).abs() < f32::EPSILON);
    assert!((quality(&[[0.0, 0.0]; 3], &[(0, 1)], 10, 0) - 1.0).abs() < f32::EPSILON);
    assert!((quality(&[[0.0, 0.0], [1.0, 0.0]], &[(0, 7)], 10, 0) - 1.0).abs() < f32::EPSILON);
}

#[test]
fn new_nodes_land_near_their_neighbours() {
    let n = 40;
    let edges = random_graph(n, 70, 21);
    let mut layout = layout_for(n, &edges, LayoutParams::default());
    run(&mut layout, 400);
    // Add a node linked to three existing ones, a new pair linked to each
    // other and to node 0, and an isolated node.
    let mut positions = layout.positions().to_vec();
    positions.extend([[f32::NAN; 2]; 4]);
    let mut all_edges = edges.clone();
    all_edges.extend([
        (40, 1, 1.0),
        (40, 2, 1.0),
        (40, 3, 1.0),
        (41, 0, 1.0),
        (41, 42, 1.0),
    ]);
    let known: Vec<bool> = (0..n + 4).map(|i| i < n).collect();
    let before = positions.clone();
    place_new_nodes(&mut positions, &known, &all_edges, L, 17);

    assert_eq!(&positions[..n], &before[..n], "known nodes moved");
    assert!(
        positions
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite())
    );
    let centroid = [1, 2, 3].iter().fold([0.0, 0.0], |acc, &i| {
        [
            acc[0] + positions[i][0] / 3.0,
            acc[1] + positions[i][1] / 3.0,
        ]
    });
    assert!(dist(positions[40], centroid) <= 2.0 * L);
    assert!(dist(positions[41], positions[0]) <= 2.0 * L);
    assert!(dist(positions[42], positions[41]) <= 2.0 * L);
    for i in 0..positions.len() {
        for j in i + 1..positions.len() {
            assert!(
                dist(positions[i], positions[j]) > 1e-3,
                "{i} and {j} coincide"
            );
        }
    }
    // The isolated node goes outside the old bounding box.
    let (lo, hi) = before[..n]
        .iter()
        .fold(([f32::MAX; 2], [f32::MIN; 2]), |(lo, hi), p| {
            (
                [lo[0].min(p[0]), lo[1].min(p[1])],
                [hi[0].max(p[0]), hi[1].max(p[1])],
            )
        });
    let p = positions[43];
    assert!(p[0] < lo[0] || p[0] > hi[0] || p[1] < lo[1] || p[1] > hi[1]);
}

#[test]
fn placing_from_scratch_is_finite_and_distinct() {
    let n = 300;
    let mut edges = barabasi_albert(200, 2, 4);
    edges.extend(
        random_graph(100, 30, 8)
            .into_iter()
            .map(|(a, b, w)| (a + 200, b + 200, w)),
    );
    let mut positions = vec![[0.0; 2]; n];
    place_new_nodes(&mut positions, &[], &edges, L, 1);
    let mut again = vec![[0.0; 2]; n];
    place_new_nodes(&mut again, &[], &edges, L, 1);
    assert_eq!(positions, again);
    assert!(
        positions
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite())
    );
    let mut sorted = positions.clone();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    sorted.dedup();
    assert_eq!(sorted.len(), n);
}

#[test]
fn identical_runs_give_identical_bits() {
    // Large enough to take the multi-threaded path where available.
    let n = 5000;
    let edges = barabasi_albert(n, 2, 2);
    let once = || {
        let mut layout = layout_for(n, &edges, LayoutParams::default());
        run(&mut layout, 5);
        layout.positions().to_vec()
    };
    let (a, b) = (once(), once());
    assert!(a.iter().zip(&b).all(|(p, q)| bits(*p) == bits(*q)));
}

#[test]
fn coincident_start_produces_no_nan() {
    let n = 100;
    let edges = random_graph(n, 150, 5);
    let mut layout = ForceLayout::new(LayoutParams::default());
    layout.set_graph(vec![[10.0, 10.0]; n], &edges);
    for _ in 0..200 {
        let stats = layout.step();
        assert!(stats.mean_displacement.is_finite() && stats.max_displacement.is_finite());
        assert!(all_finite(&layout));
    }
    let p = layout.positions();
    let min = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .map(|(i, j)| dist(p[i], p[j]))
        .fold(f32::MAX, f32::min);
    println!("closest pair after coincident start: {min}");
    assert!(min > 1.0, "nodes still stacked: min distance {min}");
}

/// Benchmark: `cargo test --release -- --ignored --nocapture layout_benchmark`.
#[test]
#[ignore = "benchmark; run in release with --nocapture"]
fn layout_benchmark() {
    for n in [2000, 20_000] {
        let edges = barabasi_albert(n, 2, 1);
        let plain = unweighted(&edges);
        let mut placed = vec![[0.0; 2]; n];
        place_new_nodes(&mut placed, &[], &edges, L, 1);
        for (start_name, start) in [("spiral", initial_positions(n, L)), ("placed", placed)] {
            let mut layout = ForceLayout::new(LayoutParams::default());
            layout.set_graph(start, &edges);
            let timer = std::time::Instant::now();
            run(&mut layout, 300);
            let ms = timer.elapsed().as_secs_f64() * 1000.0 / 300.0;
            let q = quality(layout.positions(), &plain, 20_000, 1);
            println!(
                "BA n={n} m=2, {start_name} start: {ms:.2} ms/step, quality after 300 steps {q:.3}"
            );
        }
    }
}

#[test]
fn adding_a_few_nodes_leaves_the_picture_in_place() {
    let n = 600;
    let edges = barabasi_albert(n, 2, 3);
    let mut layout = layout_for(n, &edges, LayoutParams::default());
    for _ in 0..2000 {
        if layout.is_settled() {
            break;
        }
        layout.step();
    }
    let before = layout.positions().to_vec();
    // Ten new nodes, each tied to two old ones.
    let mut all_edges = edges.clone();
    for k in 0..10u32 {
        all_edges.push((idx(n) + k, k * 7, 1.0));
        all_edges.push((idx(n) + k, k * 13 + 1, 1.0));
    }
    let mut positions = before.clone();
    positions.extend([[0.0; 2]; 10]);
    let known: Vec<bool> = (0..n + 10).map(|i| i < n).collect();
    place_new_nodes(&mut positions, &known, &all_edges, L, 5);
    let mut grown = ForceLayout::new(LayoutParams::default());
    grown.set_graph(positions, &all_edges);
    for _ in 0..2000 {
        if grown.is_settled() {
            break;
        }
        grown.step();
    }
    let mut moved: Vec<f32> = (0..n)
        .map(|i| dist(before[i], grown.positions()[i]) / L)
        .collect();
    moved.sort_by(f32::total_cmp);
    let median = moved[n / 2];
    println!(
        "old nodes moved: median {median:.2}, 90th {:.2} edge lengths",
        moved[n * 9 / 10]
    );
    assert!(
        median < 1.0,
        "the old picture moved: median {median:.2} edge lengths"
    );
}
