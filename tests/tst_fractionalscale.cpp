// The app at 150 % (QT_SCALE_FACTOR=1.5, set for this test by CMake): the frames of the views
// that scroll stay whole, which Qt 6.4 alone does not give (see frameoverlay.h).
#include "appcontroller.h"
#include "applicationinfo.h"
#include "sessionwindow.h"
#include "testsupport.h"

#include <QAbstractScrollArea>
#include <QAccessible>
#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

namespace {

// The edges of `area` along which the window's image shows no frame line. A line is there when,
// at nine in ten places along the edge, a pixel within a device pixel of it is darker than the
// window's background just outside (text that runs to the edge darkens only some places).
QString missingFrameLines(const QImage &image, QWidget *window, QWidget *area)
{
    const qreal ratio = image.devicePixelRatio();
    const QRect logical(area->mapTo(window, QPoint(0, 0)), area->size());
    const int left = int(std::floor(logical.left() * ratio));
    const int top = int(std::floor(logical.top() * ratio));
    const int right = int(std::ceil((logical.left() + logical.width()) * ratio)) - 1;
    const int bottom = int(std::ceil((logical.top() + logical.height()) * ratio)) - 1;
    const auto gray = [&image](int x, int y) { return qGray(image.pixel(x, y)); };
    // Along an edge at `across` (x for a vertical one), from `from` to `to`; `out` steps outward.
    const auto lined = [&](bool vertical, int across, int from, int to, int out) {
        int places = 0;
        int dark = 0;
        for (int along = from + 4; along <= to - 4; ++along, ++places) {
            const auto at = [&](int offset) {
                return vertical ? gray(across + offset, along) : gray(along, across + offset);
            };
            const int outside = at(3 * out);
            const int darkest = std::min({at(-1), at(0), at(1)});
            if (darkest < outside - 25)
                ++dark;
        }
        return places > 0 && dark * 10 >= places * 9;
    };
    QStringList missing;
    if (!lined(true, left, top, bottom, -1))
        missing.append(QStringLiteral("left"));
    if (!lined(true, right, top, bottom, 1))
        missing.append(QStringLiteral("right"));
    if (!lined(false, top, left, right, -1))
        missing.append(QStringLiteral("top"));
    if (!lined(false, bottom, left, right, 1))
        missing.append(QStringLiteral("bottom"));
    return missing.join(QLatin1Char(' '));
}

} // namespace

class tst_FractionalScale : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void theTaskTableAndTheOutputKeepTheirFrames();
};

void tst_FractionalScale::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installMessageGuard();
    TestSupport::clearAppData();
    ApplicationInfo::installTranslations();
    QCOMPARE(qApp->devicePixelRatio(), 1.5);
}

void tst_FractionalScale::theTaskTableAndTheOutputKeepTheirFrames()
{
    AppOptions options;
    options.globalKey = QStringLiteral("scale-frames");
    options.taskSeconds = 0.05;
    AppController app(options);
    SessionWindow *window = app.newWindow();
    auto *add = window->findChild<QPushButton *>(QStringLiteral("addTaskButton"));
    for (int i = 0; i < 3; ++i)
        QTest::mouseClick(add, Qt::LeftButton);
    QTableView *table = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((table = window->findChild<QTableView *>(QStringLiteral("taskTable"))),
                             5000);
    table->selectRow(0);
    QPlainTextEdit *output = nullptr;
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(
        (output = window->findChild<QPlainTextEdit *>(QStringLiteral("outputEdit"))) &&
            output->isVisible(),
        5000);
    // What paints the frames again is no control for a screen reader.
    for (QWidget *area : {static_cast<QWidget *>(table), static_cast<QWidget *>(output)}) {
        auto *overlay =
            area->findChild<QWidget *>(QStringLiteral("frameOverlay"), Qt::FindDirectChildrenOnly);
        QVERIFY(overlay);
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(overlay);
        QVERIFY(accessible);
        QVERIFY(accessible->state().invisible);
        QCOMPARE(accessible->role(), QAccessible::NoRole);
    }
    // The window at several widths: each puts the views' right edges elsewhere on the pixel grid.
    for (int extra = 0; extra < 4; ++extra) {
        window->resize(window->minimumSizeHint().width() + extra, window->height() + extra);
        QTRY_COMPARE_WITH_TIMEOUT(window->width(), window->minimumSizeHint().width() + extra, 5000);
        // Waits for the layout that the resize asks for; the frames must be whole then.
        for (QWidget *area : {static_cast<QWidget *>(table), static_cast<QWidget *>(output)}) {
            const QString name = area->objectName() + QLatin1String(" lacks: ");
            QTRY_COMPARE_WITH_TIMEOUT(
                name + missingFrameLines(window->grab().toImage(), window, area), name, 5000);
        }
    }
    // The split between the table and the output moved a pixel at a time, as a drag moves it:
    // the output's top and the table's bottom edge fall on half a device pixel every other time.
    auto *splitter = window->findChild<QSplitter *>(QStringLiteral("tasksSplitter"));
    QVERIFY(splitter);
    const QList<int> sizes = splitter->sizes();
    QCOMPARE(sizes.size(), 2);
    for (int step = 1; step <= 4; ++step) {
        splitter->setSizes({sizes.at(0) + step, sizes.at(1) - step});
        for (QWidget *area : {static_cast<QWidget *>(table), static_cast<QWidget *>(output)}) {
            const QString name =
                area->objectName() + QStringLiteral(" (split moved %1) lacks: ").arg(step);
            QTRY_COMPARE_WITH_TIMEOUT(
                name + missingFrameLines(window->grab().toImage(), window, area), name, 5000);
        }
    }
}

QTEST_MAIN(tst_FractionalScale)
#include "tst_fractionalscale.moc"
