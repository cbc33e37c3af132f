// The baseline of the start-up measurement: a minimal Qt Widgets program built the same way
// as taskrunner, which shows one window and quits as `taskrunner --exit-after-first-frame`
// does (a queued quit once the window is shown).
#include <QApplication>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(QStringLiteral("Hello"));
    window.show();
    QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    return app.exec();
}
