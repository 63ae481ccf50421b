#!/bin/sh
# Add crf-desktop to the desktop's application menu (issue 9), from the unpacked folder this script is in.
#
#   sudo ./install-desktop-entry.sh           every account on this computer (/usr/local/share, /usr/local/bin)
#   ./install-desktop-entry.sh                this account only (~/.local/share, ~/.local/bin)
#   [sudo] ./install-desktop-entry.sh --remove   take the menu entry, icons and command away again
#
# The program stays where it was unpacked (e.g. /opt/crf-desktop): this script only writes the menu entry, the
# icons and a `crf-desktop` command pointing there. It never touches the data directory.
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
if [ "$(id -u)" = 0 ]; then share=/usr/local/share; bin=/usr/local/bin; else share=$HOME/.local/share; bin=$HOME/.local/bin; fi
icons=$here/_internal/resources/icons/hicolor
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$share/applications/crf-desktop.desktop" "$bin/crf-desktop"
    for size in $sizes; do rm -f "$share/icons/hicolor/${size}x${size}/apps/crf-desktop.png"; done
    rm -f "$share/icons/hicolor/scalable/apps/crf-desktop.svg"
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
    echo "Removed the crf-desktop menu entry, icons and command from $share and $bin (the data directory is kept)."
    exit 0
fi
if [ ! -x "$here/crf-desktop" ] || [ ! -d "$icons" ]; then
    echo "error: run this script from the unpacked crf-desktop folder (it needs crf-desktop and _internal/ beside it)" >&2
    exit 2
fi
case "$here" in
    *[[:space:]]*) echo "error: the folder $here has a space in its path; unpack crf-desktop elsewhere, e.g. /opt" >&2
                   exit 2 ;;
esac

mkdir -p "$share/applications" "$bin"
for size in $sizes; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    cp "$icons/${size}x${size}/apps/crf-desktop.png" "$share/icons/hicolor/${size}x${size}/apps/"
done
mkdir -p "$share/icons/hicolor/scalable/apps"
cp "$here/_internal/resources/icons/crf-desktop.svg" "$share/icons/hicolor/scalable/apps/"
sed -e "s|^Exec=.*|Exec=$here/crf-desktop|" -e "s|^TryExec=.*|TryExec=$here/crf-desktop|" \
    "$here/crf-desktop.desktop" > "$share/applications/crf-desktop.desktop"
chmod 644 "$share/applications/crf-desktop.desktop"
ln -sf "$here/crf-desktop" "$bin/crf-desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "Added crf-desktop to the application menu ($share/applications) and the command $bin/crf-desktop -> $here/crf-desktop"
