#!/bin/sh
# Create the project's virtual environment, explaining (or fixing, as root on Debian) the
# usual reason it fails on a fresh machine: Debian ships venv/ensurepip separately.
set -eu
python=$1
venv=$2
[ -x "$venv/bin/python" ] && exit 0
if ! command -v "$python" >/dev/null 2>&1; then
  echo "Python 3.11 or newer is needed ('$python' was not found)." >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "Python 3.11 or newer is needed; '$python' is $("$python" -V 2>&1)." >&2
  exit 1
fi
if "$python" -m venv "$venv" 2>/dev/null; then
  exit 0
fi
rm -rf "$venv"
pkg="python3-venv"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing $pkg (needed to create the virtual environment)..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
  "$python" -m venv "$venv" && exit 0
fi
echo "Could not create a virtual environment with '$python -m venv'." >&2
echo "On Debian/Ubuntu install it with: sudo apt-get install $pkg" >&2
exit 1
