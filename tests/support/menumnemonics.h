#pragma once

// For the window tests: the Alt+letter keys of the entries of a window's menus.

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QStringList>

namespace TestSupport {

// Empty when every entry of every menu of `bar` has a mnemonic and no two entries of one menu
// share one; else what is wrong, menu by menu.
inline QString menuMnemonicProblems(const QMenuBar *bar)
{
    QStringList problems;
    for (const QAction *menuAction : bar->actions()) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        QSet<QChar> seen;
        for (const QAction *entry : menu->actions()) {
            if (entry->isSeparator() || !entry->isVisible())
                continue;
            const QString plain = QString(entry->text()).replace(QStringLiteral("&&"), QString());
            const qsizetype at = plain.indexOf(QLatin1Char('&'));
            if (at < 0 || at + 1 >= plain.size()) {
                problems << menuAction->text() + QStringLiteral(": no key for ") + entry->text();
                continue;
            }
            const QChar letter = plain.at(at + 1).toLower();
            if (seen.contains(letter))
                problems << menuAction->text() + QStringLiteral(": '") + letter +
                                QStringLiteral("' again in ") + entry->text();
            seen.insert(letter);
        }
    }
    return problems.join(QStringLiteral("; "));
}

} // namespace TestSupport
