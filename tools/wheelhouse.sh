#!/usr/bin/env bash
# Installing AlexNet Desktop on a machine with no network, from a folder of wheels.
#
#   tools/wheelhouse.sh build DIR [EXTRAS]    on a connected machine of the same OS, CPU
#                                             architecture and Python version: the app's
#                                             wheel and every dependency's, into DIR
#   tools/wheelhouse.sh install DIR [EXTRAS]  on the offline machine (copy DIR and this
#                                             script over): a virtual environment in ./.venv,
#                                             nothing fetched from anywhere
#
# EXTRAS is passed to pip as alexnet-desktop[EXTRAS]: "gpu" for NVIDIA GPUs, "test" to run the
# test suite there too, "gpu,test" for both. Use the same EXTRAS for build and install.
set -euo pipefail
cmd=${1:?usage: wheelhouse.sh build|install DIR [EXTRAS]}
dir=${2:?usage: wheelhouse.sh build|install DIR [EXTRAS]}
extras=${3:-}
spec="alexnet-desktop${extras:+[$extras]}"
python=${PYTHON:-python3}
here="$(cd "$(dirname "$0")/.." && pwd)"

case "$cmd" in
build)
    mkdir -p "$dir"
    "$python" -m pip wheel --no-deps -w "$dir" "$here"
    # Every dependency as a wheel (pip download keeps wheels; sdists are built into wheels).
    "$python" -m pip wheel -w "$dir" --find-links "$dir" "$spec"
    echo "wheelhouse ready: $dir ($(ls "$dir" | wc -l) wheels). Copy it and tools/wheelhouse.sh to the offline machine."
    ;;
install)
    "$python" -m venv .venv
    .venv/bin/pip install --no-index --find-links "$dir" "$spec"
    echo "installed; start with: .venv/bin/alexnet-desktop"
    ;;
*)
    echo "usage: wheelhouse.sh build|install DIR [EXTRAS]" >&2
    exit 2
    ;;
esac
