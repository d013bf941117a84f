"""Loading protocol files: read, validate the whole file, build the plan.

Validation is all-or-nothing (architecture, "Protocols are data"): every problem in a
file is reported with its dotted key path, and a file with any problem is refused as a
whole, never half-loaded. The catalog puts a site's own folder over the shipped files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.domain.errors import ProtocolFileError, ProtocolProblem
from app.domain.phrases import Phrase, phrase, sentence
from app.domain.protocol import dose_refusals, sections
from app.domain.protocol import file_format as fmt
from app.domain.protocol import table_refusals as how
from app.domain.protocol.arms import Arm
from app.domain.protocol.doses import ScheduleSpec
from app.domain.protocol.eligibility import Criterion
from app.domain.protocol.plan import PlanOrigin, Protocol, ProtocolCatalog
from app.domain.protocol.prior_therapy_rules import DrugGroup, HalfLife, PriorTherapyRule
from app.domain.protocol.reading import MISSING, UNKNOWN_KEY, Reader, ids_of, join
from app.domain.protocol.visits import Instrument, VisitDefinition

# The largest protocol file read (the shipped ones are under 60 KB); a larger file is
# refused after reading one byte more than this, so a huge file costs no time or memory.
MAX_FILE_BYTES = 1024 * 1024
# The deepest nesting of tables and lists a plan needs is about 12 (a band's rule inside a
# dose inside an arm); deeper data is refused before the section readers recurse into it.
MAX_NESTING = 32

# Why a whole file (or folder) is refused, as Sentences: the English is what the command
# line and the log print; the Treatment plans window shows its own words (app/forms/terms.py
# PLAN_FILE lists these templates). A %1 from the system or the TOML reader (an error's
# own words) stays as they give it.
NOT_UTF8 = "the file is not UTF-8 text (%1)"
TOML_SYNTAX = "TOML syntax error: %1"
TOO_DEEP = "lists or tables are nested too deeply (more than %1 levels)"
NOT_REGULAR = "not a regular file (%1); only regular files are read"
CANNOT_READ = "cannot read the file: %1"
TOO_LARGE = "the file is larger than %1 bytes (1 MiB)"
CANNOT_LIST = "cannot list the folder: %1"
LOADER_FAILED = ("the loader failed on this file (%1); the other files are unaffected; please "
                 "report it")
ID_TWICE = 'protocol id "%1" is already defined by %2 in the same folder'
SHIPPED_REUSED = ('"%1" version "%2" is the shipped plan (%3); a site file may not reuse a '
                  "shipped plan's id and version: give the site plan its own version")
KINDS = ("a folder", "a FIFO", "a device", "a socket", "not a plain file")
SENTENCES = (NOT_UTF8, TOML_SYNTAX, TOO_DEEP, NOT_REGULAR, CANNOT_READ, TOO_LARGE,
             CANNOT_LIST, LOADER_FAILED, ID_TWICE, SHIPPED_REUSED, *KINDS, UNKNOWN_KEY,
             MISSING, *dose_refusals.SENTENCES)


def load_protocol(path: Path | str) -> Protocol:
    """Read, validate and return one protocol file; ProtocolFileError lists every problem.

    Validation is all-or-nothing: a file with any problem (including a TOML syntax error)
    is refused as a whole. ``content_hash`` is the sha256 of the file's bytes, so an
    enrollment can record exactly which text it was made under (architecture). Only a
    regular file of at most ``MAX_FILE_BYTES`` is read (a FIFO or a device named
    ``x.toml`` must not hang or flood the program).
    """
    path = Path(path)
    name = str(path)
    data = _read_regular_file(path, name)
    content_hash = hashlib.sha256(data).hexdigest()
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        problem = ProtocolProblem(name, "", sentence(NOT_UTF8, str(exc)))
        raise ProtocolFileError(name, [problem]) from exc
    except tomllib.TOMLDecodeError as exc:
        problem = ProtocolProblem(name, "", sentence(TOML_SYNTAX, str(exc)))
        raise ProtocolFileError(name, [problem]) from exc
    except RecursionError as exc:  # tomllib reads nested arrays recursively
        raise ProtocolFileError(name, [_too_deep(name)]) from exc
    if _nesting(raw) > MAX_NESTING:
        raise ProtocolFileError(name, [_too_deep(name)])
    return protocol_from_data(raw, file=name, content_hash=content_hash)


def _too_deep(name: str) -> ProtocolProblem:
    return ProtocolProblem(name, "", sentence(TOO_DEEP, str(MAX_NESTING)))


def _read_regular_file(path: Path, name: str) -> bytes:
    """The bytes of a regular file of bounded size. Opened without blocking and checked
    on the open descriptor, so a FIFO (or a file swapped for one) is refused, not waited on."""

    def refuse(reason: str) -> ProtocolFileError:  # a Sentence
        return ProtocolFileError(name, [ProtocolProblem(name, "", reason)])

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError as exc:
        raise refuse(sentence(NOT_REGULAR, phrase("a folder"))) from exc
    except OSError as exc:
        raise refuse(sentence(CANNOT_READ, str(exc.strerror or exc))) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise refuse(sentence(NOT_REGULAR, _kind_of(mode)))
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise refuse(sentence(CANNOT_READ, str(exc.strerror or exc))) from exc
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise refuse(sentence(TOO_LARGE, f"{MAX_FILE_BYTES:,}"))
    return data


def _kind_of(mode: int) -> Phrase:
    for test, words in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return phrase(words)
    return phrase("not a plain file")


def _nesting(value: object) -> int:
    """How deeply lists and tables nest in parsed TOML, counted without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def protocol_from_data(
    raw: dict[str, Any], *, file: str = "<data>", content_hash: str = ""
) -> Protocol:
    """Validate already-parsed protocol data (the TOML document as a dict).

    Same checks as ``load_protocol``; ProtocolFileError (naming ``file``) lists every
    problem. ``load_protocol`` is the normal entry point; this one serves tests and tools.
    """
    reader = Reader(file)
    if not isinstance(raw, dict):
        reader.problem("", sentence(how.NOT_A_TABLE_OF_KEYS))
        raise ProtocolFileError(file, reader.problems)
    protocol = _build(reader, raw, content_hash, file)
    if protocol is None or reader.problems:
        raise ProtocolFileError(file, reader.problems)
    return protocol


def load_protocol_catalog(
    dirs: Sequence[Path | str], *, shipped_folders: int = 1
) -> ProtocolCatalog:
    """Load every ``*.toml`` in the folders, in order: the first ``shipped_folders`` hold
    the plans shipped with the application, the others a site's own files. A later
    folder's protocol with the same id replaces an earlier one (a site override).

    A file that fails validation is reported in ``rejected`` and not offered; an earlier
    valid protocol with the same id stays on offer. One bad file never affects the others:
    any failure while reading it is its rejection. A missing folder is skipped (a site
    folder need not exist). Two files with the same id in one folder is ambiguous: the
    second (by file name) is rejected. A site file may not use the id and version of a
    shipped plan: the same name would then stand for two different texts; a site plan
    that replaces a shipped one gives its own version and is offered as a site plan.
    """
    catalog = ProtocolCatalog()
    shipped: dict[tuple[str, str], Path] = {}
    for index, directory in enumerate(dirs):
        directory = Path(directory)
        origin = PlanOrigin.SHIPPED if index < shipped_folders else PlanOrigin.SITE
        seen_here: dict[str, Path] = {}
        try:
            if not directory.is_dir():
                continue
            files = sorted(directory.glob("*.toml"))
        except OSError as exc:  # an unreadable site folder must not hide the shipped plans
            reason = sentence(CANNOT_LIST, str(exc.strerror or exc))
            catalog.rejected.append(
                ProtocolFileError(str(directory), [ProtocolProblem(str(directory), "", reason)])
            )
            continue
        for file in files:
            try:
                protocol = load_protocol(file)
            except ProtocolFileError as exc:
                catalog.rejected.append(exc)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
                reason = sentence(LOADER_FAILED, type(exc).__name__)
                catalog.rejected.append(
                    ProtocolFileError(str(file), [ProtocolProblem(str(file), "", reason)])
                )
                continue
            reason = _refusal(protocol, origin, seen_here, shipped)
            if reason is not None:
                key, words = reason
                catalog.rejected.append(
                    ProtocolFileError(str(file), [ProtocolProblem(str(file), key, words)])
                )
                continue
            protocol = dataclasses.replace(protocol, origin=origin)
            seen_here[protocol.id] = file
            if origin is PlanOrigin.SHIPPED:
                shipped[(protocol.id, protocol.version)] = file
            earlier = catalog.protocols.get(protocol.id)
            if earlier is not None:
                catalog.replaced.append(earlier)
            catalog.protocols[protocol.id] = protocol
    return catalog


def _refusal(
    protocol: Protocol,
    origin: PlanOrigin,
    seen_here: dict[str, Path],
    shipped: dict[tuple[str, str], Path],
) -> tuple[str, str] | None:
    """(key, reason) why a valid file is still not offered, or None."""
    if protocol.id in seen_here:
        return "id", sentence(ID_TWICE, protocol.id, seen_here[protocol.id].name)
    if origin is PlanOrigin.SITE and (protocol.id, protocol.version) in shipped:
        return "version", sentence(SHIPPED_REUSED, protocol.id, protocol.version,
                                   shipped[(protocol.id, protocol.version)].name)
    return None


def _build(r: Reader, raw: dict[str, Any], content_hash: str, path: str) -> Protocol | None:
    s = r.read(raw, "", fmt.PROTOCOL)

    def each(key: str, read) -> list:
        return [x for p, t in s.tables(key) if (x := read(r, t, p)) is not None]

    criteria = each("criteria", sections.criterion)
    arms = each("arms", sections.arm)
    limits = each("concomitant_limits", sections.concomitant_limit)
    schedules = each("schedules", sections.schedule)
    visits = each("visits", sections.visit)
    instruments = each("instruments", sections.instrument)
    counselling = each("counselling", sections.counselling)
    notes = each("notes", sections.note)
    groups = each("drug_groups", sections.drug_group)
    prior_rules = each("prior_therapy_rules", sections.prior_therapy_rule)
    half_lives = each("half_lives", sections.half_life)

    _check_unique_ids(r, raw)
    _check_references(r, raw, criteria, arms, schedules, visits, instruments)
    _check_prior_therapy_references(r, raw, arms, groups)
    _check_half_lives(r, raw, prior_rules, groups, half_lives)

    if r.problems:
        return None
    return Protocol(
        **s.fields("id", "version", "title", "citation", notice=""),
        criteria=tuple(criteria),
        arms=tuple(arms),
        concomitant_limits=tuple(limits),
        schedules=tuple(schedules),
        visits=tuple(visits),
        instruments=tuple(instruments),
        counselling=tuple(counselling),
        notes=tuple(notes),
        content_hash=content_hash,
        path=path,
        drug_groups=tuple(groups),
        prior_therapy_rules=tuple(prior_rules),
        half_lives=tuple(half_lives),
    )


def _check_unique_ids(r: Reader, raw: dict[str, Any]) -> None:
    for key, what in (
        ("criteria", "criterion"),
        ("arms", "arm"),
        ("concomitant_limits", "limit"),
        ("schedules", "schedule"),
        ("visits", "visit"),
        ("instruments", "instrument"),
        ("counselling", "counselling"),
        ("notes", "note"),
        ("drug_groups", "drug group"),
        ("prior_therapy_rules", "prior-therapy rule"),
    ):
        # Arm ids are typed by hand in the dose command: "a" and "A" are the same arm.
        r.unique(ids_of(raw, key), what, fold=key == "arms")
    # Detail field ids are unique across the whole protocol so answers can be stored flat.
    field_ids: list[tuple[str, str | None]] = []
    rule_ids: list[tuple[str, str | None]] = []
    consistency_ids: list[tuple[str, str | None]] = []
    criteria = raw.get("criteria") if isinstance(raw.get("criteria"), list) else []
    for i, c in enumerate(criteria):
        if isinstance(c, dict):
            field_ids += ids_of(c, "details", path=f"criteria[{i}]")
            rule_ids += ids_of(c, "date_rules", path=f"criteria[{i}]")
            consistency_ids += ids_of(c, "consistency", path=f"criteria[{i}]")
    r.unique(field_ids, "detail field")
    r.unique(rule_ids, "date rule")
    r.unique(consistency_ids, "consistency rule")


def _check_references(
    r: Reader,
    raw: dict[str, Any],
    criteria: list[Criterion],
    arms: list[Arm],
    schedules: list[ScheduleSpec],
    visits: list[VisitDefinition],
    instruments: list[Instrument],
) -> None:
    """Names used in one section must exist in another (a typo must not pass silently)."""
    fields = {d.id: d for c in criteria for d in c.details}
    arm_ids = {a.id.casefold() for a in arms}
    schedule_ids = {s.id for s in schedules}
    instrument_ids = {i.id for i in instruments}
    raw_arms = raw.get("arms") if isinstance(raw.get("arms"), list) else []
    for ai, arm_tbl in enumerate(raw_arms):
        arm = next(
            (a for a in arms if isinstance(arm_tbl, dict) and a.id == arm_tbl.get("id")), None
        )
        if arm is None:
            continue
        for di, dose in enumerate(arm.doses):
            if dose.schedule is not None and dose.schedule not in schedule_ids:
                r.problem(f"arms[{ai}].doses[{di}].schedule",
                          sentence(how.NO_SCHEDULE, dose.schedule))
        for ri, rule in enumerate(arm.rules):
            rpath = f"arms[{ai}].rules[{ri}]"
            if rule.when is not None:
                sections.check_condition_target(r, rule.when, fields, join(rpath, "when"))
            for target in rule.arms:
                if target.casefold() not in arm_ids:
                    r.problem(join(rpath, "arms"), sentence(how.NO_ARM, target))
                elif target.casefold() == arm.id.casefold():
                    r.problem(join(rpath, "arms"), sentence(how.NOT_ITSELF, target))
    known = _known_instruments()
    raw_instruments = raw.get("instruments") if isinstance(raw.get("instruments"), list) else []
    for ii, itbl in enumerate(raw_instruments):
        name = itbl.get("id") if isinstance(itbl, dict) else None
        if isinstance(name, str) and name not in known:
            r.problem(f"instruments[{ii}].id", _unknown_instrument(name, known))
    raw_visits = raw.get("visits") if isinstance(raw.get("visits"), list) else []
    previous = -1
    for vi, vtbl in enumerate(raw_visits):
        visit = next((v for v in visits if isinstance(vtbl, dict) and v.id == vtbl.get("id")), None)
        if visit is None:
            continue
        for key, names in (
            ("instruments", visit.instruments),
            ("optional_instruments", visit.optional_instruments),
        ):
            for name in names:
                if name not in known:
                    r.problem(f"visits[{vi}].{key}", _unknown_instrument(name, known))
                elif name not in instrument_ids:
                    r.problem(f"visits[{vi}].{key}", sentence(how.NOT_IN_INSTRUMENTS, name))
        if visit.offset_months < previous:
            r.problem(f"visits[{vi}].offset_months", sentence(how.TIME_ORDER))
        previous = visit.offset_months


def _known_instruments() -> tuple[str, ...]:
    """The instrument ids this application can record (the instrument registry). Imported
    here, not at the top: the registry's instruments use the plan model of this package."""
    from app.domain.instruments.registry import protocol_instrument_ids

    return protocol_instrument_ids()


def _unknown_instrument(name: str, known: tuple[str, ...]) -> str:
    return sentence(how.UNKNOWN_INSTRUMENT, name, ", ".join(known))
def _check_half_lives(
    r: Reader,
    raw: dict[str, Any],
    rules: list[PriorTherapyRule],
    groups: list[DrugGroup],
    half_lives: list[HalfLife],
) -> None:
    """One half-life per drug, and one for every drug of a washout counted in half-lives
    (a drug without one would silently lose the longer alternative)."""
    known: dict[str, int] = {}
    for i, h in enumerate(half_lives):
        if h.drug in known:
            r.problem(f"half_lives[{i}].drug",
                      sentence(how.HALF_LIFE_TWICE, h.drug, str(known[h.drug])))
        known.setdefault(h.drug, i)
    members = {g.id: g.drugs for g in groups}
    items = raw.get("prior_therapy_rules")
    items = items if isinstance(items, list) else []
    for rule in rules:
        if rule.half_lives_min is None:
            continue
        index = next((i for i, t in enumerate(items)
                      if isinstance(t, dict) and t.get("id") == rule.id), None)
        drugs = dict.fromkeys((*rule.drugs, *(d for g in rule.groups for d in members.get(g, ()))))
        missing = [d for d in drugs if d not in known]
        if missing:
            r.problem(f"prior_therapy_rules[{index}].half_lives_min",
                      sentence(how.NO_HALF_LIFE, ", ".join(missing)))


def _check_prior_therapy_references(
    r: Reader, raw: dict[str, Any], arms: list[Arm], groups: list[DrugGroup]
) -> None:
    """Prior-therapy rules name arms (ignoring case) and drug groups of this file."""
    arm_ids = {a.id.casefold() for a in arms}
    group_ids = {g.id for g in groups}
    items = raw.get("prior_therapy_rules")
    if not isinstance(items, list):
        return
    for i, tbl in enumerate(items):
        if not isinstance(tbl, dict):
            continue
        for key, known, refusal in (("arms", arm_ids, how.NO_ARM),
                                    ("groups", group_ids, how.NO_DRUG_GROUP)):
            values = tbl.get(key)
            if not isinstance(values, list):
                continue
            for v in values:
                if isinstance(v, str) and (v.casefold() if key == "arms" else v) not in known:
                    r.problem(f"prior_therapy_rules[{i}].{key}", sentence(refusal, v))
