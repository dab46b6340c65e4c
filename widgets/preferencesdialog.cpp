#include "preferencesdialog.h"

#include "item/connectiontreemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// A line edit with a Browse… button beside it that fills it from a file dialog.
QWidget *withBrowseButton(QLineEdit *edit, const QString &accessibleName, std::function<QString()> browse, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *button = new QPushButton(PreferencesDialog::tr("Browse…"), row);
    button->setAccessibleName(accessibleName);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    QObject::connect(button, &QPushButton::clicked, edit, [edit, browse] {
        if (const QString chosen = browse(); !chosen.isEmpty())
            edit->setText(chosen);
    });
    return row;
}

} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &preferences, ConnectionTreeModel *connections, QWidget *parent)
    : QDialog(parent), m_initial(preferences), m_pages(new QTabWidget(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_pages->setObjectName(QStringLiteral("preferencePages"));
    m_pages->setAccessibleName(tr("Preference pages"));
    m_pages->addTab(createGeneralPage(), tr("&General"));
    m_pages->addTab(createConnectionsPage(connections), tr("&Connections"));
    m_pages->addTab(createContractsPage(), tr("Con&tracts"));
    m_pages->addTab(createApprovalsPage(), tr("&Approvals"));
    m_pages->addTab(createNotificationsPage(), tr("&Notifications"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
    setMinimumSize(560, 420);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QWidget *PreferencesDialog::createGeneralPage()
{
    auto *page = new QWidget(this);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageChoice"));
    const QString systemLanguage = QLocale::system().nativeLanguageName();
    m_language->addItem(systemLanguage.isEmpty() ? tr("As the system") : tr("As the system (%1)").arg(systemLanguage),
                        QString());
    for (const QString &language : Preferences::availableLanguages())
        m_language->addItem(Preferences::nativeLanguageName(language), language);
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_initial.language)));
    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("themeChoice"));
    m_theme->addItem(tr("As the system"), int(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), int(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Preferences::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(m_initial.theme)));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), noteLabel(tr("A new language shows from the next start of FlagDeck."), page));
    form->addRow(tr("T&heme:"), m_theme);
    return page;
}

QWidget *PreferencesDialog::createConnectionsPage(ConnectionTreeModel *connections)
{
    auto *page = new QWidget(this);
    m_connections = new QTreeView(page);
    m_connections->setObjectName(QStringLiteral("preferencesConnections"));
    m_connections->setAccessibleName(tr("Configured connections"));
    m_connections->setModel(connections);
    m_connections->setRootIsDecorated(false);
    m_connections->setItemsExpandable(false);
    m_connections->setUniformRowHeights(true);
    m_connections->header()->setSectionResizeMode(ConnectionTreeModel::NameColumn, QHeaderView::Stretch);
    auto *addServer = new QPushButton(tr("Add &server…"), page);
    addServer->setObjectName(QStringLiteral("preferencesAddServer"));
    auto *addSandbox = new QPushButton(tr("Add sand&box…"), page);
    auto *remove = new QPushButton(tr("&Remove"), page);
    remove->setObjectName(QStringLiteral("preferencesRemoveConnection"));
    remove->setEnabled(false);
    m_pollSeconds = new QSpinBox(page);
    m_pollSeconds->setObjectName(QStringLiteral("pollSeconds"));
    m_pollSeconds->setRange(Preferences::MinPollSeconds, Preferences::MaxPollSeconds);
    m_pollSeconds->setSuffix(tr(" s"));
    m_pollSeconds->setValue(m_initial.pollSeconds);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addServer);
    buttons->addWidget(addSandbox);
    buttons->addStretch();
    buttons->addWidget(remove);
    auto *poll = new QFormLayout;
    poll->addRow(tr("Ask Unleash servers for changes every:"), m_pollSeconds);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_connections);
    layout->addLayout(buttons);
    layout->addLayout(poll);
    layout->addWidget(noteLabel(tr("FeatBit servers push their changes. Tokens are kept in the operating system's "
                                   "keychain; removing a connection removes its token."),
                                page));

    connect(m_connections->selectionModel(), &QItemSelectionModel::currentChanged, remove,
            [remove](const QModelIndex &current) { remove->setEnabled(current.isValid()); });
    connect(addServer, &QPushButton::clicked, this, &PreferencesDialog::addServerRequested);
    connect(addSandbox, &QPushButton::clicked, this, &PreferencesDialog::addSandboxRequested);
    connect(remove, &QPushButton::clicked, this, [this] {
        const QString id = m_connections->currentIndex().data(ConnectionTreeModel::ConnectionIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT removeConnectionRequested(id);
    });
    return page;
}

QWidget *PreferencesDialog::createContractsPage()
{
    auto *page = new QWidget(this);
    m_contractsFolder = new QLineEdit(m_initial.contractsFolder, page);
    m_contractsFolder->setObjectName(QStringLiteral("contractsFolder"));
    m_contractsFolder->setAccessibleName(tr("Contracts folder"));
    m_contractsFolder->setPlaceholderText(tr("No contracts folder: flags are shown without contracts"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Folder:"), withBrowseButton(m_contractsFolder, tr("Choose the contracts folder"), [this] {
                     return QFileDialog::getExistingDirectory(this, tr("Contracts folder"), m_contractsFolder->text());
                 }, page));
    form->addRow(QString(), noteLabel(tr("FeatureOps contracts (*.yaml): each flag's owner, rollout path, guardrails "
                                         "and rollback. FlagDeck holds every live flag against its contract and reads "
                                         "the folder again when a file in it changes."),
                                      page));
    return page;
}

QWidget *PreferencesDialog::createApprovalsPage()
{
    auto *page = new QWidget(this);
    m_inbox = new QLineEdit(m_initial.inboxLocation, page);
    m_inbox->setObjectName(QStringLiteral("inboxLocation"));
    m_inbox->setAccessibleName(tr("Proposal inbox"));
    m_sandboxAgent = new QCheckBox(tr("The sandbox's agent &proposes changes by itself"), page);
    m_sandboxAgent->setObjectName(QStringLiteral("sandboxAgent"));
    m_sandboxAgent->setChecked(m_initial.sandboxAgent);

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Inbox:"), withBrowseButton(m_inbox, tr("Choose the inbox file"), [this] {
                     return QFileDialog::getSaveFileName(this, tr("Proposal inbox"), m_inbox->text(),
                                                         tr("SQLite inbox (*.sqlite);;All files (*)"), nullptr,
                                                         QFileDialog::DontConfirmOverwrite);
                 }, page));
    form->addRow(QString(), noteLabel(tr("A SQLite file on this computer, or a postgresql:// URL a team shares (the "
                                         "password comes from ~/.pgpass). Agents propose into it through flagdeck mcp. "
                                         "A new inbox is opened on the next start."),
                                      page));
    const QList<std::pair<Contract::Risk, QString>> risks = {{Contract::Risk::Low, tr("Low risk:")},
                                                             {Contract::Risk::Medium, tr("Medium risk:")},
                                                             {Contract::Risk::High, tr("High risk:")},
                                                             {Contract::Risk::Critical, tr("Critical risk:")}};
    form->addRow(new QLabel(tr("<b>Reviewers a proposal needs</b>"), page));
    for (const auto &[risk, label] : risks) {
        auto *reviewers = new QSpinBox(page);
        reviewers->setObjectName(QStringLiteral("approvals_") + riskName(risk));
        reviewers->setRange(1, Preferences::MaxApprovals);
        reviewers->setValue(m_initial.approvalsRequired.value(risk, 1));
        m_approvals.insert(risk, reviewers);
        form->addRow(label, reviewers);
    }
    form->addRow(QString(), noteLabel(tr("A contract can ask for more for its flag. Whatever is set here: an agent never "
                                         "approves, a proposal for a flag that changed since it was made is refused, "
                                         "an approved action runs exactly once, and it runs with your own credentials."),
                                      page));
    form->addRow(QString(), m_sandboxAgent);
    return page;
}

QWidget *PreferencesDialog::createNotificationsPage()
{
    auto *page = new QWidget(this);
    m_notifyRegressions = new QCheckBox(tr("A guardrail &regresses"), page);
    m_notifyRegressions->setObjectName(QStringLiteral("notifyRegressions"));
    m_notifyRegressions->setChecked(m_initial.notifyRegressions);
    m_notifyProposals = new QCheckBox(tr("An agent &proposes an action"), page);
    m_notifyProposals->setObjectName(QStringLiteral("notifyProposals"));
    m_notifyProposals->setChecked(m_initial.notifyProposals);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Show a desktop notification when:"), page));
    layout->addWidget(m_notifyRegressions);
    layout->addWidget(m_notifyProposals);
    layout->addWidget(noteLabel(tr("The status bar always says it too, and a kill a contract makes on a regression is "
                                   "always announced."),
                                page));
    layout->addStretch();
    return page;
}

Preferences PreferencesDialog::preferences() const
{
    Preferences chosen = m_initial;
    chosen.language = m_language->currentData().toString();
    chosen.theme = Preferences::Theme(m_theme->currentData().toInt());
    chosen.pollSeconds = m_pollSeconds->value();
    chosen.contractsFolder = m_contractsFolder->text().trimmed();
    chosen.inboxLocation = m_inbox->text().trimmed();
    chosen.sandboxAgent = m_sandboxAgent->isChecked();
    for (auto it = m_approvals.constBegin(); it != m_approvals.constEnd(); ++it)
        chosen.approvalsRequired.insert(it.key(), it.value()->value());
    chosen.notifyRegressions = m_notifyRegressions->isChecked();
    chosen.notifyProposals = m_notifyProposals->isChecked();
    return chosen;
}
