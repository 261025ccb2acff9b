<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>alerts</name>
        <message numerus="yes">
            <source>Show %n crop(s)</source>
            <translation>
                <numerusform>Show %n crop</numerusform>
                <numerusform>Show %n crops</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>barcode panel</name>
        <message numerus="yes">
            <source>%n barcode(s): {codes}</source>
            <translation>
                <numerusform>%n barcode: {codes}</numerusform>
                <numerusform>%n barcodes: {codes}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>cases</name>
        <message numerus="yes">
            <source>%n examination(s)</source>
            <translation>
                <numerusform>%n examination</numerusform>
                <numerusform>%n examinations</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>checks</name>
        <message numerus="yes">
            <source>learned from %n exemplars</source>
            <translation>
                <numerusform>learned from %n exemplar</numerusform>
                <numerusform>learned from %n exemplars</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>learned from %n exemplars: {range}</source>
            <translation>
                <numerusform>learned from %n exemplar: {range}</numerusform>
                <numerusform>learned from %n exemplars: {range}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>the text read (%n line(s)) fits no MRZ layout</source>
            <translation>
                <numerusform>the text read (%n line) fits no MRZ layout</numerusform>
                <numerusform>the text read (%n lines) fits no MRZ layout</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>all %n check digits of the {format} MRZ verify</source>
            <translation>
                <numerusform>the %n check digit of the {format} MRZ verifies</numerusform>
                <numerusform>all %n check digits of the {format} MRZ verify</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{zone}: {format} decoded (%n bytes) on the {face}</source>
            <translation>
                <numerusform>{zone}: {format} decoded (%n byte) on the {face}</numerusform>
                <numerusform>{zone}: {format} decoded (%n bytes) on the {face}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{zone}: the {face}'s page could not be placed to look for it (%n symbol(s) decoded elsewhere)</source>
            <translation>
                <numerusform>{zone}: the {face}'s page could not be placed to look for it (%n symbol decoded elsewhere)</numerusform>
                <numerusform>{zone}: the {face}'s page could not be placed to look for it (%n symbols decoded elsewhere)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{where}: %n field(s) agree with the {against}</source>
            <translation>
                <numerusform>{where}: %n field agrees with the {against}</numerusform>
                <numerusform>{where}: %n fields agree with the {against}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>checks panel</name>
        <message numerus="yes">
            <source>%n check(s) — {failed} failed, {warnings} warnings, {passed} passed</source>
            <translation>
                <numerusform>%n check — {failed} failed, {warnings} warnings, {passed} passed</numerusform>
                <numerusform>%n checks — {failed} failed, {warnings} warnings, {passed} passed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>drill</name>
        <message numerus="yes">
            <source>%n examination(s) behind {what}{more}; double-click one to open it.</source>
            <translation>
                <numerusform>%n examination behind {what}{more}; double-click one to open it.</numerusform>
                <numerusform>%n examinations behind {what}{more}; double-click one to open it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>findings</name>
        <message numerus="yes">
            <source>%n mark(s): {marks}</source>
            <translation>
                <numerusform>%n mark: {marks}</numerusform>
                <numerusform>%n marks: {marks}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>library</name>
        <message numerus="yes">
            <source>{shown} of %n specimen(s)</source>
            <translation>
                <numerusform>{shown} of %n specimen</numerusform>
                <numerusform>{shown} of %n specimens</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>lights: {lights}; statistics from %n genuine exemplar(s)</source>
            <translation>
                <numerusform>lights: {lights}; statistics from %n genuine exemplar</numerusform>
                <numerusform>lights: {lights}; statistics from %n genuine exemplars</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>progress</name>
        <message numerus="yes">
            <source>%n course(s) completed, {passed} passed; last: {course} ({percent} %).</source>
            <translation>
                <numerusform>%n course completed, {passed} passed; last: {course} ({percent} %).</numerusform>
                <numerusform>%n courses completed, {passed} passed; last: {course} ({percent} %).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>session</name>
        <message numerus="yes">
            <source>%n alert(s) about this document type: see the banner</source>
            <translation>
                <numerusform>%n alert about this document type: see the banner</numerusform>
                <numerusform>%n alerts about this document type: see the banner</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n alert(s) expired since the last start (recorded in the audit trail)</source>
            <translation>
                <numerusform>%n alert expired since the last start (recorded in the audit trail)</numerusform>
                <numerusform>%n alerts expired since the last start (recorded in the audit trail)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Chip read with {protocol}: %n file(s); examining again</source>
            <translation>
                <numerusform>Chip read with {protocol}: %n file; examining again</numerusform>
                <numerusform>Chip read with {protocol}: %n files; examining again</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Examined{time}: {verdict}, %n failed check(s)</source>
            <translation>
                <numerusform>Examined{time}: {verdict}, %n failed check</numerusform>
                <numerusform>Examined{time}: {verdict}, %n failed checks</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>specimen editor</name>
        <message numerus="yes">
            <source>%n capture(s): {folders}</source>
            <translation>
                <numerusform>%n capture: {folders}</numerusform>
                <numerusform>%n captures: {folders}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>preview: %n exemplar(s) examined against the draft</source>
            <translation>
                <numerusform>preview: %n exemplar examined against the draft</numerusform>
                <numerusform>preview: %n exemplars examined against the draft</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n check(s) ran</source>
            <translation>
                <numerusform>%n check ran</numerusform>
                <numerusform>%n checks ran</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>trainer</name>
        <message numerus="yes">
            <source>%n document(s), about {percent} % genuine. Lights: {lights}. Time limit: {limit}. Automated checks: {checks}.</source>
            <translation>
                <numerusform>%n document, about {percent} % genuine. Lights: {lights}. Time limit: {limit}. Automated checks: {checks}.</numerusform>
                <numerusform>%n documents, about {percent} % genuine. Lights: {lights}. Time limit: {limit}. Automated checks: {checks}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{title}  (%n document(s))</source>
            <translation>
                <numerusform>{title}  (%n document)</numerusform>
                <numerusform>{title}  (%n documents)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n mark(s). Mark where you see the forgery: the rectangle tool (M), then two corners; Ctrl+Z removes the last mark.</source>
            <translation>
                <numerusform>%n mark. Mark where you see the forgery: the rectangle tool (M), then two corners; Ctrl+Z removes the last mark.</numerusform>
                <numerusform>%n marks. Mark where you see the forgery: the rectangle tool (M), then two corners; Ctrl+Z removes the last mark.</numerusform>
            </translation>
        </message>
    </context>
</TS>
