//! The force layout on a thread of its own, so that drawing never waits for it.
//!
//! [`LayoutWorker`] is what the owner holds: a mirror of the positions and pins it reads from
//! freely, and a channel of commands (a new graph, a node moved or pinned, a focus on part of
//! the graph, pause and resume) to the thread that owns the [`ForceLayout`]. The thread steps
//! while the layout is unsettled and publishes every step's positions; [`LayoutWorker::poll`]
//! takes the latest publication into the mirror. Once settled or paused, the thread sleeps on
//! the channel and uses no CPU until the next command.
//!
//! A publication carries how many commands the thread had applied when it was made. The
//! mirror ignores publications made before its last wholesale change (a new graph, a pause
//! undone), and keeps the places it set itself until the thread has seen them, so a dragged
//! node never jumps back to where the thread last had it.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use super::{ForceLayout, LayoutParams, initial_positions, sanitize_edge_length};

/// A focus: the layout runs on these nodes alone (the rest hold still and exert no force).
#[derive(Debug, Clone, PartialEq)]
pub struct Focus {
    /// The nodes laid out, by index.
    pub members: Vec<usize>,
    /// Edges between members, as (a, b, weight) with a and b indices into `members`.
    pub edges: Vec<(u32, u32, f32)>,
}

/// What the owner asks of the thread.
enum Command {
    /// A new graph, with every node's place and pin.
    Graph {
        positions: Vec<[f32; 2]>,
        edges: Vec<(u32, u32, f32)>,
        pinned: Vec<bool>,
        params: LayoutParams,
    },
    /// Nodes put somewhere, by index.
    Place(Vec<(usize, [f32; 2])>),
    /// Nodes pinned or released, by index, with the place the owner sees them at: a node is
    /// pinned there, whatever the thread did with it since the owner last looked.
    Pin(Vec<(usize, bool, [f32; 2])>),
    /// New parameters.
    Params(LayoutParams),
    /// Wake up and move again.
    Reheat,
    /// Step (true) or hold still (false).
    Run(bool),
    /// Lay out only part of the graph (`None`: all of it again).
    Focus(Option<Focus>),
}

/// The thread's latest positions.
#[derive(Default)]
struct Published {
    positions: Vec<[f32; 2]>,
    /// Commands applied before these positions were taken.
    applied: u64,
    /// Whether the layout (the focus's, during a focus) had come to rest.
    settled: bool,
    /// Bumped on every publication.
    generation: u64,
    /// Steps taken by the thread, all layouts together.
    steps: u64,
}

/// The thread and the way to it.
struct Thread {
    commands: Sender<Command>,
    published: Arc<Mutex<Published>>,
    handle: Option<JoinHandle<()>>,
}

/// A force layout stepped on its own thread; see the module documentation.
pub struct LayoutWorker {
    params: LayoutParams,
    positions: Vec<[f32; 2]>,
    pinned: Vec<bool>,
    thread: Option<Thread>,
    /// Commands sent so far.
    sent: u64,
    /// Publications with fewer commands applied than this are stale.
    accept_from: u64,
    /// Places set here that the thread may not have applied yet: (command number, node, place).
    overrides: Vec<(u64, usize, [f32; 2])>,
    settled: bool,
    running: bool,
    generation: u64,
    steps: u64,
    /// Threads the repulsion may use (0: the machine's).
    max_threads: usize,
}

impl LayoutWorker {
    /// An empty layout; the thread starts with the first graph.
    #[must_use]
    pub fn new(params: LayoutParams) -> Self {
        Self {
            params,
            positions: Vec::new(),
            pinned: Vec::new(),
            thread: None,
            sent: 0,
            accept_from: 0,
            overrides: Vec::new(),
            settled: true,
            running: true,
            generation: 0,
            steps: 0,
            max_threads: 0,
        }
    }

    /// Caps the threads one step's repulsion may use (0: as many as the machine has). Taken
    /// when the thread starts, with the first command; results do not depend on it.
    pub fn set_max_threads(&mut self, threads: usize) {
        self.max_threads = threads;
    }

    /// Replaces the graph: every node's place (non-finite ones get their initial slot) and
    /// pin, and the edges as (a, b, weight). The layout wakes up unless everything is pinned
    /// in place already.
    pub fn set_graph(
        &mut self,
        mut positions: Vec<[f32; 2]>,
        edges: &[(u32, u32, f32)],
        pinned: Vec<bool>,
    ) {
        let n = positions.len();
        if positions.iter().any(|p| !finite(*p)) {
            let fallback = initial_positions(n, sanitize_edge_length(self.params.edge_length));
            for (p, f) in positions.iter_mut().zip(fallback) {
                if !finite(*p) {
                    *p = f;
                }
            }
        }
        let mut pinned = pinned;
        pinned.resize(n, false);
        self.positions.clone_from(&positions);
        self.pinned.clone_from(&pinned);
        self.overrides.clear();
        self.settled = n == 0;
        self.send(Command::Graph {
            positions,
            edges: edges.to_vec(),
            pinned,
            params: self.params,
        });
        self.accept_from = self.sent;
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.positions.len()
    }

    /// The positions as last taken from the thread, with the owner's own changes on top.
    #[must_use]
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    /// Moves one node (out of range or non-finite input is ignored).
    pub fn set_position(&mut self, node: usize, pos: [f32; 2]) {
        self.place(&[(node, pos)]);
    }

    /// Moves several nodes at once (out of range or non-finite input is ignored).
    pub fn place(&mut self, places: &[(usize, [f32; 2])]) {
        let places: Vec<(usize, [f32; 2])> = places
            .iter()
            .copied()
            .filter(|&(i, p)| i < self.positions.len() && finite(p))
            .collect();
        if places.is_empty() {
            return;
        }
        for &(i, p) in &places {
            self.positions[i] = p;
        }
        self.send(Command::Place(places.clone()));
        let at = self.sent;
        self.overrides
            .extend(places.into_iter().map(|(i, p)| (at, i, p)));
        self.settled = false;
    }

    /// Pins or releases one node: a pinned node never moves but still pushes and pulls.
    pub fn set_pinned(&mut self, node: usize, pinned: bool) {
        self.pin(&[(node, pinned)]);
    }

    /// Pins or releases several nodes at once.
    pub fn pin(&mut self, pins: &[(usize, bool)]) {
        let pins: Vec<(usize, bool)> = pins
            .iter()
            .copied()
            .filter(|&(i, p)| self.pinned.get(i).is_some_and(|&was| was != p))
            .collect();
        if pins.is_empty() {
            return;
        }
        for &(i, p) in &pins {
            self.pinned[i] = p;
        }
        let pins: Vec<(usize, bool, [f32; 2])> = pins
            .into_iter()
            .map(|(i, p)| (i, p, self.positions[i]))
            .collect();
        self.send(Command::Pin(pins.clone()));
        // Until the thread has seen the pin, its publications may still have the node
        // elsewhere (it may have stepped after a move and before the pin).
        let at = self.sent;
        self.overrides.extend(
            pins.into_iter()
                .filter(|&(_, pinned, _)| pinned)
                .map(|(i, _, p)| (at, i, p)),
        );
    }

    /// Whether a node is pinned (false when out of range).
    #[must_use]
    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// The parameters, as set.
    #[must_use]
    pub fn params(&self) -> LayoutParams {
        self.params
    }

    /// Replaces the parameters.
    pub fn set_params(&mut self, params: LayoutParams) {
        if params != self.params {
            self.params = params;
            self.settled = false;
            self.send(Command::Params(params));
        }
    }

    /// Wakes the layout up (after nodes were moved or added).
    pub fn reheat(&mut self) {
        if !self.positions.is_empty() {
            self.settled = false;
        }
        self.send(Command::Reheat);
    }

    /// Lets the layout step (true) or holds it still (false). While held, the mirror keeps
    /// what it showed; on resuming, the thread takes the mirror's places and moves on.
    pub fn set_running(&mut self, running: bool) {
        if running == self.running {
            return;
        }
        self.running = running;
        if running {
            let places: Vec<(usize, [f32; 2])> =
                self.positions.iter().copied().enumerate().collect();
            self.send(Command::Place(places));
            self.send(Command::Run(true));
            // What the thread published while held is older than the places just sent.
            self.accept_from = self.sent;
            self.overrides.clear();
            self.reheat();
        } else {
            self.send(Command::Run(false));
        }
    }

    /// Whether the layout is allowed to step.
    #[must_use]
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// Lays out only the focus's members from now on, from where they are; `None` lays out
    /// the whole graph again.
    pub fn set_focus(&mut self, focus: Option<Focus>) {
        self.settled = self.positions.is_empty();
        self.send(Command::Focus(focus));
    }

    /// Whether the layout (the focus's, during a focus) has come to rest, as far as the last
    /// [`Self::poll`] knows.
    #[must_use]
    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// Steps the thread has taken, as far as the last [`Self::poll`] knows.
    #[must_use]
    pub fn steps_taken(&self) -> u64 {
        self.steps
    }

    /// Takes the thread's latest positions, if there are new ones; returns whether the mirror
    /// changed. Held still, nothing is taken.
    pub fn poll(&mut self) -> bool {
        let Some(thread) = &self.thread else {
            return false;
        };
        if !self.running {
            return false;
        }
        let published = thread
            .published
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if published.generation == self.generation {
            return false;
        }
        self.generation = published.generation;
        self.steps = published.steps;
        if published.applied < self.accept_from || published.positions.len() != self.positions.len()
        {
            return false;
        }
        self.positions.copy_from_slice(&published.positions);
        let applied = published.applied;
        // The settled flag speaks for every command only once the thread has seen them all.
        self.settled = published.settled && applied == self.sent;
        drop(published);
        self.overrides.retain(|&(at, _, _)| at > applied);
        for &(_, i, p) in &self.overrides {
            self.positions[i] = p;
        }
        true
    }

    /// Waits (up to `timeout`) until the thread has applied every command sent and published,
    /// then polls (held still, the mirror stays as it is). For tests and benchmarks; returns
    /// whether it got there in time.
    pub fn sync(&mut self, timeout: std::time::Duration) -> bool {
        let start = std::time::Instant::now();
        loop {
            let caught_up = self.thread.as_ref().is_none_or(|t| {
                t.published
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .applied
                    >= self.sent
            });
            if caught_up {
                self.poll();
                return true;
            }
            if start.elapsed() >= timeout {
                return false;
            }
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
    }

    fn send(&mut self, command: Command) {
        let thread = self.thread.get_or_insert_with(|| spawn(self.max_threads));
        // The thread lives as long as its sender; it only ends early by panicking, and then
        // the layout simply stops moving.
        if thread.commands.send(command).is_ok() {
            self.sent += 1;
        }
    }
}

impl Drop for LayoutWorker {
    fn drop(&mut self) {
        if let Some(mut thread) = self.thread.take() {
            let handle = thread.handle.take();
            drop(thread);
            if let Some(h) = handle {
                // The thread ends at its next look at the channel (at most one step away).
                let _ = h.join();
            }
        }
    }
}

fn finite(p: [f32; 2]) -> bool {
    p[0].is_finite() && p[1].is_finite()
}

fn spawn(max_threads: usize) -> Thread {
    let (commands, inbox) = channel();
    let published = Arc::new(Mutex::new(Published::default()));
    let shared = Arc::clone(&published);
    let handle = std::thread::Builder::new()
        .name("newsgraph-layout".to_string())
        .spawn(move || Stepper::new(max_threads).run(&inbox, &shared))
        .map_err(|e| log::warn!("the layout thread did not start ({e}); nodes stay where they are"))
        .ok();
    Thread {
        commands,
        published,
        handle,
    }
}

/// The layout of a focus's members.
struct FocusLayout {
    /// Index in the whole graph of each member.
    members: Vec<usize>,
    /// Member number of each node of the whole graph (`u32::MAX`: not a member).
    local: Vec<u32>,
    layout: ForceLayout,
}

impl FocusLayout {
    fn member(&self, node: usize) -> Option<usize> {
        self.local
            .get(node)
            .filter(|&&j| j != u32::MAX)
            .map(|&j| j as usize)
    }
}

/// The thread's side: the whole layout and, during a focus, the layout of its members.
struct Stepper {
    whole: ForceLayout,
    focus: Option<FocusLayout>,
    running: bool,
    applied: u64,
    steps: u64,
    max_threads: usize,
}

impl Stepper {
    fn new(max_threads: usize) -> Self {
        let mut whole = ForceLayout::new(LayoutParams::default());
        whole.set_max_threads(max_threads);
        Self {
            whole,
            focus: None,
            running: true,
            applied: 0,
            steps: 0,
            max_threads,
        }
    }

    fn settled(&self) -> bool {
        match &self.focus {
            Some(f) => f.layout.is_settled(),
            None => self.whole.is_settled() || self.whole.node_count() == 0,
        }
    }

    fn run(mut self, inbox: &Receiver<Command>, published: &Mutex<Published>) {
        loop {
            let active = self.running && !self.settled();
            // Idle, the thread sleeps until told something.
            let first = if active {
                match inbox.try_recv() {
                    Ok(c) => Some(c),
                    Err(TryRecvError::Empty) => None,
                    Err(TryRecvError::Disconnected) => return,
                }
            } else {
                match inbox.recv() {
                    Ok(c) => Some(c),
                    Err(_) => return,
                }
            };
            let mut told = false;
            if let Some(c) = first {
                self.apply(c);
                told = true;
                loop {
                    match inbox.try_recv() {
                        Ok(c) => self.apply(c),
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => return,
                    }
                }
            }
            let stepped = self.running && !self.settled() && {
                self.step();
                true
            };
            if stepped || told {
                self.publish(published);
            }
        }
    }

    fn step(&mut self) {
        self.steps += 1;
        if let Some(f) = &mut self.focus {
            f.layout.step();
            for (j, &i) in f.members.iter().enumerate() {
                self.whole.set_position(i, f.layout.positions()[j]);
            }
        } else {
            self.whole.step();
        }
    }

    fn publish(&self, published: &Mutex<Published>) {
        let mut p = published.lock().unwrap_or_else(PoisonError::into_inner);
        p.positions.clear();
        p.positions.extend_from_slice(self.whole.positions());
        p.applied = self.applied;
        p.settled = self.settled();
        p.generation += 1;
        p.steps = self.steps;
    }

    fn apply(&mut self, command: Command) {
        self.applied += 1;
        match command {
            Command::Graph {
                positions,
                edges,
                pinned,
                params,
            } => {
                self.focus = None;
                self.whole.set_params(params);
                self.whole.set_graph(positions, &edges);
                for (i, p) in pinned.into_iter().enumerate() {
                    if p {
                        self.whole.set_pinned(i, true);
                    }
                }
                self.whole.reheat();
            }
            Command::Place(places) => {
                for (i, p) in places {
                    self.whole.set_position(i, p);
                    if let Some(f) = &mut self.focus
                        && let Some(j) = f.member(i)
                    {
                        f.layout.set_position(j, p);
                    }
                }
            }
            Command::Pin(pins) => {
                for (i, p, at) in pins {
                    if p {
                        self.whole.set_position(i, at);
                    }
                    self.whole.set_pinned(i, p);
                    if let Some(f) = &mut self.focus
                        && let Some(j) = f.member(i)
                    {
                        if p {
                            f.layout.set_position(j, at);
                        }
                        f.layout.set_pinned(j, p);
                    }
                }
            }
            Command::Params(params) => {
                self.whole.set_params(params);
                if let Some(f) = &mut self.focus {
                    f.layout.set_params(params);
                }
            }
            Command::Reheat => {
                self.whole.reheat();
                if let Some(f) = &mut self.focus {
                    f.layout.reheat();
                }
            }
            Command::Run(running) => self.running = running,
            Command::Focus(focus) => self.set_focus(focus),
        }
    }

    fn set_focus(&mut self, focus: Option<Focus>) {
        let Some(focus) = focus else {
            // Back to the whole graph: it moves on from where the focus left its members.
            if self.focus.take().is_some() {
                self.whole.reheat();
            }
            return;
        };
        let n = self.whole.node_count();
        let mut local = vec![u32::MAX; n];
        let mut members = Vec::with_capacity(focus.members.len());
        for i in focus.members {
            if i < n && local[i] == u32::MAX {
                local[i] = u32::try_from(members.len()).unwrap_or(u32::MAX);
                members.push(i);
            }
        }
        let mut layout = ForceLayout::new(self.whole.params());
        layout.set_max_threads(self.max_threads);
        let positions = members.iter().map(|&i| self.whole.positions()[i]).collect();
        layout.set_graph(positions, &focus.edges);
        for (j, &i) in members.iter().enumerate() {
            if self.whole.is_pinned(i) {
                layout.set_pinned(j, true);
            }
        }
        layout.reheat();
        self.focus = Some(FocusLayout {
            members,
            local,
            layout,
        });
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "pinned and held nodes must not move at all: places are compared exactly"
)]
mod tests {
    use std::time::Duration;

    use super::*;

    const WAIT: Duration = Duration::from_secs(20);

    fn ring(n: u32) -> Vec<(u32, u32, f32)> {
        (0..n).map(|i| (i, (i + 1) % n, 1.0)).collect()
    }

    /// Polls until the layout settles (or the wait runs out).
    fn settle(w: &mut LayoutWorker) -> bool {
        let start = std::time::Instant::now();
        while start.elapsed() < WAIT {
            w.poll();
            if w.is_settled() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        false
    }

    #[test]
    fn the_thread_lays_out_what_it_is_given_and_comes_to_rest() {
        let mut w = LayoutWorker::new(LayoutParams::default());
        w.set_graph(vec![[0.0, 0.0]; 12], &ring(12), vec![false; 12]);
        assert!(!w.is_settled(), "a new graph is not at rest");
        assert!(settle(&mut w), "the layout settles");
        let p = w.positions();
        // Coincident starts are pulled apart into a ring.
        let spread = p
            .iter()
            .map(|q| (q[0] - p[0][0]).abs() + (q[1] - p[0][1]).abs())
            .fold(0.0, f32::max);
        assert!(spread > 50.0, "{p:?}");
        assert!(w.steps_taken() > 10);
        // Settled, the thread takes no more steps.
        let steps = w.steps_taken();
        std::thread::sleep(Duration::from_millis(30));
        w.poll();
        assert_eq!(w.steps_taken(), steps);
    }

    #[test]
    fn a_moved_and_pinned_node_stays_where_the_owner_put_it() {
        let mut w = LayoutWorker::new(LayoutParams::default());
        w.set_graph(
            super::initial_positions(20, 80.0),
            &ring(20),
            vec![false; 20],
        );
        w.set_position(3, [5000.0, -5000.0]);
        w.set_pinned(3, true);
        w.reheat();
        // At once, before the thread has seen it, and after every publication since.
        assert_eq!(w.positions()[3], [5000.0, -5000.0]);
        assert!(settle(&mut w));
        assert_eq!(w.positions()[3], [5000.0, -5000.0]);
        assert!(w.is_pinned(3));
        // Its neighbours were pulled towards it.
        assert!(w.positions()[2][0] > 500.0, "{:?}", w.positions()[2]);
    }

    /// The thread may step between a move and the pin that follows it; the node must still
    /// be pinned where it was put (this raced, now and then, on a loaded machine).
    #[test]
    fn a_pin_right_after_a_move_holds_the_node_where_it_was_put() {
        for round in 0..40 {
            let mut w = LayoutWorker::new(LayoutParams::default());
            w.set_graph(
                super::initial_positions(30, 80.0),
                &ring(30),
                vec![false; 30],
            );
            w.set_position(3, [5000.0, -5000.0]);
            // Give the thread time to take a step with the node free.
            std::thread::sleep(Duration::from_millis(round % 4));
            w.set_pinned(3, true);
            assert!(w.sync(WAIT));
            assert_eq!(w.positions()[3], [5000.0, -5000.0], "round {round}");
            assert!(settle(&mut w));
            assert_eq!(w.positions()[3], [5000.0, -5000.0], "round {round}");
        }
    }

    #[test]
    fn held_still_nothing_moves_and_resuming_goes_on_from_the_mirror() {
        let mut w = LayoutWorker::new(LayoutParams::default());
        w.set_running(false);
        w.set_graph(vec![[0.0, 0.0]; 8], &ring(8), vec![false; 8]);
        assert!(w.sync(WAIT));
        let held = w.positions().to_vec();
        std::thread::sleep(Duration::from_millis(20));
        w.poll();
        assert_eq!(w.positions(), &held[..], "held still");
        w.set_running(true);
        assert!(settle(&mut w));
        assert_ne!(w.positions(), &held[..], "moving again");
    }

    #[test]
    fn a_focus_lays_out_its_members_alone() {
        let mut w = LayoutWorker::new(LayoutParams::default());
        let start = super::initial_positions(10, 80.0);
        w.set_graph(start.clone(), &ring(10), vec![false; 10]);
        w.set_running(false);
        assert!(w.sync(WAIT));
        let before = w.positions().to_vec();
        // The focus first, then resume: resumed first, the thread could take a step of the
        // whole graph before the focus reached it.
        w.set_focus(Some(Focus {
            members: vec![0, 1, 2],
            edges: vec![(0, 1, 1.0), (1, 2, 1.0)],
        }));
        w.set_running(true);
        assert!(settle(&mut w));
        for (i, (now, was)) in w.positions().iter().zip(&before).enumerate().skip(3) {
            assert_eq!(now, was, "node {i} outside the focus held still");
        }
        assert_ne!(w.positions()[1], before[1], "the focus moved");
        // Back to the whole graph: everything may move again.
        w.set_focus(None);
        assert!(!w.is_settled());
        assert!(settle(&mut w));
    }

    #[test]
    fn a_new_graph_drops_what_the_thread_had_of_the_old_one() {
        let mut w = LayoutWorker::new(LayoutParams::default());
        w.set_graph(vec![[0.0, 0.0]; 50], &ring(50), vec![false; 50]);
        w.set_graph(
            vec![[1.0, f32::NAN], [2.0, 2.0]],
            &[(0, 1, 1.0)],
            vec![true, true],
        );
        assert_eq!(w.node_count(), 2);
        assert!(
            w.positions()[0][1].is_finite(),
            "a non-finite place is replaced"
        );
        assert!(w.sync(WAIT));
        assert_eq!(w.node_count(), 2);
        assert!(settle(&mut w), "all pinned: at rest at once");
        assert_eq!(w.positions()[1], [2.0, 2.0]);
    }
}
