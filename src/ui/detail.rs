//! The detail pane for the selected node: name, kind, aliases, role and affiliation, event
//! details, the articles and sentences behind it (mention highlighted), and its neighbours
//! grouped by relation, each clickable.

use std::collections::BTreeMap;
use std::ops::Range;

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, TextFormat};

use super::Action;
use super::theme;
use crate::graph::{ArticleId, Evidence, EvidenceRole, NewsGraph, NodeKey, NodeKind, RoleKind};

/// Sentences shown before "show more".
const EVIDENCE_SHOWN: usize = 40;

/// (relation, kind of the other node) -> (name, key, supporting mentions).
type Groups<'a> = BTreeMap<(&'a str, NodeKind), Vec<(String, NodeKey, u32)>>;
/// article -> (sentence, mention) ranges.
type Sentences = BTreeMap<ArticleId, Vec<(Range<usize>, Range<usize>, Vec<EvidenceRole>)>>;

/// Draws the pane for `key` and returns what the user clicked; `extra` draws under the facts
/// (the "why" section, which keeps state of its own).
pub fn show(
    ui: &mut egui::Ui,
    graph: &NewsGraph,
    key: &NodeKey,
    extra: &mut dyn FnMut(&mut egui::Ui),
) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(index) = graph.index(key) else {
        ui.label("This node is no longer in the graph.");
        return actions;
    };
    let node = &graph.graph()[index];
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(theme::displayable(&node.name))
                .heading()
                .strong(),
        );
    });
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(node.kind.label())
                .color(theme::node_color(node.kind))
                .strong(),
        );
        ui.label(RichText::new(&node.key.0).monospace().weak())
            .on_hover_text("Stable node key, used in layout files and exports");
    });
    ui.add_space(4.0);
    egui::Grid::new("detail-facts")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            if !node.aliases.is_empty() {
                ui.label(RichText::new("Also called").weak());
                ui.horizontal_wrapped(|ui| {
                    ui.label(node.aliases.iter().cloned().collect::<Vec<_>>().join(", "));
                });
                ui.end_row();
            }
            if let Some(role) = &node.role {
                ui.label(RichText::new("Role").weak());
                ui.label(role);
                ui.end_row();
            }
            if let Some(aff) = &node.affiliation {
                ui.label(RichText::new("Affiliation").weak());
                let name = graph
                    .node(aff)
                    .map_or_else(|| aff.0.clone(), |n| n.name.clone());
                if ui.link(name).on_hover_text("Go to this node").clicked() {
                    actions.push(Action::Select(Some(aff.clone())));
                }
                ui.end_row();
            }
            if let Some(info) = &node.event {
                ui.label(RichText::new("Type").weak());
                ui.label(format!(
                    "{} · {} ({})",
                    info.kind.replace('_', " "),
                    info.category.name(),
                    info.category.quad().label()
                ))
                .on_hover_text("Plain-words kind · PLOVER event category (quad class)");
                ui.end_row();
                if let Some(src) = &info.source {
                    ui.label(RichText::new("Who ➡ whom").weak());
                    ui.horizontal_wrapped(|ui| {
                        node_link(ui, graph, src, &mut actions);
                        if !info.targets.is_empty() {
                            ui.label("➡");
                        }
                        for t in &info.targets {
                            node_link(ui, graph, t, &mut actions);
                        }
                    });
                    ui.end_row();
                }
                if let Some(place) = &info.place {
                    ui.label(RichText::new("Place").weak());
                    ui.label(place);
                    ui.end_row();
                }
                if let Some(date) = &info.date {
                    ui.label(RichText::new("Date").weak());
                    ui.label(date);
                    ui.end_row();
                }
                if let Some(claimant) = &info.claimed_by {
                    ui.label(RichText::new("Claimed by").weak());
                    ui.horizontal_wrapped(|ui| {
                        node_link(ui, graph, claimant, &mut actions);
                    })
                    .response
                    .on_hover_text(
                        "The articles report this only as this actor's claim \
                         (\"X said Y attacked Z\"), never as fact",
                    );
                    ui.end_row();
                }
                if !info.patterns.is_empty() {
                    ui.label(RichText::new("Read by").weak());
                    ui.label(RichText::new(info.patterns.join(", ")).small())
                        .on_hover_text(
                            "The argument patterns and sense rules (assets/lexicon/arguments.json) \
                             that read who acts and who is acted on off the parse",
                        );
                    ui.end_row();
                }
                if let Some(modality) = info.modality {
                    ui.label(RichText::new("Stated as").weak());
                    ui.label(modality.label()).on_hover_text(
                        "How the articles put it: planned, hypothetical, proposed, called for, \
                         agreed, denied or cancelled rather than reported as done",
                    );
                    ui.end_row();
                }
            }
            ui.label(RichText::new("Mentions").weak());
            ui.label(node.mentions.to_string());
            ui.end_row();
        });
    extra(ui);
    actions.extend(super::correct::show(ui, graph, key));

    // Neighbours grouped by relation.
    let mut groups: Groups = BTreeMap::new();
    for (relation, other, edge) in graph.neighbours(index) {
        let n = &graph.graph()[other];
        groups.entry((relation, n.kind)).or_default().push((
            theme::displayable(&n.name),
            n.key.clone(),
            edge.mentions,
        ));
    }
    if !groups.is_empty() {
        ui.separator();
        ui.label(RichText::new("Connections").strong());
        for ((relation, kind), mut items) in groups {
            items.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
            items.dedup_by(|a, b| a.1 == b.1);
            let title = format!(
                "{relation} · {} ({})",
                kind.label().to_lowercase(),
                items.len()
            );
            egui::CollapsingHeader::new(title)
                .id_salt(("rel", relation, kind))
                .default_open(items.len() <= 8)
                .show(ui, |ui| {
                    for (name, key, mentions) in items {
                        ui.horizontal(|ui| {
                            kind_icon(ui, kind);
                            if ui
                                .link(&name)
                                .on_hover_text(format!("{key} · {mentions} supporting mention(s)"))
                                .clicked()
                            {
                                actions.push(Action::Select(Some(key.clone())));
                            }
                        });
                    }
                });
        }
    }

    evidence_list(ui, graph, &node.evidence, EVIDENCE_SHOWN, &mut actions);
    actions
}

/// The articles and sentences behind a node or an edge, the mention (for an event, its trigger,
/// source and targets) highlighted, each with a button to read it in its article; at most
/// `limit` sentences.
pub fn evidence_list(
    ui: &mut egui::Ui,
    graph: &NewsGraph,
    evidence: &[Evidence],
    limit: usize,
    actions: &mut Vec<Action>,
) {
    let mut by_article: Sentences = BTreeMap::new();
    // A node named in every one of 100,000 sentences must not cost 100,000² comparisons a
    // frame: the sentences seen are kept in a set.
    let mut seen = std::collections::HashSet::new();
    for ev in evidence {
        if seen.insert((ev.article, ev.sentence.start, ev.sentence.end)) {
            by_article.entry(ev.article).or_default().push((
                ev.sentence.clone(),
                ev.mention.clone(),
                ev.roles.clone(),
            ));
        }
    }
    ui.separator();
    ui.label(RichText::new(format!("Evidence · {} article(s)", by_article.len())).strong());
    let mut shown = 0;
    for (article_id, sentences) in by_article {
        let Some(article) = graph.article(article_id) else {
            continue;
        };
        ui.add_space(4.0);
        ui.label(RichText::new(&article.title).italics())
            .on_hover_text(&article.source);
        for (sentence, mention, roles) in sentences {
            if shown >= limit {
                break;
            }
            shown += 1;
            let job = highlighted_roles(
                &article.text,
                &sentence,
                &mention,
                &roles,
                ui.visuals().text_color(),
            );
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(job);
                if !roles.is_empty() {
                    label.on_hover_text(roles_explained(graph, &article.text, &roles));
                }
            });
            if ui
                .small_button("Read in article")
                .on_hover_text("Open the full text at this sentence")
                .clicked()
            {
                actions.push(Action::ShowArticle {
                    article: article_id,
                    highlight: sentence.clone(),
                });
            }
        }
    }
    if evidence.len() > shown && shown >= limit {
        ui.label(RichText::new(format!("… and {} more mentions", evidence.len() - shown)).weak());
    }
}

/// The node's shape in its colour, as on the canvas and in the legend.
pub fn kind_icon(ui: &mut egui::Ui, kind: NodeKind) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().add(theme::kind_shape(
        kind,
        rect.center(),
        4.5,
        theme::node_color(kind),
        egui::Stroke::NONE,
    ));
}

fn node_link(ui: &mut egui::Ui, graph: &NewsGraph, key: &NodeKey, actions: &mut Vec<Action>) {
    let name = graph
        .node(key)
        .map_or_else(|| key.0.clone(), |n| theme::displayable(&n.name));
    if ui.link(name).clicked() {
        actions.push(Action::Select(Some(key.clone())));
    }
}

/// Why each highlighted actor in an event's sentence has its role, one line each.
fn roles_explained(graph: &NewsGraph, text: &str, roles: &[EvidenceRole]) -> String {
    roles
        .iter()
        .map(|r| {
            let words = text.get(r.span.clone()).unwrap_or("");
            let name = graph.node(&r.key).map_or(words, |n| n.name.as_str());
            let role = match r.role {
                RoleKind::Source => "source",
                RoleKind::Target => "target",
                RoleKind::Party => "party",
            };
            format!("{role}: {name} ({})", r.why)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An event's sentence with the trigger, the source and the targets in three colours.
pub fn highlighted_roles(
    text: &str,
    sentence: &Range<usize>,
    mention: &Range<usize>,
    roles: &[EvidenceRole],
    color: Color32,
) -> LayoutJob {
    if roles.is_empty() {
        return highlighted(text, sentence, mention, color);
    }
    let normal = TextFormat {
        font_id: FontId::proportional(14.0),
        color,
        ..Default::default()
    };
    let marks = theme::marks(color);
    let mark = |bg: Color32| TextFormat {
        background: bg,
        color: marks.text,
        ..normal.clone()
    };
    let s = sentence.start.min(text.len())..sentence.end.min(text.len());
    // Marked stretches inside the sentence, in text order, without overlaps.
    let mut marked: Vec<(Range<usize>, TextFormat)> = Vec::new();
    if mention.start >= s.start && mention.end <= s.end && mention != sentence {
        marked.push((mention.clone(), mark(marks.mention)));
    }
    for r in roles {
        if r.span.start >= s.start && r.span.end <= s.end {
            let bg = match r.role {
                RoleKind::Source => marks.source,
                RoleKind::Target | RoleKind::Party => marks.target,
            };
            marked.push((r.span.clone(), mark(bg)));
        }
    }
    marked.sort_by_key(|(r, _)| (r.start, r.end));
    let mut job = LayoutJob::default();
    let mut at = s.start;
    for (range, format) in marked {
        if range.start < at {
            continue;
        }
        if let Some(part) = text.get(at..range.start)
            && !part.is_empty()
        {
            job.append(part, 0.0, normal.clone());
        }
        if let Some(part) = text.get(range.clone()) {
            job.append(part, 0.0, format);
        }
        at = range.end;
    }
    if let Some(part) = text.get(at..s.end)
        && !part.is_empty()
    {
        job.append(part, 0.0, normal);
    }
    job
}

/// The sentence with the mention on a highlighted background.
pub fn highlighted(
    text: &str,
    sentence: &Range<usize>,
    mention: &Range<usize>,
    color: Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let normal = TextFormat {
        font_id: FontId::proportional(14.0),
        color,
        ..Default::default()
    };
    let marks = theme::marks(color);
    let marked = TextFormat {
        background: marks.mention,
        color: marks.text,
        ..normal.clone()
    };
    let s = sentence.start.min(text.len())..sentence.end.min(text.len());
    let m = if mention.start >= s.start && mention.end <= s.end && mention != sentence {
        mention.clone()
    } else {
        s.end..s.end
    };
    for (range, format) in [
        (s.start..m.start, &normal),
        (m.clone(), &marked),
        (m.end..s.end, &normal),
    ] {
        if let Some(part) = text.get(range)
            && !part.is_empty()
        {
            job.append(part, 0.0, format.clone());
        }
    }
    job
}
