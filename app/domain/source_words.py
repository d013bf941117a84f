"""A rule's source as a clinician reads it (issue 20.9): the paper or label it comes from,
never the project's own file names ("clinical-rules §1.2", "seed 000", "issue 18").

The plan files keep their sources exactly as written (reviewers check them against the
project's clinical-rules file and the seed papers, and the exports carry them unchanged);
only what is shown or printed for a clinician goes through ``source_in_words``. The
references are the ones the plans' NOTES.md and the clinical-rules headings cite.
"""

from __future__ import annotations

import re
from datetime import date

from app.domain.dates import SHORT_MONTHS, format_date, parse_iso

# clinical-rules section -> the publication (or label) it summarises.
SECTIONS: dict[str, str] = {
    "1": "CARRA consensus treatment plans",
    "1.1": "Huber et al., J Rheumatol 2017;44:110-16",
    "1.2": "CARRA JDM biologics survey and Tarvin et al., Arthritis Care Res 2024;76:1532-39",
    "1.3": "Huber et al., Arthritis Care Res 2010;62:219-25 (secondary summary)",
    "2": "IMACS/PRINTO outcome measures",
    "2.1": "CMAS (Lovell et al., Arthritis Rheum 1999;42:2213-19)",
    "2.2": "CHAQ (IMACS CHAQ instructions)",
    "2.3": "MMT8 (IMACS form 04)",
    "2.4": "IMACS/PRINTO global assessments",
    "2.5": "IMACS core set, muscle enzymes",
    "2.6": "MDAAT cutaneous items",
    "3": "IMACS/PRINTO response definitions",
    "3.1": "PRINTO criteria (Lazarevic et al., Ann Rheum Dis 2013;72:686-93)",
    "3.2": "2016 ACR/EULAR response criteria (Rider et al., Arthritis Rheumatol 2017;69:911-23)",
    "3.3": "IMACS definition of improvement (Rider et al., Arthritis Rheum 2004;50:2281-90)",
    "4": "the project's dosing rules",
}
# The project's seed papers, by number.
SEEDS: dict[str, str] = {
    "000": SECTIONS["1.1"],
    "001": SECTIONS["1.1"],
    "002/004": "CARRA JDM biologics survey",
    "003": "CARRA report on biologics in refractory JDM",
}

_SECTION_LIST = r"§\d+(?:\.\d+)?(?:\s*-\s*\d+(?:\.\d+)?)?(?:(?:\s*/\s*|,\s*)§\d+(?:\.\d+)?" \
                r"(?:\s*-\s*\d+(?:\.\d+)?)?)*"
_REFERENCE = re.compile(r"clinical-rules\s*(" + _SECTION_LIST + r")?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A reference standing beside words that already name the paper says nothing more.
_REDUNDANT = (
    re.compile(r"\s*\((?:as cited in |per |as gathered in )?clinical-rules\s*"
               + _SECTION_LIST + r"\)"),
    re.compile(r",?\s*(?:as cited in|as gathered in) clinical-rules\s*" + _SECTION_LIST),
    re.compile(r";\s*clinical-rules\s*" + _SECTION_LIST + r"(?=\s*(?:;|$))"),
    re.compile(r"\s*\((?:project )?seeds? \d{3}(?:/\d{3})?\)"),
    re.compile(r"\s*\(issue \d+(?:\.\d+)?\)", re.IGNORECASE),
    re.compile(r"\s*(?:[;,]\s*|\band\s+)issue \d+(?:\.\d+)?", re.IGNORECASE),
)
# "clinical-rules §1.3 (secondary summary of Huber et al. ...)": the words are there.
_SUMMARY_OF = re.compile(r"clinical-rules\s*§[\d.]+\s*\((secondary summary of [^)]*)\)")
_SEED = re.compile(r"\b(?:project )?seeds? (\d{3}(?:/\d{3})?)(?:(?:,|\s+and)\s*(\d{3}))?",
                   re.IGNORECASE)
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
# A date as the domain writes it in English words ("02 Nov 2026"), to be shown in the
# interface's language.
_WORDS_DATE = re.compile(r"\b(\d{2}) (" + "|".join(SHORT_MONTHS[1:]) + r") (\d{4})\b")


def _sections(match: re.Match[str]) -> str:
    numbers = _NUMBER.findall(match.group(1) or "")
    words = [SECTIONS.get(n) or SECTIONS.get(n.split(".")[0], "") for n in numbers]
    unique = list(dict.fromkeys(w for w in words if w)) or [SECTIONS["1"]]
    return " and ".join(unique)


def _seeds(match: re.Match[str]) -> str:
    numbers = [n for n in match.groups() if n]
    return " and ".join(dict.fromkeys(SEEDS.get(n, "CARRA JDM literature") for n in numbers))


def source_in_words(source: str) -> str:
    """"clinical-rules §1.3 (IVIG 2 g/kg, max 70 g)" -> "Huber et al., Arthritis Care Res
    2010;62:219-25 (secondary summary) (IVIG 2 g/kg, max 70 g)"; a source that already
    names its paper loses the project reference beside it."""
    text = _SUMMARY_OF.sub(r"\1", source)
    for pattern in _REDUNDANT:
        text = pattern.sub("", text)
    text = _REFERENCE.sub(_sections, text)
    text = _SEED.sub(_seeds, text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+([;,.)])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ;,")
    return text[:1].upper() + text[1:]


def text_in_words(text: str, language: str = "en") -> str:
    """A stored explanation (a dose's derivation) as shown: sources in words and ISO dates
    as the rest of the application writes them ("14 Mar 2015", "14 mars 2015")."""
    lines = []
    for line in text.splitlines():
        if line.startswith("Source: "):
            line = "Source: " + source_in_words(line[len("Source: "):])
        elif "clinical-rules" in line or re.search(r"\bseeds? \d{3}", line, re.IGNORECASE):
            line = source_in_words(line)
        line = _ISO_DATE.sub(lambda m: _date_words(m.group(1), language), line)
        if language != "en":
            line = _WORDS_DATE.sub(lambda m: format_date(date(
                int(m.group(3)), SHORT_MONTHS.index(m.group(2)), int(m.group(1))),
                language=language), line)
        lines.append(line)
    return "\n".join(lines)


def _date_words(iso: str, language: str) -> str:
    day = parse_iso(iso)
    return format_date(day, language=language) if day is not None else iso
