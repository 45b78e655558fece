//! The "Correct" section of the detail pane: rename a node, change an actor's kind, merge it
//! into another node, split an alias off, delete it; for an event, change its category and
//! who acts on whom. Every control returns an [`Action::Correct`]; the app applies it and
//! Ctrl+Z takes it back. Typed text lives in egui's memory, keyed by the node.

use egui::RichText;

use super::Action;
use crate::extract::Plover;
use crate::graph::corrections::{Correction, split_key};
use crate::graph::{EdgeKind, NewsGraph, NodeKey, NodeKind};

/// Nodes offered as merge targets at most.
const MERGE_CHOICES: usize = 6;

/// Draws the section for `key` and returns the correction asked for, if any.
pub fn show(ui: &mut egui::Ui, graph: &NewsGraph, key: &NodeKey) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(node) = graph.node(key) else {
        return actions;
    };
    let header = egui::CollapsingHeader::new("✏ Correct")
        .id_salt("correct-section")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(
                RichText::new("Fix what the extraction got wrong. Ctrl+Z undoes, Ctrl+Shift+Z redoes.")
                    .weak(),
            );
            rename_row(ui, key, &node.name, &mut actions);
            if node.kind.is_actor() {
                kind_row(ui, key, node.kind, &mut actions);
            }
            if let Some(info) = &node.event {
                event_rows(ui, graph, key, info, &mut actions);
            }
            merge_rows(ui, graph, key, node.kind, &mut actions);
            if !node.aliases.is_empty() {
                ui.label(RichText::new("Split an alias off").weak())
                    .on_hover_text("An alias that names someone else becomes a node of its own, with the mentions that read exactly it");
                ui.horizontal_wrapped(|ui| {
                    for alias in &node.aliases {
                        if ui
                            .small_button(format!("Split off “{alias}”"))
                            .on_hover_text(format!(
                                "“{alias}” is not {}: make it a node of its own",
                                node.name
                            ))
                            .clicked()
                        {
                            actions.push(Action::Correct(Correction::Split {
                                key: key.clone(),
                                alias: alias.clone(),
                                new_key: split_key(graph, key, alias),
                            }));
                        }
                    }
                });
            }
            ui.add_space(4.0);
            let what = match node.kind {
                NodeKind::Event => "Not an event: delete",
                NodeKind::Issue => "Not an issue: delete",
                _ => "Not an actor: delete",
            };
            if ui
                .button(format!("🗑 {what}"))
                .on_hover_text("Remove this node and its connections from the graph (Delete key; Ctrl+Z brings it back)")
                .clicked()
            {
                actions.push(Action::Correct(Correction::Delete { key: key.clone() }));
            }
        });
    header
        .header_response
        .on_hover_text("Rename, change kind, merge, split an alias off or delete this node");
    actions
}

fn rename_row(ui: &mut egui::Ui, key: &NodeKey, name: &str, actions: &mut Vec<Action>) {
    let id = egui::Id::new(("correct-name", key));
    // The field shows the name in symbols the font has, and starts over from the node's name
    // whenever that changes under it (a correction of one of an event's actors, an undo).
    let name = &super::theme::displayable(name);
    let (mut text, _) = ui
        .data_mut(|d| d.get_temp::<(String, String)>(id))
        .filter(|(_, typed_over)| typed_over == name)
        .unwrap_or_else(|| (name.clone(), name.clone()));
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        let field = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(180.0))
            .labelled_by(label.id)
            .on_hover_text("The name shown for this node; the old one stays as an alias");
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let changed = !text.trim().is_empty() && text.trim() != name;
        let clicked = ui
            .add_enabled(changed, egui::Button::new("Rename"))
            .on_hover_text("Show this node under the typed name (Enter)")
            .clicked();
        if changed && (clicked || entered) {
            // The arrow shown for "→" is "→" again in the name.
            actions.push(Action::Correct(Correction::Rename {
                key: key.clone(),
                name: text.trim().replace('➡', "→"),
            }));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, (text, name.clone())));
}

fn kind_row(ui: &mut egui::Ui, key: &NodeKey, kind: NodeKind, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label("Kind");
        for k in [
            NodeKind::Person,
            NodeKind::Organization,
            NodeKind::Country,
            NodeKind::Group,
        ] {
            if ui
                .selectable_label(kind == k, k.label())
                .on_hover_text(format!("This is a {}", k.label().to_lowercase()))
                .clicked()
                && kind != k
            {
                actions.push(Action::Correct(Correction::SetKind {
                    key: key.clone(),
                    kind: k,
                }));
            }
        }
    });
}

fn merge_rows(
    ui: &mut egui::Ui,
    graph: &NewsGraph,
    key: &NodeKey,
    kind: NodeKind,
    actions: &mut Vec<Action>,
) {
    let id = egui::Id::new(("correct-merge", key));
    let mut query = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
    ui.horizontal(|ui| {
        let label = ui.label("Merge into");
        ui.add(
            egui::TextEdit::singleline(&mut query)
                .hint_text("type a name…")
                .desired_width(180.0),
        )
        .labelled_by(label.id)
        .on_hover_text("Find the node this one really is: names, evidence and connections join it");
    });
    let wanted = query.trim().to_lowercase();
    if !wanted.is_empty() {
        let same_family =
            |k: NodeKind| k.is_actor() == kind.is_actor() && (k.is_actor() || k == kind);
        let mut found: Vec<(&str, &NodeKey, u32)> = graph
            .graph()
            .node_weights()
            .filter(|n| &n.key != key && same_family(n.kind))
            .filter(|n| {
                n.name.to_lowercase().contains(&wanted)
                    || n.aliases.iter().any(|a| a.to_lowercase().contains(&wanted))
            })
            .map(|n| (n.name.as_str(), &n.key, n.mentions))
            .collect();
        found.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)).then(a.1.cmp(b.1)));
        if found.is_empty() {
            ui.label(RichText::new("No node of a kind it can merge with has that name.").weak());
        }
        for (name, other, mentions) in found.into_iter().take(MERGE_CHOICES) {
            if ui
                .small_button(format!("Merge into {name}"))
                .on_hover_text(format!(
                    "{other} · {mentions} mentions: the two become one node"
                ))
                .clicked()
            {
                actions.push(Action::Correct(Correction::Merge {
                    from: key.clone(),
                    into: other.clone(),
                }));
                query.clear();
            }
        }
    }
    ui.data_mut(|d| d.insert_temp(id, query));
}

fn event_rows(
    ui: &mut egui::Ui,
    graph: &NewsGraph,
    key: &NodeKey,
    info: &crate::graph::EventInfo,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Category");
        egui::ComboBox::from_id_salt(("correct-category", key))
            .selected_text(info.category.name())
            .show_ui(ui, |ui| {
                for p in Plover::ALL {
                    if ui.selectable_label(p == info.category, p.name()).clicked()
                        && p != info.category
                    {
                        actions.push(Action::Correct(Correction::SetCategory {
                            key: key.clone(),
                            category: p,
                        }));
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("The PLOVER category of this event");
    });
    // Who can act or be acted on: the actors taking part, and any already named.
    let mut actors: Vec<(String, NodeKey)> = Vec::new();
    if let Some(i) = graph.index(key) {
        for (_, other, edge) in graph.neighbours(i) {
            let n = &graph.graph()[other];
            if edge.kind == EdgeKind::ParticipatesIn && n.kind.is_actor() {
                actors.push((n.name.clone(), n.key.clone()));
            }
        }
    }
    for k in info.source.iter().chain(&info.targets) {
        if let Some(n) = graph.node(k) {
            actors.push((n.name.clone(), n.key.clone()));
        }
    }
    actors.sort();
    actors.dedup_by(|a, b| a.1 == b.1);
    let name_of = |k: &NodeKey| {
        actors
            .iter()
            .find(|(_, x)| x == k)
            .map_or_else(|| k.0.clone(), |(n, _)| n.clone())
    };
    ui.horizontal(|ui| {
        let label = ui.label("Who acts");
        let shown = info
            .source
            .as_ref()
            .map_or_else(|| "nobody".to_owned(), name_of);
        egui::ComboBox::from_id_salt(("correct-source", key))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                let choices = std::iter::once(None).chain(actors.iter().map(|(_, k)| Some(k)));
                for choice in choices {
                    let text = choice.map_or_else(|| "nobody".to_owned(), name_of);
                    if ui
                        .selectable_label(info.source.as_ref() == choice, text)
                        .clicked()
                        && info.source.as_ref() != choice
                    {
                        let targets = info
                            .targets
                            .iter()
                            .filter(|t| Some(*t) != choice)
                            .cloned()
                            .collect();
                        actions.push(Action::Correct(Correction::SetRoles {
                            key: key.clone(),
                            source: choice.cloned(),
                            targets,
                        }));
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("The actor that acts in this event");
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Acted on");
        for (name, k) in &actors {
            if info.source.as_ref() == Some(k) {
                continue;
            }
            let mut on = info.targets.contains(k);
            if ui
                .checkbox(&mut on, name.as_str())
                .on_hover_text("Whether this actor is acted on")
                .changed()
            {
                let mut targets = info.targets.clone();
                if on {
                    targets.push(k.clone());
                } else {
                    targets.retain(|t| t != k);
                }
                actions.push(Action::Correct(Correction::SetRoles {
                    key: key.clone(),
                    source: info.source.clone(),
                    targets,
                }));
            }
        }
    });
    let can_swap = info.source.is_some() && !info.targets.is_empty();
    if ui
        .add_enabled(
            can_swap,
            egui::Button::new("⇄ Swap who acts and who is acted on"),
        )
        .on_hover_text("The first actor acted on becomes the one who acts, and the other way round")
        .clicked()
        && let Some(source) = &info.source
    {
        let mut targets = vec![source.clone()];
        targets.extend(info.targets.iter().skip(1).cloned());
        actions.push(Action::Correct(Correction::SetRoles {
            key: key.clone(),
            source: info.targets.first().cloned(),
            targets,
        }));
    }
}
