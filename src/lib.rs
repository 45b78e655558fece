//! newsgraph: reads world-affairs news and shows who is doing what to whom.
//!
//! Data flows one way: [`ingest`] turns files into articles, [`extract`] finds actors, events
//! and issues in them, [`graph`] merges them into a petgraph, [`layout`] places the nodes,
//! [`files`] saves layouts and exports, and [`ui`]/[`app`] draw it all in a window. Only `ui`
//! and `app` know about egui; everything else runs headless (see [`cli`]).

pub mod app;
pub mod bench;
pub mod cli;
pub mod eval;
pub mod extract;
pub mod files;
pub mod fuzz;
pub mod graph;
pub mod ingest;
pub mod layout;
pub mod pipeline;
pub mod ui;
