#include "frameoverlay.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QEvent>
#include <QFrame>
#include <QPainter>
#include <QPointer>
#include <QStyle>
#include <QStyleOptionFrame>

#include <cmath>

namespace {

const auto overlayName = QStringLiteral("frameOverlay");
const auto keeperName = QStringLiteral("frameOverlayKeeper");

bool isFractional(qreal ratio)
{
    return std::abs(ratio - std::round(ratio)) > 1e-6;
}

// Paints `area`'s frame as QFrame::drawFrame() does, from above the area's children. Masked to
// the frame's ring and the one pixel inside it that the children cover, so that a repaint of a
// child repaints the overlay only where it meets the frame.
class Overlay : public QWidget
{
public:
    explicit Overlay(QFrame *area)
        : QWidget(area)
        , m_area(area)
    {
        setObjectName(overlayName);
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setFocusPolicy(Qt::NoFocus);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        // What QFrame::initStyleOption() gives (it is protected).
        QStyleOptionFrame option;
        option.initFrom(m_area);
        option.rect = m_area->frameRect();
        option.frameShape = m_area->frameShape();
        switch (m_area->frameShape()) {
        case QFrame::Box:
        case QFrame::HLine:
        case QFrame::VLine:
        case QFrame::StyledPanel:
        case QFrame::Panel:
            option.lineWidth = m_area->lineWidth();
            option.midLineWidth = m_area->midLineWidth();
            break;
        default:
            option.lineWidth = m_area->frameWidth();
            break;
        }
        if (m_area->frameShadow() == QFrame::Sunken)
            option.state |= QStyle::State_Sunken;
        else if (m_area->frameShadow() == QFrame::Raised)
            option.state |= QStyle::State_Raised;
        QPainter painter(this);
        m_area->style()->drawControl(QStyle::CE_ShapedFrame, &option, &painter, m_area);
        // A top or left edge on half a device pixel: the line is drawn in the pixel row (or
        // column) that begins there, which is the parent's, outside what this widget may paint.
        // It is drawn once more from the next whole pixel, clipped to the edge's band.
        const qreal ratio = devicePixelRatioF();
        const QPointF device = QPointF(mapTo(window(), QPoint(0, 0))) * ratio;
        const qreal up = device.y() - std::floor(device.y());
        const qreal left = device.x() - std::floor(device.x());
        const qreal band = m_area->frameWidth();
        if (up > 1e-6) {
            painter.save();
            painter.setClipRect(QRectF(0, 0, width(), band));
            painter.translate(0, (1 - up) / ratio);
            m_area->style()->drawControl(QStyle::CE_ShapedFrame, &option, &painter, m_area);
            painter.restore();
        }
        if (left > 1e-6) {
            painter.setClipRect(QRectF(0, 0, band, height()));
            painter.translate((1 - left) / ratio, 0);
            m_area->style()->drawControl(QStyle::CE_ShapedFrame, &option, &painter, m_area);
        }
    }

private:
    QFrame *m_area;
};

// Nothing for a screen reader: it is part of the area's look, not a control.
class OverlayInterface : public QAccessibleWidget
{
public:
    explicit OverlayInterface(QWidget *overlay)
        : QAccessibleWidget(overlay, QAccessible::NoRole)
    {}

    QAccessible::State state() const override
    {
        QAccessible::State state = QAccessibleWidget::state();
        state.invisible = true;
        return state;
    }
};

QAccessibleInterface *overlayInterface(const QString &className, QObject *object)
{
    if (className == QLatin1String("QWidget")) {
        if (auto *overlay = dynamic_cast<Overlay *>(object))
            return new OverlayInterface(overlay);
    }
    return nullptr;
}

class Keeper : public QObject
{
public:
    explicit Keeper(QFrame *area)
        : QObject(area)
        , m_area(area)
    {
        setObjectName(keeperName);
        area->installEventFilter(this);
        follow();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_area) {
            // The scroll area raises its scroll bars when it lays them out: stay above them.
            if (event->type() == QEvent::ZOrderChange && m_overlay && watched != m_overlay &&
                watched->objectName() != overlayName && m_overlay->isVisible())
                m_overlay->raise();
            return false;
        }
        switch (event->type()) {
        case QEvent::Resize:
        case QEvent::Show:
        case QEvent::ScreenChangeInternal:
        case QEvent::StyleChange:
            follow();
            break;
        case QEvent::ChildAdded: {
            QObject *child = static_cast<QChildEvent *>(event)->child();
            if (m_overlay && child->isWidgetType() && child != m_overlay) {
                child->installEventFilter(this);
                m_overlay->raise();
            }
            break;
        }
        default:
            break;
        }
        return false;
    }

private:
    void follow()
    {
        const bool needed =
            m_area->frameShape() != QFrame::NoFrame && isFractional(m_area->devicePixelRatioF());
        if (needed && !m_overlay) {
            // The children's z-order matters only from now on: no filter on them before.
            for (QObject *child : m_area->children())
                if (child->isWidgetType())
                    child->installEventFilter(this);
            m_overlay = new Overlay(m_area);
        }
        if (!m_overlay)
            return;
        const QRect all = m_area->rect();
        const int width = m_area->frameWidth() + 1;
        m_overlay->setGeometry(all);
        m_overlay->setMask(QRegion(all).subtracted(all.adjusted(width, width, -width, -width)));
        m_overlay->raise();
        m_overlay->setVisible(needed);
    }

    QFrame *m_area;
    QPointer<Overlay> m_overlay;
};

} // namespace

void FrameOverlay::install(QFrame *area)
{
    static const bool accessible = [] {
        QAccessible::installFactory(overlayInterface);
        return true;
    }();
    Q_UNUSED(accessible)
    if (!area->findChild<QObject *>(keeperName, Qt::FindDirectChildrenOnly))
        new Keeper(area);
}
