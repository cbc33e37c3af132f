<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Task Runner</source>
        <translation>Über Task Runner</translation>
    </message>
    <message>
        <source>Task Runner icon</source>
        <translation>Symbol von Task Runner</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Task Runner %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Task Runner %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Runs your commands and watches off the GUI thread. Every window is a &lt;b&gt;session&lt;/b&gt; with its own worker thread and task queue: the window stays responsive whatever a task prints or how long it takes, and closing it stops its tasks without waiting for them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Führt Ihre Befehle und Überwachungen abseits des GUI-Threads aus. Jedes Fenster ist eine &lt;b&gt;Sitzung&lt;/b&gt; mit eigenem Worker-Thread und eigener Aufgabenwarteschlange: Das Fenster reagiert weiter, was auch immer eine Aufgabe ausgibt und wie lange sie auch dauert, und beim Schließen beendet es seine Aufgaben, ohne auf sie zu warten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Watches&lt;/b&gt; run a command or a sampler again and again, with a pause of &lt;i&gt;interval&lt;/i&gt; seconds, and are shared by every window.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Überwachungen&lt;/b&gt; führen immer wieder einen Befehl aus oder lesen einen Messwert, mit einer Pause von &lt;i&gt;Intervall&lt;/i&gt; Sekunden, und alle Fenster teilen sie sich.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Erstellt mit Qt %1, läuft mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Free software under the MIT licence.&lt;br&gt;&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Freie Software unter der MIT-Lizenz.&lt;br&gt;&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Quit Task Runner</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Close Session</source>
        <translation>Sitzung schließen</translation>
    </message>
    <message numerus="yes">
        <source>Quit and stop %n command(s)?</source>
        <translation>
            <numerusform>Beenden und %n Befehl stoppen?</numerusform>
            <numerusform>Beenden und %n Befehle stoppen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Close this window and stop %n command(s)?</source>
        <translation>
            <numerusform>Dieses Fenster schließen und %n Befehl stoppen?</numerusform>
            <numerusform>Dieses Fenster schließen und %n Befehle stoppen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Running commands get SIGTERM, and SIGKILL if they do not end; waiting ones are dropped.</source>
        <translation>Laufende Befehle erhalten SIGTERM und, wenn sie sich nicht beenden, SIGKILL; wartende werden verworfen.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2 (%n change(s))</source>
        <translation>
            <numerusform>%1 → %2 (%n Änderung)</numerusform>
            <numerusform>%1 → %2 (%n Änderungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Watch %1 changed</source>
        <translation>Überwachung %1 hat sich geändert</translation>
    </message>
    <message>
        <source>Another Task Runner is running: the windows of this instance are not restored at the next start.</source>
        <translation>Ein anderer Task Runner läuft: Die Fenster dieser Instanz werden beim nächsten Start nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>Running commands get SIGTERM, and SIGKILL if they do not end; waiting ones come back, paused, at the next start.</source>
        <translation>Laufende Befehle erhalten SIGTERM und SIGKILL, wenn sie nicht enden; wartende sind beim nächsten Start wieder da, pausiert.</translation>
    </message>
    <message>
        <source>Session %1</source>
        <comment>a window, in the History window&apos;s list</comment>
        <translation>Sitzung %1</translation>
    </message>
    <message numerus="yes">
        <source>Quit with %n command(s) not done?</source>
        <translation>
            <numerusform>Mit %n unerledigten Befehl beenden?</numerusform>
            <numerusform>Mit %n unerledigten Befehlen beenden?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Close the last window with %n command(s) not done?</source>
        <translation>
            <numerusform>Das letzte Fenster mit %n unerledigten Befehl schließen?</numerusform>
            <numerusform>Das letzte Fenster mit %n unerledigten Befehlen schließen?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>Platform plugin: xcb, wayland, offscreen, ...</source>
        <translation>Plattform-Plugin: xcb, wayland, offscreen, …</translation>
    </message>
    <message>
        <source>Where to look for platform plugins.</source>
        <translation>Wo nach Plattform-Plugins gesucht wird.</translation>
    </message>
    <message>
        <source>Platform theme.</source>
        <translation>Plattform-Thema.</translation>
    </message>
    <message>
        <source>An extra plugin to load; may be repeated.</source>
        <translation>Ein zusätzlich zu ladendes Plugin; darf wiederholt werden.</translation>
    </message>
    <message>
        <source>Geometry of the first window, as WxH+X+Y.</source>
        <translation>Geometrie des ersten Fensters, als BxH+X+Y.</translation>
    </message>
    <message>
        <source>The same as -qwindowgeometry.</source>
        <translation>Dasselbe wie -qwindowgeometry.</translation>
    </message>
    <message>
        <source>Default window icon.</source>
        <translation>Vorgabe-Fenstersymbol.</translation>
    </message>
    <message>
        <source>The same as -qwindowicon.</source>
        <translation>Dasselbe wie -qwindowicon.</translation>
    </message>
    <message>
        <source>Title of the first window.</source>
        <translation>Titel des ersten Fensters.</translation>
    </message>
    <message>
        <source>The same as -qwindowtitle.</source>
        <translation>Dasselbe wie -qwindowtitle.</translation>
    </message>
    <message>
        <source>Restore an earlier session.</source>
        <translation>Eine frühere Sitzung wiederherstellen.</translation>
    </message>
    <message>
        <source>X11 display to use instead of $DISPLAY.</source>
        <translation>Das X11-Display, das statt $DISPLAY benutzt wird.</translation>
    </message>
    <message>
        <source>X11 instance name.</source>
        <translation>X11-Instanzname.</translation>
    </message>
    <message>
        <source>Widget style: Fusion, Windows, ...</source>
        <translation>Widget-Stil: Fusion, Windows, …</translation>
    </message>
    <message>
        <source>Style sheet for the whole application.</source>
        <translation>Style Sheet für die ganze Anwendung.</translation>
    </message>
    <message>
        <source>Lay the windows out from right to left.</source>
        <translation>Die Fenster von rechts nach links anordnen.</translation>
    </message>
    <message>
        <source>Print how many widgets were left at exit.</source>
        <translation>Beim Beenden ausgeben, wie viele Widgets übrig waren.</translation>
    </message>
    <message>
        <source>Never grab the mouse or the keyboard.</source>
        <translation>Maus und Tastatur nie exklusiv belegen.</translation>
    </message>
    <message>
        <source>Grab them even under a debugger.</source>
        <translation>Sie auch unter einem Debugger exklusiv belegen.</translation>
    </message>
    <message>
        <source>Make X11 calls synchronous (for debugging).</source>
        <translation>X11-Aufrufe synchron machen (zur Fehlersuche).</translation>
    </message>
    <message>
        <source>Load the testability plugin.</source>
        <translation>Das Testability-Plugin laden.</translation>
    </message>
    <message>
        <source>Qt options (taken by Qt; one or two dashes):</source>
        <translation>Qt-Optionen (von Qt ausgewertet; mit einem oder zwei Bindestrichen):</translation>
    </message>
    <message>
        <source>Keeps long work off the GUI thread: every window is a session with its own worker
thread and task queue, and all windows share the periodic watches.

One instance per user: while Task Runner runs, launching it again opens the new
windows in the running instance and exits. There --sessions, --tasks and --task are
the new windows and their tasks, --global-key the watch they show (an example watch
is made for a key that is no watch), --interval is set on that watch (not saved) and
--task-seconds is for their example tasks; --shutdown-grace and Qt&apos;s options stay
those of the running instance. --new-instance starts an instance of its own.</source>
        <translation>Hält lange Arbeit vom GUI-Thread fern: Jedes Fenster ist eine Sitzung mit eigenem
Worker-Thread und eigener Aufgabenwarteschlange, und alle Fenster teilen sich die
periodischen Überwachungen.

Eine Instanz pro Benutzer: Läuft Task Runner bereits, öffnet ein erneuter Start die
neuen Fenster in der laufenden Instanz und beendet sich. Dabei sind --sessions, --tasks
und --task die neuen Fenster und ihre Aufgaben, --global-key die Überwachung, die sie
zeigen (für einen Schlüssel, der keine Überwachung ist, wird eine Beispielüberwachung
angelegt), --interval gilt für diese Überwachung (ohne gespeichert zu werden) und
--task-seconds für ihre Beispielaufgaben; --shutdown-grace und die Optionen von Qt
bleiben die der laufenden Instanz. --new-instance startet eine eigene Instanz.</translation>
    </message>
    <message>
        <source>Open &lt;n&gt; session windows at start (1-%1).</source>
        <translation>Beim Start &lt;n&gt; Sitzungsfenster öffnen (1–%1).</translation>
    </message>
    <message>
        <source>Pause of the global worker between runs, in seconds (at least %1). Default: the saved value, else 0.33.</source>
        <translation>Pause des globalen Workers zwischen den Läufen, in Sekunden (mindestens %1). Vorgabe: der gespeicherte Wert, sonst 0.33.</translation>
    </message>
    <message>
        <source>How long each example task takes, in seconds (0-%1).</source>
        <translation>Wie lange jede Beispielaufgabe dauert, in Sekunden (0–%1).</translation>
    </message>
    <message>
        <source>The watch the windows show (a global runner&apos;s key); an example watch is made for a key that is no watch.</source>
        <translation>Die Überwachung, die die Fenster zeigen (der Schlüssel eines globalen Runners); für einen Schlüssel, der keine Überwachung ist, wird eine Beispielüberwachung angelegt.</translation>
    </message>
    <message>
        <source>How long quitting waits for busy workers, in seconds (0-%1).</source>
        <translation>Wie lange das Beenden auf beschäftigte Worker wartet, in Sekunden (0–%1).</translation>
    </message>
    <message>
        <source>Queue &lt;n&gt; example tasks in every window at start (0-%1).</source>
        <translation>Beim Start in jedem Fenster &lt;n&gt; Beispielaufgaben einreihen (0–%1).</translation>
    </message>
    <message>
        <source>Queue the command &lt;command&gt; in the first window, split into words as a shell would and run without one; may be given several times.</source>
        <translation>Den Befehl &lt;command&gt; im ersten Fenster einreihen, in Wörter zerlegt wie von einer Shell und ohne eine ausgeführt; darf mehrmals angegeben werden.</translation>
    </message>
    <message>
        <source>Start without the sessions of the last run (they are kept for later).</source>
        <translation>Ohne die Sitzungen des letzten Laufs starten (sie bleiben für später erhalten).</translation>
    </message>
    <message>
        <source>Run as an instance of its own, with its own runners, instead of opening the windows in the running one.</source>
        <translation>Als eigene Instanz mit eigenen Runnern laufen, statt die Fenster in der laufenden zu öffnen.</translation>
    </message>
    <message>
        <source>Quit once the first window is shown (for start-up measurements).</source>
        <translation>Beenden, sobald das erste Fenster gezeigt ist (für Messungen des Starts).</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;: this program takes only options.</source>
        <translation>Unerwartetes Argument &apos;%1&apos;: Dieses Programm nimmt nur Optionen.</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not allowed; give a whole number from %3 to %4.</source>
        <translation>--%1: &apos;%2&apos; ist nicht erlaubt; geben Sie eine ganze Zahl von %3 bis %4 an.</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not allowed; give a number of seconds from %3 to %4.</source>
        <translation>--%1: &apos;%2&apos; ist nicht erlaubt; geben Sie eine Anzahl Sekunden von %3 bis %4 an.</translation>
    </message>
    <message>
        <source>--global-key: the key may not be empty.</source>
        <translation>--global-key: Der Schlüssel darf nicht leer sein.</translation>
    </message>
    <message>
        <source>--task: &apos;%1&apos; is not a command: %2.</source>
        <translation>--task: &apos;%1&apos; ist kein Befehl: %2.</translation>
    </message>
    <message>
        <source>--task: &apos;%1&apos; is not valid UTF-8; name such a file with a glob, through the shell.</source>
        <translation>--task: &apos;%1&apos; ist kein gültiges UTF-8; nennen Sie eine solche Datei mit einem Platzhaltermuster, über die Shell.</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>The settings file %1 is not a file that can be read; the settings are not saved in this run.</source>
        <translation>Die Einstellungsdatei %1 ist keine lesbare Datei; die Einstellungen werden in diesem Lauf nicht gespeichert.</translation>
    </message>
    <message>
        <source>The settings file was not a file that can be read and was set aside as %1; the settings start from their defaults.</source>
        <translation>Die Einstellungsdatei war keine lesbare Datei und wurde als %1 beiseitegelegt; die Einstellungen beginnen mit ihren Vorgaben.</translation>
    </message>
    <message>
        <source>The settings file was damaged: what could be read is used, the rest starts from defaults. A copy was kept as %1.</source>
        <translation>Die Einstellungsdatei war beschädigt: Was gelesen werden konnte, wird verwendet, der Rest beginnt mit den Vorgaben. Eine Kopie wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>The settings file %1 was damaged: what could be read is used, the rest starts from defaults.</source>
        <translation>Die Einstellungsdatei %1 war beschädigt: Was gelesen werden konnte, wird verwendet, der Rest beginnt mit den Vorgaben.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Task Runner</source>
        <translation>Task Runner</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation>&amp;Nicht mehr fragen</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>Nicht mehr fragen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>GlobalRunnerView</name>
    <message>
        <source>Global runner</source>
        <translation>Globaler Runner</translation>
    </message>
    <message>
        <source>Global TaskRunner</source>
        <translation>Globaler TaskRunner</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>Interval (seconds)</source>
        <translation>Intervall (Sekunden)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Last Result: None</source>
        <translation>Letztes Ergebnis: Keines</translation>
    </message>
    <message>
        <source>Last exception</source>
        <translation>Letzte Ausnahme</translation>
    </message>
    <message>
        <source>Last Exception: None</source>
        <translation>Letzte Ausnahme: Keine</translation>
    </message>
    <message>
        <source>Results during this session</source>
        <translation>Ergebnisse in dieser Sitzung</translation>
    </message>
    <message>
        <source>0 results produced during this session</source>
        <translation>0 Ergebnisse in dieser Sitzung erzeugt</translation>
    </message>
    <message>
        <source>Pause or resume the shared worker for every window</source>
        <translation>Den gemeinsamen Worker für alle Fenster pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Run the shared worker now instead of waiting for the interval</source>
        <translation>Den gemeinsamen Worker jetzt ausführen, statt das Intervall abzuwarten</translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Run &amp;Now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>State of the watch</source>
        <translation>Zustand der Überwachung</translation>
    </message>
    <message>
        <source>Wat&amp;ch:</source>
        <translation>Über&amp;wachung:</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>The watch this window shows</source>
        <translation>Die Überwachung, die dieses Fenster zeigt</translation>
    </message>
    <message>
        <source>The watch this window shows; every window lists the same watches</source>
        <translation>Die Überwachung, die dieses Fenster zeigt; alle Fenster führen dieselben Überwachungen</translation>
    </message>
    <message>
        <source>Manage watches</source>
        <translation>Überwachungen verwalten</translation>
    </message>
    <message>
        <source>Manage</source>
        <translation>Verwalten</translation>
    </message>
    <message>
        <source>New Watch… (Ctrl+Shift+N), Edit Watch… (Ctrl+Shift+E), Remove Watch (Ctrl+Shift+R); also in the Watch menu</source>
        <translation>Neue Überwachung… (Strg+Umschalt+N), Überwachung bearbeiten… (Strg+Umschalt+E), Überwachung entfernen (Strg+Umschalt+R); auch im Menü Überwachung</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Show or hide the watch&apos;s past runs, the shown run in full and what changed in it (Alt+Y)</source>
        <translation>Die bisherigen Durchläufe der Überwachung, den gezeigten Durchlauf vollständig und seine Änderungen ein- oder ausblenden (Alt+V)</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>Noch keine Durchläufe</translation>
    </message>
    <message>
        <source>The watch&apos;s runs are listed here once it has one</source>
        <translation>Die Durchläufe der Überwachung erscheinen hier, sobald es einen gibt</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Make a new watch: a command, a system sampler or the example, shared by every window (Ctrl+Shift+N)</source>
        <translation>Eine neue Überwachung anlegen: einen Befehl, einen Systemmesswert oder das Beispiel, für alle Fenster gemeinsam (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the shown watch: its name, what it runs, its interval (Ctrl+Shift+E)</source>
        <translation>Die gezeigte Überwachung ändern: ihren Namen, was sie ausführt, ihr Intervall (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>Remove Watch</source>
        <translation>Überwachung entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Stop the shown watch and forget it; windows showing it show the default watch (Ctrl+Shift+R)</source>
        <translation>Die gezeigte Überwachung beenden und vergessen; Fenster, die sie zeigen, zeigen dann die Standardüberwachung (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Global TaskRunner %1</source>
        <translation>Globaler TaskRunner %1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>running · run requested</source>
        <translation>läuft · Durchlauf angefordert</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>run requested</source>
        <translation>Durchlauf angefordert</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>next run in %1</source>
        <translation>nächster Durchlauf in %1</translation>
    </message>
    <message>
        <source>The next run starts at %1</source>
        <translation>Der nächste Durchlauf beginnt: %1</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>Last Result: %1</source>
        <translation>Letztes Ergebnis: %1</translation>
    </message>
    <message>
        <source>Last Exception: %1</source>
        <translation>Letzte Ausnahme: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message numerus="yes">
        <source>%n results produced during this session</source>
        <translation>
            <numerusform>%n Ergebnis in dieser Sitzung erzeugt</numerusform>
            <numerusform>%n Ergebnisse in dieser Sitzung erzeugt</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>Fo&amp;rtsetzen</translation>
    </message>
    <message>
        <source>The watch&apos;s runs, newest first; runs with the same outcome are one entry</source>
        <translation>Die Durchläufe der Überwachung, neueste zuerst; Durchläufe mit gleichem Ausgang bilden einen Eintrag</translation>
    </message>
    <message>
        <source>Remove the watch &apos;%1&apos;?</source>
        <translation>Die Überwachung „%1“ entfernen?</translation>
    </message>
    <message>
        <source>It stops, and its history is gone. Windows that show it show &apos;%1&apos;.</source>
        <translation>Sie wird beendet und ihr Verlauf gelöscht. Fenster, die sie zeigen, zeigen dann „%1“.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>None</source>
        <comment>no result</comment>
        <translation>Keines</translation>
    </message>
    <message>
        <source>The shown watch: one worker thread shared by every window repeats it at the interval</source>
        <translation>Die angezeigte Überwachung: ein Worker-Thread, den alle Fenster teilen, wiederholt sie im Intervall</translation>
    </message>
    <message>
        <source>What the last run gave: the worker&apos;s result, or the command&apos;s last line of output</source>
        <translation>Was der letzte Lauf ergab: das Ergebnis des Workers oder die letzte Ausgabezeile des Befehls</translation>
    </message>
    <message>
        <source>The error of the last run that failed: what the worker threw, or why the command failed</source>
        <translation>Der Fehler des letzten fehlgeschlagenen Laufs: was der Worker ausgelöst hat oder warum der Befehl fehlschlug</translation>
    </message>
    <message>
        <source>&amp;Pause Watch</source>
        <translation>Überwachung &amp;pausieren</translation>
    </message>
    <message>
        <source>Pause or resume the shown watch for every window</source>
        <translation>Die angezeigte Überwachung für alle Fenster pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>Run the shown watch now instead of waiting for the interval (F5)</source>
        <translation>Die angezeigte Überwachung jetzt ausführen, statt das Intervall abzuwarten (F5)</translation>
    </message>
    <message>
        <source>Pause between the end of one run and the start of the next, shared by every window: %1</source>
        <translation>Pause zwischen dem Ende eines Laufs und dem Beginn des nächsten, für alle Fenster gemeinsam: %1</translation>
    </message>
    <message>
        <source>&amp;Resume Watch</source>
        <translation>Überwachung &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;New Watch…</source>
        <translation>&amp;Neue Überwachung…</translation>
    </message>
    <message>
        <source>&amp;Edit Watch…</source>
        <translation>Überwachung &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Re&amp;move Watch</source>
        <translation>Überwachung ent&amp;fernen</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>History — Task Runner</source>
        <translation>Verlauf — Task Runner</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Commands, results and output</source>
        <translation>Befehle, Ergebnisse und Ausgaben</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>Zus&amp;tand:</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Every task of every session and every past run, newest first</source>
        <translation>Alle Aufgaben aller Sitzungen und aller früheren Programmläufe, neueste zuerst</translation>
    </message>
    <message>
        <source>Details of the selected task</source>
        <translation>Details der ausgewählten Aufgabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>The selected task&apos;s output as kept (its last 64 KiB)</source>
        <translation>Die gespeicherte Ausgabe der ausgewählten Aufgabe (ihre letzten 64 KiB)</translation>
    </message>
    <message>
        <source>No output</source>
        <translation>Keine Ausgabe</translation>
    </message>
    <message>
        <source>How many tasks are listed</source>
        <translation>Wie viele Aufgaben aufgelistet sind</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>&amp;Run Again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>Queue the selected task in the active session</source>
        <translation>Die ausgewählte Aufgabe in der aktiven Sitzung einreihen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write the listed tasks to a CSV or JSON file</source>
        <translation>Die aufgelisteten Aufgaben in eine CSV- oder JSON-Datei schreiben</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>Verlauf leeren</translation>
    </message>
    <message>
        <source>&amp;Clear History…</source>
        <translation>Verlauf &amp;leeren…</translation>
    </message>
    <message>
        <source>Delete every task from the history</source>
        <translation>Alle Aufgaben aus dem Verlauf löschen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) listed, more as you scroll</source>
        <translation>
            <numerusform>%n Aufgabe aufgelistet, weitere beim Blättern</numerusform>
            <numerusform>%n Aufgaben aufgelistet, weitere beim Blättern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a task to see its output.</source>
        <translation>Wählen Sie eine Aufgabe aus, um ihre Ausgabe zu sehen.</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>gestartet %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>dauerte %1</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>[… the first %1 are not kept …]
</source>
        <translation>[… die ersten %1 sind nicht gespeichert …]
</translation>
    </message>
    <message>
        <source>Queued again: %1</source>
        <translation>Erneut eingereiht: %1</translation>
    </message>
    <message>
        <source>Export History</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;JSON files (*.json)</source>
        <translation>CSV-Dateien (*.csv);;JSON-Dateien (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n task(s) to %1</source>
        <translation>
            <numerusform>%n Aufgabe nach %1 exportiert</numerusform>
            <numerusform>%n Aufgaben nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Export nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Delete every task from the history?</source>
        <translation>Alle Aufgaben aus dem Verlauf löschen?</translation>
    </message>
    <message>
        <source>Tasks that wait or run in the sessions stay; only what ended is deleted.</source>
        <translation>Aufgaben, die in den Sitzungen warten oder laufen, bleiben; gelöscht wird nur, was beendet ist.</translation>
    </message>
    <message>
        <source>&amp;Delete All</source>
        <translation>&amp;Alle löschen</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
</context>
<context>
    <name>IntervalSpinBox</name>
    <message>
        <source>%1 The interval stays %2.</source>
        <translation>%1 Das Intervall bleibt %2.</translation>
    </message>
    <message>
        <source>from %1 s to %2 s (%3)</source>
        <translation>von %1 s bis %2 s (%3)</translation>
    </message>
    <message>
        <source>Type a number of seconds, %1.</source>
        <translation>Geben Sie eine Anzahl Sekunden ein, %1.</translation>
    </message>
    <message>
        <source>“%1” is not a number of seconds: use digits and at most one decimal point, %2.</source>
        <translation>„%1“ ist keine Anzahl Sekunden: Ziffern und höchstens ein Dezimaltrennzeichen verwenden, %2.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n decimal(s): the shortest interval is %1 s.</source>
        <translation>
            <numerusform>Höchstens %n Nachkommastelle: Das kürzeste Intervall ist %1 s.</numerusform>
            <numerusform>Höchstens %n Nachkommastellen: Das kürzeste Intervall ist %1 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s is shorter than the shortest interval, %2 s.</source>
        <translation>%1 s ist kürzer als das kürzeste Intervall, %2 s.</translation>
    </message>
    <message>
        <source>%1 s is longer than the longest interval, %2 s (%3).</source>
        <translation>%1 s ist länger als das längste Intervall, %2 s (%3).</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two units of an interval</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Diesen Hinweis ausblenden</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>SessionRunnerView</name>
    <message>
        <source>Session runner</source>
        <translation>Sitzungs-Runner</translation>
    </message>
    <message>
        <source>Session TaskRunner</source>
        <translation>Sitzungs-TaskRunner</translation>
    </message>
    <message>
        <source>This window&apos;s session: its own worker thread runs the tasks below one at a time, in order</source>
        <translation>Die Sitzung dieses Fensters: Ihr eigener Worker-Thread führt die Aufgaben unten der Reihe nach aus, eine nach der anderen</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The queue is empty</source>
        <translation>Die Warteschlange ist leer</translation>
    </message>
    <message>
        <source>Queue length</source>
        <translation>Länge der Warteschlange</translation>
    </message>
    <message>
        <source>Queue: 0 tasks waiting</source>
        <translation>Warteschlange: 0 Aufgaben warten</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Last Result: None</source>
        <translation>Letztes Ergebnis: Keines</translation>
    </message>
    <message>
        <source>The result of the last task that ended, or its error</source>
        <translation>Das Ergebnis der zuletzt beendeten Aufgabe oder ihr Fehler</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>A command to queue; empty queues the example task</source>
        <translation>Ein Befehl zum Einreihen; leer wird die Beispielaufgabe eingereiht</translation>
    </message>
    <message>
        <source>A program and its arguments, split as a shell would but run without one. Enter queues it; Up and Down recall earlier commands</source>
        <translation>Ein Programm mit seinen Argumenten, zerlegt wie von einer Shell, aber ohne Shell ausgeführt. Die Eingabetaste reiht es ein; Pfeil hoch und runter holen frühere Befehle zurück</translation>
    </message>
    <message>
        <source>Run in shell</source>
        <translation>In der Shell ausführen</translation>
    </message>
    <message>
        <source>Run the line with /bin/sh -c, for pipes, redirections and variables</source>
        <translation>Die Zeile mit /bin/sh -c ausführen, für Pipes, Umleitungen und Variablen</translation>
    </message>
    <message>
        <source>Add Task</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Add Task</source>
        <translation>&amp;Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Queue the command, or one example task when the field is empty (Ctrl+T)</source>
        <translation>Den Befehl einreihen oder, wenn das Feld leer ist, eine Beispielaufgabe (Strg+T)</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>Auf&amp;gaben</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>The tasks of this session are listed here once one is queued</source>
        <translation>Die Aufgaben dieser Sitzung erscheinen hier, sobald eine eingereiht ist</translation>
    </message>
    <message>
        <source>No tasks yet</source>
        <translation>Noch keine Aufgaben</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Progress of the running task</source>
        <translation>Fortschritt der laufenden Aufgabe</translation>
    </message>
    <message>
        <source>Time the running task has taken</source>
        <translation>Bisherige Laufzeit der laufenden Aufgabe</translation>
    </message>
    <message>
        <source>Cancel Task</source>
        <translation>Aufgabe abbrechen</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Pause Queue</source>
        <translation>Warteschlange pausieren</translation>
    </message>
    <message>
        <source>Clear Queue</source>
        <translation>Warteschlange leeren</translation>
    </message>
    <message>
        <source>Cancel the selected task: a running one is stopped (its whole process group), a waiting one is removed (Delete)</source>
        <translation>Die ausgewählte Aufgabe abbrechen: Eine laufende wird beendet (ihre ganze Prozessgruppe), eine wartende entfernt (Entf)</translation>
    </message>
    <message>
        <source>Queue the selected task once more (Ctrl+R)</source>
        <translation>Die ausgewählte Aufgabe noch einmal einreihen (Strg+R)</translation>
    </message>
    <message>
        <source>Run the selected waiting task one place earlier (Ctrl+Up)</source>
        <translation>Die ausgewählte wartende Aufgabe einen Platz früher ausführen (Strg+Hoch)</translation>
    </message>
    <message>
        <source>Run the selected waiting task one place later (Ctrl+Down)</source>
        <translation>Die ausgewählte wartende Aufgabe einen Platz später ausführen (Strg+Runter)</translation>
    </message>
    <message>
        <source>Run the selected waiting task next (Ctrl+Home)</source>
        <translation>Die ausgewählte wartende Aufgabe als nächste ausführen (Strg+Pos1)</translation>
    </message>
    <message>
        <source>Copy the selected task&apos;s command line (Ctrl+Shift+C)</source>
        <translation>Die Befehlszeile der ausgewählten Aufgabe kopieren (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Copy the selected task&apos;s output as kept (Ctrl+Shift+O)</source>
        <translation>Die gespeicherte Ausgabe der ausgewählten Aufgabe kopieren (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>Let the running task finish and start no new one (Ctrl+Shift+P)</source>
        <translation>Die laufende Aufgabe zu Ende laufen lassen und keine neue starten (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Drop the tasks that wait; the running task goes on (Ctrl+Shift+Delete)</source>
        <translation>Die wartenden Aufgaben verwerfen; die laufende Aufgabe läuft weiter (Strg+Umschalt+Entf)</translation>
    </message>
    <message>
        <source>● Working</source>
        <translation>● Arbeitet</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>This session&apos;s tasks: those that ended, the running one and those waiting, in the order they run</source>
        <translation>Die Aufgaben dieser Sitzung: die beendeten, die laufende und die wartenden, in der Reihenfolge ihrer Ausführung</translation>
    </message>
    <message>
        <source>No session runner</source>
        <translation>Kein Sitzungs-Runner</translation>
    </message>
    <message>
        <source>Session TaskRunner %1</source>
        <translation>Sitzungs-TaskRunner %1</translation>
    </message>
    <message>
        <source>Not queued: %1</source>
        <translation>Nicht eingereiht: %1</translation>
    </message>
    <message>
        <source>this session has stopped</source>
        <translation>diese Sitzung ist beendet</translation>
    </message>
    <message>
        <source>Queue Several Tasks</source>
        <translation>Mehrere Aufgaben einreihen</translation>
    </message>
    <message numerus="yes">
        <source>The pasted text has %n line(s). Queue each line as a task?</source>
        <translation>
            <numerusform>Der eingefügte Text hat %n Zeile. Jede Zeile als Aufgabe einreihen?</numerusform>
            <numerusform>Der eingefügte Text hat %n Zeilen. Jede Zeile als Aufgabe einreihen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Each line runs through /bin/sh -c.</source>
        <translation>Jede Zeile läuft über /bin/sh -c.</translation>
    </message>
    <message>
        <source>Each line runs as a command, without a shell.</source>
        <translation>Jede Zeile läuft als Befehl, ohne Shell.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Queue %n Task(s)</source>
        <translation>
            <numerusform>%n Aufgabe &amp;einreihen</numerusform>
            <numerusform>%n Aufgaben &amp;einreihen</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) not queued: %1</source>
        <translation>
            <numerusform>%n Zeile nicht eingereiht: %1</numerusform>
            <numerusform>%n Zeilen nicht eingereiht: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n waiting task(s)</source>
        <translation>
            <numerusform>%n wartende Aufgabe verworfen</numerusform>
            <numerusform>%n wartende Aufgaben verworfen</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume Queue</source>
        <translation>Warteschlange fortsetzen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 % done, %2</source>
        <translation>%1 % erledigt, %2</translation>
    </message>
    <message>
        <source>Running for %1</source>
        <translation>Läuft seit %1</translation>
    </message>
    <message>
        <source>Task %1 done</source>
        <translation>Aufgabe %1 erledigt</translation>
    </message>
    <message>
        <source>Task %1 %2</source>
        <translation>Aufgabe %1 %2</translation>
    </message>
    <message>
        <source>%1 — %2 after %3</source>
        <translation>%1 — %2 nach %3</translation>
    </message>
    <message numerus="yes">
        <source>Processing: %n items left.</source>
        <translation>
            <numerusform>Verarbeitung: %n Element verbleibt.</numerusform>
            <numerusform>Verarbeitung: %n Elemente verbleiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue is paused</source>
        <translation>Die Warteschlange ist pausiert</translation>
    </message>
    <message numerus="yes">
        <source>Queue: %n task(s) waiting</source>
        <translation>
            <numerusform>Warteschlange: %n Aufgabe wartet</numerusform>
            <numerusform>Warteschlange: %n Aufgaben warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Last Result: %1</source>
        <translation>Letztes Ergebnis: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Run in shel&amp;l</source>
        <translation>In der She&amp;ll ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Erneut</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>None</source>
        <comment>no result</comment>
        <translation>Keines</translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>the session&apos;s queue</comment>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation>Be&amp;fehl:</translation>
    </message>
    <message>
        <source>empty: the example task</source>
        <translation>leer: Beispielaufgabe</translation>
    </message>
    <message>
        <source>&amp;Cancel Task</source>
        <translation>Aufgabe a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Run Again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Move to &amp;Front</source>
        <translation>An den An&amp;fang</translation>
    </message>
    <message>
        <source>Copy Co&amp;mmand</source>
        <translation>Befehl &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Output</source>
        <translation>Ausgabe kop&amp;ieren</translation>
    </message>
    <message>
        <source>&amp;Pause Queue</source>
        <translation>Warteschlange &amp;pausieren</translation>
    </message>
    <message>
        <source>C&amp;lear Queue</source>
        <translation>Warteschlange &amp;leeren</translation>
    </message>
    <message>
        <source>R&amp;esume Queue</source>
        <translation>Warteschlange for&amp;tsetzen</translation>
    </message>
    <message>
        <source>● Pausing</source>
        <comment>the session&apos;s queue, once its running task ends</comment>
        <translation>● Hält an</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <source>Task Runner</source>
        <translation>Task Runner</translation>
    </message>
    <message>
        <source>This window&apos;s session</source>
        <translation>Die Sitzung dieses Fensters</translation>
    </message>
    <message>
        <source>Shared by all windows</source>
        <translation>Für alle Fenster gemeinsam</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Stop every worker and quit</source>
        <translation>Alle Worker stoppen und beenden</translation>
    </message>
    <message>
        <source>&amp;New Session Window</source>
        <translation>&amp;Neues Sitzungsfenster</translation>
    </message>
    <message>
        <source>&amp;Add Task</source>
        <translation>&amp;Aufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>Close this window and stop its session</source>
        <translation>Dieses Fenster schließen und seine Sitzung beenden</translation>
    </message>
    <message>
        <source>&amp;About Task Runner</source>
        <translation>Ü&amp;ber Task Runner</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Session %1 — Task Runner</source>
        <translation>Sitzung %1 — Task Runner</translation>
    </message>
    <message>
        <source>Session thread status</source>
        <translation>Status des Sitzungs-Threads</translation>
    </message>
    <message>
        <source>Session thread: %1 · %2 done · %3 failed · %4 cancelled · %5 waiting</source>
        <translation>Sitzungs-Thread: %1 · %2 erledigt · %3 fehlgeschlagen · %4 abgebrochen · %5 wartend</translation>
    </message>
    <message>
        <source>working</source>
        <translation>arbeitet</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>Task &amp;History…</source>
        <translation>Aufgaben&amp;verlauf…</translation>
    </message>
    <message>
        <source>Every task of every session and of earlier runs: search, export, run again (Ctrl+H)</source>
        <translation>Alle Aufgaben aller Sitzungen und früherer Programmläufe: suchen, exportieren, erneut ausführen (Strg+H)</translation>
    </message>
    <message>
        <source>interrupted: the last run ended while it ran</source>
        <translation>unterbrochen: Der letzte Programmlauf endete, während sie lief</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting task(s) of the last run are back, paused.</source>
        <translation>
            <numerusform>%n wartende Aufgabe des letzten Programmlaufs ist wieder da, pausiert.</numerusform>
            <numerusform>%n wartende Aufgaben des letzten Programmlaufs sind wieder da, pausiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>This session is back from the last run.</source>
        <translation>Diese Sitzung ist aus dem letzten Programmlauf wieder da.</translation>
    </message>
    <message>
        <source>The last run ended without quitting.</source>
        <translation>Der letzte Programmlauf endete, ohne beendet worden zu sein.</translation>
    </message>
    <message numerus="yes">
        <source>%n saved task(s) could not be read and were left out.</source>
        <translation>
            <numerusform>%n gespeicherte Aufgabe konnte nicht gelesen werden und wurde ausgelassen.</numerusform>
            <numerusform>%n gespeicherte Aufgaben konnten nicht gelesen werden und wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>Verw&amp;erfen</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>Ü&amp;berwachung</translation>
    </message>
    <message>
        <source>stopped when Task Runner quit</source>
        <translation>gestoppt, als Task Runner beendet wurde</translation>
    </message>
    <message>
        <source>Resume &amp;Queue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
</context>
<context>
    <name>TaskOutputView</name>
    <message>
        <source>Task details</source>
        <translation>Aufgabendetails</translation>
    </message>
    <message>
        <source>Details of the selected task</source>
        <translation>Details der ausgewählten Aufgabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>The selected task&apos;s output, live while it runs</source>
        <translation>Die Ausgabe der ausgewählten Aufgabe, live während sie läuft</translation>
    </message>
    <message>
        <source>No output</source>
        <translation>Keine Ausgabe</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>gestartet %1</translation>
    </message>
    <message>
        <source>queued %1</source>
        <translation>eingereiht %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>dauerte %1</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>[… %1 not shown …]
</source>
        <translation>[… %1 nicht angezeigt …]
</translation>
    </message>
    <message>
        <source>[… %1 no longer kept …]
</source>
        <translation>[… %1 nicht mehr gespeichert …]
</translation>
    </message>
</context>
<context>
    <name>TaskRunner::CommandSpec</name>
    <message>
        <source>unbalanced quotes: the %1 at column %2 is never closed</source>
        <translation>unausgeglichene Anführungszeichen: Das %1 in Spalte %2 wird nie geschlossen</translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation>der Befehl ist leer</translation>
    </message>
    <message>
        <source>the command names no program</source>
        <translation>der Befehl nennt kein Programm</translation>
    </message>
    <message>
        <source>not a saved command: %1</source>
        <translation>kein gespeicherter Befehl: %1</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>er ist leer</translation>
    </message>
    <message>
        <source>its version is not a number</source>
        <translation>seine Version ist keine Zahl</translation>
    </message>
    <message>
        <source>it was saved by a newer version (format %1)</source>
        <translation>er wurde von einer neueren Version gespeichert (Format %1)</translation>
    </message>
    <message>
        <source>&apos;program&apos; is not text</source>
        <translation>&apos;program&apos; ist kein Text</translation>
    </message>
    <message>
        <source>&apos;arguments&apos; is not a list of text</source>
        <translation>&apos;arguments&apos; ist keine Liste von Texten</translation>
    </message>
    <message>
        <source>&apos;workingDirectory&apos; is not text</source>
        <translation>&apos;workingDirectory&apos; ist kein Text</translation>
    </message>
    <message>
        <source>&apos;shell&apos; is not true or false</source>
        <translation>&apos;shell&apos; ist weder wahr noch falsch</translation>
    </message>
    <message>
        <source>&apos;line&apos; is not text</source>
        <translation>&apos;line&apos; ist kein Text</translation>
    </message>
    <message>
        <source>there is nothing to run</source>
        <translation>es gibt nichts auszuführen</translation>
    </message>
</context>
<context>
    <name>TaskRunner::CommandWorker</name>
    <message>
        <source>error %1</source>
        <translation>Fehler %1</translation>
    </message>
    <message>
        <source>cannot run &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos; kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>folder &apos;%1&apos; does not exist</source>
        <translation>Ordner &apos;%1&apos; existiert nicht</translation>
    </message>
    <message>
        <source>cannot use folder &apos;%1&apos;: %2</source>
        <translation>Ordner &apos;%1&apos; kann nicht benutzt werden: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a folder</source>
        <translation>&apos;%1&apos; ist kein Ordner</translation>
    </message>
    <message>
        <source>cannot enter folder &apos;%1&apos;: %2</source>
        <translation>In Ordner &apos;%1&apos; kann nicht gewechselt werden: %2</translation>
    </message>
    <message>
        <source>the calling thread has no event dispatcher</source>
        <translation>der aufrufende Thread hat keinen Event-Dispatcher</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>beendet durch %1</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>exit 0</source>
        <translation>Exit 0</translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation>der Befehl ist leer</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>abgebrochen, bevor er begann</translation>
    </message>
    <message>
        <source>the task is not a command</source>
        <translation>die Aufgabe ist kein Befehl</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>Signal %1</translation>
    </message>
</context>
<context>
    <name>TaskRunner::HistoryModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>When the task ended, or when it started if it did not end</source>
        <translation>Wann die Aufgabe endete, oder wann sie begann, wenn sie nicht endete</translation>
    </message>
</context>
<context>
    <name>TaskRunner::HistoryStore</name>
    <message>
        <source>History is off for this run: the disk is full or the file may not grow (%1).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: Der Datenträger ist voll oder die Datei darf nicht wachsen (%1).</translation>
    </message>
    <message>
        <source>History is off for this run: the disk could not be written (%1).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: Auf den Datenträger konnte nicht geschrieben werden (%1).</translation>
    </message>
    <message>
        <source>History is off for this run: the history file cannot be written (%1).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: Die Verlaufsdatei kann nicht geschrieben werden (%1).</translation>
    </message>
    <message>
        <source>History is off for this run: the history file is damaged (%1).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: Die Verlaufsdatei ist beschädigt (%1).</translation>
    </message>
    <message>
        <source>History is off for this run: %1</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: %1</translation>
    </message>
    <message>
        <source>History is off for this run: the folder %1 cannot be created (%2).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: Der Ordner %1 kann nicht angelegt werden (%2).</translation>
    </message>
    <message>
        <source>History is off for this run: %1 cannot be created (%2).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: %1 kann nicht angelegt werden (%2).</translation>
    </message>
    <message>
        <source>History is off for this run: %1 cannot be opened (%2).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: %1 kann nicht geöffnet werden (%2).</translation>
    </message>
    <message>
        <source>History is off for this run: %1 cannot be used.</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: %1 kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>History is off for this run: %1 is not a usable history and cannot be set aside (%2).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: %1 ist kein brauchbarer Verlauf und kann nicht beiseitegelegt werden (%2).</translation>
    </message>
    <message>
        <source>The history file was damaged or not a Task Runner history. It was set aside as %1 and a new history was started.</source>
        <translation>Die Verlaufsdatei war beschädigt oder kein Verlauf von Task Runner. Sie wurde als %1 beiseitegelegt und ein neuer Verlauf begonnen.</translation>
    </message>
    <message>
        <source>The history was written by a newer version of Task Runner (schema %1; this version knows %2).</source>
        <translation>Der Verlauf wurde von einer neueren Version von Task Runner geschrieben (Schema %1; diese Version kennt %2).</translation>
    </message>
    <message>
        <source>It is shown read-only and new tasks are not recorded.</source>
        <translation>Er wird nur zum Lesen angezeigt, und neue Aufgaben werden nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>History is off for this run (%1).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet (%1).</translation>
    </message>
    <message>
        <source>History is off for this run: %1 cannot be read (%2).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>WAL mode is not available</source>
        <translation>Der WAL-Modus ist nicht verfügbar</translation>
    </message>
    <message>
        <source>History is off for this run: %1 cannot be written (%2).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: %1 kann nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>History is off for this run: the history cannot be set up (%1).</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet: Der Verlauf kann nicht eingerichtet werden (%1).</translation>
    </message>
    <message>
        <source>History is off for this run.</source>
        <translation>Der Verlauf ist für diesen Programmlauf ausgeschaltet.</translation>
    </message>
    <message>
        <source>the file changed while it was opened</source>
        <translation>die Datei hat sich beim Öffnen geändert</translation>
    </message>
    <message>
        <source>the history is not open for writing</source>
        <translation>der Verlauf ist nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>The history is not available.</source>
        <translation>Der Verlauf ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>Der Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) could not be recorded in the history.</source>
        <translation>
            <numerusform>%n Aufgabe konnte nicht im Verlauf aufgezeichnet werden.</numerusform>
            <numerusform>%n Aufgaben konnten nicht im Verlauf aufgezeichnet werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>es ist keine gewöhnliche Datei</translation>
    </message>
</context>
<context>
    <name>TaskRunner::Samplers</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: it is empty</source>
        <translation>%1 kann nicht gelesen werden: die Datei ist leer</translation>
    </message>
    <message>
        <source>cannot read /proc/meminfo: no %1</source>
        <translation>/proc/meminfo kann nicht gelesen werden: kein %1</translation>
    </message>
    <message>
        <source>cannot read /proc/loadavg: unexpected contents</source>
        <translation>/proc/loadavg kann nicht gelesen werden: unerwarteter Inhalt</translation>
    </message>
    <message>
        <source>no folder to measure the free space of</source>
        <translation>kein Ordner, dessen freier Speicherplatz gemessen werden soll</translation>
    </message>
    <message>
        <source>folder &apos;%1&apos; does not exist</source>
        <translation>Ordner &apos;%1&apos; existiert nicht</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a folder</source>
        <translation>&apos;%1&apos; ist kein Ordner</translation>
    </message>
    <message>
        <source>cannot read the free space of &apos;%1&apos;</source>
        <translation>der freie Speicherplatz von &apos;%1&apos; kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Load average (1 min)</source>
        <translation>Durchschnittliche Last (1 min)</translation>
    </message>
    <message>
        <source>Memory in use</source>
        <translation>Belegter Speicher</translation>
    </message>
    <message>
        <source>Free space</source>
        <translation>Freier Speicherplatz</translation>
    </message>
</context>
<context>
    <name>TaskRunner::SessionRunner</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>TaskRunner::SessionStore</name>
    <message>
        <source>The sessions of the last run cannot be read: %1.</source>
        <translation>Die Sitzungen des letzten Programmlaufs können nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>The saved sessions in %1 are damaged; nothing was restored.</source>
        <translation>Die gespeicherten Sitzungen in %1 sind beschädigt; nichts wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>The saved sessions were damaged and were set aside as %1; nothing was restored.</source>
        <translation>Die gespeicherten Sitzungen waren beschädigt und wurden als %1 beiseitegelegt; nichts wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>es ist keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>The sessions of the last run cannot be read (%1); the file was set aside as %2.</source>
        <translation>Die Sitzungen des letzten Programmlaufs können nicht gelesen werden (%1); die Datei wurde als %2 beiseitegelegt.</translation>
    </message>
</context>
<context>
    <name>TaskRunner::SessionWriter</name>
    <message>
        <source>Open sessions cannot be saved for the next launch: %1 (%2).</source>
        <translation>Offene Sitzungen können nicht für den nächsten Start gespeichert werden: %1 (%2).</translation>
    </message>
</context>
<context>
    <name>TaskRunner::TaskRecord</name>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
</context>
<context>
    <name>TaskRunner::WorkerCall</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>How the task ended: a command&apos;s exit status, or the result the task gave</source>
        <translation>Wie die Aufgabe endete: der Exit-Status eines Befehls oder das Ergebnis der Aufgabe</translation>
    </message>
    <message>
        <source>Result</source>
        <comment>the task table&apos;s last column: an exit status or a result</comment>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>WatchChart</name>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>No numbers yet</source>
        <translation>Noch keine Zahlen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln Wert</numerusform>
            <numerusform>%Ln Werte</numerusform>
        </translation>
    </message>
    <message>
        <source>Last %1, minimum %2, maximum %3 (%4)</source>
        <translation>Zuletzt %1, Minimum %2, Maximum %3 (%4)</translation>
    </message>
</context>
<context>
    <name>WatchDefinition</name>
    <message>
        <source>Give the watch a name.</source>
        <translation>Geben Sie der Überwachung einen Namen.</translation>
    </message>
    <message>
        <source>The name cannot begin or end with a space.</source>
        <translation>Der Name darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>There is a watch of this name already.</source>
        <translation>Es gibt bereits eine Überwachung mit diesem Namen.</translation>
    </message>
    <message>
        <source>The name is too long (200 characters at most).</source>
        <translation>Der Name ist zu lang (höchstens 200 Zeichen).</translation>
    </message>
    <message>
        <source>Type the command to run.</source>
        <translation>Geben Sie den auszuführenden Befehl ein.</translation>
    </message>
    <message>
        <source>This is not a command: %1.</source>
        <translation>Das ist kein Befehl: %1.</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <source>There is no folder %1.</source>
        <translation>Es gibt keinen Ordner %1.</translation>
    </message>
    <message>
        <source>The interval must be from 0.001 s to one year.</source>
        <translation>Das Intervall muss zwischen 0,001 s und einem Jahr liegen.</translation>
    </message>
    <message>
        <source>Command in a shell: %1</source>
        <translation>Befehl in einer Shell: %1</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>Befehl: %1</translation>
    </message>
    <message>
        <source>Load average (1 min)</source>
        <translation>Durchschnittliche Last (1 min)</translation>
    </message>
    <message>
        <source>Memory in use (MiB)</source>
        <translation>Belegter Speicher (MiB)</translation>
    </message>
    <message>
        <source>Free space of %1 (GiB)</source>
        <translation>Freier Speicherplatz in %1 (GiB)</translation>
    </message>
    <message>
        <source>Example: waits, then gives the date and time</source>
        <translation>Beispiel: wartet und liefert dann Datum und Uhrzeit</translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <source>New Watch</source>
        <translation>Neue Überwachung</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The name of the watch, unique</source>
        <translation>Der Name der Überwachung, eindeutig</translation>
    </message>
    <message>
        <source>A name of your choice, unique among the watches; it is the key of its shared runner</source>
        <translation>Ein Name Ihrer Wahl, eindeutig unter den Überwachungen; er ist der Schlüssel ihres gemeinsamen Runners</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>What the watch runs</source>
        <translation>Was die Überwachung ausführt</translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation>Be&amp;fehl:</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>The command the watch runs at every period</source>
        <translation>Der Befehl, den die Überwachung in jedem Intervall ausführt</translation>
    </message>
    <message>
        <source>df -h /</source>
        <translation>df -h /</translation>
    </message>
    <message>
        <source>A program and its arguments, split as a shell would but run without one unless Run in a shell is on</source>
        <translation>Ein Programm mit seinen Argumenten, zerlegt wie von einer Shell, aber ohne Shell ausgeführt, außer wenn „In einer Shell ausführen“ eingeschaltet ist</translation>
    </message>
    <message>
        <source>Run in a shell</source>
        <translation>In einer Shell ausführen</translation>
    </message>
    <message>
        <source>Run in a s&amp;hell</source>
        <translation>In einer S&amp;hell ausführen</translation>
    </message>
    <message>
        <source>Run the line with /bin/sh -c, for pipes, redirections and variables</source>
        <translation>Die Zeile mit /bin/sh -c ausführen, für Pipes, Umleitungen und Variablen</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>The folder whose file system is measured</source>
        <translation>Der Ordner, dessen Dateisystem gemessen wird</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>Interval (seconds)</source>
        <translation>Intervall (Sekunden)</translation>
    </message>
    <message>
        <source>Pause between the end of one run and the start of the next</source>
        <translation>Pause zwischen dem Ende eines Durchlaufs und dem Beginn des nächsten</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Notify when the result changes</source>
        <translation>Benachrichtigen, wenn sich das Ergebnis ändert</translation>
    </message>
    <message>
        <source>N&amp;otify when the result changes</source>
        <translation>&amp;Benachrichtigen, wenn sich das Ergebnis ändert</translation>
    </message>
    <message>
        <source>A desktop notification when a run gives another result than the one before (at most one every 10 s)</source>
        <translation>Eine Desktop-Benachrichtigung, wenn ein Durchlauf ein anderes Ergebnis liefert als der vorige (höchstens eine alle 10 s)</translation>
    </message>
    <message>
        <source>Load average (1 min)</source>
        <translation>Durchschnittliche Last (1 min)</translation>
    </message>
    <message>
        <source>Memory in use (MiB)</source>
        <translation>Belegter Speicher (MiB)</translation>
    </message>
    <message>
        <source>Free space of a folder (GiB)</source>
        <translation>Freier Speicherplatz eines Ordners (GiB)</translation>
    </message>
    <message>
        <source>Example (waits, then gives the date and time)</source>
        <translation>Beispiel (wartet und liefert dann Datum und Uhrzeit)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Edit Watch</source>
        <translation>Überwachung bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>WatchHistory</name>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 (%n run(s) since %4)</source>
        <translation>
            <numerusform>%1 · %2 · %3 (%n Durchlauf seit %4)</numerusform>
            <numerusform>%1 · %2 · %3 (%n Durchläufe seit %4)</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>%1 runs with this outcome, from %2 to %3</source>
        <translation>%1 Durchläufe mit diesem Ausgang, von %2 bis %3</translation>
    </message>
    <message>
        <source>Run at %1</source>
        <translation>Durchlauf um %1</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>Dauerte %1</translation>
    </message>
    <message>
        <source>Exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
</context>
<context>
    <name>WatchManager</name>
    <message>
        <source>There are %1 watches already, as many as there can be. Remove one first.</source>
        <translation>Es gibt schon %1 Überwachungen, so viele wie möglich. Entfernen Sie zuerst eine.</translation>
    </message>
</context>
<context>
    <name>WatchRunView</name>
    <message>
        <source>Watch run</source>
        <translation>Durchlauf der Überwachung</translation>
    </message>
    <message>
        <source>Details of the shown run</source>
        <translation>Details des gezeigten Durchlaufs</translation>
    </message>
    <message>
        <source>Show only the changes</source>
        <translation>Nur die Änderungen zeigen</translation>
    </message>
    <message>
        <source>Only changes</source>
        <translation>Nur Änderungen</translation>
    </message>
    <message>
        <source>Show the difference to the run before (- removed, + new) instead of the whole output</source>
        <translation>Den Unterschied zum vorigen Durchlauf (- entfernt, + neu) statt der ganzen Ausgabe zeigen</translation>
    </message>
    <message>
        <source>Run output</source>
        <translation>Ausgabe des Durchlaufs</translation>
    </message>
    <message>
        <source>The shown run: its output, or its result, with what changed since the run before marked</source>
        <translation>Der gezeigte Durchlauf: seine Ausgabe oder sein Ergebnis, mit markierten Änderungen seit dem vorigen Durchlauf</translation>
    </message>
    <message>
        <source>No output</source>
        <translation>Keine Ausgabe</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>failed, exit status %1</source>
        <translation>fehlgeschlagen, Exit-Status %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>first run kept</source>
        <translation>erster gespeicherter Durchlauf</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>%1 changed, %2 new, %3 gone</source>
        <translation>%1 geändert, %2 neu, %3 entfernt</translation>
    </message>
    <message>
        <source>output no longer kept</source>
        <translation>Ausgabe nicht mehr gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) with this outcome, the last at %1</source>
        <translation>
            <numerusform>%n Durchlauf mit diesem Ausgang, am %1</numerusform>
            <numerusform>%n Durchläufe mit diesem Ausgang, der letzte am %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Run at %1</source>
        <translation>Durchlauf am %1</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>Dauerte %1</translation>
    </message>
    <message>
        <source>Exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>Since the run before: %1 lines changed, %2 new, %3 removed</source>
        <translation>Seit dem vorigen Durchlauf: %1 Zeilen geändert, %2 neu, %3 entfernt</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) marked as changed since the run before</source>
        <translation>
            <numerusform>%n Zeile seit dem vorigen Durchlauf als geändert markiert</numerusform>
            <numerusform>%n Zeilen seit dem vorigen Durchlauf als geändert markiert</numerusform>
        </translation>
    </message>
    <message>
        <source>The first run kept</source>
        <translation>Der erste gespeicherte Durchlauf</translation>
    </message>
</context>
<context>
    <name>durationText</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>nothing to open</source>
        <translation>nichts zu öffnen</translation>
    </message>
</context>
</TS>
