//! Faults: kills and interrupts, broken pipes, unwritable output, a full disk. Nothing is
//! lost or duplicated, nothing panics, no partial file appears under a final name.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_newsgraph"))
}

/// `sh`, with the binary's cache in the tests' folder.
fn sh() -> Command {
    let mut cmd = Command::new("sh");
    cmd.env("XDG_CACHE_HOME", test_cache());
    cmd
}

/// The binary as a std command (these tests send it signals), caching in the tests' folder.
fn ng() -> Command {
    let mut cmd = Command::new(bin());
    cmd.env("XDG_CACHE_HOME", test_cache());
    cmd
}

/// NEREL dev repeated `times`, with fresh ids: a corpus that takes a while.
fn corpus(dir: &Path, times: usize) -> PathBuf {
    let (one, _) = nerel_dev_jsonl(dir);
    let text = std::fs::read_to_string(&one).unwrap();
    let mut out = String::new();
    for t in 0..times {
        for (n, line) in text.lines().enumerate() {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["id"] = format!("r{t}-{n}").into();
            out += &v.to_string();
            out.push('\n');
        }
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, out).unwrap();
    path
}

fn final_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().to_string())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn signal(pid: u32, sig: &str) {
    let status = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn resume_after_sigkill_at_random_points_loses_and_repeats_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 30);
    let args = |out: &Path| {
        vec![
            "extract".to_string(),
            "--quiet".into(),
            "--format".into(),
            "jsonl,csv".into(),
            "--batch-docs".into(),
            "16".into(),
            "-o".into(),
            out.to_string_lossy().to_string(),
            input.to_string_lossy().to_string(),
        ]
    };
    let clean = dir.path().join("clean");
    let status = ng().args(args(&clean)).status().unwrap();
    assert!(status.success());
    let want = std::fs::read(clean.join("records.jsonl")).unwrap();

    // Kill points spread over the run, the same on every machine (no clock-based seed).
    for (k, delay_ms) in [15u64, 120, 260].into_iter().enumerate() {
        let out = dir.path().join(format!("resumed-{k}"));
        let mut resumable = args(&out);
        resumable.push("--resume".into());
        let mut kills = 0;
        loop {
            let mut child = ng().args(&resumable).stderr(Stdio::null()).spawn().unwrap();
            // Wait for the first checkpoint, then a bit more, then SIGKILL.
            let started = Instant::now();
            let checkpoint = out.join(".newsgraph-checkpoint.json");
            while !checkpoint.exists() && started.elapsed() < Duration::from_secs(20) {
                if child.try_wait().unwrap().is_some() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            std::thread::sleep(Duration::from_millis(delay_ms * (kills + 1)));
            match child.try_wait().unwrap() {
                Some(status) => {
                    assert!(status.success(), "{status:?}");
                    break;
                }
                None if kills < 2 => {
                    signal(child.id(), "-KILL");
                    child.wait().unwrap();
                    kills += 1;
                    // A final name appears only when its file is complete: a kill that lands
                    // while the other formats are being finished may find it already there.
                    if out.join("records.jsonl").exists() {
                        assert!(
                            std::fs::read(out.join("records.jsonl")).unwrap() == want,
                            "records.jsonl under its final name but incomplete"
                        );
                    }
                }
                None => {
                    assert!(child.wait().unwrap().success());
                    break;
                }
            }
        }
        let got = std::fs::read(out.join("records.jsonl")).unwrap();
        assert!(
            got == want,
            "resumed output differs after {kills} kills at {delay_ms} ms"
        );
        assert!(!out.join(".newsgraph-checkpoint.json").exists());
        assert_eq!(
            std::fs::read(out.join("events.csv")).unwrap(),
            std::fs::read(clean.join("events.csv")).unwrap()
        );
    }
}

#[test]
fn sigint_stops_cleanly_and_rolls_back_without_resume() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 12);
    for (resume, out) in [(false, "plain"), (true, "resumable")] {
        let out = dir.path().join(out);
        let mut cmd = ng();
        cmd.args([
            "extract",
            "--quiet",
            "--batch-docs",
            "16",
            "--format",
            "jsonl,csv,brat,graphml",
            "-o",
        ])
        .arg(&out)
        .arg(&input)
        .stderr(Stdio::piped());
        if resume {
            cmd.arg("--resume");
        }
        let mut child = cmd.spawn().unwrap();
        // Interrupt once the run is writing (its temporary files exist) and a batch is done.
        let started = Instant::now();
        let writing = |out: &Path| {
            std::fs::read_dir(out).is_ok_and(|rd| {
                rd.filter_map(|e| e.ok()).any(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .starts_with(".newsgraph-checkpoint")
                        || (!resume && e.file_name().to_string_lossy().starts_with(".records"))
                })
            })
        };
        while !writing(&out)
            && started.elapsed() < Duration::from_secs(20)
            && child.try_wait().unwrap().is_none()
        {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(30));
        signal(child.id(), "-INT");
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        match output.status.code() {
            Some(130) => {
                assert!(final_names(&out).is_empty(), "{:?}", final_names(&out));
                assert_eq!(out.join(".newsgraph-checkpoint.json").exists(), resume);
            }
            // The run may finish before the signal arrives on a fast machine.
            Some(0) => assert!(out.join("manifest.json").exists()),
            other => panic!("exit {other:?}: {stderr}"),
        }
    }
}

#[test]
fn sigint_on_stdout_leaves_the_records_written_so_far_in_order_and_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 12);
    let ids: Vec<String> = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    let stdout_path = dir.path().join("out.jsonl");
    let mut child = ng()
        .args(["extract", "--quiet", "--threads", "2", "--batch-docs", "16"])
        .arg(&input)
        .stdout(std::fs::File::create(&stdout_path).unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt once some records are out (unless the run has already ended).
    let started = Instant::now();
    let mut ended = false;
    while std::fs::metadata(&stdout_path).map_or(0, |m| m.len()) == 0
        && started.elapsed() < Duration::from_secs(20)
    {
        if child.try_wait().unwrap().is_some() {
            ended = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    if !ended {
        signal(child.id(), "-INT");
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let out = std::fs::read_to_string(&stdout_path).unwrap();
    let got: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc_id"].to_string())
        .collect();
    match output.status.code() {
        Some(130) => {
            // Whole batches, the first ones, in input order, and as many as the message says.
            // (A signal after the last batch was read stops a run that has nothing left.)
            assert!(!got.is_empty() && got.len() <= ids.len(), "{}", got.len());
            if got.len() < ids.len() {
                assert_eq!(got.len() % 16, 0, "whole batches of 16: {}", got.len());
            }
            assert_eq!(got[..], ids[..got.len()]);
            let said = format!(
                "interrupted after {} documents; their records are on standard output",
                got.len()
            );
            assert!(stderr.contains(&said), "{stderr}");
        }
        // The run may finish before the signal arrives on a fast machine.
        Some(0) => assert_eq!(got, ids),
        other => panic!("exit {other:?}: {stderr}"),
    }
}

/// A run reading JSONL from a pipe (`--threads 2 --batch-docs 16`, records to `stdout_path`)
/// fed the first 20 of `lines`, once its first batch of 16 records is written: the child and
/// the pipe, still open.
fn run_fed_20_lines(
    lines: &[String],
    stdout_path: &Path,
) -> (std::process::Child, std::process::ChildStdin) {
    use std::io::Write;
    let mut child = ng()
        .args(["extract", "--quiet", "--threads", "2", "--batch-docs", "16"])
        .stdin(Stdio::piped())
        .stdout(std::fs::File::create(stdout_path).unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for l in &lines[..20] {
        writeln!(stdin, "{l}").unwrap();
    }
    stdin.flush().unwrap();
    let started = Instant::now();
    while std::fs::read_to_string(stdout_path).map_or(0, |s| s.lines().count()) < 16 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no first batch"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    (child, stdin)
}

#[test]
fn sigint_while_input_trickles_in_is_an_interruption_not_a_short_success() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 1);
    let lines: Vec<String> = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .take(40)
        .map(str::to_string)
        .collect();
    let stdout_path = dir.path().join("out.jsonl");
    // The first batch is written; the reader waits for more input.
    let (child, mut stdin) = run_fed_20_lines(&lines, &stdout_path);
    signal(child.id(), "-INT");
    std::thread::sleep(Duration::from_millis(100));
    // More input arrives after the signal: the reader stops with input left.
    for l in &lines[20..] {
        let _ = writeln!(stdin, "{l}");
    }
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let written = std::fs::read_to_string(&stdout_path)
        .unwrap()
        .lines()
        .count();
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(written < lines.len(), "{written}");
    assert!(
        stderr.contains(&format!("interrupted after {written} documents")),
        "{stderr}"
    );
}

#[test]
fn sigint_with_input_stalled_ends_the_run_without_waiting_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 1);
    let lines: Vec<String> = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .take(20)
        .map(str::to_string)
        .collect();
    let stdout_path = dir.path().join("out.jsonl");
    // 20 documents, and the pipe stays open with nothing more: a stalled live feed.
    let (mut child, stdin) = run_fed_20_lines(&lines, &stdout_path);
    signal(child.id(), "-INT");
    // One signal is enough: the run ends though the reader is blocked on the open pipe.
    let stopped = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if stopped.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("still running 20 s after SIGINT with the input stalled");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    drop(stdin);
    assert_eq!(code, Some(130));
    let written = std::fs::read_to_string(&stdout_path)
        .unwrap()
        .lines()
        .count();
    assert_eq!(written, 16, "the finished batch, in full");
}

#[test]
fn broken_pipe_on_stdout_is_a_quiet_success() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 4);
    let mut child = ng()
        .args(["extract", "--quiet"])
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout); // like `| head -c 64`
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

#[test]
fn unwritable_output_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let out = newsgraph()
        .args(["extract", "--quiet", "-o"])
        .arg(file.join("sub"))
        .arg(seed())
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot create output folder"));
}

#[test]
fn full_disk_exits_3_without_final_names() {
    // A file-size limit stands in for a full disk: with SIGXFSZ ignored (inherited through
    // exec), writes past the limit fail with EFBIG like they would with ENOSPC.
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 2);
    let out = dir.path().join("out");
    let script = format!(
        "trap '' XFSZ; ulimit -f 64; exec '{}' extract --quiet --format jsonl,csv -o '{}' '{}'",
        bin().display(),
        out.display(),
        input.display()
    );
    let output = sh().arg("-c").arg(&script).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(final_names(&out).is_empty(), "{:?}", final_names(&out));
    // And on standard output: /dev/full says ENOSPC.
    let output = sh()
        .arg("-c")
        .arg(format!(
            "'{}' extract --quiet '{}' > /dev/full",
            bin().display(),
            input.display()
        ))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&output.stderr).contains("No space left on device"));
}

#[test]
fn resume_after_a_kill_between_commit_and_checkpoint_removal() {
    // The window a random kill rarely hits: records.jsonl is complete under its final name
    // and the checkpoint is still there. Built by hand so that it is tested every time.
    let dir = tempfile::tempdir().unwrap();
    let (input, docs) = nerel_dev_jsonl(dir.path());
    let out = dir.path().join("out");
    let args = [
        "extract",
        "--quiet",
        "--format",
        "jsonl,csv",
        "--resume",
        "-o",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ];
    assert!(ng().args(args).status().unwrap().success());
    let want = std::fs::read(out.join("records.jsonl")).unwrap();
    let checkpoint = |bytes: u64| {
        serde_json::json!({
            "inputs": [input.to_string_lossy()],
            "documents": docs,
            "errors": 0,
            "mentions": 0,
            "events": 0,
            "records_bytes": bytes,
        })
        .to_string()
    };
    std::fs::write(
        out.join(".newsgraph-checkpoint.json"),
        checkpoint(want.len() as u64),
    )
    .unwrap();
    std::fs::remove_file(out.join("events.csv")).unwrap();
    assert!(ng().args(args).status().unwrap().success());
    assert!(std::fs::read(out.join("records.jsonl")).unwrap() == want);
    assert!(out.join("events.csv").exists());
    assert!(!out.join(".newsgraph-checkpoint.json").exists());

    // A checkpoint that vouches for more bytes than exist is refused, never padded.
    std::fs::write(
        out.join(".newsgraph-checkpoint.json"),
        checkpoint(want.len() as u64 + 1000),
    )
    .unwrap();
    let run = ng().args(args).output().unwrap();
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("checkpoint vouches"), "{err}");
    assert!(
        std::fs::read(out.join("records.jsonl")).unwrap() == want,
        "left as it was"
    );
}
