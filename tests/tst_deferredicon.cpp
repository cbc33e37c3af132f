#include "deferredicon.h"

#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <QStyleFactory>
#include <QTest>

class tst_DeferredIcon : public QObject
{
    Q_OBJECT

private slots:
    void madeOnFirstUseOnlyOnce();
    void changingACopyLeavesTheOriginal();
    void nullIconStaysNull();
    void styleIconsMatchTheBaseStyle();
    void highDpiPixmapsMatchThePlainIcon();
};

namespace {

QIcon countingIcon(int &calls)
{
    return DeferredIcon::create([&calls] {
        ++calls;
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::red);
        return QIcon(pixmap);
    });
}

} // namespace

void tst_DeferredIcon::madeOnFirstUseOnlyOnce()
{
    int calls = 0;
    QIcon icon = countingIcon(calls);
    QApplication::setWindowIcon(icon);
    QCOMPARE(calls, 0);

    const QImage image = icon.pixmap(16, 16).toImage();
    QCOMPARE(calls, 1);
    QCOMPARE(image.size(), QSize(16, 16));
    QCOMPARE(image.pixelColor(8, 8), QColor(Qt::red));
    QCOMPARE(icon.availableSizes(), QList<QSize>{QSize(16, 16)});
    QVERIFY(!icon.isNull());
    QCOMPARE(calls, 1);
    QApplication::setWindowIcon(QIcon());
}

void tst_DeferredIcon::changingACopyLeavesTheOriginal()
{
    int calls = 0;
    const QIcon icon = countingIcon(calls);
    QIcon copy = icon;
    QCOMPARE(calls, 0);
    QPixmap blue(32, 32);
    blue.fill(Qt::blue);
    copy.addPixmap(blue);
    QCOMPARE(copy.availableSizes(), (QList<QSize>{QSize(16, 16), QSize(32, 32)}));
    QCOMPARE(copy.pixmap(32, 32).toImage().pixelColor(8, 8), QColor(Qt::blue));
    QCOMPARE(icon.availableSizes(), QList<QSize>{QSize(16, 16)});
    QCOMPARE(calls, 1);
}

void tst_DeferredIcon::nullIconStaysNull()
{
    int calls = 0;
    const QIcon icon = DeferredIcon::create([&calls] {
        ++calls;
        return QIcon();
    });
    QVERIFY(icon.isNull());
    QCOMPARE(calls, 1);
    QVERIFY(icon.pixmap(16, 16).isNull());
}

void tst_DeferredIcon::styleIconsMatchTheBaseStyle()
{
    const QString name = QStringLiteral("Fusion");
    QScopedPointer<QStyle> plain(QStyleFactory::create(name));
    DeferredIconStyle deferred(QStyleFactory::create(name));
    for (const auto standardIcon : {QStyle::SP_ToolBarHorizontalExtensionButton,
                                    QStyle::SP_MessageBoxWarning, QStyle::SP_DialogOkButton}) {
        const QImage expected = plain->standardIcon(standardIcon).pixmap(16, 16).toImage();
        QVERIFY(!expected.isNull());
        QCOMPARE(deferred.standardIcon(standardIcon).pixmap(16, 16).toImage(), expected);
    }
}

void tst_DeferredIcon::highDpiPixmapsMatchThePlainIcon()
{
    QPixmap small(16, 16);
    small.fill(Qt::red);
    QPixmap large(32, 32);
    large.fill(Qt::blue);
    QIcon plain;
    plain.addPixmap(small);
    plain.addPixmap(large);
    const QIcon deferred = DeferredIcon::create([plain] { return plain; });
    for (const qreal ratio : {1.0, 1.5, 2.0}) {
        const QPixmap expected = plain.pixmap(QSize(16, 16), ratio);
        const QPixmap actual = deferred.pixmap(QSize(16, 16), ratio);
        QCOMPARE(actual.size(), expected.size());
        QCOMPARE(actual.devicePixelRatio(), expected.devicePixelRatio());
        QCOMPARE(actual.toImage(), expected.toImage());
    }
}

QTEST_MAIN(tst_DeferredIcon)
#include "tst_deferredicon.moc"
