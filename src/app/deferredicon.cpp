#include "deferredicon.h"

#include <QApplication>
#include <QIconEngine>
#include <QPointer>
#include <QWidget>

#include <optional>

namespace {

class DeferredIconEngine : public QIconEngine
{
public:
    explicit DeferredIconEngine(std::function<QIcon()> factory)
        : m_factory(std::move(factory))
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    // QIcon asks an engine for pixmap() at a device pixel ratio of 1, and for scaledPixmap()
    // with `size` already in device pixels: neither may scale again.
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, 1.0, mode, state);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        return icon().pixmap((QSizeF(size) / scale).toSize(), scale, mode, state);
    }
    void addPixmap(const QPixmap &pixmap, QIcon::Mode mode, QIcon::State state) override
    {
        icon().addPixmap(pixmap, mode, state);
    }
    void addFile(const QString &fileName, const QSize &size, QIcon::Mode mode,
                 QIcon::State state) override
    {
        icon().addFile(fileName, size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    QString iconName() override { return icon().name(); }
    bool isNull() override { return icon().isNull(); }
    QString key() const override { return QStringLiteral("DeferredIconEngine"); }
    // QIcon clones its engine when a shared icon is changed (after asking isNull(), so the
    // icon is usually made by then); the clone has its own copy.
    QIconEngine *clone() const override { return new DeferredIconEngine(*this); }

private:
    DeferredIconEngine(const DeferredIconEngine &other) = default;

    QIcon &icon()
    {
        if (!m_icon) {
            m_icon = m_factory();
            m_factory = nullptr;
        }
        return *m_icon;
    }

    std::function<QIcon()> m_factory;
    std::optional<QIcon> m_icon;
};

} // namespace

namespace DeferredIcon {

QIcon create(std::function<QIcon()> factory)
{
    return QIcon(new DeferredIconEngine(std::move(factory)));
}

} // namespace DeferredIcon

DeferredIconStyle::DeferredIconStyle(QStyle *base)
    : QProxyStyle(base)
{
    setObjectName(base->objectName());
}

QIcon DeferredIconStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                      const QWidget *widget) const
{
    // An option cannot be kept for later (it is the caller's and may be a subclass).
    if (option)
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    return DeferredIcon::create([style = QPointer<QStyle>(baseStyle()), standardIcon,
                                 widget = QPointer<const QWidget>(widget)] {
        // This style and its base go together; if they were replaced, ask the new style.
        QStyle *from = style ? style.data() : QApplication::style();
        return from->standardIcon(standardIcon, nullptr, widget.data());
    });
}
