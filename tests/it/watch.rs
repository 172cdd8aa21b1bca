//! File notifications (`shell::watch`): the config file is followed wherever it really lives.

#![cfg(target_os = "linux")]

use std::time::Duration;

use serein::shell::watch::FileWatch;

/// A config file kept in a dotfiles repository and linked into `~/.config/serein` (stow,
/// home-manager): an editor writes the file the link points to, in another folder. That
/// write must still be seen.
#[tokio::test]
async fn a_symlinked_config_is_followed_in_the_folder_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("dotfiles");
    let cfg = dir.path().join("config");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::create_dir_all(&cfg).unwrap();
    let real = repo.join("serein.toml");
    std::fs::write(&real, "default_domain = \"work\"\n").unwrap();
    let link = cfg.join("config.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();

    let watch = FileWatch::new(None, Some(&link)).expect("inotify");
    assert!(watch.watches_config());
    // Written in place, as vim does through a link.
    std::fs::write(&real, "default_domain = \"personal\"\n").unwrap();
    let changed = tokio::time::timeout(Duration::from_secs(5), watch.changed())
        .await
        .expect("the write to the link's target was seen")
        .unwrap();
    assert!(changed.config, "{changed:?}");
}

/// The link itself replaced (pointed elsewhere) is seen too.
#[tokio::test]
async fn a_replaced_config_link_is_seen() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("a.toml");
    std::fs::write(&real, "").unwrap();
    let cfg = dir.path().join("cfg");
    std::fs::create_dir_all(&cfg).unwrap();
    let link = cfg.join("config.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let watch = FileWatch::new(None, Some(&link)).expect("inotify");
    let other = dir.path().join("b.toml");
    std::fs::write(&other, "").unwrap();
    let tmp = cfg.join("config.toml.new");
    std::os::unix::fs::symlink(&other, &tmp).unwrap();
    std::fs::rename(&tmp, &link).unwrap();
    let changed = tokio::time::timeout(Duration::from_secs(5), watch.changed())
        .await
        .expect("the new link was seen")
        .unwrap();
    assert!(changed.config, "{changed:?}");
}
