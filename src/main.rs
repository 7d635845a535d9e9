//! The `newsgraph` command line: parses arguments, builds library objects, reports.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use indicatif::{ProgressBar, ProgressStyle};
use newsgraph::gazetteer::{CacheUse, GazetteerCache};
use newsgraph::model::DateValue;
use newsgraph::run::{Counts, RunConfig, run};
use newsgraph::sink::manifest::{self, describe};
use newsgraph::sink::resume::{self, Checkpoint};
use newsgraph::sink::{Format, SinkSet, Target};
use newsgraph::{Analyzer, Gazetteer, Inputs, Morph, ReadOptions};

/// Exit codes (documented in README).
mod exit {
    /// Every document was processed.
    pub const OK: u8 = 0;
    /// Some documents were reported as error records.
    pub const DOC_ERRORS: u8 = 1;
    /// Bad arguments, gazetteer errors, or an output folder that cannot be created.
    pub const USAGE: u8 = 2;
    /// Output could not be written (disk full, permissions).
    pub const OUTPUT: u8 = 3;
    /// Interrupted by SIGINT or SIGTERM.
    pub const INTERRUPTED: u8 = 130;
}

#[derive(Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "Russian news into a graph of who met whom, where and when"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract mentions, dates, events and triples from a corpus.
    Extract(ExtractArgs),
    /// Work with gazetteers.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// Score newsgraph records against a gold event set (tests/data/events_*.jsonl).
    EvalEvents {
        /// Gold JSONL.
        gold: PathBuf,
        /// newsgraph records (JSONL) for the same passages.
        pred: PathBuf,
    },
    /// Score BRAT standoff predictions against gold (exact spans; P/R/F1 per type).
    Eval {
        /// Folder of gold `.ann` files (e.g. NEREL dev).
        gold: PathBuf,
        /// Folder of predicted `.ann` files with the same names (`extract --format brat -o DIR` writes DIR/brat).
        pred: PathBuf,
    },
}

#[derive(Parser)]
struct ExtractArgs {
    /// Files (.txt: one article; .jsonl: one JSON object per line; also .gz/.zst), folders
    /// (walked recursively), or `-` / nothing for JSONL on standard input.
    inputs: Vec<PathBuf>,
    /// Output folder; without it, or with `-`, JSONL goes to standard output.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    /// Output formats, comma-separated: jsonl, csv, neo4j, ntriples, nquads, graphml, brat.
    #[arg(long, value_delimiter = ',', default_value = "jsonl", value_parser = parse_format)]
    format: Vec<Format>,
    /// Worker threads (default: number of cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Gazetteer folder (default: the lists built into the binary).
    #[arg(long)]
    gazetteers: Option<PathBuf>,
    /// Folder that keeps compiled gazetteers between runs, so that start-up reads one
    /// instead of compiling it [default: $XDG_CACHE_HOME/newsgraph or ~/.cache/newsgraph].
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    cache_dir: Option<PathBuf>,
    /// Compile the gazetteer at start-up without reading or writing the cache.
    #[arg(long)]
    no_cache: bool,
    /// Article date for documents without one (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    date: Option<DateValue>,
    /// Texts longer than this many bytes are cut with a warning.
    #[arg(long, default_value_t = ReadOptions::default().max_doc_bytes)]
    max_doc_bytes: usize,
    /// Read standard input as one plain-text article (id `stdin`) instead of JSONL.
    #[arg(long)]
    stdin_text: bool,
    /// No summary line on standard error.
    #[arg(short, long)]
    quiet: bool,
    /// Start the CSV tables with a byte-order mark, so that Excel reads them as UTF-8.
    #[arg(long)]
    excel: bool,
    /// Keep progress in the output folder so that a killed or interrupted run continues where
    /// it stopped when run again with the same arguments (needs -o; always writes records.jsonl).
    #[arg(long)]
    resume: bool,
    /// Documents per batch (memory, and the unit of --resume checkpoints).
    #[arg(long, default_value_t = RunConfig::default().batch_docs)]
    batch_docs: usize,
    /// Words the morphology caches keep in all, shared out between the threads, and the most
    /// the threads' shared store of analyses keeps: bounds the memory that grows with
    /// --threads (about 400 bytes a word) [default: 200000 a thread and in the store].
    #[arg(long, value_name = "N")]
    cache_words: Option<usize>,
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Check gazetteer files and print their sizes; errors as path:line.
    Check {
        /// Folder (default: the built-in lists).
        dir: Option<PathBuf>,
    },
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {s:?}; known: {}", names.join(", "))
    })
}

fn parse_date(s: &str) -> Result<DateValue, String> {
    DateValue::parse(s)
        .filter(|d| d.day != 0)
        .ok_or_else(|| format!("{s:?} is not a date YYYY-MM-DD"))
}

fn load_gazetteer(dir: Option<&PathBuf>, morph: &Morph) -> Result<Gazetteer> {
    load_gazetteer_cached(dir, morph, None).map(|(g, _)| g)
}

/// The gazetteer of `dir` (or the built-in one), through `cache` when given.
fn load_gazetteer_cached(
    dir: Option<&PathBuf>,
    morph: &Morph,
    cache: Option<&GazetteerCache>,
) -> Result<(Gazetteer, CacheUse)> {
    let loaded = match dir {
        Some(d) => Gazetteer::load_dir_cached(d, morph, cache),
        None => Gazetteer::embedded_cached(morph, cache),
    };
    loaded.map_err(|errors| {
        for e in &errors {
            eprintln!("newsgraph: {e}");
        }
        anyhow::anyhow!("{} gazetteer error(s)", errors.len())
    })
}

fn extract(args: ExtractArgs) -> Result<u8> {
    // SIGINT/SIGTERM: finish the batches in hand, then stop; a second signal stops at once.
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let quiet = args.quiet;
        let _ = ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                std::process::exit(exit::INTERRUPTED.into());
            }
            if !quiet {
                eprintln!(
                    "newsgraph: stopping once the batches in hand are written (again to stop now)"
                );
            }
        });
    }

    // `-o -` is standard output, as `-` is standard input: a folder named "-" is never meant.
    let folder = args.output.as_ref().filter(|dir| dir.as_os_str() != "-");
    let target = match folder {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create output folder {}", dir.display()))?;
            Target::Dir(dir.clone())
        }
        None => {
            if args.format.iter().any(|f| *f != Format::Jsonl) {
                bail!(
                    "formats other than jsonl need an output folder (-o DIR, not standard output)"
                );
            }
            if args.resume {
                bail!("--resume needs an output folder (-o DIR)");
            }
            Target::Stdout
        }
    };
    // Arguments are checked above, before the dictionaries load.
    let cache = match (&args.cache_dir, args.no_cache) {
        (_, true) => None,
        (Some(dir), false) => Some(GazetteerCache::new(dir)),
        (None, false) => GazetteerCache::default_dir().map(GazetteerCache::new),
    };
    // The morphology dictionary loads on a thread of its own while the compiled gazetteer is
    // read from the cache (its key needs no dictionary): each had taken about half of the
    // start-up, 15.7 ms in all, now 10.6 ms.
    let loading = std::thread::spawn(Morph::bundled);
    let cached = cache
        .as_ref()
        .and_then(|c| Gazetteer::from_cache(args.gazetteers.as_deref(), c));
    let morph = loading
        .join()
        .expect("loading the dictionary does not panic")
        .context("loading the morphology dictionary")?;
    // An entry compiled with another dictionary is compiled again, as without a cache.
    let cached = cached.filter(|g| g.compiled_with() == morph.identity());
    let (gazetteer, cache_use) = match cached {
        Some(gazetteer) => (gazetteer, CacheUse::Hit),
        None => load_gazetteer_cached(args.gazetteers.as_ref(), &morph, cache.as_ref())?,
    };
    if let CacheUse::Unwritable(why) = &cache_use
        && !args.quiet
    {
        // Not an error: the run goes on; only its start-up is slower than it could be.
        eprintln!(
            "newsgraph: the compiled gazetteer could not be cached ({why}); --cache-dir DIR or --no-cache"
        );
    }
    // Never dropped: the process exits after the run, and freeing the gazetteer's and the
    // dictionary's tables one allocation at a time only delays the exit.
    let analyzer = std::mem::ManuallyDrop::new(Analyzer::new(morph, Arc::new(gazetteer)));
    let input_names: Vec<String> = args
        .inputs
        .iter()
        .map(|p| p.to_string_lossy().to_string())
        .collect();

    // A resumable run appends to the partial records of an earlier run and makes the other
    // formats from the complete records at the end.
    let mut done = Counts::default();
    let mut keep = 0;
    if let (true, Target::Dir(dir)) = (args.resume, &target)
        && let Some(cp) = Checkpoint::read(dir).map_err(|e| anyhow::anyhow!(e))?
    {
        if cp.inputs != input_names {
            bail!(
                "{}: the checkpoint is for inputs {:?}, not {:?}",
                dir.join(resume::CHECKPOINT).display(),
                cp.inputs,
                input_names
            );
        }
        done = cp.counts();
        keep = cp.records_bytes;
        if !args.quiet {
            eprintln!("newsgraph: resuming after {} documents", cp.documents);
        }
    }
    let mut sinks = match (&target, args.resume) {
        (Target::Dir(dir), true) => SinkSet::resumable(dir, keep),
        _ => SinkSet::open(&args.format, &target, args.excel),
    }
    .map_err(|e| anyhow::anyhow!("{e}"))?;

    let inputs = Inputs::new(
        &args.inputs,
        ReadOptions {
            max_doc_bytes: args.max_doc_bytes,
            stdin_text: args.stdin_text,
            ..ReadOptions::default()
        },
    );
    let total_bytes = inputs.total_bytes();
    let config = RunConfig {
        threads: args.threads.unwrap_or(RunConfig::default().threads),
        default_date: args.date,
        skip: done.documents,
        checkpoint: args.resume,
        batch_docs: args.batch_docs.max(1),
        cache_words: args.cache_words,
        // The process exits after the run: its caches need not be freed one by one.
        free_caches: false,
        ..RunConfig::default()
    };

    if stop.load(Ordering::SeqCst) {
        sinks.abort();
        return Ok(exit::INTERRUPTED);
    }
    let bar = progress_bar(args.quiet, total_bytes);
    let checkpoint_dir = match &target {
        Target::Dir(d) if args.resume => Some(d.clone()),
        _ => None,
    };
    let base = done;
    let result = run(
        &analyzer,
        inputs,
        &mut sinks,
        &config,
        &stop,
        |c, synced| {
            bar.set_position(c.bytes);
            bar.set_message(format!(
                "{} documents, {} events",
                base.documents + c.documents,
                base.events + c.events
            ));
            if let (Some(dir), Some(bytes)) = (&checkpoint_dir, synced) {
                let mut all = base;
                all += *c;
                Checkpoint {
                    inputs: input_names.clone(),
                    documents: all.documents,
                    errors: all.errors,
                    warned: all.warned,
                    mentions: all.mentions,
                    events: all.events,
                    records_bytes: bytes,
                }
                .write(dir)?;
            }
            Ok(())
        },
    );
    bar.finish_and_clear();
    let summary = match result {
        Ok(s) => s,
        Err(e) if e.is_broken_pipe() => {
            sinks.abort();
            return Ok(exit::OK);
        }
        Err(e) => {
            if args.resume {
                eprintln!("newsgraph: {e}; the last checkpoint stays, run again with --resume");
            } else {
                sinks.abort();
                eprintln!("newsgraph: {e}");
            }
            return Ok(exit::OUTPUT);
        }
    };
    let mut counts = base;
    counts += summary.counts;
    if summary.interrupted {
        if args.resume {
            eprintln!(
                "newsgraph: interrupted after {} documents; run the same command again to continue",
                counts.documents
            );
        } else if target == Target::Stdout {
            // Records already on standard output stay there: say how many, in input order.
            sinks.abort();
            eprintln!(
                "newsgraph: interrupted after {} documents; their records are on standard output, in input order",
                counts.documents
            );
        } else {
            sinks.abort();
            eprintln!(
                "newsgraph: interrupted after {} documents; nothing was written (use --resume to keep progress)",
                counts.documents
            );
        }
        return Ok(exit::INTERRUPTED);
    }
    let mut files = match sinks.finish() {
        Ok(f) => f,
        Err(e) if e.is_broken_pipe() => return Ok(exit::OK),
        Err(e) => {
            eprintln!("newsgraph: {e}");
            return Ok(exit::OUTPUT);
        }
    };
    if let Target::Dir(dir) = &target {
        if args.resume {
            match replay(dir, &args.format, args.excel) {
                Ok(mut more) => files.append(&mut more),
                Err(e) => {
                    eprintln!("newsgraph: {e}");
                    return Ok(exit::OUTPUT);
                }
            }
            if let Err(e) = Checkpoint::remove(dir) {
                eprintln!("newsgraph: {e}");
            }
        }
        let manifest = describe(dir, &files).and_then(|outputs| {
            manifest::write(
                dir,
                &manifest::Manifest {
                    newsgraph: format!("newsgraph {}", env!("CARGO_PKG_VERSION")),
                    schema: newsgraph::model::SCHEMA.to_string(),
                    command: std::env::args().collect(),
                    documents: counts.documents,
                    errors: counts.errors,
                    warned: counts.warned,
                    mentions: counts.mentions,
                    events: counts.events,
                    interrupted: false,
                    outputs,
                },
            )
        });
        if let Err(e) = manifest {
            eprintln!("newsgraph: {e}");
            return Ok(exit::OUTPUT);
        }
    }
    if !args.quiet {
        eprintln!(
            "newsgraph: {} documents, {} errors, {} with warnings, {} mentions, {} events in {:.2} s ({:.1} MB/s)",
            counts.documents,
            counts.errors,
            counts.warned,
            counts.mentions,
            counts.events,
            summary.elapsed.as_secs_f64(),
            summary.mb_per_s()
        );
    }
    Ok(if counts.errors > 0 {
        exit::DOC_ERRORS
    } else {
        exit::OK
    })
}

/// The other formats of a resumed run, made from its complete `records.jsonl`.
fn replay(
    dir: &std::path::Path,
    formats: &[Format],
    excel: bool,
) -> Result<Vec<std::path::PathBuf>> {
    let others: Vec<Format> = formats
        .iter()
        .copied()
        .filter(|f| *f != Format::Jsonl)
        .collect();
    if others.is_empty() {
        return Ok(Vec::new());
    }
    let mut sinks = SinkSet::open(&others, &Target::Dir(dir.to_path_buf()), excel)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let path = dir.join("records.jsonl");
    let file =
        std::fs::File::open(&path).with_context(|| format!("cannot read {}", path.display()))?;
    for (n, line) in std::io::BufRead::lines(std::io::BufReader::new(file)).enumerate() {
        let line = line.with_context(|| format!("{}:{}", path.display(), n + 1))?;
        let record: newsgraph::Record = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a newsgraph record", path.display(), n + 1))?;
        if let Err(e) = sinks.write(&record) {
            sinks.abort();
            return Err(anyhow::anyhow!("{e}"));
        }
    }
    sinks.finish().map_err(|e| anyhow::anyhow!("{e}"))
}

/// A progress bar on standard error: bytes against the input size when it is known, a
/// spinner otherwise. Hidden with `--quiet` and when standard error is not a terminal.
fn progress_bar(quiet: bool, total: Option<u64>) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match total {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}")
                .expect("a valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bytes} {binary_bytes_per_sec} {msg}")
                .expect("a valid template"),
        ),
    }
}

fn gazetteer_check(dir: Option<PathBuf>) -> Result<u8> {
    let morph = Morph::bundled().context("loading the morphology dictionary")?;
    let started = std::time::Instant::now();
    let g = load_gazetteer(dir.as_ref(), &morph)?;
    let s = g.stats();
    println!(
        "ok: {} persons, {} countries, {} cities, {} regions, {} organizations, {} events; {} aliases, {} forms, {} office terms, {} titles; compiled in {:.2} s",
        s.entities[0],
        s.entities[1],
        s.entities[2],
        s.entities[3],
        s.entities[4],
        s.entities[5],
        s.aliases,
        s.forms,
        s.offices,
        s.titles,
        started.elapsed().as_secs_f64()
    );
    Ok(exit::OK)
}

fn eval_events(gold: &PathBuf, pred: &PathBuf) -> Result<u8> {
    use newsgraph::eval::events;
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
    };
    let gold_docs =
        events::read_gold(&read(gold)?).map_err(|e| anyhow::anyhow!("{}: {e}", gold.display()))?;
    let records = events::read_records(&read(pred)?)
        .map_err(|e| anyhow::anyhow!("{}: {e}", pred.display()))?;
    let report = events::score(&gold_docs, &records);
    print!(
        "{}",
        report.markdown(&gold.file_name().unwrap_or_default().to_string_lossy())
    );
    Ok(exit::OK)
}

/// mimalloc instead of the system allocator: the analysis makes many small short-lived
/// allocations (tokens, readings, drafts) from two threads at once.
///
/// Built with its `no_thp` feature (Cargo.toml): mimalloc no longer asks for transparent huge
/// pages. On the development VM every fresh 2 MiB page cost the kernel milliseconds to zero, most
/// of all with two workers faulting at once (system time 0.19 s of a 0.55 s two-thread run);
/// without them two threads ran 8–13% faster and peak memory fell by a third, for 3–4% more
/// time on one thread (more TLB misses). README "Speed and memory" has the runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Gazetteer(GazetteerCommand::Check { dir }) => gazetteer_check(dir),
        Command::EvalEvents { gold, pred } => eval_events(&gold, &pred),
        Command::Eval { gold, pred } => newsgraph::eval::evaluate(&gold, &pred)
            .map(|report| {
                print!("{}", report.markdown());
                exit::OK
            })
            .map_err(|e| anyhow::anyhow!(e)),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("newsgraph: {e:#}");
            ExitCode::from(exit::USAGE)
        }
    }
}
