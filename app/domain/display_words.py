"""How plan codes read on screen: people see "Arm A — IVIG" or "TNF-α
inhibitor", never "Arm tnf"; "IVIG", never "ivig". Codes stay codes in storage and
exports; only what is shown goes through here."""

from __future__ import annotations

# Drug abbreviations written in capitals in clinic notes (codes are lower case).
ABBREVIATIONS = {"ivig": "IVIG", "mmf": "MMF", "hcq": "HCQ", "mtx": "MTX", "iv": "IV",
                 "scig": "SCIG"}


def arm_title(arm_id: str, name: str) -> str:
    """ "Arm A — IVIG" where the plan names its arms by letter, else the arm's name."""
    if len(arm_id) == 1 and arm_id.isalpha():
        return f"Arm {arm_id.upper()} — {name}"
    return name


def drug_name(drug: str) -> str:
    """A drug as typed or coded, for display: abbreviations in capitals."""
    words = drug.split(" ")
    return " ".join(ABBREVIATIONS.get(w.casefold(), w) for w in words)


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """"1 entry", "2 entries": a count with its noun in the right form (never "(s)")."""
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


def code_words(code: str) -> str:
    """A stored code ("not_started", "inadequate_response") in words."""
    text = code.replace("_", " ").strip()
    return text[:1].upper() + text[1:]
