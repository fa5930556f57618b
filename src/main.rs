//! `returns-api` binary: parse the command line, set up logging, run.

use std::process::ExitCode;

use clap::Parser;
use returns_api::cli::{self, Cli};

#[actix_web::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    returns_api::telemetry::init(cli.log_format);
    match cli::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
