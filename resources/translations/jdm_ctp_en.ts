<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</TS>
