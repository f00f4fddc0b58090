#!/usr/bin/env bash
# Render exports of a draft to PDF and PNG pages, for a person to look at.
#
#   benchmarks/render.sh [DRAFT.toml] [OUT_DIR]
#
# Defaults: the seed fixture and benchmarks/out/ (gitignored). Exports xlsx and docx with
# `python -m perfdraft export`, converts each with LibreOffice headless to PDF, then each PDF page to
# PNG with pdftoppm (RES dpi, default 80; RES=60 for small images). Needs soffice (or libreoffice)
# and pdftoppm (poppler-utils); CJK text needs a CJK font (fonts-noto-cjk).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
draft="${1:-$root/tests/fixtures/seed-shunping-2020.toml}"
out="${2:-$here/out}"
res="${RES:-80}"

soffice="$(command -v soffice || command -v libreoffice || true)"
if [ -z "$soffice" ]; then
    echo "render.sh: soffice/libreoffice not found (apt-get install libreoffice-calc libreoffice-writer)" >&2
    exit 2
fi
if ! command -v pdftoppm >/dev/null; then
    echo "render.sh: pdftoppm not found (apt-get install poppler-utils)" >&2
    exit 2
fi

# The project's venv when there is one (perfdraft and its libraries installed there), else python3.
python="${PYTHON:-$root/.venv/bin/python}"
[ -x "$python" ] || python=python3
mkdir -p "$out"
stem="$(basename "${draft%.*}")"
# A private LibreOffice profile: no clash with a running office, no first-start dialogs.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

for fmt in xlsx docx; do
    file="$out/$stem.$fmt"
    log="$out/$stem-$fmt.log"
    # The draft's findings go to the log; a failed export shows it.
    if ! "$python" -m perfdraft export "$draft" --to "$fmt" \
            -o "$file" --force >"$log" 2>&1; then
        cat "$log" >&2
        exit 1
    fi
    "$soffice" -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$file" \
        >>"$log" 2>&1
    pdf="$out/$stem.pdf"
    if [ ! -s "$pdf" ]; then
        echo "render.sh: LibreOffice produced no PDF for $file (see $log)" >&2
        exit 1
    fi
    mv -f "$pdf" "$out/$stem-$fmt.pdf"
    rm -f "$out/$stem-$fmt"-page-*.png
    pdftoppm -r "$res" -png "$out/$stem-$fmt.pdf" "$out/$stem-$fmt-page"
    pages=$(ls "$out/$stem-$fmt"-page-*.png | wc -l)
    echo "$fmt: $out/$stem-$fmt.pdf ($pages pages) → $out/$stem-$fmt-page-*.png"
done
