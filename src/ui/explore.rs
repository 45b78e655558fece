//! Exploring the graph: Find, Focus on a neighbourhood and Path between two nodes. Holds the
//! state (a plain serde struct a project file can keep), applies the [`Explore`] actions, tells
//! the canvas what to show and stress, and draws the focus bar and the path in the detail pane.

use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use serde::{Deserialize, Serialize};

use super::edge_detail::{self, EdgeKey};
use super::filters;
use super::graph_view::{GraphPanel, Stress};
use super::help::{self, ThemeChoice};
use super::path_view::{MAX_PATHS, PathPane};
use super::search::SearchBox;
use super::structure_view::{SizeBy, StructureView};
use super::table::{TableState, TableView};
use super::timeline::TimeStrip;
use super::{Action, theme};
use crate::graph::analysis::{self, ShortestPaths};
use crate::graph::view_filter::{Hidden, ViewFilter};
use crate::graph::{NewsGraph, NodeKey};

const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const ACTOR_VIEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::A);
const COMMUNITIES: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::C);
const TABLE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::T);
const SHORTCUTS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
/// Most hops a focus reaches.
pub const MAX_HOPS: u8 = 3;

/// What the user is exploring, worth keeping with a project.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches of the view, each saved as it is"
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExploreState {
    /// Hops around `focus_on` shown; 0 shows the whole graph.
    pub focus_hops: u8,
    /// The node a focus is centred on (it follows the selection).
    pub focus_on: Option<NodeKey>,
    /// Where a path starts.
    pub path_from: Option<NodeKey>,
    /// Where a path ends.
    pub path_to: Option<NodeKey>,
    /// The selected edge (when no node is selected).
    pub selected_edge: Option<EdgeKey>,
    /// What the filter hides.
    pub filter: ViewFilter,
    /// Whether the filter panel is open.
    pub show_filters: bool,
    /// Whether the actor view (events folded into actor–actor edges) is shown.
    pub actor_view: bool,
    /// What decides a node's size.
    pub size_by: SizeBy,
    /// Whether nodes are coloured by community.
    pub communities: bool,
    /// The community picked in the legend (numbered largest first), stressed on the canvas.
    pub community: Option<u32>,
    /// The table of nodes and edges.
    pub table: TableState,
    /// Whether the list of articles is open.
    pub show_articles: bool,
    /// Whether the time strip is open.
    pub show_timeline: bool,
    /// Light, dark or the system's theme.
    pub theme: ThemeChoice,
}

/// An exploring intent, applied by [`Explorer::apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Explore {
    /// Put the keyboard in the Find box.
    Find,
    /// Move the view smoothly to a node.
    Glide(NodeKey),
    /// Show only this many hops around the selection (0: everything).
    Focus(u8),
    /// Start a path here.
    PathFrom(NodeKey),
    /// End the path here.
    PathTo(NodeKey),
    /// Forget the path.
    ClearPath,
    /// Select an edge (or clear the edge selection).
    SelectEdge(Option<EdgeKey>),
    /// Replace the filter.
    SetFilter(ViewFilter),
    /// Open or close the filter panel.
    ToggleFilters,
    /// Switch between the full graph and the actor view.
    ToggleActorView,
    /// Size nodes by this.
    SizeBy(SizeBy),
    /// Colour nodes by community, or by kind.
    ToggleCommunities,
    /// Stress one community (picked in the legend), or none.
    PickCommunity(Option<u32>),
    /// Open or close the table.
    ToggleTable,
    /// Open or close the list of articles.
    ToggleArticles,
    /// Open or close the time strip.
    ToggleTimeline,
    /// Use this theme.
    SetTheme(ThemeChoice),
    /// Open or close Help ▸ Keyboard shortcuts.
    ToggleShortcuts,
    /// Change the table's tab or sort.
    SetTable(TableState),
}

/// What the canvas lens was last set from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LensInputs {
    revision: u64,
    /// Whether the structure of this revision was ready.
    structure: bool,
    epoch: u64,
    selected: Option<NodeKey>,
    state: ExploreState,
}

/// Find, focus and path, with what they were last computed from.
#[derive(Default)]
pub struct Explorer {
    /// What is being explored.
    pub state: ExploreState,
    /// The Find box.
    pub search: SearchBox,
    /// The shortest paths between `path_from` and `path_to` (`None` before both are chosen, or
    /// when they are not connected).
    path: Option<ShortestPaths>,
    applied: Option<LensInputs>,
    /// What the filter hid when last applied (in the actor view, with the actors it left out).
    hidden: Hidden,
    /// The actors the actor view left out for the filter's sake, when last applied.
    left_out: Hidden,
    /// Degree, PageRank, betweenness and communities of the graph shown.
    pub structure: StructureView,
    /// The rows of the table.
    pub table: TableView,
    /// The time strip.
    pub time: TimeStrip,
    /// Whether Help ▸ Keyboard shortcuts is open.
    pub show_shortcuts: bool,
    /// The theme last applied.
    theme_applied: Option<ThemeChoice>,
}

impl Explorer {
    /// Ctrl+F, and the focus keys 0–3 when no text field has the keyboard.
    pub fn shortcuts(ctx: &egui::Context) -> Vec<Action> {
        let typing = ctx.text_edit_focused();
        ctx.input_mut(|i| {
            let mut actions = Vec::new();
            if i.consume_shortcut(&FIND) {
                actions.push(Action::Explore(Explore::Find));
            }
            // Esc also clears the selection (the app's own shortcut), edges included.
            if !typing && i.key_pressed(Key::Escape) {
                actions.push(Action::Explore(Explore::SelectEdge(None)));
            }
            if !typing && i.consume_shortcut(&ACTOR_VIEW) {
                actions.push(Action::Explore(Explore::ToggleActorView));
            }
            if !typing && i.consume_shortcut(&COMMUNITIES) {
                actions.push(Action::Explore(Explore::ToggleCommunities));
            }
            if !typing && i.consume_shortcut(&TABLE) {
                actions.push(Action::Explore(Explore::ToggleTable));
            }
            if i.consume_shortcut(&SHORTCUTS) {
                actions.push(Action::Explore(Explore::ToggleShortcuts));
            }
            if !typing {
                for (key, hops) in [
                    (Key::Num0, 0),
                    (Key::Num1, 1),
                    (Key::Num2, 2),
                    (Key::Num3, 3),
                ] {
                    if i.consume_key(Modifiers::NONE, key) {
                        actions.push(Action::Explore(Explore::Focus(hops)));
                    }
                }
            }
            actions
        })
    }

    /// Applies an exploring action.
    pub fn apply(
        &mut self,
        action: Explore,
        graph: &NewsGraph,
        panel: &mut GraphPanel,
        selected: Option<&NodeKey>,
    ) {
        match action {
            Explore::Find => self.search.request_focus(),
            Explore::Glide(key) => panel.glide_to(&key),
            Explore::Focus(hops) => {
                let hops = hops.min(MAX_HOPS);
                let centre = selected.or(self.state.focus_on.as_ref()).cloned();
                if hops == 0 || centre.is_none() {
                    self.state.focus_hops = 0;
                    self.state.focus_on = None;
                } else {
                    self.state.focus_hops = hops;
                    self.state.focus_on = centre;
                }
            }
            Explore::PathFrom(key) => {
                self.state.path_from = Some(key);
                self.state.path_to = None;
                self.path = None;
            }
            Explore::PathTo(key) => {
                self.state.path_to = Some(key);
                self.path = self.compute_path(graph);
            }
            Explore::ClearPath => {
                self.state.path_from = None;
                self.state.path_to = None;
                self.path = None;
            }
            Explore::SelectEdge(edge) => self.state.selected_edge = edge,
            Explore::SetFilter(filter) => self.state.filter = filter,
            Explore::ToggleFilters => self.state.show_filters = !self.state.show_filters,
            Explore::SizeBy(s) => self.state.size_by = s,
            Explore::ToggleCommunities => {
                self.state.communities = !self.state.communities;
                self.state.community = None;
            }
            Explore::PickCommunity(c) => self.state.community = c,
            Explore::ToggleTable => self.state.table.open = !self.state.table.open,
            Explore::ToggleArticles => self.state.show_articles = !self.state.show_articles,
            Explore::ToggleTimeline => self.state.show_timeline = !self.state.show_timeline,
            Explore::SetTheme(t) => self.state.theme = t,
            Explore::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Explore::SetTable(t) => self.state.table = t,
            Explore::ToggleActorView => {
                self.state.actor_view = !self.state.actor_view;
                // An edge of one view is not in the other.
                self.state.selected_edge = None;
                panel.fit();
            }
        }
    }

    fn compute_path(&self, graph: &NewsGraph) -> Option<ShortestPaths> {
        let from = graph.index(self.state.path_from.as_ref()?)?;
        let to = graph.index(self.state.path_to.as_ref()?)?;
        analysis::shortest_paths(graph, from, to, MAX_PATHS)
    }

    /// The nodes of the first shortest path, in order (empty without one).
    pub fn path_keys(&self, graph: &NewsGraph) -> Vec<NodeKey> {
        self.paths_keys(graph)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// The nodes of every shortest path drawn, each in order (empty without a path).
    pub fn paths_keys(&self, graph: &NewsGraph) -> Vec<Vec<NodeKey>> {
        let Some(found) = &self.path else {
            return Vec::new();
        };
        let g = graph.graph();
        found
            .paths
            .iter()
            .filter(|steps| !steps.is_empty())
            .map(|steps| {
                steps
                    .iter()
                    .map(|s| s.from)
                    .chain(steps.last().map(|s| s.to))
                    .filter_map(|i| g.node_weight(i).map(|n| n.key.clone()))
                    .collect()
            })
            .collect()
    }

    /// The nodes of the community picked in the legend, once the structure is computed.
    fn community_members(&self, graph: &NewsGraph) -> Option<Vec<NodeKey>> {
        let picked = self.state.community.filter(|_| self.state.communities)?;
        let computed = self.structure.ready(graph.revision())?;
        let g = graph.graph();
        let mut members: Vec<NodeKey> = computed
            .vertex
            .iter()
            .filter(|&(_, &v)| computed.figures.community.get(v) == Some(&picked))
            .filter_map(|(&i, _)| g.node_weight(i).map(|n| n.key.clone()))
            .collect();
        members.sort();
        Some(members)
    }

    /// How many shortest paths join the path's ends in all (0 without a path).
    pub fn path_count(&self) -> u64 {
        match &self.path {
            Some(found) if found.paths.iter().any(|p| !p.is_empty()) => found.total,
            _ => 0,
        }
    }

    /// Tells the canvas what to show and stress, when any of it changed: the focus shows the
    /// neighbourhood of the selection (and the path, if any); the path, else the selection
    /// and its neighbours, is stressed. `left_out` counts the actors the actor view left out
    /// for the filter's sake (they are counted as hidden).
    pub fn update_lens(
        &mut self,
        graph: &NewsGraph,
        left_out: Hidden,
        selected: Option<&NodeKey>,
        panel: &mut GraphPanel,
    ) {
        if self.state.focus_hops > 0
            && let Some(s) = selected
            && self.state.focus_on.as_ref() != Some(s)
        {
            self.state.focus_on = Some(s.clone());
        }
        // A node selected since last time takes over from a selected edge.
        if selected.is_some()
            && self
                .applied
                .as_ref()
                .is_none_or(|a| a.selected.as_ref() != selected)
        {
            self.state.selected_edge = None;
        }
        let inputs = LensInputs {
            revision: graph.revision(),
            structure: self.structure.ready(graph.revision()).is_some(),
            epoch: panel.lens_epoch(),
            selected: selected.cloned(),
            state: self.state.clone(),
        };
        if self.applied.as_ref() == Some(&inputs) {
            return;
        }
        if self
            .applied
            .as_ref()
            .is_some_and(|a| a.revision != inputs.revision)
        {
            self.path = self.compute_path(graph);
            // Communities are numbered afresh for every graph.
            self.state.community = None;
        }
        let paths = self.paths_keys(graph);
        let filtered = if self.state.filter.is_active() {
            let (mask, hidden) = self.state.filter.apply(graph);
            self.hidden = hidden + left_out;
            Some(mask)
        } else {
            self.hidden = Hidden::default();
            None
        };
        self.left_out = left_out;
        let focused = match (&self.state.focus_on, self.state.focus_hops) {
            (Some(centre), hops) if hops > 0 => graph
                .index(centre)
                .map(|c| analysis::neighbourhood(graph, c, usize::from(hops))),
            _ => None,
        };
        let mut shown = match (filtered, focused) {
            (Some(a), Some(b)) => Some(a.iter().zip(&b).map(|(x, y)| *x && *y).collect()),
            (a, b) => a.or(b),
        };
        // The paths always show.
        if let Some(mask) = &mut shown {
            for i in paths.iter().flatten().filter_map(|k| graph.index(k)) {
                mask[i.index()] = true;
            }
        }
        // Acts go with their events (by category, period and article).
        let shown_edges = self.state.filter.edge_mask(graph);
        let stress = if !paths.is_empty() {
            Stress::Paths(paths)
        } else if let Some(members) = self.community_members(graph) {
            Stress::Group(members)
        } else if let Some(s) = selected {
            Stress::Neighbours(s.clone())
        } else if let Some(e) = &self.state.selected_edge {
            Stress::Paths(vec![vec![e.source.clone(), e.target.clone()]])
        } else {
            Stress::Nothing
        };
        panel.set_lens(shown.as_deref(), shown_edges.as_deref(), &stress);
        self.structure
            .paint(graph, panel, self.state.size_by, self.state.communities);
        self.applied = Some(inputs);
    }

    /// Applies the chosen theme when it changed (the first frame included).
    pub fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.theme_applied != Some(self.state.theme) {
            ctx.set_theme(self.state.theme.preference());
            self.theme_applied = Some(self.state.theme);
        }
    }

    /// The Explore and Help menus of the menu bar.
    pub fn menus(&self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let s = &self.state;
        ui.menu_button("Explore", |ui| {
            for (on, text, key, action) in [
                (s.actor_view, "Actor view", "A", Explore::ToggleActorView),
                (
                    s.communities,
                    "Communities",
                    "C",
                    Explore::ToggleCommunities,
                ),
                (s.table.open, "Table", "T", Explore::ToggleTable),
                (s.show_timeline, "Timeline", "", Explore::ToggleTimeline),
                (s.show_articles, "Articles", "", Explore::ToggleArticles),
                (s.show_filters, "Filter", "", Explore::ToggleFilters),
            ] {
                let text = if on {
                    format!("✔ {text}")
                } else {
                    text.to_string()
                };
                if ui.add(egui::Button::new(text).shortcut_text(key)).clicked() {
                    actions.push(Action::Explore(action));
                }
            }
            ui.separator();
            ui.menu_button("Theme", |ui| {
                for t in ThemeChoice::ALL {
                    if ui.radio(s.theme == t, t.label()).clicked() {
                        actions.push(Action::Explore(Explore::SetTheme(t)));
                    }
                }
            });
        });
        ui.menu_button("Help", |ui| {
            if ui
                .add(egui::Button::new("Keyboard shortcuts").shortcut_text("F1"))
                .clicked()
            {
                actions.push(Action::Explore(Explore::ToggleShortcuts));
            }
        });
        actions
    }

    /// Computes the structure of the graph shown when something needs it (off the UI thread).
    pub fn poll_structure(&mut self, ctx: &egui::Context, graph: &NewsGraph) {
        if self.state.communities || self.state.size_by != SizeBy::Mentions || self.state.table.open
        {
            self.structure.poll(ctx, graph);
        }
    }

    /// What floats over the canvas: the tooltip of the edge under the pointer, the edge
    /// legend and the community legend (a click on a community stresses it).
    pub fn overlays(
        &mut self,
        ctx: &egui::Context,
        graph: &NewsGraph,
        panel: &GraphPanel,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        Self::edge_tooltip(ctx, graph, panel);
        if self.show_shortcuts {
            help::shortcuts_window(ctx, &mut self.show_shortcuts);
        }
        let rect = panel.canvas_rect();
        if rect.is_positive() && graph.node_count() > 0 {
            // The edge legend, over the top right of the canvas; the pointer goes through it.
            egui::Area::new(egui::Id::new("edge-legend"))
                .order(egui::Order::Foreground)
                .interactable(false)
                .pivot(egui::Align2::RIGHT_TOP)
                .fixed_pos(rect.right_top() + egui::vec2(-8.0, 8.0))
                .show(ctx, |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.horizontal(|ui| {
                            if self.state.actor_view {
                                tone_legend(ui);
                            } else {
                                kind_legend(ui);
                            }
                        });
                    });
                });
        }
        if self.state.communities {
            actions.extend(
                self.structure
                    .legend(ctx, graph, panel, self.state.community),
            );
        }
        actions
    }

    /// The tooltip of the edge under the pointer: what it says and its first sentence.
    pub fn edge_tooltip(ctx: &egui::Context, graph: &NewsGraph, panel: &GraphPanel) {
        let Some(key) = panel.hovered_edge() else {
            return;
        };
        let Some(pointer) = ctx.input(|i| i.pointer.hover_pos()) else {
            return;
        };
        egui::Area::new(egui::Id::new("edge-tooltip"))
            .order(egui::Order::Tooltip)
            .interactable(false)
            .fixed_pos(pointer + egui::vec2(16.0, 16.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| edge_detail::tooltip(ui, graph, &key));
            });
    }

    /// The pane of the selected edge of `graph` (the graph shown); an edge of the actor view
    /// lists the events of `domain` behind it.
    pub fn edge_pane(
        &self,
        ui: &mut egui::Ui,
        graph: &NewsGraph,
        domain: &NewsGraph,
        edge: &EdgeKey,
    ) -> Vec<Action> {
        edge_detail::show(ui, graph, domain, &self.state.filter, edge)
    }

    /// The table of nodes or edges under the canvas, when open.
    pub fn table_panel(
        &mut self,
        ui: &mut egui::Ui,
        graph: &NewsGraph,
        selected: Option<&NodeKey>,
    ) -> Vec<Action> {
        if !self.state.table.open {
            return Vec::new();
        }
        let computed = self.structure.ready(graph.revision());
        let state = &self.state;
        let table = &mut self.table;
        egui::Panel::bottom("table")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| {
                table.show(
                    ui,
                    graph,
                    computed,
                    &state.table,
                    selected,
                    state.selected_edge.as_ref(),
                )
            })
            .inner
    }

    /// The list of articles at the left of the window, when open (of the domain graph, also in
    /// the actor view).
    pub fn articles_panel(&self, ui: &mut egui::Ui, domain: &NewsGraph) -> Vec<Action> {
        if !self.state.show_articles {
            return Vec::new();
        }
        egui::Panel::left("articles")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| super::articles::show(ui, domain))
            .inner
    }

    /// The time strip under the canvas, when open: the events of `domain` by date.
    pub fn time_panel(&mut self, ui: &mut egui::Ui, domain: &NewsGraph) -> Vec<Action> {
        if !self.state.show_timeline {
            return Vec::new();
        }
        let filter = &self.state.filter;
        let time = &mut self.time;
        egui::Panel::bottom("timeline")
            .resizable(false)
            .show(ui, |ui| time.show(ui, domain, filter))
            .inner
    }

    /// The filter panel at the left of the window, when open; categories, periods and
    /// articles are those of `domain` (the actor view folds its events away).
    pub fn filter_panel(
        &mut self,
        ui: &mut egui::Ui,
        graph: &NewsGraph,
        domain: &NewsGraph,
    ) -> Vec<Action> {
        if !self.state.show_filters {
            return Vec::new();
        }
        let buckets = self.time.histogram(domain).buckets.clone();
        egui::Panel::left("filters")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .show(ui, |ui| {
                        filters::show(
                            ui,
                            graph,
                            domain,
                            &buckets,
                            &self.state.filter,
                            self.hidden,
                            self.left_out.total(),
                        )
                    })
                    .inner
            })
            .inner
    }

    /// The focus buttons of the toolbar: whole graph, or 1–3 hops around the selection.
    pub fn focus_bar(
        &self,
        ui: &mut egui::Ui,
        panel: &GraphPanel,
        graph: &NewsGraph,
        selected: Option<&NodeKey>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let can_focus = selected.is_some() || self.state.focus_on.is_some();
        let hidden = self.hidden.total();
        let text = if hidden > 0 {
            format!("Filter ({hidden} hidden)")
        } else {
            "Filter".to_string()
        };
        if ui
            .add(egui::Button::selectable(self.state.show_filters, text))
            .on_hover_text("Show or hide kinds, event categories, rare nodes and isolates")
            .clicked()
        {
            actions.push(Action::Explore(Explore::ToggleFilters));
        }
        if ui
            .add(egui::Button::selectable(
                self.state.actor_view,
                "Actor view",
            ))
            .on_hover_text(
                "Who with whom: events folded into direct actor–actor edges, as wide as the \
                 events they share and coloured by their mean tone; actors who share no event \
                 with another are left out (A)",
            )
            .clicked()
        {
            actions.push(Action::Explore(Explore::ToggleActorView));
        }
        if ui
            .add(egui::Button::selectable(
                self.state.show_articles,
                "Articles",
            ))
            .on_hover_text("The articles read: remove one, or read it")
            .clicked()
        {
            actions.push(Action::Explore(Explore::ToggleArticles));
        }
        if ui
            .add(egui::Button::selectable(
                self.state.show_timeline,
                "Timeline",
            ))
            .on_hover_text("Events by date: drag across the bars to show one period")
            .clicked()
        {
            actions.push(Action::Explore(Explore::ToggleTimeline));
        }
        if ui
            .add(egui::Button::selectable(self.state.table.open, "Table"))
            .on_hover_text("A sortable table of the nodes and edges shown (T)")
            .clicked()
        {
            actions.push(Action::Explore(Explore::ToggleTable));
        }
        ui.separator();
        actions.extend(
            self.structure
                .controls(ui, self.state.size_by, self.state.communities),
        );
        ui.separator();
        ui.label("Focus:");
        for hops in 0..=MAX_HOPS {
            let text = match hops {
                0 => "All".to_string(),
                1 => "1 hop".to_string(),
                n => format!("{n} hops"),
            };
            let on = self.state.focus_hops == hops;
            let tip = if hops == 0 {
                "Show the whole graph (0)".to_string()
            } else {
                format!("Show only what is within {text} of the selection ({hops})")
            };
            let enabled = hops == 0 || can_focus;
            if ui
                .add_enabled(enabled, egui::Button::selectable(on, text))
                .on_hover_text(tip)
                .on_disabled_hover_text("Select a node first")
                .clicked()
            {
                actions.push(Action::Explore(Explore::Focus(hops)));
            }
        }
        if self.state.focus_hops > 0 {
            let hidden = (graph.node_count() + self.left_out.total())
                .saturating_sub(panel.shown_count())
                .saturating_sub(self.hidden.total());
            ui.label(RichText::new(format!("{hidden} nodes outside the focus")).weak())
                .on_hover_text("Hidden by the focus; click All (or press 0) to show them");
        }
        actions
    }

    /// The path tools for the selected node, shown above its details.
    pub fn node_tools(&self, ui: &mut egui::Ui, graph: &NewsGraph, key: &NodeKey) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Path from here")
                .on_hover_text("Start a path here, then select the other end")
                .clicked()
            {
                actions.push(Action::Explore(Explore::PathFrom(key.clone())));
            }
            if let Some(from) = &self.state.path_from
                && from != key
            {
                let name = graph
                    .node(from)
                    .map_or_else(|| from.0.clone(), |n| theme::displayable(&n.name));
                if ui
                    .button("Path to here")
                    .on_hover_text(format!(
                        "The shortest chain of relations from {name} to here"
                    ))
                    .clicked()
                {
                    actions.push(Action::Explore(Explore::PathTo(key.clone())));
                }
            }
        });
        actions
    }

    /// The path, step by step with the sentences behind each step, at the top of the detail
    /// pane; or, while only its start is chosen, how to choose the end.
    pub fn path_ui(&self, ui: &mut egui::Ui, graph: &NewsGraph) -> Vec<Action> {
        let Some(from) = &self.state.path_from else {
            return Vec::new();
        };
        PathPane {
            from,
            to: self.state.path_to.as_ref(),
            found: self.path.as_ref(),
        }
        .show(ui, graph)
    }
}

/// The legend of the actor view's edges: the mean tone from conflict to cooperation.
fn tone_legend(ui: &mut egui::Ui) {
    const STEPS: usize = 24;
    ui.label(RichText::new("Mean tone:").weak());
    ui.label("conflict");
    let (rect, _) = ui.allocate_exact_size(egui::vec2(96.0, 12.0), egui::Sense::hover());
    let w = rect.width() / STEPS as f32;
    for i in 0..STEPS {
        let t = (i as f32 + 0.5) / STEPS as f32 * 2.0 - 1.0;
        let x = rect.left() + w * i as f32;
        ui.painter().rect_filled(
            egui::Rect::from_min_size(
                egui::pos2(x, rect.top()),
                egui::vec2(w + 0.5, rect.height()),
            ),
            0.0,
            theme::tone_color(t, ui.visuals().dark_mode).to_opaque(),
        );
    }
    ui.label("cooperation");
}

/// The legend of the full graph's edges: one colour per kind of relation.
fn kind_legend(ui: &mut egui::Ui) {
    ui.label(RichText::new("Edges:").weak());
    for (name, color, _) in theme::edge_legend(ui.visuals().dark_mode) {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 12.0), egui::Sense::hover());
        ui.painter().line_segment(
            [rect.left_center(), rect.right_center()],
            egui::Stroke::new(3.0, color.to_opaque()),
        );
        ui.label(name);
    }
}
