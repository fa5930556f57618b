//! Command line: `serve`, `migrate`, `openapi`, `keys`, `brands`,
//! `service-points`, `postal-centroids`, `signing-keys`, `secrets`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::app::keys::Role;
use crate::app::service_points::Format;
use crate::config::{Config, redact_url};
use crate::error::ErrorCode;
use crate::startup::Application;
use crate::telemetry::LogFormat;

/// A headless, self-hostable returns API.
#[derive(Debug, Parser)]
#[command(name = "returns-api", version, about)]
pub struct Cli {
    /// Log format.
    #[arg(
        long,
        env = "LOG_FORMAT",
        value_enum,
        default_value = "text",
        global = true
    )]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Database option shared by the administrative commands.
#[derive(Debug, clap::Args)]
pub struct DbArgs {
    /// Database URL: `sqlite://PATH` or `postgres://USER@HOST/DB`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://returns.db")]
    pub database_url: String,
}

/// The secrets key of the administrative commands that read or write
/// secrets: the same settings as `serve`'s.
#[derive(Debug, clap::Args)]
pub struct KeyArgs {
    /// The secrets key.
    #[command(flatten)]
    pub secrets: crate::config::SecretsConfig,
    /// Data directory (where `secrets.key` is when no key is given).
    #[arg(long, env = "DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
}

/// Subcommands.
// Parsed once at start-up; boxing the large `serve` options buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server (applies pending migrations first).
    Serve {
        /// Server options.
        #[command(flatten)]
        config: Config,
        /// Create the `demo` brand with settings and print a merchant API key.
        #[arg(long, env = "DEMO", value_parser = clap::builder::BoolishValueParser::new())]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate(DbArgs),
    /// Print the OpenAPI document.
    Openapi {
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Manage API keys.
    Keys {
        /// Keys subcommand.
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Manage brands.
    Brands {
        /// Brands subcommand.
        #[command(subcommand)]
        command: BrandsCommand,
    },
    /// Carrier service points.
    ServicePoints {
        /// Service-points subcommand.
        #[command(subcommand)]
        command: ServicePointsCommand,
    },
    /// Postal-code centroids (positions for orders without coordinates).
    PostalCentroids {
        /// Postal-centroids subcommand.
        #[command(subcommand)]
        command: CentroidsCommand,
    },
    /// Manage the keys that sign portal and label tokens.
    SigningKeys {
        /// Signing-keys subcommand.
        #[command(subcommand)]
        command: SigningKeysCommand,
    },
    /// Manage the key that encrypts the secrets kept in the database.
    Secrets {
        /// Secrets subcommand.
        #[command(subcommand)]
        command: SecretsCommand,
    },
}

/// `secrets …`
#[derive(Debug, Subcommand)]
pub enum SecretsCommand {
    /// Re-encrypt every secret in the database under a new key, in one
    /// transaction. The current key comes from `SECRETS_KEY` (or
    /// `SECRETS_KEY_FILE`, `SECRETS_KEY_OLD`, `DATA_DIR/secrets.key`) as for
    /// `serve`. Running nodes must already accept the new key (list it in
    /// their `SECRETS_KEY_OLD`); afterwards make it their `SECRETS_KEY` and
    /// the former key their `SECRETS_KEY_OLD` (see the README).
    RotateKey {
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// The current key.
        #[command(flatten)]
        key: KeyArgs,
        /// The new key (base64 of 32 bytes); prefer the variable or a file
        /// to the flag, which other users may see in the process list.
        #[arg(
            long,
            env = "NEW_SECRETS_KEY",
            hide_env_values = true,
            conflicts_with = "new_key_file",
            required_unless_present = "new_key_file"
        )]
        new_key: Option<crate::config::Secret>,
        /// A file holding the new key (base64).
        #[arg(long, env = "NEW_SECRETS_KEY_FILE")]
        new_key_file: Option<PathBuf>,
    },
}

/// `service-points …`
#[derive(Debug, Subcommand)]
pub enum ServicePointsCommand {
    /// Import a network from a CSV or JSON file (by extension), all or nothing.
    Import {
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// The file (`.csv` or `.json`).
        file: PathBuf,
        /// Deactivate points of the file's carriers that the file lacks.
        #[arg(long)]
        replace: bool,
    },
    /// Write N generated, plausible points (NL, BE, DE, FR) as CSV.
    Generate {
        /// How many.
        #[arg(long, default_value_t = 1000)]
        count: usize,
        /// Seed (the same seed gives the same points).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file (standard output when absent).
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

/// `postal-centroids …`
#[derive(Debug, Subcommand)]
pub enum CentroidsCommand {
    /// Import centroids from CSV (`country,postal_code,latitude,longitude`) or JSON.
    Import {
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// The file (`.csv` or `.json`).
        file: PathBuf,
    },
}

fn format_of(file: &std::path::Path) -> anyhow::Result<Format> {
    match file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("csv") => Ok(Format::Csv),
        Some("json") => Ok(Format::Json),
        _ => anyhow::bail!("{} must end in .csv or .json", file.display()),
    }
}

async fn service_points(command: ServicePointsCommand) -> anyhow::Result<()> {
    match command {
        ServicePointsCommand::Import { db, file, replace } => {
            let format = format_of(&file)?;
            let bytes = std::fs::read(&file)?;
            let db = open(&db.database_url).await?;
            let summary =
                match crate::app::service_points::import_network(&db, format, bytes, replace).await
                {
                    Ok(summary) => summary,
                    Err(e) => {
                        for f in e.errors() {
                            eprintln!("{}: {} ({})", f.field, f.message, f.code);
                        }
                        anyhow::bail!("{e}; nothing was imported");
                    }
                };
            println!(
                "created {}, updated {}, deactivated {} (data set version {})",
                summary.created, summary.updated, summary.deactivated, summary.version
            );
            Ok(())
        }
        ServicePointsCommand::Generate {
            count,
            seed,
            output,
        } => {
            match output {
                Some(path) => {
                    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
                    crate::app::service_points::generate_csv(count, seed, &mut out)?;
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut out = std::io::BufWriter::new(stdout.lock());
                    crate::app::service_points::generate_csv(count, seed, &mut out)?;
                }
            }
            Ok(())
        }
    }
}

async fn centroids(command: CentroidsCommand) -> anyhow::Result<()> {
    match command {
        CentroidsCommand::Import { db, file } => {
            let format = format_of(&file)?;
            let bytes = std::fs::read(&file)?;
            let db = open(&db.database_url).await?;
            let summary = crate::app::service_points::import_centroids(&db, format, bytes).await?;
            println!("imported {} centroids", summary.imported);
            Ok(())
        }
    }
}

/// `signing-keys …`
#[derive(Debug, Subcommand)]
pub enum SigningKeysCommand {
    /// Start signing with a new key. The previous keys keep verifying tokens
    /// until every token they signed has expired; every node picks the new
    /// key up within 30 seconds.
    Rotate {
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// The secrets key the new signing key is encrypted with.
        #[command(flatten)]
        key: KeyArgs,
    },
}

/// `keys …`
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Create an API key and print it once (only its hash is stored).
    Create {
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// Brand the key may manage (repeat for several brands; exactly one
        /// with `--vendor`).
        #[arg(long = "brand", value_name = "SLUG", required_unless_present = "admin")]
        brands: Vec<String>,
        /// Operator key: every brand, brand creation and network imports.
        #[arg(long, conflicts_with = "vendor")]
        admin: bool,
        /// Vendor key: for this vendor (its id) of the one `--brand`; it sees
        /// only that vendor's parts of the brand's returns.
        #[arg(long, value_name = "VENDOR_ID")]
        vendor: Option<String>,
        /// A label to recognise the key by (default `cli`, `api` for vendor keys).
        #[arg(long)]
        name: Option<String>,
    },
    /// Revoke an API key by its prefix (the first characters shown at creation).
    Revoke {
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// Key prefix, e.g. `rk_8Fh2kQ1x`.
        prefix: String,
    },
}

/// `brands …`
#[derive(Debug, Subcommand)]
pub enum BrandsCommand {
    /// Create a brand with default Returns Settings.
    Create {
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// URL slug, e.g. `acme` (lowercase letters, digits, hyphens).
        #[arg(long)]
        slug: String,
        /// Display name.
        #[arg(long)]
        name: String,
    },
}

/// Runs the parsed command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { config, demo } => serve(config, demo).await,
        Command::Migrate(args) => {
            let db = crate::app::maintenance::connect(&args.database_url)?;
            let applied = crate::app::maintenance::migrate(&db).await?;
            println!("applied {} migration(s)", applied.len());
            for name in applied {
                println!("  {name}");
            }
            Ok(())
        }
        Command::Openapi { output } => {
            let json = crate::openapi::spec_json();
            match output {
                Some(path) => std::fs::write(&path, json)?,
                None => println!("{json}"),
            }
            Ok(())
        }
        Command::Keys { command } => keys(command).await,
        Command::Brands { command } => brands(command).await,
        Command::ServicePoints { command } => service_points(command).await,
        Command::PostalCentroids { command } => centroids(command).await,
        Command::SigningKeys {
            command: SigningKeysCommand::Rotate { db, key },
        } => {
            let db = open(&db.database_url).await?;
            let secrets = crate::app::secrets::prepare(&db, &key.secrets, &key.data_dir).await?;
            let kid = crate::app::maintenance::rotate_signing_key(&db, secrets.into()).await?;
            println!(
                "new signing key {kid}; previous keys stay valid for verification until their tokens expire"
            );
            Ok(())
        }
        Command::Secrets {
            command:
                SecretsCommand::RotateKey {
                    db,
                    key,
                    new_key,
                    new_key_file,
                },
        } => {
            let next =
                crate::app::secrets::read_next_key(new_key.as_ref(), new_key_file.as_deref())?;
            let db = open(&db.database_url).await?;
            let secrets = crate::app::secrets::prepare(&db, &key.secrets, &key.data_dir).await?;
            let (from, to) = (secrets.current_id().to_string(), next.id().to_string());
            let count = crate::app::secrets::rotate_key(&db, &secrets, next).await?;
            println!("re-encrypted {count} secret(s) from key {from} to key {to}");
            println!(
                "next: give every node the new key as SECRETS_KEY and the former one as SECRETS_KEY_OLD, restart them one by one, then drop SECRETS_KEY_OLD"
            );
            Ok(())
        }
    }
}

/// The database of an administrative command, migrated.
async fn open(database_url: &str) -> anyhow::Result<crate::app::maintenance::Database> {
    let db = crate::app::maintenance::connect(database_url)?;
    crate::app::maintenance::migrate(&db).await?;
    Ok(db)
}

async fn serve(mut config: Config, demo: bool) -> anyhow::Result<()> {
    // A demo is one node: without a key it may make one up, on PostgreSQL too.
    config.secrets.generate_anywhere |= demo;
    let smtp = config.smtp_url.as_ref().map_or_else(
        || "none (e-mail is recorded as skipped)".to_string(),
        crate::config::SecretUrl::redacted,
    );
    tracing::info!(database = %redact_url(&config.database_url), smtp = %smtp, "starting");
    let app = Application::build(config).await?;
    if demo {
        let seeded = crate::demo::seed(app.state()).await?;
        println!("Demo brand `demo` is ready.");
        println!("Merchant API key (shown once): {}", seeded.merchant_key);
        println!(
            "Vendor API key of Nordic Knits (shown once): {}",
            seeded.vendor_key
        );
        println!("Portal settings: {}/v1/portal/demo", app.public_url());
    }
    println!(
        "Listening on {} (Swagger UI at {}/docs)",
        app.address(),
        app.public_url()
    );
    app.run_until_stopped().await?;
    Ok(())
}

async fn keys(command: KeysCommand) -> anyhow::Result<()> {
    match command {
        KeysCommand::Create {
            db,
            brands,
            admin: _,
            vendor: Some(vendor),
            name,
        } => {
            let [brand] = brands.as_slice() else {
                anyhow::bail!("a vendor key takes exactly one --brand");
            };
            let db = open(&db.database_url).await?;
            let input = crate::app::vendors::CreateVendorKey { name };
            // Same service as the HTTP route; a brand or vendor that does
            // not exist is named in the error.
            let created = crate::app::vendors::create_key_as_operator(&db, brand, &vendor, input)
                .await
                .map_err(|e| match e.code() {
                    ErrorCode::BrandNotFound => anyhow::anyhow!("no brand has the slug {brand:?}"),
                    ErrorCode::VendorNotFound => {
                        anyhow::anyhow!("brand {brand:?} has no vendor with the id {vendor:?}")
                    }
                    _ => e.into(),
                })?;
            println!("{}", created.key);
            eprintln!(
                "Created vendor key {} for vendor {vendor} of {brand} (prefix {}). Store it now: it is not shown again.",
                created.id, created.prefix
            );
            Ok(())
        }
        KeysCommand::Create {
            db,
            brands,
            admin,
            vendor: None,
            name,
        } => {
            let name = name.unwrap_or_else(|| "cli".to_string());
            let db = open(&db.database_url).await?;
            let role = if admin { Role::Admin } else { Role::Merchant };
            let created = crate::app::keys::create(&db, &name, role, &brands).await?;
            println!("{}", created.key);
            eprintln!(
                "Created {} key {} (prefix {}). Store it now: it is not shown again.",
                role.as_str(),
                created.id,
                created.prefix
            );
            Ok(())
        }
        KeysCommand::Revoke { db, prefix } => {
            let db = open(&db.database_url).await?;
            let n = crate::app::keys::revoke(&db, &prefix).await?;
            anyhow::ensure!(n > 0, "no active key has the prefix {prefix}");
            println!("revoked {n} key(s)");
            Ok(())
        }
    }
}

async fn brands(command: BrandsCommand) -> anyhow::Result<()> {
    match command {
        BrandsCommand::Create { db, slug, name } => {
            let db = open(&db.database_url).await?;
            let input = crate::app::brands::CreateBrand {
                slug,
                name,
                theme: None,
                custom_domain: None,
                allowed_origins: None,
            };
            let brand = crate::app::brands::create(&db, input).await?;
            println!("created brand {} ({})", brand.slug, brand.id);
            Ok(())
        }
    }
}
