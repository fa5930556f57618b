//! `returns-api` binary: parse the command line, set up logging, run.

use clap::Parser;
use returns_api::cli::{self, Cli};

#[actix_web::main]
async fn main() {
    let cli = Cli::parse();
    returns_api::telemetry::init(cli.log_format);
    let code = match cli::run(cli).await {
        Ok(()) => 0,
        Err(err) => {
            eprintln!("error: {err:#}");
            1
        }
    };
    leave(code)
}

/// Ends the process without running the C library's exit handlers. The
/// database pool may still be opening a connection on a thread of its own
/// when a command is done, and libpq's TLS library tearing itself down at
/// exit under that thread crashed the process after its work was done
/// (exit status 139, about one run in 150 of `keys create` on PostgreSQL).
fn leave(code: i32) -> ! {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: `_exit` only ends the process; what it printed is flushed above.
    unsafe { libc::_exit(code) }
}
