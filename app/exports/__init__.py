"""Everything that leaves the database as a file, or comes back from one: coordinator
exports, the import of an export, and the data of a visit's printed documents.

Each reads a snapshot through ``app.db``, scores with ``app.domain`` and hands plain data to
the writers of ``app.reports`` (layers: docs/architecture.md).

  ``records``            rows of one snapshot -> PatientRecords, scores included
  ``export``             writing an export (blocks, worker processes, audit)
  ``importing``          importing an identified REDCap export, all or nothing
  ``visit_report_data``  one visit gathered for the visit summary, worksheet and dosing sheet
"""
