"""The protocols this installation offers (the shipped ones plus a site's own folder), and
the growth reference.

A site adds or replaces a plan by dropping a protocol file into `paths.site_protocol_dir()`;
a file with the same id as a shipped one and its own version replaces it (offered as a
site plan), one reusing a shipped id and version is refused, and a file that fails
validation is reported and not offered (README, "Site plan files").
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__, paths

if TYPE_CHECKING:
    from app.domain.growth import GrowthReference
    from app.domain.protocol import ProtocolCatalog


@lru_cache(maxsize=1)
def _cached(site_dir: str) -> ProtocolCatalog:
    # The plans' modules on first use: a start that kept the arms' names shows its list
    # without them (see remembered_arm_names).
    from app.domain.protocol import load_protocol_catalog

    return load_protocol_catalog(
        [paths.builtin_protocol_dir(), paths.site_protocol_dir()], shipped_folders=1
    )


def protocol_catalog() -> ProtocolCatalog:
    # Keyed by the site folder so tests with their own data directory get their own catalog.
    return _cached(str(paths.site_protocol_dir()))


# The arms' names of the plans offered, as the last full load of the catalog found them,
# with what they were read from: the patient list's first paint names the arms from here
# while the plans themselves (validation needs every instrument's module, a tenth of the
# start) are loaded just after it (issue 22).
ARM_NAMES_FILE = "plan-arm-names.json"


def _plan_files_stamp() -> list:
    """What the catalog is read from: this version of the application and every plan file
    offered (folder, name, size, time of last change)."""
    files = []
    for folder in (paths.builtin_protocol_dir(), paths.site_protocol_dir()):
        try:
            with os.scandir(folder) as entries:
                found = sorted((entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
                               for entry in entries if entry.name.endswith(".toml"))
        except OSError:
            found = []
        files.append([str(folder), *map(list, found)])
    return [__version__, files]


def remembered_arm_names() -> dict[str, dict[str, str]] | None:
    """protocol id → arm id (case folded) → the arm's name in its plan file, as
    ``remember_arm_names`` kept them; None unless every plan file is as it was then (one
    added, removed, edited or touched: None), or when nothing readable was kept."""
    path = paths.cache_dir() / ARM_NAMES_FILE
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("read from") != _plan_files_stamp():
        return None
    names = kept.get("arms")
    valid = isinstance(names, dict) and all(
        isinstance(arms, dict) and all(isinstance(v, str) for v in arms.values())
        for arms in names.values())
    return names if valid else None


def arm_names_of(catalog: ProtocolCatalog) -> dict[str, dict[str, str]]:
    """protocol id → arm id, case folded (as ``Protocol.arm`` finds it) → the arm's name."""
    return {protocol_id: {arm.id.casefold(): arm.name for arm in protocol.arms}
            for protocol_id, protocol in catalog.protocols.items()}


def remember_arm_names(catalog: ProtocolCatalog) -> None:
    """Keep the arms' names of ``catalog`` (loaded from the plan files as they are now) for
    the next start's first paint. A folder that cannot be written costs only that time."""
    kept = {"read from": _plan_files_stamp(), "arms": arm_names_of(catalog)}
    path = paths.cache_dir() / ARM_NAMES_FILE
    try:
        if path.exists() and json.loads(path.read_text(encoding="utf-8")) == kept:
            return
        partial = Path(f"{path}.partial")
        partial.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except (OSError, ValueError):
        return


@lru_cache(maxsize=1)
def growth_reference() -> GrowthReference:
    """The CDC 2000 growth reference shipped in resources/growth (read once)."""
    from app.domain.growth import load_reference

    return load_reference(paths.resources_dir() / "growth" / "cdc2000_lms.csv")


@lru_cache(maxsize=4)
def _plan_texts(language: str) -> dict[str, str]:
    import tomllib

    path = paths.resources_dir() / "translations" / f"plan_texts_{language}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as file:
        return dict(tomllib.load(file).get("texts", {}))


def plan_words(text: str, language: str) -> str:
    """A plan file's text (title, arm name) in ``language`` from the plan-text catalogue
    (resources/translations/plan_texts_<language>.toml); the plan's English when the
    catalogue has no entry for exactly that text."""
    return _plan_texts(language).get(text, text) if language != "en" else text


def plan_words_known(text: str, language: str) -> bool:
    """Whether ``text`` is shown in ``language`` from the plan-text catalogue (English:
    always, it is the plan's own), as opposed to falling back to the plan's English."""
    return language == "en" or text in _plan_texts(language)
