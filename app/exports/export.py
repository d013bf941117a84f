"""Writing a coordinator export: one snapshot of the database read by this process, its
patients rendered block by block (optionally in worker processes, the scores being
CPU-bound), the files written whole or not at all, and the export audited.

The files appear in the target folder only complete and audited
(``app.reports.output_files``); a database that cannot take the audit entry is refused
before the first file is written.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app import __version__
from app.db import audit, score_cache
from app.db.access import authorise, is_person
from app.db.engine import Database
from app.db.export_reading import count_patients, iter_blocks
from app.db.file_health import require_writable
from app.db.models import Patient
from app.db.site_code import SiteCodeMissing, installation_id, is_pooled, site_code
from app.db.snapshot import Snapshot
from app.domain.permissions import Permission
from app.exports.odm_trails import read_trails
from app.exports.records import (
    ExtractStats,
    access_group,
    catalogue_for,
    protocol_versions,
    records_of_block,
)
from app.reports import odm, redcap, redcap_xml, wide
from app.reports.csv_safety import CsvFile, csv_line
from app.reports.dataset import ExportInfo
from app.reports.fields import DICTIONARY_VERSION, Catalogue
from app.reports.identity_guard import IdentityGuard
from app.reports.manifest import FileEntry, manifest_data, write_manifest
from app.reports.output_files import StagedFolder

PROFILES = ("deidentified", "identified")
FORMATS = ("redcap", "wide", "odm")


DATA_FILES = {"redcap": "redcap_data.csv", "wide": "wide_data.csv", "odm": odm.ODM_NAME}


class XmlFile:
    """The ODM file written block by block, with its SHA-256 (the CsvFile protocol: text
    of blocks, then close or abandon)."""

    def __init__(self, path: Path, start: str) -> None:
        self.path = path
        self._file = path.open("wb")
        self._sha = hashlib.sha256()
        self._rows = 0
        self._write(start)

    def _write(self, text: str) -> None:
        data = text.encode("utf-8")
        self._sha.update(data)
        self._file.write(data)

    def write_text(self, text: str, rows: int) -> None:
        self._write(text)
        self._rows += rows

    def close(self) -> tuple[str, int]:
        self._write(odm.DOCUMENT_END)
        self._file.close()
        return self._sha.hexdigest(), self._rows

    def abandon(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


class ExportCancelled(Exception):
    """The user pressed Cancel; no export files are left behind."""


class UnexportableValues(Exception):
    """Stored values no export column holds exactly (issue 17): the export is refused
    rather than written with blanks. Says how many and where (study id and column, never
    a name or the value itself); nothing is written."""

    def __init__(self, stats: ExtractStats) -> None:
        self.count, self.where = stats.unmapped_values, tuple(stats.unmapped_where)
        count = self.count
        listed = "; ".join(f"{study_id} {column}" for study_id, column in self.where)
        more = stats.unmapped_places - len(self.where)
        if more > 0:
            listed += f"; and {more} more place{'s' if more > 1 else ''}"
        plural = "value" if count == 1 else "values"
        super().__init__(
            f"Export refused: {count} stored {plural} cannot be written exactly in "
            f"{'its' if count == 1 else 'their'} export column ({listed}). Open each "
            "visit named and correct the value shown at the field, then export again.")


def _render_block(job: tuple[list[tuple], Catalogue, str, odm.Trails | None]
                  ) -> tuple[str, int, int, int, ExtractStats, dict[str, tuple[str, int]]]:
    """CSV text (XML for ODM) of one block of patients (runs in this process or in a
    worker process: it only needs the plain rows read from the snapshot, never the
    database); for the wide format also the text and rows of each treatment-course file
    (``wide.course_layouts``)."""
    payload, catalogue, fmt, trails = job
    stats = ExtractStats()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    layout: Any = wide.WideLayout(catalogue) if fmt == "wide" else redcap.DataLayout(catalogue)
    odm_layout = odm.odm_layout(catalogue, DICTIONARY_VERSION) if fmt == "odm" else None
    course = wide.course_layouts(catalogue) if fmt == "wide" else ()
    course_lines: dict[str, list[str]] = {c.file: [] for c in course}
    rows = records = 0
    max_arm = 1
    lines: list[str] = []
    # REDCap is not a spreadsheet: its import file holds text as entered.
    extracted = records_of_block(payload, catalogue, stats, escape=fmt == "wide")
    for args, record in zip(payload, extracted, strict=True):
        records += 1
        max_arm = max(max_arm, len(record.enrollments))
        rendered = (wide.visit_rows(layout, record) if fmt == "wide"
                    else redcap.record_rows(layout, record))
        course_rows = [(c, list(wide.course_rows(c, record))) for c in course]
        if not catalogue.identified:
            # The last guard: the patient's own name, MRN or date of birth in any cell
            # stops the export (IdentityInExport names the column, never the value).
            rendered = list(rendered)
            identity = args[1]
            if identity is not None:
                guard = IdentityGuard(identity.given_name, identity.family_name, identity.mrn,
                                      identity.date_of_birth)
                guard.check(record.study_id, layout.header, rendered)
                for c, lines_of in course_rows:
                    guard.check(record.study_id, c.header, lines_of)
        for c, lines_of in course_rows:
            course_lines[c.file] += (csv_line(row, writer, buffer) for row in lines_of)
        if odm_layout is not None:
            # The same rows, checked by the same guard, as ODM SubjectData.
            text = odm.subject_xml(odm_layout, record, list(rendered), trails)
            lines.append(text)
            rows += text.count("<ItemData ")
            continue
        for row in rendered:
            lines.append(csv_line(row, writer, buffer))
            rows += 1
    if odm_layout is not None:
        return "".join(lines), rows, max_arm, records, stats, {}
    extras = {name: ("".join(line + "\r\n" for line in kept), len(kept))
              for name, kept in course_lines.items()}
    lines.append("")
    return ("\r\n".join(lines) if rows else ""), rows, max_arm, records, stats, extras


@dataclass
class ExportResult:
    directory: Path
    files: list[FileEntry]
    records: int
    manifest: dict


def _run_jobs(jobs: Iterator[tuple], workers: int) -> Iterator[tuple]:
    """Render blocks in order; with workers, at most 2 blocks per worker in flight."""
    if workers <= 1:
        for job in jobs:
            yield _render_block(job)
        return
    from collections import deque

    from app.processes import process_pool, stop_resource_tracker

    try:
        with process_pool(workers) as pool:
            pending: deque = deque()
            try:
                for job in jobs:
                    pending.append(pool.submit(_render_block, job))
                    if len(pending) >= 2 * workers:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            finally:
                for future in pending:
                    future.cancel()
    finally:
        # The pool joins its workers: nothing of the export keeps running after it.
        stop_resource_tracker()


def choose_workers(requested: int | None, patients: int) -> int:
    """The worker count for an export: what was asked, else one process.

    Measured on a 2-core machine (issue 22): with the scores stored once per visit the
    export is no longer CPU-bound enough for workers to pay; 2 workers were not faster
    even before (53.8 s vs 56.4 s at 10,000 patients, 55% more CPU, ~150 MiB more), and
    each worker imports the application first. With stored scores, quiet: 2 workers
    22.0 s vs 26.1 s (16% less wall for ~55% more CPU); on a shared machine (load 5 to 18,
    2026-12-03) 2.11x their one-process floor against 1.45x for one process. One process
    stays the default: the GUI runs beside it. ``--workers N`` still asks for them."""
    del patients  # kept in the signature: a later machine may measure otherwise
    return max(1, requested) if requested is not None else 1


def default_workers(database: Database, requested: int | None = None) -> int:
    with database.reading() as session:
        patients = session.scalar(select(func.count()).select_from(Patient)) or 0
    return choose_workers(requested, patients)


def export_database(
    database: Database,
    out_dir: Path,
    *,
    profile: str = "deidentified",
    fmt: str = "redcap",
    bom: bool = False,
    user: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: datetime | None = None,
    workers: int = 1,
) -> ExportResult:
    """Write one export into ``out_dir`` (created if needed) and audit it.

    The files appear in ``out_dir`` only complete and audited (app.reports.output_files);
    on any failure (a full disk: OutputWriteError) nothing is left behind. A database that
    cannot take the audit entry is refused first (app.db.file_health.require_writable).
    ``progress(done, total)`` is called per block of patients; ``cancelled()`` is polled
    and, when true, the files written so far are removed and ExportCancelled is raised.
    ``workers`` > 1 renders blocks of patients in that many worker processes (the scores
    are CPU-bound); the database is still read once, by this process, in one snapshot.
    """
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    identified = profile == "identified"
    # The exporting account as it is now (a coordinator demoted at another workstation
    # cannot export from a session opened before); the export is credited to that person.
    who = authorise(database, Permission.EXPORT_IDENTIFIED if identified
                    else Permission.EXPORT_DEIDENTIFIED)
    if is_person(who) or not user:
        user = who.user_name
    # The export ends with its audit entry: a database that cannot take it (read-only,
    # found damaged) is refused before the first file is written.
    require_writable(database)
    created = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    # Every record id starts with the site code: none set, no export (plain words on how).
    with database.reading() as session:
        pooled, code = is_pooled(session), site_code(session)
        if not pooled and code is None:
            raise SiteCodeMissing()
        site = {"code": code, "installation_id": installation_id(session)}
    stats = ExtractStats()
    files: list[FileEntry] = []
    records = 0
    # Everything is written into a staging folder and moved into ``out_dir`` only once
    # complete and audited: a full disk or a cancel leaves no folder and no partial file.
    with StagedFolder(out_dir) as staged:
        stage = staged.path

        def finish(csv_file: CsvFile, path: Path) -> None:
            sha, rows = csv_file.close()
            files.append(FileEntry(path.name, sha, rows, path.stat().st_size))

        def simple(name: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
            path = stage / name
            csv_file = CsvFile(path, header, bom=bom)
            try:
                csv_file.write_rows(rows)
            except BaseException:
                csv_file.abandon()
                raise
            finish(csv_file, path)

        # The export builds millions of short-lived tuples and no reference cycles: the
        # cyclic collector would only re-scan the block in memory again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            with Snapshot(database) as connection:
                # Scores computed here are kept only if nothing changes meanwhile.
                read_at_head = score_cache.audit_head_id(connection)
                catalogue = catalogue_for(connection, identified)
                total = count_patients(connection)
                # The data access groups of the project: this site's, or in a pooled
                # database every site's.
                groups = sorted({access_group(code) for code in connection.execute(
                    select(Patient.site_code).distinct()).scalars() if code}
                    | ({access_group(catalogue.site_code)} if catalogue.site_code else set()))
                path = stage / DATA_FILES[fmt]
                # Audit records and signatures: identified only (full dates, staff names).
                trails = read_trails(connection, catalogue) if (
                    fmt == "odm" and identified) else None
                data: Any
                if fmt == "odm":
                    data = XmlFile(path, odm.document_start(
                        odm.odm_layout(catalogue, DICTIONARY_VERSION), trails,
                        created=created, file_oid=f"jdm-ctp-export-{created}",
                        description=f"jdm-ctp clinical data ({profile}), data dictionary "
                                    f"version {DICTIONARY_VERSION}"))
                else:
                    header = (redcap.DataLayout(catalogue).header if fmt == "redcap"
                              else wide.WideLayout(catalogue).header)
                    data = CsvFile(path, header, bom=bom)
                # The wide format's treatment-course files, written beside its data.
                course = {c.file: CsvFile(stage / c.file, c.header, bom=bom)
                          for c in wide.course_layouts(catalogue)} if fmt == "wide" else {}

                def report(done: int) -> None:
                    if cancelled is not None and cancelled():
                        raise ExportCancelled("Export cancelled; no files were kept.")
                    if progress is not None:
                        progress(done, total)

                try:
                    report(0)
                    max_arm = 1
                    jobs = ((payload, catalogue, fmt, trails)
                            for payload in iter_blocks(connection, identified, report))
                    for text, rows, arms, count, block, extras in _run_jobs(jobs, workers):
                        data.write_text(text, rows)
                        for name, (extra_text, extra_rows) in extras.items():
                            course[name].write_text(extra_text, extra_rows)
                        records += count
                        max_arm = max(max_arm, arms)
                        stats.add(block)
                    if stats.unmapped_values:
                        raise UnexportableValues(stats)
                except BaseException:
                    data.abandon()  # a full disk, a cancel, a refusal: the staging folder goes
                    for course_file in course.values():
                        course_file.abandon()
                    raise
                finish(data, path)
                for name, course_file in course.items():
                    finish(course_file, stage / name)
            if fmt in ("redcap", "odm"):
                # The metadata the ODM file's OIDs are defined in ("Create project from
                # XML" in REDCap): written beside it.
                xml_path = stage / redcap_xml.XML_NAME
                xml_bytes = redcap_xml.project_xml(
                    catalogue, max_arm, version=DICTIONARY_VERSION, groups=groups,
                    created=created)
                xml_path.write_bytes(xml_bytes)
                files.append(FileEntry(xml_path.name, hashlib.sha256(xml_bytes).hexdigest(),
                                       0, len(xml_bytes)))
            if fmt == "redcap":
                simple("redcap_data_dictionary.csv", redcap.DICTIONARY_HEADER,
                       redcap.dictionary_rows(catalogue))
                simple("redcap_instrument_event_mapping.csv", redcap.MAPPING_HEADER,
                       redcap.mapping_rows(max_arm, catalogue))
                simple("redcap_events.csv", redcap.EVENTS_HEADER,
                       redcap.events_rows(max_arm, catalogue))
                simple("redcap_arms.csv", redcap.ARMS_HEADER, redcap.arms_rows(max_arm))
                simple("redcap_repeating_instruments_events.csv", redcap.REPEATING_HEADER,
                       redcap.repeating_rows(max_arm, catalogue))
            elif fmt == "wide":
                simple("wide_codebook.csv", wide.CODEBOOK_HEADER, wide.codebook_rows(catalogue))
        finally:
            if collecting:
                gc.enable()
        info = ExportInfo(profile, fmt, __version__, protocol_versions(stats),
                          now or datetime.now(UTC), user, bom, stats.unmapped_values,
                          redcap.dictionary_sha256(catalogue),
                          {"pooled_sites": [g.upper() for g in groups]} if pooled else site)
        # The files appear inside the audit transaction: if the entry cannot be committed
        # the exception leaves this block and StagedFolder takes the files back.
        with database.session() as session:
            # The scores computed for lack of stored ones are kept for the next export.
            score_cache.store(session, stats.scores, read_at_head)
            entry = audit.record(session, user=user, action="export", entity="export",
                                 entity_id=profile, new={"format": fmt, "profile": profile,
                                                         "records": records,
                                                         "directory": str(out_dir)})
            session.flush()
            # The manifest carries the audit trail's head as of this export (its own
            # entry): the coordinator then holds a copy of it outside the database.
            data_manifest = manifest_data(info, files, records,
                                          audit_head=(entry.id, entry.entry_hash))
            write_manifest(stage, data_manifest)
            staged.publish()
    return ExportResult(out_dir, files, records, data_manifest)
