//! The `newsgraph` binary: a subcommand runs headless, anything else opens the window.

use std::process::ExitCode;

/// mimalloc rather than the system's malloc: the pipeline allocates often and small (some 5
/// allocations a token), and glibc's `malloc` and `free` were 7-8 % of its instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args
        .first()
        .is_some_and(|a| newsgraph::cli::is_subcommand(a))
    {
        return newsgraph::cli::run(&args);
    }
    let files = args.into_iter().map(std::path::PathBuf::from).collect();
    match newsgraph::app::run(files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsgraph: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
