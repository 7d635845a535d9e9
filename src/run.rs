//! The batch driver: read → analyse in parallel → write, in bounded batches, in input order.
//!
//! A reader thread fills batches (bounded by documents and bytes), the rayon pool analyses a
//! batch with one scratch buffer per worker, and a writer thread feeds the sinks; bounded
//! channels between them keep memory flat whatever the input size. Records come out in input
//! order and do not depend on the number of threads.

use std::collections::VecDeque;
use std::ops::AddAssign;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::input::{Inputs, Item};
use crate::model::{DateValue, DocError, ErrorCode, Record};
use crate::morph::{MorphCache, SharedAnalyses};
use crate::pipeline::{Analyzer, Scratch};
use crate::sink::{SinkError, SinkSet, encode_line};

/// How to run.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// Worker threads for analysis.
    pub threads: usize,
    /// At most this many documents per batch.
    pub batch_docs: usize,
    /// At most about this many bytes of text per batch.
    pub batch_bytes: usize,
    /// The `--date` option.
    pub default_date: Option<DateValue>,
    /// Input documents to skip (done by an earlier, interrupted run).
    pub skip: u64,
    /// Sync the JSONL file after every batch and report its length (for `--resume`).
    pub checkpoint: bool,
    /// Words the workers' morphology caches keep in all, shared out evenly (`--cache-words`),
    /// and the most words the run's store of analyses keeps ([`SharedAnalyses`]). `None`:
    /// [`MorphCache::MAX_WORDS`] for each worker and for the store.
    pub cache_words: Option<usize>,
    /// Free the workers' morphology caches when the run ends. A command-line run that exits
    /// right after sets this to false: freeing a few hundred thousand cached analyses one by
    /// one took 16–19 ms between the last output and the exit of a 20 MB run on two threads
    /// (2–3 ms without), and the process's exit hands the memory back at once.
    pub free_caches: bool,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            threads: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            batch_docs: 512,
            batch_bytes: 8 << 20,
            default_date: None,
            skip: 0,
            checkpoint: false,
            cache_words: None,
            free_caches: true,
        }
    }
}

/// Counts for the summary line; merged with `+=`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents read (records written).
    pub documents: u64,
    /// Of those, error records.
    pub errors: u64,
    /// Records that carry warnings (text cut, id or date missing or unusable).
    pub warned: u64,
    /// Mentions.
    pub mentions: u64,
    /// Events.
    pub events: u64,
    /// Bytes of text analysed.
    pub bytes: u64,
    /// Batches completed.
    pub batches: u64,
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.documents += o.documents;
        self.errors += o.errors;
        self.warned += o.warned;
        self.mentions += o.mentions;
        self.events += o.events;
        self.bytes += o.bytes;
        self.batches += o.batches;
    }
}

impl Counts {
    fn of(record: &Record, bytes: usize) -> Counts {
        Counts {
            documents: 1,
            errors: record.error.is_some() as u64,
            warned: !record.warnings.is_empty() as u64,
            mentions: record.mentions.len() as u64,
            events: record.events.len() as u64,
            bytes: bytes as u64,
            batches: 0,
        }
    }
}

/// The outcome of a run.
#[derive(Clone, Copy, Debug)]
pub struct Summary {
    /// Counts.
    pub counts: Counts,
    /// Wall-clock time.
    pub elapsed: Duration,
    /// True when the run stopped early on request (SIGINT/SIGTERM).
    pub interrupted: bool,
}

impl Summary {
    /// Throughput in MB/s of text.
    pub fn mb_per_s(&self) -> f64 {
        let s = self.elapsed.as_secs_f64().max(1e-9);
        self.counts.bytes as f64 / 1e6 / s
    }
}

/// What the analysis hands the writer for one batch, in input order.
enum Output {
    /// Records for the sinks.
    Records(Vec<Record>),
    /// The records already encoded as JSON lines, a few documents per buffer (JSONL is the
    /// only sink).
    Encoded(Vec<Vec<u8>>),
}

/// Documents a worker encodes into one buffer when JSONL is the only output: enough to make
/// the buffers few, few enough that a batch still spreads over many workers.
const ENCODE_CHUNK: usize = 8;

/// Documents in the first batch of a run; the next ones double up to the batch size.
const FIRST_BATCH_DOCS: usize = 32;

/// Batches handed to the pool while an older one is still being analysed.
const IN_FLIGHT: usize = 1;

/// Analyses one item into its record. A panic while analysing a document (a bug) becomes that
/// document's `internal` error record, so one bad document never takes the run down; the
/// worker's scratch space is replaced, since the panic may have left it half-written.
pub fn record_of(
    analyzer: &Analyzer,
    item: &Item,
    default_date: Option<DateValue>,
    scratch: &mut Scratch,
) -> Record {
    match item {
        Item::Doc(doc) => {
            let mut record = guarded(&doc.id, scratch, |scratch| {
                analyzer.analyze(doc, default_date, scratch)
            });
            if record.error.is_some() {
                // Only a panic makes an error record here: it still carries what the input
                // said, so that a join on the input's own fields finds it.
                record.meta = doc.meta.clone();
                record.warnings = doc.warnings.clone();
            }
            record
        }
        Item::Failed { doc_id, error } => Record::failed(doc_id.clone(), error.clone()),
    }
}

/// Runs `analyze` on `scratch`; a panic becomes an `internal` error record for `doc_id`.
fn guarded(
    doc_id: &str,
    scratch: &mut Scratch,
    analyze: impl FnOnce(&mut Scratch) -> Record,
) -> Record {
    // The scratch is replaced after a panic and nothing else is shared mutably, so no broken
    // state is observed after unwinding.
    match std::panic::catch_unwind(AssertUnwindSafe(|| analyze(&mut *scratch))) {
        Ok(record) => record,
        Err(payload) => {
            scratch.reset();
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Record::failed(
                doc_id.to_string(),
                DocError {
                    code: ErrorCode::Internal,
                    message: format!(
                        "document {doc_id:?}: newsgraph failed while analysing it ({what}); the run went on. Please report this with the document's text"
                    ),
                },
            )
        }
    }
}

/// Runs the whole input through the analyzer into the sinks. `progress` is called after each
/// batch is written with the counts so far and, when `config.checkpoint` is set, the synced
/// length of the JSONL file; `stop` is checked between batches. The sinks are finished by the
/// caller.
pub fn run(
    analyzer: &Analyzer,
    inputs: Inputs,
    sinks: &mut SinkSet,
    config: &RunConfig,
    stop: &AtomicBool,
    mut progress: impl FnMut(&Counts, Option<u64>) -> Result<(), SinkError> + Send,
) -> Result<Summary, SinkError> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.max(1))
        .thread_name(|i| format!("newsgraph-{i}"))
        .build()
        .expect("a thread pool with a valid size");
    // A budget for the caches is shared out, so that memory does not grow with the thread
    // count; without one each worker keeps a full cache (memory grows with the threads).
    let workers = pool.current_num_threads();
    let per_worker = match config.cache_words {
        Some(words) => words / workers,
        None => MorphCache::MAX_WORDS,
    };
    // One store of analyses for all workers: each word is analysed once per run, not once
    // per worker (a single worker has nothing to share it with).
    let shared = (workers > 1).then(|| {
        Arc::new(SharedAnalyses::new(
            config.cache_words.unwrap_or(MorphCache::MAX_WORDS),
        ))
    });
    let scratches: Vec<Mutex<Scratch>> = (0..workers)
        .map(|_| {
            Mutex::new(match &shared {
                Some(store) => Scratch::with_shared_cache(per_worker, Arc::clone(store)),
                None => Scratch::with_cache_limit(per_worker),
            })
        })
        .collect();
    let (batch_tx, batch_rx) = sync_channel::<Vec<Item>>(2);
    let (record_tx, record_rx) = sync_channel::<(Output, Counts)>(2);
    // With JSONL the only output, the workers encode their own records: the writer thread
    // then only copies bytes (it had been a tenth of the workers' CPU, a cap near ten
    // workers), and each record is freed by the thread that built it. With one worker too:
    // `--threads 1` is then one busy core, as a Spark task or `parallel -j N` counts it (the
    // writer encoding on a core of its own had made one worker use 1.15 cores).
    let encode = sinks.jsonl_only();
    let mut counts = Counts::default();
    let mut interrupted = false;
    let cut = Arc::new(AtomicBool::new(false));
    // The reader's view of `stop`, set by the analysis loop (the reader thread owns what it
    // uses: see below).
    let reader_stop = Arc::new(AtomicBool::new(false));

    // Reader: batches of documents, bounded in count and bytes. A thread of its own, not
    // joined: after a stop it may be blocked for ever on a stalled input (a live pipe), and
    // the run must end without it; it ends by itself at the next batch (the channel is then
    // closed) or with the process.
    {
        let reader_stop = Arc::clone(&reader_stop);
        let reader_cut = Arc::clone(&cut);
        let (skip, batch_docs, batch_bytes) =
            (config.skip as usize, config.batch_docs, config.batch_bytes);
        std::thread::Builder::new()
            .name("newsgraph-reader".into())
            .spawn(move || {
                let mut batch = Vec::new();
                let mut bytes = 0;
                // The first batches are small and double up to `batch_docs`: the workers wait
                // for the first one and the output for its end. With 512 documents first, the
                // first record of a 20 MB run reached standard output 100–175 ms after the
                // input was opened; with 32, 12–13 ms (`strace -tt`, two threads).
                let mut docs = batch_docs.min(FIRST_BATCH_DOCS);
                for item in inputs.skip(skip) {
                    bytes += item.text_len();
                    batch.push(item);
                    if batch.len() >= docs || bytes >= batch_bytes {
                        docs = docs.saturating_mul(2).min(batch_docs);
                        if reader_stop.load(Ordering::Relaxed) {
                            // Stopped with input left (this batch too): the run is interrupted
                            // even if the analysis loop never sees the signal.
                            reader_cut.store(true, Ordering::Relaxed);
                            return;
                        }
                        if batch_tx.send(std::mem::take(&mut batch)).is_err() {
                            return;
                        }
                        bytes = 0;
                    }
                }
                if !batch.is_empty() {
                    let _ = batch_tx.send(batch);
                }
            })
            .expect("a reader thread");
    }

    let result = std::thread::scope(|scope| {
        // Writer: feeds the sinks in order.
        let writer = scope.spawn(move || -> Result<Counts, SinkError> {
            let mut total = Counts::default();
            for (output, c) in record_rx {
                match output {
                    Output::Records(records) => {
                        for r in &records {
                            sinks.write(r)?;
                        }
                    }
                    Output::Encoded(buffers) => {
                        for b in &buffers {
                            sinks.write_encoded(b)?;
                        }
                    }
                }
                sinks.end_batch()?;
                total += c;
                let synced = if config.checkpoint {
                    sinks.checkpoint()?
                } else {
                    None
                };
                progress(&total, synced)?;
            }
            Ok(total)
        });

        // Analysis on the pool. One batch's output, in input order, with its counts.
        let analyze = |item: &Item| {
            let slot = rayon::current_thread_index().unwrap_or(0) % scratches.len();
            let mut scratch = scratches[slot].lock().unwrap_or_else(|e| e.into_inner());
            record_of(analyzer, item, config.default_date, &mut scratch)
        };
        let process = |batch: Vec<Item>| -> (Output, Counts) {
            let mut c = Counts {
                batches: 1,
                ..Counts::default()
            };
            let output = if encode {
                let parts: Vec<(Vec<u8>, Counts)> = batch
                    .par_chunks(ENCODE_CHUNK)
                    .map(|chunk| {
                        // A record's line is about twice its text (offsets, names, ids):
                        // sized once, the buffer is not copied as it grows.
                        let text: usize = chunk.iter().map(Item::text_len).sum();
                        let mut buffer = Vec::with_capacity(2 * text + 1024 * chunk.len());
                        let mut c = Counts::default();
                        for item in chunk {
                            let record = analyze(item);
                            c += Counts::of(&record, item.text_len());
                            encode_line(&mut buffer, &record);
                        }
                        (buffer, c)
                    })
                    .collect();
                let mut buffers = Vec::with_capacity(parts.len());
                for (b, part) in parts {
                    c += part;
                    buffers.push(b);
                }
                Output::Encoded(buffers)
            } else {
                let records: Vec<(Record, usize)> = batch
                    .par_iter()
                    .map(|item| (analyze(item), item.text_len()))
                    .collect();
                for (r, b) in &records {
                    c += Counts::of(r, *b);
                }
                Output::Records(records.into_iter().map(|x| x.0).collect())
            };
            (output, c)
        };
        // Batches overlap: the next one is handed to the pool before the last has finished, so
        // that no worker waits at the end of a batch for its slowest documents (with many
        // workers and few documents each, that wait grows); outputs still go to the writer in
        // input order, and at most `IN_FLIGHT` + 1 batches are in the pool at once.
        pool.in_place_scope(|scope| {
            // Owned here, so that it is closed as soon as the loop ends: a reader blocked on a
            // full channel then stops instead of waiting for ever.
            let batch_rx = batch_rx;
            let process = &process;
            let mut pending: VecDeque<Receiver<(Output, Counts)>> = VecDeque::new();
            // Hands the oldest batch's output to the writer once it is done; false when the
            // writer has failed (its error is reported below).
            let forward = |rx: Receiver<(Output, Counts)>| {
                rx.recv().is_ok_and(|done| record_tx.send(done).is_ok())
            };
            let mut writer_failed = false;
            loop {
                // Finished batches go to the writer as soon as they are done, in order: a
                // slow input («zcat … |», a live feed) does not hold back output that is ready.
                while let Some(front) = pending.front() {
                    match front.try_recv() {
                        Ok(done) => {
                            pending.pop_front();
                            if record_tx.send(done).is_err() {
                                writer_failed = true;
                                break;
                            }
                        }
                        Err(TryRecvError::Empty) => break,
                        // The job died without an answer (a panic outside a document's
                        // guard): it is reported when the scope ends.
                        Err(TryRecvError::Disconnected) => {
                            writer_failed = true;
                            break;
                        }
                    }
                }
                if writer_failed {
                    break;
                }
                if stop.load(Ordering::Relaxed) {
                    reader_stop.store(true, Ordering::Relaxed);
                }
                let batch = match batch_rx.recv_timeout(Duration::from_millis(20)) {
                    Ok(batch) => batch,
                    // Stopped while waiting for input: the input may be stalled (a live
                    // pipe), so the run ends without the rest; the reader is not waited for.
                    Err(RecvTimeoutError::Timeout) if stop.load(Ordering::Relaxed) => {
                        interrupted = true;
                        break;
                    }
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                let (tx, rx) = sync_channel(1);
                scope.spawn(move |_| {
                    let _ = tx.send(process(batch));
                });
                pending.push_back(rx);
                if pending.len() > IN_FLIGHT
                    && !forward(pending.pop_front().expect("pending is not empty"))
                {
                    writer_failed = true;
                    break;
                }
                if stop.load(Ordering::Relaxed) {
                    // The batches in hand are finished and written; nothing more is read.
                    interrupted = true;
                    break;
                }
            }
            drop(batch_rx);
            if !writer_failed {
                while let Some(rx) = pending.pop_front() {
                    if !forward(rx) {
                        break;
                    }
                }
            }
        });
        // A signal that reached the reader while the loop waited for a batch ends the loop
        // as the end of input would: the reader says whether input was left.
        if cut.load(Ordering::Relaxed) {
            interrupted = true;
        }
        drop(record_tx);
        writer.join().expect("the writer thread does not panic")
    });
    if !config.free_caches {
        std::mem::forget(scratches);
        std::mem::forget(shared);
    }
    counts += result?;
    Ok(Summary {
        counts,
        elapsed: started.elapsed(),
        interrupted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_that_documents_internal_error_and_the_next_one_runs() {
        let mut scratch = Scratch::default();
        let r = guarded("doc-7", &mut scratch, |_| panic!("index out of range"));
        let error = r.error.expect("an error record");
        assert_eq!(r.doc_id, "doc-7");
        assert_eq!(error.code, ErrorCode::Internal);
        assert!(error.message.contains("doc-7"), "{}", error.message);
        assert!(
            error.message.contains("index out of range"),
            "{}",
            error.message
        );
        assert!(r.mentions.is_empty() && r.events.is_empty());
        // A formatted panic message (a `String` payload) is kept too.
        let r = guarded("doc-8", &mut scratch, |_| panic!("bad offset {}", 12));
        assert!(r.error.unwrap().message.contains("bad offset 12"));
        // The same worker scratch serves the next document.
        let r = guarded("doc-9", &mut scratch, |_| Record::empty("doc-9".into()));
        assert_eq!((r.doc_id.as_str(), r.error), ("doc-9", None));
        // A worker's share of `--cache-words` outlives the panic.
        let mut scratch = Scratch::with_cache_limit(300);
        guarded("doc-10", &mut scratch, |_| panic!("boom"));
        assert_eq!(scratch.cache_limit(), 300);
    }
}
