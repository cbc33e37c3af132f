#include "frameoverlay.h"

#include <QEvent>
#include <QFrame>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

#include <cmath>

namespace {

bool isFractional(qreal ratio)
{
    return std::abs(ratio - std::round(ratio)) > 1e-6;
}

// Paints `area`'s frame as QFrame::drawFrame() does, from above the area's children.
class Overlay : public QWidget
{
public:
    explicit Overlay(QFrame *area)
        : QWidget(area)
        , m_area(area)
    {
        setObjectName(QStringLiteral("frameOverlay"));
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
    }

private:
    QFrame *m_area;
};

class Keeper : public QObject
{
public:
    explicit Keeper(QFrame *area)
        : QObject(area)
        , m_area(area)
    {
        area->installEventFilter(this);
        for (QObject *child : area->children())
            if (child->isWidgetType())
                child->installEventFilter(this);
        follow();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_area) {
            // The scroll area raises its scroll bars when it lays them out: stay above them.
            if (event->type() == QEvent::ZOrderChange && m_overlay && watched != m_overlay &&
                m_overlay->isVisible())
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
            if (child->isWidgetType() && child != m_overlay) {
                child->installEventFilter(this);
                if (m_overlay)
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
        if (needed && !m_overlay)
            m_overlay = new Overlay(m_area);
        if (!m_overlay)
            return;
        m_overlay->setGeometry(m_area->rect());
        m_overlay->raise();
        m_overlay->setVisible(needed);
    }

    QFrame *m_area;
    Overlay *m_overlay = nullptr;
};

} // namespace

void FrameOverlay::install(QFrame *area)
{
    new Keeper(area);
}
