#include "connectionsdock.h"

#include "item/connectiontreemodel.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

ConnectionsDock::ConnectionsDock(ConnectionTreeModel *connections, QWidget *parent)
    : QDockWidget(tr("Connections"), parent), m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("connectionsDock"));
    setFeatures(DockWidgetMovable | DockWidgetFloatable | DockWidgetClosable);
    m_view->setObjectName(QStringLiteral("connectionsView"));
    m_view->setAccessibleName(tr("Connections and environments"));
    m_view->setModel(connections);
    m_view->setUniformRowHeights(true);
    m_view->setRootIsDecorated(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ConnectionTreeModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ConnectionTreeModel::StateColumn, QHeaderView::ResizeToContents);
    connect(connections, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::expandAll);

    auto *showAll = new QPushButton(tr("All flags"), this);
    showAll->setObjectName(QStringLiteral("showAllButton"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeConnectionButton"));
    remove->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(showAll);
    buttons->addStretch();
    buttons->addWidget(remove);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view);
    layout->addLayout(buttons);
    setWidget(content);

    // The chosen row narrows the table, not the focus arriving in the tree (which makes the first
    // row current without choosing it).
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, remove] {
        const QModelIndexList chosen = m_view->selectionModel()->selectedRows();
        const QModelIndex current = chosen.isEmpty() ? QModelIndex() : chosen.constFirst();
        remove->setEnabled(current.isValid());
        Q_EMIT scopeChanged(current.data(ConnectionTreeModel::ConnectionIdRole).toString(),
                            current.data(ConnectionTreeModel::EnvironmentRole).toString());
    });
    connect(showAll, &QPushButton::clicked, this, [this] {
        m_view->setCurrentIndex(QModelIndex());
        m_view->clearSelection();
    });
    // What else can be done with one connection, on a right click.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const QString id = m_view->indexAt(position).data(ConnectionTreeModel::ConnectionIdRole).toString();
        if (id.isEmpty())
            return;
        QMenu menu(this);
        QAction *tokenFile = menu.addAction(tr("Write token file for a guard…"));
        tokenFile->setObjectName(QStringLiteral("writeTokenFileAction"));
        connect(tokenFile, &QAction::triggered, this, [this, id] { Q_EMIT writeTokenFileRequested(id); });
        connect(menu.addAction(tr("Remove…")), &QAction::triggered, this, [this, id] { Q_EMIT removeRequested(id); });
        menu.exec(m_view->viewport()->mapToGlobal(position));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QString id = m_view->currentIndex().data(ConnectionTreeModel::ConnectionIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT removeRequested(id);
    });
}

int ConnectionsDock::narrowWidth() const
{
    // Room for a server's name beside its state, as a person names them.
    return std::clamp(fontMetrics().averageCharWidth() * 32, 160, 260);
}

void ConnectionsDock::closeEvent(QCloseEvent *event)
{
    QDockWidget::closeEvent(event);
    Q_EMIT closedByPerson();
}
