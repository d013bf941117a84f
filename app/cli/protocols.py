"""`jdm-ctp protocols [--json]`: the treatment plans offered, and any protocol file refused."""

from __future__ import annotations

import argparse
import json
import sys


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
                           "content_hash": p.content_hash}
                          for p in catalog.protocols.values()],
            "rejected": [str(error) for error in catalog.rejected],
        }, indent=2))
        return 0
    for protocol in catalog.protocols.values():
        print(f"{protocol.id}  version {protocol.version}  {protocol.title}")
    for error in catalog.rejected:
        print(f"REJECTED: {error}", file=sys.stderr)
    return 0
