<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditBrowser</name>
    <message numerus="yes">
        <location filename="../widgets/auditbrowser.cpp" line="+254"/>
        <source>%n entries so far…</source>
        <translation>
            <numerusform>%n entry so far…</numerusform>
            <numerusform>%n entries so far…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message numerus="yes">
        <location filename="../app/auditcommand.cpp" line="+268"/>
        <source>%1: %n new entries</source>
        <translation>
            <numerusform>%1: %n new entry</numerusform>
            <numerusform>%1: %n new entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message numerus="yes">
        <location filename="../models/item/changetablemodel.cpp" line="+161"/>
        <source>In all, across %n changes: %1</source>
        <translation>
            <numerusform>In all, across %n change: %1</numerusform>
            <numerusform>In all, across %n changes: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 (net of %n changes)</source>
        <translation>
            <numerusform>%1 (net of %n change)</numerusform>
            <numerusform>%1 (net of %n changes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message numerus="yes">
        <location filename="../widgets/changesview.cpp" line="+260"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n flag</numerusform>
            <numerusform>%n flags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>Put %1 in %2 back as it was before %n change(s)</source>
        <translation>
            <numerusform>Put %1 in %2 back as it was before %n change</numerusform>
            <numerusform>Put %1 in %2 back as it was before %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Put %n flag(s) back</source>
        <translation>
            <numerusform>Put %n flag back</numerusform>
            <numerusform>Put %n flags back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CleanupView</name>
    <message numerus="yes">
        <location filename="../widgets/cleanupview.cpp" line="+81"/>
        <source>%n flag(s) due for cleanup: remove them from the code, then archive them</source>
        <translation>
            <numerusform>%n flag due for cleanup: remove it from the code, then archive it</numerusform>
            <numerusform>%n flags due for cleanup: remove them from the code, then archive them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n flag(s) written to %1</source>
        <translation>
            <numerusform>%n flag written to %1</numerusform>
            <numerusform>%n flags written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <location filename="../models/core/durationtext.cpp" line="+18"/>
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlagTableModel</name>
    <message numerus="yes">
        <location filename="../models/item/flagtablemodel.cpp" line="+272"/>
        <location filename="../widgets/flagtableview.cpp" line="+186"/>
        <source>Undo (%n s)</source>
        <translation>
            <numerusform>Undo (%n s)</numerusform>
            <numerusform>Undo (%n s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuardHeartbeat</name>
    <message numerus="yes">
        <location filename="../models/core/guardheartbeat.cpp" line="+26"/>
        <source>Guarded by %1, last seen %n s ago</source>
        <translation>
            <numerusform>Guarded by %1, last seen %n s ago</numerusform>
            <numerusform>Guarded by %1, last seen %n s ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuardrailMonitor</name>
    <message numerus="yes">
        <location filename="../models/metrics/guardrailmonitor.cpp" line="+137"/>
        <source>%1: %2 at %3 (%4 to %5), beyond the threshold %6, %n interval(s)</source>
        <translation>
            <numerusform>%1: %2 at %3 (%4 to %5), beyond the threshold %6, %n interval</numerusform>
            <numerusform>%1: %2 at %3 (%4 to %5), beyond the threshold %6, %n intervals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1: %2 %3 against %4 (%5 to %6), %n paired interval(s)</source>
        <translation>
            <numerusform>%1: %2 %3 against %4 (%5 to %6), %n paired interval</numerusform>
            <numerusform>%1: %2 %3 against %4 (%5 to %6), %n paired intervals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../app/mainwindow.cpp" line="+401"/>
        <source>%1 in %2 is off: the server confirmed it. Undo (Ctrl+Z) is offered for %n s.</source>
        <translation>
            <numerusform>%1 in %2 is off: the server confirmed it. Undo (Ctrl+Z) is offered for %n s.</numerusform>
            <numerusform>%1 in %2 is off: the server confirmed it. Undo (Ctrl+Z) is offered for %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+84"/>
        <source>The audit cache writes again: the %n entries kept in memory meanwhile are in it.</source>
        <translation>
            <numerusform>The audit cache writes again: the entry kept in memory meanwhile is in it.</numerusform>
            <numerusform>The audit cache writes again: the %n entries kept in memory meanwhile are in it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Exported %n entry to %1.</numerusform>
            <numerusform>Exported %n entries to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+144"/>
        <source>Flags (%n need attention)</source>
        <translation>
            <numerusform>Flags (%n needs attention)</numerusform>
            <numerusform>Flags (%n need attention)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 of %n flag(s)</source>
        <translation>
            <numerusform>%1 of %n flag</numerusform>
            <numerusform>%1 of %n flags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n proposal(s) waiting for review</source>
        <translation>
            <numerusform>%n proposal waiting for review</numerusform>
            <numerusform>%n proposals waiting for review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+293"/>
        <source>No kill to undo: a kill can be undone for %n second(s) after the server confirmed it.</source>
        <translation>
            <numerusform>No kill to undo: a kill can be undone for %n second after the server confirmed it.</numerusform>
            <numerusform>No kill to undo: a kill can be undone for %n seconds after the server confirmed it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n server</numerusform>
            <numerusform>%n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Restore %n flag(s) on %1: %2? Each serves its rollout again.</source>
        <translation>
            <numerusform>Restore %n flag on %1: %2? It serves its rollout again.</numerusform>
            <numerusform>Restore %n flags on %1: %2? Each serves its rollout again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Kill %n flag(s) on %1: %2? Each serves its off variation until restored.</source>
        <translation>
            <numerusform>Kill %n flag on %1: %2? It serves its off variation until restored.</numerusform>
            <numerusform>Kill %n flags on %1: %2? Each serves its off variation until restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n flag</numerusform>
            <numerusform>%n flags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>Contracts: %n error(s)</source>
        <translation>
            <numerusform>Contracts: %n error</numerusform>
            <numerusform>Contracts: %n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Contracts: %n warning(s)</source>
        <translation>
            <numerusform>Contracts: %n warning</numerusform>
            <numerusform>Contracts: %n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProposalDetailPane</name>
    <message numerus="yes">
        <location filename="../widgets/proposaldetailpane.cpp" line="+260"/>
        <source>Proposed by %1 at %2 · %3 risk · expires %4 · %5 of %n approval(s) given</source>
        <translation>
            <numerusform>Proposed by %1 at %2 · %3 risk · expires %4 · %5 of %n approval given</numerusform>
            <numerusform>Proposed by %1 at %2 · %3 risk · expires %4 · %5 of %n approvals given</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProposalQueueView</name>
    <message numerus="yes">
        <location filename="../widgets/proposalqueueview.cpp" line="+213"/>
        <location line="+2"/>
        <source>%n waiting for review</source>
        <translation>
            <numerusform>%n waiting for review</numerusform>
            <numerusform>%n waiting for review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>%n new, shown when the pointer leaves the list or rests</source>
        <translation>
            <numerusform>%n new, shown when the pointer leaves the list or rests</numerusform>
            <numerusform>%n new, shown when the pointer leaves the list or rests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message numerus="yes">
        <location filename="../models/core/readiness.cpp" line="+29"/>
        <source>%1: %n %2 variations</source>
        <translation>
            <numerusform>%1: %n %2 variation</numerusform>
            <numerusform>%1: %n %2 variations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>all %n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>all %n found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n passing for %1</source>
        <translation>
            <numerusform>%n passing for %1</numerusform>
            <numerusform>%n passing for %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n missing</source>
        <translation>
            <numerusform>%n missing</numerusform>
            <numerusform>%n missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>ready, %n not checkable here</source>
        <translation>
            <numerusform>ready, %n not checkable here</numerusform>
            <numerusform>ready, %n not checkable here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageActions</name>
    <message numerus="yes">
        <location filename="../models/control/stageactions.cpp" line="+154"/>
        <source>%n required at %1 risk: Advance asks the approval queue</source>
        <translation>
            <numerusform>%n required at %1 risk: Advance asks the approval queue</numerusform>
            <numerusform>%n required at %1 risk: Advance asks the approval queue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageView</name>
    <message numerus="yes">
        <location filename="../widgets/stageview.cpp" line="+275"/>
        <source>The contract requires %n approval(s) for this at %1 risk: it goes to the approval queue as your proposal and runs once approved.</source>
        <translation>
            <numerusform>The contract requires %n approval for this at %1 risk: it goes to the approval queue as your proposal and runs once approved.</numerusform>
            <numerusform>The contract requires %n approvals for this at %1 risk: it goes to the approval queue as your proposal and runs once approved.</numerusform>
        </translation>
    </message>
</context>
</TS>
