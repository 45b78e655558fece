//! The menu bar: File and View. It only reads the state and returns [`Action`]s.

use egui::KeyboardShortcut;

use super::{
    EXPORT, LOAD_LAYOUT, NEW, NewsgraphApp, OPEN, OPEN_FOLDER, QUIT, SAVE, SAVE_AS, ZOOM_STEP,
};
use crate::files::{ExportFormat, ImageExport};
use crate::ui::Action;

/// Sizes offered for image exports.
const IMAGE_SIZES: [[u32; 2]; 3] = [[1920, 1080], [3840, 2160], [1200, 1200]];

fn format_tip(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Json => {
            "newsgraph's own JSON: nodes, edges, articles and the sentences behind them"
        }
        ExportFormat::GraphMl => "For Gephi, yEd, networkx (read_graphml) and igraph",
        ExportFormat::Gexf => "For Gephi; event dates play on its timeline",
        ExportFormat::Csv => "NAME.nodes.csv and NAME.edges.csv with Neo4j bulk-import headers",
        ExportFormat::NodeLink => "For networkx (node_link_graph) and d3",
    }
}

impl NewsgraphApp {
    pub(super) fn menu(&self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let ctx = ui.ctx().clone();
        ui.menu_button("File", |ui| {
            let item =
                |ui: &mut egui::Ui, text: &str, shortcut: Option<&KeyboardShortcut>, tip: &str| {
                    let mut b = egui::Button::new(text);
                    if let Some(s) = shortcut {
                        b = b.shortcut_text(ctx.format_shortcut(s));
                    }
                    ui.add(b).on_hover_text(tip).clicked()
                };
            if item(
                ui,
                "New project",
                Some(&NEW),
                "Start an empty project (asks first when there are unsaved changes)",
            ) {
                actions.push(Action::NewProject);
            }
            if item(
                ui,
                "Open project…",
                None,
                "Open a project saved by newsgraph: its articles, layout and view",
            ) {
                actions.push(Action::OpenProject);
            }
            ui.add_enabled_ui(!self.project.recent().is_empty(), |ui| {
                ui.menu_button("Recent projects", |ui| {
                    for path in self.project.recent() {
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .button(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            actions.push(Action::OpenProjectFrom(path.clone()));
                        }
                    }
                });
            });
            if item(
                ui,
                "Save project",
                Some(&SAVE),
                "Save the articles, layout and view to the project file",
            ) {
                actions.push(Action::SaveProject);
            }
            if item(
                ui,
                "Save project as…",
                Some(&SAVE_AS),
                "Save the project to a new file",
            ) {
                actions.push(Action::SaveProjectAs);
            }
            ui.separator();
            if item(
                ui,
                "Open articles…",
                Some(&OPEN),
                "Read .txt, .md or .html articles and add them to the graph",
            ) {
                actions.push(Action::OpenArticles);
            }
            if item(
                ui,
                "Open folder…",
                Some(&OPEN_FOLDER),
                "Read every article in a folder and its subfolders",
            ) {
                actions.push(Action::OpenFolder);
            }
            ui.separator();
            if item(
                ui,
                "Save layout…",
                None,
                "Save node positions, pins and the view to a file",
            ) {
                actions.push(Action::SaveLayout);
            }
            if item(
                ui,
                "Load layout…",
                Some(&LOAD_LAYOUT),
                "Put nodes back where a saved layout had them",
            ) {
                actions.push(Action::LoadLayout);
            }
            ui.menu_button("Export", |ui| {
                for format in ExportFormat::ALL {
                    let shortcut = (format == ExportFormat::Json).then_some(&EXPORT);
                    if item(ui, format.label(), shortcut, format_tip(format)) {
                        actions.push(Action::Export(format));
                    }
                }
                ui.separator();
                for png in [false, true] {
                    for size in IMAGE_SIZES {
                        let (label, tip) = if png {
                            (
                                format!("Image of the view (PNG), {} × {}…", size[0], size[1]),
                                "A picture of what the canvas shows now, at this size",
                            )
                        } else {
                            (
                                format!("Image (SVG), {} × {}…", size[0], size[1]),
                                "A picture of the whole graph at this size",
                            )
                        };
                        if item(ui, &label, None, tip) {
                            actions.push(Action::ExportImage(ImageExport { size, png }));
                        }
                    }
                }
            });
            if item(
                ui,
                "Export corrections…",
                None,
                "Write your renames, merges and deletions as a lexicon file (corrections.json) that NEWSGRAPH_LEXICON_DIR reads, so they apply to future articles",
            ) {
                actions.push(Action::ExportCorrections);
            }
            ui.separator();
            if item(ui, "Quit", Some(&QUIT), "Close newsgraph") {
                actions.push(Action::Quit);
            }
        });
        actions.extend(self.edit_menu(ui));
        ui.menu_button("View", |ui| {
            let run_label = if self.panel.is_running() {
                "Pause layout"
            } else {
                "Resume layout"
            };
            if ui
                .add(egui::Button::new(run_label).shortcut_text("Space"))
                .clicked()
            {
                actions.push(Action::ToggleLayout);
            }
            if ui
                .add(egui::Button::new("Fit to view").shortcut_text("F"))
                .clicked()
            {
                actions.push(Action::FitView);
            }
            if ui
                .add(egui::Button::new("Zoom in").shortcut_text("+"))
                .on_hover_text("Zoom in around the middle of the canvas (or scroll with Ctrl)")
                .clicked()
            {
                actions.push(Action::Zoom(ZOOM_STEP));
            }
            if ui
                .add(egui::Button::new("Zoom out").shortcut_text("−"))
                .on_hover_text("Zoom out around the middle of the canvas")
                .clicked()
            {
                actions.push(Action::Zoom(1.0 / ZOOM_STEP));
            }
            if ui
                .button("Unpin all nodes")
                .on_hover_text("Let the layout move nodes you dragged or loaded")
                .clicked()
            {
                actions.push(Action::UnpinAll);
            }
            if ui
                .add(egui::Button::new("Clear selection").shortcut_text("Esc"))
                .clicked()
            {
                actions.push(Action::Select(None));
            }
        });
        actions
    }
}
