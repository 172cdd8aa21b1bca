#!/bin/sh
# Builds serein's Debian package and checks it: its contents (binary, man page, completions
# for bash, zsh and fish, the systemd user unit) and that it installs and runs on a clean
# Debian — a debootstrap'd chroot when run as root with debootstrap installed (kept in
# $CARGO_TARGET_DIR/debian/chroot-base and copied for each run), else `dpkg --root` in a
# throwaway folder, running the installed binary from there. Too slow for `cargo test`
# (a release build); run it before a release.
#
#   scripts/check-deb.sh [--no-build]
#
# Needs cargo-deb (`cargo install cargo-deb --locked`) and dpkg-deb.
set -eu
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
suite=${SEREIN_DEB_SUITE:-bookworm}
fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }
step() { echo "check-deb: $*"; }

if [ "${1:-}" != "--no-build" ]; then
    step "cargo build --release --locked"
    cargo build --release --locked
fi
scripts/gen-assets.sh
rm -f "$target"/debian/serein_*.deb
step "cargo deb --no-build"
cargo deb --no-build --output "$target/debian/"
deb=$(ls "$target"/debian/serein_*.deb)
step "built $deb ($(du -k "$deb" | cut -f1) KiB)"

contents=$(dpkg-deb -c "$deb")
for path in \
    ./usr/bin/serein \
    ./usr/share/man/man1/serein.1.gz \
    ./usr/share/bash-completion/completions/serein \
    ./usr/share/zsh/vendor-completions/_serein \
    ./usr/share/fish/vendor_completions.d/serein.fish \
    ./usr/lib/systemd/user/serein.service \
    ./usr/share/doc/serein/copyright; do
    echo "$contents" | grep -q " $path\$" || fail "$path is not in the package"
done
step "contents: binary, man page, completions (bash, zsh, fish), user unit, copyright"
dpkg-deb -f "$deb" Package Version Depends | sed 's/^/check-deb:   /'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/x"
grep -qx 'ExecStart=/usr/bin/serein daemon --stay' "$work/x/usr/lib/systemd/user/serein.service" ||
    fail "the packaged unit does not run /usr/bin/serein"
gzip -dc "$work/x/usr/share/man/man1/serein.1.gz" | grep -q '^\.TH serein 1' ||
    fail "the man page has no .TH header"
grep -q 'complete' "$work/x/usr/share/bash-completion/completions/serein" ||
    fail "the bash completion looks empty"

# A command run as a user of the installed package would: a private HOME, no daemon.
smoke='export HOME=/tmp/serein-home SEREIN_NO_DAEMON=1 SEREIN_NOW=2026-11-23T09:00
serein --version
serein plan add "09:00-10:00 Check the package #work" >/dev/null
serein start 1 >/dev/null
serein status --format waybar
serein status --format "{title} {state}"
serein stop >/dev/null'

if [ "$(id -u)" = 0 ] && command -v debootstrap >/dev/null; then
    base=$target/debian/chroot-base-$suite
    if [ ! -x "$base/usr/bin/dpkg" ]; then
        step "debootstrap --variant=minbase $suite (once, into $base)"
        rm -rf "$base"
        debootstrap --variant=minbase "$suite" "$base" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
            { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
    fi
    root=$work/root
    cp -a "$base" "$root"
    cp "$deb" "$root/tmp/serein.deb"
    step "dpkg -i in a clean $suite chroot"
    chroot "$root" dpkg -i /tmp/serein.deb || fail "dpkg -i in the chroot"
    out=$(chroot "$root" /bin/sh -c "$smoke") || fail "serein in the chroot: $out"
    chroot "$root" dpkg -r serein >/dev/null || fail "dpkg -r in the chroot"
    [ ! -e "$root/usr/bin/serein" ] || fail "dpkg -r left /usr/bin/serein"
else
    step "not root or no debootstrap: dpkg --root in a throwaway folder"
    root=$work/root
    mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
    touch "$root/var/lib/dpkg/status"
    # dpkg looks for ldconfig and start-stop-daemon, which a user's PATH may lack.
    PATH="$PATH:/usr/sbin:/sbin" dpkg --root="$root" --force-depends --force-not-root --force-script-chrootless \
        --log=/dev/null -i "$deb" >/dev/null || fail "dpkg --root -i"
    out=$(PATH="$root/usr/bin:$PATH" sh -c "$(echo "$smoke" | sed "s#/tmp/serein-home#$work/home#")") ||
        fail "the installed serein: $out"
fi
echo "$out" | sed 's/^/check-deb:   /'
echo "$out" | grep -q '^serein ' || fail "serein --version printed no version"
echo "$out" | grep -q '"class":"focus"' || fail "status --format waybar in the package"
echo "$out" | grep -qx 'Check the package running' || fail "status in the package"
step "OK: $deb installs and runs"
