<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivityDock</name>
    <message>
        <location filename="../widgets/activitydock.cpp" line="+33"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recent activity, newest first</source>
        <translation>Letzte Aktivität, neueste zuerst</translation>
    </message>
</context>
<context>
    <name>ActivityLogModel</name>
    <message>
        <location filename="../models/item/activitylogmodel.cpp" line="+9"/>
        <source>kill</source>
        <translation>Abschaltung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regression</source>
        <translation>Verschlechterung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 · %2
%3</source>
        <translation>%1 · %2
%3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>AddServerDialog</name>
    <message>
        <location filename="../widgets/addserverdialog.cpp" line="+19"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add server connection</source>
        <translation>Serververbindung hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+50"/>
        <location line="+2"/>
        <source>FeatBit</source>
        <translation>FeatBit</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+49"/>
        <location line="+2"/>
        <source>Unleash</source>
        <translation>Unleash</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>&amp;Evaluation server:</source>
        <translation>&amp;Auswertungsserver:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token is kept in the operating system&apos;s keychain, never in FlagDeck&apos;s settings. Kills and rollout changes run with it, so it needs write access.</source>
        <translation>Das Token liegt im Schlüsselbund des Betriebssystems, nie in den Einstellungen von FlagDeck. Abschaltungen und Rollout-Änderungen laufen damit, es braucht also Schreibrechte.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking the OS keychain…</source>
        <translation>Der Schlüsselbund des Systems wird geprüft …</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>API &amp;URL:</source>
        <translation>API-&amp;URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access &amp;token:</source>
        <translation>Zugriffs&amp;token:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Admin &amp;token:</source>
        <translation>Admin-&amp;Token:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>api-…, an access token with permission to toggle and edit flags</source>
        <translation>api-…, ein Zugriffstoken mit dem Recht, Flags umzuschalten und zu bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an admin token, or a personal access token</source>
        <translation>ein Admin-Token oder ein persönliches Zugriffstoken</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Enter the server&apos;s URL: https:// (or http://) and a host.</source>
        <translation>Geben Sie die URL des Servers ein: https:// (oder http://) und einen Host.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the evaluation server&apos;s URL: https:// or wss:// (http:// or ws:// on your own machine) and a host.</source>
        <translation>Geben Sie die URL des Auswertungsservers ein: https:// oder wss:// (http:// oder ws:// auf dem eigenen Rechner) und einen Host.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the token.</source>
        <translation>Geben Sie das Token ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
</context>
<context>
    <name>AuditBrowser</name>
    <message>
        <location filename="../widgets/auditbrowser.cpp" line="+59"/>
        <source>Search all history (words in flags, actors, comments and changes)</source>
        <translation>Gesamten Verlauf durchsuchen (Wörter in Flags, Akteuren, Kommentaren und Änderungen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag key</source>
        <translation>Flag-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actor kind</source>
        <translation>Akteursart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any actor kind</source>
        <translation>Jede Akteursart</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any action</source>
        <translation>Jede Aktion</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Between…</source>
        <translation>Zwischen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the entries this filter shows</source>
        <translation>Die Einträge exportieren, die dieser Filter zeigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As CSV…</source>
        <translation>Als CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As NDJSON (for a SIEM)…</source>
        <translation>Als NDJSON (für ein SIEM)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit history</source>
        <translation>Audit-Verlauf</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>All servers</source>
        <translation>Alle Server</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n entries so far…</source>
        <translation>
            <numerusform>%n Eintrag bisher…</numerusform>
            <numerusform>%n Einträge bisher…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export audit history</source>
        <translation>Audit-Verlauf exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NDJSON (*.ndjson *.jsonl)</source>
        <translation>NDJSON (*.ndjson *.jsonl)</translation>
    </message>
</context>
<context>
    <name>AuditCache</name>
    <message>
        <location filename="../models/store/auditcache.cpp" line="+59"/>
        <source>the audit cache: %1</source>
        <translation>der Audit-Cache: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot configure the audit cache: %1</source>
        <translation>der Audit-Cache lässt sich nicht einrichten: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>SQLite found it damaged</source>
        <translation>SQLite hat sie als beschädigt erkannt</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>cannot read the audit cache version: %1</source>
        <translation>die Version des Audit-Caches lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the audit cache %1 was written by a newer FlagDeck (schema %2, this one knows %3)</source>
        <translation>der Audit-Cache %1 wurde von einem neueren FlagDeck geschrieben (Schema %2, dieses kennt %3)</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>cannot start writing to the audit cache: %1</source>
        <translation>das Schreiben in den Audit-Cache lässt sich nicht beginnen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot read the audit chain</source>
        <translation>die Audit-Kette lässt sich nicht lesen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>cannot record the audit entry</source>
        <translation>der Audit-Eintrag lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+8"/>
        <source>cannot index the audit entry</source>
        <translation>kann den Verlaufseintrag nicht indizieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot move the audit chain</source>
        <translation>die Audit-Kette lässt sich nicht fortschreiben</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot store the sync position</source>
        <translation>die Synchronisationsposition lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+9"/>
        <location line="+13"/>
        <source>cannot store the flag states</source>
        <translation>die Flag-Zustände lassen sich nicht speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot commit to the audit cache</source>
        <translation>der Audit-Cache lässt sich nicht festschreiben</translation>
    </message>
    <message>
        <location line="-273"/>
        <location line="+30"/>
        <source>cannot upgrade the audit cache: %1</source>
        <translation>der Audit-Cache lässt sich nicht aktualisieren: %1</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>cannot upgrade the audit cache to schema %1: %2</source>
        <translation>der Audit-Cache lässt sich nicht auf Schema %1 aktualisieren: %2</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>the audit cache is not open</source>
        <translation>der Audit-Cache ist nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>AuditChange</name>
    <message>
        <location filename="../models/core/auditchange.cpp" line="+74"/>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>enabled</source>
        <translation>eingeschaltet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disabled</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>renamed &quot;%1&quot; → &quot;%2&quot;</source>
        <translation>umbenannt „%1“ → „%2“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>description changed</source>
        <translation>Beschreibung geändert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>variation added: %1 (%2)</source>
        <translation>Variante hinzugefügt: %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>value of %1 %2 → %3</source>
        <translation>Wert von %1 %2 → %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>variation renamed %1 → %2</source>
        <translation>Variante umbenannt %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>variation removed: %1</source>
        <translation>Variante entfernt: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>rollout of %1 %2 → %3</source>
        <translation>Rollout von %1 %2 → %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>off variation %1 → %2</source>
        <translation>Aus-Variante %1 → %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>tags added: %1</source>
        <translation>Tags hinzugefügt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tags removed: %1</source>
        <translation>Tags entfernt: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no change to the flag</source>
        <translation>keine Änderung am Flag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>other fields changed</source>
        <translation>andere Felder geändert</translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message>
        <location filename="../app/auditcommand.cpp" line="+59"/>
        <source>The audit cache file (default: %1).</source>
        <translation>Die Audit-Cache-Datei (Standard: %1).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown option %1 (see %2 --help)</source>
        <translation>unbekannte Option %1 (siehe %2 --help)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected argument &apos;%1&apos; (see %2 --help)</source>
        <translation>unerwartetes Argument „%1“ (siehe %2 --help)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>there is no audit cache at %1</source>
        <translation>unter %1 gibt es keinen Audit-Cache</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--action %1 is not an action: use %2, proposal:ACTION for a proposal&apos;s lifecycle (e.g. proposal:kill), or a server&apos;s own action this cache holds (%3)</source>
        <translation>--action %1 ist keine Aktion: verwenden Sie %2, proposal:ACTION für den Lebenszyklus eines Vorschlags (z. B. proposal:kill) oder eine eigene Aktion eines Servers, die dieser Cache enthält (%3)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>csv or ndjson.</source>
        <translation>csv oder ndjson.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries at or after T: 2026-11-21, 2026-11-21T09:30 (UTC unless a zone is given), or an age such as 24h or 7d.</source>
        <translation>Einträge ab Zeitpunkt T: 2026-11-21, 2026-11-21T09:30 (UTC, wenn keine Zone angegeben ist) oder ein Alter wie 24h oder 7d.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entries before T (same forms as --since).</source>
        <translation>Einträge vor Zeitpunkt T (dieselben Formen wie bei --since).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this flag key.</source>
        <translation>Nur dieser Flag-Schlüssel.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this server (connection id).</source>
        <translation>Nur dieser Server (Verbindungs-ID).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this environment.</source>
        <translation>Nur diese Umgebung.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only this actor.</source>
        <translation>Nur dieser Akteur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only human, agent, system or token.</source>
        <translation>Nur human, agent, system oder token.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this action (kill, restore, set_rollout, …).</source>
        <translation>Nur diese Aktion (kill, restore, set_rollout, …).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only entries containing these words.</source>
        <translation>Nur Einträge mit diesen Wörtern.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--format is required: csv or ndjson</source>
        <translation>--format ist erforderlich: csv oder ndjson</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--format must be csv or ndjson; got &quot;%1&quot;</source>
        <translation>--format muss csv oder ndjson sein; erhalten: „%1“</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Usage: flagdeck audit verify|export|sync [options]

The audit cache without a window, for a terminal, a script or a team&apos;s CI.

  verify  checks every server&apos;s hash chain: exits 0 intact, 1 altered or missing entry, 2 cannot check
  export  writes the selected entries to standard output as CSV or NDJSON
  sync    pulls the history of every configured server into the cache

Add --help after a command for its options. Exit code 2 is also a usage error.</source>
        <translation>Aufruf: flagdeck audit verify|export|sync [Optionen]

Der Audit-Cache ohne Fenster, für ein Terminal, ein Skript oder die CI eines Teams.

  verify  prüft die Hash-Kette jedes Servers: endet mit 0, wenn intakt, mit 1 bei verändertem oder fehlendem Eintrag, mit 2, wenn nicht prüfbar
  export  schreibt die gewählten Einträge als CSV oder NDJSON in die Standardausgabe
  sync    holt den Verlauf jedes eingerichteten Servers in den Cache

Mit --help nach einem Befehl sehen Sie dessen Optionen. Exit-Code 2 steht auch für einen fehlerhaften Aufruf.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>flagdeck audit needs a command: use verify, export or sync (see flagdeck audit --help)</source>
        <translation>flagdeck audit braucht einen Befehl: verwenden Sie verify, export oder sync (siehe flagdeck audit --help)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flagdeck audit needs its command before %1: flagdeck audit verify|export|sync [options]</source>
        <translation>flagdeck audit braucht seinen Befehl vor %1: flagdeck audit verify|export|sync [Optionen]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown command &apos;%1&apos; for flagdeck audit: use verify, export or sync</source>
        <translation>unbekannter Befehl „%1“ für flagdeck audit: verwenden Sie verify, export oder sync</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>--actor-kind must be human, agent, system or token</source>
        <translation>--actor-kind muss human, agent, system oder token sein</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--since %1 is not before --until %2: nothing could match</source>
        <translation>--since %1 liegt nicht vor --until %2: nichts könnte passen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write to standard output</source>
        <translation>in die Standardausgabe lässt sich nicht schreiben</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>there is no folder %1 for the audit cache</source>
        <translation>für den Audit-Cache gibt es keinen Ordner %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: skipped, this version cannot read its history</source>
        <translation>%1: übersprungen, diese Version kann seinen Verlauf nicht lesen</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>%1: %n new entries</source>
        <translation>
            <numerusform>%1: %n neuer Eintrag</numerusform>
            <numerusform>%1: %n neue Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Checks every server&apos;s hash chain in the audit cache. Exits 0 when intact, 1 naming the first altered or missing entry, 2 when it cannot check.</source>
        <translation>Prüft die Hash-Kette jedes Servers im Audit-Cache. Endet mit 0, wenn sie intakt ist, mit 1 unter Nennung des ersten veränderten oder fehlenden Eintrags, mit 2, wenn sie sich nicht prüfen lässt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Writes the audit entries the options select to standard output, oldest first, as CSV or NDJSON.</source>
        <translation>Schreibt die von den Optionen gewählten Audit-Einträge in die Standardausgabe, älteste zuerst, als CSV oder NDJSON.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pulls the history of every configured server into the audit cache.</source>
        <translation>Holt den Verlauf jedes eingerichteten Servers in den Audit-Cache.</translation>
    </message>
</context>
<context>
    <name>AuditDetailPane</name>
    <message>
        <location filename="../widgets/auditdetailpane.cpp" line="+27"/>
        <source>Audit entry details</source>
        <translation>Details des Audit-Eintrags</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Before, as JSON</source>
        <translation>Vorher, als JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After, as JSON</source>
        <translation>Nachher, als JSON</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Before&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vorher&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;After&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nachher&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;%4 UTC by %5 (%6)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;%4 UTC von %5 (%6)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;ul style=&quot;margin-left: 12px; -qt-list-indent: 0&quot;&gt;%3&lt;/ul&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;ul style=&quot;margin-left: 12px; -qt-list-indent: 0&quot;&gt;%3&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source id: %1</source>
        <translation>Quell-ID: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select an entry to see what it changed.</source>
        <translation>Wählen Sie einen Eintrag, um zu sehen, was er geändert hat.</translation>
    </message>
</context>
<context>
    <name>AuditExporter</name>
    <message>
        <location filename="../models/store/auditexporter.cpp" line="+239"/>
        <location line="+12"/>
        <source>cannot read the audit cache: %1</source>
        <translation>der Audit-Cache lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+5"/>
        <source>cannot write the export: %1</source>
        <translation>der Export lässt sich nicht schreiben: %1</translation>
    </message>
</context>
<context>
    <name>AuditFilter</name>
    <message>
        <location filename="../models/core/auditfilter.cpp" line="+21"/>
        <source>&quot;%1&quot; is not a time: give a date (2026-11-21), a date and time (2026-11-21T09:30, UTC unless a zone is given) or an age (90m, 24h, 7d)</source>
        <translation>„%1“ ist keine Zeitangabe: geben Sie ein Datum (2026-11-21), Datum und Uhrzeit (2026-11-21T09:30, UTC, wenn keine Zone angegeben ist) oder ein Alter (90m, 24h, 7d) an</translation>
    </message>
</context>
<context>
    <name>AuditIdLoader</name>
    <message>
        <location filename="../models/item/auditidloader.cpp" line="+49"/>
        <source>cannot read the audit cache: %1</source>
        <translation>der Audit-Cache lässt sich nicht lesen: %1</translation>
    </message>
</context>
<context>
    <name>AuditSync</name>
    <message>
        <location filename="../models/control/auditsync.cpp" line="+65"/>
        <source>the server sent a history entry without an id (flag %1 at %2); its history is not synced until it does</source>
        <translation>der Server hat einen Verlaufseintrag ohne ID geschickt (Flag %1 um %2); sein Verlauf wird erst wieder synchronisiert, wenn er eine ID mitschickt</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../models/item/audittablemodel.cpp" line="+76"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actor kind</source>
        <translation>Akteursart</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+78"/>
        <location line="+81"/>
        <source>cannot read the audit cache: %1</source>
        <translation>der Audit-Cache lässt sich nicht lesen: %1</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <location filename="../models/store/auditverifier.cpp" line="+33"/>
        <source>server &quot;%1&quot; entry #%2 (row %3, flag %4, %5)</source>
        <translation>Server „%1“ Eintrag #%2 (Zeile %3, Flag %4, %5)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot read the chain heads: %1</source>
        <translation>die Kettenköpfe lassen sich nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+69"/>
        <source>cannot read the audit entries: %1</source>
        <translation>die Audit-Einträge lassen sich nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>server &quot;%1&quot; has entries but no recorded chain head: the head table was altered</source>
        <translation>Server „%1“ hat Einträge, aber keinen gespeicherten Kettenkopf: die Kopftabelle wurde verändert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>server &quot;%1&quot; entries #%2 to #%3 are missing from the end of the chain</source>
        <translation>bei Server „%1“ fehlen die Einträge #%2 bis #%3 am Ende der Kette</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>server &quot;%1&quot; chain head does not match entry #%2: the chain or its head was altered</source>
        <translation>der Kettenkopf von Server „%1“ passt nicht zu Eintrag #%2: die Kette oder ihr Kopf wurde verändert</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>row %1 (server &quot;%2&quot;, flag %3) is outside the hash chain: it was added by hand</source>
        <translation>Zeile %1 (Server „%2“, Flag %3) liegt außerhalb der Hash-Kette: sie wurde von Hand hinzugefügt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>server &quot;%1&quot; entry #%2 is missing (the chain goes on at %3)</source>
        <translation>bei Server „%1“ fehlt Eintrag #%2 (die Kette geht bei %3 weiter)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>server &quot;%1&quot; entry #%2 was altered or replaced (%3 no longer follows it)</source>
        <translation>Eintrag #%2 von Server „%1“ wurde verändert oder ersetzt (%3 folgt ihm nicht mehr)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 was altered</source>
        <translation>%1 wurde verändert</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>server &quot;%1&quot; entries #1 to #%2 are all missing</source>
        <translation>bei Server „%1“ fehlen alle Einträge #1 bis #%2</translation>
    </message>
</context>
<context>
    <name>ChangeHistory</name>
    <message>
        <location filename="../models/store/changehistory.cpp" line="+35"/>
        <source>cannot read the changes from the audit cache: %1</source>
        <translation>die Änderungen lassen sich nicht aus dem Audit-Cache lesen: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>the audit cache holds no change %1</source>
        <translation>der Audit-Cache enthält keine Änderung %1</translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message>
        <location filename="../models/item/changetablemodel.cpp" line="+156"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no net change</source>
        <translation>in Summe keine Änderung</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>In all, across %n changes: %1</source>
        <translation>
            <numerusform>Insgesamt, über %n Änderung: %1</numerusform>
            <numerusform>Insgesamt, über %n Änderungen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 (net of %n changes)</source>
        <translation>
            <numerusform>%1 (Summe aus %n Änderung)</numerusform>
            <numerusform>%1 (Summe aus %n Änderungen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1
Comment: %2</source>
        <translation>%1
Kommentar: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no field changed)</source>
        <translation>(kein Feld geändert)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (monitor)</source>
        <translation>%1 (Wächter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (agent)</source>
        <translation>%1 (Agent)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (token)</source>
        <translation>%1 (Token)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flag · environment · server</source>
        <translation>Flag · Umgebung · Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <location filename="../widgets/changesview.cpp" line="+58"/>
        <source>&amp;Put back…</source>
        <translation>&amp;Zurücksetzen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+288"/>
        <source>Put back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>Kill instead</source>
        <translation>Stattdessen abschalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changes in the window</source>
        <translation>Änderungen im Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes since</source>
        <translation>Änderungen seit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes by flag</source>
        <translation>Änderungen nach Flag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to show every flag at</source>
        <translation>Zeit, zu der alle Flags gezeigt werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every flag at that time, and now</source>
        <translation>Alle Flags zu dieser Zeit und jetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the last 15 minutes</source>
        <translation>in den letzten 15 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the last hour</source>
        <translation>in der letzten Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the last 6 hours</source>
        <translation>in den letzten 6 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the last 24 hours</source>
        <translation>in den letzten 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>since a time…</source>
        <translation>seit einer Zeit…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview putting the selected changes back: a change, a flag&apos;s net change, or several</source>
        <translation>Vorschau, wie die gewählten Änderungen zurückgesetzt würden: eine Änderung, die Summe eines Flags oder mehrere</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes on every server</source>
        <translation>Änderungen auf allen Servern</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Why (goes into the audit history)</source>
        <translation>Warum (kommt in den Änderungsverlauf)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Show every flag at this time</source>
        <translation>Alle Flags zu dieser Zeit zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As it was at</source>
        <translation>Wie es war um</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&lt;b&gt;History:&lt;/b&gt; every flag as the audit history says it was at %1, beside how it is now. Rows in bold were not as they are now.</source>
        <translation>&lt;b&gt;Verlauf:&lt;/b&gt; jedes Flag, wie es laut Änderungsverlauf um %1 war, neben seinem jetzigen Stand. Fette Zeilen waren anders als jetzt.</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n Flag</numerusform>
            <numerusform>%n Flags</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only the newest %1 shown; choose a shorter window</source>
        <translation>nur die neuesten %1 gezeigt; wählen Sie einen kürzeren Zeitraum</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Put %1 in %2 back as it was before %n change(s)</source>
        <translation>
            <numerusform>%1 in %2 so zurücksetzen, wie es vor %n Änderung war</numerusform>
            <numerusform>%1 in %2 so zurücksetzen, wie es vor %n Änderungen war</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>They did: %1</source>
        <translation>Sie bewirkten: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot be put back exactly:</source>
        <translation>Nicht genau zurücksetzbar:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kill is offered instead: it turns the flag off.</source>
        <translation>Stattdessen wird das Abschalten angeboten: es schaltet das Flag aus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It already is as it was: nothing to send.</source>
        <translation>Es ist schon so, wie es war: nichts zu senden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After putting back</source>
        <translation>Nach dem Zurücksetzen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Left as they are now: %1</source>
        <translation>Bleibt wie jetzt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent against revision %1: refused if the flag changes before it is sent.</source>
        <translation>Gesendet gegen Revision %1: abgelehnt, wenn sich das Flag vorher ändert.</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Put %n flag(s) back</source>
        <translation>
            <numerusform>%n Flag zurücksetzen</numerusform>
            <numerusform>%n Flags zurücksetzen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not put back:</source>
        <translation>Nicht zurückgesetzt:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What changed since the preview:</source>
        <translation>Was sich seit der Vorschau geändert hat:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look at it again: Put back makes a new preview.</source>
        <translation>Sehen Sie es sich erneut an: Zurücksetzen erstellt eine neue Vorschau.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The change history cannot be read: %1</source>
        <translation>Der Änderungsverlauf kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>CleanupCheck</name>
    <message>
        <location filename="../models/core/cleanupcheck.cpp" line="+73"/>
        <source>review was due on %1</source>
        <translation>Überprüfung war am %1 fällig</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cleanup condition &quot;%1&quot; holds: %2 at %3 since %4</source>
        <translation>Aufräumbedingung „%1“ erfüllt: %2 bei %3 seit %4</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no contract, and %1 has served everyone for %2</source>
        <translation>kein Vertrag, und %1 bedient seit %2 alle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>never evaluated since it was created on %1, per the server&apos;s metrics</source>
        <translation>laut den Metriken des Servers seit der Erstellung am %1 nie ausgewertet</translation>
    </message>
</context>
<context>
    <name>CleanupTableModel</name>
    <message>
        <location filename="../models/item/cleanuptablemodel.cpp" line="+101"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (changed it last)</source>
        <translation>%1 (zuletzt geändert)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due since</source>
        <translation>Fällig seit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>CleanupView</name>
    <message>
        <location filename="../widgets/cleanupview.cpp" line="+22"/>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose &amp;archive…</source>
        <translation>&amp;Archivierung vorschlagen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flags due for cleanup</source>
        <translation>Flags, die aufgeräumt werden sollten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the approval queue to archive the selected flag on its server, once its code is gone</source>
        <translation>Die Freigabewarteschlange bitten, das gewählte Flag auf seinem Server zu archivieren, sobald sein Code entfernt ist</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n flag(s) due for cleanup: remove them from the code, then archive them</source>
        <translation>
            <numerusform>%n Flag zum Aufräumen fällig: aus dem Code entfernen, dann archivieren</numerusform>
            <numerusform>%n Flags zum Aufräumen fällig: aus dem Code entfernen, dann archivieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No flag is due for cleanup</source>
        <translation>Kein Flag ist zum Aufräumen fällig</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export flags due for cleanup</source>
        <translation>Zum Aufräumen fällige Flags exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n flag(s) written to %1</source>
        <translation>
            <numerusform>%n Flag nach %1 geschrieben</numerusform>
            <numerusform>%n Flags nach %1 geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmedChanges</name>
    <message>
        <location filename="../models/control/confirmedchanges.cpp" line="+37"/>
        <location line="+66"/>
        <source>the server is not connected</source>
        <translation>der Server ist nicht verbunden</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>the server did not confirm within %1 s</source>
        <translation>der Server hat nicht innerhalb von %1 s bestätigt</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1 cannot archive flags from FlagDeck</source>
        <translation>%1 kann keine Flags aus FlagDeck archivieren</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>the server confirmed it after the %1 s timeout</source>
        <translation>der Server hat es nach Ablauf der %1 s bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server showed it done after the connection broke</source>
        <translation>der Server zeigte es als erledigt, nachdem die Verbindung abgebrochen war</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <location filename="../models/control/connectionprobe.cpp" line="+14"/>
        <source>no answer within %1 s: check the address and that the server is running</source>
        <translation>keine Antwort innerhalb von %1 s: prüfen Sie die Adresse und ob der Server läuft</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>this version of FlagDeck has no %1 connector yet</source>
        <translation>diese Version von FlagDeck hat noch keinen %1-Connector</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected. Environments: %1, flags: %2. %3</source>
        <translation>Verbunden. Umgebungen: %1, Flags: %2. %3</translation>
    </message>
</context>
<context>
    <name>ConnectionState</name>
    <message>
        <location filename="../models/core/connectionstate.cpp" line="+28"/>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnecting</source>
        <translation>verbindet neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
</context>
<context>
    <name>ConnectionTreeModel</name>
    <message>
        <location filename="../models/item/connectiontreemodel.cpp" line="+40"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Show the flags of %1 in %2</source>
        <translation>Die Flags von %1 in %2 zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ConnectionsDock</name>
    <message>
        <location filename="../widgets/connectionsdock.cpp" line="+14"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connections and environments</source>
        <translation>Verbindungen und Umgebungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All flags</source>
        <translation>Alle Flags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Write token file for a guard…</source>
        <translation>Token-Datei für einen Guard schreiben…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
</context>
<context>
    <name>ConsoleController</name>
    <message>
        <location filename="../models/control/consolecontroller.cpp" line="+70"/>
        <source>the server connection is not open</source>
        <translation>die Serververbindung ist nicht offen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Guardrail data</source>
        <translation>Guardrail-Daten</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+6"/>
        <location line="+51"/>
        <location line="+21"/>
        <source>Approval queue</source>
        <translation>Freigabe-Warteschlange</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Guardrail regression seen by %1: %2. Its contract does not set auto_kill, so a person decides.</source>
        <translation>Guardrail-Verschlechterung, festgestellt von %1: %2. Sein Vertrag setzt kein auto_kill, daher entscheidet ein Mensch.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>showing the audit cache</source>
        <translation>zeigt den Audit-Cache</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>removed; showing the audit cache</source>
        <translation>entfernt; zeigt den Audit-Cache</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>this version of FlagDeck has no %1 connector yet</source>
        <translation>diese Version von FlagDeck hat noch keinen %1-Connector</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>cannot read its history: %1</source>
        <translation>sein Verlauf lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+105"/>
        <location line="+2"/>
        <source>cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the token could not be stored in the keychain, so the connection was not added: %1</source>
        <translation>das Token ließ sich nicht im Schlüsselbund speichern, daher wurde die Verbindung nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>this connection has no token</source>
        <translation>diese Verbindung hat kein Token</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>not sent: a change of this flag is still under way, or the flag or its contract changed since; look again</source>
        <translation>nicht gesendet: eine Änderung dieses Flags läuft noch, oder das Flag oder sein Vertrag hat sich seitdem geändert; sehen Sie erneut hin</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 already is as it was</source>
        <translation>%1 ist schon so, wie es war</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not sent: a change of %1 is still under way; look again</source>
        <translation>nicht gesendet: eine Änderung von %1 läuft noch; sehen Sie erneut hin</translation>
    </message>
</context>
<context>
    <name>Contract</name>
    <message>
        <location filename="../models/core/contract.cpp" line="+40"/>
        <source>low</source>
        <translation>gering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
</context>
<context>
    <name>ContractLibrary</name>
    <message>
        <location filename="../models/store/contractlibrary.cpp" line="+111"/>
        <source>no such folder</source>
        <translation>kein solcher Ordner</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>larger than 1 MiB; not a contract</source>
        <translation>größer als 1 MiB; kein Vertrag</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>flag &quot;%1&quot; already has a contract for these environments in %2</source>
        <translation>Flag „%1“ hat für diese Umgebungen schon einen Vertrag in %2</translation>
    </message>
</context>
<context>
    <name>ContractReader</name>
    <message>
        <location filename="../models/core/contractreader.cpp" line="+71"/>
        <source>%1: did you mean `%2`?</source>
        <translation>%1: meinten Sie `%2`?</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+418"/>
        <source>under policy</source>
        <translation>unter policy</translation>
    </message>
    <message>
        <location line="-416"/>
        <source>in a stage, under stages</source>
        <translation>in eine Stufe, unter stages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in a guardrail, under guardrails</source>
        <translation>in einen Guardrail, unter guardrails</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>a field name must be a single word</source>
        <translation>ein Feldname muss ein einzelnes Wort sein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>`%1` is given twice (first on line %2)</source>
        <translation>`%1` ist doppelt angegeben (zuerst in Zeile %2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>`%1` belongs %2; %3 it would set nothing</source>
        <translation>`%1` gehört %2; %3 hätte es keine Wirkung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown field `%1` %2 (the fields here are %3)</source>
        <translation>unbekanntes Feld `%1` %2 (die Felder hier sind %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown field `%1` %2</source>
        <translation>unbekanntes Feld `%1` %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>`%1` belongs %2; at the top level it would set nothing</source>
        <translation>`%1` gehört %2; auf oberster Ebene hätte es keine Wirkung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown field `%1` is ignored (a typo?)</source>
        <translation>unbekanntes Feld `%1` wird ignoriert (ein Tippfehler?)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown field `%1`</source>
        <translation>unbekanntes Feld `%1`</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown field `%1` is ignored</source>
        <translation>unbekanntes Feld `%1` wird ignoriert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is missing</source>
        <translation>„%1“ fehlt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; must be a single value</source>
        <translation>„%1“ muss ein einzelner Wert sein</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; must be a list</source>
        <translation>„%1“ muss eine Liste sein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>each entry of &quot;%1&quot; must be a single value</source>
        <translation>jeder Eintrag von „%1“ muss ein einzelner Wert sein</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the %1 of metric &quot;%2&quot; must be a number, not &quot;%3&quot;</source>
        <translation>der Wert %1 der Metrik „%2“ muss eine Zahl sein, nicht „%3“</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;evals&quot; of stage &quot;%1&quot; must be a list of reports</source>
        <translation>„evals“ der Stufe „%1“ muss eine Liste von Berichten sein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an eval is a map with report, variation, pass_rate or metrics, and max_age</source>
        <translation>eine Eval ist eine Zuordnung mit report, variation, pass_rate oder metrics und max_age</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in an eval of stage &quot;%1&quot;</source>
        <translation>in einer Eval der Stufe „%1“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a report is a file or glob in the contracts folder, or an http:// or https:// URL, not &quot;%1&quot;</source>
        <translation>ein Bericht ist eine Datei oder ein Glob im Vertragsordner oder eine http://- oder https://-URL, nicht „%1“</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;metrics&quot; must map metric names to bounds, e.g. {citation_accuracy: {min: 0.95}}</source>
        <translation>„metrics“ muss Metriknamen Grenzen zuordnen, z. B. {citation_accuracy: {min: 0.95}}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>metric &quot;%1&quot; needs bounds: {min: …}, {max: …} or both</source>
        <translation>Metrik „%1“ braucht Grenzen: {min: …}, {max: …} oder beide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in metric &quot;%1&quot;</source>
        <translation>in Metrik „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>metric &quot;%1&quot; needs a min, a max or both</source>
        <translation>Metrik „%1“ braucht min, max oder beides</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>metric &quot;%1&quot; has a min above its max</source>
        <translation>Metrik „%1“ hat ein min über ihrem max</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the eval of &quot;%1&quot; sets neither pass_rate nor metrics, so no report could fail it</source>
        <translation>die Eval von „%1“ setzt weder pass_rate noch metrics, also könnte kein Bericht sie verfehlen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>max_age 0 would refuse every report: omit it to accept any age</source>
        <translation>max_age 0 würde jeden Bericht ablehnen: weglassen, um jedes Alter zu akzeptieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the eval of &quot;%1&quot; has no max_age, so a report of any age counts</source>
        <translation>die Eval von „%1“ hat kein max_age, also zählt ein Bericht jeden Alters</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;stages&quot; is missing: list the rollout path&apos;s stages with their exposure</source>
        <translation>„stages“ fehlt: führen Sie die Stufen des Rollout-Pfads mit ihrer Ausspielung auf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;stages&quot; must be a list of stages</source>
        <translation>„stages“ muss eine Liste von Stufen sein</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a stage must have a name, an exposure and a minimum time</source>
        <translation>eine Stufe braucht einen Namen, eine Ausspielung und eine Mindestdauer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>in a stage</source>
        <translation>in einer Stufe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in stage &quot;%1&quot;</source>
        <translation>in Stufe „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stage &quot;%1&quot; is listed twice</source>
        <translation>Stufe „%1“ ist doppelt aufgeführt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stage &quot;%1&quot; needs an exposure: the share of each variation, e.g. {candidate_v2: 5%}</source>
        <translation>Stufe „%1“ braucht eine Ausspielung: den Anteil jeder Variante, z. B. {candidate_v2: 5%}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the share of &quot;%1&quot; must be a percentage</source>
        <translation>der Anteil von „%1“ muss eine Prozentangabe sein</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>stage &quot;%1&quot; exposes %2 in all; at most 100% is possible</source>
        <translation>Stufe „%1“ spielt insgesamt %2 aus; höchstens 100 % sind möglich</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;rollout_path&quot; (%1) does not name the stages in their order (%2)</source>
        <translation>„rollout_path“ (%1) nennt die Stufen nicht in ihrer Reihenfolge (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>kind must be gauge, counter or histogram, not &quot;%1&quot;</source>
        <translation>kind muss gauge, counter oder histogram sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>quantile is for a guardrail of kind histogram</source>
        <translation>quantile gilt nur für einen Guardrail der Art histogram</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>quantile must be a number between 0 and 1, such as 0.95, not &quot;%1&quot;</source>
        <translation>quantile muss eine Zahl zwischen 0 und 1 sein, etwa 0.95, nicht „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>guardrail &quot;%1&quot; reads a histogram: give it a quantile (0.95), or name it for one (p95_latency)</source>
        <translation>Guardrail „%1“ liest ein Histogramm: ein quantile (0.95) angeben oder ihn danach benennen (p95_latency)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;guardrails&quot; must be a list</source>
        <translation>„guardrails“ muss eine Liste sein</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+42"/>
        <source>guardrail &quot;%1&quot; has no threshold or rule, so it cannot stop an expansion</source>
        <translation>Guardrail „%1“ hat weder Schwelle noch Regel und kann daher keine Ausweitung stoppen</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>a guardrail is a metric name or a map with metric, direction and threshold or rule</source>
        <translation>ein Guardrail ist ein Metrikname oder eine Map mit metric, direction und threshold oder rule</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>in a guardrail</source>
        <translation>in einem Guardrail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in guardrail &quot;%1&quot;</source>
        <translation>in Guardrail „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>direction must be lower_is_better or higher_is_better, not &quot;%1&quot;</source>
        <translation>direction muss lower_is_better oder higher_is_better sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>threshold must be a number, not &quot;%1&quot;</source>
        <translation>threshold muss eine Zahl sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tolerance is a percentage of the default&apos;s level, such as 5%: %1</source>
        <translation>tolerance ist ein Prozentsatz des Niveaus der Standardvariante, etwa 5 %: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the only statistical rule is &quot;sequential&quot;, not &quot;%1&quot;</source>
        <translation>die einzige statistische Regel ist „sequential“, nicht „%1“</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;policy&quot; must be a map with approvals and auto_kill</source>
        <translation>„policy“ muss eine Map mit approvals und auto_kill sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>under policy&apos;s approvals</source>
        <translation>unter die approvals von policy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>auto_kill must be true or false</source>
        <translation>auto_kill muss true oder false sein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>approvals must map actions to the reviewers each risk needs</source>
        <translation>approvals muss Aktionen den Prüfern zuordnen, die jedes Risiko braucht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not an action (kill, restore, set_rollout, advance_stage, rollback_stage, serve_fallback)</source>
        <translation>„%1“ ist keine Aktion (kill, restore, set_rollout, advance_stage, rollback_stage, serve_fallback)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>approvals for %1 must map risks (low, medium, high, critical) to a number of reviewers</source>
        <translation>approvals für %1 muss Risiken (low, medium, high, critical) einer Anzahl von Prüfern zuordnen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a risk (low, medium, high, critical)</source>
        <translation>„%1“ ist kein Risiko (low, medium, high, critical)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the number of reviewers must be a whole number from 0 to 10</source>
        <translation>die Anzahl der Prüfer muss eine ganze Zahl von 0 bis 10 sein</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&quot;%1&quot; has no unit: write the share of traffic as a percentage, such as %2%</source>
        <translation>„%1“ hat keine Einheit: schreiben Sie den Verkehrsanteil als Prozentangabe, etwa %2%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; has a space before %: write %2%</source>
        <translation>„%1“ hat ein Leerzeichen vor %: schreiben Sie %2%</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&quot;%1&quot; has no unit: write minutes, hours or days such as 90m, 24h or 7d, or 0</source>
        <translation>„%1“ hat keine Einheit: schreiben Sie Minuten, Stunden oder Tage wie 90m, 24h oder 7d, oder 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not a duration: write a whole number and its unit with no space, such as 90m, 24h or 7d (m, h, d), or 0</source>
        <translation>„%1“ ist keine Dauer: schreiben Sie eine ganze Zahl und ihre Einheit ohne Leerzeichen, etwa 90m, 24h oder 7d (m, h, d), oder 0</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>&quot;%1&quot; is not a share of traffic: write a percentage such as 5% or 0.25%</source>
        <translation>„%1“ ist kein Verkehrsanteil: schreiben Sie eine Prozentangabe wie 5% oder 0.25%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is finer than a hundredth of a percent: write at most two decimals, such as 0.25%</source>
        <translation>„%1“ ist feiner als ein Hundertstel Prozent: schreiben Sie höchstens zwei Nachkommastellen, etwa 0.25%</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is more than 100%</source>
        <translation>%1 ist mehr als 100 %</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>not valid YAML: %1</source>
        <translation>kein gültiges YAML: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a contract is a map of fields such as flag_key, owner and stages</source>
        <translation>ein Vertrag ist eine Map von Feldern wie flag_key, owner und stages</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>review_date must be a date such as 2026-12-31, not &quot;%1&quot;</source>
        <translation>review_date muss ein Datum wie 2026-12-31 sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected structure: %1</source>
        <translation>unerwarteter Aufbau: %1</translation>
    </message>
</context>
<context>
    <name>ContractsCommand</name>
    <message>
        <location filename="../app/contractscommand.cpp" line="+68"/>
        <source>this version has no %1 connector</source>
        <translation>diese Version hat keinen %1-Connector</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>did not deliver its flags within %1 s</source>
        <translation>hat seine Flags nicht innerhalb von %1 s geliefert</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 in %2 has no contract</source>
        <translation>%1 in %2 hat keinen Vertrag</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>eval of %1 for stage &quot;%2&quot;</source>
        <translation>Eval von %1 für Stufe „%2“</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (the %2 in %3:%4)</source>
        <translation>%1 (%2 in %3:%4)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checks contract files — every .yaml and .yml file of a folder, or one file — and with --server also against that server&apos;s flags. Prints each finding as file:line:column: error|warning: message, then a summary; exits 0 when there is no error, 1 when there is, 2 when it cannot check.</source>
        <translation>Prüft Vertragsdateien – jede .yaml- und .yml-Datei eines Ordners oder eine einzelne Datei – und mit --server auch gegen die Flags dieses Servers. Gibt jeden Befund als file:line:column: error|warning: message aus, danach eine Zusammenfassung; endet mit 0, wenn es keinen Fehler gibt, mit 1, wenn es welche gibt, mit 2, wenn die Prüfung nicht möglich ist.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>check DIR|FILE: a folder of contracts or one contract file.</source>
        <translation>check DIR|FILE: ein Ordner mit Verträgen oder eine einzelne Vertragsdatei.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown option %1 (see flagdeck contracts --help)</source>
        <translation>unbekannte Option %1 (siehe flagdeck contracts --help)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no command given: use check (see flagdeck contracts --help)</source>
        <translation>kein Befehl angegeben: verwenden Sie check (siehe flagdeck contracts --help)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown command &apos;%1&apos;: use check (see flagdeck contracts --help)</source>
        <translation>unbekannter Befehl „%1“: verwenden Sie check (siehe flagdeck contracts --help)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check needs a folder or a contract file: flagdeck contracts check DIR|FILE</source>
        <translation>check braucht einen Ordner oder eine Vertragsdatei: flagdeck contracts check DIR|FILE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unexpected argument &apos;%1&apos;: check takes one folder or file (see flagdeck contracts --help)</source>
        <translation>unerwartetes Argument „%1“: check nimmt genau einen Ordner oder eine Datei (siehe flagdeck contracts --help)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 holds no .yaml or .yml files</source>
        <translation>%1 enthält keine .yaml- oder .yml-Dateien</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there is no file or folder %1</source>
        <translation>es gibt weder eine Datei noch einen Ordner %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no connection &quot;%1&quot; is configured (the connections are: %2)</source>
        <translation>es ist keine Verbindung „%1“ eingerichtet (die Verbindungen sind: %2)</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>%1 on %2 (%3) has no variation &quot;%4&quot;</source>
        <translation>%1 auf %2 (%3) hat keine Variante „%4“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 has &quot;%2&quot; only in environments this contract does not name (%3)</source>
        <translation>%1 hat „%2“ nur in Umgebungen, die dieser Vertrag nicht nennt (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no flag &quot;%2&quot;</source>
        <translation>%1 hat kein Flag „%2“</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>A configured connection (its id) to check the contracts against; may be repeated.</source>
        <translation>Eine eingerichtete Verbindung (ihre ID), gegen die die Verträge geprüft werden; mehrfach möglich.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <location filename="../models/core/durationtext.cpp" line="+18"/>
        <source>%n d</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvalCheck</name>
    <message>
        <location filename="../models/core/evalcheck.cpp" line="+24"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+94"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>the report is of suite %1, not %2</source>
        <translation>der Bericht gehört zur Suite %1, nicht %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the report has no results for this variation (it has %1)</source>
        <translation>der Bericht hat keine Ergebnisse für diese Variante (er hat %1)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 of %2 passed (≥ %3 required)</source>
        <translation>%1 von %2 bestanden (≥ %3 verlangt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 passed</source>
        <translation>%1 von %2 bestanden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 not in the report (%2 required)</source>
        <translation>%1 fehlt im Bericht (%2 verlangt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 (%3 required)</source>
        <translation>%1 %2 (%3 verlangt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>report %1 old (≤ %2)</source>
        <translation>Bericht %1 alt (≤ %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report %1 old</source>
        <translation>Bericht %1 alt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the report does not say when it ran</source>
        <translation>der Bericht sagt nicht, wann er lief</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no cases</source>
        <translation>keine Fälle</translation>
    </message>
</context>
<context>
    <name>EvalReport</name>
    <message>
        <location filename="../models/core/evalreport.cpp" line="+48"/>
        <source>not an eval report: expected promptfoo&apos;s JSON output, JUnit XML or FlagDeck&apos;s eval JSON</source>
        <translation>kein Eval-Bericht: erwartet wird die JSON-Ausgabe von promptfoo, JUnit-XML oder das Eval-JSON von FlagDeck</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JSON, but neither promptfoo&apos;s output (no &quot;results&quot; object) nor FlagDeck&apos;s eval format (no &quot;flagdeck_eval&quot;)</source>
        <translation>JSON, aber weder die Ausgabe von promptfoo (kein Objekt „results“) noch das Eval-Format von FlagDeck (kein „flagdeck_eval“)</translation>
    </message>
</context>
<context>
    <name>EvalReportFiles</name>
    <message>
        <location filename="../models/store/evalreportfiles.cpp" line="+39"/>
        <source>only the file name may be a glob, not its folders: %1</source>
        <translation>nur der Dateiname darf ein Glob sein, nicht die Ordner: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is no report %1</source>
        <translation>es gibt keinen Bericht %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no report matches %1</source>
        <translation>kein Bericht passt zu %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>larger than 64 MiB; not read</source>
        <translation>größer als 64 MiB; nicht gelesen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the report cannot be used: %1</source>
        <translation>der Bericht ist nicht verwendbar: %1</translation>
    </message>
</context>
<context>
    <name>EvalWatcher</name>
    <message>
        <location filename="../models/control/evalwatcher.cpp" line="+51"/>
        <source>the report is being fetched</source>
        <translation>der Bericht wird abgerufen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the report cannot be used: %1</source>
        <translation>der Bericht ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>the answer is larger than 64 MiB; not read</source>
        <translation>die Antwort ist größer als 64 MiB; nicht gelesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server answered %1 %2</source>
        <translation>der Server antwortete %1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot fetch it: %1</source>
        <translation>nicht abrufbar: %1</translation>
    </message>
</context>
<context>
    <name>ExposureSource</name>
    <message>
        <location filename="../models/metrics/exposuresource.cpp" line="+50"/>
        <source>Usage of %1 on %2: %3</source>
        <translation>Nutzung von %1 auf %2: %3</translation>
    </message>
</context>
<context>
    <name>FeatBitPayloads</name>
    <message>
        <location filename="../models/connectors/featbit/featbitpayloads.cpp" line="+44"/>
        <source>not an ISO 8601 time</source>
        <translation>keine ISO-8601-Zeit</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>expected two numbers</source>
        <translation>zwei Zahlen erwartet</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>turned on</source>
        <translation>eingeschaltet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turned off</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renamed</source>
        <translation>umbenannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description changed</source>
        <translation>Beschreibung geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags added</source>
        <translation>Tags hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags removed</source>
        <translation>Tags entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>archived</source>
        <translation>archiviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restored from the archive</source>
        <translation>aus dem Archiv wiederhergestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variation added</source>
        <translation>Variante hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variation removed</source>
        <translation>Variante entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variation changed</source>
        <translation>Variante geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variation type changed</source>
        <translation>Variantentyp geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off variation changed</source>
        <translation>Aus-Variante geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default rule changed</source>
        <translation>Standardregel geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default rule&apos;s dispatch key changed</source>
        <translation>Verteilungsschlüssel der Standardregel geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>individual targets added</source>
        <translation>einzelne Ziele hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>individual targets removed</source>
        <translation>einzelne Ziele entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>individual targets replaced</source>
        <translation>einzelne Ziele ersetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule added</source>
        <translation>Regel hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule removed</source>
        <translation>Regel entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rules replaced</source>
        <translation>Regeln ersetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule renamed</source>
        <translation>Regel umbenannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule&apos;s dispatch key changed</source>
        <translation>Verteilungsschlüssel der Regel geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule conditions added</source>
        <translation>Regelbedingungen hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule conditions removed</source>
        <translation>Regelbedingungen entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule condition changed</source>
        <translation>Regelbedingung geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>values added to a rule condition</source>
        <translation>Werte zu einer Regelbedingung hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>values removed from a rule condition</source>
        <translation>Werte aus einer Regelbedingung entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule&apos;s rollout changed</source>
        <translation>Rollout der Regel geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message>
        <location line="+64"/>
        <source> […] (cut to FeatBit&apos;s %1 characters; the whole text is in FlagDeck&apos;s audit log)</source>
        <translation> […] (auf die %1 Zeichen von FeatBit gekürzt; der ganze Text steht im Audit-Verlauf von FlagDeck)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1.variationType: &quot;%2&quot; is not boolean, string, number or json</source>
        <translation>%1.variationType: „%2“ ist nicht boolean, string, number oder json</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>the flag has no variation &quot;%1&quot;</source>
        <translation>das Flag hat keine Variante „%1“</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>message.data.eventType: &quot;%1&quot; is neither full nor patch</source>
        <translation>message.data.eventType: „%1“ ist weder full noch patch</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
</context>
<context>
    <name>FeatBitServer</name>
    <message>
        <location filename="../models/connectors/featbit/featbitserver.cpp" line="+134"/>
        <source>history needs FeatBit 5.0.1 or newer, or a token that may read the audit log</source>
        <translation>der Verlauf braucht FeatBit 5.0.1 oder neuer oder ein Token, das das Audit-Log lesen darf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>history needs FeatBit 5.0.1 or newer</source>
        <translation>der Verlauf braucht FeatBit 5.0.1 oder neuer</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+645"/>
        <source>kill and restore need FeatBit 5.2.0 or newer, or the ToggleFlag permission</source>
        <translation>Abschalten und Wiederherstellen brauchen FeatBit 5.2.0 oder neuer oder das Recht ToggleFlag</translation>
    </message>
    <message>
        <location line="-644"/>
        <source>kill and restore need FeatBit 5.2.0 or newer</source>
        <translation>Abschalten und Wiederherstellen brauchen FeatBit 5.2.0 oder neuer</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+727"/>
        <source>rollout changes need FeatBit 5.3.3 or newer, or the UpdateFlagDefaultRule permission</source>
        <translation>Rollout-Änderungen brauchen FeatBit 5.3.3 oder neuer oder das Recht UpdateFlagDefaultRule</translation>
    </message>
    <message>
        <location line="-726"/>
        <source>rollout changes need FeatBit 5.3.3 or newer</source>
        <translation>Rollout-Änderungen brauchen FeatBit 5.3.3 oder neuer</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>in %1: %2</source>
        <translation>in %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kill and restore</source>
        <translation>Abschalten und Wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rollout changes</source>
        <translation>Rollout-Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>history</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>with this token: %1</source>
        <translation>mit diesem Token: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>reading the access token</source>
        <translation>das Zugriffstoken wird gelesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no access token for this connection in the keychain: %1</source>
        <translation>kein Zugriffstoken für diese Verbindung im Schlüsselbund: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the entry is empty</source>
        <translation>der Eintrag ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reading projects and flags</source>
        <translation>Projekte und Flags werden gelesen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the answer is larger than %1 MiB, so FlagDeck stopped reading it</source>
        <translation>die Antwort ist größer als %1 MiB, daher hat FlagDeck aufgehört, sie zu lesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server&apos;s TLS certificate is not trusted: %1</source>
        <translation>dem TLS-Zertifikat des Servers wird nicht vertraut: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the access token was not accepted (HTTP 401): check it, and that it is still active</source>
        <translation>das Zugriffstoken wurde nicht angenommen (HTTP 401): prüfen Sie es und ob es noch aktiv ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the access token may not do this (HTTP 403): it needs the permission in FeatBit&apos;s IAM policy%1</source>
        <translation>das Zugriffstoken darf das nicht (HTTP 403): es braucht die Berechtigung in der IAM-Richtlinie von FeatBit%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FeatBit reported a failure</source>
        <translation>FeatBit meldete einen Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FeatBit said: %1</source>
        <translation>FeatBit sagt: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the answer is not FeatBit&apos;s {success, errors, data}: is the URL FeatBit&apos;s API server?</source>
        <translation>die Antwort ist nicht FeatBits {success, errors, data}: ist die URL die des API-Servers von FeatBit?</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>flag %1: the answer names another flag</source>
        <translation>Flag %1: die Antwort nennt ein anderes Flag</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 in %2 is not shown: %3</source>
        <translation>%1 in %2 wird nicht gezeigt: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>flags not shown: %1; first: %2</source>
        <translation>nicht gezeigte Flags: %1; erstes: %2</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>%1: live updates may be missing: the environment&apos;s secret may have changed (polling brings nothing while FeatBit&apos;s API shows newer flags)</source>
        <translation>%1: Live-Änderungen fehlen womöglich: das Secret der Umgebung hat sich vielleicht geändert (das Abfragen bringt nichts, während die API von FeatBit neuere Flags zeigt)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 has no server secret: no live changes</source>
        <translation>%1 hat kein Server-Secret: keine Live-Änderungen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1: %2; retrying</source>
        <translation>%1: %2; neuer Versuch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>FeatBit</source>
        <translation>FeatBit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FeatBit workspace %1</source>
        <translation>FeatBit-Workspace %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebSockets blocked, polling every %1 s: %2</source>
        <translation>WebSockets blockiert, Abfrage alle %1 s: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>opening the evaluation server&apos;s streams</source>
        <translation>die Streams des Auswertungsservers werden geöffnet</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+25"/>
        <location line="+56"/>
        <source>no FeatBit environment %1</source>
        <translation>keine FeatBit-Umgebung %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the flag changed in FeatBit since it was read</source>
        <translation>das Flag wurde in FeatBit geändert, seit es gelesen wurde</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>FeatBit refused the change: the flag&apos;s revision moved (HTTP 409)</source>
        <translation>FeatBit hat die Änderung abgelehnt: die Revision des Flags hat sich geändert (HTTP 409)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>read again afterwards, the flag is unchanged</source>
        <translation>danach erneut gelesen, das Flag ist unverändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1; read again afterwards, the flag is unchanged</source>
        <translation>%1; danach erneut gelesen, das Flag ist unverändert</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>FeatBit does not tell an access token whose it is or whether it is a personal or a service token; FeatBit records the change under the token&apos;s name</source>
        <translation>FeatBit sagt einem Zugriffstoken nicht, wem es gehört oder ob es ein persönliches oder ein Dienst-Token ist; FeatBit verbucht die Änderung unter dem Namen des Tokens</translation>
    </message>
</context>
<context>
    <name>FeatBitStream</name>
    <message>
        <location filename="../models/connectors/featbit/featbitstream.cpp" line="+97"/>
        <source>a stream message</source>
        <translation>eine Stream-Nachricht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a stream message is not a JSON object</source>
        <translation>eine Stream-Nachricht ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the evaluation server sent something FlagDeck cannot read (%1)</source>
        <translation>der Auswertungsserver hat etwas geschickt, das FlagDeck nicht lesen kann (%1)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the evaluation server refused the stream (close code 4003): the environment&apos;s server secret is wrong, or this computer&apos;s clock is more than 30 s off</source>
        <translation>der Auswertungsserver hat den Stream abgelehnt (Close-Code 4003): das Server-Secret der Umgebung ist falsch, oder die Uhr dieses Computers geht mehr als 30 s falsch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the evaluation server closed the stream (%1 %2)</source>
        <translation>der Auswertungsserver hat den Stream geschlossen (%1 %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the evaluation server&apos;s stream could not be opened: %1</source>
        <translation>der Stream des Auswertungsservers ließ sich nicht öffnen: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the evaluation server does not accept this environment&apos;s server secret (HTTP %1)</source>
        <translation>der Auswertungsserver nimmt das Server-Secret dieser Umgebung nicht an (HTTP %1)</translation>
    </message>
</context>
<context>
    <name>FileSecretStore</name>
    <message>
        <location filename="../models/store/filesecretstore.cpp" line="+23"/>
        <source>the token file %1 does not exist</source>
        <translation>die Token-Datei %1 existiert nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the token file %1 is not a regular file</source>
        <translation>die Token-Datei %1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the token file %1 may be read by others: allow its owner only (chmod 600 or 400)</source>
        <translation>die Token-Datei %1 ist für andere lesbar: erlauben Sie den Zugriff nur ihrem Eigentümer (chmod 600 oder 400)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the token file %1 is too large to hold a token</source>
        <translation>die Token-Datei %1 ist zu groß für ein Token</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the token file %1: %2</source>
        <translation>die Token-Datei %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the token file %1 is empty</source>
        <translation>die Token-Datei %1 ist leer</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>cannot make %1 readable by its owner only</source>
        <translation>%1 lässt sich nicht nur für den Eigentümer lesbar machen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no token file is given for %1</source>
        <translation>für %1 ist keine Token-Datei angegeben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tokens for %1 are read from a file here; change the file instead</source>
        <translation>Tokens für %1 werden hier aus einer Datei gelesen; ändern Sie stattdessen die Datei</translation>
    </message>
</context>
<context>
    <name>Flag</name>
    <message>
        <location filename="../models/core/flag.cpp" line="+47"/>
        <source>the flag has no variations</source>
        <translation>das Flag hat keine Varianten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>variation id &quot;%1&quot; is used twice</source>
        <translation>die Varianten-ID „%1“ kommt doppelt vor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the off variation &quot;%1&quot; is not one of the flag&apos;s variations</source>
        <translation>die Aus-Variante „%1“ ist keine Variante des Flags</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the rollout serves &quot;%1&quot;, which is not one of the flag&apos;s variations</source>
        <translation>der Rollout spielt „%1“ aus, das keine Variante des Flags ist</translation>
    </message>
</context>
<context>
    <name>FlagChange</name>
    <message>
        <location filename="../models/core/flagchange.cpp" line="+24"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off variation</source>
        <translation>Aus-Variante</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rollout: %1</source>
        <translation>Rollout: %1</translation>
    </message>
</context>
<context>
    <name>FlagDeckEvalReport</name>
    <message>
        <location filename="../models/core/flagdeckevalreport.cpp" line="+47"/>
        <source>unknown field &quot;%1&quot; (the fields are flagdeck_eval, suite, time and results)</source>
        <translation>unbekanntes Feld „%1“ (die Felder sind flagdeck_eval, suite, time und results)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;flagdeck_eval&quot; must be 1, the only version of the format</source>
        <translation>„flagdeck_eval“ muss 1 sein, die einzige Version des Formats</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;suite&quot; must be a text</source>
        <translation>„suite“ muss ein Text sein</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;time&quot; must say when the eval ran, with its zone, e.g. 2026-11-30T15:02:00Z</source>
        <translation>„time“ muss sagen, wann die Eval lief, mit Zeitzone, z. B. 2026-11-30T15:02:00Z</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;results&quot; must map each variation to its passed and total cases</source>
        <translation>„results“ muss jeder Variante ihre bestandenen und gesamten Fälle zuordnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown field &quot;%1&quot; in the results of &quot;%2&quot; (the fields are passed, total and metrics)</source>
        <translation>unbekanntes Feld „%1“ in den Ergebnissen von „%2“ (die Felder sind passed, total und metrics)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the results of &quot;%1&quot; need &quot;passed&quot; and &quot;total&quot;: whole numbers, passed at most total</source>
        <translation>die Ergebnisse von „%1“ brauchen „passed“ und „total“: ganze Zahlen, passed höchstens total</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;metrics&quot; of &quot;%1&quot; must map names to numbers</source>
        <translation>„metrics“ von „%1“ muss Namen Zahlen zuordnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>metric &quot;%1&quot; of &quot;%2&quot; must be a number</source>
        <translation>Metrik „%1“ von „%2“ muss eine Zahl sein</translation>
    </message>
</context>
<context>
    <name>FlagDetailPane</name>
    <message>
        <location filename="../widgets/flagdetailpane.cpp" line="+24"/>
        <source>Select a flag to see its variations, rollout and kill switch.</source>
        <translation>Wählen Sie ein Flag, um seine Varianten, seinen Rollout und seinen Kill-Switch zu sehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Flag details</source>
        <translation>Flag-Details</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&lt;b&gt;Exposure&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ausspielung&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&lt;code&gt;%1&lt;/code&gt; · %2 · %3</source>
        <translation>&lt;code&gt;%1&lt;/code&gt; · %2 · %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+3"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (sent as %2)</source>
        <translation>%1 (gesendet als %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last change %1 by %2
Tags: %3
Revision %4</source>
        <translation>Letzte Änderung %1 von %2
Tags: %3
Revision %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kill switch: turn off… (K)</source>
        <translation>Kill-Switch: ausschalten… (K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore: turn on… (R)</source>
        <translation>Wiederherstellen: einschalten… (R)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> &lt;i&gt;(off variation)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(Aus-Variante)&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>FlagJson</name>
    <message>
        <location filename="../models/core/flagjson.cpp" line="+49"/>
        <source>&quot;%1&quot; is not boolean, string, number or json</source>
        <translation>„%1“ ist nicht boolean, string, number oder json</translation>
    </message>
</context>
<context>
    <name>FlagServer</name>
    <message>
        <location filename="../models/connectors/flagserver.cpp" line="+42"/>
        <source>%1 does not report how often variations were served</source>
        <translation>%1 meldet nicht, wie oft die Varianten ausgeliefert wurden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 cannot archive flags from FlagDeck</source>
        <translation>%1 kann keine Flags aus FlagDeck archivieren</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 does not say whose token this is</source>
        <translation>%1 sagt nicht, wem dieses Token gehört</translation>
    </message>
</context>
<context>
    <name>FlagStateAtModel</name>
    <message>
        <location filename="../models/item/flagstateatmodel.cpp" line="+19"/>
        <source>off (serves %1)</source>
        <translation>aus (liefert %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on · %1</source>
        <translation>an · %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not recorded</source>
        <translation>nicht aufgezeichnet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (the rest not recorded)</source>
        <translation>%1 (der Rest nicht aufgezeichnet)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not on the server now</source>
        <translation>jetzt nicht auf dem Server</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not as it is now</source>
        <translation>Anders als jetzt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no change recorded before then</source>
        <translation>vorher keine Änderung aufgezeichnet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At %1 (history)</source>
        <translation>Um %1 (Verlauf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last changed before then by</source>
        <translation>Zuletzt davor geändert von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
</context>
<context>
    <name>FlagTableModel</name>
    <message>
        <location filename="../models/item/flagtablemodel.cpp" line="+53"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill switch</source>
        <translation>Kill-Switch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guardrails</source>
        <translation>Guardrails</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exposure</source>
        <translation>Ausspielung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This server and token cannot kill or restore it: %1</source>
        <translation>Dieser Server und dieses Token können es nicht abschalten oder wiederherstellen: %1</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Rollout change pending…</source>
        <translation>Rollout-Änderung ausstehend…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rollout change failed: %1</source>
        <translation>Rollout-Änderung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill pending…</source>
        <translation>Abschaltung ausstehend…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore pending…</source>
        <translation>Wiederherstellung ausstehend…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill failed: %1</source>
        <translation>Abschaltung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore failed: %1</source>
        <translation>Wiederherstellung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On · stale, %1 old</source>
        <translation>An · veraltet, %1 alt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off · stale, %1 old</source>
        <translation>Aus · veraltet, %1 alt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>KILLED by %1 at %2</source>
        <translation>GESTOPPT von %1, %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KILLED by the monitor at %1</source>
        <translation>GESTOPPT vom Monitor, %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Killed automatically by %1 at %2, confirmed by the server.</source>
        <translation>Automatisch abgeschaltet von %1 um %2, vom Server bestätigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Killed by %1 at %2, confirmed by the server.</source>
        <translation>Abgeschaltet von %1 um %2, vom Server bestätigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 Why: %2</source>
        <translation>%1 Grund: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../widgets/flagtableview.cpp" line="+185"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../widgets/flagtableview.cpp" line="+0"/>
        <source>Not allowed</source>
        <translation>Nicht erlaubt</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <location filename="../widgets/flagtableview.cpp" line="+1"/>
        <source>Undo (%n s)</source>
        <translation>
            <numerusform>Rückgängig (%n s)</numerusform>
            <numerusform>Rückgängig (%n s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting…</source>
        <translation>Warten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill</source>
        <translation>Abschalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry kill</source>
        <translation>Erneut abschalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry restore</source>
        <translation>Erneut einschalten</translation>
    </message>
</context>
<context>
    <name>FlagTableView</name>
    <message>
        <location filename="../widgets/flagtableview.cpp" line="-173"/>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
</context>
<context>
    <name>GuardCommand</name>
    <message>
        <location filename="../app/guardcommand.cpp" line="+297"/>
        <source>Watches the guardrails of every flag whose contract names some, without a window, and acts as a console would: auto_kill through the server, otherwise a rollback proposal in the team inbox. Any number of guards may share a team inbox; one acts, the others stand by.</source>
        <translation>Überwacht ohne Fenster die Guardrails jedes Flags, dessen Vertrag welche nennt, und handelt wie eine Konsole: auto_kill über den Server, sonst ein Rückfall-Vorschlag im Team-Posteingang. Beliebig viele Guards können sich einen Team-Posteingang teilen; einer handelt, die anderen stehen bereit.</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>The guard&apos;s settings: its connections, approvals/inbox (the team inbox&apos;s postgresql:// URL) and contracts/folder, in the console&apos;s settings format.</source>
        <translation>Die Einstellungen des Guards: seine Verbindungen, approvals/inbox (die postgresql://-URL des Team-Posteingangs) und contracts/folder, im Einstellungsformat der Konsole.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder of token files, one per connection, named by the connection&apos;s id, readable by the guard&apos;s user only (default: $CREDENTIALS_DIRECTORY, as systemd&apos;s LoadCredential= sets it).</source>
        <translation>Der Ordner mit den Token-Dateien, eine je Verbindung, benannt nach der ID der Verbindung und nur für den Benutzer des Guards lesbar (Standard: $CREDENTIALS_DIRECTORY, wie es LoadCredential= von systemd setzt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>How consoles and the audit name this guard (default: guard@host).</source>
        <translation>Unter welchem Namen Konsolen und das Audit diesen Guard führen (Standard: guard@host).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The contracts folder, instead of the one in the settings.</source>
        <translation>Der Vertragsordner, anstelle des in den Einstellungen angegebenen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>regression</source>
        <translation>Verschlechterung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A drill: guardrail data for every connection comes from the sandbox&apos;s traffic simulator (with --sandbox-regression), so the response can be practised against a staging server. It acts on made-up numbers: never point it at production.</source>
        <translation>Eine Übung: Die Guardrail-Daten jeder Verbindung kommen aus dem Verkehrssimulator der Sandbox (mit --sandbox-regression), sodass sich die Reaktion gegen einen Staging-Server proben lässt. Der Guard handelt dann auf erfundene Zahlen hin: richten Sie ihn nie auf die Produktion.</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--config FILE is required (see flagdeck guard --help)</source>
        <translation>--config DATEI ist erforderlich (siehe flagdeck guard --help)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the settings file %1</source>
        <translation>die Einstellungsdatei %1 lässt sich nicht lesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a settings file FlagDeck can read</source>
        <translation>%1 ist keine Einstellungsdatei, die FlagDeck lesen kann</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>%1 must set approvals/inbox to the team inbox&apos;s postgresql:// URL: guards and consoles meet there</source>
        <translation>%1 muss approvals/inbox auf die postgresql://-URL des Team-Posteingangs setzen: dort treffen sich Guards und Konsolen</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>For a trial on the sandbox: make its traffic regress, FLAG:VARIATION:METRIC:FACTOR[@SECONDS], e.g. chat-model-route:distilled_small:p95_latency:1.4 (may be repeated). With --simulated-traffic, any connection&apos;s flag.</source>
        <translation>Für einen Probelauf auf der Sandbox: deren Verkehr verschlechtern, FLAG:VARIATION:METRIC:FACTOR[@SECONDS], z. B. chat-model-route:distilled_small:p95_latency:1.4 (mehrfach möglich). Mit --simulated-traffic das Flag einer beliebigen Verbindung.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 configures no connections</source>
        <translation>%1 richtet keine Verbindungen ein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 needs a token: give --credentials FOLDER or run under systemd with LoadCredential=%2:PATH</source>
        <translation>%1 braucht ein Token: geben Sie --credentials ORDNER an oder starten Sie unter systemd mit LoadCredential=%2:PFAD</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no contracts folder: set contracts/folder in %1 or give --contracts</source>
        <translation>kein Vertragsordner: setzen Sie contracts/folder in %1 oder geben Sie --contracts an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the contracts folder %1 does not exist</source>
        <translation>der Vertragsordner %1 existiert nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the contracts in %1 have errors; see flagdeck contracts check %1</source>
        <translation>die Verträge in %1 enthalten Fehler; siehe flagdeck contracts check %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--sandbox-regression acts on a sandbox connection and %1 configures none: add one, or make it a drill with --simulated-traffic</source>
        <translation>--sandbox-regression wirkt auf eine Sandbox-Verbindung, und %1 richtet keine ein: fügen Sie eine hinzu oder machen Sie mit --simulated-traffic eine Übung daraus</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>guardrail data is simulated for every connection: flags are killed on made-up numbers</source>
        <translation>die Guardrail-Daten aller Verbindungen sind simuliert: Flags werden auf erfundene Zahlen hin abgeschaltet</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>this guard acts on regressions</source>
        <translation>dieser Guard handelt bei Verschlechterungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+114"/>
        <source>another guard acts; this one watches</source>
        <translation>ein anderer Guard handelt; dieser beobachtet nur</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>cannot open the team inbox %1; trying again is up to the service manager</source>
        <translation>der Team-Posteingang %1 lässt sich nicht öffnen; einen neuen Versuch übernimmt der Dienstmanager</translation>
    </message>
</context>
<context>
    <name>GuardHeartbeat</name>
    <message numerus="yes">
        <location filename="../models/core/guardheartbeat.cpp" line="+26"/>
        <source>Guarded by %1, last seen %n s ago</source>
        <translation>
            <numerusform>Bewacht von %1, zuletzt gesehen vor %n s</numerusform>
            <numerusform>Bewacht von %1, zuletzt gesehen vor %n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto_kill runs only while a console is open</source>
        <translation>auto_kill läuft nur, solange eine Konsole geöffnet ist</translation>
    </message>
</context>
<context>
    <name>GuardLease</name>
    <message>
        <location filename="../models/store/guardlease.cpp" line="+57"/>
        <source>a guard needs the team inbox on PostgreSQL (a postgresql:// URL), not %1</source>
        <translation>ein Guard braucht den Team-Posteingang auf PostgreSQL (eine postgresql://-URL), nicht %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>cannot look at the leader: %1</source>
        <translation>der führende Guard lässt sich nicht prüfen: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot ask the inbox for the lead: %1</source>
        <translation>die Führung lässt sich beim Posteingang nicht anfragen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot write the heartbeat: %1</source>
        <translation>der Heartbeat lässt sich nicht schreiben: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>cannot confirm the lead: %1</source>
        <translation>die Führung lässt sich nicht bestätigen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the lead was lost</source>
        <translation>die Führung ging verloren</translation>
    </message>
</context>
<context>
    <name>GuardrailCharts</name>
    <message>
        <location filename="../widgets/guardrailcharts.cpp" line="+221"/>
        <source>Stop watching</source>
        <translation>Nicht mehr beobachten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>metric, e.g. p95_latency</source>
        <translation>Metrik, z. B. p95_latency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardrail metric</source>
        <translation>Guardrail-Metrik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which way is better</source>
        <translation>Welche Richtung besser ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lower is better</source>
        <translation>niedriger ist besser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>higher is better</source>
        <translation>höher ist besser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>threshold (optional)</source>
        <translation>Schwelle (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardrail threshold</source>
        <translation>Guardrail-Schwelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watch</source>
        <translation>Beobachten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Watch for this flag:</source>
        <translation>Für dieses Flag beobachten:</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Stop watching %1</source>
        <translation>%1 nicht mehr beobachten</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 (control)</source>
        <translation>%1 (Kontrolle)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+60"/>
        <source>threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>not compared</source>
        <translation>nicht verglichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only one variation is served: nothing is compared in this time</source>
        <translation>Nur eine Variante wird ausgespielt: in dieser Zeit wird nichts verglichen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 per variation</source>
        <translation>%1 je Variante</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Offline: guardrail metrics are read live from their source, so there is nothing to chart for %1 until FlagDeck is connected again.</source>
        <translation>Offline: Guardrail-Metriken werden live aus ihrer Quelle gelesen, daher gibt es für %1 nichts zu zeigen, bis FlagDeck wieder verbunden ist.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Only %1 is served since %2: nothing is compared now. The charts keep the comparison and its verdicts from before; the time since is greyed.</source>
        <translation>Seit %2 wird nur %1 ausgespielt: jetzt wird nichts verglichen. Die Diagramme behalten den Vergleich und seine Urteile von vorher; die Zeit seitdem ist grau.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 before %2</source>
        <comment>a verdict, until the comparison ended at a time</comment>
        <translation>%1 vor %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>difference from the control, in % of its level, with its always-valid interval</source>
        <translation>Abstand zur Kontrolle in % ihres Niveaus, mit jederzeit gültigem Intervall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>difference from the control, with its always-valid interval</source>
        <translation>Abstand zur Kontrollgruppe, mit seinem jederzeit gültigen Intervall</translation>
    </message>
    <message>
        <location line="-298"/>
        <source>%1 difference from the control</source>
        <translation>%1 Abstand zur Kontrollgruppe</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a flag to see its guardrails.</source>
        <translation>Wählen Sie ein Flag, um seine Guardrails zu sehen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No guardrails are watched for %1: its contract names none, or it has no contract, or no metric source serves its connection. Without a contract, name a metric above to watch it.</source>
        <translation>Für %1 werden keine Guardrails beobachtet: sein Vertrag nennt keine, es hat keinen Vertrag, oder keine Metrikquelle bedient seine Verbindung. Ohne Vertrag können Sie oben eine Metrik nennen, um sie zu beobachten.</translation>
    </message>
</context>
<context>
    <name>GuardrailHealth</name>
    <message>
        <location filename="../models/metrics/guardrailhealth.cpp" line="+19"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not enough evidence</source>
        <translation>zu wenig Belege</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not enough data</source>
        <translation>zu wenig Daten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>watching</source>
        <translation>wird beobachtet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regressed</source>
        <translation>verschlechtert</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>these values mix every environment</source>
        <translation>diese Werte mischen alle Umgebungen</translation>
    </message>
</context>
<context>
    <name>GuardrailMonitor</name>
    <message>
        <location filename="../models/metrics/guardrailmonitor.cpp" line="+88"/>
        <source>%1: no data for %2</source>
        <translation>%1: keine Daten für %2</translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>%1: %2 at %3 (%4 to %5), beyond the threshold %6, %n interval(s)</source>
        <translation>
            <numerusform>%1: %2 bei %3 (%4 bis %5), jenseits der Schwelle %6, %n Intervall</numerusform>
            <numerusform>%1: %2 bei %3 (%4 bis %5), jenseits der Schwelle %6, %n Intervalle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1: %2 %3 against %4 (%5 to %6), %n paired interval(s)</source>
        <translation>
            <numerusform>%1: %2 %3 gegenüber %4 (%5 bis %6), %n gepaartes Intervall</numerusform>
            <numerusform>%1: %2 %3 gegenüber %4 (%5 bis %6), %n gepaarte Intervalle</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1; not enough evidence yet: the interval reaches beyond the tolerance of %2</source>
        <translation>%1; noch zu wenig Belege: das Intervall reicht über die Toleranz von %2 hinaus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 of %3 paired intervals with enough traffic</source>
        <translation>%1: %2 von %3 gepaarten Intervallen mit genug Verkehr</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 got %2 (promised %3)</source>
        <translation>%1 erhielt %2 (zugesagt %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sample ratio mismatch (p &lt; %1): %2; the comparison cannot be trusted</source>
        <translation>Abweichung des Stichprobenverhältnisses (p &lt; %1): %2; dem Vergleich ist nicht zu trauen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>only %1 is served: nothing to compare</source>
        <translation>nur %1 wird ausgespielt: nichts zu vergleichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the control %1 is not served: nothing to compare it with</source>
        <translation>die Kontrollgruppe %1 wird nicht ausgespielt: nichts, womit verglichen werden kann</translation>
    </message>
</context>
<context>
    <name>GuardrailWatcher</name>
    <message>
        <location filename="../models/control/guardrailwatcher.cpp" line="+159"/>
        <source> (before the kill at %1)</source>
        <translation> (vor der Abschaltung um %1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 in %2 on %3</source>
        <translation>%1 in %2 auf %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Guardrail regression: %1</source>
        <translation>Guardrail verschlechtert: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>auto_kill by the guardrail monitor: %1; statistics since %2 UTC</source>
        <translation>auto_kill durch die Guardrail-Überwachung: %1; Statistik seit %2 UTC</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1. Its contract sets auto_kill: FlagDeck is killing the flag; the row shows &quot;off&quot; once the server confirms.</source>
        <translation>%1. Sein Vertrag setzt auto_kill: FlagDeck schaltet das Flag ab; die Zeile zeigt „aus“, sobald der Server bestätigt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1. Its contract sets auto_kill, but these values mix every environment, so FlagDeck does not kill it by itself: decide now, or give the telemetry the environment (see Guardrails in the documentation).</source>
        <translation>%1. Sein Vertrag setzt auto_kill, aber diese Werte mischen alle Umgebungen, daher schaltet FlagDeck es nicht selbst ab: jetzt entscheiden oder der Telemetrie die Umgebung mitgeben (siehe Guardrails in der Dokumentation).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1. Its contract sets auto_kill; another FlagDeck (a guard or a console) is carrying it out.</source>
        <translation>%1. Sein Vertrag setzt auto_kill; ein anderes FlagDeck (ein Guard oder eine Konsole) führt es aus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>kill</source>
        <translation>abschalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1. Its contract does not set auto_kill: decide now — the contract&apos;s rollback action is &quot;%2&quot;; kill the flag or roll back its stage.</source>
        <translation>%1. Sein Vertrag setzt kein auto_kill: entscheiden Sie jetzt – die Rückfallaktion des Vertrags ist „%2“; schalten Sie das Flag ab oder setzen Sie seine Stufe zurück.</translation>
    </message>
</context>
<context>
    <name>InterruptedChanges</name>
    <message>
        <location filename="../models/control/interruptedchanges.cpp" line="+25"/>
        <source>A kill of %1 in %2 requested at %3 was interrupted before the server answered</source>
        <translation>Das Abschalten von %1 in %2, angefordert um %3, wurde unterbrochen, bevor der Server antwortete</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A restore of %1 in %2 requested at %3 was interrupted before the server answered</source>
        <translation>Das Wiederherstellen von %1 in %2, angefordert um %3, wurde unterbrochen, bevor der Server antwortete</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An archive of %1 in %2 requested at %3 was interrupted before the server answered</source>
        <translation>Das Archivieren von %1 in %2, angefordert um %3, wurde unterbrochen, bevor der Server antwortete</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A rollout change of %1 in %2 requested at %3 was interrupted before the server answered</source>
        <translation>Die Rollout-Änderung von %1 in %2, angefordert um %3, wurde unterbrochen, bevor der Server antwortete</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1; the server no longer has the flag.</source>
        <translation>%1; der Server hat das Flag nicht mehr.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1; the server says the flag is now on.</source>
        <translation>%1; laut Server ist das Flag jetzt an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1; the server says the flag is now off.</source>
        <translation>%1; laut Server ist das Flag jetzt aus.</translation>
    </message>
</context>
<context>
    <name>JUnitReport</name>
    <message>
        <location filename="../models/core/junitreport.cpp" line="+40"/>
        <source>XML, but not JUnit: the root element is &lt;%1&gt;, not &lt;testsuites&gt; or &lt;testsuite&gt;</source>
        <translation>XML, aber kein JUnit: das Wurzelelement ist &lt;%1&gt;, nicht &lt;testsuites&gt; oder &lt;testsuite&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the timestamp &quot;%1&quot; is not a date and time</source>
        <translation>der Zeitstempel „%1“ ist kein Datum mit Uhrzeit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a &lt;testcase&gt; outside any &lt;testsuite&gt;</source>
        <translation>ein &lt;testcase&gt; außerhalb jeder &lt;testsuite&gt;</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>not well-formed XML: %1</source>
        <translation>kein wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JUnit XML without any &lt;testsuite&gt;</source>
        <translation>JUnit-XML ohne &lt;testsuite&gt;</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <location filename="../models/core/jsonreader.cpp" line="+47"/>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+6"/>
        <source>expected text</source>
        <translation>Text erwartet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a valid key (1 to 200 of A-Z a-z 0-9 . _ -)</source>
        <translation>„%1“ ist kein gültiger Schlüssel (1 bis 200 von A-Z a-z 0-9 . _ -)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected a whole number</source>
        <translation>eine ganze Zahl erwartet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is outside %2..%3</source>
        <translation>%1 liegt außerhalb von %2..%3</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+6"/>
        <source>expected a list</source>
        <translation>eine Liste erwartet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected an object</source>
        <translation>ein Objekt erwartet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>item %1 is not text</source>
        <translation>Element %1 ist kein Text</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is %2 bytes, more than the %3 bytes accepted</source>
        <translation>%1 ist %2 Bytes groß, mehr als die angenommenen %3 Bytes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not valid JSON: %2 at byte %3</source>
        <translation>%1 ist kein gültiges JSON: %2 bei Byte %3</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <location filename="../models/store/keychainsecretstore.cpp" line="+42"/>
        <source>no token is stored in the OS keychain for this connection: enter it again in the connection&apos;s settings</source>
        <translation>im Schlüsselbund des Betriebssystems ist für diese Verbindung kein Token gespeichert: geben Sie es in den Einstellungen der Verbindung erneut ein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the OS keychain refused access: unlock it (or allow FlagDeck in it) and try again</source>
        <translation>der Schlüsselbund des Betriebssystems hat den Zugriff verweigert: entsperren Sie ihn (oder erlauben Sie darin FlagDeck den Zugriff) und versuchen Sie es erneut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the OS keychain could not delete the token: remove the FlagDeck entry in the keychain&apos;s own program</source>
        <translation>der Schlüsselbund des Betriebssystems konnte das Token nicht löschen: entfernen Sie den FlagDeck-Eintrag im Programm des Schlüsselbunds selbst</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the OS keychain cannot be reached: FlagDeck keeps tokens in a Secret Service such as GNOME Keyring or KWallet, over a D-Bus session. Install and start one (e.g. the gnome-keyring package) and run FlagDeck in a desktop session, or, without a desktop, inside dbus-run-session with an unlocked keyring; a server runs flagdeck guard with token files instead</source>
        <translation>der Schlüsselbund des Betriebssystems ist nicht erreichbar: FlagDeck bewahrt Tokens über eine D-Bus-Sitzung in einem Secret Service wie GNOME Keyring oder KWallet auf. Installieren und starten Sie einen (z. B. das Paket gnome-keyring) und führen Sie FlagDeck in einer Desktop-Sitzung aus oder, ohne Desktop, innerhalb von dbus-run-session mit einem entsperrten Schlüsselbund; auf einem Server läuft stattdessen flagdeck guard mit Token-Dateien</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the OS keychain failed: check that it is unlocked and that FlagDeck may use it</source>
        <translation>der Schlüsselbund des Betriebssystems hat einen Fehler gemeldet: prüfen Sie, ob er entsperrt ist und FlagDeck ihn verwenden darf</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+25"/>
        <source>%1 (the keychain said: %2)</source>
        <translation>%1 (Meldung des Schlüsselbunds: %2)</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The OS keychain is locked or refused access, so tokens cannot be stored. Unlock it (or allow FlagDeck in it) and open this dialog again.</source>
        <translation>Der Schlüsselbund des Systems ist gesperrt oder verweigert den Zugriff, daher können keine Tokens gespeichert werden. Entsperre ihn (oder erlaube FlagDeck darin) und öffne diesen Dialog erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No secret service is running, so tokens cannot be stored. Install gnome-keyring (or KeePassXC with its Secret Service integration, or KWallet) and sign in again.</source>
        <translation>Es läuft kein Secret Service, daher können keine Tokens gespeichert werden. Installiere gnome-keyring (oder KeePassXC mit seiner Secret-Service-Integration, oder KWallet) und melde dich neu an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The OS keychain cannot be reached, so tokens cannot be stored. Check that it is unlocked and that FlagDeck may use it.</source>
        <translation>Der Schlüsselbund des Systems ist nicht erreichbar, daher können keine Tokens gespeichert werden. Prüfe, ob er entsperrt ist und FlagDeck ihn benutzen darf.</translation>
    </message>
</context>
<context>
    <name>KillConfirmBar</name>
    <message>
        <location filename="../widgets/killconfirmbar.cpp" line="+13"/>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kill switch confirmation</source>
        <translation>Bestätigung des Kill-Switch</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Restore (Enter)</source>
        <translation>Wiederherstellen (Enter)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kill (Enter)</source>
        <translation>Abschalten (Enter)</translation>
    </message>
</context>
<context>
    <name>KillSwitch</name>
    <message>
        <location filename="../models/control/killswitch.cpp" line="+50"/>
        <source>%1 is not among the flags this console shows</source>
        <translation>%1 gehört nicht zu den Flags, die diese Konsole zeigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline: nothing can be sent to the server</source>
        <translation>offline: nichts kann an den Server gesendet werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another change of %1 was under way</source>
        <translation>eine andere Änderung von %1 lief gerade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing sent: %1 is already %2</source>
        <translation>nichts gesendet: %1 ist bereits %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing sent: %1</source>
        <translation>nichts gesendet: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the server answered but still reports the flag off</source>
        <translation>der Server hat geantwortet, meldet das Flag aber noch als aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server answered but still reports the flag on</source>
        <translation>der Server hat geantwortet, meldet das Flag aber noch als an</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="+247"/>
        <source>FlagDeck</source>
        <translation>FlagDeck</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Search flags by key, name, description, tag, server or environment (Ctrl+F)</source>
        <translation>Flags nach Schlüssel, Name, Beschreibung, Tag, Server oder Umgebung suchen (Strg+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search flags</source>
        <translation>Flags suchen</translation>
    </message>
    <message>
        <location line="+652"/>
        <source>&amp;Flags</source>
        <translation>&amp;Flags</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Audit history</source>
        <translation>&amp;Audit-Verlauf</translation>
    </message>
    <message>
        <location line="-548"/>
        <location line="+623"/>
        <source>FlagDeck — offline</source>
        <translation>FlagDeck – offline</translation>
    </message>
    <message>
        <location line="-360"/>
        <source>%1 proposes to %2 %3</source>
        <translation>%1 schlägt vor: %2 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 risk · %2 — review it on the Approvals tab (Ctrl+3)</source>
        <translation>Risiko %1 · %2 – prüfen Sie es im Reiter Freigaben (Strg+3)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Proposal for %1 %2: %3</source>
        <translation>Vorschlag für %1 %2: %3</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>%1 in %2: %3 confirmed by the server.</source>
        <translation>%1 in %2: %3 vom Server bestätigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 in %2: %3 failed: %4</source>
        <translation>%1 in %2: %3 fehlgeschlagen: %4</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>%1 in %2 is on again: the server confirmed it.</source>
        <translation>%1 in %2 ist wieder an: der Server hat es bestätigt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restoring %1 in %2 failed: %3</source>
        <translation>Wiederherstellen von %1 in %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Killing %1 in %2 failed: %3</source>
        <translation>Abschalten von %1 in %2 fehlgeschlagen: %3</translation>
    </message>
    <message numerus="yes">
        <location line="+85"/>
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 exportiert.</numerusform>
            <numerusform>%n Einträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-195"/>
        <location line="+728"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>A&amp;pprovals</source>
        <translation>F&amp;reigaben</translation>
    </message>
    <message numerus="yes">
        <location line="+218"/>
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n Server</numerusform>
            <numerusform>%n Servern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-354"/>
        <source>%n proposal(s) waiting for review</source>
        <translation>
            <numerusform>%n Vorschlag wartet auf Prüfung</numerusform>
            <numerusform>%n Vorschläge warten auf Prüfung</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Contracts folder</source>
        <translation>Vertragsordner</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add se&amp;rver connection…</source>
        <translation>Se&amp;rververbindung hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;sandbox connection…</source>
        <translation>&amp;Sandbox-Verbindung hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Contracts folder…</source>
        <translation>&amp;Vertragsordner…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>F&amp;lag</source>
        <translation>F&amp;lag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Kill selected flags…</source>
        <translation>Ausgewählte Flags a&amp;bschalten…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore selected flags…</source>
        <translation>Ausgewählte Flags &amp;wiederherstellen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;history of selected flag</source>
        <translation>&amp;Verlauf des ausgewählten Flags zeigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Connections</source>
        <translation>&amp;Verbindungen</translation>
    </message>
    <message>
        <location line="-554"/>
        <location line="+384"/>
        <location line="+93"/>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location line="-634"/>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Only the flags a person should look at now: a guardrail regressed, or a change this console sent failed.</source>
        <translation>Nur die Flags, die sich jetzt jemand ansehen sollte: ein Guardrail hat sich verschlechtert, oder eine Änderung, die diese Konsole gesendet hat, ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Guardrail charts of the selected flag</source>
        <translation>Guardrail-Diagramme des ausgewählten Flags</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Selected flag: details and stage</source>
        <translation>Ausgewähltes Flag: Details und Stufe</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Console views</source>
        <translation>Konsolenansichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit history</source>
        <translation>Audit-Verlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleanup</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Who carries out a contract&apos;s auto_kill when a guardrail regresses: a flagdeck guard on the team inbox, or only a console that is open.</source>
        <translation>Wer das auto_kill eines Vertrags ausführt, wenn sich ein Guardrail verschlechtert: ein flagdeck guard am Team-Posteingang oder nur eine geöffnete Konsole.</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>%1@%2: %3</source>
        <translation>%1@%2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restored: %1 of %2 confirmed by the server.</source>
        <translation>Wiederhergestellt: %1 von %2 vom Server bestätigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Killed: %1 of %2 confirmed by the server.</source>
        <translation>Abgeschaltet: %1 von %2 vom Server bestätigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not done: %1</source>
        <translation>Nicht erledigt: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%1 in %2 is off: the server confirmed it. Undo (Ctrl+Z) is offered for %n s.</source>
        <translation>
            <numerusform>%1 in %2 ist aus: der Server hat es bestätigt. Rückgängig (Strg+Z) ist %n s lang möglich.</numerusform>
            <numerusform>%1 in %2 ist aus: der Server hat es bestätigt. Rückgängig (Strg+Z) ist %n s lang möglich.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 in %2 is off: the server confirmed it.</source>
        <translation>%1 in %2 ist aus: der Server hat es bestätigt.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The audit cache %1 cannot write: %2. Kills and changes still reach the servers; their audit entries are kept in memory and written as soon as the cache can take them (free some disk space if it is full). Closing FlagDeck before then loses them.</source>
        <translation>Der Audit-Cache %1 kann nicht schreiben: %2. Abschaltungen und Änderungen erreichen die Server weiterhin; ihre Audit-Einträge werden im Speicher gehalten und geschrieben, sobald der Cache sie aufnehmen kann (gib Speicherplatz frei, wenn die Platte voll ist). Wird FlagDeck vorher geschlossen, gehen sie verloren.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The audit cache %1 is damaged (%2). FlagDeck no longer writes to it; kills and changes still reach the servers, and their audit entries are kept in memory. Move the file aside with its -wal and -shm files (keep them: its history is in them, and &quot;sqlite3 %1 .recover&quot; saves what is readable): FlagDeck then starts a new cache there and writes what it kept; the servers&apos; history is fetched again at the next start.</source>
        <translation>Der Audit-Cache %1 ist beschädigt (%2). FlagDeck schreibt nicht mehr hinein; Abschaltungen und Änderungen erreichen die Server weiterhin, und ihre Audit-Einträge werden im Speicher gehalten. Verschiebe die Datei samt ihren -wal- und -shm-Dateien (behalte sie: ihr Verlauf steht darin, und „sqlite3 %1 .recover“ rettet, was lesbar ist): FlagDeck legt dann dort einen neuen Cache an und schreibt, was es gehalten hat; der Verlauf der Server wird beim nächsten Start erneut geholt.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The audit cache writes again: the %n entries kept in memory meanwhile are in it.</source>
        <translation>
            <numerusform>Der Audit-Cache schreibt wieder: der %n inzwischen im Speicher gehaltene Eintrag steht darin.</numerusform>
            <numerusform>Der Audit-Cache schreibt wieder: die %n inzwischen im Speicher gehaltenen Einträge stehen darin.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The approval queue is not open: %1</source>
        <translation>Die Freigabewarteschlange ist nicht geöffnet: %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>the audit cache is not open</source>
        <translation>der Verlaufsspeicher ist nicht offen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 in %2: the contract requires approval for %3 at %4 risk. Sent to the approval queue as proposal %5; it runs once someone else approves it (Approvals, Ctrl+3).</source>
        <translation>%1 in %2: der Vertrag verlangt für %3 bei Risiko %4 eine Freigabe. Als Vorschlag %5 an die Freigabeliste gesendet; er läuft, sobald jemand anderes ihn freigibt (Freigaben, Strg+3).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Due for cleanup: %1. Its code is to be removed; archive it.</source>
        <translation>Zum Aufräumen fällig: %1. Sein Code ist zu entfernen; archivieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive of %1 asked of the approval queue (proposal %2): it runs once another person approves it.</source>
        <translation>Archivierung von %1 bei der Freigabewarteschlange angefragt (Vorschlag %2): sie läuft, sobald eine andere Person sie freigibt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archive of %1 not asked: %2</source>
        <translation>Archivierung von %1 nicht angefragt: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 in %2 is back as it was: confirmed by the server.</source>
        <translation>%1 in %2 ist wieder wie vorher: vom Server bestätigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Putting %1 in %2 back failed: %3</source>
        <translation>Zurücksetzen von %1 in %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 in %2: sent; waiting for the server to confirm…</source>
        <translation>%1 in %2: gesendet; wartet auf die Bestätigung des Servers…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>killed instead of an inexact revert</source>
        <translation>abgeschaltet statt eines ungenauen Zurücksetzens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in %2: kill sent; the Flags tab shows when the server confirms it.</source>
        <translation>%1 in %2: Abschalten gesendet; der Reiter Flags zeigt, wann der Server es bestätigt.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Flags (%n need attention)</source>
        <translation>
            <numerusform>Flags (%n braucht Aufmerksamkeit)</numerusform>
            <numerusform>Flags (%n brauchen Aufmerksamkeit)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No flags match</source>
        <translation>Keine Flags passen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n flag(s)</source>
        <translation>
            <numerusform>%1 von %n Flag</numerusform>
            <numerusform>%1 von %n Flags</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Approvals (%1)</source>
        <translation>Freigaben (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>&amp;Undo last kill</source>
        <translation>Letzte Abschaltung &amp;rückgängig machen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;What changed</source>
        <translation>&amp;Was sich geändert hat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;leanup</source>
        <translation>Au&amp;fräumen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Acti&amp;vity</source>
        <translation>Akti&amp;vität</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About FlagDeck</source>
        <translation>Ü&amp;ber FlagDeck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About FlagDeck</source>
        <translation>Über FlagDeck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;FlagDeck %1&lt;/b&gt;&lt;br&gt;The operator console for AI release engineering.</source>
        <translation>&lt;b&gt;FlagDeck %1&lt;/b&gt;&lt;br&gt;Die Konsole für das Release-Engineering von KI-Funktionen.</translation>
    </message>
    <message numerus="yes">
        <location line="+126"/>
        <source>No kill to undo: a kill can be undone for %n second(s) after the server confirmed it.</source>
        <translation>
            <numerusform>Keine Abschaltung rückgängig zu machen: das geht %n Sekunde lang, nachdem der Server sie bestätigt hat.</numerusform>
            <numerusform>Keine Abschaltung rückgängig zu machen: das geht %n Sekunden lang, nachdem der Server sie bestätigt hat.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Kill and restore work on the Flags tab (Ctrl+1).</source>
        <translation>Abschalten und Wiederherstellen gehen im Reiter Flags (Strg+1).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select one or more flags that are off to restore them.</source>
        <translation>Wählen Sie ein oder mehrere ausgeschaltete Flags, um sie wiederherzustellen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select one or more flags that are on to kill them.</source>
        <translation>Wählen Sie ein oder mehrere eingeschaltete Flags, um sie abzuschalten.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 in %2 on %3</source>
        <translation>%1 in %2 auf %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore %1? It serves its rollout again.</source>
        <translation>%1 wiederherstellen? Es spielt wieder seinen Rollout aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill %1? Everyone gets &quot;%2&quot; until it is restored.</source>
        <translation>%1 abschalten? Alle erhalten „%2“, bis es wiederhergestellt ist.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1@%2</source>
        <translation>%1@%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1@%2 → &quot;%3&quot;</source>
        <translation>%1@%2 → „%3“</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Restore %n flag(s) on %1: %2? Each serves its rollout again.</source>
        <translation>
            <numerusform>%n Flag auf %1 wiederherstellen: %2? Es liefert wieder seinen Rollout.</numerusform>
            <numerusform>%n Flags auf %1 wiederherstellen: %2? Jedes liefert wieder seinen Rollout.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Kill %n flag(s) on %1: %2? Each serves its off variation until restored.</source>
        <translation>
            <numerusform>%n Flag auf %1 abschalten: %2? Es liefert seine Aus-Variante, bis es wiederhergestellt ist.</numerusform>
            <numerusform>%n Flags auf %1 abschalten: %2? Jedes liefert seine Aus-Variante, bis es wiederhergestellt ist.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Offline, and nothing is cached yet: start FlagDeck connected once, and it keeps each server&apos;s flags and history here for offline use.</source>
        <translation>Offline, und noch ist nichts zwischengespeichert: starten Sie FlagDeck einmal mit Verbindung, dann bewahrt es die Flags und den Verlauf jedes Servers hier für die Offline-Nutzung auf.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n Flag</numerusform>
            <numerusform>%n Flags</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;Offline&lt;/b&gt;: states as last seen, %1 ago. Nothing can be changed and no guardrail is watched until FlagDeck is started connected.</source>
        <translation>&lt;b&gt;Offline&lt;/b&gt;: Zustände wie zuletzt gesehen, vor %1. Nichts lässt sich ändern und kein Guardrail wird überwacht, bis FlagDeck verbunden gestartet wird.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Connection not added</source>
        <translation>Verbindung nicht hinzugefügt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Remove connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the connection &quot;%1&quot;? Its token is removed from the keychain; its audit history stays in the cache.</source>
        <translation>Die Verbindung „%1“ entfernen? Ihr Token wird aus dem Schlüsselbund gelöscht; ihr Audit-Verlauf bleibt im Cache.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Contracts: %n error(s)</source>
        <translation>
            <numerusform>Verträge: %n Fehler</numerusform>
            <numerusform>Verträge: %n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Contracts: %n warning(s)</source>
        <translation>
            <numerusform>Verträge: %n Warnung</numerusform>
            <numerusform>Verträge: %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+3"/>
        <location line="+20"/>
        <source>Write token file</source>
        <translation>Token-Datei schreiben</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>&quot;%1&quot; needs no token.</source>
        <translation>„%1“ braucht kein Token.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the token of &quot;%1&quot; in plain text to a file?</source>
        <translation>Das Token von „%1“ im Klartext in eine Datei schreiben?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whoever can read the file can change flags on that server as you. FlagDeck makes it readable by you only. Hand it to a guard&apos;s service (systemd LoadCredential=), then delete your copy.</source>
        <translation>Wer die Datei lesen kann, kann auf diesem Server in Ihrem Namen Flags ändern. FlagDeck macht sie nur für Sie lesbar. Übergeben Sie sie dem Dienst eines Guards (systemd LoadCredential=) und löschen Sie dann Ihre Kopie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token file for &quot;%1&quot;</source>
        <translation>Token-Datei für „%1“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrote the token of &quot;%1&quot; to %2 (readable by you only).</source>
        <translation>Das Token von „%1“ wurde in %2 geschrieben (nur für Sie lesbar).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token file was not written: %1</source>
        <translation>Die Token-Datei wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add sandbox connection</source>
        <translation>Sandbox-Verbindung hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new sandbox:</source>
        <translation>Name der neuen Sandbox:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sandbox %1</source>
        <translation>Sandbox %1</translation>
    </message>
</context>
<context>
    <name>McpCommand</name>
    <message>
        <location filename="../app/mcpcommand.cpp" line="+80"/>
        <source>The MCP server for AI agents, over stdio: agents read flags and propose actions; people approve them in FlagDeck. No tool changes a flag.</source>
        <translation>Der MCP-Server für KI-Agenten über stdio: Agenten lesen Flags und schlagen Aktionen vor; Menschen geben sie in FlagDeck frei. Kein Werkzeug ändert ein Flag.</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>--inbox %1 is a folder; give the inbox file</source>
        <translation>--inbox %1 ist ein Ordner; geben Sie die Posteingangsdatei an</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there is no inbox at %1: give the inbox a console reads (this machine&apos;s is %2), or add --create-inbox to start a new one there</source>
        <translation>unter %1 gibt es keinen Posteingang: geben Sie den Posteingang an, den eine Konsole liest (auf diesem Rechner %2), oder fügen Sie --create-inbox hinzu, um dort einen neuen anzulegen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The SQLite inbox file (default: the console&apos;s). It must exist, unless it is the console&apos;s or --create-inbox is given.</source>
        <translation>Die SQLite-Posteingangsdatei (Standard: die der Konsole). Sie muss existieren, außer es ist die der Konsole oder --create-inbox ist angegeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Make the --inbox file if it does not exist yet.</source>
        <translation>Die --inbox-Datei anlegen, falls sie noch nicht existiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A team inbox on PostgreSQL: postgresql://role@host:port/database (the password from PGPASSWORD or ~/.pgpass).</source>
        <translation>Ein Team-Posteingang auf PostgreSQL: postgresql://rolle@host:port/datenbank (das Passwort aus PGPASSWORD oder ~/.pgpass).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit cache to read flags from (default: %1). It must exist, unless it is the default.</source>
        <translation>Der Audit-Cache, aus dem Flags gelesen werden (Standard: %1). Er muss existieren, außer es ist der Standard.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown option %1 (see flagdeck mcp --help)</source>
        <translation>unbekannte Option %1 (siehe flagdeck mcp --help)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected argument &apos;%1&apos; (see flagdeck mcp --help)</source>
        <translation>unerwartetes Argument „%1“ (siehe flagdeck mcp --help)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--create-inbox goes with --inbox PATH</source>
        <translation>--create-inbox gehört zu --inbox PFAD</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>there is no audit cache at %1 (the console&apos;s is %2)</source>
        <translation>unter %1 gibt es keinen Audit-Cache (die Konsole verwendet %2)</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>--inbox and --inbox-url cannot be combined</source>
        <translation>--inbox und --inbox-url lassen sich nicht kombinieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--inbox-url needs a postgresql:// URL</source>
        <translation>--inbox-url braucht eine postgresql://-URL</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <location filename="../models/store/memorysecretstore.cpp" line="+14"/>
        <source>no secret named %1 is stored</source>
        <translation>kein Secret namens %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>MetricUnit</name>
    <message>
        <location filename="../models/core/metricunit.cpp" line="+30"/>
        <source>s</source>
        <comment>seconds</comment>
        <translation>s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ms</source>
        <comment>milliseconds</comment>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>$</source>
        <comment>currency of costs per request</comment>
        <translation>$</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2</source>
        <comment>a value and its unit</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="+36"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preference pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connections</source>
        <translation>&amp;Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Con&amp;tracts</source>
        <translation>Ver&amp;träge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Approvals</source>
        <translation>&amp;Freigaben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language shows from the next start of FlagDeck.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von FlagDeck.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;heme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Configured connections</source>
        <translation>Eingerichtete Verbindungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;server…</source>
        <translation>&amp;Server hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add sand&amp;box…</source>
        <translation>Sand&amp;box hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ask Unleash servers for changes every:</source>
        <translation>Unleash-Server nach Änderungen fragen alle:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FeatBit servers push their changes. Tokens are kept in the operating system&apos;s keychain; removing a connection removes its token.</source>
        <translation>FeatBit-Server melden ihre Änderungen selbst. Tokens liegen im Schlüsselbund des Betriebssystems; wer eine Verbindung entfernt, entfernt auch ihr Token.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+4"/>
        <source>Contracts folder</source>
        <translation>Vertragsordner</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No contracts folder: flags are shown without contracts</source>
        <translation>Kein Vertragsordner: Flags werden ohne Verträge gezeigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the contracts folder</source>
        <translation>Den Vertragsordner wählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FeatureOps contracts (*.yaml): each flag&apos;s owner, rollout path, guardrails and rollback. FlagDeck holds every live flag against its contract and reads the folder again when a file in it changes.</source>
        <translation>FeatureOps-Verträge (*.yaml): Eigentümer, Rollout-Pfad, Guardrails und Rückfall jedes Flags. FlagDeck hält jedes Live-Flag gegen seinen Vertrag und liest den Ordner neu, sobald sich eine Datei darin ändert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Proposal inbox</source>
        <translation>Vorschlags-Posteingang</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The sandbox&apos;s agent &amp;proposes changes by itself</source>
        <translation>Der Agent der Sandbox schlägt selbst Änderungen &amp;vor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Inbox:</source>
        <translation>&amp;Posteingang:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the inbox file</source>
        <translation>Die Posteingangsdatei wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQLite inbox (*.sqlite);;All files (*)</source>
        <translation>SQLite-Posteingang (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SQLite file on this computer, or a postgresql:// URL a team shares (the password comes from ~/.pgpass). Agents propose into it through flagdeck mcp. A new inbox is opened on the next start.</source>
        <translation>Eine SQLite-Datei auf diesem Computer oder eine postgresql://-URL, die ein Team teilt (das Passwort kommt aus ~/.pgpass). Agenten schlagen über flagdeck mcp hinein vor. Ein neuer Posteingang wird beim nächsten Start geöffnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Low risk:</source>
        <translation>Geringes Risiko:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium risk:</source>
        <translation>Mittleres Risiko:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High risk:</source>
        <translation>Hohes Risiko:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical risk:</source>
        <translation>Kritisches Risiko:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Reviewers a proposal needs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Prüfer, die ein Vorschlag braucht&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A contract can ask for more for its flag. Whatever is set here: an agent never approves, a proposal for a flag that changed since it was made is refused, an approved action runs exactly once, and it runs with your own credentials.</source>
        <translation>Ein Vertrag kann für sein Flag mehr verlangen. Was auch immer hier steht: ein Agent gibt nie frei, ein Vorschlag für ein Flag, das sich seitdem geändert hat, wird abgelehnt, eine freigegebene Aktion läuft genau einmal, und zwar mit Ihren eigenen Zugangsdaten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A guardrail &amp;regresses</source>
        <translation>Ein Guardrail sich &amp;verschlechtert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An agent &amp;proposes an action</source>
        <translation>Ein Agent eine Aktion &amp;vorschlägt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show a desktop notification when:</source>
        <translation>Eine Desktop-Benachrichtigung zeigen, wenn:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The status bar always says it too, and a kill a contract makes on a regression is always announced.</source>
        <translation>Die Statusleiste sagt es immer auch, und eine Abschaltung, die ein Vertrag bei einer Verschlechterung auslöst, wird immer gemeldet.</translation>
    </message>
</context>
<context>
    <name>PrometheusSource</name>
    <message>
        <location filename="../models/metrics/prometheussource.cpp" line="+34"/>
        <source>a point is not [time, &quot;value&quot;]</source>
        <translation>ein Punkt ist nicht [Zeit, &quot;Wert&quot;]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a value is not a number: %1</source>
        <translation>ein Wert ist keine Zahl: %1</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>the answer is not JSON: %1</source>
        <translation>die Antwort ist kein JSON: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prometheus refused the query (%1): %2</source>
        <translation>Prometheus hat die Abfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the answer is a %1, not a series per variation; the query must keep the label %2</source>
        <translation>die Antwort ist ein %1, keine Reihe je Variante; die Abfrage muss das Label %2 behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a series has no %1 label; the query must group by it</source>
        <translation>eine Reihe hat kein Label %1; die Abfrage muss danach gruppieren</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>Prometheus at %1: %2</source>
        <translation>Prometheus unter %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prometheus at %1, %2: %3</source>
        <translation>Prometheus unter %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>PromptfooReport</name>
    <message>
        <location filename="../models/core/promptfooreport.cpp" line="+30"/>
        <source>promptfoo output of results version %1: FlagDeck reads version 3 and later (promptfoo 0.60 on)</source>
        <translation>promptfoo-Ausgabe der Ergebnisversion %1: FlagDeck liest Version 3 und neuer (ab promptfoo 0.60)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>promptfoo output without a &quot;results&quot; list in &quot;results&quot;</source>
        <translation>promptfoo-Ausgabe ohne Liste „results“ in „results“</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>promptfoo result %1 has no &quot;success&quot;</source>
        <translation>promptfoo-Ergebnis %1 hat kein „success“</translation>
    </message>
</context>
<context>
    <name>Proposal</name>
    <message>
        <location filename="../models/core/proposal.cpp" line="+90"/>
        <source>pending · %1 left</source>
        <translation>offen · noch %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pending · expired</source>
        <translation>offen · abgelaufen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 takes no parameters</source>
        <translation>%1 nimmt keine Parameter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is already on</source>
        <translation>%1 ist schon an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is already off</source>
        <translation>%1 ist schon aus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>set_rollout takes exactly {&quot;rollout&quot;: [{&quot;variation&quot;: id, &quot;basisPoints&quot;: n}, …]}</source>
        <translation>set_rollout nimmt genau {&quot;rollout&quot;: [{&quot;variation&quot;: id, &quot;basisPoints&quot;: n}, …]}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>revert follows the flag&apos;s history</source>
        <translation>Zurücksetzen folgt dem Verlauf des Flags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>archive retires the flag on its server; its state does not change</source>
        <translation>Archivieren nimmt das Flag auf seinem Server außer Dienst; sein Zustand ändert sich nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 follows the flag&apos;s contract</source>
        <translation>%1 folgt dem Vertrag des Flags</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>revert takes exactly {&quot;changes&quot;: [change id, …]}, the ids list_changes gives</source>
        <translation>revert nimmt genau {&quot;changes&quot;: [Änderungs-ID, …]}, die IDs aus list_changes</translation>
    </message>
</context>
<context>
    <name>ProposalDetailPane</name>
    <message>
        <location filename="../widgets/proposaldetailpane.cpp" line="+84"/>
        <source>&lt;i&gt;The proposer gave no evidence.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Der Vorschlagende hat keine Belege angegeben.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I have reviewed what changed since the proposal was made</source>
        <translation>Ich habe geprüft, was sich seit dem Vorschlag geändert hat</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Approve and run</source>
        <translation>&amp;Freigeben und ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;ject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Run now</source>
        <translation>Jetzt &amp;ausführen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proposal details</source>
        <translation>Details des Vorschlags</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What the action would change: the flag now and after</source>
        <translation>Was die Aktion ändern würde: das Flag jetzt und danach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Danach</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+59"/>
        <source>Show JSON diff</source>
        <translation>JSON-Diff zeigen</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>The exact change to the flag, as a line diff of its JSON</source>
        <translation>Die genaue Änderung am Flag als zeilenweiser Diff seines JSON</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What the action would change, as a diff of the flag</source>
        <translation>Was die Aktion ändern würde, als Diff des Flags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Comment for the audit history (why you approve or reject)</source>
        <translation>Kommentar für den Audit-Verlauf (warum Sie freigeben oder ablehnen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review comment</source>
        <translation>Prüfkommentar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved, but no console has run it yet (its approver&apos;s console closed)</source>
        <translation>Freigegeben, aber noch von keiner Konsole ausgeführt (die Konsole des Freigebenden wurde geschlossen)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;What it would change&lt;/b&gt; (the flag now → after)</source>
        <translation>&lt;b&gt;Was sich ändern würde&lt;/b&gt; (das Flag jetzt → danach)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Evidence&lt;/b&gt;</source>
        <translation>&lt;b&gt;Belege&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hide JSON diff</source>
        <translation>JSON-Diff ausblenden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;i&gt;Select a proposal to review it.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie einen Vorschlag, um ihn zu prüfen.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1@%2</source>
        <translation>%1@%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 on %3%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 auf %3%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · &lt;b&gt;a guardrail regressed&lt;/b&gt;</source>
        <translation> · &lt;b&gt;ein Guardrail hat sich verschlechtert&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&lt;b&gt;Warning:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Warnung:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location line="-66"/>
        <source> via %1 %2</source>
        <translation> über %1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, model %1</source>
        <translation>, Modell %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Proposed by %1 at %2 · %3 risk · expires %4 · %5 of %n approval(s) given</source>
        <translation>
            <numerusform>Vorgeschlagen von %1 um %2 · Risiko %3 · läuft ab %4 · %5 von %n Freigabe erteilt</numerusform>
            <numerusform>Vorgeschlagen von %1 um %2 · Risiko %3 · läuft ab %4 · %5 von %n Freigaben erteilt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Reason:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Grund:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;The flag changed since this proposal was made&lt;/b&gt; (revision %1, now %2). The diff below is against the flag as it is now.%3</source>
        <translation>&lt;b&gt;Das Flag hat sich seit diesem Vorschlag geändert&lt;/b&gt; (Revision %1, jetzt %2). Das Diff unten bezieht sich auf das Flag, wie es jetzt ist.%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;i&gt;The flag is not among those this console shows.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Das Flag gehört nicht zu denen, die diese Konsole zeigt.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;i&gt;Nothing to apply: %1&lt;/i&gt;</source>
        <translation>&lt;i&gt;Nichts anzuwenden: %1&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;i&gt;Nothing would change.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Nichts würde sich ändern.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 %2 at %3%4</source>
        <translation>%1 %2 um %3%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Decisions&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Entscheidungen&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
</context>
<context>
    <name>ProposalEvidence</name>
    <message>
        <location filename="../models/core/proposalevidence.cpp" line="+30"/>
        <source>regressed</source>
        <translation>verschlechtert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>watching</source>
        <translation>wird beobachtet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not enough data</source>
        <translation>zu wenig Daten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the control</source>
        <translation>die Kontrolle</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2 against %3 · %4</source>
        <translation>%1: %2 gegenüber %3 · %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+4"/>
        <source>%1 %2 against %3 (%4 to %5)</source>
        <translation>%1 %2 gegenüber %3 (%4 bis %5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 · %3</source>
        <translation>%1: %2 · %3</translation>
    </message>
</context>
<context>
    <name>ProposalInbox</name>
    <message>
        <location filename="../models/store/proposalinbox.cpp" line="+173"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>the inbox refused: this console is signed in to it as %1, and the database writes decisions under that name only (not as %2)</source>
        <translation>der Eingang lehnte ab: diese Konsole ist dort als %1 angemeldet, und die Datenbank schreibt Entscheidungen nur unter diesem Namen (nicht als %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>anyone else</source>
        <translation>jemand anderes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the inbox refused: %1 made this proposal and cannot decide it</source>
        <translation>der Eingang lehnte ab: %1 hat diesen Vorschlag gemacht und kann nicht darüber entscheiden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the inbox refused the change: %1</source>
        <translation>der Eingang lehnte die Änderung ab: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot start a transaction in the inbox</source>
        <translation>im Posteingang lässt sich keine Transaktion beginnen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot commit to the inbox</source>
        <translation>der Posteingang lässt sich nicht festschreiben</translation>
    </message>
    <message>
        <location filename="../models/store/postgresdatabase.cpp" line="+27"/>
        <source>%1 is not a PostgreSQL URL of the form postgresql://user@host:port/database</source>
        <translation>%1 ist keine PostgreSQL-URL der Form postgresql://benutzer@host:port/datenbank</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../models/store/proposalinbox.cpp" line="+63"/>
        <source>cannot open the inbox %1: %2</source>
        <translation>der Posteingang %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location filename="../models/store/proposalinbox.cpp" line="-6"/>
        <source>cannot create the folder for %1</source>
        <translation>der Ordner für %1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot use the inbox %1</source>
        <translation>der Posteingang %1 lässt sich nicht verwenden</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>cannot ask the inbox who this console is</source>
        <translation>kann den Eingang nicht fragen, wer diese Konsole ist</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot set the inbox&apos;s approval policy</source>
        <translation>kann die Freigaberegel des Eingangs nicht setzen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read the inbox&apos;s tables</source>
        <translation>kann die Tabellen des Eingangs nicht lesen</translation>
    </message>
    <message>
        <location line="+151"/>
        <location line="+11"/>
        <location line="+6"/>
        <location line="+5"/>
        <source>cannot create the inbox %1</source>
        <translation>der Posteingang %1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>cannot upgrade the inbox %1: its decisions no longer match its proposals</source>
        <translation>kann den Eingang %1 nicht aktualisieren: seine Entscheidungen passen nicht mehr zu seinen Vorschlägen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>cannot record the action in the inbox</source>
        <translation>die Aktion lässt sich im Posteingang nicht festhalten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the guards</source>
        <translation>die Guards lassen sich nicht lesen</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>cannot notify the consoles</source>
        <translation>die Konsolen lassen sich nicht benachrichtigen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot store the proposal</source>
        <translation>der Vorschlag lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="-460"/>
        <location line="+501"/>
        <location line="+45"/>
        <location line="+27"/>
        <location line="+16"/>
        <location line="+16"/>
        <source>cannot read the inbox</source>
        <translation>der Posteingang lässt sich nicht lesen</translation>
    </message>
    <message>
        <location line="-637"/>
        <source>cannot ask the inbox for this console&apos;s session</source>
        <translation>die Sitzung dieser Konsole kann nicht vom Posteingang erfragt werden</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>the inbox %1 was made by a newer FlagDeck (schema %2, this one knows %3). It is left as it is: open it with that FlagDeck or a newer one, or choose another inbox in Edit → Preferences → Approvals</source>
        <translation>der Posteingang %1 wurde von einem neueren FlagDeck angelegt (Schema %2, dieses kennt %3). Er bleibt unverändert: öffne ihn mit jenem oder einem neueren FlagDeck, oder wähle unter Bearbeiten → Einstellungen → Freigaben einen anderen Posteingang</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>the database does not answer</source>
        <translation>die Datenbank antwortet nicht</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>cannot read the decisions</source>
        <translation>die Entscheidungen lassen sich nicht lesen</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+59"/>
        <source>there is no proposal %1</source>
        <translation>es gibt keinen Vorschlag %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the proposal is already %1</source>
        <translation>der Vorschlag ist bereits %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+136"/>
        <source>expired unapproved</source>
        <translation>ohne Freigabe abgelaufen</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>the proposal expired at %1 and can no longer run</source>
        <translation>der Vorschlag ist um %1 abgelaufen und kann nicht mehr ausgeführt werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>%1 made this proposal and cannot decide it</source>
        <translation>%1 hat diesen Vorschlag gemacht und kann nicht darüber entscheiden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the flag changed since it was reviewed (revision %1, now %2): review what changed and decide again</source>
        <translation>das Flag hat sich seit der Prüfung geändert (Revision %1, jetzt %2): prüfen Sie die Änderung und entscheiden Sie erneut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 already decided this proposal</source>
        <translation>%1 hat über diesen Vorschlag bereits entschieden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot store the decision</source>
        <translation>die Entscheidung lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rejected by %1</source>
        <translation>abgelehnt von %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot record the decision</source>
        <translation>die Entscheidung lässt sich nicht festhalten</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+26"/>
        <source>cannot change the proposal</source>
        <translation>der Vorschlag lässt sich nicht ändern</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>run by %1</source>
        <translation>ausgeführt von %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the proposal %1 is not running</source>
        <translation>der Vorschlag %1 läuft nicht</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot expire proposals</source>
        <translation>Vorschläge lassen sich nicht als abgelaufen markieren</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>superseded by %1</source>
        <translation>ersetzt durch %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot supersede proposals</source>
        <translation>Vorschläge lassen sich nicht ersetzen</translation>
    </message>
</context>
<context>
    <name>ProposalQueueView</name>
    <message>
        <location filename="../widgets/proposalqueueview.cpp" line="+59"/>
        <source>Show proposals with this status</source>
        <translation>Vorschläge mit diesem Status zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proposals</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>pending · %1 left</source>
        <translation>offen · noch %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>59 min</source>
        <translation>59 Min.</translation>
    </message>
    <message numerus="yes">
        <location line="+118"/>
        <location line="+2"/>
        <source>%n waiting for review</source>
        <translation>
            <numerusform>%n wartet auf Prüfung</numerusform>
            <numerusform>%n warten auf Prüfung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>%n new, shown when the pointer leaves the list or rests</source>
        <translation>
            <numerusform>%n neuer, sichtbar, sobald der Zeiger die Liste verlässt oder ruht</numerusform>
            <numerusform>%n neue, sichtbar, sobald der Zeiger die Liste verlässt oder ruht</numerusform>
        </translation>
    </message>
    <message>
        <location line="-30"/>
        <source>another console is running it</source>
        <translation>eine andere Konsole führt ihn aus</translation>
    </message>
</context>
<context>
    <name>ProposalReview</name>
    <message>
        <location filename="../models/control/proposalreview.cpp" line="+472"/>
        <source>restored; confirmed by the server</source>
        <translation>wiederhergestellt; vom Server bestätigt</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>killed; confirmed by the server</source>
        <translation>abgeschaltet; vom Server bestätigt</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 changed since the proposal was approved: nothing sent; it needs a new review</source>
        <translation>%1 hat sich seit der Genehmigung des Vorschlags geändert: nichts gesendet; er muss neu geprüft werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>confirmed by the server</source>
        <translation>vom Server bestätigt</translation>
    </message>
    <message>
        <location line="-213"/>
        <location line="+123"/>
        <source>there is no proposal %1</source>
        <translation>es gibt keinen Vorschlag %1</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>%1 is archived on %2, which archives a flag in several environments at once: applications stop getting it in %3</source>
        <translation>%1 wird auf %2 archiviert, das ein Flag in mehreren Umgebungen zugleich archiviert: Anwendungen erhalten es nicht mehr in %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is archived on %2: applications stop getting it in %3</source>
        <translation>%1 wird auf %2 archiviert: Anwendungen erhalten es nicht mehr in %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the proposal is %1</source>
        <translation>der Vorschlag ist %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the proposal expired and can no longer run</source>
        <translation>der Vorschlag ist abgelaufen und kann nicht mehr ausgeführt werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 made this proposal and cannot decide it</source>
        <translation>%1 hat diesen Vorschlag gemacht und kann nicht darüber entscheiden</translation>
    </message>
    <message>
        <location line="-129"/>
        <location line="+131"/>
        <source>%1 is not among the flags this console shows</source>
        <translation>%1 gehört nicht zu den Flags, die diese Konsole zeigt</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>a console</source>
        <translation>eine Konsole</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interrupted: the console of %1 stopped before the server applied the change; %2 is still at revision %3, nothing was changed (propose it again if it is still wanted)</source>
        <translation>unterbrochen: die Konsole von %1 endete, bevor der Server die Änderung übernahm; %2 steht noch auf Revision %3, nichts wurde geändert (schlage sie erneut vor, falls sie noch gewünscht ist)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>interrupted, then reconciled: the console of %1 stopped before it recorded the outcome; the server shows the change (revision %2)</source>
        <translation>unterbrochen, dann abgeglichen: die Konsole von %1 endete, bevor sie das Ergebnis festhielt; der Server zeigt die Änderung (Revision %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>interrupted: the console of %1 stopped before it recorded the outcome, and the server&apos;s flag cannot tell whether the change was applied (revision %2): check its history</source>
        <translation>unterbrochen: die Konsole von %1 endete, bevor sie das Ergebnis festhielt, und das Flag des Servers verrät nicht, ob die Änderung übernommen wurde (Revision %2): prüfe seinen Verlauf</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 (inbox role)</source>
        <translation>%1 (Rolle im Eingang)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (inbox role; on this computer %2)</source>
        <translation>%1 (Rolle im Eingang; auf diesem Rechner %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (this computer&apos;s account)</source>
        <translation>%1 (Konto dieses Rechners)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this console does not know whose token the server connection uses</source>
        <translation>diese Konsole weiß nicht, wessen Token die Serververbindung nutzt</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>the approval queue is not open, and this change needs its approvals</source>
        <translation>die Freigabeliste ist nicht offen, und diese Änderung braucht ihre Freigaben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 asks for %2 on %3</source>
        <translation>%1 bittet um %2 für %3</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the changes named are not all changes of %1</source>
        <translation>die genannten Änderungen sind nicht alle Änderungen von %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 already is as it was before those changes</source>
        <translation>%1 ist schon so, wie es vor diesen Änderungen war</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>You decide as %1; the change is sent with %2.</source>
        <translation>Sie entscheiden als %1; die Änderung wird mit %2 gesendet.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>offline: nothing can be sent to the server</source>
        <translation>offline: nichts kann an den Server gesendet werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you already decided this proposal</source>
        <translation>Sie haben über diesen Vorschlag bereits entschieden</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Proposal %1 by %2: %3</source>
        <translation>Vorschlag %1 von %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved by %1: %2</source>
        <translation>Freigegeben von %1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>run by %1, sent with %2</source>
        <translation>ausgeführt von %1, gesendet mit %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved by %1, sent with %2</source>
        <translation>freigegeben von %1, gesendet mit %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is no longer shown by this console</source>
        <translation>%1 wird von dieser Konsole nicht mehr gezeigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another change of %1 was under way</source>
        <translation>eine andere Änderung von %1 lief gerade</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>put back; confirmed by the server</source>
        <translation>zurückgesetzt; vom Server bestätigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>archived; confirmed by the server</source>
        <translation>archiviert; vom Server bestätigt</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+10"/>
        <location line="+14"/>
        <source>the change could not be sent</source>
        <translation>die Änderung ließ sich nicht senden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>proposal %1 %2 (%3), but the inbox could not record it: %4. It is recorded as soon as the inbox answers again; it does not run again.</source>
        <translation>Vorschlag %1 %2 (%3), aber der Posteingang konnte es nicht festhalten: %4. Es wird festgehalten, sobald der Posteingang wieder antwortet; er läuft nicht noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ran</source>
        <translation>lief</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>schlug fehl</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The approval queue&apos;s inbox %1 is back after %2 s; proposals made while it was away are read now, each once.</source>
        <translation>Der Posteingang %1 der Freigabewarteschlange ist nach %2 s zurück; Vorschläge aus der Zwischenzeit werden jetzt gelesen, jeder einmal.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The approval queue&apos;s inbox %1 is away since %2 (%3). Reconnecting: proposals made meanwhile appear when it is back; nothing is decided or run until then.</source>
        <translation>Der Posteingang %1 der Freigabewarteschlange ist seit %2 nicht erreichbar (%3). Neue Verbindung wird aufgebaut: Vorschläge aus der Zwischenzeit erscheinen, sobald er zurück ist; bis dahin wird nichts entschieden oder ausgeführt.</translation>
    </message>
</context>
<context>
    <name>ProposalTableModel</name>
    <message>
        <location filename="../models/item/proposaltablemodel.cpp" line="+39"/>
        <source>%1@%2 on %3</source>
        <translation>%1@%2 auf %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1@%2</source>
        <translation>%1@%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server / environment</source>
        <translation>Server / Umgebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proposed by</source>
        <translation>Vorgeschlagen von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <location filename="../models/core/readiness.cpp" line="+28"/>
        <source>Named key with typed variations</source>
        <translation>Benannter Schlüssel mit typisierten Varianten</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1: %n %2 variations</source>
        <translation>
            <numerusform>%1: %n Variante vom Typ %2</numerusform>
            <numerusform>%1: %n Varianten vom Typ %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a flag needs a key and at least two variations with values</source>
        <translation>ein Flag braucht einen Schlüssel und mindestens zwei Varianten mit Werten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assignment unit named</source>
        <translation>Zuteilungseinheit benannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract names no assignment_unit</source>
        <translation>der Vertrag nennt keine assignment_unit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Contract variations exist on the server</source>
        <translation>Die Varianten des Vertrags gibt es auf dem Server</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>all %n found</source>
        <translation>
            <numerusform>%n gefunden</numerusform>
            <numerusform>alle %n gefunden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server lacks %1</source>
        <translation>dem Server fehlt %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Safe default on the server</source>
        <translation>Sicherer Standard auf dem Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a variation of the flag</source>
        <translation>„%1“ ist keine Variante des Flags</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Fallback variation on the server</source>
        <translation>Rückfallvariante auf dem Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract names no fallback</source>
        <translation>der Vertrag nennt keinen Rückfall</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Guardrail metric defined</source>
        <translation>Guardrail-Metrik definiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract lists no guardrails</source>
        <translation>der Vertrag führt keine Guardrails auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exposure and outcome joinable</source>
        <translation>Ausspielung und Ergebnis verknüpfbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not checkable here: needs the metric source to report both per variation</source>
        <translation>hier nicht prüfbar: die Metrikquelle muss beides je Variante melden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardrails can stop expansion</source>
        <translation>Guardrails können eine Ausweitung stoppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no guardrails</source>
        <translation>keine Guardrails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each has a threshold or a rule</source>
        <translation>jeder hat eine Schwelle oder eine Regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no threshold or rule: %1</source>
        <translation>keine Schwelle und keine Regel: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+8"/>
        <source>Eval evidence for the next stage</source>
        <translation>Eval-Nachweise für die nächste Stufe</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>not checkable here: eval reports are not read</source>
        <translation>hier nicht prüfbar: Eval-Berichte werden nicht gelesen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no stage ahead</source>
        <translation>keine weitere Stufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none required to enter %1</source>
        <translation>keine nötig, um %1 zu betreten</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n passing for %1</source>
        <translation>
            <numerusform>%n bestanden für %1</numerusform>
            <numerusform>%n bestanden für %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>kill switch</source>
        <translation>Kill-Switch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fallback %1</source>
        <translation>Rückfall %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rollback without a deploy</source>
        <translation>Zurücknehmen ohne Deployment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neither a kill switch nor a fallback is available</source>
        <translation>weder ein Kill-Switch noch ein Rückfall ist verfügbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Audit trail present</source>
        <translation>Audit-Spur vorhanden</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>history in the audit cache</source>
        <translation>Verlauf im Audit-Cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no history of this flag in the audit cache</source>
        <translation>kein Verlauf dieses Flags im Audit-Cache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not checkable here: the audit cache is not readable</source>
        <translation>hier nicht prüfbar: der Audit-Cache ist nicht lesbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract names no owner</source>
        <translation>der Vertrag nennt keinen Eigentümer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review date set and not passed</source>
        <translation>Prüfdatum gesetzt und nicht überschritten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract has no review_date</source>
        <translation>der Vertrag hat kein review_date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>review was due on %1</source>
        <translation>die Prüfung war am %1 fällig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cleanup condition</source>
        <translation>Aufräumbedingung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract has no cleanup_condition</source>
        <translation>der Vertrag hat keine cleanup_condition</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n missing</source>
        <translation>
            <numerusform>%n fehlt</numerusform>
            <numerusform>%n fehlen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>ready, %n not checkable here</source>
        <translation>
            <numerusform>bereit, %n hier nicht prüfbar</numerusform>
            <numerusform>bereit, %n hier nicht prüfbar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
</context>
<context>
    <name>RestClient</name>
    <message>
        <location filename="../models/connectors/restclient.cpp" line="+96"/>
        <source>the answer</source>
        <translation>die Antwort</translation>
    </message>
</context>
<context>
    <name>RevertDesk</name>
    <message>
        <location filename="../models/control/revertdesk.cpp" line="+75"/>
        <source>%1 in %2 is not among the flags shown now; it cannot be put back</source>
        <translation>%1 in %2 ist nicht unter den jetzt gezeigten Flags; es lässt sich nicht zurücksetzen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is no longer on its server</source>
        <translation>%1 ist nicht mehr auf seinem Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is shown as its server last showed it; connect to put it back</source>
        <translation>%1 wird so gezeigt, wie sein Server es zuletzt zeigte; verbinden Sie sich, um es zurückzusetzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a change of %1 is still waiting for the server</source>
        <translation>eine Änderung von %1 wartet noch auf den Server</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>only part of the revert was sent: a change of %1 was under way</source>
        <translation>nur ein Teil des Zurücksetzens wurde gesendet: eine Änderung von %1 lief gerade</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the server answered but serves a different rollout</source>
        <translation>der Server hat geantwortet, liefert aber eine andere Verteilung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the server answered but the flag is still off</source>
        <translation>der Server hat geantwortet, aber das Flag ist noch aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server answered but the flag is still on</source>
        <translation>der Server hat geantwortet, aber das Flag ist noch an</translation>
    </message>
</context>
<context>
    <name>RevertPreview</name>
    <message>
        <location filename="../models/core/revertpreview.cpp" line="+33"/>
        <source>the enabled state</source>
        <translation>der Ein/Aus-Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the rollout</source>
        <translation>der Rollout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the off variation</source>
        <translation>die Aus-Variante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the variations</source>
        <translation>die Varianten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name</source>
        <translation>der Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the description</source>
        <translation>die Beschreibung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the tags</source>
        <translation>die Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot;</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the Unleash strategy before the change is not one FlagDeck can express</source>
        <translation>die Unleash-Strategie vor der Änderung kann FlagDeck nicht ausdrücken</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>there is no change to put back</source>
        <translation>es gibt keine Änderung zum Zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the flag was created by this change; there is no state before it</source>
        <translation>das Flag wurde mit dieser Änderung angelegt; es gibt keinen Zustand davor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the enabled state before the change is not readable</source>
        <translation>der Ein/Aus-Zustand vor der Änderung ist nicht lesbar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the rollout before the change is not readable: %1</source>
        <translation>der Rollout vor der Änderung ist nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the rollout before the change serves %1, which the flag no longer has</source>
        <translation>der Rollout vor der Änderung spielt %1 aus, das das Flag nicht mehr hat</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the off variation was %1 before the change; FlagDeck cannot set it, set it on the server</source>
        <translation>die Aus-Variante war vor der Änderung %1; FlagDeck kann sie nicht setzen, setzen Sie sie auf dem Server</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the off variation before the change, %1, is no longer a variation of the flag</source>
        <translation>die Aus-Variante vor der Änderung, %1, ist keine Variante des Flags mehr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 before the change is not recorded</source>
        <translation>%1 vor der Änderung ist nicht aufgezeichnet</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 changed since the preview (revision %2, now %3); look at it again before putting it back</source>
        <translation>%1 hat sich seit der Vorschau geändert (Revision %2, jetzt %3); sehen Sie es sich erneut an, bevor Sie es zurücksetzen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>reverts %1</source>
        <translation>macht %1 rückgängig</translation>
    </message>
</context>
<context>
    <name>Rollout</name>
    <message>
        <location filename="../models/core/rollout.cpp" line="+53"/>
        <source>the rollout serves no variation</source>
        <translation>der Rollout spielt keine Variante aus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a rollout share names no variation</source>
        <translation>ein Rollout-Anteil nennt keine Variante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>variation &quot;%1&quot; appears twice in the rollout</source>
        <translation>Variante „%1“ kommt im Rollout doppelt vor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>variation &quot;%1&quot; has a share of %2 basis points, outside 0..10000</source>
        <translation>Variante „%1“ hat einen Anteil von %2 Basispunkten, außerhalb von 0..10000</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the shares sum to %1, not 100%</source>
        <translation>die Anteile ergeben %1, nicht 100 %</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>variation &quot;%1&quot; has a rollout range [%2, %3] that is not within [0, 1] at 0.01% steps</source>
        <translation>Variante „%1“ hat einen Rollout-Bereich [%2, %3], der nicht in [0, 1] in Schritten von 0,01 % liegt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>variation &quot;%1&quot; has a rollout range that ends before it starts</source>
        <translation>Variante „%1“ hat einen Rollout-Bereich, der endet, bevor er beginnt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the rollout ranges of &quot;%1&quot; and &quot;%2&quot; overlap</source>
        <translation>die Rollout-Bereiche von „%1“ und „%2“ überschneiden sich</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>variant &quot;%1&quot; has weight %2, outside 0..1000</source>
        <translation>Variante „%1“ hat das Gewicht %2, außerhalb von 0..1000</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>variation &quot;%1&quot; gets %2, which Unleash cannot express: its weights move in steps of 0.1%</source>
        <translation>Variante „%1“ erhält %2, was Unleash nicht ausdrücken kann: seine Gewichte gehen in Schritten von 0,1 %</translation>
    </message>
</context>
<context>
    <name>SandboxAgent</name>
    <message>
        <location filename="../models/control/sandboxagent.cpp" line="+88"/>
        <source>withdrawn by %1: the flag is off</source>
        <translation>zurückgezogen von %1: das Flag ist aus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>withdrawn by %1: a guardrail regressed</source>
        <translation>zurückgezogen von %1: ein Guardrail hat sich verschlechtert</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Guardrail regression: %1. Roll back before more users are affected.</source>
        <translation>Guardrail verschlechtert: %1. Zurücksetzen, bevor mehr Nutzer betroffen sind.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every guardrail is healthy at this stage (%1). Expand to the next stage.</source>
        <translation>Jeder Guardrail ist auf dieser Stufe gesund (%1). Auf die nächste Stufe ausweiten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evals: %1.</source>
        <translation>Evals: %1.</translation>
    </message>
</context>
<context>
    <name>SandboxDatabase</name>
    <message>
        <location filename="../models/connectors/sandbox/sandboxdatabase.cpp" line="+40"/>
        <source>the sandbox database: %1</source>
        <translation>die Sandbox-Datenbank: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read the sandbox flags</source>
        <translation>die Sandbox-Flags lassen sich nicht lesen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot prepare the sandbox database</source>
        <translation>die Sandbox-Datenbank lässt sich nicht vorbereiten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the sandbox seed</source>
        <translation>die Startdaten der Sandbox</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the sandbox seed is not a JSON object</source>
        <translation>die Startdaten der Sandbox sind kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: expected a list of flags</source>
        <translation>%1: eine Liste von Flags erwartet</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>widened to %1 after a clean guardrail window</source>
        <translation>auf %1 ausgeweitet nach einem sauberen Guardrail-Zeitfenster</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>paused while the incident is reviewed</source>
        <translation>pausiert, während der Vorfall geprüft wird</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the sandbox seed data is missing from this build</source>
        <translation>die Startdaten der Sandbox fehlen in diesem Build</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>seeded by the sandbox</source>
        <translation>von der Sandbox angelegt</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>cannot archive the sandbox flag</source>
        <translation>das Sandbox-Flag kann nicht archiviert werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot start a sandbox transaction</source>
        <translation>eine Sandbox-Transaktion lässt sich nicht beginnen</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>cannot store the sandbox flag</source>
        <translation>das Sandbox-Flag lässt sich nicht speichern</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>cannot commit the sandbox change</source>
        <translation>die Sandbox-Änderung lässt sich nicht festschreiben</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <location filename="../models/connectors/sandbox/sandboxserver.cpp" line="+199"/>
        <location line="+38"/>
        <location line="+12"/>
        <source>the sandbox is not connected</source>
        <translation>die Sandbox ist nicht verbunden</translation>
    </message>
    <message>
        <location line="-113"/>
        <location line="+29"/>
        <source>no flag %1 in %2</source>
        <translation>kein Flag %1 in %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>revision %1 is no longer current</source>
        <translation>Revision %1 ist nicht mehr aktuell</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>&quot;%1&quot; is not a sandbox history cursor</source>
        <translation>„%1“ ist kein Verlaufs-Cursor der Sandbox</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the sandbox records changes under the account of the process that made them</source>
        <translation>die Sandbox verbucht Änderungen unter dem Konto des Prozesses, der sie gemacht hat</translation>
    </message>
</context>
<context>
    <name>ServerError</name>
    <message>
        <location filename="../models/connectors/servererror.cpp" line="+20"/>
        <source>The server did not accept the credentials: check the token of this connection.</source>
        <translation>Der Server hat die Zugangsdaten nicht angenommen: prüfen Sie das Token dieser Verbindung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token is valid but lacks the permission for this action: ask for a token with write access.</source>
        <translation>Das Token ist gültig, hat aber nicht die Berechtigung für diese Aktion: fragen Sie nach einem Token mit Schreibrechten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server does not know this flag or environment: it may have been renamed or deleted.</source>
        <translation>Der Server kennt dieses Flag oder diese Umgebung nicht: vielleicht wurde es umbenannt oder gelöscht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The flag changed on the server since it was read: review its current state and try again.</source>
        <translation>Das Flag hat sich auf dem Server geändert, seit es gelesen wurde: prüfen Sie seinen aktuellen Zustand und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server is limiting requests: wait a moment and retry.</source>
        <translation>Der Server begrenzt die Anfragen: warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server could not be reached: check the network and the server address.</source>
        <translation>Der Server war nicht erreichbar: prüfen Sie das Netzwerk und die Serveradresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server answered with something FlagDeck cannot read: check the server version and URL.</source>
        <translation>Der Server hat etwas geantwortet, das FlagDeck nicht lesen kann: prüfen Sie Serverversion und URL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server failed to carry out the request: retry, or check the server&apos;s logs.</source>
        <translation>Der Server konnte die Anfrage nicht ausführen: versuchen Sie es erneut oder sehen Sie in die Protokolle des Servers.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This version of the server does not offer what this needs: a newer server version is required.</source>
        <translation>Diese Serverversion bietet nicht, was hierfür nötig ist: eine neuere Serverversion ist erforderlich.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../widgets/shortcutsdialog.cpp" line="+30"/>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirm the kill or restore the bar above the table asks about</source>
        <translation>Die Abschaltung oder Wiederherstellung bestätigen, nach der die Leiste über der Tabelle fragt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel that kill or restore</source>
        <translation>Diese Abschaltung oder Wiederherstellung abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move between the table, the detail pane and the connections</source>
        <translation>Zwischen Tabelle, Detailbereich und Verbindungen wechseln</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select several flags for one kill</source>
        <translation>Mehrere Flags für eine Abschaltung auswählen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+Up/Down, Ctrl+Space</source>
        <translation>Umschalt+Hoch/Runter, Strg+Leertaste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A button or field with an underlined letter</source>
        <translation>Eine Schaltfläche oder ein Feld mit unterstrichenem Buchstaben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+the letter</source>
        <translation>Alt+der Buchstabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a menu</source>
        <translation>Ein Menü öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+the menu&apos;s underlined letter</source>
        <translation>Alt+der unterstrichene Buchstabe des Menüs</translation>
    </message>
</context>
<context>
    <name>SqliteFile</name>
    <message>
        <location filename="../models/store/sqlitefile.cpp" line="+33"/>
        <source>cannot create the folder for %1</source>
        <translation>der Ordner für %1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot use %1: %2</source>
        <translation>%1 lässt sich nicht verwenden: %2</translation>
    </message>
</context>
<context>
    <name>StageActions</name>
    <message>
        <location filename="../models/control/stageactions.cpp" line="+124"/>
        <location line="+4"/>
        <source>Minimum time in stage</source>
        <translation>Mindestdauer auf der Stufe</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the history does not say when this stage began (minimum %1)</source>
        <translation>der Verlauf sagt nicht, wann diese Stufe begann (mindestens %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+41"/>
        <source>Guardrails green</source>
        <translation>Guardrails grün</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>not known offline: guardrail metrics are read live</source>
        <translation>offline nicht bekannt: Guardrail-Metriken werden live gelesen</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <location line="+78"/>
        <location line="+3"/>
        <source>Evals</source>
        <translation>Evals</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>eval reports are not read here</source>
        <translation>Eval-Berichte werden hier nicht gelesen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none required at %1 risk</source>
        <translation>keine nötig bei Risiko %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n required at %1 risk: Advance asks the approval queue</source>
        <translation>
            <numerusform>%n nötig bei Risiko %1: Weiter fragt die Freigabeliste</numerusform>
            <numerusform>%n nötig bei Risiko %1: Weiter fragt die Freigabeliste</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>proposal %1 by %2 (%3): %4 of %5 given</source>
        <translation>Vorschlag %1 von %2 (%3): %4 von %5 erteilt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not paused</source>
        <translation>Nicht pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused by %1: %2</source>
        <translation>pausiert von %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no guardrail data is watched for this flag</source>
        <translation>für dieses Flag werden keine Guardrail-Daten beobachtet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not enough data yet: %1</source>
        <translation>noch zu wenig Daten: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not enough evidence yet: %1</source>
        <translation>noch zu wenig Belege: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 has no contract in %2</source>
        <translation>%1 hat keinen Vertrag in %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+87"/>
        <source>a change of %1 is still waiting for the server</source>
        <translation>eine Änderung von %1 wartet noch auf den Server</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+80"/>
        <source>offline: nothing can be sent to the server</source>
        <translation>offline: nichts kann an den Server gesendet werden</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>not a stage action</source>
        <translation>keine Stufenaktion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>paused by %1 (%2): resume it first</source>
        <translation>pausiert von %1 (%2): erst fortsetzen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>fallback</source>
        <translation>Rückfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not started</source>
        <translation>nicht begonnen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the server answered but serves a different rollout</source>
        <translation>der Server hat geantwortet, spielt aber einen anderen Rollout aus</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is no longer shown by this console</source>
        <translation>%1 wird von dieser Konsole nicht mehr angezeigt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a change of %1 in %2 is still waiting for the server</source>
        <translation>eine Änderung von %1 in %2 wartet noch auf den Server</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>contract unreadable</source>
        <translation>Vertrag unlesbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unowned control</source>
        <translation>Steuerung ohne Eigentümer</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 · paused</source>
        <translation>%1 · pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · review due</source>
        <translation>%1 · Prüfung fällig</translation>
    </message>
</context>
<context>
    <name>StagePlan</name>
    <message>
        <location filename="../models/core/stageplan.cpp" line="+53"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not started</source>
        <translation>nicht begonnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serving the fallback</source>
        <translation>spielt den Rückfall aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off plan</source>
        <translation>außerhalb des Plans</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the flag has no variation &quot;%1&quot;, the contract&apos;s default</source>
        <translation>das Flag hat keine Variante „%1“, den Standard des Vertrags</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there is no stage after the last one</source>
        <translation>nach der letzten Stufe gibt es keine weitere</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stage &quot;%1&quot; exposes &quot;%2&quot;, which the flag does not have</source>
        <translation>Stufe „%1“ spielt „%2“ aus, das das Flag nicht hat</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>the flag is off: restore it before advancing</source>
        <translation>das Flag ist aus: stellen Sie es vor dem Ausweiten wieder her</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the flag is at its last stage</source>
        <translation>das Flag ist auf seiner letzten Stufe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the flag serves its fallback: roll back to a stage first</source>
        <translation>das Flag spielt seinen Rückfall aus: setzen Sie es erst auf eine Stufe zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the rollout matches no stage: roll back to one first</source>
        <translation>der Rollout passt zu keiner Stufe: setzen Sie ihn erst auf eine zurück</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the flag is off: restore it first</source>
        <translation>das Flag ist aus: stellen Sie es erst wieder her</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the flag has not started its rollout</source>
        <translation>das Flag hat seinen Rollout nicht begonnen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the contract names no fallback</source>
        <translation>der Vertrag nennt keinen Rückfall</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the flag has no variation &quot;%1&quot;, the contract&apos;s fallback</source>
        <translation>das Flag hat keine Variante „%1“, den Rückfall des Vertrags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the flag already serves its fallback</source>
        <translation>das Flag spielt bereits seinen Rückfall aus</translation>
    </message>
</context>
<context>
    <name>StageTrack</name>
    <message>
        <location filename="../widgets/stagetrack.cpp" line="+27"/>
        <source>stage %1 of %2: %3</source>
        <translation>Stufe %1 von %2: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at no stage</source>
        <translation>auf keiner Stufe</translation>
    </message>
</context>
<context>
    <name>StageView</name>
    <message>
        <location filename="../widgets/stageview.cpp" line="+37"/>
        <source>Advance…</source>
        <translation>Ausweiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back…</source>
        <translation>Zurücksetzen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve fallback…</source>
        <translation>Rückfall ausspielen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+208"/>
        <source>Pause…</source>
        <translation>Pausieren…</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Rollout stage</source>
        <translation>Rollout-Stufe</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>&lt;b&gt;Unowned control&lt;/b&gt;&lt;br&gt;No contract covers this flag here: it has no stages, owner or guardrails. Add one to the contracts folder (File → Contracts folder…).</source>
        <translation>&lt;b&gt;Steuerung ohne Eigentümer&lt;/b&gt;&lt;br&gt;Kein Vertrag deckt dieses Flag hier ab: es hat keine Stufen, keinen Eigentümer und keine Guardrails. Legen Sie einen in den Vertragsordner (Datei → Vertragsordner…).</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Reason (goes to the audit history)</source>
        <translation>Grund (kommt in den Audit-Verlauf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;Stage&lt;/b&gt;</source>
        <translation>&lt;b&gt;Stufe&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Pause at this stage?&lt;/b&gt;&lt;br&gt;FlagDeck will refuse to advance it until it is resumed. Nothing changes on the server.</source>
        <translation>&lt;b&gt;Auf dieser Stufe pausieren?&lt;/b&gt;&lt;br&gt;FlagDeck verweigert das Ausweiten, bis fortgesetzt wird. Auf dem Server ändert sich nichts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Resume?&lt;/b&gt;&lt;br&gt;Advancing is allowed again.</source>
        <translation>&lt;b&gt;Fortsetzen?&lt;/b&gt;&lt;br&gt;Ausweiten ist wieder erlaubt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Eval report for %1: %2</source>
        <translation>Eval-Bericht für %1: %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&lt;b&gt;&lt;span style=&quot;color:%1&quot;&gt;Contract unreadable&lt;/span&gt;&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Until the file is fixed this flag has no stages, guardrails or auto_kill.</source>
        <translation>&lt;b&gt;&lt;span style=&quot;color:%1&quot;&gt;Vertrag unlesbar&lt;/span&gt;&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Bis die Datei korrigiert ist, hat dieses Flag keine Stufen, keine Guardrails und kein auto_kill.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · for %1</source>
        <translation> · seit %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;&lt;span style=&quot;color:%1&quot;&gt;The live rollout matches no stage of the contract.&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&quot;color:%1&quot;&gt;Der Live-Rollout passt zu keiner Stufe des Vertrags.&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;br&gt;Paused by %1 %2: %3</source>
        <translation>&lt;br&gt;Pausiert von %1 %2: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;br&gt;&lt;i&gt;A change is waiting for the server…&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;Eine Änderung wartet auf den Server…&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Gate to the next stage&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Schwelle zur nächsten Stufe&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Resume…</source>
        <translation>Fortsetzen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Readiness: %1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Bereitschaft: %1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Advance to %1?</source>
        <translation>Auf %1 ausweiten?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back to %1?</source>
        <translation>Auf %1 zurücksetzen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve the fallback (%1)?</source>
        <translation>Den Rückfall ausspielen (%1)?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;br&gt;&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;The gate is not open&lt;/b&gt; (see above): send only if you mean to override it.&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;Die Schwelle ist nicht offen&lt;/b&gt; (siehe oben): senden Sie nur, wenn Sie sie übergehen wollen.&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The contract requires %n approval(s) for this at %1 risk: it goes to the approval queue as your proposal and runs once approved.</source>
        <translation>
            <numerusform>Der Vertrag verlangt hierfür %n Freigabe bei Risiko %1: es geht als Ihr Vorschlag an die Freigabeliste und läuft nach der Freigabe.</numerusform>
            <numerusform>Der Vertrag verlangt hierfür %n Freigaben bei Risiko %1: es geht als Ihr Vorschlag an die Freigabeliste und läuft nach der Freigabe.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask for approval</source>
        <translation>Freigabe anfragen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send to server</source>
        <translation>An den Server senden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Not possible:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Nicht möglich:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>TokenIdentity</name>
    <message>
        <location filename="../models/core/tokenidentity.cpp" line="+30"/>
        <source>flag server</source>
        <translation>Flag-Server</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1&apos;s %2 token</source>
        <translation>%2-Token von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the shared %1 token %2</source>
        <translation>das gemeinsame %1-Token %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the shared %1 %2 token %3</source>
        <translation>das gemeinsame %1-%2-Token %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a %1 token whose owner the server does not say</source>
        <translation>ein %1-Token, dessen Besitzer der Server nicht nennt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the token is a shared %1 token (%2): the flag server records the change under %2, not under %3</source>
        <translation>das Token ist ein gemeinsames %1-Token (%2): der Flag-Server verbucht die Änderung unter %2, nicht unter %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the token belongs to %1, not to %2: the flag server records the change under %1</source>
        <translation>das Token gehört %1, nicht %2: der Flag-Server verbucht die Änderung unter %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the flag server does not say whose token this is</source>
        <translation>der Flag-Server sagt nicht, wem dieses Token gehört</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+9"/>
        <source>Unleash did not say whose token this is</source>
        <translation>Unleash hat nicht gesagt, wem dieses Token gehört</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unleash: an API token</source>
        <translation>Unleash: ein API-Token</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personal access</source>
        <translation>persönliches Zugriffs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unleash: a user&apos;s personal access token</source>
        <translation>Unleash: das persönliche Zugriffstoken eines Benutzers</translation>
    </message>
</context>
<context>
    <name>TrafficSimulator</name>
    <message>
        <location filename="../models/metrics/trafficsimulator.cpp" line="+27"/>
        <source>a regression is FLAG:VARIATION:METRIC:FACTOR[@SECONDS], e.g. chat-model-route:distilled_small:p95_latency:1.4; got &quot;%1&quot;</source>
        <translation>eine Verschlechterung hat die Form FLAG:VARIATION:METRIC:FACTOR[@SECONDS], z. B. chat-model-route:distilled_small:p95_latency:1.4; erhalten: „%1“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a regression starts @SECONDS after the start, a number such as 120; got &quot;%1&quot;</source>
        <translation>eine Verschlechterung beginnt @SECONDS nach dem Start, wobei SECONDS eine Zahl wie 120 ist; erhalten: „%1“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the factor of a regression is a positive number such as 1.4; got &quot;%1&quot;</source>
        <translation>der Faktor einer Verschlechterung ist eine positive Zahl wie 1.4; erhalten: „%1“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the sandbox seed data is missing from this build</source>
        <translation>die Startdaten der Sandbox fehlen in diesem Build</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the sandbox has no flag &quot;%1&quot; to regress; its flags are %2</source>
        <translation>die Sandbox hat kein Flag „%1“, das sich verschlechtern ließe; ihre Flags sind %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no variation &quot;%2&quot; on the sandbox; its variations are %3</source>
        <translation>%1 hat auf der Sandbox keine Variante „%2“; seine Varianten sind %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no contract of %1 names a guardrail, so the sandbox simulates no metric for it</source>
        <translation>kein Vertrag von %1 nennt einen Guardrail, daher simuliert die Sandbox dafür keine Metrik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the sandbox simulates no metric &quot;%1&quot; for %2; its guardrail metrics are %3</source>
        <translation>die Sandbox simuliert für %2 keine Metrik „%1“; seine Guardrail-Metriken sind %3</translation>
    </message>
</context>
<context>
    <name>UnleashMapping</name>
    <message>
        <location filename="../models/connectors/unleash/unleashmapping.cpp" line="+116"/>
        <source>its %1 strategy&apos;s rollout is not a whole percentage</source>
        <translation>der Rollout seiner Strategie %1 ist kein ganzer Prozentwert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1% of a %2‰ variant share falls between basis points</source>
        <translation>%1 % eines Variantenanteils von %2 ‰ fällt zwischen Basispunkte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its variant weights sum to %1, not 1000</source>
        <translation>seine Variantengewichte ergeben %1, nicht 1000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its untargeted strategy has no variants while others do</source>
        <translation>seine Strategie ohne Zielgruppe hat keine Varianten, andere aber schon</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: a variant is named &quot;disabled&quot;, the name Unleash&apos;s SDKs give to no variant</source>
        <translation>%1: eine Variante heißt „disabled“, der Name, den die SDKs von Unleash keiner Variante geben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 strategies serve everyone; FlagDeck shows one default rule</source>
        <translation>%1 Strategien bedienen alle; FlagDeck zeigt eine Standardregel</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the flag has no variation &quot;%1&quot;</source>
        <translation>das Flag hat keine Variante „%1“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 strategies serve everyone in this environment; change them in Unleash itself</source>
        <translation>%1 Strategien bedienen alle in dieser Umgebung; ändern Sie sie in Unleash selbst</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unleash rolls out in whole percents; %1 is not one</source>
        <translation>Unleash rollt in ganzen Prozent aus; %1 ist keiner</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>variant &quot;%1&quot; would get %2 of %3 exposed, which weights out of 1000 cannot express</source>
        <translation>Variante „%1“ bekäme %2 von %3 Ausspielung, was Gewichte von 1000 nicht ausdrücken können</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>variant &quot;%1&quot; is not part of the default rule&apos;s strategy</source>
        <translation>Variante „%1“ gehört nicht zur Strategie der Standardregel</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>data: expected a list</source>
        <translation>data: eine Liste erwartet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>data[%1].timestamp: not an ISO 8601 time</source>
        <translation>data[%1].timestamp: keine ISO-8601-Zeit</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>data[%1].variants.%2: expected a count</source>
        <translation>data[%1].variants.%2: eine Anzahl erwartet</translation>
    </message>
</context>
<context>
    <name>UnleashServer</name>
    <message>
        <location filename="../models/connectors/unleash/unleashserver.cpp" line="+55"/>
        <source>Unleash has not said yet whose token this is</source>
        <translation>Unleash hat noch nicht gesagt, wem dieses Token gehört</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>reading the admin token</source>
        <translation>das Admin-Token wird gelesen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no admin token for this connection in the keychain: %1</source>
        <translation>kein Admin-Token für diese Verbindung im Schlüsselbund: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the entry is empty</source>
        <translation>der Eintrag ist leer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>reading projects and flags</source>
        <translation>Projekte und Flags werden gelesen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the answer is larger than %1 MiB, so FlagDeck stopped reading it</source>
        <translation>die Antwort ist größer als %1 MiB, daher hat FlagDeck aufgehört, sie zu lesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server&apos;s TLS certificate is not trusted: %1</source>
        <translation>dem TLS-Zertifikat des Servers wird nicht vertraut: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the admin token was not accepted%1</source>
        <translation>das Admin-Token wurde nicht angenommen%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this is a client (backend) or frontend token, which only applications use; Unleash needs an admin token (or a personal access token) for FlagDeck</source>
        <translation>dies ist ein Client- (Backend-) oder Frontend-Token, das nur Anwendungen nutzen; Unleash braucht für FlagDeck ein Admin-Token (oder ein persönliches Zugriffstoken)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the token may not do this; Unleash needs an admin token (or a personal access token of a user with the permission)%1</source>
        <translation>das Token darf das nicht; Unleash braucht ein Admin-Token (oder ein persönliches Zugriffstoken eines Benutzers mit der Berechtigung)%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>this Unleash does not offer %1</source>
        <translation>dieses Unleash bietet %1 nicht an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this Unleash (version %1) does not offer %2</source>
        <translation>dieses Unleash (Version %1) bietet %2 nicht an</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the event search (GET /api/admin/search/events, Unleash 6.1 and later)</source>
        <translation>die Ereignissuche (GET /api/admin/search/events, Unleash 6.1 und neuer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the event log (POST /api/admin/events/search)</source>
        <translation>das Ereignisprotokoll (POST /api/admin/events/search)</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+3"/>
        <location line="+82"/>
        <location line="+2"/>
        <source>event log: %1</source>
        <translation>Ereignisprotokoll: %1</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Unleash did not say whose token this is (HTTP %1)</source>
        <translation>Unleash hat nicht gesagt, wem dieses Token gehört (HTTP %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unleash %1 %2</source>
        <translation>Unleash %1 %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <location line="+41"/>
        <source>flag %1: the answer names another flag</source>
        <translation>Flag %1: die Antwort nennt ein anderes Flag</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>flag %1 has no environment %2</source>
        <translation>Flag %1 hat keine Umgebung %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>project %1: %2</source>
        <translation>Projekt %1: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 in %2 is not shown: %3</source>
        <translation>%1 in %2 wird nicht gezeigt: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 in %2 has no rollout FlagDeck can show: %3</source>
        <translation>%1 in %2 hat keinen Rollout, den FlagDeck zeigen kann: %3</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>polls every %1 s, last answer at %2</source>
        <translation>fragt alle %1 s, letzte Antwort um %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change requests not available (Unleash Enterprise)</source>
        <translation>Änderungsanfragen nicht verfügbar (Unleash Enterprise)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>history and polling through the older event log: the event search, change summaries and polls that cost nothing while nothing changes need Unleash 6.1 or later</source>
        <translation>Verlauf und Abfragen über das ältere Ereignisprotokoll: die Ereignissuche, Änderungszusammenfassungen und Abfragen, die nichts kosten, solange sich nichts ändert, brauchen Unleash 6.1 oder neuer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flags not fully shown: %1; first: %2</source>
        <translation>nicht vollständig gezeigte Flags: %1; erstes: %2</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>%1 is not an Unleash environment</source>
        <translation>%1 ist keine Unleash-Umgebung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>usage reported by SDKs (GET /api/admin/client-metrics/features/…/raw)</source>
        <translation>von SDKs gemeldete Nutzung (GET /api/admin/client-metrics/features/…/raw)</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+68"/>
        <location line="+41"/>
        <source>no Unleash environment %1</source>
        <translation>keine Unleash-Umgebung %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the flag changed in Unleash since it was read</source>
        <translation>das Flag wurde in Unleash geändert, seit es gelesen wurde</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the stored history cursor &quot;%1&quot; is not an Unleash event id</source>
        <translation>der gespeicherte Verlaufs-Cursor „%1“ ist keine Ereignis-ID von Unleash</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="+10"/>
        <source>Welcome to FlagDeck</source>
        <translation>Willkommen bei FlagDeck</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Govern the feature flags behind your AI features: rollout stages, guardrails, the kill switch, agent proposals and the audit history. Where do you want to start?</source>
        <translation>Steuern Sie die Feature-Flags hinter Ihren KI-Funktionen: Rollout-Stufen, Guardrails, den Kill-Switch, Vorschläge von Agenten und den Audit-Verlauf. Womit möchten Sie beginnen?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Open the sandbox</source>
        <translation>Sandbox &amp;öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A built-in flag server with AI flags, live traffic and an agent that proposes changes. Nothing you do there reaches production.</source>
        <translation>Ein eingebauter Flag-Server mit KI-Flags, Live-Verkehr und einem Agenten, der Änderungen vorschlägt. Nichts, was Sie dort tun, erreicht die Produktion.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a &amp;FeatBit server</source>
        <translation>Einen &amp;FeatBit-Server hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its API URL, its evaluation server and an access token with write access.</source>
        <translation>Seine API-URL, sein Auswertungsserver und ein Zugriffstoken mit Schreibrechten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add an &amp;Unleash server</source>
        <translation>Einen &amp;Unleash-Server hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Its URL and an admin token.</source>
        <translation>Seine URL und ein Admin-Token.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the audit &amp;cache offline</source>
        <translation>Den Audit-&amp;Cache offline öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse, search, verify and export the history cached on this computer, without connecting to anything.</source>
        <translation>Den auf diesem Computer gespeicherten Verlauf durchsuchen, prüfen und exportieren, ohne sich mit etwas zu verbinden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Servers and sandboxes can be added later from the File menu. Edit → Preferences sets the language, the theme, the contracts folder and the approval policy; Help → Keyboard shortcuts lists the keys.</source>
        <translation>Server und Sandboxes lassen sich später im Menü Datei hinzufügen. Bearbeiten → Einstellungen legt Sprache, Design, Vertragsordner und Freigaberegeln fest; Hilfe → Tastenkürzel listet die Tasten.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+53"/>
        <source>unknown option %1 (see flagdeck --help)</source>
        <translation>unbekannte Option %1 (siehe flagdeck --help)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>--flag %1: no flags are loaded on a first start (add --sandbox)</source>
        <translation>--flag %1: beim ersten Start sind keine Flags geladen (fügen Sie --sandbox hinzu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--flag %1: no loaded flag has this key</source>
        <translation>--flag %1: kein geladenes Flag hat diesen Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--flag %1: no loaded flag has this key (not every connection had loaded)</source>
        <translation>--flag %1: kein geladenes Flag hat diesen Schlüssel (nicht alle Verbindungen waren fertig geladen)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>--sandbox-regression cannot be combined with --offline: nothing is simulated offline</source>
        <translation>--sandbox-regression lässt sich nicht mit --offline kombinieren: offline wird nichts simuliert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--sandbox-regression has no effect while guardrail data comes from Prometheus (--prometheus or the Prometheus set in the preferences)</source>
        <translation>--sandbox-regression hat keine Wirkung, solange Guardrail-Daten aus Prometheus kommen (--prometheus oder das in den Einstellungen festgelegte Prometheus)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--sandbox-regression acts on the sandbox, and no sandbox connection is configured: add --sandbox</source>
        <translation>--sandbox-regression wirkt auf die Sandbox, und es ist keine Sandbox-Verbindung eingerichtet: fügen Sie --sandbox hinzu</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>FlagDeck, the operator console for AI release engineering.</source>
        <translation>FlagDeck, die Konsole für das Release-Engineering von KI-Funktionen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start on the sandbox, even when servers are configured.</source>
        <translation>Mit der Sandbox starten, auch wenn Server eingerichtet sind.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Render the main window once loaded, save it as a PNG and exit.</source>
        <translation>Das Hauptfenster nach dem Laden als PNG speichern und beenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the audit cache and the last known flag states; connect to nothing.</source>
        <translation>Den Audit-Cache und die letzten bekannten Flag-Zustände öffnen; mit nichts verbinden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold flags against the FeatureOps contracts in this folder (for this run).</source>
        <translation>Flags gegen die FeatureOps-Verträge in diesem Ordner halten (für diesen Lauf).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the sandbox&apos;s traffic regress: FLAG:VARIATION:METRIC:FACTOR[@SECONDS], from the start or SECONDS after it, e.g. chat-model-route:distilled_small:p95_latency:1.4 (may be repeated).</source>
        <translation>Den Verkehr der Sandbox verschlechtern: FLAG:VARIATION:METRIC:FACTOR[@SECONDS], ab dem Start oder SECONDS Sekunden danach, z. B. chat-model-route:distilled_small:p95_latency:1.4 (mehrfach möglich).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regression</source>
        <translation>Verschlechterung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read guardrail metrics from this Prometheus server (for this run).</source>
        <translation>Guardrail-Metriken von diesem Prometheus-Server lesen (für diesen Lauf).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select this flag once loaded.</source>
        <translation>Dieses Flag nach dem Laden auswählen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --screenshot: wait this many seconds after loading.</source>
        <translation>Mit --screenshot: so viele Sekunden nach dem Laden warten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open this view once loaded: %1.</source>
        <translation>Diese Ansicht nach dem Laden öffnen: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>flagdeck audit verify|export|sync: the audit cache without a window (flagdeck audit --help for more).</source>
        <translation>flagdeck audit verify|export|sync: der Audit-Cache ohne Fenster (flagdeck audit --help für mehr).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>flagdeck contracts check DIR|FILE [--server ID]: validate contract files, for a team&apos;s CI.</source>
        <translation>flagdeck contracts check DIR|FILE [--server ID]: Vertragsdateien prüfen, für die CI eines Teams.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the command %1 comes first: flagdeck %1 [options]</source>
        <translation>der Befehl %1 muss zuerst kommen: flagdeck %1 [Optionen]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown command &apos;%1&apos; for flagdeck: use audit, contracts, guard or mcp (see flagdeck --help)</source>
        <translation>unbekannter Befehl „%1“ für flagdeck: verwenden Sie audit, contracts, guard oder mcp (siehe flagdeck --help)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>there is no display to show the window on: start it in a desktop session, or with QT_QPA_PLATFORM=offscreen for --screenshot</source>
        <translation>es gibt keine Anzeige, auf der sich das Fenster zeigen ließe: starten Sie FlagDeck in einer Desktop-Sitzung oder für --screenshot mit QT_QPA_PLATFORM=offscreen</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>flagdeck mcp [--inbox PATH | --inbox-url URL]: the MCP server AI agents use to propose actions, over stdio.</source>
        <translation>flagdeck mcp [--inbox PFAD | --inbox-url URL]: der MCP-Server, über den KI-Agenten Aktionen vorschlagen, über stdio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>flagdeck guard --config FILE: the guardrail monitor without a window, for a server (flagdeck guard --help for more).</source>
        <translation>flagdeck guard --config DATEI: die Guardrail-Überwachung ohne Fenster, für einen Server (flagdeck guard --help für mehr).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--sandbox and --offline cannot be combined</source>
        <translation>--sandbox und --offline lassen sich nicht kombinieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--view must be one of: %1</source>
        <translation>--view muss eines davon sein: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--screenshot-delay needs --screenshot</source>
        <translation>--screenshot-delay braucht --screenshot</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--screenshot-delay is a number of seconds from 0 to %1, such as 1 or 2.5; got &quot;%2&quot;</source>
        <translation>--screenshot-delay ist eine Anzahl Sekunden von 0 bis %1, etwa 1 oder 2.5; erhalten: „%2“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--contracts %1: there is no such folder</source>
        <translation>--contracts %1: diesen Ordner gibt es nicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--prometheus needs a URL such as http://127.0.0.1:9090</source>
        <translation>--prometheus braucht eine URL wie http://127.0.0.1:9090</translation>
    </message>
</context>
</TS>
