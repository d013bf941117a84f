<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdverseEventsSection</name>
    <message numerus="yes">
        <source>%n adverse event(s) recorded</source>
        <translation>
            <numerusform>%n adverse event recorded</numerusform>
            <numerusform>%n adverse events recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n serious</source>
        <translation>
            <numerusform>, %n serious</numerusform>
            <numerusform>, %n serious</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n ongoing</source>
        <translation>
            <numerusform>, %n ongoing</numerusform>
            <numerusform>, %n ongoing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message numerus="yes">
        <source>%n entries (%1).</source>
        <translation>
            <numerusform>%n entry (%1).</numerusform>
            <numerusform>%n entries (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printed %n entries to %1.</source>
        <translation>
            <numerusform>Printed %n entry to %1.</numerusform>
            <numerusform>Printed %n entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CmasSection</name>
    <message numerus="yes">
        <source>&lt;b&gt;CMAS total not computed&lt;/b&gt;: %n entry(ies) to correct.</source>
        <translation>
            <numerusform>&lt;b&gt;CMAS total not computed&lt;/b&gt;: %n entry to correct.</numerusform>
            <numerusform>&lt;b&gt;CMAS total not computed&lt;/b&gt;: %n entries to correct.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Incomplete&lt;/b&gt;: %n of 14 items missing; sum of the items entered %1 (partial, not a total).</source>
        <translation>
            <numerusform>&lt;b&gt;Incomplete&lt;/b&gt;: %n of 14 items missing; sum of the items entered %1 (partial, not a total).</numerusform>
            <numerusform>&lt;b&gt;Incomplete&lt;/b&gt;: %n of 14 items missing; sum of the items entered %1 (partial, not a total).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CohortWindow</name>
    <message numerus="yes">
        <source>%1 (%n enrollment(s))</source>
        <translation>
            <numerusform>%1 (%n enrollment)</numerusform>
            <numerusform>%1 (%n enrollments)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n enrollment(s), analysed under the arm each started on. Every figure gives the patients it rests on (n); double-click a number to list them. Computed in %2 s.</source>
        <translation>
            <numerusform>%1: %n enrollment, analysed under the arm it started on. Every figure gives the patients it rests on (n); double-click a number to list them. Computed in %2 s.</numerusform>
            <numerusform>%1: %n enrollments, analysed under the arm each started on. Every figure gives the patients it rests on (n); double-click a number to list them. Computed in %2 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnzymesSection</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Exported %1 of %n patient(s)…</source>
        <translation>
            <numerusform>Exported %1 of %n patient…</numerusform>
            <numerusform>Exported %1 of %n patients…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n patient(s) to %1; see manifest.json for checksums.</source>
        <translation>
            <numerusform>Exported %n patient to %1; see manifest.json for checksums.</numerusform>
            <numerusform>Exported %n patients to %1; see manifest.json for checksums.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GlobalsSection</name>
    <message numerus="yes">
        <source>%n of %1 assessment(s) entered</source>
        <translation>
            <numerusform>%n of %1 assessments entered</numerusform>
            <numerusform>%n of %1 assessments entered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) to correct</source>
        <translation>
            <numerusform>%n entry to correct</numerusform>
            <numerusform>%n entries to correct</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResult</name>
    <message numerus="yes">
        <source>Imported %Ln new patient(s);</source>
        <translation>
            <numerusform>Imported %Ln new patient;</numerusform>
            <numerusform>Imported %Ln new patients;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already present with identical data.</source>
        <translation>
            <numerusform>%Ln was already present with identical data.</numerusform>
            <numerusform>%Ln were already present with identical data.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(and %n more problem(s))</source>
        <translation>
            <numerusform>(and %n more problem)</numerusform>
            <numerusform>(and %n more problems)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln patient(s)</source>
        <translation>
            <numerusform>%Ln patient</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln patient(s)</source>
        <translation>
            <numerusform>%L1 of %Ln patient</numerusform>
            <numerusform>%L1 of %Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n protocol file(s) refused — see Tools → Treatment plans</source>
        <translation>
            <numerusform>%n protocol file refused — see Tools → Treatment plans</numerusform>
            <numerusform>%n protocol files refused — see Tools → Treatment plans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database %1 is now stored unencrypted (%n rows checked).</source>
        <translation>
            <numerusform>The database %1 is now stored unencrypted (%n row checked).</numerusform>
            <numerusform>The database %1 is now stored unencrypted (%n rows checked).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database %1 is now encrypted with the new passphrase (%n rows checked).</source>
        <translation>
            <numerusform>The database %1 is now encrypted with the new passphrase (%n row checked).</numerusform>
            <numerusform>The database %1 is now encrypted with the new passphrase (%n rows checked).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database %1 is now encrypted (%n rows checked).</source>
        <translation>
            <numerusform>The database %1 is now encrypted (%n row checked).</numerusform>
            <numerusform>The database %1 is now encrypted (%n rows checked).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier backup(s) of it are NOT encrypted: %1. Delete them or keep them somewhere as safe as the database.</source>
        <translation>
            <numerusform>%n earlier backup of it is NOT encrypted: %1. Delete it or keep it somewhere as safe as the database.</numerusform>
            <numerusform>%n earlier backup(s) of it are NOT encrypted: %1. Delete them or keep them somewhere as safe as the database.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MissingReasonsDialog</name>
    <message numerus="yes">
        <source>%n required item(s) blank. Enter them in the form, or give a reason for each to mark the visit complete.</source>
        <translation>
            <numerusform>%n required item is blank. Enter it in the form, or give a reason for it to mark the visit complete.</numerusform>
            <numerusform>%n required items are blank. Enter them in the form, or give a reason for each to mark the visit complete.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mmt8Section</name>
    <message numerus="yes">
        <source>&lt;b&gt;MMT8 total not computed&lt;/b&gt;: %n grade(s) to correct.</source>
        <translation>
            <numerusform>&lt;b&gt;MMT8 total not computed&lt;/b&gt;: %n grade to correct.</numerusform>
            <numerusform>&lt;b&gt;MMT8 total not computed&lt;/b&gt;: %n grades to correct.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientsBehind</name>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SteroidExposureSection</name>
    <message numerus="yes">
        <source>%n entry(ies) to correct</source>
        <translation>
            <numerusform>%n entry to correct</numerusform>
            <numerusform>%n entries to correct</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TreatmentCourseDialog</name>
    <message numerus="yes">
        <source>, %n day(s) late</source>
        <translation>
            <numerusform>, %n day late</numerusform>
            <numerusform>, %n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) early</source>
        <translation>
            <numerusform>, %n day early</numerusform>
            <numerusform>, %n days early</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitFormWindow</name>
    <message numerus="yes">
        <source>%n entries need correcting before saving:</source>
        <translation>
            <numerusform>%n entry needs correcting before saving:</numerusform>
            <numerusform>%n entries need correcting before saving:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved (%n item changes).</source>
        <translation>
            <numerusform>Saved (%n item change).</numerusform>
            <numerusform>Saved (%n item changes).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not complete: %n required item(s) with neither a value nor a reason.</source>
        <translation>
            <numerusform>Not complete: %n required item has neither a value nor a reason.</numerusform>
            <numerusform>Not complete: %n required items have neither a value nor a reason.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitTimelineWidget</name>
    <message numerus="yes">
        <source>%1 of %n visit(s) complete</source>
        <translation>
            <numerusform>%1 of %n visit complete</numerusform>
            <numerusform>%1 of %n visits complete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
</TS>
