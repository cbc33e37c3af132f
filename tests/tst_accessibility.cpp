#include "appcontroller.h"
#include "applicationinfo.h"
#include "globalrunnerview.h"
#include "sessionwindow.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

namespace {

AppOptions testOptions(const QString &key)
{
    AppOptions options;
    options.globalKey = key;
    options.taskSeconds = 0.05;
    return options;
}

QAccessibleInterface *accessible(QObject *object)
{
    QAccessibleInterface *found = QAccessible::queryAccessibleInterface(object);
    Q_ASSERT(found);
    return found;
}

} // namespace

// What a screen reader reads through the accessible interfaces (the AT-SPI bridge passes them
// on as they are; tests/atspi checks the bridge with the real app).
class tst_Accessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void theIntervalReportsItsStepAndTheKeysOfItsActions();
    void onlyTheFocusedControlIsFocused();
    void theStatusBarHasOnlyNamedChildren();
    void pauseIsNamedByItsText();
    void pauseQueueIsNamedByItsText();
};

void tst_Accessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    TestSupport::installMessageGuard();
    ApplicationInfo::installTranslations();
}

void tst_Accessibility::init()
{
    TestSupport::clearAppData();
}

void tst_Accessibility::cleanup()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        widget->close();
    TASKRUNNER_VERIFY_ALL_RUNNERS_GONE();
}

void tst_Accessibility::theIntervalReportsItsStepAndTheKeysOfItsActions()
{
    AppController app(testOptions(QStringLiteral("a11y-interval")));
    SessionWindow *window = app.newWindow();
    auto *spin = window->findChild<QDoubleSpinBox *>(QStringLiteral("intervalSpinBox"));
    QVERIFY(spin);
    QAccessibleInterface *iface = accessible(spin);
    QCOMPARE(iface->role(), QAccessible::SpinBox);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Interval (seconds)"));
    QAccessibleValueInterface *value = iface->valueInterface();
    QVERIFY(value);
    QCOMPARE(value->minimumValue().toDouble(), 0.001);
    QCOMPARE(value->maximumValue().toDouble(), 31536000.0);

    // The step Up takes from the value shown (adaptive: a power of ten below it).
    spin->setValue(0.33);
    QCOMPARE(value->currentValue().toDouble(), 0.33);
    QCOMPARE(value->minimumStepSize().toDouble(), 0.01);
    value->setCurrentValue(1.5);
    QCOMPARE(spin->value(), 1.5);
    QCOMPARE(value->minimumStepSize().toDouble(), 0.1);
    QCOMPARE(iface->text(QAccessible::Value), spin->text());

    QAccessibleActionInterface *actions = iface->actionInterface();
    QVERIFY(actions);
    const QString increase = QAccessibleActionInterface::increaseAction();
    const QString decrease = QAccessibleActionInterface::decreaseAction();
    QVERIFY(actions->actionNames().contains(increase));
    QVERIFY(actions->actionNames().contains(decrease));
    QCOMPARE(actions->keyBindingsForAction(increase), QStringList{QStringLiteral("Up")});
    QCOMPARE(actions->keyBindingsForAction(decrease), QStringList{QStringLiteral("Down")});
    actions->doAction(increase);
    QCOMPARE(spin->value(), 1.6);
    actions->doAction(decrease);
    QCOMPARE(spin->value(), 1.5);

    // The text field is no child of its own in the tree, as with Qt's spin boxes.
    QCOMPARE(iface->childCount(), 0);
}

void tst_Accessibility::onlyTheFocusedControlIsFocused()
{
    AppController app(testOptions(QStringLiteral("a11y-focus")));
    SessionWindow *window = app.newWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QWidget *add = window->findChild<QAbstractButton *>(QStringLiteral("addTaskButton"));
    QCOMPARE(QApplication::focusWidget(), add);
    QStringList focused;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (accessible(widget)->state().focused)
            focused << widget->objectName();
    }
    QCOMPARE(focused, QStringList{add->objectName()});
}

void tst_Accessibility::theStatusBarHasOnlyNamedChildren()
{
    AppController app(testOptions(QStringLiteral("a11y-status")));
    SessionWindow *window = app.newWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QAccessibleInterface *bar = accessible(window->statusBar());
    QCOMPARE(bar->role(), QAccessible::StatusBar);
    QVERIFY(bar->childCount() > 0);
    for (int i = 0; i < bar->childCount(); ++i) {
        QAccessibleInterface *child = bar->child(i);
        QVERIFY(child);
        QVERIFY2(!child->text(QAccessible::Name).isEmpty(),
                 child->object()->metaObject()->className());
        QCOMPARE(child->role(), QAccessible::StaticText);
    }
}

void tst_Accessibility::pauseIsNamedByItsText()
{
    AppController app(testOptions(QStringLiteral("a11y-pause")));
    SessionWindow *window = app.newWindow();
    auto *pause = window->findChild<QAbstractButton *>(QStringLiteral("pauseButton"));
    QVERIFY(pause);
    // No name of its own: setText() alone announces a change, and only a real one.
    QVERIFY(pause->accessibleName().isEmpty());
    QCOMPARE(accessible(pause)->text(QAccessible::Name), QStringLiteral("Pause"));
    pause->click();
    QTRY_COMPARE_WITH_TIMEOUT(accessible(pause)->text(QAccessible::Name), QStringLiteral("Resume"),
                              5000);
    pause->click();
    QTRY_COMPARE_WITH_TIMEOUT(accessible(pause)->text(QAccessible::Name), QStringLiteral("Pause"),
                              5000);
}

void tst_Accessibility::pauseQueueIsNamedByItsText()
{
    AppController app(testOptions(QStringLiteral("a11y-pause-queue")));
    SessionWindow *window = app.newWindow();
    auto *pause = window->findChild<QAbstractButton *>(QStringLiteral("pauseQueueButton"));
    QVERIFY(pause);
    // Named by its text alone, as Pause is (the AT-SPI test counts the events of a toggle).
    QVERIFY(pause->accessibleName().isEmpty());
    QCOMPARE(accessible(pause)->text(QAccessible::Name), QStringLiteral("Pause Queue"));
    pause->click();
    QTRY_VERIFY_WITH_TIMEOUT(window->runner().state().paused, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(accessible(pause)->text(QAccessible::Name),
                              QStringLiteral("Resume Queue"), 5000);
    pause->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window->runner().state().paused, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(accessible(pause)->text(QAccessible::Name),
                              QStringLiteral("Pause Queue"), 5000);
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
