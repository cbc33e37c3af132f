#!/usr/bin/python3
"""Drives the running taskrunner ($TASKRUNNER_PID) through AT-SPI, as a screen reader user
would, and checks what such a user relies on: names, texts, values, states and the events that
announce a change. Waits by polling the tree against deadlines. Prints one line per check and a
closing "N passed, N failed"; exits 1 when a check failed. Started by tests/atspi/run."""
import re
import os
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

PID = int(os.environ["TASKRUNNER_PID"])
passed = failed = 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS {what}", flush=True)
    else:
        failed += 1
        print(f"FAIL {what}" + (f": {detail}" if detail else ""), flush=True)
    return ok


def finish():
    print(f"{passed} passed, {failed} failed", flush=True)
    sys.exit(1 if failed or not passed else 0)


# Events: (type, source, its name when received, any_data).
events = []


def on_event(event):
    try:
        name = event.source.name
    except Exception:
        name = None
    events.append((event.type, event.source, name, event.any_data))


def pump():
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass


def wait_for(predicate, timeout=10.0):
    """The first true value of predicate() within timeout seconds, else None."""
    deadline = time.monotonic() + timeout
    while True:
        pump()
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.05)


def walk(node):
    yield node
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def find_all(root, role, name=None, description=None):
    return [n for n in walk(root) if n.getRoleName() == role
            and (name is None or n.name == name)
            and (description is None or n.description == description)]


def find(root, role, name=None, description=None):
    found = find_all(root, role, name, description)
    return found[0] if found else None


def states(node):
    return node.getState()


def showing(node):
    return states(node).contains(pyatspi.STATE_SHOWING)


def action_names(node):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def do(node, name):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == name:
            return action.doAction(i)
    raise LookupError(f"no action {name} on {node}")


def settled(predicate, timeout=10.0, quiet=0.5):
    """Whether predicate() holds once it first held and again after `quiet` more seconds of
    events: a second, unwanted event would have come by then."""
    if not wait_for(predicate, timeout):
        return False
    deadline = time.monotonic() + quiet
    while time.monotonic() < deadline:
        pump()
        time.sleep(0.01)
    pump()
    return bool(predicate())


def name_events(source, since):
    return [e[2] for e in events[since:]
            if e[0] == "object:property-change:accessible-name" and e[1] == source]


def later(menu_item):
    """Triggers a menu item from another process: a modal dialog's exec() holds the D-Bus reply
    of the action that opened it, while this process fills the dialog."""
    script = (
        "import os, pyatspi\n"
        "d = pyatspi.Registry.getDesktop(0)\n"
        "pid = int(os.environ['TASKRUNNER_PID'])\n"
        "app = [d.getChildAtIndex(i) for i in range(d.childCount)\n"
        "       if d.getChildAtIndex(i) and d.getChildAtIndex(i).get_process_id() == pid][0]\n"
        "def find(n):\n"
        f"    if n.getRoleName() == 'menu item' and n.name == {menu_item!r}: return n\n"
        "    for k in range(n.childCount):\n"
        "        f = find(n.getChildAtIndex(k))\n"
        "        if f: return f\n"
        "a = find(app).queryAction()\n"
        "a.doAction([a.getName(i) for i in range(a.nActions)].index('Press'))\n")
    return subprocess.Popen([sys.executable, "-c", script])


def the_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        if child is not None and child.get_process_id() == PID and child.childCount > 0:
            return child
    return None


# The accessible value is a subscription of its own for Qt's bridge.
EVENTS = ("object:property-change", "object:property-change:accessible-value",
          "object:text-changed", "object:state-changed")
pyatspi.Registry.registerEventListener(on_event, *EVENTS)

app = wait_for(the_app, 30)
if not check(app is not None, "the app is on the AT-SPI desktop"):
    finish()
# The app learns of listeners from the registry; one that registered while the app was starting
# may go unnoticed. The watch's state line changes at every run: once it is heard, events flow.
for attempt in range(3):
    if wait_for(lambda: any(e[0] == "object:property-change:accessible-name" for e in events), 5):
        break
    pyatspi.Registry.deregisterEventListener(on_event, *EVENTS)
    pyatspi.Registry.registerEventListener(on_event, *EVENTS)
check(any(e[0] == "object:property-change:accessible-name" for e in events),
      "the app's events reach a listener")
window = wait_for(lambda: find(app, "frame", "Session 1 — Task Runner"))
if not check(window is not None, "its window is named Session 1 — Task Runner"):
    finish()
session = find(window, "filler", "Session runner")
shared = find(window, "filler", "Global runner")
check(session is not None and shared is not None, "the session and the shared view are there")

# Names: every control a user can reach has one; no unnamed thing of unknown role in the
# status bar.
def interactive(node):
    s = states(node)
    return s.contains(pyatspi.STATE_SHOWING) and (
        s.contains(pyatspi.STATE_FOCUSABLE) or bool(action_names(node)))


unnamed = [f"{n.getRoleName()} in {n.parent.name or n.parent.getRoleName()}"
           for n in walk(window) if interactive(n) and not (n.name or "").strip()]
check(not unnamed, "every interactive control is named", ", ".join(unnamed))
status_bar = find(window, "status bar")
odd = [c for c in (status_bar.getChildAtIndex(i) for i in range(status_bar.childCount))
       if not c.name and c.getRoleName() == "unknown"] if status_bar else ["no status bar"]
check(not odd, "the status bar has no unnamed child of unknown role")

# Focus: on Add Task, and only there.
add = find(session, "push button", "Add Task")
wait_for(lambda: states(window).contains(pyatspi.STATE_ACTIVE))
focused = wait_for(lambda: [n for n in walk(window) if states(n).contains(pyatspi.STATE_FOCUSED)])
check(focused == [add], "only Add Task reports focused",
      str([(n.getRoleName(), n.name) for n in focused or []]))

# The interval: its value, range, real step, and actions that carry no Alt+I.
spin = find(shared, "spin button", "Interval (seconds)")
value = spin.queryValue()
check(abs(value.currentValue - 0.33) < 1e-9, "the interval reads 0.33", str(value.currentValue))
check(value.minimumValue == 0.001 and value.maximumValue == 31536000,
      "the interval's range is 0.001 – 31536000",
      f"{value.minimumValue} – {value.maximumValue}")
check(abs(value.minimumIncrement - 0.01) < 1e-9, "the interval's step is 0.01",
      str(value.minimumIncrement))
spin_action = spin.queryAction()
bindings = {spin_action.getName(i): spin_action.getKeyBinding(i)
            for i in range(spin_action.nActions)}
check(bindings.get("Increase") == "Up" and bindings.get("Decrease") == "Down",
      "Increase and Decrease are bound to Up and Down, not to the label's Alt+I", str(bindings))
since = len(events)
value.currentValue = 1.5
check(wait_for(lambda: abs(spin.queryValue().currentValue - 1.5) < 1e-9),
      "the interval takes 1.5")
# No event is asserted for the new value: the spin box sends a value change, but with Debian
# 12's Qt 6.4.2 bridge it does not reach this listener (why is not known). The value itself is
# read above.
check(abs(spin.queryValue().minimumIncrement - 0.1) < 1e-9, "at 1.5 s the step is 0.1",
      str(spin.queryValue().minimumIncrement))

# Add Task three times: the queue and status texts, and one event per change of the status.
status = find(session, "label", description="Status")
queue = find(session, "label", description="Queue length")
session_result = find(session, "label", description="Last result")
check(status.name == "The queue is empty", "the status reads The queue is empty", status.name)
since = len(events)
for count, (text, waiting) in enumerate([("Processing: 1 item left.", "Queue: 0 tasks waiting"),
                                         ("Processing: 2 items left.", "Queue: 1 task waiting"),
                                         ("Processing: 3 items left.", "Queue: 2 tasks waiting")],
                                        1):
    do(add, "Press")
    check(wait_for(lambda: status.name == text and queue.name == waiting, 5),
          f"after {count} × Add Task: {text} {waiting}", f"{status.name} {queue.name}")
check(wait_for(lambda: status.name == "The queue is empty", 15),
      "the three tasks end: The queue is empty", status.name)
seen = name_events(status, since)
check(seen.count("The queue is empty") == 1,
      "one name-change event brings The queue is empty", str(seen))
check(re.match(r"Last Result: .*\d\d:\d\d:\d\d[.,]\d{3}$", session_result.name) is not None,
      "the last result is a date-time",
      session_result.name)

# A command typed into the command field: its output, then a failing one and its exit status.
command = find(session, "text", "Command")
since = len(events)
command.queryEditableText().setTextContents("echo hello-atspi")
do(add, "Press")
check(wait_for(lambda: session_result.name == "Last Result: hello-atspi", 10),
      "a typed command's output is its result", session_result.name)
check(name_events(session_result, since).count("Last Result: hello-atspi") == 1,
      "one name-change event brings it", str(name_events(session_result, since)))
since = len(events)
command.queryEditableText().setTextContents("sh -c 'echo broken >&2; exit 3'")
do(add, "Press")
failure = "Last Result: Error: exit status 3: broken"
check(wait_for(lambda: session_result.name == failure, 10), "a failing command shows its exit status",
      session_result.name)
check(name_events(session_result, since).count(failure) == 1,
      "one name-change event brings the failure", str(name_events(session_result, since)))
tasks = wait_for(lambda: find(session, "table", "Tasks"))
check(tasks is not None, "the tasks are a table named Tasks")


def cells(table):
    t = table.queryTable()
    return [[(t.getAccessibleAt(r, c).name or "") for c in range(t.nColumns)]
            for r in range(t.nRows)]


def row_with(table, text):
    for r, row in enumerate(cells(table)):
        if any(text in cell for cell in row):
            return r, row
    return None


found = wait_for(lambda: row_with(tasks, "exit 3"))
check(found is not None and any("failed" in c.lower() for c in found[1])
      and any("exit status 3" in c for c in found[1]), "its row says failed, exit status 3",
      str(found))

# Cancel a running task.
command.queryEditableText().setTextContents("sleep 30")
do(add, "Press")
check(wait_for(lambda: status.name == "Processing: 1 item left.", 5), "sleep 30 runs", status.name)
found = wait_for(lambda: row_with(tasks, "sleep 30"))
if found:
    # Selects the row, as a click on it would.
    do(tasks.queryTable().getAccessibleAt(found[0], 1), "Toggle")
cancel = find(session, "push button", "Cancel Task")
check(wait_for(lambda: states(cancel).contains(pyatspi.STATE_ENABLED)),
      "Cancel Task is enabled for the running task")
do(cancel, "Press")
check(wait_for(lambda: status.name == "The queue is empty", 5), "Cancel Task stops it at once",
      status.name)
check(wait_for(lambda: any("cancel" in c.lower() for c in row_with(tasks, "sleep 30")[1])),
      "its row says cancelled", str(row_with(tasks, "sleep 30")))

# The session's Pause Queue: named by its text, one name change per toggle.
pause_queue = find(session, "push button", "Pause Queue")
for before, after in (("Pause Queue", "Resume Queue"), ("Resume Queue", "Pause Queue")):
    since = len(events)
    do(pause_queue, "Press")
    check(wait_for(lambda: pause_queue.name == after), f"{before} becomes {after}",
          pause_queue.name)
    check(settled(lambda: name_events(pause_queue, since) == [after]),
          "with one name-change event", str(name_events(pause_queue, since)))

# Pause and Resume: one name change each, none while the watch runs.
pause = find(shared, "push button", "Pause")
shared_result = find(shared, "label", description="Last result")
since = len(events)
first = shared_result.name
check(wait_for(lambda: shared_result.name != first, 10) and
      wait_for(lambda: len(set(name_events(shared_result, since))) >= 2, 10),
      "the watch runs twice")
buttons = [e for e in events[since:] if e[0] == "object:property-change:accessible-name"
           and e[1].getRoleName() == "push button"]
check(not buttons, "no button announces an unchanged name while the watch runs",
      str([e[2] for e in buttons]))
repeated = [(e[1].name, e[2]) for i, e in enumerate(events[since:], since)
            if e[0] == "object:property-change:accessible-name" and
            [p[2] for p in events[since:i] if p[0] == e[0] and p[1] == e[1]][-1:] == [e[2]]]
check(not repeated, "no control announces the same name twice in a row", str(repeated))
since = len(events)
do(pause, "Press")
check(wait_for(lambda: pause.name == "Resume"), "Pause becomes Resume", pause.name)
check(settled(lambda: name_events(pause, since) == ["Resume"]), "with one name-change event",
      str(name_events(pause, since)))
check(wait_for(lambda: find(shared, "label", description="State of the watch").name == "paused"),
      "the watch's state reads paused")
do(pause, "Press")
check(wait_for(lambda: pause.name == "Pause"), "Resume becomes Pause", pause.name)

# Watches: make a command watch with New Watch…, read its result and history, remove it.
opener = later("New Watch…")
dialog = wait_for(lambda: find(app, "dialog", "New Watch"))
check(dialog is not None, "New Watch… opens its dialog")
if dialog:
    find(dialog, "text", "Name").queryEditableText().setTextContents("answer")
    find(dialog, "text", "Command").queryEditableText().setTextContents("echo 42")
    create = wait_for(lambda: [b for b in find_all(dialog, "push button", "Create")
                               if states(b).contains(pyatspi.STATE_ENABLED)])
    check(bool(create), "Create is enabled once name and command are fine")
    if create:
        do(create[0], "Press")
opener.wait(timeout=10)
check(wait_for(lambda: find(shared, "label", "Key: answer")), "the window shows the new watch")
check(wait_for(lambda: find(shared, "label", "Last Result: 42"), 10), "its result reads 42")
history_button = find(shared, "check box", "History")
do(history_button, "Toggle")
check(wait_for(lambda: states(history_button).contains(pyatspi.STATE_CHECKED)),
      "History is checked once shown")
history = wait_for(lambda: [lst for lst in find_all(shared, "list", "History")
                            if lst.childCount > 0])
check(bool(history) and "42" in (history[0].getChildAtIndex(0).name or ""),
      "its history lists a run of 42",
      history and history[0].getChildAtIndex(0).name)
remover = later("Remove Watch")
question = wait_for(lambda: find(app, "dialog", "Remove Watch"))
check(question is not None, "Remove Watch asks first")
if question:
    do(find(question, "push button", "Remove"), "Press")
remover.wait(timeout=10)
check(wait_for(lambda: find(shared, "label", "Key: example-worker")),
      "removed, the window shows example-worker again")
combo = find(shared, "combo box")
check(combo is not None and all(
    "answer" not in (item.name or "") for item in find_all(combo, "list item")),
      "the watch is gone from the list")

# The task history window.
do(find(window, "menu item", "Task History…"), "Press")
history_window = wait_for(lambda: find(app, "frame", "History — Task Runner"))
check(history_window is not None, "Task History… opens the history window",
      str([(c.getRoleName(), c.name) for c in (app.getChildAtIndex(i) for i in range(app.childCount))]))
if history_window:
    table = wait_for(lambda: find(history_window, "table", "History"))
    check(table is not None and wait_for(lambda: row_with(table, "hello-atspi")),
          "it lists the typed command")
    do(find(history_window, "push button", "Close"), "Press")
    check(wait_for(lambda: not find(app, "frame", "History — Task Runner")),
          "Close closes it")

# Quit from the menu: the app ends.
do(find(window, "menu item", "Quit"), "Press")
check(wait_for(lambda: not os.path.exists(f"/proc/{PID}") or
               open(f"/proc/{PID}/stat").read().split()[2] == "Z", 10), "Quit ends the app")
finish()
