<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</TS>
