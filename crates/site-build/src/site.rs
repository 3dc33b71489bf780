//! Writes a site directory whole or not at all: the files go into a fresh
//! directory beside the target, which then takes the target's place, so a
//! build that fails or is killed midway never leaves a half directory.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Writes `files` (`(name, contents)`) as the directory `out`, replacing
/// what was there. The parent is created if missing.
pub fn write_whole(out: &Path, files: &[(&str, &[u8])]) -> io::Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = out
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a directory name"))?
        .to_string_lossy()
        .into_owned();
    fs::create_dir_all(&parent)?;
    let beside = |what: &str| parent.join(format!(".{file_name}.{what}-{}", std::process::id()));
    let temp = beside("new");
    let result = fill(&temp, files).and_then(|()| replace(&temp, out, &beside("old")));
    if result.is_err() {
        let _ = fs::remove_dir_all(&temp);
    }
    result
}

fn fill(dir: &Path, files: &[(&str, &[u8])]) -> io::Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir(dir)?;
    for (name, contents) in files {
        fs::write(dir.join(name), contents)?;
    }
    Ok(())
}

/// `temp` becomes `out`; an earlier `out` is moved aside first and removed
/// after (a rename cannot replace a non-empty directory).
fn replace(temp: &Path, out: &Path, old: &Path) -> io::Result<()> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(temp, out);
    }
    if !out.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "exists and is not a directory",
        ));
    }
    fs::rename(out, old)?;
    if let Err(e) = fs::rename(temp, out) {
        let _ = fs::rename(old, out);
        return Err(e);
    }
    fs::remove_dir_all(old)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("site-build-test-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn writes_a_new_directory_and_replaces_an_old_one_whole() {
        let root = scratch("replace");
        let out = root.join("site");
        write_whole(&out, &[("a.txt", b"one"), ("b.txt", b"two")]).unwrap();
        assert_eq!(fs::read(out.join("b.txt")).unwrap(), b"two");
        write_whole(&out, &[("a.txt", b"three")]).unwrap();
        assert_eq!(fs::read(out.join("a.txt")).unwrap(), b"three");
        assert!(
            !out.join("b.txt").exists(),
            "the old directory is gone whole"
        );
        let left: Vec<_> = fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            left,
            vec![std::ffi::OsString::from("site")],
            "no temporary left"
        );
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn leaves_a_file_in_the_way_alone() {
        let root = scratch("file");
        let out = root.join("site");
        fs::write(&out, b"keep").unwrap();
        assert!(write_whole(&out, &[("a.txt", b"x")]).is_err());
        assert_eq!(fs::read(&out).unwrap(), b"keep");
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1, "no temporary left");
        fs::remove_dir_all(root).unwrap();
    }
}
