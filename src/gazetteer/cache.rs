//! The compiled gazetteer kept on disk between runs.
//!
//! Compiling the gazetteer inflects every name with the morphology dictionary: about 0.13
//! CPU-seconds, most of a short run's start-up, and paid again by every process, as when
//! Spark pipes each partition through a new one. A compiled gazetteer is written once to a
//! cache folder and read back by later runs (a few milliseconds).
//!
//! An entry is found by a key that hashes everything the compiled result depends on: the
//! gazetteer files' names and bytes, this build of newsgraph (its version and a hash of its
//! sources and `Cargo.lock`, made by `build.rs`, so a changed compiler of names never reads
//! an old entry), the file format and the target. The morphology dictionary's description of
//! itself is kept in the entry instead ([`crate::Gazetteer::compiled_with`]), so that the
//! entry can be read while the dictionary loads; an entry compiled with another dictionary (a
//! dictionary patched in without a change to `Cargo.lock`) is compiled again and replaced. An
//! entry that cannot be used (missing, cut short, corrupted, of another format) is ignored
//! and compiled afresh, so the cache can change how long start-up takes and never what is
//! matched. Entries are written to a temporary file and renamed into place, so processes
//! that compile at the same time never read each other's half-written files.
//!
//! The key is no secret and the CRC-32 no signature: whoever may write to the folder could
//! plant an entry, and the matchers trust a decoded gazetteer's indices. So the folder is made
//! `0700` and its entries `0600`, and a folder or entry that others may write to is not used.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Gazetteer;

/// First bytes of an entry; the last one is the layout's version.
const MAGIC: &[u8; 8] = b"NGGAZC\x00\x01";
/// Bytes before the payload: magic, key, payload length (u64), CRC-32 of the payload (u32).
const HEADER: usize = 8 + 32 + 8 + 4;

/// What a compiled gazetteer depends on, hashed: an entry is used only under its own key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CacheKey([u8; 32]);

impl CacheKey {
    /// The key of a gazetteer compiled from `files` (name, content) by this build, and
    /// `morph`, what else the entry depends on (newsgraph passes nothing: the dictionary's
    /// identity is kept in the entry instead, [`crate::Gazetteer::compiled_with`], so that a
    /// dictionary patched into the build without a change to `Cargo.lock` is still noticed).
    pub fn of<'a>(morph: &str, files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> CacheKey {
        let mut h = Sha256::new();
        h.update(MAGIC);
        for part in [
            env!("CARGO_PKG_VERSION"),
            env!("NEWSGRAPH_BUILD_ID"),
            std::env::consts::ARCH,
            std::env::consts::OS,
            morph,
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        for (name, bytes) in files {
            h.update((name.len() as u64).to_le_bytes());
            h.update(name.as_bytes());
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        }
        CacheKey(h.finalize().into())
    }

    /// The first 16 bytes in hex: the entry's file name.
    fn short_hex(&self) -> String {
        self.0[..16].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// How the gazetteer of a run was had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CacheUse {
    /// Read from the cache.
    Hit,
    /// Compiled, and written to the cache.
    Stored,
    /// Compiled; the cache had no usable entry and none could be written (the reason).
    Unwritable(String),
    /// Compiled without a cache.
    Off,
}

/// A folder of compiled gazetteers.
#[derive(Clone, Debug)]
pub struct GazetteerCache {
    dir: PathBuf,
}

impl GazetteerCache {
    /// A cache in `dir` (created when the first entry is written).
    pub fn new(dir: impl Into<PathBuf>) -> GazetteerCache {
        GazetteerCache { dir: dir.into() }
    }

    /// The usual place: `$XDG_CACHE_HOME/newsgraph`, else `$HOME/.cache/newsgraph`.
    pub fn default_dir() -> Option<PathBuf> {
        let nonempty = |v: &str| std::env::var_os(v).filter(|s| !s.is_empty());
        nonempty("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| nonempty("HOME").map(|home| Path::new(&home).join(".cache")))
            .map(|base| base.join("newsgraph"))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of the entry under `key`.
    pub fn path(&self, key: &CacheKey) -> PathBuf {
        self.dir.join(format!("gazetteer-{}.bin", key.short_hex()))
    }

    /// Entries kept: the ones read or written last (see [`GazetteerCache::store`]).
    pub const KEEP: usize = 8;

    /// Why the folder must not be used, if it must not: one that other users may write to
    /// could hold an entry made to match a key (the key is no secret and the CRC no
    /// signature), and the matchers trust a decoded gazetteer's indices. A folder that does
    /// not exist yet is fine (it is created private to the umask).
    pub fn refusal(&self) -> Option<String> {
        let meta = std::fs::metadata(&self.dir).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if meta.permissions().mode() & 0o022 != 0 {
                return Some(format!(
                    "{}: writable by other users, not used",
                    self.dir.display()
                ));
            }
        }
        (!meta.is_dir()).then(|| format!("{}: not a folder", self.dir.display()))
    }

    /// The gazetteer stored under `key`, or `None` when there is no usable entry (an entry
    /// others may write to is not used). A usable entry's modification time is set to now
    /// (best effort), so that pruning keeps the entries in use.
    pub fn load(&self, key: &CacheKey) -> Option<Gazetteer> {
        let path = self.path(key);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).ok()?.permissions().mode();
            if mode & 0o022 != 0 {
                return None;
            }
        }
        let bytes = std::fs::read(&path).ok()?;
        let gazetteer = decode(&bytes, key)?;
        if let Ok(f) = std::fs::File::options().append(true).open(&path) {
            let _ = f.set_modified(std::time::SystemTime::now());
        }
        Some(gazetteer)
    }

    /// Writes `gazetteer` under `key`, replacing any entry there.
    pub fn store(&self, key: &CacheKey, gazetteer: &Gazetteer) -> std::io::Result<()> {
        let bytes = encode(gazetteer, key)?;
        // Private to the user whatever the umask: [`GazetteerCache::refusal`] and `load`
        // refuse folders and entries others may write to.
        let mut folder = std::fs::DirBuilder::new();
        folder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut folder, 0o700);
        folder.create(&self.dir)?;
        let path = self.path(key);
        // A name of this process's own (its id and the time in nanoseconds: ids repeat across
        // containers sharing a folder), created new, never opened if it exists: another
        // process writing the same entry at the same time writes another file, and either
        // rename leaves a whole entry.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let tmp = self.dir.join(format!(
            ".gazetteer-{}.{}-{nanos}.tmp",
            key.short_hex(),
            std::process::id()
        ));
        // Not synced to disk: an entry torn by a crash fails its CRC and is compiled again.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = options.open(&tmp).and_then(|mut f| f.write_all(&bytes));
        match written.and_then(|()| std::fs::rename(&tmp, &path)) {
            Ok(()) => {
                self.prune();
                Ok(())
            }
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }

    /// Keeps the [`GazetteerCache::KEEP`] entries used last and removes the others, and
    /// temporary files an interrupted writer left more than an hour ago: every new build
    /// and every edited gazetteer folder adds an entry, and nothing else would ever remove
    /// the old ones. Best effort: a file that cannot be removed stays.
    fn prune(&self) {
        let Ok(listing) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let now = std::time::SystemTime::now();
        let mut entries = Vec::new();
        for item in listing.flatten() {
            let name = item.file_name();
            let name = name.to_string_lossy();
            let Ok(modified) = item.metadata().and_then(|m| m.modified()) else {
                continue;
            };
            if name.starts_with(".gazetteer-") && name.ends_with(".tmp") {
                let age = now.duration_since(modified).unwrap_or_default();
                if age > std::time::Duration::from_secs(3600) {
                    let _ = std::fs::remove_file(item.path());
                }
            } else if name.starts_with("gazetteer-") && name.ends_with(".bin") {
                entries.push((modified, item.path()));
            }
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.0));
        for (_, path) in entries.into_iter().skip(Self::KEEP) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// An entry's bytes: header, then the gazetteer in postcard's compact encoding.
fn encode(gazetteer: &Gazetteer, key: &CacheKey) -> std::io::Result<Vec<u8>> {
    let payload = postcard::to_stdvec(gazetteer).map_err(std::io::Error::other)?;
    let mut bytes = Vec::with_capacity(HEADER + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&key.0);
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    Ok(bytes)
}

/// The gazetteer of an entry's bytes, if they are whole and stored under `key`. The CRC is
/// checked before decoding: a decoded gazetteer's indices are trusted by the matchers, so
/// damaged bytes must never be decoded into one.
fn decode(bytes: &[u8], key: &CacheKey) -> Option<Gazetteer> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC || bytes[8..40] != key.0 {
        return None;
    }
    let len = u64::from_le_bytes(bytes[40..48].try_into().ok()?);
    let crc = u32::from_le_bytes(bytes[48..52].try_into().ok()?);
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != len || crc32fast::hash(payload) != crc {
        return None;
    }
    let mut gazetteer: Gazetteer = postcard::from_bytes(payload).ok()?;
    gazetteer.serial = super::next_serial();
    Some(gazetteer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Morph;

    /// The test fixture gazetteer (every kind of row, offices and titles), compiled.
    fn small() -> (Gazetteer, CacheKey) {
        let files = [
            (
                "entities.tsv",
                include_str!("../../tests/fixtures/gazetteer/entities.tsv"),
            ),
            (
                "offices.tsv",
                include_str!("../../tests/fixtures/gazetteer/offices.tsv"),
            ),
            (
                "people.tsv",
                include_str!("../../tests/fixtures/gazetteer/people.tsv"),
            ),
            (
                "titles.tsv",
                include_str!("../../tests/fixtures/gazetteer/titles.tsv"),
            ),
        ];
        let src =
            super::super::SourceSet::parse_files(files.iter().map(|(n, t)| (Path::new(*n), *t)))
                .unwrap();
        let morph = Morph::bundled().unwrap();
        let key = CacheKey::of("test", files.iter().map(|(n, t)| (*n, t.as_bytes())));
        (super::super::compile::compile(&src, &morph), key)
    }

    #[test]
    fn an_entry_reads_back_as_the_same_gazetteer_with_a_new_serial() {
        let (gaz, key) = small();
        let mut back = decode(&encode(&gaz, &key).unwrap(), &key).unwrap();
        assert_ne!(back.serial(), gaz.serial());
        back.serial = gaz.serial;
        // Every field, hash maps compared as maps (their order after reading differs).
        assert!(back == gaz);
    }

    #[test]
    fn the_bundled_gazetteer_reads_back_equal() {
        let morph = Morph::bundled().unwrap();
        let gaz = Gazetteer::embedded(&morph).unwrap();
        let key = CacheKey::of("test", [("x", &b""[..])]);
        let mut back = decode(&encode(&gaz, &key).unwrap(), &key).unwrap();
        back.serial = gaz.serial;
        assert!(back == gaz);
    }

    #[test]
    fn damaged_or_foreign_entries_are_not_used() {
        let (gaz, key) = small();
        let bytes = encode(&gaz, &key).unwrap();
        let other = CacheKey::of("test", [("people.tsv", &b"other"[..])]);
        assert!(decode(&bytes, &other).is_none(), "another key");
        for cut in [0, 7, HEADER - 1, HEADER, bytes.len() - 1] {
            assert!(decode(&bytes[..cut], &key).is_none(), "cut at {cut}");
        }
        // One flipped bit anywhere in the payload or the header.
        for at in (0..bytes.len()).step_by(97) {
            let mut bad = bytes.clone();
            bad[at] ^= 0x10;
            assert!(decode(&bad, &key).is_none(), "bit flipped at {at}");
        }
        assert!(decode(&bytes, &key).is_some());
    }

    #[test]
    fn an_entry_compiled_with_another_dictionary_is_compiled_again() {
        let dir = tempfile::tempdir().unwrap();
        let cache = GazetteerCache::new(dir.path().join("cache"));
        let morph = Morph::bundled().unwrap();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gazetteer");
        let (first, used) = Gazetteer::load_dir_cached(&fixtures, &morph, Some(&cache)).unwrap();
        assert_eq!(used, CacheUse::Stored);
        assert_eq!(first.compiled_with(), morph.identity());
        // Read back without the dictionary: the same entry.
        let read = Gazetteer::from_cache(Some(&fixtures), &cache).expect("the stored entry");
        assert_eq!(read.compiled_with(), morph.identity());
        // The same entry, as another dictionary would have compiled it.
        let (files, _) = super::super::SourceSet::read_files(&fixtures).unwrap();
        let files: Vec<(&Path, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_path(), t.as_str()))
            .collect();
        let mut other = first.clone();
        other.morph = "another dictionary|1".to_string();
        cache
            .store(&super::super::cache_key(&files), &other)
            .unwrap();
        let (again, used) = Gazetteer::load_dir_cached(&fixtures, &morph, Some(&cache)).unwrap();
        assert_eq!(used, CacheUse::Stored, "compiled again, not read");
        assert_eq!(again.compiled_with(), morph.identity());
        let (_, used) = Gazetteer::load_dir_cached(&fixtures, &morph, Some(&cache)).unwrap();
        assert_eq!(used, CacheUse::Hit);
    }

    #[test]
    fn the_key_changes_with_any_byte_or_name_of_the_files() {
        let a = CacheKey::of("test", [("a.tsv", &b"x\ty"[..])]);
        assert_eq!(a, CacheKey::of("test", [("a.tsv", &b"x\ty"[..])]));
        assert_ne!(a, CacheKey::of("test", [("a.tsv", &b"x\tz"[..])]));
        assert_ne!(a, CacheKey::of("test", [("b.tsv", &b"x\ty"[..])]));
        // So is the morphology dictionary.
        assert_ne!(a, CacheKey::of("other", [("a.tsv", &b"x\ty"[..])]));
        // Where one file ends and the next begins is part of the key.
        assert_ne!(
            CacheKey::of("test", [("a.tsv", &b"xy"[..]), ("b.tsv", &b""[..])]),
            CacheKey::of("test", [("a.tsv", &b"x"[..]), ("b.tsv", &b"y"[..])])
        );
    }

    #[test]
    fn old_entries_and_stale_temporary_files_are_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let cache = GazetteerCache::new(dir.path());
        let hours_ago =
            |h: u64| std::time::SystemTime::now() - std::time::Duration::from_secs(3600 * h + 60);
        let file = |name: &str, age_hours: u64| {
            let path = dir.path().join(name);
            std::fs::write(&path, b"x").unwrap();
            let f = std::fs::File::options().append(true).open(&path).unwrap();
            f.set_modified(hours_ago(age_hours)).unwrap();
        };
        // Ten older entries, the one used last an hour ago, the others days before.
        for i in 0..10u64 {
            file(&format!("gazetteer-old{i:02}.bin"), 1 + 24 * i);
        }
        file(".gazetteer-stale.1.tmp", 2);
        file(".gazetteer-busy.2.tmp", 0);
        file("unrelated.txt", 1000);
        let (gaz, key) = small();
        cache.store(&key, &gaz).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        let mut expect: Vec<String> = (0..7).map(|i| format!("gazetteer-old{i:02}.bin")).collect();
        expect.push(".gazetteer-busy.2.tmp".into());
        expect.push(
            cache
                .path(&key)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into(),
        );
        expect.push("unrelated.txt".into());
        expect.sort();
        assert_eq!(names, expect);
        // Reading an entry marks it used.
        let oldest = dir.path().join("gazetteer-old06.bin");
        let before = std::fs::metadata(&oldest).unwrap().modified().unwrap();
        assert!(before < hours_ago(100));
        let entry = cache.path(&key);
        std::fs::File::options()
            .append(true)
            .open(&entry)
            .unwrap()
            .set_modified(hours_ago(1000))
            .unwrap();
        assert!(cache.load(&key).is_some());
        let touched = std::fs::metadata(&entry).unwrap().modified().unwrap();
        assert!(touched > hours_ago(1));
    }

    #[cfg(unix)]
    #[test]
    fn folders_and_entries_others_may_write_are_not_used() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let cache = GazetteerCache::new(dir.path().join("c"));
        assert_eq!(cache.refusal(), None, "a folder still to be made");
        let (gaz, key) = small();
        cache.store(&key, &gaz).unwrap();
        assert_eq!(cache.refusal(), None);
        assert!(cache.load(&key).is_some());
        let set = |path: &Path, mode: u32| {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
        };
        set(&cache.path(&key), 0o666);
        assert!(cache.load(&key).is_none(), "an entry anyone may write");
        set(&cache.path(&key), 0o644);
        assert!(cache.load(&key).is_some());
        set(cache.dir(), 0o777);
        assert!(cache.refusal().unwrap().contains("writable by other users"));
        set(cache.dir(), 0o775);
        assert!(cache.refusal().is_some(), "group-writable");
        set(cache.dir(), 0o755);
        assert_eq!(cache.refusal(), None);
    }

    #[test]
    fn store_then_load_and_a_damaged_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = GazetteerCache::new(dir.path().join("sub"));
        let (gaz, key) = small();
        assert!(cache.load(&key).is_none());
        cache.store(&key, &gaz).unwrap();
        let names: Vec<_> = std::fs::read_dir(cache.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
        assert!(cache.load(&key).is_some());
        std::fs::write(cache.path(&key), b"NGGAZC\x00\x01 but cut short").unwrap();
        assert!(cache.load(&key).is_none());
    }
}
