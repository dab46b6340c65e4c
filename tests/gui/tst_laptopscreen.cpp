// The console as it opens on a laptop's 1366×768 screen, in English and in German: the columns a
// person acts on in an incident are in view without scrolling sideways, and no word is cut.
#include "auditbrowser.h"
#include "connectionsdock.h"
#include "control/killswitch.h"
#include "item/activitylogmodel.h"
#include "stageview.h"
#include "consolegui.h"
#include "store/memorysecretstore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QScreen>
#include <QScrollBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeView>

class tst_LaptopScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void theIncidentColumnsFitWithoutScrolling_data();
    void theIncidentColumnsFitWithoutScrolling();
    void theFlagColumnStaysWhenScrollingSideways();
    void theConnectionsDockIsNarrowAndOnTheFlagsTabOnly();
    void theServerColumnShowsForASecondConnection();

private:
    // Every visible text of the window that is drawn shorter than it needs.
    QStringList cutTexts() const;

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ConsoleGui::SandboxConsole> m_console;
    QTranslator m_german;
};

void tst_LaptopScreen::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_secrets = std::make_unique<MemorySecretStore>();
    m_console = std::make_unique<ConsoleGui::SandboxConsole>(m_folder->path(), m_secrets.get());
}

void tst_LaptopScreen::cleanup()
{
    m_console.reset();
    m_secrets.reset();
    m_folder.reset();
    QApplication::removeTranslator(&m_german);
}

QStringList tst_LaptopScreen::cutTexts() const
{
    QStringList cut;
    MainWindow &window = m_console->window();
    for (const QLabel *label : window.findChildren<QLabel *>()) {
        if (label->isVisible() && !label->wordWrap() && !label->text().isEmpty()
            && label->sizeHint().width() > label->width())
            cut << QStringLiteral("label \"%1\": needs %2 px, has %3").arg(label->text()).arg(label->sizeHint().width()).arg(label->width());
    }
    for (const QAbstractButton *button : window.findChildren<QAbstractButton *>()) {
        if (button->isVisible() && !button->text().isEmpty() && button->sizeHint().width() > button->width())
            cut << QStringLiteral("button \"%1\": needs %2 px, has %3").arg(button->text()).arg(button->sizeHint().width()).arg(button->width());
    }
    for (const QTabBar *tabs : window.findChildren<QTabBar *>()) {
        for (int tab = 0; tab < tabs->count(); ++tab) {
            const int words = tabs->fontMetrics().horizontalAdvance(tabs->tabText(tab).remove(QLatin1Char('&')));
            if (tabs->isVisible() && tabs->tabRect(tab).width() < words + 16)
                cut << QStringLiteral("tab \"%1\"").arg(tabs->tabText(tab));
        }
    }
    // The flag table's incident columns, header and every row.
    FlagTableView *table = window.flagTable();
    QStyleOptionViewItem option;
    option.font = table->font();
    option.fontMetrics = table->fontMetrics();
    option.features = QStyleOptionViewItem::HasDisplay;
    option.widget = table;
    for (const int column : {FlagTableModel::KeyColumn, FlagTableModel::EnvironmentColumn, FlagTableModel::StateColumn,
                             FlagTableModel::ActionColumn, FlagTableModel::HealthColumn, FlagTableModel::StageColumn}) {
        const QString header = table->model()->headerData(column, Qt::Horizontal).toString();
        if (table->horizontalHeader()->sectionSizeHint(column) > table->columnWidth(column))
            cut << QStringLiteral("header \"%1\"").arg(header);
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, column);
            if (table->itemDelegate()->sizeHint(option, index).width() > table->columnWidth(column))
                cut << QStringLiteral("%1 \"%2\"").arg(header, index.data().toString());
        }
    }
    // The activity list's kinds (its messages are elided on purpose: each is whole in its tooltip).
    if (const auto *activity = window.findChild<QTableView *>(QStringLiteral("activityList")); activity && activity->isVisible()) {
        QStyleOptionViewItem activityOption = option;
        activityOption.widget = activity;
        for (int row = 0; row < activity->model()->rowCount(); ++row) {
            const QModelIndex kind = activity->model()->index(row, ActivityLogModel::KindColumn);
            if (activity->itemDelegate()->sizeHint(activityOption, kind).width() > activity->columnWidth(ActivityLogModel::KindColumn))
                cut << QStringLiteral("activity kind \"%1\"").arg(kind.data().toString());
        }
    }
    // The connections' names beside their states.
    const QTreeView *connections = window.findChild<ConnectionsDock *>()->view();
    if (connections->isVisible()) {
        QStyleOptionViewItem treeOption = option;
        treeOption.widget = connections;
        const QAbstractItemModel *model = connections->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex server = model->index(row, 0);
            for (int child = -1; child < model->rowCount(server); ++child) {
                const QModelIndex name = child < 0 ? server : model->index(child, 0, server);
                const int room = connections->visualRect(name).width();
                if (connections->itemDelegate()->sizeHint(treeOption, name).width() > room)
                    cut << QStringLiteral("connection \"%1\"").arg(name.data().toString());
            }
        }
    }
    return cut;
}

void tst_LaptopScreen::theIncidentColumnsFitWithoutScrolling_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("German") << QStringLiteral("de");
}

void tst_LaptopScreen::theIncidentColumnsFitWithoutScrolling()
{
    QFETCH(QString, language);
    if (language == QLatin1String("de")) {
        QVERIFY(m_german.load(QLocale(language), QStringLiteral("flagdeck"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QApplication::installTranslator(&m_german);
    }
    QVERIFY(m_console->start(ConsoleGui::SandboxConsole::Size::FitScreen));
    MainWindow &window = m_console->window();
    const QRect screen = window.screen()->availableGeometry();
    QCOMPARE(screen.size(), QSize(1366, 768));
    QTRY_VERIFY(window.frameGeometry().width() <= screen.width() && window.frameGeometry().height() <= screen.height());
    QVERIFY(window.width() >= screen.width() - 20); // and uses what there is

    // A regressed flag and a kill: the widest words the columns show in an incident.
    // (The sandbox keeps its flags between runs: the first one that is on.)
    const FlagStore *flags = window.models()->flags()->store();
    FlagRef killed;
    for (int index = 0; index < flags->count() && killed.key.isEmpty(); ++index) {
        if (flags->at(index).flag.enabled)
            killed = flags->at(index).ref;
    }
    m_console->controller().killSwitch()->kill({killed});
    QTRY_COMPARE(window.models()->flags()->indexOf(killed, FlagTableModel::StateColumn).data(FlagTableModel::StateKindRole).toInt(),
                 int(FlagTableModel::StateKind::Killed));
    window.selectFlag(QStringLiteral("chat-model-route"));
    QApplication::processEvents();

    FlagTableView *table = window.flagTable();
    QCOMPARE(table->horizontalScrollBar()->value(), 0);
    for (const int column : {FlagTableModel::KeyColumn, FlagTableModel::StateColumn, FlagTableModel::ActionColumn,
                             FlagTableModel::HealthColumn, FlagTableModel::StageColumn})
        QVERIFY2(table->isColumnFullyVisible(column),
                 qPrintable(QStringLiteral("%1 is not wholly in view: at %2, %3 px wide, in a %4 px table")
                                .arg(table->model()->headerData(column, Qt::Horizontal).toString())
                                .arg(table->columnViewportPosition(column))
                                .arg(table->columnWidth(column))
                                .arg(table->viewport()->width())
                                + QStringLiteral("; columns %1, dock %2, detail at %3").arg([table] {
                                      QStringList widths;
                                      for (int c = 0; c < FlagTableModel::ColumnCount; ++c)
                                          widths << QString::number(table->isColumnHidden(c) ? 0 : table->columnWidth(c));
                                      return widths.join(QLatin1Char(' '));
                                  }()).arg(window.findChild<ConnectionsDock *>()->width()).arg(window.stageView()->mapTo(&window, QPoint()).x())));
    const QStringList cut = cutTexts();
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

void tst_LaptopScreen::theFlagColumnStaysWhenScrollingSideways()
{
    QVERIFY(m_console->start(ConsoleGui::SandboxConsole::Size::FitScreen));
    FlagTableView *table = m_console->window().flagTable();
    table->resize(500, table->height()); // narrower than its columns, as a dragged splitter makes it
    QApplication::processEvents();
    QVERIFY(table->horizontalScrollBar()->maximum() > 0);
    table->horizontalScrollBar()->setValue(table->horizontalScrollBar()->maximum());
    auto *frozen = table->findChild<QTableView *>(QStringLiteral("frozenFlagColumn"));
    QVERIFY(frozen && frozen->isVisible());
    QCOMPARE(frozen->geometry().left(), table->frameWidth());
    QCOMPARE(frozen->width(), table->columnWidth(FlagTableModel::KeyColumn));
    // A click on a flag's name there selects its row in the table.
    const QModelIndex third = frozen->model()->index(2, FlagTableModel::KeyColumn);
    QTest::mouseClick(frozen->viewport(), Qt::LeftButton, {}, frozen->visualRect(third).center());
    QCOMPARE(table->currentIndex().row(), 2);
    QCOMPARE(table->horizontalScrollBar()->value(), table->horizontalScrollBar()->maximum()); // no jump back
    // Its header sorts the table, as the table's own does.
    QTest::mouseClick(frozen->horizontalHeader()->viewport(), Qt::LeftButton, {},
                      QPoint(frozen->columnWidth(FlagTableModel::KeyColumn) / 2, frozen->horizontalHeader()->height() / 2));
    QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
}

void tst_LaptopScreen::theConnectionsDockIsNarrowAndOnTheFlagsTabOnly()
{
    QVERIFY(m_console->start(ConsoleGui::SandboxConsole::Size::FitScreen));
    MainWindow &window = m_console->window();
    auto *dock = window.findChild<ConnectionsDock *>();
    // Closed at first on a laptop, so the table gets the width; Ctrl+0 opens it.
    QVERIFY(!dock->isVisible());
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(dock->isVisible());
    QVERIFY2(dock->width() <= 260, qPrintable(QString::number(dock->width())));
    window.tabs()->setCurrentWidget(window.auditBrowser());
    QVERIFY(!dock->isVisible());
    window.tabs()->setCurrentIndex(0);
    QVERIFY(dock->isVisible());
    // Closed by the person, it stays closed on the Flags tab until asked for again (Ctrl+0).
    dock->close();
    window.tabs()->setCurrentWidget(window.auditBrowser());
    window.tabs()->setCurrentIndex(0);
    QVERIFY(!dock->isVisible());
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(dock->isVisible());
}

void tst_LaptopScreen::theServerColumnShowsForASecondConnection()
{
    QVERIFY(m_console->start(ConsoleGui::SandboxConsole::Size::FitScreen));
    FlagTableView *table = m_console->window().flagTable();
    QVERIFY(table->isColumnHidden(FlagTableModel::ServerColumn)); // every row would say "Sandbox"
    m_console->controller().addSandboxConnection(QStringLiteral("Sandbox 2"));
    QTRY_VERIFY(!table->isColumnHidden(FlagTableModel::ServerColumn));
}

int main(int argc, char **argv)
{
    // A laptop's screen for the offscreen platform, before the application opens it.
    QTemporaryDir screens;
    const QString config = screens.filePath(QStringLiteral("laptop.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(R"({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                   "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + QFile::encodeName(config));
    QApplication app(argc, argv);
    tst_LaptopScreen test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_laptopscreen.moc"
