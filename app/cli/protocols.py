"""`jdm-ctp protocols [--json]`: the treatment plans offered, and any protocol file refused.

A site plan is marked as such with its file hash; each refused file is reported on
stderr (one line when it has one problem) and the command then exits 1, after listing
the plans that are offered.
"""

from __future__ import annotations

import argparse
import json
import sys

EXIT_REJECTED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    return _list_protocols(args.json)


def _list_protocols(as_json: bool) -> int:
    from app.catalog import protocol_catalog

    catalog = protocol_catalog()
    if as_json:
        print(json.dumps({
            "protocols": [{"id": p.id, "version": p.version, "title": p.title,
                           "origin": p.origin.value, "path": p.path,
                           "content_hash": p.content_hash}
                          for p in catalog.protocols.values()],
            "rejected": [str(error) for error in catalog.rejected],
        }, indent=2))
    else:
        for protocol in catalog.protocols.values():
            origin = f"  [{protocol.origin_words}]" if protocol.site_plan else ""
            print(f"{protocol.id}  version {protocol.version}  {protocol.title}{origin}")
        for error in catalog.rejected:
            print(f"REJECTED: {error}", file=sys.stderr)
    return EXIT_REJECTED if catalog.rejected else 0
