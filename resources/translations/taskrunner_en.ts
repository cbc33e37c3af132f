<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Task Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task Runner icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Task Runner %1&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Runs your commands and watches off the GUI thread. Every window is a &lt;b&gt;session&lt;/b&gt; with its own worker thread and task queue: the window stays responsive whatever a task prints or how long it takes, and closing it stops its tasks without waiting for them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Watches&lt;/b&gt; run a command or a sampler again and again, with a pause of &lt;i&gt;interval&lt;/i&gt; seconds, and are shared by every window.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Free software under the MIT licence.&lt;br&gt;&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Quit Task Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Quit and stop %n command(s)?</source>
        <translation>
            <numerusform>Quit and stop %n command?</numerusform>
            <numerusform>Quit and stop %n commands?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Close this window and stop %n command(s)?</source>
        <translation>
            <numerusform>Close this window and stop %n command?</numerusform>
            <numerusform>Close this window and stop %n commands?</numerusform>
        </translation>
    </message>
    <message>
        <source>Running commands get SIGTERM, and SIGKILL if they do not end; waiting ones are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2 (%n change(s))</source>
        <translation>
            <numerusform>%1 → %2 (%n change)</numerusform>
            <numerusform>%1 → %2 (%n changes)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch %1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Task Runner is running: the windows of this instance are not restored at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running commands get SIGTERM, and SIGKILL if they do not end; waiting ones come back, paused, at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1</source>
        <comment>a window, in the History window&apos;s list</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Quit with %n command(s) not done?</source>
        <translation>
            <numerusform>Quit with %n command not done?</numerusform>
            <numerusform>Quit with %n commands not done?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Close the last window with %n command(s) not done?</source>
        <translation>
            <numerusform>Close the last window with %n command not done?</numerusform>
            <numerusform>Close the last window with %n commands not done?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>Platform plugin: xcb, wayland, offscreen, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to look for platform plugins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform theme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An extra plugin to load; may be repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geometry of the first window, as WxH+X+Y.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same as -qwindowgeometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default window icon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same as -qwindowicon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the first window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same as -qwindowtitle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore an earlier session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X11 display to use instead of $DISPLAY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X11 instance name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widget style: Fusion, Windows, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style sheet for the whole application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lay the windows out from right to left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print how many widgets were left at exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never grab the mouse or the keyboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grab them even under a debugger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make X11 calls synchronous (for debugging).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the testability plugin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt options (taken by Qt; one or two dashes):</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &lt;n&gt; session windows at start (1-%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause of the global worker between runs, in seconds (at least %1). Default: the saved value, else 0.33.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long each example task takes, in seconds (0-%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watch the windows show (a global runner&apos;s key); an example watch is made for a key that is no watch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long quitting waits for busy workers, in seconds (0-%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue &lt;n&gt; example tasks in every window at start (0-%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the command &lt;command&gt; in the first window, split into words as a shell would and run without one; may be given several times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start without the sessions of the last run (they are kept for later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run as an instance of its own, with its own runners, instead of opening the windows in the running one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit once the first window is shown (for start-up measurements).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;: this program takes only options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not allowed; give a whole number from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not allowed; give a number of seconds from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--global-key: the key may not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--task: &apos;%1&apos; is not a command: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--task: &apos;%1&apos; is not valid UTF-8; name such a file with a glob, through the shell.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>The settings file %1 is not a file that can be read; the settings are not saved in this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file was not a file that can be read and was set aside as %1; the settings start from their defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file was damaged: what could be read is used, the rest starts from defaults. A copy was kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 was damaged: what could be read is used, the rest starts from defaults.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Task Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlobalRunnerView</name>
    <message>
        <source>Global runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global TaskRunner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Result: None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Exception: None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results during this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 results produced during this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the shared worker for every window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the shared worker now instead of waiting for the interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State of the watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat&amp;ch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watch this window shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watch this window shows; every window lists the same watches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage watches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Watch… (Ctrl+Shift+N), Edit Watch… (Ctrl+Shift+E), Remove Watch (Ctrl+Shift+R); also in the Watch menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the watch&apos;s past runs, the shown run in full and what changed in it (Alt+Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watch&apos;s runs are listed here once it has one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new watch: a command, a system sampler or the example, shared by every window (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the shown watch: its name, what it runs, its interval (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the shown watch and forget it; windows showing it show the default watch (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global TaskRunner %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running · run requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next run in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next run starts at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Exception: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n results produced during this session</source>
        <translation>
            <numerusform>%n result produced during this session</numerusform>
            <numerusform>%n results produced during this session</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watch&apos;s runs, newest first; runs with the same outcome are one entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the watch &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It stops, and its history is gone. Windows that show it show &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <comment>no result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shown watch: one worker thread shared by every window repeats it at the interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the last run gave: the worker&apos;s result, or the command&apos;s last line of output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error of the last run that failed: what the worker threw, or why the command failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the shown watch for every window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the shown watch now instead of waiting for the interval (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause between the end of one run and the start of the next, shared by every window: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Watch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Watch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move Watch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>History — Task Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands, results and output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every task of every session and every past run, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected task&apos;s output as kept (its last 64 KiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many tasks are listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the selected task in the active session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the listed tasks to a CSV or JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every task from the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) listed, more as you scroll</source>
        <translation>
            <numerusform>%n task listed, more as you scroll</numerusform>
            <numerusform>%n tasks listed, more as you scroll</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a task to see its output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[… the first %1 are not kept …]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n task(s) to %1</source>
        <translation>
            <numerusform>Exported %n task to %1</numerusform>
            <numerusform>Exported %n tasks to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every task from the history?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks that wait or run in the sessions stay; only what ended is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntervalSpinBox</name>
    <message>
        <source>%1 The interval stays %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 s to %2 s (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number of seconds, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number of seconds: use digits and at most one decimal point, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At most %n decimal(s): the shortest interval is %1 s.</source>
        <translation>
            <numerusform>At most %n decimal: the shortest interval is %1 s.</numerusform>
            <numerusform>At most %n decimals: the shortest interval is %1 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s is shorter than the shortest interval, %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s is longer than the longest interval, %2 s (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two units of an interval</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionRunnerView</name>
    <message>
        <source>Session runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session TaskRunner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window&apos;s session: its own worker thread runs the tasks below one at a time, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue: 0 tasks waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Result: None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result of the last task that ended, or its error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command to queue; empty queues the example task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program and its arguments, split as a shell would but run without one. Enter queues it; Up and Down recall earlier commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run in shell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the line with /bin/sh -c, for pipes, redirections and variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the command, or one example task when the field is empty (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tasks of this session are listed here once one is queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tasks yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of the running task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time the running task has taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected task: a running one is stopped (its whole process group), a waiting one is removed (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the selected task once more (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected waiting task one place earlier (Ctrl+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected waiting task one place later (Ctrl+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected waiting task next (Ctrl+Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected task&apos;s command line (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected task&apos;s output as kept (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the running task finish and start no new one (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the tasks that wait; the running task goes on (Ctrl+Shift+Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session&apos;s tasks: those that ended, the running one and those waiting, in the order they run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session TaskRunner %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this session has stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue Several Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The pasted text has %n line(s). Queue each line as a task?</source>
        <translation>
            <numerusform>The pasted text has %n line. Queue each line as a task?</numerusform>
            <numerusform>The pasted text has %n lines. Queue each line as a task?</numerusform>
        </translation>
    </message>
    <message>
        <source>Each line runs through /bin/sh -c.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each line runs as a command, without a shell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Queue %n Task(s)</source>
        <translation>
            <numerusform>&amp;Queue %n Task</numerusform>
            <numerusform>&amp;Queue %n Tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) not queued: %1</source>
        <translation>
            <numerusform>%n line not queued: %1</numerusform>
            <numerusform>%n lines not queued: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n waiting task(s)</source>
        <translation>
            <numerusform>Dropped %n waiting task</numerusform>
            <numerusform>Dropped %n waiting tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % done, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 after %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Processing: %n items left.</source>
        <translation>
            <numerusform>Processing: %n item left.</numerusform>
            <numerusform>Processing: %n items left.</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Queue: %n task(s) waiting</source>
        <translation>
            <numerusform>Queue: %n task waiting</numerusform>
            <numerusform>Queue: %n tasks waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Last Result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run in shel&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <comment>no result</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>the session&apos;s queue</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the example task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to &amp;Front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Co&amp;mmand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;esume Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Pausing</source>
        <comment>the session&apos;s queue, once its running task ends</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <source>Task Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window&apos;s session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared by all windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every worker and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Session Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this window and stop its session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Task Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 — Task Runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session thread status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session thread: %1 · %2 done · %3 failed · %4 cancelled · %5 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task &amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every task of every session and of earlier runs: search, export, run again (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted: the last run ended while it ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting task(s) of the last run are back, paused.</source>
        <translation>
            <numerusform>%n waiting task of the last run is back, paused.</numerusform>
            <numerusform>%n waiting tasks of the last run are back, paused.</numerusform>
        </translation>
    </message>
    <message>
        <source>This session is back from the last run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last run ended without quitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n saved task(s) could not be read and were left out.</source>
        <translation>
            <numerusform>%n saved task could not be read and was left out.</numerusform>
            <numerusform>%n saved tasks could not be read and were left out.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped when Task Runner quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume &amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskOutputView</name>
    <message>
        <source>Task details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected task&apos;s output, live while it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[… %1 not shown …]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[… %1 no longer kept …]
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner::CommandSpec</name>
    <message>
        <source>unbalanced quotes: the %1 at column %2 is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the command names no program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a saved command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its version is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was saved by a newer version (format %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;program&apos; is not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;arguments&apos; is not a list of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;workingDirectory&apos; is not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;shell&apos; is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;line&apos; is not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is nothing to run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner::CommandWorker</name>
    <message>
        <source>error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder &apos;%1&apos; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot use folder &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot enter folder &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the calling thread has no event dispatcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task is not a command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner::HistoryModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the task ended, or when it started if it did not end</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner::HistoryStore</name>
    <message>
        <source>History is off for this run: the disk is full or the file may not grow (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: the disk could not be written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: the history file cannot be written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: the history file is damaged (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: the folder %1 cannot be created (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: %1 cannot be created (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: %1 cannot be opened (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: %1 cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: %1 is not a usable history and cannot be set aside (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history file was damaged or not a Task Runner history. It was set aside as %1 and a new history was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history was written by a newer version of Task Runner (schema %1; this version knows %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is shown read-only and new tasks are not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: %1 cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAL mode is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: %1 cannot be written (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: the history cannot be set up (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file changed while it was opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the history is not open for writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) could not be recorded in the history.</source>
        <translation>
            <numerusform>%n task could not be recorded in the history.</numerusform>
            <numerusform>%n tasks could not be recorded in the history.</numerusform>
        </translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner::Samplers</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read /proc/meminfo: no %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read /proc/loadavg: unexpected contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no folder to measure the free space of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder &apos;%1&apos; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the free space of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load average (1 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner::SessionRunner</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner::SessionStore</name>
    <message>
        <source>The sessions of the last run cannot be read: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved sessions in %1 are damaged; nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved sessions were damaged and were set aside as %1; nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sessions of the last run cannot be read (%1); the file was set aside as %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner::SessionWriter</name>
    <message>
        <source>Open sessions cannot be saved for the next launch: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner::TaskRecord</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner::WorkerCall</name>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the task ended: a command&apos;s exit status, or the result the task gave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <comment>the task table&apos;s last column: an exit status or a result</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchChart</name>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No numbers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln value</numerusform>
            <numerusform>%Ln values</numerusform>
        </translation>
    </message>
    <message>
        <source>Last %1, minimum %2, maximum %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchDefinition</name>
    <message>
        <source>Give the watch a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name cannot begin or end with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a watch of this name already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long (200 characters at most).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the command to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a command: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interval must be from 0.001 s to one year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command in a shell: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load average (1 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory in use (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space of %1 (GiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example: waits, then gives the date and time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <source>New Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of the watch, unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name of your choice, unique among the watches; it is the key of its shared runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the watch runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command the watch runs at every period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>df -h /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program and its arguments, split as a shell would but run without one unless Run in a shell is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run in a shell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run in a s&amp;hell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the line with /bin/sh -c, for pipes, redirections and variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder whose file system is measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause between the end of one run and the start of the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify when the result changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otify when the result changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop notification when a run gives another result than the one before (at most one every 10 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load average (1 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory in use (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space of a folder (GiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example (waits, then gives the date and time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchHistory</name>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 (%n run(s) since %4)</source>
        <translation>
            <numerusform>%1 · %2 · %3 (%n run since %4)</numerusform>
            <numerusform>%1 · %2 · %3 (%n runs since %4)</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs with this outcome, from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchManager</name>
    <message>
        <source>There are %1 watches already, as many as there can be. Remove one first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchRunView</name>
    <message>
        <source>Watch run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the shown run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the difference to the run before (- removed, + new) instead of the whole output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shown run: its output, or its result, with what changed since the run before marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed, exit status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first run kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed, %2 new, %3 gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output no longer kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) with this outcome, the last at %1</source>
        <translation>
            <numerusform>%n run with this outcome, the last at %1</numerusform>
            <numerusform>%n runs with this outcome, the last at %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Run at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the run before: %1 lines changed, %2 new, %3 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) marked as changed since the run before</source>
        <translation>
            <numerusform>%n line marked as changed since the run before</numerusform>
            <numerusform>%n lines marked as changed since the run before</numerusform>
        </translation>
    </message>
    <message>
        <source>The first run kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>durationText</name>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>nothing to open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
