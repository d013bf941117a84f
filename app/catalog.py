"""The protocols this installation offers (the shipped ones plus a site's own folder), and
the growth reference.

A site adds or replaces a plan by dropping a protocol file into `paths.site_protocol_dir()`;
a file with the same id as a shipped one and its own version replaces it (offered as a
site plan), one reusing a shipped id and version is refused, and a file that fails
validation is reported and not offered (README, "Site plan files").
"""

from __future__ import annotations

from functools import lru_cache

from app import paths
from app.domain.growth import GrowthReference, load_reference
from app.domain.protocol import ProtocolCatalog, load_protocol_catalog


@lru_cache(maxsize=1)
def _cached(site_dir: str) -> ProtocolCatalog:
    return load_protocol_catalog(
        [paths.builtin_protocol_dir(), paths.site_protocol_dir()], shipped_folders=1
    )


def protocol_catalog() -> ProtocolCatalog:
    # Keyed by the site folder so tests with their own data directory get their own catalog.
    return _cached(str(paths.site_protocol_dir()))


@lru_cache(maxsize=1)
def growth_reference() -> GrowthReference:
    """The CDC 2000 growth reference shipped in resources/growth (read once)."""
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
