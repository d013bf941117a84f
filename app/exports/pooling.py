"""A coordinator's pooled database (issue 17, "Sites and pooling"): the de-identified
REDCap exports of several sites loaded into one database, so that one pooled REDCap file
can be exported (the same export) and the cohort view runs on every site.

What is checked before anything is written, for every folder given (all or nothing):
the manifest and the SHA-256 of every file it lists; an identified export is refused (a
pooled database never holds identities); the dictionary's version and SHA-256 must be the
coordinator's own (the same plans give the same dictionary, app.reports.fields), so mixed
versions are refused; every record id is ``SITE-studyid`` of the one site the manifest
names; two folders with the same site code, or a code the database already holds from
another installation, are a collision; an export older than (or the same as) the one
already loaded for that site is refused. Then, in ONE transaction, each site's records
replace the records the database held for it, with one audit entry per site.

How a de-identified export becomes records: its dates are days since the patient's first
enrollment, so they are stored as days after one fixed day (DAY_ZERO) — the intervals the
cohort view and the export compute are the site's own, and no calendar date exists here.
The record's study id is its record id (``SITE-studyid``), its site code the site's, its
age the age group the site exported.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import audit, write_lock
from app.db.access import authorise
from app.db.engine import Database
from app.db.models import Patient, PatientIdentity, PooledSite
from app.db.site_code import is_pooled, make_pooled
from app.domain.display_words import counted
from app.domain.permissions import Actor, Permission
from app.exports.import_files import (
    DATA,
    DICTIONARY,
    MANIFEST,
    ImportProblem,
    ImportRejected,
    check_listed_files,
    read_csv_file,
    read_manifest,
    study_id_problem,
)
from app.exports.importing import (
    ItemRows,
    _build_patient,
    _check_rows,
    _text_coded,
    _write_items,
    site_ids_read_back,
)
from app.exports.records import catalogue_for
from app.reports import redcap
from app.reports.fields import DICTIONARY_VERSION, Catalogue

# The day a pooled record's day 0 (its first enrollment) is stored as: no real date.
DAY_ZERO = date(2000, 1, 1)
DAY_SUFFIX, DATE_SUFFIX = "_day", "_date"
RX_INPUTS = ("weight_kg", "height_cm", "bsa_m2")


@dataclass
class SiteExport:
    folder: Path
    code: str
    installation_id: str
    exported_at: str
    manifest_sha256: str
    dictionary_sha256: str
    records: dict[str, list[dict[str, str]]] = field(default_factory=dict)


@dataclass
class PoolSummary:
    loaded: list[tuple[str, int, int]] = field(default_factory=list)  # code, added, replaced

    def describe(self) -> str:
        return "; ".join(f"site {code}: {counted(added, 'record')} loaded"
                         + (f", replacing {replaced}" if replaced else "")
                         for code, added, replaced in self.loaded) + "."


def _refuse(folder: Path, file: str, reason: str) -> ImportRejected:
    return ImportRejected([ImportProblem(f"{folder.name}/{file}", None, None, reason)])


def _expected() -> tuple[Catalogue, str, list[list[str]]]:
    """The coordinator's de-identified catalogue, its dictionary's SHA-256 and rows."""
    catalogue = catalogue_for(None, False)
    return (catalogue, redcap.dictionary_sha256(catalogue),
            [list(redcap.DICTIONARY_HEADER), *redcap.dictionary_rows(catalogue)])


def read_site_export(folder: Path) -> SiteExport:
    """One site's de-identified export, checked; ImportRejected (naming the folder and
    file) otherwise. Reads nothing from any database."""
    problems: list[ImportProblem] = []
    if not folder.is_dir():
        raise _refuse(folder, "", "is not a folder")
    manifest = read_manifest(folder, problems, profile="deidentified")
    if manifest is None or problems:
        raise ImportRejected([replace(p, file=f"{folder.name}/{p.file}") for p in problems])
    data = manifest.data
    check_listed_files(folder, manifest, problems)  # every file's SHA-256
    if problems:
        raise ImportRejected(problems)
    dictionary = data.get("data_dictionary") or {}
    catalogue, sha, expected_rows = _expected()
    if dictionary.get("version") != DICTIONARY_VERSION:
        raise _refuse(folder, MANIFEST, f"data dictionary version "
                      f"{dictionary.get('version')!s:.20} is not this installation's "
                      f"({DICTIONARY_VERSION}): the site exports again with the same version")
    if dictionary.get("sha256") != sha:
        raise _refuse(folder, MANIFEST, "its data dictionary (SHA-256 "
                      f"{str(dictionary.get('sha256'))[:16]}…) is not this installation's "
                      f"({sha[:16]}…): the sites and the coordinator need the same plans")
    site = data.get("site") or {}
    code, installation = site.get("code"), site.get("installation_id")
    if not isinstance(code, str) or not isinstance(installation, str) or not code:
        raise _refuse(folder, MANIFEST, "names no site code (an export made before site "
                      "codes, or by a pooled database)")
    rows = read_csv_file(folder, DICTIONARY, problems)
    if rows is not None and rows != expected_rows:
        problems.append(ImportProblem(f"{folder.name}/{DICTIONARY}", None, None,
                                      "is not this installation's data dictionary"))
    table = read_csv_file(folder, DATA, problems) if not problems else None
    if problems or table is None:
        raise ImportRejected(problems)
    table = _text_coded(table, catalogue)
    plain = replace(catalogue, numeric_codes=False)
    if table and tuple(table[0]) == redcap.DataLayout(plain).header:
        found = site_ids_read_back(table, problems)
        if found and found != code:
            problems.append(ImportProblem(f"{folder.name}/{DATA}", None, "record_id",
                                          f"records of site {found}; the manifest names "
                                          f"site {code}"))
    checked = _check_rows(table, plain, problems)
    if problems:
        raise ImportRejected(problems)
    export = SiteExport(folder, code, installation, str(data.get("exported_at", "")),
                        manifest.sha256, sha)
    for row in checked:
        export.records.setdefault(row["record_id"], []).append(row)
    for study_id in export.records:
        problem = study_id_problem(study_id)
        if problem:
            raise _refuse(folder, DATA, problem)
    return export


def _as_dated(row: dict[str, str], dates: frozenset[str]) -> dict[str, str]:
    """A de-identified row with each ``*_day`` as the ``*_date`` it stands for (days after
    DAY_ZERO); every identified-only column reads as empty. ``dates``: the identified
    dictionary's date fields (a dose "per day" also ends in ``_day`` and is no date)."""
    out: dict[str, str] = defaultdict(str)
    for column, value in row.items():
        stem = column[: -len(DAY_SUFFIX)] + DATE_SUFFIX
        if column.endswith(DAY_SUFFIX) and stem in dates:
            out[stem] = (DAY_ZERO + timedelta(days=int(value))).isoformat() if value else ""
        else:
            out[column] = value
    # The dose's inputs a de-identified export writes as numbers (the identified one as
    # JSON): kept, so the pooled export writes them again.
    inputs = {key: float(row[f"rx_{key}"]) for key in RX_INPUTS if row.get(f"rx_{key}")}
    if inputs:
        out["rx_inputs_json"] = json.dumps(inputs)
    return out


def _collisions(exports: list[SiteExport], session: Session) -> list[ImportProblem]:
    problems = []
    seen: dict[str, SiteExport] = {}
    for export in exports:
        other = seen.setdefault(export.code, export)
        if other is not export:
            same = other.installation_id == export.installation_id
            problems.append(ImportProblem(
                export.folder.name, None, None,
                (f"a second export of site {export.code} (also in {other.folder.name}); "
                 "give only the newest" if same else
                 f"site code {export.code} is also used by another installation "
                 f"({other.folder.name}); each site needs its own code")))
            continue
        held = session.get(PooledSite, export.code)
        if held is None:
            continue
        if held.installation_id != export.installation_id:
            problems.append(ImportProblem(
                export.folder.name, None, None,
                f"site code {export.code} is already held here from another installation; "
                "each site needs its own code"))
        elif export.exported_at <= held.exported_at:
            problems.append(ImportProblem(
                export.folder.name, None, None,
                f"this export of site {export.code} ({export.exported_at}) is not newer than "
                f"the one already loaded ({held.exported_at}); nothing was replaced"))
    return problems


def _mixed_versions(folders: list[Path]) -> ImportRejected | None:
    """Exports of different dictionary versions in one batch, said as such (each is also
    compared with the coordinator's own dictionary in read_site_export)."""
    versions: dict[str, list[str]] = {}
    for folder in folders:
        manifest = read_manifest(folder, [], profile="deidentified") if folder.is_dir() \
            else None
        if manifest is not None:
            version = str((manifest.data.get("data_dictionary") or {}).get("version"))[:20]
            versions.setdefault(version, []).append(folder.name)
    if len(versions) < 2:
        return None
    listed = "; ".join(f"version {v}: {', '.join(names)}" for v, names in sorted(
        versions.items()))
    return ImportRejected([ImportProblem("", None, None, f"mixed data dictionary versions "
                                         f"({listed}); pool exports of one version only")])


def pool_exports(database: Database, folders: list[Path | str], *, user: str) -> PoolSummary:
    """Load the de-identified exports in ``folders`` into ``database`` (a new one becomes a
    pooled database); ImportRejected, with nothing changed, on any problem. Coordinators
    and administrators (the import permission), checked against the account as it is now."""
    who = authorise(database, Permission.IMPORT_DATA)
    if isinstance(who, Actor) or not user:
        user = who.user_name
    folders = [Path(folder) for folder in folders]
    mixed = _mixed_versions(folders)
    if mixed is not None:
        raise mixed
    exports = [read_site_export(folder) for folder in folders]
    summary = PoolSummary()
    with database.session() as session:
        write_lock.hold(session)
        if not is_pooled(session):
            if session.scalar(select(func.count()).select_from(Patient)):
                raise ImportRejected([ImportProblem(
                    "", None, None, "this database holds a clinic's own patients; pool "
                    "into a new database (a pooled database holds pooled sites only)")])
            make_pooled(session, user=user)
        problems = _collisions(exports, session)
        if problems:
            raise ImportRejected(problems)
        catalogue = replace(catalogue_for(None, True), numeric_codes=False)
        dates = frozenset(f.name for f in catalogue.all_fields
                          if f.validation == "date_ymd")
        for export in exports:
            replaced = _remove_site(session, export.code)
            items: ItemRows = []
            for study_id, rows in export.records.items():
                patient = _build_patient(study_id, [_as_dated(r, dates) for r in rows], catalogue,
                                         items)
                patient.study_id = f"{export.code}-{study_id}"
                patient.site_code = export.code
                patient.site = ""
                patient.pooled_age = next(
                    (r["pt_age_at_enrollment"] for r in rows if r.get("pt_age_at_enrollment")),
                    None)
                session.add(patient)
            session.merge(PooledSite(
                site_code=export.code, installation_id=export.installation_id,
                exported_at=export.exported_at, manifest_sha256=export.manifest_sha256,
                dictionary_sha256=export.dictionary_sha256, records=len(export.records)))
            session.flush()
            _write_items(session, items)
            audit.record(session, user=user, action="pool", entity="pooled_site",
                         entity_id=export.code,
                         new={"manifest_sha256": export.manifest_sha256,
                              "exported_at": export.exported_at,
                              "records": len(export.records), "replaced": replaced,
                              "installation_id": export.installation_id},
                         reason="pooled de-identified export of a site")
            summary.loaded.append((export.code, len(export.records), replaced))
        # The last guard: a pooled database never holds an identity.
        if session.scalar(select(func.count()).select_from(PatientIdentity)):
            raise ImportRejected([ImportProblem("", None, None, "an identity would have "
                                                "been stored; nothing was pooled")])
    return summary


def _remove_site(session: Session, code: str) -> int:
    """Delete every record of site ``code`` (each object through the ORM, so the audit
    trail's record states note each deletion); how many patients were removed."""
    patients = session.scalars(select(Patient).where(Patient.site_code == code)).all()
    for patient in patients:
        for enrollment in patient.enrollments:
            for visit in enrollment.visits:
                for child in (*visit.instrument_values, *visit.adverse_events):
                    session.delete(child)
                session.delete(visit)
            for arm in enrollment.arm_assignments:
                for infusion in arm.infusions:
                    session.delete(infusion)
            for child in (*enrollment.prescriptions, *enrollment.arm_assignments):
                session.delete(child)
            session.delete(enrollment)
        for screening in patient.screenings:
            for answer in screening.answers:
                session.delete(answer)
            session.delete(screening)
        for child in (*patient.prior_therapies, *patient.anthropometrics):
            session.delete(child)
        session.delete(patient)
    session.flush()
    return len(patients)


__all__ = ["DAY_ZERO", "PoolSummary", "pool_exports", "read_site_export"]


