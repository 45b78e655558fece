//! The Find box of the toolbar: fuzzy search as you type over names, other names and roles,
//! a ranked list under the field (kind, name, mentions, what matched), arrow keys to move in
//! it, Enter or a click to select the node and glide the view to it.

use egui::{Id, Key, Modifiers, RichText};

use super::explore::Explore;
use super::{Action, detail, theme};
use crate::graph::NewsGraph;
use crate::graph::search::{Hit, SearchIndex};

/// Results listed under the field.
const RESULTS: usize = 12;
/// Id of the text field (to know, before drawing it, whether it has the keyboard).
const FIELD_ID: &str = "find-field";

/// The Find box and its results.
#[derive(Default)]
pub struct SearchBox {
    query: String,
    index: Option<SearchIndex>,
    hits: Vec<Hit>,
    /// The query and graph revision `hits` belong to.
    hits_for: Option<(String, u64)>,
    highlighted: usize,
    want_focus: bool,
    popup_hovered: bool,
}

impl SearchBox {
    /// Puts the keyboard in the field on the next frame (Ctrl+F).
    pub fn request_focus(&mut self) {
        self.want_focus = true;
    }

    /// The current query.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The ranked results for the current query.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Brings the results up to date with the query and the graph.
    fn refresh(&mut self, graph: &NewsGraph) {
        if self
            .index
            .as_ref()
            .is_none_or(|i| i.revision() != graph.revision())
        {
            self.index = Some(SearchIndex::new(graph));
        }
        let key = (self.query.clone(), graph.revision());
        if self.hits_for.as_ref() != Some(&key) {
            self.hits = self
                .index
                .as_mut()
                .map(|i| i.find(&self.query, RESULTS))
                .unwrap_or_default();
            self.highlighted = 0;
            self.hits_for = Some(key);
        }
    }

    /// Draws the field (and its results when there is a query) and returns what was picked.
    pub fn ui(&mut self, ui: &mut egui::Ui, graph: &NewsGraph) -> Vec<Action> {
        let mut actions = Vec::new();
        let id = Id::new(FIELD_ID);
        let had_focus = ui.memory(|m| m.has_focus(id));
        if had_focus && !self.hits.is_empty() {
            let (down, up) = ui.input_mut(|i| {
                (
                    i.consume_key(Modifiers::NONE, Key::ArrowDown),
                    i.consume_key(Modifiers::NONE, Key::ArrowUp),
                )
            });
            if down {
                self.highlighted = (self.highlighted + 1).min(self.hits.len() - 1);
            }
            if up {
                self.highlighted = self.highlighted.saturating_sub(1);
            }
        }
        let field = ui.add(
            egui::TextEdit::singleline(&mut self.query)
                .id(id)
                .hint_text("🔍 Find (Ctrl+F)")
                .desired_width(220.0),
        );
        field.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::TextEdit, true, "Find"));
        let field = field.on_hover_text(
            "Find a person, country, organization, issue or event by name, other name or role",
        );
        if self.want_focus {
            self.want_focus = false;
            field.request_focus();
        }
        self.refresh(graph);
        let (enter, escape) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
        if field.lost_focus() && escape {
            self.query.clear();
            return actions;
        }
        if field.lost_focus() && enter {
            if let Some(hit) = self.hits.get(self.highlighted) {
                actions.extend(pick(hit));
                self.query.clear();
            }
            return actions;
        }
        let open = !self.query.trim().is_empty() && (field.has_focus() || self.popup_hovered);
        if !open {
            self.popup_hovered = false;
            return actions;
        }
        let area = egui::Area::new(Id::new("find-results"))
            .order(egui::Order::Foreground)
            .fixed_pos(field.rect.left_bottom() + egui::vec2(0.0, 4.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style())
                    .show(ui, |ui| {
                        ui.set_min_width(320.0);
                        if self.hits.is_empty() {
                            ui.label(RichText::new("No node matches").weak());
                        }
                        let mut picked = None;
                        for (i, hit) in self.hits.iter().enumerate() {
                            ui.horizontal(|ui| {
                                detail::kind_icon(ui, hit.kind);
                                let row = ui.selectable_label(
                                    i == self.highlighted,
                                    theme::displayable(&hit.name),
                                );
                                let mut note =
                                    format!("{} · {} mentions", hit.kind.label(), hit.mentions);
                                if let Some(m) = &hit.matched {
                                    note = format!("{note} · “{m}”");
                                }
                                ui.label(RichText::new(note).weak().small());
                                if row.clicked() {
                                    picked = Some(i);
                                }
                            });
                        }
                        picked
                    })
                    .inner
            });
        self.popup_hovered = area.response.contains_pointer();
        if let Some(hit) = area.inner.and_then(|i| self.hits.get(i)) {
            actions.extend(pick(hit));
            self.query.clear();
            self.popup_hovered = false;
        }
        actions
    }
}

/// Selecting a found node and gliding the view to it.
fn pick(hit: &Hit) -> Vec<Action> {
    vec![
        Action::Select(Some(hit.key.clone())),
        Action::Explore(Explore::Glide(hit.key.clone())),
    ]
}
