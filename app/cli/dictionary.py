"""`jdm-ctp dictionary --out F [--profile deidentified|identified]`: the REDCap data
dictionary alone (``--out -``: on standard output, and nothing else there), from the
installed plans and the instrument registry. It holds no patient data and reads no
database: the same plans give the same file, byte for byte, at every site (its SHA-256
is in every export's manifest)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import fail


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="F",
                        help="the CSV file to write ('-': standard output)")
    parser.add_argument("--profile", choices=("deidentified", "identified"),
                        default="deidentified",
                        help="the dictionary of a de-identified (default) or identified "
                             "export")


def run(args: argparse.Namespace) -> int:
    from app.exports.records import catalogue_for
    from app.reports import redcap
    from app.reports.fields import DICTIONARY_VERSION

    catalogue = catalogue_for(None, args.profile == "identified")
    text = redcap.dictionary_text(catalogue)
    if args.out == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    out = Path(args.out)
    try:
        # Written beside the target and moved over it: never a half-written dictionary.
        partial = out.with_name(out.name + ".partial")
        partial.write_bytes(text.encode("utf-8"))
        partial.replace(out)
    except OSError as error:
        return fail(f"cannot write {out}: {error.strerror or error}")
    print(f"Data dictionary version {DICTIONARY_VERSION} ({args.profile}): "
          f"{len(catalogue.all_fields)} fields, sha256 {redcap.dictionary_sha256(catalogue)}, "
          f"written to {out}")
    return 0
