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
