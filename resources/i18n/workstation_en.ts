<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</TS>
