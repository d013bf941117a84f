#!/bin/sh
# Install (or remove) the jdm-ctp bundle unpacked next to this script.
#
#   sudo ./install.sh            for every user: /opt/jdm-ctp, /usr/local/bin/jdm-ctp,
#                                menu entry and icon under /usr/local/share
#   ./install.sh                 for the current user only: ~/.local/opt/jdm-ctp, ~/.local/bin
#   ./install.sh --user          the same, even when run as root
#   [sudo] ./install.sh [--user] --uninstall
#
# Only program files are installed or removed. Each user's database, backups, settings and
# logs live in their own folders (see README) and are never touched by this script.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
per_user=no
if [ "${1:-}" = "--user" ]; then
    per_user=yes
    shift
fi
if [ "$(id -u)" = 0 ] && [ "$per_user" = no ]; then
    prefix=/usr/local
    target=/opt/jdm-ctp
else
    prefix="${HOME}/.local"
    target="${HOME}/.local/opt/jdm-ctp"
fi
bindir="$prefix/bin"
appdir="$prefix/share/applications"
icondir="$prefix/share/icons/hicolor"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$target"
    rm -f "$bindir/jdm-ctp" "$appdir/jdm-ctp.desktop" \
          "$icondir/256x256/apps/jdm-ctp.png" "$icondir/scalable/apps/jdm-ctp.svg"
    echo "jdm-ctp removed from $target (user data left in place)."
    exit 0
fi

if [ ! -x "$here/jdm-ctp" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run me from the unpacked jdm-ctp folder (jdm-ctp and _internal/ missing)" >&2
    exit 1
fi

# Replace an older installation as a whole so no stale files from it remain.
mkdir -p "$(dirname "$target")"
rm -rf "$target.new"
mkdir "$target.new"
cp -a "$here/jdm-ctp" "$here/_internal" "$target.new/"
rm -rf "$target"
mv "$target.new" "$target"

mkdir -p "$bindir" "$appdir" "$icondir/256x256/apps" "$icondir/scalable/apps"
ln -sf "$target/jdm-ctp" "$bindir/jdm-ctp"
cp "$here/icons/jdm-ctp.png" "$icondir/256x256/apps/jdm-ctp.png"
cp "$here/icons/jdm-ctp.svg" "$icondir/scalable/apps/jdm-ctp.svg"
sed "s|^Exec=.*|Exec=$target/jdm-ctp|" "$here/jdm-ctp.desktop" > "$appdir/jdm-ctp.desktop"
chmod 644 "$appdir/jdm-ctp.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$appdir" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$icondir" || true

echo "jdm-ctp installed in $target"
"$target/jdm-ctp" --version
echo "Check it with: $target/jdm-ctp --self-test"
