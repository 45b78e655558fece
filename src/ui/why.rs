//! "Why is this a person?": the detail pane asks the extractor again, off the UI thread, how
//! the selected actor's mentions came out as they did: the tagger's label, each rule (by id) or
//! check that decided, and the result. The same chain `newsgraph explain` prints, for the
//! places the selected node was actually found.

use std::sync::{Arc, Mutex, PoisonError};

use egui::{Color32, RichText};

use crate::extract::Lexicon;
use crate::extract::explain::{Explanation, explain};
use crate::graph::{ArticleId, NewsGraph, NodeKey};

/// Articles read again for one answer, and occurrences shown: enough to see the pattern of
/// decisions, bounded so a node mentioned in hundreds of articles answers at once.
const ARTICLES_READ: usize = 3;
const OCCURRENCES_SHOWN: usize = 8;

/// One occurrence of the node's words, explained, with the article it is in.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// The article's title (or source when untitled).
    pub article: String,
    /// The decisions on it.
    pub explanation: Explanation,
}

/// One article to read again: its id, the article and extraction as read, its title, and the
/// node's mentions in it.
type Work = (
    ArticleId,
    Arc<(crate::ingest::Article, crate::extract::Extraction)>,
    String,
    Vec<std::ops::Range<usize>>,
);

/// What the pane knows: nothing asked yet, an answer being computed, or the answer.
type Answer = Arc<Mutex<Option<Vec<Occurrence>>>>;

/// The "why" section of the detail pane, and the answer it keeps for the selected node.
#[derive(Default)]
pub struct WhyPane {
    /// The node and graph revision the answer (pending or done) is for.
    asked: Option<(NodeKey, u64)>,
    answer: Answer,
}

impl WhyPane {
    /// Draws the collapsed "Why a person?" section for an actor; opening it reads the node's
    /// articles again on a worker thread and shows the chain of decisions when it is done.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        graph: &NewsGraph,
        key: &NodeKey,
        lexicon: &Arc<Lexicon>,
    ) {
        let Some(node) = graph.node(key) else {
            return;
        };
        if !node.kind.is_actor() {
            return;
        }
        let kind = node.kind.label().to_lowercase();
        let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let title = format!("Why {article} {kind}?");
        egui::CollapsingHeader::new(title)
            .id_salt(("why", &key.0))
            .default_open(false)
            .show(ui, |ui| {
                if let Some(text) = group_reason(&key.0, lexicon) {
                    ui.label(text);
                    ui.separator();
                }
                let wanted = (key.clone(), graph.revision());
                if self.asked.as_ref() != Some(&wanted) {
                    self.ask(ui.ctx(), graph, key, lexicon);
                    self.asked = Some(wanted);
                }
                // Drawn under the lock (the worker writes once, when done): nothing is copied
                // per frame.
                let answer = self.answer.lock().unwrap_or_else(PoisonError::into_inner);
                match answer.as_deref() {
                    None => {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label("Reading its articles again…");
                        });
                    }
                    Some([]) => {
                        ui.label(
                            "Its words are not found again in its articles (a name given by a \
                             correction, or an article changed since).",
                        );
                    }
                    Some(list) => draw(ui, list),
                }
            })
            .header_response
            .on_hover_text(
                "The tagger's label and each rule (assets/rules/*.json, by id) or check in the \
                 code that decided on its mentions, as `newsgraph explain FILE NAME` prints",
            );
    }

    /// Starts reading the node's first articles again on a worker thread.
    fn ask(&mut self, ctx: &egui::Context, graph: &NewsGraph, key: &NodeKey, lex: &Arc<Lexicon>) {
        let answer: Answer = Arc::new(Mutex::new(None));
        self.answer = answer.clone();
        let Some(node) = graph.node(key) else {
            return;
        };
        // Per article: the source as read, its title, and the node's mentions in it.
        let mut work: Vec<Work> = Vec::new();
        for e in &node.evidence {
            if !work.iter().any(|(id, ..)| *id == e.article) {
                if work.len() == ARTICLES_READ {
                    continue;
                }
                let (Some(source), Some(record)) =
                    (graph.article_source(e.article), graph.article(e.article))
                else {
                    continue;
                };
                let title = if record.title.is_empty() {
                    record.source.clone()
                } else {
                    record.title.clone()
                };
                work.push((e.article, source, title, Vec::new()));
            }
            if let Some((.., mentions)) = work.iter_mut().find(|(id, ..)| *id == e.article) {
                mentions.push(e.mention.clone());
            }
        }
        let lex = lex.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let mut out = Vec::new();
            for (_, source, title, mentions) in work {
                let article = &source.0;
                let mut words: Vec<&str> = mentions
                    .iter()
                    .filter_map(|m| article.text.get(m.clone()))
                    .collect();
                words.sort_unstable();
                words.dedup();
                for w in words {
                    for x in explain(article, &lex, w) {
                        let made_it = mentions
                            .iter()
                            .any(|m| m.start < x.span.end && x.span.start < m.end);
                        if made_it && !out.iter().any(|o: &Occurrence| o.explanation == x) {
                            out.push(Occurrence {
                                article: title.clone(),
                                explanation: x,
                            });
                        }
                    }
                }
                if out.len() >= OCCURRENCES_SHOWN {
                    break;
                }
            }
            out.sort_by_key(|o| (o.explanation.sentence, o.explanation.span.start));
            out.truncate(OCCURRENCES_SHOWN);
            *answer.lock().unwrap_or_else(PoisonError::into_inner) = Some(out);
            ctx.request_repaint();
        });
    }
}

/// Why a people group is one ("Sudanese rebels"): the group of the lexicon its noun belongs
/// to, and the country that qualifies it. `None` for other keys.
pub fn group_reason(key: &str, lex: &Lexicon) -> Option<String> {
    let (iso, id) = crate::extract::groups::parts(key)?;
    let group = lex.arguments.groups.iter().find(|g| g.id == id)?;
    let country = lex
        .country_by_iso(iso)
        .map_or(iso, |c| lex.countries[c].name.as_str());
    let nouns: Vec<&str> = group.nouns.iter().take(6).map(String::as_str).collect();
    Some(format!(
        "A word for {} (people group '{}' in assets/lexicon/arguments.json: {}…) qualified by \
         {country} alone: that country's {} as a party of their own, apart from its state. \
         The country's word was read as below.",
        group.label,
        group.id,
        nouns.join(", "),
        group.label
    ))
}

/// The decisions of each occurrence, one small table each.
fn draw(ui: &mut egui::Ui, list: &[Occurrence]) {
    for (i, o) in list.iter().enumerate() {
        let x = &o.explanation;
        if i > 0 {
            ui.separator();
        }
        ui.label(
            RichText::new(format!("{} · sentence {}", o.article, x.sentence + 1))
                .small()
                .weak(),
        );
        ui.label(RichText::new(excerpt(&x.context)).italics());
        egui::Grid::new(("why-steps", i))
            .num_columns(2)
            .spacing([10.0, 2.0])
            .show(ui, |ui| {
                ui.label(RichText::new("tagger").monospace().weak())
                    .on_hover_text("The trained entity tagger's label, before any rule");
                match &x.tagger {
                    Some((label, words)) => ui.label(format!("{label} “{words}”")),
                    None => ui.label("no name here"),
                };
                ui.end_row();
                for d in &x.decisions {
                    let hover = if d.by.starts_with("code:") {
                        "A check written in the code, not yet a rule in assets/rules"
                    } else if d.by.starts_with("stage:") {
                        "Found before the tagger's stage, by the lexicon or a pattern"
                    } else {
                        "A rule of assets/rules/*.json, by its id"
                    };
                    ui.label(RichText::new(&d.by).monospace())
                        .on_hover_text(hover);
                    ui.label(format!("{} “{}”", d.action, d.words));
                    ui.end_row();
                }
                ui.label(RichText::new("result").monospace().weak());
                ui.label(
                    RichText::new(&x.outcome)
                        .strong()
                        .color(Color32::from_rgb(0x3a, 0x8d, 0x5c)),
                );
                ui.end_row();
            });
    }
}

/// The sentence, shortened to a readable length on a character boundary.
fn excerpt(sentence: &str) -> String {
    const MAX: usize = 240;
    if sentence.chars().count() <= MAX {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(MAX).collect();
    format!("{cut}…")
}
