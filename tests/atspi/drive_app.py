#!/usr/bin/python3
"""Drives a running taskrunner through AT-SPI; see tests/atspi/run."""
import pyatspi, time
d = pyatspi.Registry.getDesktop(0)
app = [d.getChildAtIndex(i) for i in range(d.childCount) if 'taskrunner' in (d.getChildAtIndex(i).name or '')][0]
def find(node, role, name=None, out=None):
    out = [] if out is None else out
    if node.getRoleName()==role and (name is None or node.name==name): out.append(node)
    for k in range(node.childCount): find(node.getChildAtIndex(k), role, name, out)
    return out
labels = lambda: [l.name for l in find(app,'label')]
print("before:", labels()[:6], flush=True)
btn = find(app,'push button','Add Task')[0]
act = btn.queryAction(); print("actions:", [act.getName(i) for i in range(act.nActions)], flush=True)
for _ in range(3): act.doAction(0); time.sleep(0.25)
time.sleep(0.5)
print("after 3 presses:", labels()[:6], flush=True)
time.sleep(3.2)
print("3.7 s later:", labels()[:6], [l.name for l in find(app,"label")][-1], flush=True)
spin = find(app,'spin button','Interval (seconds)')[0]
val = spin.queryValue(); print("interval:", val.currentValue, flush=True)
val.currentValue = 1.5
time.sleep(0.3)
print("interval now:", spin.queryValue().currentValue, flush=True)

# Watches: make a command watch with New Watch…, read its result and history, remove it.
import subprocess, sys
def later(path_names):
    # A modal dialog's exec() holds the D-Bus reply of the action that opened it: trigger the
    # action from another process, which may wait, while this one fills the dialog.
    script = ("import pyatspi\n"
              "d = pyatspi.Registry.getDesktop(0)\n"
              "app = [d.getChildAtIndex(i) for i in range(d.childCount) if 'taskrunner' in (d.getChildAtIndex(i).name or '')][0]\n"
              "def find(n, role, name):\n"
              "    if n.getRoleName() == role and n.name == name: return n\n"
              "    for k in range(n.childCount):\n"
              "        f = find(n.getChildAtIndex(k), role, name)\n"
              "        if f: return f\n"
              f"find(app, 'menu item', {path_names!r}).queryAction().doAction(0)\n")
    return subprocess.Popen([sys.executable, '-c', script])
def wait_for(what, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        found = what()
        if found:
            return found
        time.sleep(0.1)
    raise SystemExit("timed out waiting for " + what.__doc__ if what.__doc__ else "timed out")
opener = later('New Watch…')
def dialog():
    "the New Watch dialog"
    return [w for w in find(app, 'dialog') if 'Watch' in (w.name or '')]
dlg = wait_for(dialog)[0]
find(dlg, 'text', 'Name')[0].queryEditableText().setTextContents('answer')
find(dlg, 'text', 'Command')[0].queryEditableText().setTextContents('echo 42')
time.sleep(0.3)
create = find(dlg, 'push button', 'Create')[0]
create.queryAction().doAction(0)
opener.wait(timeout=10)
def result():
    "the watch's result"
    return [n for n in labels() if n == 'Last Result: 42']
wait_for(result)
print("new watch:", [(c.name, c.description) for c in find(app, 'combo box')], result(), flush=True)
history_button = find(app, 'check box', 'History')[0]  # a checkable tool button
history_button.queryAction().doAction(0)
def history():
    "the history list"
    lists = find(app, 'list', 'History')
    return lists and lists[0].childCount > 0 and lists[0]
lst = wait_for(history)
print("history:", [lst.getChildAtIndex(i).name for i in range(lst.childCount)][:3], flush=True)
remover = later('Remove Watch')
def question():
    "the removal question"
    return [w for w in find(app, 'dialog') if w.name == 'Remove Watch']
q = wait_for(question)[0]
find(q, 'push button', 'Remove')[0].queryAction().doAction(0)
remover.wait(timeout=10)
def gone():
    "the default watch back"
    return [n for n in labels() if n == 'Key: example-worker']
wait_for(gone)
print("removed:", gone(), flush=True)
