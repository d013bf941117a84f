"""Loading protocol files: read, validate the whole file, build the plan.

Validation is all-or-nothing (architecture, "Protocols are data"): every problem in a
file is reported with its dotted key path, and a file with any problem is refused as a
whole, never half-loaded. The catalog puts a site's own folder over the shipped files.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.domain.errors import ProtocolFileError, ProtocolProblem
from app.domain.protocol import file_format as fmt
from app.domain.protocol import sections
from app.domain.protocol.arms import Arm
from app.domain.protocol.doses import ScheduleSpec
from app.domain.protocol.eligibility import Criterion
from app.domain.protocol.plan import Protocol, ProtocolCatalog
from app.domain.protocol.prior_therapy_rules import DrugGroup, HalfLife, PriorTherapyRule
from app.domain.protocol.reading import Reader, ids_of, join
from app.domain.protocol.visits import Instrument, VisitDefinition


def load_protocol(path: Path | str) -> Protocol:
    """Read, validate and return one protocol file; ProtocolFileError lists every problem.

    Validation is all-or-nothing: a file with any problem (including a TOML syntax error)
    is refused as a whole. ``content_hash`` is the sha256 of the file's bytes, so an
    enrollment can record exactly which text it was made under (architecture).
    """
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProtocolFileError(
            name, [ProtocolProblem(name, "", f"cannot read the file: {exc}")]
        ) from exc
    content_hash = hashlib.sha256(data).hexdigest()
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        problem = ProtocolProblem(name, "", f"the file is not UTF-8 text ({exc})")
        raise ProtocolFileError(name, [problem]) from exc
    except tomllib.TOMLDecodeError as exc:
        problem = ProtocolProblem(name, "", f"TOML syntax error: {exc}")
        raise ProtocolFileError(name, [problem]) from exc
    return protocol_from_data(raw, file=name, content_hash=content_hash)


def protocol_from_data(
    raw: dict[str, Any], *, file: str = "<data>", content_hash: str = ""
) -> Protocol:
    """Validate already-parsed protocol data (the TOML document as a dict).

    Same checks as ``load_protocol``; ProtocolFileError (naming ``file``) lists every
    problem. ``load_protocol`` is the normal entry point; this one serves tests and tools.
    """
    reader = Reader(file)
    if not isinstance(raw, dict):
        reader.problem("", "the protocol must be a table of keys")
        raise ProtocolFileError(file, reader.problems)
    protocol = _build(reader, raw, content_hash, file)
    if protocol is None or reader.problems:
        raise ProtocolFileError(file, reader.problems)
    return protocol


def load_protocol_catalog(dirs: Sequence[Path | str]) -> ProtocolCatalog:
    """Load every ``*.toml`` in the folders, in order; a later folder's protocol with the
    same id replaces an earlier one (site overrides of the built-in files).

    A file that fails validation is reported in ``rejected`` and not offered; an earlier
    valid protocol with the same id stays on offer. A missing folder is skipped (a site
    folder need not exist). Two files with the same id in one folder is ambiguous: the
    second (by file name) is rejected.
    """
    catalog = ProtocolCatalog()
    for directory in dirs:
        directory = Path(directory)
        if not directory.is_dir():
            continue
        seen_here: dict[str, Path] = {}
        for file in sorted(directory.glob("*.toml")):
            try:
                protocol = load_protocol(file)
            except ProtocolFileError as exc:
                catalog.rejected.append(exc)
                continue
            if protocol.id in seen_here:
                reason = (
                    f'protocol id "{protocol.id}" is already defined by '
                    f"{seen_here[protocol.id].name} in the same folder"
                )
                catalog.rejected.append(
                    ProtocolFileError(str(file), [ProtocolProblem(str(file), "id", reason)])
                )
                continue
            seen_here[protocol.id] = file
            earlier = catalog.protocols.get(protocol.id)
            if earlier is not None:
                catalog.replaced.append(earlier)
            catalog.protocols[protocol.id] = protocol
    return catalog


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
                r.problem(f"arms[{ai}].doses[{di}].schedule", f'no schedule "{dose.schedule}"')
        for ri, rule in enumerate(arm.rules):
            rpath = f"arms[{ai}].rules[{ri}]"
            if rule.when is not None:
                sections.check_condition_target(r, rule.when, fields, join(rpath, "when"))
            for target in rule.arms:
                if target.casefold() not in arm_ids:
                    r.problem(join(rpath, "arms"), f'no arm "{target}"')
                elif target.casefold() == arm.id.casefold():
                    r.problem(join(rpath, "arms"), f'arm "{target}" cannot switch to itself')
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
                    r.problem(f"visits[{vi}].{key}", f'no instrument "{name}" in [[instruments]]')
        if visit.offset_months < previous:
            r.problem(f"visits[{vi}].offset_months", "visits must be listed in time order")
        previous = visit.offset_months


def _known_instruments() -> tuple[str, ...]:
    """The instrument ids this application can record (the instrument registry). Imported
    here, not at the top: the registry's instruments use the plan model of this package."""
    from app.domain.instruments.registry import protocol_instrument_ids

    return protocol_instrument_ids()


def _unknown_instrument(name: str, known: tuple[str, ...]) -> str:
    return (f'"{name}" is not an instrument this application can record; known instruments: '
            + ", ".join(known))
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
            r.problem(f"half_lives[{i}].drug", f'"{h.drug}" already has a half-life '
                      f"(half_lives[{known[h.drug]}])")
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
                      "no [[half_lives]] entry for " + ", ".join(missing))


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
        for key, known, what in (("arms", arm_ids, "arm"), ("groups", group_ids, "drug group")):
            values = tbl.get(key)
            if not isinstance(values, list):
                continue
            for v in values:
                if isinstance(v, str) and (v.casefold() if key == "arms" else v) not in known:
                    r.problem(f"prior_therapy_rules[{i}].{key}", f'no {what} "{v}"')
