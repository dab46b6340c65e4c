<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityDock</name>
    <message>
        <location filename="../widgets/activitydock.cpp" line="+33"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recent activity, newest first</source>
        <translation>最近活动，最新在前</translation>
    </message>
</context>
<context>
    <name>ActivityLogModel</name>
    <message>
        <location filename="../models/item/activitylogmodel.cpp" line="+9"/>
        <source>kill</source>
        <translation>关停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regression</source>
        <translation>回退</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>proposal</source>
        <translation>提议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 · %2
%3</source>
        <translation>%1 · %2
%3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>AddServerDialog</name>
    <message>
        <location filename="../widgets/addserverdialog.cpp" line="+19"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add server connection</source>
        <translation>添加服务器连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+50"/>
        <location line="+2"/>
        <source>FeatBit</source>
        <translation>FeatBit</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+49"/>
        <location line="+2"/>
        <source>Unleash</source>
        <translation>Unleash</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>&amp;Evaluation server:</source>
        <translation>评估服务器(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Token:</source>
        <translation>令牌(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token is kept in the operating system&apos;s keychain, never in FlagDeck&apos;s settings. Kills and rollout changes run with it, so it needs write access.</source>
        <translation>令牌保存在操作系统的钥匙串中，绝不写入 FlagDeck 的设置。紧急关闭和发布变更都用它执行，因此它需要写权限。</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking the OS keychain…</source>
        <translation>正在检查系统钥匙串…</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>API &amp;URL:</source>
        <translation>API URL(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access &amp;token:</source>
        <translation>访问令牌(&amp;T)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Admin &amp;token:</source>
        <translation>管理员令牌(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>api-…, an access token with permission to toggle and edit flags</source>
        <translation>api-…，一个有权切换和编辑开关的访问令牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an admin token, or a personal access token</source>
        <translation>管理员令牌，或个人访问令牌</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Enter the server&apos;s URL: https:// (or http://) and a host.</source>
        <translation>请输入服务器的 URL：https://（或 http://）加主机名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the evaluation server&apos;s URL: https:// or wss:// (http:// or ws:// on your own machine) and a host.</source>
        <translation>请输入评估服务器的 URL：https:// 或 wss://（本机上可用 http:// 或 ws://）加主机名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the token.</source>
        <translation>请输入令牌。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the connection a name.</source>
        <translation>请为连接命名。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>AuditBrowser</name>
    <message>
        <location filename="../widgets/auditbrowser.cpp" line="+59"/>
        <source>Search all history (words in flags, actors, comments and changes)</source>
        <translation>搜索全部历史（开关、操作者、备注和变更中的词）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag key</source>
        <translation>开关键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actor kind</source>
        <translation>操作者类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any actor kind</source>
        <translation>任意操作者类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any action</source>
        <translation>任意操作</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Between…</source>
        <translation>介于…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the entries this filter shows</source>
        <translation>导出此筛选条件显示的条目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As CSV…</source>
        <translation>导出为 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As NDJSON (for a SIEM)…</source>
        <translation>导出为 NDJSON（供 SIEM 使用）…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit history</source>
        <translation>审计历史</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>All servers</source>
        <translation>所有服务器</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n entries so far…</source>
        <translation>
            <numerusform>目前 %n 条…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export audit history</source>
        <translation>导出审计历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NDJSON (*.ndjson *.jsonl)</source>
        <translation>NDJSON (*.ndjson *.jsonl)</translation>
    </message>
</context>
<context>
    <name>AuditCache</name>
    <message>
        <location filename="../models/store/auditcache.cpp" line="+59"/>
        <source>the audit cache: %1</source>
        <translation>审计缓存：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot configure the audit cache: %1</source>
        <translation>无法配置审计缓存：%1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>SQLite found it damaged</source>
        <translation>SQLite 发现它已损坏</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>cannot read the audit cache version: %1</source>
        <translation>无法读取审计缓存的版本：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the audit cache %1 was written by a newer FlagDeck (schema %2, this one knows %3)</source>
        <translation>审计缓存 %1 由更新版本的 FlagDeck 写入（架构 %2，本版本支持 %3）</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>cannot start writing to the audit cache: %1</source>
        <translation>无法开始写入审计缓存：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot read the audit chain</source>
        <translation>无法读取审计链</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>cannot record the audit entry</source>
        <translation>无法记录审计条目</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+8"/>
        <source>cannot index the audit entry</source>
        <translation>无法为审计条目建立索引</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot move the audit chain</source>
        <translation>无法推进审计链</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot store the sync position</source>
        <translation>无法保存同步位置</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+9"/>
        <location line="+13"/>
        <source>cannot store the flag states</source>
        <translation>无法保存开关状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot commit to the audit cache</source>
        <translation>无法提交到审计缓存</translation>
    </message>
    <message>
        <location line="-273"/>
        <location line="+30"/>
        <source>cannot upgrade the audit cache: %1</source>
        <translation>无法升级审计缓存：%1</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>cannot upgrade the audit cache to schema %1: %2</source>
        <translation>无法将审计缓存升级到架构 %1：%2</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>the audit cache is not open</source>
        <translation>审计缓存未打开</translation>
    </message>
</context>
<context>
    <name>AuditChange</name>
    <message>
        <location filename="../models/core/auditchange.cpp" line="+74"/>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>renamed &quot;%1&quot; → &quot;%2&quot;</source>
        <translation>已重命名 “%1” → “%2”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>description changed</source>
        <translation>描述已更改</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>variation added: %1 (%2)</source>
        <translation>已添加变体：%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>value of %1 %2 → %3</source>
        <translation>%1 %2 的值 → %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>variation renamed %1 → %2</source>
        <translation>变体已重命名 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>variation removed: %1</source>
        <translation>已移除变体：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>rollout of %1 %2 → %3</source>
        <translation>%1 的发布比例 %2 → %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>off variation %1 → %2</source>
        <translation>关闭时变体 %1 → %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>tags added: %1</source>
        <translation>已添加标签：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tags removed: %1</source>
        <translation>已移除标签：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no change to the flag</source>
        <translation>开关没有变化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>other fields changed</source>
        <translation>其他字段已更改</translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message>
        <location filename="../app/auditcommand.cpp" line="+59"/>
        <source>The audit cache file (default: %1).</source>
        <translation>审计缓存文件（默认：%1）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown option %1 (see %2 --help)</source>
        <translation>未知选项 %1（见 %2 --help）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected argument &apos;%1&apos; (see %2 --help)</source>
        <translation>意外的参数 “%1”（见 %2 --help）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>there is no audit cache at %1</source>
        <translation>%1 处没有审计缓存</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--action %1 is not an action: use %2, proposal:ACTION for a proposal&apos;s lifecycle (e.g. proposal:kill), or a server&apos;s own action this cache holds (%3)</source>
        <translation>--action %1 不是操作：请使用 %2、表示提议生命周期的 proposal:ACTION（例如 proposal:kill），或此缓存中记录的服务器自有操作（%3）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>csv or ndjson.</source>
        <translation>csv 或 ndjson。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries at or after T: 2026-11-21, 2026-11-21T09:30 (UTC unless a zone is given), or an age such as 24h or 7d.</source>
        <translation>T 时刻及之后的条目：2026-11-21、2026-11-21T09:30（未指定时区时为 UTC），或 24h、7d 这样的时长。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entries before T (same forms as --since).</source>
        <translation>T 时刻之前的条目（格式同 --since）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this flag key.</source>
        <translation>仅此开关键。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this server (connection id).</source>
        <translation>仅此服务器（连接 ID）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this environment.</source>
        <translation>仅此环境。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only this actor.</source>
        <translation>仅此操作者。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only human, agent, system or token.</source>
        <translation>仅 human、agent、system 或 token。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this action (kill, restore, set_rollout, …).</source>
        <translation>仅此操作（kill、restore、set_rollout 等）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only entries containing these words.</source>
        <translation>仅包含这些词的条目。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>words</source>
        <translation>词</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--format is required: csv or ndjson</source>
        <translation>必须指定 --format：csv 或 ndjson</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--format must be csv or ndjson; got &quot;%1&quot;</source>
        <translation>--format 必须是 csv 或 ndjson；收到的是 “%1”</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Usage: flagdeck audit verify|export|sync [options]

The audit cache without a window, for a terminal, a script or a team&apos;s CI.

  verify  checks every server&apos;s hash chain: exits 0 intact, 1 altered or missing entry, 2 cannot check
  export  writes the selected entries to standard output as CSV or NDJSON
  sync    pulls the history of every configured server into the cache

Add --help after a command for its options. Exit code 2 is also a usage error.</source>
        <translation>用法：flagdeck audit verify|export|sync [选项]

无窗口使用审计缓存，适用于终端、脚本或团队的 CI。

  verify  检查每台服务器的哈希链：完整时退出码为 0，有条目被篡改或缺失时为 1，无法检查时为 2
  export  将选中的条目以 CSV 或 NDJSON 格式写入标准输出
  sync    将每台已配置服务器的历史拉取到缓存中

在命令后加上 --help 可查看其选项。退出码 2 也表示用法错误。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>flagdeck audit needs a command: use verify, export or sync (see flagdeck audit --help)</source>
        <translation>flagdeck audit 需要一个命令：请使用 verify、export 或 sync（见 flagdeck audit --help）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flagdeck audit needs its command before %1: flagdeck audit verify|export|sync [options]</source>
        <translation>flagdeck audit 的命令必须位于 %1 之前：flagdeck audit verify|export|sync [选项]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown command &apos;%1&apos; for flagdeck audit: use verify, export or sync</source>
        <translation>未知的 flagdeck audit 命令 “%1”：请使用 verify、export 或 sync</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>--actor-kind must be human, agent, system or token</source>
        <translation>--actor-kind 必须是 human、agent、system 或 token</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--since %1 is not before --until %2: nothing could match</source>
        <translation>--since %1 不早于 --until %2：不可能有匹配的条目</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write to standard output</source>
        <translation>无法写入标准输出</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>there is no folder %1 for the audit cache</source>
        <translation>审计缓存所在的文件夹 %1 不存在</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: skipped, this version cannot read its history</source>
        <translation>%1：已跳过，此版本无法读取其历史</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>%1: %n new entries</source>
        <translation>
            <numerusform>%1：%n 条新条目</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Checks every server&apos;s hash chain in the audit cache. Exits 0 when intact, 1 naming the first altered or missing entry, 2 when it cannot check.</source>
        <translation>检查审计缓存中每台服务器的哈希链。完整时退出码为 0；为 1 时指出第一个被篡改或缺失的条目；无法检查时为 2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Writes the audit entries the options select to standard output, oldest first, as CSV or NDJSON.</source>
        <translation>将选项选中的审计条目按时间从旧到新写入标准输出，格式为 CSV 或 NDJSON。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pulls the history of every configured server into the audit cache.</source>
        <translation>将每台已配置服务器的历史拉取到审计缓存中。</translation>
    </message>
</context>
<context>
    <name>AuditDetailPane</name>
    <message>
        <location filename="../widgets/auditdetailpane.cpp" line="+27"/>
        <source>Audit entry details</source>
        <translation>审计条目详情</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Before, as JSON</source>
        <translation>之前（JSON）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After, as JSON</source>
        <translation>之后（JSON）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Before&lt;/b&gt;</source>
        <translation>&lt;b&gt;之前&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;After&lt;/b&gt;</source>
        <translation>&lt;b&gt;之后&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;%4 UTC by %5 (%6)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;%4 UTC，由 %5（%6）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;ul style=&quot;margin-left: 12px; -qt-list-indent: 0&quot;&gt;%3&lt;/ul&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）&lt;ul style=&quot;margin-left: 12px; -qt-list-indent: 0&quot;&gt;%3&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comment: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source id: %1</source>
        <translation>来源 ID：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select an entry to see what it changed.</source>
        <translation>选择一个条目，查看它改变了什么。</translation>
    </message>
</context>
<context>
    <name>AuditExporter</name>
    <message>
        <location filename="../models/store/auditexporter.cpp" line="+239"/>
        <location line="+12"/>
        <source>cannot read the audit cache: %1</source>
        <translation>无法读取审计缓存：%1</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+5"/>
        <source>cannot write the export: %1</source>
        <translation>无法写入导出文件：%1</translation>
    </message>
</context>
<context>
    <name>AuditFilter</name>
    <message>
        <location filename="../models/core/auditfilter.cpp" line="+21"/>
        <source>&quot;%1&quot; is not a time: give a date (2026-11-21), a date and time (2026-11-21T09:30, UTC unless a zone is given) or an age (90m, 24h, 7d)</source>
        <translation>“%1” 不是时间：请给出日期（2026-11-21）、日期和时间（2026-11-21T09:30，未指定时区时为 UTC）或时长（90m、24h、7d）</translation>
    </message>
</context>
<context>
    <name>AuditIdLoader</name>
    <message>
        <location filename="../models/item/auditidloader.cpp" line="+49"/>
        <source>cannot read the audit cache: %1</source>
        <translation>无法读取审计缓存：%1</translation>
    </message>
</context>
<context>
    <name>AuditSync</name>
    <message>
        <location filename="../models/control/auditsync.cpp" line="+65"/>
        <source>the server sent a history entry without an id (flag %1 at %2); its history is not synced until it does</source>
        <translation>服务器发送了一条没有 ID 的历史条目（开关 %1，时间 %2）；在它带上 ID 之前，其历史不再同步</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../models/item/audittablemodel.cpp" line="+76"/>
        <source>Time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flag</source>
        <translation>开关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actor kind</source>
        <translation>操作者类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location line="+78"/>
        <location line="+81"/>
        <source>cannot read the audit cache: %1</source>
        <translation>无法读取审计缓存：%1</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <location filename="../models/store/auditverifier.cpp" line="+33"/>
        <source>server &quot;%1&quot; entry #%2 (row %3, flag %4, %5)</source>
        <translation>服务器 “%1” 的条目 #%2（行 %3，开关 %4，%5）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot read the chain heads: %1</source>
        <translation>无法读取链头：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+69"/>
        <source>cannot read the audit entries: %1</source>
        <translation>无法读取审计条目：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>server &quot;%1&quot; has entries but no recorded chain head: the head table was altered</source>
        <translation>服务器 “%1” 有条目但没有记录链头：链头表被改动过</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>server &quot;%1&quot; entries #%2 to #%3 are missing from the end of the chain</source>
        <translation>服务器 “%1” 链尾缺少条目 #%2 至 #%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>server &quot;%1&quot; chain head does not match entry #%2: the chain or its head was altered</source>
        <translation>服务器 “%1” 的链头与条目 #%2 不符：链或链头被篡改</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>row %1 (server &quot;%2&quot;, flag %3) is outside the hash chain: it was added by hand</source>
        <translation>第 %1 行（服务器 “%2”，开关 %3）不在哈希链内：它是手工添加的</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>server &quot;%1&quot; entry #%2 is missing (the chain goes on at %3)</source>
        <translation>服务器 “%1” 缺少条目 #%2（链在 %3 处继续）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>server &quot;%1&quot; entry #%2 was altered or replaced (%3 no longer follows it)</source>
        <translation>服务器 “%1” 的条目 #%2 被篡改或替换（%3 不再接续它）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 was altered</source>
        <translation>%1 被篡改</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>server &quot;%1&quot; entries #1 to #%2 are all missing</source>
        <translation>服务器 “%1” 的条目 #1 至 #%2 全部缺失</translation>
    </message>
</context>
<context>
    <name>ChangeHistory</name>
    <message>
        <location filename="../models/store/changehistory.cpp" line="+35"/>
        <source>cannot read the changes from the audit cache: %1</source>
        <translation>无法从审计缓存读取更改：%1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>the audit cache holds no change %1</source>
        <translation>审计缓存中没有更改 %1</translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message>
        <location filename="../models/item/changetablemodel.cpp" line="+156"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no net change</source>
        <translation>总体无变化</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>In all, across %n changes: %1</source>
        <translation>
            <numerusform>总计 %n 次变更：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 (net of %n changes)</source>
        <translation>
            <numerusform>%1（%n 次变更的总和）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1
Comment: %2</source>
        <translation>%1
备注：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no field changed)</source>
        <translation>（没有字段变化）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (monitor)</source>
        <translation>%1（监控）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (agent)</source>
        <translation>%1（智能体）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (token)</source>
        <translation>%1（令牌）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flag · environment · server</source>
        <translation>开关 · 环境 · 服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>谁</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <location filename="../widgets/changesview.cpp" line="+58"/>
        <source>&amp;Put back…</source>
        <translation>恢复(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+288"/>
        <source>Put back</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>Kill instead</source>
        <translation>改为关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>since a time…</source>
        <translation>自某一时间起…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview putting the selected changes back: a change, a flag&apos;s net change, or several</source>
        <translation>预览恢复所选变更：单个变更、某个开关的总变更或多个</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>in the last 15 minutes</source>
        <translation>最近 15 分钟内</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Changes in the window</source>
        <translation>时间范围内的变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes since</source>
        <translation>自此以来的变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes by flag</source>
        <translation>按开关分组的变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to show every flag at</source>
        <translation>显示所有开关的时刻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every flag at that time, and now</source>
        <translation>所有开关在该时刻与当前的状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in the last hour</source>
        <translation>最近一小时内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the last 6 hours</source>
        <translation>最近 6 小时内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the last 24 hours</source>
        <translation>最近 24 小时内</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Changes on every server</source>
        <translation>所有服务器上的变更</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Why (goes into the audit history)</source>
        <translation>原因（写入审计历史）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Show every flag at this time</source>
        <translation>显示此时刻的所有开关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As it was at</source>
        <translation>在此时刻的状态</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&lt;b&gt;History:&lt;/b&gt; every flag as the audit history says it was at %1, beside how it is now. Rows in bold were not as they are now.</source>
        <translation>&lt;b&gt;历史：&lt;/b&gt;审计历史记录的每个开关在 %1 的状态，旁边是当前状态。粗体行与当前不同。</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 次变更</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n 个开关</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only the newest %1 shown; choose a shorter window</source>
        <translation>只显示最新的 %1 条；请选择更短的时间范围</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Put %1 in %2 back as it was before %n change(s)</source>
        <translation>
            <numerusform>将 %2 中的 %1 恢复到 %n 次变更之前的状态</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>They did: %1</source>
        <translation>这些变更：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot be put back exactly:</source>
        <translation>无法精确恢复：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kill is offered instead: it turns the flag off.</source>
        <translation>改为提供关闭：它会关闭该开关。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It already is as it was: nothing to send.</source>
        <translation>已经是原来的状态：无需发送。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After putting back</source>
        <translation>恢复之后</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Left as they are now: %1</source>
        <translation>保持当前不变：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent against revision %1: refused if the flag changes before it is sent.</source>
        <translation>基于修订 %1 发送：如果开关在发送前发生变化则会被拒绝。</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Put %n flag(s) back</source>
        <translation>
            <numerusform>恢复 %n 个开关</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not put back:</source>
        <translation>未恢复：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What changed since the preview:</source>
        <translation>自预览以来的变化：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look at it again: Put back makes a new preview.</source>
        <translation>请重新查看：恢复会生成新的预览。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The change history cannot be read: %1</source>
        <translation>无法读取变更历史：%1</translation>
    </message>
</context>
<context>
    <name>CleanupCheck</name>
    <message>
        <location filename="../models/core/cleanupcheck.cpp" line="+73"/>
        <source>review was due on %1</source>
        <translation>审查已于 %1 到期</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cleanup condition &quot;%1&quot; holds: %2 at %3 since %4</source>
        <translation>清理条件“%1”已满足：%2 自 %4 起为 %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no contract, and %1 has served everyone for %2</source>
        <translation>没有契约，且 %1 已向所有人提供 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>never evaluated since it was created on %1, per the server&apos;s metrics</source>
        <translation>据服务器指标，自 %1 创建以来从未被评估</translation>
    </message>
</context>
<context>
    <name>CleanupTableModel</name>
    <message>
        <location filename="../models/item/cleanuptablemodel.cpp" line="+101"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (changed it last)</source>
        <translation>%1（最后修改者）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flag</source>
        <translation>开关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due since</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CleanupView</name>
    <message>
        <location filename="../widgets/cleanupview.cpp" line="+22"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose &amp;archive…</source>
        <translation>提议归档(&amp;A)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flags due for cleanup</source>
        <translation>待清理的开关</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the approval queue to archive the selected flag on its server, once its code is gone</source>
        <translation>代码移除后，请审批队列在服务器上归档所选开关</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n flag(s) due for cleanup: remove them from the code, then archive them</source>
        <translation>
            <numerusform>%n 个开关待清理：先从代码中移除，再归档</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No flag is due for cleanup</source>
        <translation>没有待清理的开关</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export flags due for cleanup</source>
        <translation>导出待清理的开关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n flag(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 个开关写入 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmedChanges</name>
    <message>
        <location filename="../models/control/confirmedchanges.cpp" line="+37"/>
        <location line="+66"/>
        <source>the server is not connected</source>
        <translation>服务器未连接</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>the server did not confirm within %1 s</source>
        <translation>服务器未在 %1 秒内确认</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1 cannot archive flags from FlagDeck</source>
        <translation>%1 无法从 FlagDeck 归档开关</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>the server confirmed it after the %1 s timeout</source>
        <translation>服务器在 %1 秒超时之后确认了它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server showed it done after the connection broke</source>
        <translation>连接中断后，服务器显示它已完成</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <location filename="../models/control/connectionprobe.cpp" line="+14"/>
        <source>no answer within %1 s: check the address and that the server is running</source>
        <translation>%1 秒内无应答：请检查地址以及服务器是否在运行</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>this version of FlagDeck has no %1 connector yet</source>
        <translation>此版本的 FlagDeck 尚无 %1 连接器</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected. Environments: %1, flags: %2. %3</source>
        <translation>已连接。环境：%1，开关：%2。%3</translation>
    </message>
</context>
<context>
    <name>ConnectionState</name>
    <message>
        <location filename="../models/core/connectionstate.cpp" line="+28"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>ConnectionTreeModel</name>
    <message>
        <location filename="../models/item/connectiontreemodel.cpp" line="+40"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Show the flags of %1 in %2</source>
        <translation>显示 %1 在 %2 中的开关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
</context>
<context>
    <name>ConnectionsDock</name>
    <message>
        <location filename="../widgets/connectionsdock.cpp" line="+14"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connections and environments</source>
        <translation>连接与环境</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All flags</source>
        <translation>全部开关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Write token file for a guard…</source>
        <translation>为守护进程写入令牌文件…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
</context>
<context>
    <name>ConsoleController</name>
    <message>
        <location filename="../models/control/consolecontroller.cpp" line="+70"/>
        <source>the server connection is not open</source>
        <translation>服务器连接未打开</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Guardrail data</source>
        <translation>护栏数据</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+6"/>
        <location line="+51"/>
        <location line="+21"/>
        <source>Approval queue</source>
        <translation>审批队列</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Guardrail regression seen by %1: %2. Its contract does not set auto_kill, so a person decides.</source>
        <translation>%1 发现护栏退化：%2。其契约未设置 auto_kill，因此由人来决定。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>showing the audit cache</source>
        <translation>显示审计缓存</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>removed; showing the audit cache</source>
        <translation>已移除；显示审计缓存</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>this version of FlagDeck has no %1 connector yet</source>
        <translation>此版本的 FlagDeck 尚无 %1 连接器</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>cannot read its history: %1</source>
        <translation>无法读取其历史：%1</translation>
    </message>
    <message>
        <location line="+105"/>
        <location line="+2"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the token could not be stored in the keychain, so the connection was not added: %1</source>
        <translation>令牌无法存入钥匙串，因此未添加该连接：%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>this connection has no token</source>
        <translation>此连接没有令牌</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>not sent: a change of this flag is still under way, or the flag or its contract changed since; look again</source>
        <translation>未发送：此开关仍有变更在进行中，或开关或其契约已发生变化；请重新查看</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 already is as it was</source>
        <translation>%1 已经是原来的状态</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not sent: a change of %1 is still under way; look again</source>
        <translation>未发送：%1 仍有变更在进行中；请重新查看</translation>
    </message>
</context>
<context>
    <name>Contract</name>
    <message>
        <location filename="../models/core/contract.cpp" line="+40"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
</context>
<context>
    <name>ContractLibrary</name>
    <message>
        <location filename="../models/store/contractlibrary.cpp" line="+111"/>
        <source>no such folder</source>
        <translation>没有这个文件夹</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>cannot read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>larger than 1 MiB; not a contract</source>
        <translation>大于 1 MiB；不是契约</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>flag &quot;%1&quot; already has a contract for these environments in %2</source>
        <translation>开关 “%1” 在 %2 中已有针对这些环境的契约</translation>
    </message>
</context>
<context>
    <name>ContractReader</name>
    <message>
        <location filename="../models/core/contractreader.cpp" line="+71"/>
        <source>%1: did you mean `%2`?</source>
        <translation>%1：您指的是 `%2` 吗？</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+418"/>
        <source>under policy</source>
        <translation>policy 下</translation>
    </message>
    <message>
        <location line="-416"/>
        <source>in a stage, under stages</source>
        <translation>stages 下的某个阶段中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in a guardrail, under guardrails</source>
        <translation>guardrails 下的某个护栏中</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>a field name must be a single word</source>
        <translation>字段名必须是单个词</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>`%1` is given twice (first on line %2)</source>
        <translation>`%1` 重复给出（首次出现在第 %2 行）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>`%1` belongs %2; %3 it would set nothing</source>
        <translation>`%1` 应位于 %2；若放在 %3，则不起任何作用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown field `%1` %2 (the fields here are %3)</source>
        <translation>%2有未知字段 `%1`（此处的字段为 %3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown field `%1` %2</source>
        <translation>%2有未知字段 `%1`</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>`%1` belongs %2; at the top level it would set nothing</source>
        <translation>`%1` 应位于 %2；若放在顶层，则不起任何作用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown field `%1` is ignored (a typo?)</source>
        <translation>未知字段 `%1` 已被忽略（是否拼写有误？）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown field `%1`</source>
        <translation>未知字段 `%1`</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown field `%1` is ignored</source>
        <translation>未知字段 `%1` 已被忽略</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is missing</source>
        <translation>缺少 “%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; must be a single value</source>
        <translation>“%1” 必须是单个值</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; must be a list</source>
        <translation>“%1” 必须是列表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>each entry of &quot;%1&quot; must be a single value</source>
        <translation>“%1” 的每一项都必须是单个值</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the %1 of metric &quot;%2&quot; must be a number, not &quot;%3&quot;</source>
        <translation>指标“%2”的 %1 必须是数字，而不是“%3”</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;evals&quot; of stage &quot;%1&quot; must be a list of reports</source>
        <translation>阶段“%1”的 evals 必须是报告列表</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an eval is a map with report, variation, pass_rate or metrics, and max_age</source>
        <translation>一个评测是包含 report、variation、pass_rate 或 metrics 以及 max_age 的映射</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in an eval of stage &quot;%1&quot;</source>
        <translation>在阶段“%1”的评测中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a report is a file or glob in the contracts folder, or an http:// or https:// URL, not &quot;%1&quot;</source>
        <translation>报告应是契约文件夹中的文件或通配符，或 http:// 或 https:// 地址，而不是“%1”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;metrics&quot; must map metric names to bounds, e.g. {citation_accuracy: {min: 0.95}}</source>
        <translation>metrics 必须将指标名映射到界限，例如 {citation_accuracy: {min: 0.95}}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>metric &quot;%1&quot; needs bounds: {min: …}, {max: …} or both</source>
        <translation>指标“%1”需要界限：{min: …}、{max: …} 或两者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in metric &quot;%1&quot;</source>
        <translation>在指标“%1”中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>metric &quot;%1&quot; needs a min, a max or both</source>
        <translation>指标“%1”需要 min、max 或两者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>metric &quot;%1&quot; has a min above its max</source>
        <translation>指标“%1”的 min 大于 max</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the eval of &quot;%1&quot; sets neither pass_rate nor metrics, so no report could fail it</source>
        <translation>“%1”的评测既未设置 pass_rate 也未设置 metrics，因此任何报告都不会使其失败</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>max_age 0 would refuse every report: omit it to accept any age</source>
        <translation>max_age 为 0 会拒绝所有报告：省略它即可接受任何时长</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the eval of &quot;%1&quot; has no max_age, so a report of any age counts</source>
        <translation>“%1”的评测没有 max_age，因此任何时长的报告都有效</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;stages&quot; is missing: list the rollout path&apos;s stages with their exposure</source>
        <translation>缺少 “stages”：请列出发布路径的各个阶段及其曝光比例</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;stages&quot; must be a list of stages</source>
        <translation>“stages” 必须是阶段列表</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a stage must have a name, an exposure and a minimum time</source>
        <translation>阶段必须有名称、曝光比例和最短停留时间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>in a stage</source>
        <translation>某个阶段中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in stage &quot;%1&quot;</source>
        <translation>阶段 “%1” 中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stage &quot;%1&quot; is listed twice</source>
        <translation>阶段 “%1” 重复列出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stage &quot;%1&quot; needs an exposure: the share of each variation, e.g. {candidate_v2: 5%}</source>
        <translation>阶段 “%1” 需要曝光比例：每个变体的份额，例如 {candidate_v2: 5%}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the share of &quot;%1&quot; must be a percentage</source>
        <translation>“%1” 的份额必须是百分比</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>stage &quot;%1&quot; exposes %2 in all; at most 100% is possible</source>
        <translation>阶段 “%1” 总共曝光 %2；最多只能 100%</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;rollout_path&quot; (%1) does not name the stages in their order (%2)</source>
        <translation>“rollout_path”（%1）没有按顺序列出各阶段（%2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>kind must be gauge, counter or histogram, not &quot;%1&quot;</source>
        <translation>kind 必须是 gauge、counter 或 histogram，而不是“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>quantile is for a guardrail of kind histogram</source>
        <translation>quantile 仅适用于 histogram 类型的护栏</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>quantile must be a number between 0 and 1, such as 0.95, not &quot;%1&quot;</source>
        <translation>quantile 必须是 0 到 1 之间的数字，例如 0.95，而不是“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>guardrail &quot;%1&quot; reads a histogram: give it a quantile (0.95), or name it for one (p95_latency)</source>
        <translation>护栏“%1”读取直方图：请给出 quantile（0.95），或用包含分位数的名称（p95_latency）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;guardrails&quot; must be a list</source>
        <translation>“guardrails” 必须是列表</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+42"/>
        <source>guardrail &quot;%1&quot; has no threshold or rule, so it cannot stop an expansion</source>
        <translation>护栏 “%1” 既无阈值也无规则，因此无法阻止扩大发布</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>a guardrail is a metric name or a map with metric, direction and threshold or rule</source>
        <translation>护栏是一个指标名称，或一个包含 metric、direction 以及 threshold 或 rule 的映射</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>in a guardrail</source>
        <translation>某个护栏中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in guardrail &quot;%1&quot;</source>
        <translation>护栏 “%1” 中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>direction must be lower_is_better or higher_is_better, not &quot;%1&quot;</source>
        <translation>direction 必须是 lower_is_better 或 higher_is_better，而不是 “%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>threshold must be a number, not &quot;%1&quot;</source>
        <translation>threshold 必须是数字，而不是 “%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tolerance is a percentage of the default&apos;s level, such as 5%: %1</source>
        <translation>tolerance 是默认变体水平的百分比，例如 5%：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the only statistical rule is &quot;sequential&quot;, not &quot;%1&quot;</source>
        <translation>唯一的统计规则是 “sequential”，而不是 “%1”</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;policy&quot; must be a map with approvals and auto_kill</source>
        <translation>“policy” 必须是包含 approvals 和 auto_kill 的映射</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>under policy&apos;s approvals</source>
        <translation>policy 的 approvals 下</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>auto_kill must be true or false</source>
        <translation>auto_kill 必须是 true 或 false</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>approvals must map actions to the reviewers each risk needs</source>
        <translation>approvals 必须把各操作映射到每种风险所需的审批人数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not an action (kill, restore, set_rollout, advance_stage, rollback_stage, serve_fallback)</source>
        <translation>“%1” 不是操作（kill、restore、set_rollout、advance_stage、rollback_stage、serve_fallback）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>approvals for %1 must map risks (low, medium, high, critical) to a number of reviewers</source>
        <translation>%1 的 approvals 必须把风险（low、medium、high、critical）映射到审批人数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a risk (low, medium, high, critical)</source>
        <translation>“%1” 不是风险等级（low、medium、high、critical）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the number of reviewers must be a whole number from 0 to 10</source>
        <translation>审批人数必须是 0 到 10 的整数</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&quot;%1&quot; has no unit: write the share of traffic as a percentage, such as %2%</source>
        <translation>“%1” 没有单位：请将流量份额写成百分比，例如 %2%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; has a space before %: write %2%</source>
        <translation>“%1” 在 % 前有空格：请写成 %2%</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&quot;%1&quot; has no unit: write minutes, hours or days such as 90m, 24h or 7d, or 0</source>
        <translation>“%1” 没有单位：请写分钟、小时或天数，例如 90m、24h 或 7d，或者写 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not a duration: write a whole number and its unit with no space, such as 90m, 24h or 7d (m, h, d), or 0</source>
        <translation>“%1” 不是时长：请写一个整数并紧跟其单位、中间不加空格，例如 90m、24h 或 7d（m、h、d），或者写 0</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>&quot;%1&quot; is not a share of traffic: write a percentage such as 5% or 0.25%</source>
        <translation>“%1” 不是流量份额：请写百分比，例如 5% 或 0.25%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is finer than a hundredth of a percent: write at most two decimals, such as 0.25%</source>
        <translation>“%1” 的精度细于 0.01%：最多写两位小数，例如 0.25%</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is more than 100%</source>
        <translation>%1 超过 100%</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>not valid YAML: %1</source>
        <translation>不是有效的 YAML：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a contract is a map of fields such as flag_key, owner and stages</source>
        <translation>契约是一个由 flag_key、owner、stages 等字段组成的映射</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>review_date must be a date such as 2026-12-31, not &quot;%1&quot;</source>
        <translation>review_date 必须是 2026-12-31 这样的日期，而不是 “%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected structure: %1</source>
        <translation>意外的结构：%1</translation>
    </message>
</context>
<context>
    <name>ContractsCommand</name>
    <message>
        <location filename="../app/contractscommand.cpp" line="+68"/>
        <source>this version has no %1 connector</source>
        <translation>此版本没有 %1 连接器</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>did not deliver its flags within %1 s</source>
        <translation>未在 %1 秒内提供其开关</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 in %2 has no contract</source>
        <translation>%1 在 %2 中没有契约</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>eval of %1 for stage &quot;%2&quot;</source>
        <translation>阶段“%2”的 %1 评测</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (the %2 in %3:%4)</source>
        <translation>%1（%3:%4 中的 %2）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checks contract files — every .yaml and .yml file of a folder, or one file — and with --server also against that server&apos;s flags. Prints each finding as file:line:column: error|warning: message, then a summary; exits 0 when there is no error, 1 when there is, 2 when it cannot check.</source>
        <translation>检查契约文件（一个文件夹中的所有 .yaml 和 .yml 文件，或单个文件）；指定 --server 时还会对照该服务器的开关进行检查。每条检查结果按 file:line:column: error|warning: message 的格式输出，最后输出摘要；没有错误时退出码为 0，有错误时为 1，无法检查时为 2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>check DIR|FILE: a folder of contracts or one contract file.</source>
        <translation>check DIR|FILE：契约文件夹或单个契约文件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown option %1 (see flagdeck contracts --help)</source>
        <translation>未知选项 %1（见 flagdeck contracts --help）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no command given: use check (see flagdeck contracts --help)</source>
        <translation>未指定命令：请使用 check（见 flagdeck contracts --help）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown command &apos;%1&apos;: use check (see flagdeck contracts --help)</source>
        <translation>未知命令 “%1”：请使用 check（见 flagdeck contracts --help）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check needs a folder or a contract file: flagdeck contracts check DIR|FILE</source>
        <translation>check 需要一个文件夹或一个契约文件：flagdeck contracts check DIR|FILE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unexpected argument &apos;%1&apos;: check takes one folder or file (see flagdeck contracts --help)</source>
        <translation>意外的参数 “%1”：check 只接受一个文件夹或文件（见 flagdeck contracts --help）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 holds no .yaml or .yml files</source>
        <translation>%1 中没有 .yaml 或 .yml 文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there is no file or folder %1</source>
        <translation>文件或文件夹 %1 不存在</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no connection &quot;%1&quot; is configured (the connections are: %2)</source>
        <translation>未配置连接 “%1”（已配置的连接：%2）</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>%1 on %2 (%3) has no variation &quot;%4&quot;</source>
        <translation>%1（%2 上，%3）没有变体 “%4”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 has &quot;%2&quot; only in environments this contract does not name (%3)</source>
        <translation>%1 只在此契约未列出的环境中有 “%2”（%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no flag &quot;%2&quot;</source>
        <translation>%1 没有开关 “%2”</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>A configured connection (its id) to check the contracts against; may be repeated.</source>
        <translation>用于对照检查契约的已配置连接（其 ID）；可重复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <location filename="../models/core/durationtext.cpp" line="+18"/>
        <source>%n d</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvalCheck</name>
    <message>
        <location filename="../models/core/evalcheck.cpp" line="+24"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+94"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>the report is of suite %1, not %2</source>
        <translation>报告属于套件 %1，而不是 %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the report has no results for this variation (it has %1)</source>
        <translation>报告没有此变体的结果（它有 %1）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 of %2 passed (≥ %3 required)</source>
        <translation>%2 个中通过 %1 个（要求 ≥ %3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 passed</source>
        <translation>%2 个中通过 %1 个</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 not in the report (%2 required)</source>
        <translation>报告中没有 %1（要求 %2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 (%3 required)</source>
        <translation>%1 %2（要求 %3）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>report %1 old (≤ %2)</source>
        <translation>报告已有 %1（≤ %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report %1 old</source>
        <translation>报告已有 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the report does not say when it ran</source>
        <translation>报告未说明运行时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no cases</source>
        <translation>没有用例</translation>
    </message>
</context>
<context>
    <name>EvalReport</name>
    <message>
        <location filename="../models/core/evalreport.cpp" line="+48"/>
        <source>not an eval report: expected promptfoo&apos;s JSON output, JUnit XML or FlagDeck&apos;s eval JSON</source>
        <translation>不是评测报告：应为 promptfoo 的 JSON 输出、JUnit XML 或 FlagDeck 的评测 JSON</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JSON, but neither promptfoo&apos;s output (no &quot;results&quot; object) nor FlagDeck&apos;s eval format (no &quot;flagdeck_eval&quot;)</source>
        <translation>是 JSON，但既不是 promptfoo 的输出（没有 results 对象），也不是 FlagDeck 的评测格式（没有 flagdeck_eval）</translation>
    </message>
</context>
<context>
    <name>EvalReportFiles</name>
    <message>
        <location filename="../models/store/evalreportfiles.cpp" line="+39"/>
        <source>only the file name may be a glob, not its folders: %1</source>
        <translation>只有文件名可以使用通配符，文件夹不可以：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is no report %1</source>
        <translation>没有报告 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no report matches %1</source>
        <translation>没有与 %1 匹配的报告</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>larger than 64 MiB; not read</source>
        <translation>大于 64 MiB；未读取</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the report cannot be used: %1</source>
        <translation>报告无法使用：%1</translation>
    </message>
</context>
<context>
    <name>EvalWatcher</name>
    <message>
        <location filename="../models/control/evalwatcher.cpp" line="+51"/>
        <source>the report is being fetched</source>
        <translation>正在获取报告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the report cannot be used: %1</source>
        <translation>报告无法使用：%1</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>the answer is larger than 64 MiB; not read</source>
        <translation>响应大于 64 MiB；未读取</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server answered %1 %2</source>
        <translation>服务器响应 %1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot fetch it: %1</source>
        <translation>无法获取：%1</translation>
    </message>
</context>
<context>
    <name>ExposureSource</name>
    <message>
        <location filename="../models/metrics/exposuresource.cpp" line="+50"/>
        <source>Usage of %1 on %2: %3</source>
        <translation>%1 在 %2 上的使用情况：%3</translation>
    </message>
</context>
<context>
    <name>FeatBitPayloads</name>
    <message>
        <location filename="../models/connectors/featbit/featbitpayloads.cpp" line="+44"/>
        <source>not an ISO 8601 time</source>
        <translation>不是 ISO 8601 时间</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>expected two numbers</source>
        <translation>应为两个数字</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>turned on</source>
        <translation>已开启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turned off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renamed</source>
        <translation>已重命名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description changed</source>
        <translation>描述已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags added</source>
        <translation>已添加标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags removed</source>
        <translation>已移除标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restored from the archive</source>
        <translation>已从归档恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variation added</source>
        <translation>已添加变体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variation removed</source>
        <translation>已移除变体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variation changed</source>
        <translation>变体已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variation type changed</source>
        <translation>变体类型已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off variation changed</source>
        <translation>关闭时变体已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default rule changed</source>
        <translation>默认规则已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default rule&apos;s dispatch key changed</source>
        <translation>默认规则的分流键已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>individual targets added</source>
        <translation>已添加单独目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>individual targets removed</source>
        <translation>已移除单独目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>individual targets replaced</source>
        <translation>已替换单独目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule added</source>
        <translation>已添加规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule removed</source>
        <translation>已移除规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rules replaced</source>
        <translation>已替换规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule renamed</source>
        <translation>规则已重命名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule&apos;s dispatch key changed</source>
        <translation>规则的分流键已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule conditions added</source>
        <translation>已添加规则条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule conditions removed</source>
        <translation>已移除规则条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule condition changed</source>
        <translation>规则条件已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>values added to a rule condition</source>
        <translation>已向规则条件添加值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>values removed from a rule condition</source>
        <translation>已从规则条件移除值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule&apos;s rollout changed</source>
        <translation>规则的发布比例已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location line="+64"/>
        <source> […] (cut to FeatBit&apos;s %1 characters; the whole text is in FlagDeck&apos;s audit log)</source>
        <translation> […]（已截断为 FeatBit 的 %1 个字符；完整文本在 FlagDeck 的审计日志中）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1.variationType: &quot;%2&quot; is not boolean, string, number or json</source>
        <translation>%1.variationType：“%2” 不是 boolean、string、number 或 json</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>the flag has no variation &quot;%1&quot;</source>
        <translation>开关没有变体 “%1”</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>message.data.eventType: &quot;%1&quot; is neither full nor patch</source>
        <translation>message.data.eventType：“%1” 既不是 full 也不是 patch</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>FeatBitServer</name>
    <message>
        <location filename="../models/connectors/featbit/featbitserver.cpp" line="+134"/>
        <source>history needs FeatBit 5.0.1 or newer, or a token that may read the audit log</source>
        <translation>历史记录需要 FeatBit 5.0.1 或更新版本，或可读取审计日志的令牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>history needs FeatBit 5.0.1 or newer</source>
        <translation>历史记录需要 FeatBit 5.0.1 或更新版本</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+645"/>
        <source>kill and restore need FeatBit 5.2.0 or newer, or the ToggleFlag permission</source>
        <translation>关停和恢复需要 FeatBit 5.2.0 或更新版本，或 ToggleFlag 权限</translation>
    </message>
    <message>
        <location line="-644"/>
        <source>kill and restore need FeatBit 5.2.0 or newer</source>
        <translation>关停和恢复需要 FeatBit 5.2.0 或更新版本</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+727"/>
        <source>rollout changes need FeatBit 5.3.3 or newer, or the UpdateFlagDefaultRule permission</source>
        <translation>发布比例更改需要 FeatBit 5.3.3 或更新版本，或 UpdateFlagDefaultRule 权限</translation>
    </message>
    <message>
        <location line="-726"/>
        <source>rollout changes need FeatBit 5.3.3 or newer</source>
        <translation>发布比例更改需要 FeatBit 5.3.3 或更新版本</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>in %1: %2</source>
        <translation>在 %1 中：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kill and restore</source>
        <translation>关停和恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rollout changes</source>
        <translation>发布比例更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>history</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>with this token: %1</source>
        <translation>使用此令牌：%1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>reading the access token</source>
        <translation>正在读取访问令牌</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no access token for this connection in the keychain: %1</source>
        <translation>钥匙串中没有此连接的访问令牌：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the entry is empty</source>
        <translation>该条目为空</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reading projects and flags</source>
        <translation>正在读取项目和开关</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the answer is larger than %1 MiB, so FlagDeck stopped reading it</source>
        <translation>应答大于 %1 MiB，FlagDeck 已停止读取</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server&apos;s TLS certificate is not trusted: %1</source>
        <translation>服务器的 TLS 证书不受信任：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the access token was not accepted (HTTP 401): check it, and that it is still active</source>
        <translation>访问令牌未被接受（HTTP 401）：请检查令牌及其是否仍然有效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the access token may not do this (HTTP 403): it needs the permission in FeatBit&apos;s IAM policy%1</source>
        <translation>访问令牌无权执行此操作（HTTP 403）：需要在 FeatBit 的 IAM 策略中授予该权限%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FeatBit reported a failure</source>
        <translation>FeatBit 报告失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FeatBit said: %1</source>
        <translation>FeatBit 返回：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the answer is not FeatBit&apos;s {success, errors, data}: is the URL FeatBit&apos;s API server?</source>
        <translation>应答不是 FeatBit 的 {success, errors, data}：该 URL 是 FeatBit 的 API 服务器吗？</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>flag %1: the answer names another flag</source>
        <translation>开关 %1：应答给出的是另一个开关</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 in %2 is not shown: %3</source>
        <translation>%1（%2 中）未显示：%3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>flags not shown: %1; first: %2</source>
        <translation>未显示的开关：%1；第一个：%2</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>%1: live updates may be missing: the environment&apos;s secret may have changed (polling brings nothing while FeatBit&apos;s API shows newer flags)</source>
        <translation>%1：可能缺少实时更新：环境的密钥可能已更改（轮询没有结果，而 FeatBit 的 API 显示有更新的开关）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 has no server secret: no live changes</source>
        <translation>%1 没有服务器密钥：无法实时更新</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1: %2; retrying</source>
        <translation>%1：%2；正在重试</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>FeatBit</source>
        <translation>FeatBit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FeatBit workspace %1</source>
        <translation>FeatBit 工作区 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebSockets blocked, polling every %1 s: %2</source>
        <translation>WebSocket 被阻止，每 %1 秒轮询一次：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>opening the evaluation server&apos;s streams</source>
        <translation>正在打开评估服务器的数据流</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+25"/>
        <location line="+56"/>
        <source>no FeatBit environment %1</source>
        <translation>没有 FeatBit 环境 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the flag changed in FeatBit since it was read</source>
        <translation>自读取以来该开关已在 FeatBit 中被修改</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>FeatBit refused the change: the flag&apos;s revision moved (HTTP 409)</source>
        <translation>FeatBit 拒绝了此变更：开关的修订号已变化（HTTP 409）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>read again afterwards, the flag is unchanged</source>
        <translation>随后重新读取，开关未改变</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1; read again afterwards, the flag is unchanged</source>
        <translation>%1；随后重新读取，开关未改变</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>FeatBit does not tell an access token whose it is or whether it is a personal or a service token; FeatBit records the change under the token&apos;s name</source>
        <translation>FeatBit 不会告诉访问令牌它属于谁，也不说明它是个人令牌还是服务令牌；FeatBit 以令牌名称记录变更</translation>
    </message>
</context>
<context>
    <name>FeatBitStream</name>
    <message>
        <location filename="../models/connectors/featbit/featbitstream.cpp" line="+97"/>
        <source>a stream message</source>
        <translation>一条数据流消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a stream message is not a JSON object</source>
        <translation>一条数据流消息不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the evaluation server sent something FlagDeck cannot read (%1)</source>
        <translation>评估服务器发送了 FlagDeck 无法读取的内容（%1）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the evaluation server refused the stream (close code 4003): the environment&apos;s server secret is wrong, or this computer&apos;s clock is more than 30 s off</source>
        <translation>评估服务器拒绝了数据流（关闭码 4003）：该环境的服务器密钥有误，或本机时钟偏差超过 30 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the evaluation server closed the stream (%1 %2)</source>
        <translation>评估服务器关闭了数据流（%1 %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the evaluation server&apos;s stream could not be opened: %1</source>
        <translation>无法打开评估服务器的数据流：%1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the evaluation server does not accept this environment&apos;s server secret (HTTP %1)</source>
        <translation>评估服务器不接受该环境的服务器密钥（HTTP %1）</translation>
    </message>
</context>
<context>
    <name>FileSecretStore</name>
    <message>
        <location filename="../models/store/filesecretstore.cpp" line="+23"/>
        <source>the token file %1 does not exist</source>
        <translation>令牌文件 %1 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the token file %1 is not a regular file</source>
        <translation>令牌文件 %1 不是普通文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the token file %1 may be read by others: allow its owner only (chmod 600 or 400)</source>
        <translation>令牌文件 %1 可被他人读取：请只允许其所有者访问（chmod 600 或 400）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the token file %1 is too large to hold a token</source>
        <translation>令牌文件 %1 过大，不可能只包含一个令牌</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the token file %1: %2</source>
        <translation>无法读取令牌文件 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the token file %1 is empty</source>
        <translation>令牌文件 %1 为空</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>cannot make %1 readable by its owner only</source>
        <translation>无法将 %1 设为仅所有者可读</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no token file is given for %1</source>
        <translation>未指定 %1 的令牌文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tokens for %1 are read from a file here; change the file instead</source>
        <translation>此处 %1 的令牌从文件中读取；请改为修改该文件</translation>
    </message>
</context>
<context>
    <name>Flag</name>
    <message>
        <location filename="../models/core/flag.cpp" line="+47"/>
        <source>the flag has no variations</source>
        <translation>开关没有变体</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>variation id &quot;%1&quot; is used twice</source>
        <translation>变体 ID “%1” 被使用了两次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the off variation &quot;%1&quot; is not one of the flag&apos;s variations</source>
        <translation>关闭时变体 “%1” 不是该开关的变体</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the rollout serves &quot;%1&quot;, which is not one of the flag&apos;s variations</source>
        <translation>发布规则投放 “%1”，但它不是该开关的变体</translation>
    </message>
</context>
<context>
    <name>FlagChange</name>
    <message>
        <location filename="../models/core/flagchange.cpp" line="+24"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off variation</source>
        <translation>关闭时的变体</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rollout: %1</source>
        <translation>发布比例：%1</translation>
    </message>
</context>
<context>
    <name>FlagDeckEvalReport</name>
    <message>
        <location filename="../models/core/flagdeckevalreport.cpp" line="+47"/>
        <source>unknown field &quot;%1&quot; (the fields are flagdeck_eval, suite, time and results)</source>
        <translation>未知字段“%1”（字段为 flagdeck_eval、suite、time 和 results）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;flagdeck_eval&quot; must be 1, the only version of the format</source>
        <translation>flagdeck_eval 必须为 1，这是该格式唯一的版本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;suite&quot; must be a text</source>
        <translation>suite 必须是文本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;time&quot; must say when the eval ran, with its zone, e.g. 2026-11-30T15:02:00Z</source>
        <translation>time 必须说明评测运行的时间并带时区，例如 2026-11-30T15:02:00Z</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;results&quot; must map each variation to its passed and total cases</source>
        <translation>results 必须将每个变体映射到其通过数和总用例数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown field &quot;%1&quot; in the results of &quot;%2&quot; (the fields are passed, total and metrics)</source>
        <translation>“%2”的结果中有未知字段“%1”（字段为 passed、total 和 metrics）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the results of &quot;%1&quot; need &quot;passed&quot; and &quot;total&quot;: whole numbers, passed at most total</source>
        <translation>“%1”的结果需要 passed 和 total：整数，且 passed 不超过 total</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;metrics&quot; of &quot;%1&quot; must map names to numbers</source>
        <translation>“%1”的 metrics 必须将名称映射到数字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>metric &quot;%1&quot; of &quot;%2&quot; must be a number</source>
        <translation>“%2”的指标“%1”必须是数字</translation>
    </message>
</context>
<context>
    <name>FlagDetailPane</name>
    <message>
        <location filename="../widgets/flagdetailpane.cpp" line="+24"/>
        <source>Select a flag to see its variations, rollout and kill switch.</source>
        <translation>选择一个开关，查看其变体、发布规则和紧急关闭。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Flag details</source>
        <translation>开关详情</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&lt;b&gt;Exposure&lt;/b&gt;</source>
        <translation>&lt;b&gt;曝光&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&lt;code&gt;%1&lt;/code&gt; · %2 · %3</source>
        <translation>&lt;code&gt;%1&lt;/code&gt; · %2 · %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+3"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (sent as %2)</source>
        <translation>%1（以 %2 的身份发送）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last change %1 by %2
Tags: %3
Revision %4</source>
        <translation>最近变更 %1，由 %2
标签：%3
修订 %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kill switch: turn off… (K)</source>
        <translation>紧急关闭：关闭…（K）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore: turn on… (R)</source>
        <translation>恢复：开启…（R）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> &lt;i&gt;(off variation)&lt;/i&gt;</source>
        <translation> &lt;i&gt;（关闭时变体）&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>FlagJson</name>
    <message>
        <location filename="../models/core/flagjson.cpp" line="+49"/>
        <source>&quot;%1&quot; is not boolean, string, number or json</source>
        <translation>“%1” 不是 boolean、string、number 或 json</translation>
    </message>
</context>
<context>
    <name>FlagServer</name>
    <message>
        <location filename="../models/connectors/flagserver.cpp" line="+42"/>
        <source>%1 does not report how often variations were served</source>
        <translation>%1 不报告各变体被提供的次数</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 cannot archive flags from FlagDeck</source>
        <translation>%1 无法从 FlagDeck 归档开关</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 does not say whose token this is</source>
        <translation>%1 没有说明这个令牌属于谁</translation>
    </message>
</context>
<context>
    <name>FlagStateAtModel</name>
    <message>
        <location filename="../models/item/flagstateatmodel.cpp" line="+19"/>
        <source>off (serves %1)</source>
        <translation>关（提供 %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on · %1</source>
        <translation>开 · %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (the rest not recorded)</source>
        <translation>%1（其余未记录）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not on the server now</source>
        <translation>当前不在服务器上</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not as it is now</source>
        <translation>与当前不同</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no change recorded before then</source>
        <translation>此前没有记录的变更</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 at %2</source>
        <translation>%1，于 %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Flag</source>
        <translation>开关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At %1 (history)</source>
        <translation>%1 时（历史）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last changed before then by</source>
        <translation>此前最后修改者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>FlagTableModel</name>
    <message>
        <location filename="../models/item/flagtablemodel.cpp" line="+53"/>
        <source>Flag</source>
        <translation>开关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill switch</source>
        <translation>紧急关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guardrails</source>
        <translation>护栏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last change</source>
        <translation>最近变更</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This server and token cannot kill or restore it: %1</source>
        <translation>此服务器和令牌无法关停或恢复它：%1</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Rollout change pending…</source>
        <translation>发布变更等待中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rollout change failed: %1</source>
        <translation>发布变更失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill pending…</source>
        <translation>关闭等待中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore pending…</source>
        <translation>恢复等待中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill failed: %1</source>
        <translation>关闭失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore failed: %1</source>
        <translation>恢复失败：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On · stale, %1 old</source>
        <translation>开 · 过期，已 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off · stale, %1 old</source>
        <translation>关 · 过期，已 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>KILLED by %1 at %2</source>
        <translation>已由%1于 %2 关停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KILLED by the monitor at %1</source>
        <translation>已由监控器于 %1 关停</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Killed automatically by %1 at %2, confirmed by the server.</source>
        <translation>由 %1 于 %2 自动关停，服务器已确认。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Killed by %1 at %2, confirmed by the server.</source>
        <translation>由 %1 于 %2 关停，服务器已确认。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 Why: %2</source>
        <translation>%1 原因：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../widgets/flagtableview.cpp" line="+185"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../widgets/flagtableview.cpp" line="+0"/>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <location filename="../widgets/flagtableview.cpp" line="+1"/>
        <source>Undo (%n s)</source>
        <translation>
            <numerusform>撤销（%n 秒）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting…</source>
        <translation>等待中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry kill</source>
        <translation>重试关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry restore</source>
        <translation>重试恢复</translation>
    </message>
</context>
<context>
    <name>FlagTableView</name>
    <message>
        <location filename="../widgets/flagtableview.cpp" line="-173"/>
        <source>Flags</source>
        <translation>开关</translation>
    </message>
</context>
<context>
    <name>GuardCommand</name>
    <message>
        <location filename="../app/guardcommand.cpp" line="+297"/>
        <source>Watches the guardrails of every flag whose contract names some, without a window, and acts as a console would: auto_kill through the server, otherwise a rollback proposal in the team inbox. Any number of guards may share a team inbox; one acts, the others stand by.</source>
        <translation>无窗口运行，监视所有在契约中列出护栏的开关，并像控制台一样处理：通过服务器执行 auto_kill，否则向团队收件箱提交回滚提议。任意多个守护进程可以共用一个团队收件箱；其中一个负责执行，其余待命。</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>The guard&apos;s settings: its connections, approvals/inbox (the team inbox&apos;s postgresql:// URL) and contracts/folder, in the console&apos;s settings format.</source>
        <translation>守护进程的设置：其连接、approvals/inbox（团队收件箱的 postgresql:// URL）和 contracts/folder，采用控制台的设置格式。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder of token files, one per connection, named by the connection&apos;s id, readable by the guard&apos;s user only (default: $CREDENTIALS_DIRECTORY, as systemd&apos;s LoadCredential= sets it).</source>
        <translation>存放令牌文件的文件夹，每个连接一个文件，以连接的 ID 命名，仅守护进程的用户可读（默认：$CREDENTIALS_DIRECTORY，即 systemd 的 LoadCredential= 所设置的目录）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>How consoles and the audit name this guard (default: guard@host).</source>
        <translation>控制台和审计中此守护进程显示的名称（默认：guard@host）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The contracts folder, instead of the one in the settings.</source>
        <translation>契约文件夹，用以代替设置中指定的文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>regression</source>
        <translation>退化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A drill: guardrail data for every connection comes from the sandbox&apos;s traffic simulator (with --sandbox-regression), so the response can be practised against a staging server. It acts on made-up numbers: never point it at production.</source>
        <translation>演练模式：每个连接的护栏数据都来自沙盒的流量模拟器（配合 --sandbox-regression），以便针对预发布服务器演练应对流程。它会依据虚构的数字采取行动：切勿将其用于生产环境。</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>意外的参数 “%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--config FILE is required (see flagdeck guard --help)</source>
        <translation>必须指定 --config 文件（见 flagdeck guard --help）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the settings file %1</source>
        <translation>无法读取设置文件 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a settings file FlagDeck can read</source>
        <translation>%1 不是 FlagDeck 能读取的设置文件</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>%1 must set approvals/inbox to the team inbox&apos;s postgresql:// URL: guards and consoles meet there</source>
        <translation>%1 必须将 approvals/inbox 设为团队收件箱的 postgresql:// URL：守护进程和控制台通过它协同</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>For a trial on the sandbox: make its traffic regress, FLAG:VARIATION:METRIC:FACTOR[@SECONDS], e.g. chat-model-route:distilled_small:p95_latency:1.4 (may be repeated). With --simulated-traffic, any connection&apos;s flag.</source>
        <translation>用于在沙盒上试运行：让其流量退化，FLAG:VARIATION:METRIC:FACTOR[@SECONDS]，例如 chat-model-route:distilled_small:p95_latency:1.4（可重复）。配合 --simulated-traffic 时，可针对任意连接的开关。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 configures no connections</source>
        <translation>%1 未配置任何连接</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 needs a token: give --credentials FOLDER or run under systemd with LoadCredential=%2:PATH</source>
        <translation>%1 需要令牌：请指定 --credentials 文件夹，或在 systemd 下以 LoadCredential=%2:路径 运行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no contracts folder: set contracts/folder in %1 or give --contracts</source>
        <translation>没有契约文件夹：请在 %1 中设置 contracts/folder，或指定 --contracts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the contracts folder %1 does not exist</source>
        <translation>契约文件夹 %1 不存在</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the contracts in %1 have errors; see flagdeck contracts check %1</source>
        <translation>%1 中的契约有错误；请用 flagdeck contracts check %1 查看</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--sandbox-regression acts on a sandbox connection and %1 configures none: add one, or make it a drill with --simulated-traffic</source>
        <translation>--sandbox-regression 作用于沙盒连接，而 %1 未配置任何沙盒连接：请添加一个，或配合 --simulated-traffic 改为演练</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>guardrail data is simulated for every connection: flags are killed on made-up numbers</source>
        <translation>所有连接的护栏数据均为模拟：开关会因虚构的数字而被关闭</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>this guard acts on regressions</source>
        <translation>此守护进程负责处理退化</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+114"/>
        <source>another guard acts; this one watches</source>
        <translation>另一个守护进程负责处理；此守护进程仅监视</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>cannot open the team inbox %1; trying again is up to the service manager</source>
        <translation>无法打开团队收件箱 %1；是否重试由服务管理器决定</translation>
    </message>
</context>
<context>
    <name>GuardHeartbeat</name>
    <message numerus="yes">
        <location filename="../models/core/guardheartbeat.cpp" line="+26"/>
        <source>Guarded by %1, last seen %n s ago</source>
        <translation>
            <numerusform>由 %1 守护，%n 秒前最后在线</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>auto_kill runs only while a console is open</source>
        <translation>auto_kill 仅在有控制台打开时运行</translation>
    </message>
</context>
<context>
    <name>GuardLease</name>
    <message>
        <location filename="../models/store/guardlease.cpp" line="+57"/>
        <source>a guard needs the team inbox on PostgreSQL (a postgresql:// URL), not %1</source>
        <translation>守护进程需要 PostgreSQL 上的团队收件箱（postgresql:// URL），而不是 %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>cannot look at the leader: %1</source>
        <translation>无法检查领导者：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot ask the inbox for the lead: %1</source>
        <translation>无法向收件箱请求领导权：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot write the heartbeat: %1</source>
        <translation>无法写入心跳：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>cannot confirm the lead: %1</source>
        <translation>无法确认领导权：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the lead was lost</source>
        <translation>已失去领导权</translation>
    </message>
</context>
<context>
    <name>GuardrailCharts</name>
    <message>
        <location filename="../widgets/guardrailcharts.cpp" line="+221"/>
        <source>Stop watching</source>
        <translation>停止监视</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>metric, e.g. p95_latency</source>
        <translation>指标，例如 p95_latency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardrail metric</source>
        <translation>护栏指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which way is better</source>
        <translation>哪个方向更好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>threshold (optional)</source>
        <translation>阈值（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardrail threshold</source>
        <translation>护栏阈值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watch</source>
        <translation>监视</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Watch for this flag:</source>
        <translation>为此开关监视：</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Stop watching %1</source>
        <translation>停止监视 %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 (control)</source>
        <translation>%1（对照）</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+60"/>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>not compared</source>
        <translation>未比较</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only one variation is served: nothing is compared in this time</source>
        <translation>只提供一个变体：这段时间内没有比较</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 per variation</source>
        <translation>每个变体的 %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Offline: guardrail metrics are read live from their source, so there is nothing to chart for %1 until FlagDeck is connected again.</source>
        <translation>离线：护栏指标从其来源实时读取，因此在 FlagDeck 重新连接之前，%1 没有可绘制的内容。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Only %1 is served since %2: nothing is compared now. The charts keep the comparison and its verdicts from before; the time since is greyed.</source>
        <translation>自 %2 起只提供 %1：现在没有比较。图表保留之前的比较及其结论；之后的时间显示为灰色。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 before %2</source>
        <comment>a verdict, until the comparison ended at a time</comment>
        <translation>%2 之前%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>threshold %1</source>
        <translation>阈值 %1</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>difference from the control, in % of its level, with its always-valid interval</source>
        <translation>与对照的差异（占其水平的百分比），附随时有效区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>difference from the control, with its always-valid interval</source>
        <translation>与对照组的差值及其始终有效的置信区间</translation>
    </message>
    <message>
        <location line="-298"/>
        <source>%1 difference from the control</source>
        <translation>%1 与对照组的差值</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a flag to see its guardrails.</source>
        <translation>选择一个开关，查看其护栏。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No guardrails are watched for %1: its contract names none, or it has no contract, or no metric source serves its connection. Without a contract, name a metric above to watch it.</source>
        <translation>%1 没有被监视的护栏：它的契约未列出护栏，或它没有契约，或没有指标源服务于它的连接。没有契约时，可在上方填写指标名称来监视它。</translation>
    </message>
</context>
<context>
    <name>GuardrailHealth</name>
    <message>
        <location filename="../models/metrics/guardrailhealth.cpp" line="+19"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not enough evidence</source>
        <translation>证据不足</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not enough data</source>
        <translation>数据不足</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>watching</source>
        <translation>监视中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regressed</source>
        <translation>已退化</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>these values mix every environment</source>
        <translation>这些数值混合了所有环境</translation>
    </message>
</context>
<context>
    <name>GuardrailMonitor</name>
    <message>
        <location filename="../models/metrics/guardrailmonitor.cpp" line="+88"/>
        <source>%1: no data for %2</source>
        <translation>%1：%2 没有数据</translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>%1: %2 at %3 (%4 to %5), beyond the threshold %6, %n interval(s)</source>
        <translation>
            <numerusform>%1：%2 为 %3（%4 至 %5），超出阈值 %6，%n 个区间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1: %2 %3 against %4 (%5 to %6), %n paired interval(s)</source>
        <translation>
            <numerusform>%1：%2 %3，对比 %4（%5 至 %6），%n 个配对区间</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1; not enough evidence yet: the interval reaches beyond the tolerance of %2</source>
        <translation>%1；证据尚不足：区间超出了 %2 的容差</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 of %3 paired intervals with enough traffic</source>
        <translation>%1：%3 个配对区间中有 %2 个流量充足</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 got %2 (promised %3)</source>
        <translation>%1 获得 %2（承诺 %3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sample ratio mismatch (p &lt; %1): %2; the comparison cannot be trusted</source>
        <translation>样本比例不匹配（p &lt; %1）：%2；比较结果不可信</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>only %1 is served: nothing to compare</source>
        <translation>只投放了 %1：没有可比较的对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the control %1 is not served: nothing to compare it with</source>
        <translation>对照组 %1 未被投放：无从比较</translation>
    </message>
</context>
<context>
    <name>GuardrailWatcher</name>
    <message>
        <location filename="../models/control/guardrailwatcher.cpp" line="+159"/>
        <source> (before the kill at %1)</source>
        <translation>（%1 关停之前）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 in %2 on %3</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Guardrail regression: %1</source>
        <translation>护栏退化：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>auto_kill by the guardrail monitor: %1; statistics since %2 UTC</source>
        <translation>护栏监视器执行 auto_kill：%1；统计自 %2 UTC 起</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1. Its contract sets auto_kill: FlagDeck is killing the flag; the row shows &quot;off&quot; once the server confirms.</source>
        <translation>%1。其契约设置了 auto_kill：FlagDeck 正在关闭该开关；服务器确认后该行显示“关”。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1. Its contract sets auto_kill, but these values mix every environment, so FlagDeck does not kill it by itself: decide now, or give the telemetry the environment (see Guardrails in the documentation).</source>
        <translation>%1。其契约设置了 auto_kill，但这些数值混合了所有环境，因此 FlagDeck 不会自行关闭它：请立即决定，或让遥测带上环境（参见文档中的“护栏”）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1. Its contract sets auto_kill; another FlagDeck (a guard or a console) is carrying it out.</source>
        <translation>%1。其契约设置了 auto_kill；另一个 FlagDeck（守护进程或控制台）正在执行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>kill</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1. Its contract does not set auto_kill: decide now — the contract&apos;s rollback action is &quot;%2&quot;; kill the flag or roll back its stage.</source>
        <translation>%1。其契约未设置 auto_kill：请立即决定——契约的回滚操作是 “%2”；关闭该开关，或将其阶段回滚。</translation>
    </message>
</context>
<context>
    <name>InterruptedChanges</name>
    <message>
        <location filename="../models/control/interruptedchanges.cpp" line="+25"/>
        <source>A kill of %1 in %2 requested at %3 was interrupted before the server answered</source>
        <translation>%3 请求的关闭 %1（%2）在服务器回应之前被中断</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A restore of %1 in %2 requested at %3 was interrupted before the server answered</source>
        <translation>%3 请求的恢复 %1（%2）在服务器回应之前被中断</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An archive of %1 in %2 requested at %3 was interrupted before the server answered</source>
        <translation>%3 请求的归档 %1（%2）在服务器回应之前被中断</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A rollout change of %1 in %2 requested at %3 was interrupted before the server answered</source>
        <translation>%3 请求的 %1（%2）发布比例更改在服务器回应之前被中断</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1; the server no longer has the flag.</source>
        <translation>%1；服务器上已没有该开关。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1; the server says the flag is now on.</source>
        <translation>%1；服务器显示该开关现在为开。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1; the server says the flag is now off.</source>
        <translation>%1；服务器显示该开关现在为关。</translation>
    </message>
</context>
<context>
    <name>JUnitReport</name>
    <message>
        <location filename="../models/core/junitreport.cpp" line="+40"/>
        <source>XML, but not JUnit: the root element is &lt;%1&gt;, not &lt;testsuites&gt; or &lt;testsuite&gt;</source>
        <translation>是 XML，但不是 JUnit：根元素是 &lt;%1&gt;，而不是 &lt;testsuites&gt; 或 &lt;testsuite&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the timestamp &quot;%1&quot; is not a date and time</source>
        <translation>时间戳“%1”不是日期时间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a &lt;testcase&gt; outside any &lt;testsuite&gt;</source>
        <translation>&lt;testcase&gt; 不在任何 &lt;testsuite&gt; 中</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>not well-formed XML: %1</source>
        <translation>XML 格式不正确：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JUnit XML without any &lt;testsuite&gt;</source>
        <translation>JUnit XML 中没有 &lt;testsuite&gt;</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <location filename="../models/core/jsonreader.cpp" line="+47"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+6"/>
        <source>expected text</source>
        <translation>应为文本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a valid key (1 to 200 of A-Z a-z 0-9 . _ -)</source>
        <translation>“%1” 不是有效的键（1 到 200 个 A-Z a-z 0-9 . _ - 字符）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is outside %2..%3</source>
        <translation>%1 超出 %2..%3</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+6"/>
        <source>expected a list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>item %1 is not text</source>
        <translation>第 %1 项不是文本</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is %2 bytes, more than the %3 bytes accepted</source>
        <translation>%1 有 %2 字节，超过可接受的 %3 字节</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not valid JSON: %2 at byte %3</source>
        <translation>%1 不是有效的 JSON：%2，位于第 %3 字节</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <location filename="../models/store/keychainsecretstore.cpp" line="+42"/>
        <source>no token is stored in the OS keychain for this connection: enter it again in the connection&apos;s settings</source>
        <translation>操作系统钥匙串中没有存储此连接的令牌：请在该连接的设置中重新输入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the OS keychain refused access: unlock it (or allow FlagDeck in it) and try again</source>
        <translation>操作系统钥匙串拒绝了访问：请将其解锁（或在其中允许 FlagDeck 访问）后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the OS keychain could not delete the token: remove the FlagDeck entry in the keychain&apos;s own program</source>
        <translation>操作系统钥匙串无法删除该令牌：请在钥匙串自身的程序中移除 FlagDeck 条目</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the OS keychain cannot be reached: FlagDeck keeps tokens in a Secret Service such as GNOME Keyring or KWallet, over a D-Bus session. Install and start one (e.g. the gnome-keyring package) and run FlagDeck in a desktop session, or, without a desktop, inside dbus-run-session with an unlocked keyring; a server runs flagdeck guard with token files instead</source>
        <translation>无法连接操作系统钥匙串：FlagDeck 通过 D-Bus 会话将令牌保存在 GNOME Keyring 或 KWallet 等 Secret Service 中。请安装并启动其中一个（例如 gnome-keyring 软件包），并在桌面会话中运行 FlagDeck；没有桌面时，请在 dbus-run-session 中配合已解锁的密钥环运行；服务器上则改用令牌文件运行 flagdeck guard</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the OS keychain failed: check that it is unlocked and that FlagDeck may use it</source>
        <translation>操作系统钥匙串出错：请检查它是否已解锁，以及是否允许 FlagDeck 使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+25"/>
        <source>%1 (the keychain said: %2)</source>
        <translation>%1（钥匙串返回：%2）</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The OS keychain is locked or refused access, so tokens cannot be stored. Unlock it (or allow FlagDeck in it) and open this dialog again.</source>
        <translation>系统钥匙串已锁定或拒绝访问，因此无法保存令牌。请解锁它（或在其中允许 FlagDeck），然后重新打开此对话框。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No secret service is running, so tokens cannot be stored. Install gnome-keyring (or KeePassXC with its Secret Service integration, or KWallet) and sign in again.</source>
        <translation>没有正在运行的 Secret Service，因此无法保存令牌。请安装 gnome-keyring（或启用 Secret Service 集成的 KeePassXC，或 KWallet），然后重新登录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The OS keychain cannot be reached, so tokens cannot be stored. Check that it is unlocked and that FlagDeck may use it.</source>
        <translation>无法访问系统钥匙串，因此无法保存令牌。请检查它是否已解锁，以及 FlagDeck 是否可以使用它。</translation>
    </message>
</context>
<context>
    <name>KillConfirmBar</name>
    <message>
        <location filename="../widgets/killconfirmbar.cpp" line="+13"/>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kill switch confirmation</source>
        <translation>紧急关闭确认</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Restore (Enter)</source>
        <translation>恢复（Enter）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kill (Enter)</source>
        <translation>关闭（Enter）</translation>
    </message>
</context>
<context>
    <name>KillSwitch</name>
    <message>
        <location filename="../models/control/killswitch.cpp" line="+50"/>
        <source>%1 is not among the flags this console shows</source>
        <translation>%1 不在本控制台显示的开关之中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline: nothing can be sent to the server</source>
        <translation>离线：无法向服务器发送任何内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another change of %1 was under way</source>
        <translation>%1 的另一项变更正在进行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing sent: %1 is already %2</source>
        <translation>未发送：%1 已经是 %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing sent: %1</source>
        <translation>未发送任何内容：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the server answered but still reports the flag off</source>
        <translation>服务器已应答，但仍报告该开关为关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server answered but still reports the flag on</source>
        <translation>服务器已应答，但仍报告该开关为开</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="+247"/>
        <source>FlagDeck</source>
        <translation>FlagDeck</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Search flags by key, name, description, tag, server or environment (Ctrl+F)</source>
        <translation>按键、名称、描述、标签、服务器或环境搜索开关（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search flags</source>
        <translation>搜索开关</translation>
    </message>
    <message>
        <location line="+652"/>
        <source>&amp;Flags</source>
        <translation>开关(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Audit history</source>
        <translation>审计历史(&amp;A)</translation>
    </message>
    <message>
        <location line="-548"/>
        <location line="+623"/>
        <source>FlagDeck — offline</source>
        <translation>FlagDeck — 离线</translation>
    </message>
    <message>
        <location line="-360"/>
        <source>%1 proposes to %2 %3</source>
        <translation>%1 提议 %2 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 risk · %2 — review it on the Approvals tab (Ctrl+3)</source>
        <translation>%1风险 · %2 — 请在“审批”标签页中审查（Ctrl+3）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Proposal for %1 %2: %3</source>
        <translation>%1 的提议%2：%3</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>%1 in %2: %3 confirmed by the server.</source>
        <translation>%1（%2）：%3 已获服务器确认。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 in %2: %3 failed: %4</source>
        <translation>%1（%2）：%3 失败：%4</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>%1 in %2 is on again: the server confirmed it.</source>
        <translation>%1（%2）已重新开启：服务器已确认。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restoring %1 in %2 failed: %3</source>
        <translation>恢复 %1（%2）失败：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Killing %1 in %2 failed: %3</source>
        <translation>关闭 %1（%2）失败：%3</translation>
    </message>
    <message numerus="yes">
        <location line="+85"/>
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>已将 %n 条导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="-195"/>
        <location line="+728"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>A&amp;pprovals</source>
        <translation>审批(&amp;P)</translation>
    </message>
    <message numerus="yes">
        <location line="+218"/>
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n 台服务器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-354"/>
        <source>%n proposal(s) waiting for review</source>
        <translation>
            <numerusform>%n 个提议等待审查</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Contracts folder</source>
        <translation>契约文件夹</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add se&amp;rver connection…</source>
        <translation>添加服务器连接(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;sandbox connection…</source>
        <translation>添加沙盒连接(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Contracts folder…</source>
        <translation>契约文件夹(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>F&amp;lag</source>
        <translation>开关(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Kill selected flags…</source>
        <translation>关闭所选开关(&amp;K)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore selected flags…</source>
        <translation>恢复所选开关(&amp;R)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;history of selected flag</source>
        <translation>显示所选开关的历史(&amp;H)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Connections</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="-554"/>
        <location line="+384"/>
        <location line="+93"/>
        <source>Flags</source>
        <translation>开关</translation>
    </message>
    <message>
        <location line="-634"/>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Only the flags a person should look at now: a guardrail regressed, or a change this console sent failed.</source>
        <translation>仅显示现在需要有人查看的开关：护栏退化，或本控制台发送的更改失败。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Guardrail charts of the selected flag</source>
        <translation>所选开关的护栏图表</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Selected flag: details and stage</source>
        <translation>所选开关：详情与阶段</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Console views</source>
        <translation>控制台视图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit history</source>
        <translation>审计历史</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleanup</source>
        <translation>清理</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Who carries out a contract&apos;s auto_kill when a guardrail regresses: a flagdeck guard on the team inbox, or only a console that is open.</source>
        <translation>护栏退化时由谁执行契约的 auto_kill：连接团队收件箱的 flagdeck guard，或者只有已打开的控制台。</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>%1@%2: %3</source>
        <translation>%1@%2：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restored: %1 of %2 confirmed by the server.</source>
        <translation>已恢复：%2 个中有 %1 个已由服务器确认。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Killed: %1 of %2 confirmed by the server.</source>
        <translation>已关闭：%2 个中有 %1 个已由服务器确认。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%1 in %2 is off: the server confirmed it. Undo (Ctrl+Z) is offered for %n s.</source>
        <translation>
            <numerusform>%2 中的 %1 已关闭：服务器已确认。可在 %n 秒内撤销（Ctrl+Z）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 in %2 is off: the server confirmed it.</source>
        <translation>%2 中的 %1 已关闭：服务器已确认。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The audit cache %1 cannot write: %2. Kills and changes still reach the servers; their audit entries are kept in memory and written as soon as the cache can take them (free some disk space if it is full). Closing FlagDeck before then loses them.</source>
        <translation>审计缓存 %1 无法写入：%2。关闭和更改仍会送达服务器；它们的审计条目保存在内存中，一旦缓存可以写入就会写入（如果磁盘已满，请释放一些空间）。在此之前关闭 FlagDeck 会丢失它们。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The audit cache %1 is damaged (%2). FlagDeck no longer writes to it; kills and changes still reach the servers, and their audit entries are kept in memory. Move the file aside with its -wal and -shm files (keep them: its history is in them, and &quot;sqlite3 %1 .recover&quot; saves what is readable): FlagDeck then starts a new cache there and writes what it kept; the servers&apos; history is fetched again at the next start.</source>
        <translation>审计缓存 %1 已损坏（%2）。FlagDeck 不再写入它；关闭和更改仍会送达服务器，它们的审计条目保存在内存中。请将该文件连同其 -wal 和 -shm 文件一起移到别处（请保留它们：历史记录在其中，“sqlite3 %1 .recover”可以挽救可读的部分）：FlagDeck 随后会在原处新建缓存并写入保存的条目；服务器的历史记录会在下次启动时重新获取。</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The audit cache writes again: the %n entries kept in memory meanwhile are in it.</source>
        <translation>
            <numerusform>审计缓存已恢复写入：期间保存在内存中的 %n 条记录已写入。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The approval queue is not open: %1</source>
        <translation>审批队列未打开：%1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>the audit cache is not open</source>
        <translation>审计缓存未打开</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 in %2: the contract requires approval for %3 at %4 risk. Sent to the approval queue as proposal %5; it runs once someone else approves it (Approvals, Ctrl+3).</source>
        <translation>%2 中的 %1：契约要求在%4风险下对 %3 进行审批。已作为提案 %5 发送到审批队列；他人批准后即执行（审批，Ctrl+3）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Due for cleanup: %1. Its code is to be removed; archive it.</source>
        <translation>待清理：%1。应移除其代码并归档。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive of %1 asked of the approval queue (proposal %2): it runs once another person approves it.</source>
        <translation>已向审批队列申请归档 %1（提议 %2）：另一人批准后执行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archive of %1 not asked: %2</source>
        <translation>未申请归档 %1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 in %2 is back as it was: confirmed by the server.</source>
        <translation>%2 中的 %1 已恢复原状：服务器已确认。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Putting %1 in %2 back failed: %3</source>
        <translation>恢复 %2 中的 %1 失败：%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 in %2: sent; waiting for the server to confirm…</source>
        <translation>%2 中的 %1：已发送；等待服务器确认…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>killed instead of an inexact revert</source>
        <translation>以关闭代替不精确的恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in %2: kill sent; the Flags tab shows when the server confirms it.</source>
        <translation>%2 中的 %1：关闭已发送；服务器确认后“开关”选项卡会显示。</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Flags (%n need attention)</source>
        <translation>
            <numerusform>开关（%n 个需要关注）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No flags match</source>
        <translation>没有匹配的开关</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n flag(s)</source>
        <translation>
            <numerusform>%1 / %n 个开关</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Approvals (%1)</source>
        <translation>审批（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>&amp;Undo last kill</source>
        <translation>撤销上次关停(&amp;U)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;What changed</source>
        <translation>变更内容(&amp;W)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;leanup</source>
        <translation>清理(&amp;L)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Acti&amp;vity</source>
        <translation>活动(&amp;V)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About FlagDeck</source>
        <translation>关于 FlagDeck(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About FlagDeck</source>
        <translation>关于 FlagDeck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;FlagDeck %1&lt;/b&gt;&lt;br&gt;The operator console for AI release engineering.</source>
        <translation>&lt;b&gt;FlagDeck %1&lt;/b&gt;&lt;br&gt;面向 AI 发布工程的运维控制台。</translation>
    </message>
    <message numerus="yes">
        <location line="+126"/>
        <source>No kill to undo: a kill can be undone for %n second(s) after the server confirmed it.</source>
        <translation>
            <numerusform>没有可撤销的关停：服务器确认后 %n 秒内可以撤销关停。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Kill and restore work on the Flags tab (Ctrl+1).</source>
        <translation>关闭和恢复需在“开关”标签页中进行（Ctrl+1）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select one or more flags that are off to restore them.</source>
        <translation>请选择一个或多个处于关闭状态的开关以恢复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select one or more flags that are on to kill them.</source>
        <translation>请选择一个或多个处于开启状态的开关以关闭。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 in %2 on %3</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore %1? It serves its rollout again.</source>
        <translation>恢复 %1？它将重新按发布规则投放。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kill %1? Everyone gets &quot;%2&quot; until it is restored.</source>
        <translation>关闭 %1？在恢复之前，所有人都将得到 “%2”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1@%2</source>
        <translation>%1@%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1@%2 → &quot;%3&quot;</source>
        <translation>%1@%2 → “%3”</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>and %n more</source>
        <translation>
            <numerusform>以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Restore %n flag(s) on %1: %2? Each serves its rollout again.</source>
        <translation>
            <numerusform>恢复 %1 上的 %n 个开关：%2？每个都将重新按发布规则投放。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Kill %n flag(s) on %1: %2? Each serves its off variation until restored.</source>
        <translation>
            <numerusform>关闭 %1 上的 %n 个开关：%2？在恢复之前，每个都将投放其关闭时变体。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Offline, and nothing is cached yet: start FlagDeck connected once, and it keeps each server&apos;s flags and history here for offline use.</source>
        <translation>离线，且尚无任何缓存：请先在连接服务器的状态下启动一次 FlagDeck，它会把每台服务器的开关和历史保存在这里，供离线使用。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n 个开关</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;Offline&lt;/b&gt;: states as last seen, %1 ago. Nothing can be changed and no guardrail is watched until FlagDeck is started connected.</source>
        <translation>&lt;b&gt;离线&lt;/b&gt;：状态为 %1 前最后所见。在 FlagDeck 以连接方式启动之前，无法更改任何内容，也不监控任何护栏。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Connection not added</source>
        <translation>未添加连接</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Remove connection</source>
        <translation>移除连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the connection &quot;%1&quot;? Its token is removed from the keychain; its audit history stays in the cache.</source>
        <translation>移除连接 “%1”？其令牌将从钥匙串中删除；其审计历史保留在缓存中。</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Contracts: %n error(s)</source>
        <translation>
            <numerusform>契约：%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Contracts: %n warning(s)</source>
        <translation>
            <numerusform>契约：%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+3"/>
        <location line="+20"/>
        <source>Write token file</source>
        <translation>写入令牌文件</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>&quot;%1&quot; needs no token.</source>
        <translation>“%1” 不需要令牌。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the token of &quot;%1&quot; in plain text to a file?</source>
        <translation>将 “%1” 的令牌以明文写入文件？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whoever can read the file can change flags on that server as you. FlagDeck makes it readable by you only. Hand it to a guard&apos;s service (systemd LoadCredential=), then delete your copy.</source>
        <translation>任何能读取该文件的人都能以您的身份修改该服务器上的开关。FlagDeck 会将其设为仅您可读。请把它交给守护进程的服务（systemd LoadCredential=），然后删除您的副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token file for &quot;%1&quot;</source>
        <translation>“%1” 的令牌文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrote the token of &quot;%1&quot; to %2 (readable by you only).</source>
        <translation>已将 “%1” 的令牌写入 %2（仅您可读）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token file was not written: %1</source>
        <translation>未写入令牌文件：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add sandbox connection</source>
        <translation>添加沙盒连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new sandbox:</source>
        <translation>新沙盒的名称：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sandbox %1</source>
        <translation>沙盒 %1</translation>
    </message>
</context>
<context>
    <name>McpCommand</name>
    <message>
        <location filename="../app/mcpcommand.cpp" line="+80"/>
        <source>The MCP server for AI agents, over stdio: agents read flags and propose actions; people approve them in FlagDeck. No tool changes a flag.</source>
        <translation>面向 AI 智能体的 MCP 服务器，通过 stdio 通信：智能体读取开关并提议操作；由人在 FlagDeck 中批准。没有任何工具会直接修改开关。</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>--inbox %1 is a folder; give the inbox file</source>
        <translation>--inbox %1 是一个文件夹；请指定收件箱文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there is no inbox at %1: give the inbox a console reads (this machine&apos;s is %2), or add --create-inbox to start a new one there</source>
        <translation>%1 处没有收件箱：请指定控制台所读取的收件箱（本机的是 %2），或加上 --create-inbox 在该处新建一个</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The SQLite inbox file (default: the console&apos;s). It must exist, unless it is the console&apos;s or --create-inbox is given.</source>
        <translation>SQLite 收件箱文件（默认：控制台所用的文件）。该文件必须已存在，除非它就是控制台所用的文件，或指定了 --create-inbox。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Make the --inbox file if it does not exist yet.</source>
        <translation>若 --inbox 文件尚不存在，则创建它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A team inbox on PostgreSQL: postgresql://role@host:port/database (the password from PGPASSWORD or ~/.pgpass).</source>
        <translation>PostgreSQL 上的团队收件箱：postgresql://角色@主机:端口/数据库（密码取自 PGPASSWORD 或 ~/.pgpass）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit cache to read flags from (default: %1). It must exist, unless it is the default.</source>
        <translation>从中读取开关的审计缓存（默认：%1）。除非使用默认值，否则它必须已存在。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown option %1 (see flagdeck mcp --help)</source>
        <translation>未知选项 %1（见 flagdeck mcp --help）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected argument &apos;%1&apos; (see flagdeck mcp --help)</source>
        <translation>意外的参数 “%1”（见 flagdeck mcp --help）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--create-inbox goes with --inbox PATH</source>
        <translation>--create-inbox 须配合 --inbox 路径 使用</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>there is no audit cache at %1 (the console&apos;s is %2)</source>
        <translation>%1 处没有审计缓存（控制台的审计缓存位于 %2）</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>--inbox and --inbox-url cannot be combined</source>
        <translation>--inbox 与 --inbox-url 不能同时使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--inbox-url needs a postgresql:// URL</source>
        <translation>--inbox-url 需要一个 postgresql:// URL</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <location filename="../models/store/memorysecretstore.cpp" line="+14"/>
        <source>no secret named %1 is stored</source>
        <translation>未存储名为 %1 的密钥</translation>
    </message>
</context>
<context>
    <name>MetricUnit</name>
    <message>
        <location filename="../models/core/metricunit.cpp" line="+30"/>
        <source>s</source>
        <comment>seconds</comment>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ms</source>
        <comment>milliseconds</comment>
        <translation>毫秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>$</source>
        <comment>currency of costs per request</comment>
        <translation>$</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2</source>
        <comment>a value and its unit</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="+36"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preference pages</source>
        <translation>首选项页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connections</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Con&amp;tracts</source>
        <translation>契约(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Approvals</source>
        <translation>审批(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notifications</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>As the system (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language shows from the next start of FlagDeck.</source>
        <translation>新的语言将在 FlagDeck 下次启动时生效。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;heme:</source>
        <translation>主题(&amp;H)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Configured connections</source>
        <translation>已配置的连接</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;server…</source>
        <translation>添加服务器(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add sand&amp;box…</source>
        <translation>添加沙盒(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ask Unleash servers for changes every:</source>
        <translation>向 Unleash 服务器查询变更的间隔：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FeatBit servers push their changes. Tokens are kept in the operating system&apos;s keychain; removing a connection removes its token.</source>
        <translation>FeatBit 服务器会主动推送变更。令牌保存在操作系统的钥匙串中；移除连接时会一并移除其令牌。</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+4"/>
        <source>Contracts folder</source>
        <translation>契约文件夹</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No contracts folder: flags are shown without contracts</source>
        <translation>没有契约文件夹：开关将在没有契约的情况下显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the contracts folder</source>
        <translation>选择契约文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FeatureOps contracts (*.yaml): each flag&apos;s owner, rollout path, guardrails and rollback. FlagDeck holds every live flag against its contract and reads the folder again when a file in it changes.</source>
        <translation>FeatureOps 契约（*.yaml）：每个开关的负责人、发布路径、护栏和回滚方式。FlagDeck 将每个线上开关与其契约对照，文件夹中的文件一有变化就重新读取。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Proposal inbox</source>
        <translation>提议收件箱</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The sandbox&apos;s agent &amp;proposes changes by itself</source>
        <translation>沙盒的智能体自行提议变更(&amp;P)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Inbox:</source>
        <translation>收件箱(&amp;I)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the inbox file</source>
        <translation>选择收件箱文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQLite inbox (*.sqlite);;All files (*)</source>
        <translation>SQLite 收件箱 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SQLite file on this computer, or a postgresql:// URL a team shares (the password comes from ~/.pgpass). Agents propose into it through flagdeck mcp. A new inbox is opened on the next start.</source>
        <translation>本机上的 SQLite 文件，或团队共享的 postgresql:// URL（密码取自 ~/.pgpass）。智能体通过 flagdeck mcp 向其中提交提议。新的收件箱将在下次启动时打开。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Low risk:</source>
        <translation>低风险：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium risk:</source>
        <translation>中风险：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High risk:</source>
        <translation>高风险：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical risk:</source>
        <translation>严重风险：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Reviewers a proposal needs&lt;/b&gt;</source>
        <translation>&lt;b&gt;提议所需的审批人数&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A contract can ask for more for its flag. Whatever is set here: an agent never approves, a proposal for a flag that changed since it was made is refused, an approved action runs exactly once, and it runs with your own credentials.</source>
        <translation>契约可以为其开关要求更多审批。无论此处如何设置：智能体永远不能批准；针对提议后已变化的开关的提议会被拒绝；已批准的操作只执行一次，并使用您自己的凭据执行。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A guardrail &amp;regresses</source>
        <translation>护栏退化时(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An agent &amp;proposes an action</source>
        <translation>智能体提议操作时(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show a desktop notification when:</source>
        <translation>在以下情况显示桌面通知：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The status bar always says it too, and a kill a contract makes on a regression is always announced.</source>
        <translation>状态栏总会同时显示；契约因退化而执行的关闭总会通知。</translation>
    </message>
</context>
<context>
    <name>PrometheusSource</name>
    <message>
        <location filename="../models/metrics/prometheussource.cpp" line="+34"/>
        <source>a point is not [time, &quot;value&quot;]</source>
        <translation>数据点不是 [时间, &quot;值&quot;]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a value is not a number: %1</source>
        <translation>值不是数字：%1</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>the answer is not JSON: %1</source>
        <translation>应答不是 JSON：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prometheus refused the query (%1): %2</source>
        <translation>Prometheus 拒绝了查询（%1）：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the answer is a %1, not a series per variation; the query must keep the label %2</source>
        <translation>应答是 %1，而不是每个变体一条序列；查询必须保留标签 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a series has no %1 label; the query must group by it</source>
        <translation>某条序列没有 %1 标签；查询必须按它分组</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>Prometheus at %1: %2</source>
        <translation>Prometheus（%1）：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of %2</source>
        <translation>%2 的 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prometheus at %1, %2: %3</source>
        <translation>%1 上的 Prometheus，%2：%3</translation>
    </message>
</context>
<context>
    <name>PromptfooReport</name>
    <message>
        <location filename="../models/core/promptfooreport.cpp" line="+30"/>
        <source>promptfoo output of results version %1: FlagDeck reads version 3 and later (promptfoo 0.60 on)</source>
        <translation>promptfoo 输出的结果版本为 %1：FlagDeck 读取版本 3 及以上（promptfoo 0.60 起）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>promptfoo output without a &quot;results&quot; list in &quot;results&quot;</source>
        <translation>promptfoo 输出的 results 中没有 results 列表</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>promptfoo result %1 has no &quot;success&quot;</source>
        <translation>promptfoo 结果 %1 没有 success</translation>
    </message>
</context>
<context>
    <name>Proposal</name>
    <message>
        <location filename="../models/core/proposal.cpp" line="+90"/>
        <source>pending · %1 left</source>
        <translation>待处理 · 剩余 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pending · expired</source>
        <translation>待处理 · 已过期</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 takes no parameters</source>
        <translation>%1 不接受参数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is already on</source>
        <translation>%1 已经是开启状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is already off</source>
        <translation>%1 已经是关闭状态</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>set_rollout takes exactly {&quot;rollout&quot;: [{&quot;variation&quot;: id, &quot;basisPoints&quot;: n}, …]}</source>
        <translation>set_rollout 只接受 {&quot;rollout&quot;: [{&quot;variation&quot;: id, &quot;basisPoints&quot;: n}, …]}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>revert follows the flag&apos;s history</source>
        <translation>恢复依据开关的历史</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>archive retires the flag on its server; its state does not change</source>
        <translation>归档会在服务器上停用该开关；其状态不变</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 follows the flag&apos;s contract</source>
        <translation>%1 遵循该开关的契约</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>revert takes exactly {&quot;changes&quot;: [change id, …]}, the ids list_changes gives</source>
        <translation>revert 只接受 {&quot;changes&quot;: [变更 ID, …]}，即 list_changes 给出的 ID</translation>
    </message>
</context>
<context>
    <name>ProposalDetailPane</name>
    <message>
        <location filename="../widgets/proposaldetailpane.cpp" line="+84"/>
        <source>&lt;i&gt;The proposer gave no evidence.&lt;/i&gt;</source>
        <translation>&lt;i&gt;提议者未提供证据。&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I have reviewed what changed since the proposal was made</source>
        <translation>我已审查提议之后发生的变化</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Approve and run</source>
        <translation>批准并执行(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;ject</source>
        <translation>拒绝(&amp;J)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Run now</source>
        <translation>立即执行(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proposal details</source>
        <translation>提议详情</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What the action would change: the flag now and after</source>
        <translation>此操作将更改的内容：开关现在与之后</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+59"/>
        <source>Show JSON diff</source>
        <translation>显示 JSON 差异</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>The exact change to the flag, as a line diff of its JSON</source>
        <translation>对开关的确切更改，以其 JSON 的逐行差异表示</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What the action would change, as a diff of the flag</source>
        <translation>该操作将带来的变化，以开关的差异显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Comment for the audit history (why you approve or reject)</source>
        <translation>写入审计历史的备注（批准或拒绝的理由）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review comment</source>
        <translation>审查备注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved, but no console has run it yet (its approver&apos;s console closed)</source>
        <translation>已批准，但尚无控制台执行（批准人的控制台已关闭）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;What it would change&lt;/b&gt; (the flag now → after)</source>
        <translation>&lt;b&gt;将会改变的内容&lt;/b&gt;（当前开关 → 之后）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Evidence&lt;/b&gt;</source>
        <translation>&lt;b&gt;证据&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hide JSON diff</source>
        <translation>隐藏 JSON 差异</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;i&gt;Select a proposal to review it.&lt;/i&gt;</source>
        <translation>&lt;i&gt;选择一个提议进行审查。&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1@%2</source>
        <translation>%1@%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 on %3%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %3 上的 %2%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · &lt;b&gt;a guardrail regressed&lt;/b&gt;</source>
        <translation> · &lt;b&gt;有护栏回退&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&lt;b&gt;Warning:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;警告：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location line="-66"/>
        <source> via %1 %2</source>
        <translation> 通过 %1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, model %1</source>
        <translation>，模型 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Proposed by %1 at %2 · %3 risk · expires %4 · %5 of %n approval(s) given</source>
        <translation>
            <numerusform>由 %1 于 %2 提议 · %3风险 · %4 过期 · 已获 %5/%n 个批准</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Reason:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;理由：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;The flag changed since this proposal was made&lt;/b&gt; (revision %1, now %2). The diff below is against the flag as it is now.%3</source>
        <translation>&lt;b&gt;自此提议以来开关已变化&lt;/b&gt;（修订 %1，现在为 %2）。下方差异是针对开关当前状态的。%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;i&gt;The flag is not among those this console shows.&lt;/i&gt;</source>
        <translation>&lt;i&gt;该开关不在本控制台显示的开关之中。&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;i&gt;Nothing to apply: %1&lt;/i&gt;</source>
        <translation>&lt;i&gt;无可应用的内容：%1&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;i&gt;Nothing would change.&lt;/i&gt;</source>
        <translation>&lt;i&gt;不会有任何更改。&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 %2 at %3%4</source>
        <translation>%1 %2 于 %3%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Decisions&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;决定&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
</context>
<context>
    <name>ProposalEvidence</name>
    <message>
        <location filename="../models/core/proposalevidence.cpp" line="+30"/>
        <source>regressed</source>
        <translation>已回退</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>watching</source>
        <translation>观察中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not enough data</source>
        <translation>数据不足</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the control</source>
        <translation>对照</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2 against %3 · %4</source>
        <translation>%1：%2 相对 %3 · %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+4"/>
        <source>%1 %2 against %3 (%4 to %5)</source>
        <translation>%1 %2 相对 %3（%4 至 %5）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 · %3</source>
        <translation>%1：%2 · %3</translation>
    </message>
</context>
<context>
    <name>ProposalInbox</name>
    <message>
        <location filename="../models/store/proposalinbox.cpp" line="+173"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>the inbox refused: this console is signed in to it as %1, and the database writes decisions under that name only (not as %2)</source>
        <translation>收件箱拒绝：此控制台以 %1 登录，数据库只以该名称写入决定（而不是 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>anyone else</source>
        <translation>其他任何人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the inbox refused: %1 made this proposal and cannot decide it</source>
        <translation>收件箱拒绝：%1 提出了此提案，不能对其做决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the inbox refused the change: %1</source>
        <translation>收件箱拒绝了此更改：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot start a transaction in the inbox</source>
        <translation>无法在收件箱中开始事务</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot commit to the inbox</source>
        <translation>无法提交到收件箱</translation>
    </message>
    <message>
        <location filename="../models/store/postgresdatabase.cpp" line="+27"/>
        <source>%1 is not a PostgreSQL URL of the form postgresql://user@host:port/database</source>
        <translation>%1 不是 postgresql://用户@主机:端口/数据库 形式的 PostgreSQL URL</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../models/store/proposalinbox.cpp" line="+63"/>
        <source>cannot open the inbox %1: %2</source>
        <translation>无法打开收件箱 %1：%2</translation>
    </message>
    <message>
        <location filename="../models/store/proposalinbox.cpp" line="-6"/>
        <source>cannot create the folder for %1</source>
        <translation>无法为 %1 创建文件夹</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot use the inbox %1</source>
        <translation>无法使用收件箱 %1</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>cannot ask the inbox who this console is</source>
        <translation>无法向收件箱查询此控制台的身份</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot set the inbox&apos;s approval policy</source>
        <translation>无法设置收件箱的审批策略</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read the inbox&apos;s tables</source>
        <translation>无法读取收件箱的表</translation>
    </message>
    <message>
        <location line="+151"/>
        <location line="+11"/>
        <location line="+6"/>
        <location line="+5"/>
        <source>cannot create the inbox %1</source>
        <translation>无法创建收件箱 %1</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>cannot upgrade the inbox %1: its decisions no longer match its proposals</source>
        <translation>无法升级收件箱 %1：其决定与提案不再匹配</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>cannot record the action in the inbox</source>
        <translation>无法在收件箱中记录该操作</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the guards</source>
        <translation>无法读取守护进程列表</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>cannot notify the consoles</source>
        <translation>无法通知各控制台</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot store the proposal</source>
        <translation>无法保存提议</translation>
    </message>
    <message>
        <location line="-460"/>
        <location line="+501"/>
        <location line="+45"/>
        <location line="+27"/>
        <location line="+16"/>
        <location line="+16"/>
        <source>cannot read the inbox</source>
        <translation>无法读取收件箱</translation>
    </message>
    <message>
        <location line="-637"/>
        <source>cannot ask the inbox for this console&apos;s session</source>
        <translation>无法向收件箱查询此控制台的会话</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>the inbox %1 was made by a newer FlagDeck (schema %2, this one knows %3). It is left as it is: open it with that FlagDeck or a newer one, or choose another inbox in Edit → Preferences → Approvals</source>
        <translation>收件箱 %1 由较新的 FlagDeck 创建（架构 %2，此版本只认识 %3）。它保持原样：请用那个或更新的 FlagDeck 打开，或在 编辑 → 首选项 → 审批 中选择另一个收件箱</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>the database does not answer</source>
        <translation>数据库没有响应</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>cannot read the decisions</source>
        <translation>无法读取决定</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+59"/>
        <source>there is no proposal %1</source>
        <translation>没有提议 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the proposal is already %1</source>
        <translation>该提议已是%1状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+136"/>
        <source>expired unapproved</source>
        <translation>未获批准即过期</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>the proposal expired at %1 and can no longer run</source>
        <translation>该提议已于 %1 过期，无法再执行</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>%1 made this proposal and cannot decide it</source>
        <translation>%1 提出了此提议，不能对其作出决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the flag changed since it was reviewed (revision %1, now %2): review what changed and decide again</source>
        <translation>自审查以来开关已变化（修订 %1，现在为 %2）：请审查变化后重新决定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 already decided this proposal</source>
        <translation>%1 已对此提议作出决定</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot store the decision</source>
        <translation>无法保存决定</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rejected by %1</source>
        <translation>被 %1 拒绝</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot record the decision</source>
        <translation>无法记录决定</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+26"/>
        <source>cannot change the proposal</source>
        <translation>无法更改提议</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>run by %1</source>
        <translation>由 %1 执行</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the proposal %1 is not running</source>
        <translation>提议 %1 未在执行</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot expire proposals</source>
        <translation>无法将提议标记为过期</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>superseded by %1</source>
        <translation>被 %1 取代</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot supersede proposals</source>
        <translation>无法取代提议</translation>
    </message>
</context>
<context>
    <name>ProposalQueueView</name>
    <message>
        <location filename="../widgets/proposalqueueview.cpp" line="+59"/>
        <source>Show proposals with this status</source>
        <translation>显示此状态的提议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proposals</source>
        <translation>提议</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>pending · %1 left</source>
        <translation>待处理 · 剩余 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>59 min</source>
        <translation>59 分钟</translation>
    </message>
    <message numerus="yes">
        <location line="+118"/>
        <location line="+2"/>
        <source>%n waiting for review</source>
        <translation>
            <numerusform>%n 个等待审查</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>%n new, shown when the pointer leaves the list or rests</source>
        <translation>
            <numerusform>%n 个新的，指针离开列表或停留时显示</numerusform>
        </translation>
    </message>
    <message>
        <location line="-30"/>
        <source>another console is running it</source>
        <translation>另一个控制台正在执行它</translation>
    </message>
</context>
<context>
    <name>ProposalReview</name>
    <message>
        <location filename="../models/control/proposalreview.cpp" line="+472"/>
        <source>restored; confirmed by the server</source>
        <translation>已恢复；服务器已确认</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>killed; confirmed by the server</source>
        <translation>已关闭；服务器已确认</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 changed since the proposal was approved: nothing sent; it needs a new review</source>
        <translation>%1 在提案获批后已更改：未发送任何内容；需要重新审核</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>confirmed by the server</source>
        <translation>服务器已确认</translation>
    </message>
    <message>
        <location line="-213"/>
        <location line="+123"/>
        <source>there is no proposal %1</source>
        <translation>没有提议 %1</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>%1 is archived on %2, which archives a flag in several environments at once: applications stop getting it in %3</source>
        <translation>%1 将在 %2 上归档，该服务器会同时在多个环境中归档开关：应用将不再在 %3 中获得它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is archived on %2: applications stop getting it in %3</source>
        <translation>%1 将在 %2 上归档：应用将不再在 %3 中获得它</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the proposal is %1</source>
        <translation>该提议状态为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the proposal expired and can no longer run</source>
        <translation>该提议已过期，无法再执行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 made this proposal and cannot decide it</source>
        <translation>%1 提出了此提议，不能对其作出决定</translation>
    </message>
    <message>
        <location line="-129"/>
        <location line="+131"/>
        <source>%1 is not among the flags this console shows</source>
        <translation>%1 不在本控制台显示的开关之中</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>a console</source>
        <translation>某个控制台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interrupted: the console of %1 stopped before the server applied the change; %2 is still at revision %3, nothing was changed (propose it again if it is still wanted)</source>
        <translation>已中断：%1 的控制台在服务器应用更改之前停止；%2 仍为修订版 %3，没有任何更改（如仍需要，请重新提议）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>interrupted, then reconciled: the console of %1 stopped before it recorded the outcome; the server shows the change (revision %2)</source>
        <translation>已中断，随后已核对：%1 的控制台在记录结果之前停止；服务器显示该更改（修订版 %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>interrupted: the console of %1 stopped before it recorded the outcome, and the server&apos;s flag cannot tell whether the change was applied (revision %2): check its history</source>
        <translation>已中断：%1 的控制台在记录结果之前停止，且无法从服务器上的开关判断更改是否已应用（修订版 %2）：请查看其历史记录</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 (inbox role)</source>
        <translation>%1（收件箱角色）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (inbox role; on this computer %2)</source>
        <translation>%1（收件箱角色；在本机为 %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (this computer&apos;s account)</source>
        <translation>%1（本机账户）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this console does not know whose token the server connection uses</source>
        <translation>此控制台不知道服务器连接使用的是谁的令牌</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>the approval queue is not open, and this change needs its approvals</source>
        <translation>审批队列未打开，而此更改需要审批</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 asks for %2 on %3</source>
        <translation>%1 请求对 %3 执行 %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the changes named are not all changes of %1</source>
        <translation>所列变更并非都是 %1 的变更</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 already is as it was before those changes</source>
        <translation>%1 已经是这些变更之前的状态</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>You decide as %1; the change is sent with %2.</source>
        <translation>您以 %1 的身份决定；更改通过 %2 发送。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>offline: nothing can be sent to the server</source>
        <translation>离线：无法向服务器发送任何内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you already decided this proposal</source>
        <translation>您已对此提议作出决定</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Proposal %1 by %2: %3</source>
        <translation>%2 的提议 %1：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved by %1: %2</source>
        <translation>由 %1 批准：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>run by %1, sent with %2</source>
        <translation>由 %1 执行，通过 %2 发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved by %1, sent with %2</source>
        <translation>由 %1 批准，通过 %2 发送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is no longer shown by this console</source>
        <translation>本控制台已不再显示 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another change of %1 was under way</source>
        <translation>%1 的另一项变更正在进行</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>put back; confirmed by the server</source>
        <translation>已恢复；服务器已确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>archived; confirmed by the server</source>
        <translation>已归档；服务器已确认</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+10"/>
        <location line="+14"/>
        <source>the change could not be sent</source>
        <translation>无法发送此变更</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>proposal %1 %2 (%3), but the inbox could not record it: %4. It is recorded as soon as the inbox answers again; it does not run again.</source>
        <translation>提议 %1 %2（%3），但收件箱无法记录：%4。收件箱恢复响应后会立即记录；它不会再次执行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ran</source>
        <translation>已执行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The approval queue&apos;s inbox %1 is back after %2 s; proposals made while it was away are read now, each once.</source>
        <translation>审批队列的收件箱 %1 在 %2 秒后恢复；期间提出的提议现在被读取，每条一次。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The approval queue&apos;s inbox %1 is away since %2 (%3). Reconnecting: proposals made meanwhile appear when it is back; nothing is decided or run until then.</source>
        <translation>审批队列的收件箱 %1 自 %2 起无法访问（%3）。正在重新连接：期间提出的提议会在恢复后出现；在此之前不会决定或执行任何操作。</translation>
    </message>
</context>
<context>
    <name>ProposalTableModel</name>
    <message>
        <location filename="../models/item/proposaltablemodel.cpp" line="+39"/>
        <source>%1@%2 on %3</source>
        <translation>%3 上的 %1@%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1@%2</source>
        <translation>%1@%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flag</source>
        <translation>开关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server / environment</source>
        <translation>服务器 / 环境</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proposed by</source>
        <translation>提议者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <location filename="../models/core/readiness.cpp" line="+28"/>
        <source>Named key with typed variations</source>
        <translation>具名键与带类型的变体</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1: %n %2 variations</source>
        <translation>
            <numerusform>%1：%n 个 %2 变体</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a flag needs a key and at least two variations with values</source>
        <translation>开关需要一个键和至少两个有值的变体</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assignment unit named</source>
        <translation>已指定分配单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract names no assignment_unit</source>
        <translation>契约未指定 assignment_unit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Contract variations exist on the server</source>
        <translation>契约中的变体在服务器上存在</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>all %n found</source>
        <translation>
            <numerusform>全部 %n 个均已找到</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server lacks %1</source>
        <translation>服务器缺少 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Safe default on the server</source>
        <translation>服务器上有安全默认值</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a variation of the flag</source>
        <translation>“%1” 不是该开关的变体</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Fallback variation on the server</source>
        <translation>服务器上有回退变体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract names no fallback</source>
        <translation>契约未指定回退</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Guardrail metric defined</source>
        <translation>已定义护栏指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract lists no guardrails</source>
        <translation>契约未列出护栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exposure and outcome joinable</source>
        <translation>曝光与结果可关联</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not checkable here: needs the metric source to report both per variation</source>
        <translation>此处无法检查：需要指标源按变体同时报告二者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardrails can stop expansion</source>
        <translation>护栏可以阻止扩大发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no guardrails</source>
        <translation>没有护栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each has a threshold or a rule</source>
        <translation>每个都有阈值或规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no threshold or rule: %1</source>
        <translation>没有阈值或规则：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+8"/>
        <source>Eval evidence for the next stage</source>
        <translation>下一阶段的评测证据</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>not checkable here: eval reports are not read</source>
        <translation>此处无法检查：不读取评测报告</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no stage ahead</source>
        <translation>没有后续阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none required to enter %1</source>
        <translation>进入 %1 无需评测</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n passing for %1</source>
        <translation>
            <numerusform>%1 有 %n 项通过</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>kill switch</source>
        <translation>紧急关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fallback %1</source>
        <translation>回退 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rollback without a deploy</source>
        <translation>无需部署即可回滚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neither a kill switch nor a fallback is available</source>
        <translation>既没有紧急关闭也没有回退可用</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Audit trail present</source>
        <translation>有审计记录</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>history in the audit cache</source>
        <translation>审计缓存中有历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no history of this flag in the audit cache</source>
        <translation>审计缓存中没有此开关的历史</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not checkable here: the audit cache is not readable</source>
        <translation>此处无法检查：审计缓存不可读</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract names no owner</source>
        <translation>契约未指定负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review date set and not passed</source>
        <translation>已设审查日期且未过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract has no review_date</source>
        <translation>契约没有 review_date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>review was due on %1</source>
        <translation>审查已于 %1 到期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cleanup condition</source>
        <translation>清理条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the contract has no cleanup_condition</source>
        <translation>契约没有 cleanup_condition</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n missing</source>
        <translation>
            <numerusform>缺少 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>ready, %n not checkable here</source>
        <translation>
            <numerusform>就绪，%n 项此处无法检查</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>RestClient</name>
    <message>
        <location filename="../models/connectors/restclient.cpp" line="+96"/>
        <source>the answer</source>
        <translation>应答</translation>
    </message>
</context>
<context>
    <name>RevertDesk</name>
    <message>
        <location filename="../models/control/revertdesk.cpp" line="+75"/>
        <source>%1 in %2 is not among the flags shown now; it cannot be put back</source>
        <translation>%2 中的 %1 不在当前显示的开关中；无法恢复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is no longer on its server</source>
        <translation>%1 已不在其服务器上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is shown as its server last showed it; connect to put it back</source>
        <translation>%1 按其服务器最后显示的状态显示；请连接后再恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a change of %1 is still waiting for the server</source>
        <translation>%1 的一个变更仍在等待服务器</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>only part of the revert was sent: a change of %1 was under way</source>
        <translation>恢复只发送了一部分：%1 有变更正在进行</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the server answered but serves a different rollout</source>
        <translation>服务器已应答，但提供的是不同的发布比例</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the server answered but the flag is still off</source>
        <translation>服务器已应答，但开关仍是关闭的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server answered but the flag is still on</source>
        <translation>服务器已应答，但开关仍是打开的</translation>
    </message>
</context>
<context>
    <name>RevertPreview</name>
    <message>
        <location filename="../models/core/revertpreview.cpp" line="+33"/>
        <source>the enabled state</source>
        <translation>启用状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the rollout</source>
        <translation>发布比例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the off variation</source>
        <translation>关闭时的变体</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the variations</source>
        <translation>变体</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot;</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the Unleash strategy before the change is not one FlagDeck can express</source>
        <translation>更改前的 Unleash 策略无法由 FlagDeck 表达</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>there is no change to put back</source>
        <translation>没有可恢复的更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the flag was created by this change; there is no state before it</source>
        <translation>此开关由该更改创建；之前没有状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the enabled state before the change is not readable</source>
        <translation>无法读取更改前的启用状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the rollout before the change is not readable: %1</source>
        <translation>无法读取更改前的发布比例：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the rollout before the change serves %1, which the flag no longer has</source>
        <translation>更改前的发布比例提供 %1，而该开关已不再有此变体</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the off variation was %1 before the change; FlagDeck cannot set it, set it on the server</source>
        <translation>变更前的关闭变体是 %1；FlagDeck 无法设置它，请在服务器上设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the off variation before the change, %1, is no longer a variation of the flag</source>
        <translation>更改前的关闭变体 %1 已不再是该开关的变体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 before the change is not recorded</source>
        <translation>未记录更改前的%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 changed since the preview (revision %2, now %3); look at it again before putting it back</source>
        <translation>%1 自预览后已更改（修订 %2，现为 %3）；恢复前请重新查看</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>reverts %1</source>
        <translation>撤销 %1</translation>
    </message>
</context>
<context>
    <name>Rollout</name>
    <message>
        <location filename="../models/core/rollout.cpp" line="+53"/>
        <source>the rollout serves no variation</source>
        <translation>发布规则没有投放任何变体</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a rollout share names no variation</source>
        <translation>某个发布份额未指定变体</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>variation &quot;%1&quot; appears twice in the rollout</source>
        <translation>变体 “%1” 在发布规则中出现了两次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>variation &quot;%1&quot; has a share of %2 basis points, outside 0..10000</source>
        <translation>变体 “%1” 的份额为 %2 个基点，超出 0..10000</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the shares sum to %1, not 100%</source>
        <translation>份额总和为 %1，而不是 100%</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>variation &quot;%1&quot; has a rollout range [%2, %3] that is not within [0, 1] at 0.01% steps</source>
        <translation>变体 “%1” 的发布区间 [%2, %3] 不在 [0, 1] 内或不是 0.01% 的整数倍</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>variation &quot;%1&quot; has a rollout range that ends before it starts</source>
        <translation>变体 “%1” 的发布区间结束早于开始</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the rollout ranges of &quot;%1&quot; and &quot;%2&quot; overlap</source>
        <translation>“%1” 与 “%2” 的发布区间重叠</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>variant &quot;%1&quot; has weight %2, outside 0..1000</source>
        <translation>变体 “%1” 的权重为 %2，超出 0..1000</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>variation &quot;%1&quot; gets %2, which Unleash cannot express: its weights move in steps of 0.1%</source>
        <translation>变体 “%1” 得到 %2，Unleash 无法表示：其权重以 0.1% 为步长</translation>
    </message>
</context>
<context>
    <name>SandboxAgent</name>
    <message>
        <location filename="../models/control/sandboxagent.cpp" line="+88"/>
        <source>withdrawn by %1: the flag is off</source>
        <translation>已由 %1 撤回：开关已关闭</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>withdrawn by %1: a guardrail regressed</source>
        <translation>已由 %1 撤回：有护栏回退</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Guardrail regression: %1. Roll back before more users are affected.</source>
        <translation>护栏退化：%1。请在更多用户受影响之前回滚。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every guardrail is healthy at this stage (%1). Expand to the next stage.</source>
        <translation>此阶段所有护栏均健康（%1）。扩大到下一阶段。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evals: %1.</source>
        <translation>评测：%1。</translation>
    </message>
</context>
<context>
    <name>SandboxDatabase</name>
    <message>
        <location filename="../models/connectors/sandbox/sandboxdatabase.cpp" line="+40"/>
        <source>the sandbox database: %1</source>
        <translation>沙盒数据库：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read the sandbox flags</source>
        <translation>无法读取沙盒开关</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot prepare the sandbox database</source>
        <translation>无法准备沙盒数据库</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the sandbox seed</source>
        <translation>沙盒种子数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the sandbox seed is not a JSON object</source>
        <translation>沙盒种子数据不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: expected a list of flags</source>
        <translation>%1：应为开关列表</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>widened to %1 after a clean guardrail window</source>
        <translation>护栏观察期无异常，已扩大到 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>paused while the incident is reviewed</source>
        <translation>事故审查期间暂停</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the sandbox seed data is missing from this build</source>
        <translation>此构建中缺少沙盒种子数据</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>seeded by the sandbox</source>
        <translation>由沙盒初始化</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>cannot archive the sandbox flag</source>
        <translation>无法归档沙盒开关</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot start a sandbox transaction</source>
        <translation>无法开始沙盒事务</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>cannot store the sandbox flag</source>
        <translation>无法保存沙盒开关</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>cannot commit the sandbox change</source>
        <translation>无法提交沙盒变更</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <location filename="../models/connectors/sandbox/sandboxserver.cpp" line="+199"/>
        <location line="+38"/>
        <location line="+12"/>
        <source>the sandbox is not connected</source>
        <translation>沙盒未连接</translation>
    </message>
    <message>
        <location line="-113"/>
        <location line="+29"/>
        <source>no flag %1 in %2</source>
        <translation>%2 中没有开关 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>revision %1 is no longer current</source>
        <translation>修订 %1 已不是最新</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>&quot;%1&quot; is not a sandbox history cursor</source>
        <translation>“%1” 不是沙盒历史游标</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the sandbox records changes under the account of the process that made them</source>
        <translation>沙盒以执行变更的进程账户记录变更</translation>
    </message>
</context>
<context>
    <name>ServerError</name>
    <message>
        <location filename="../models/connectors/servererror.cpp" line="+20"/>
        <source>The server did not accept the credentials: check the token of this connection.</source>
        <translation>服务器未接受凭据：请检查此连接的令牌。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token is valid but lacks the permission for this action: ask for a token with write access.</source>
        <translation>令牌有效，但没有执行此操作的权限：请申请具有写权限的令牌。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server does not know this flag or environment: it may have been renamed or deleted.</source>
        <translation>服务器不认识此开关或环境：它可能已被重命名或删除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The flag changed on the server since it was read: review its current state and try again.</source>
        <translation>自读取以来开关已在服务器上被修改：请查看其当前状态后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server is limiting requests: wait a moment and retry.</source>
        <translation>服务器正在限制请求：请稍候重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server could not be reached: check the network and the server address.</source>
        <translation>无法连接服务器：请检查网络和服务器地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server answered with something FlagDeck cannot read: check the server version and URL.</source>
        <translation>服务器应答了 FlagDeck 无法读取的内容：请检查服务器版本和 URL。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server failed to carry out the request: retry, or check the server&apos;s logs.</source>
        <translation>服务器未能完成请求：请重试，或查看服务器日志。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This version of the server does not offer what this needs: a newer server version is required.</source>
        <translation>此服务器版本不提供所需功能：需要更新的服务器版本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../widgets/shortcutsdialog.cpp" line="+30"/>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirm the kill or restore the bar above the table asks about</source>
        <translation>确认表格上方提示栏所询问的关闭或恢复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel that kill or restore</source>
        <translation>取消该关闭或恢复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move between the table, the detail pane and the connections</source>
        <translation>在表格、详情面板和连接之间移动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab、Shift+Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select several flags for one kill</source>
        <translation>为一次关闭选择多个开关</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+Up/Down, Ctrl+Space</source>
        <translation>Shift+上/下，Ctrl+空格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A button or field with an underlined letter</source>
        <translation>带下划线字母的按钮或字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+the letter</source>
        <translation>Alt+该字母</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a menu</source>
        <translation>打开菜单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+the menu&apos;s underlined letter</source>
        <translation>Alt+菜单的下划线字母</translation>
    </message>
</context>
<context>
    <name>SqliteFile</name>
    <message>
        <location filename="../models/store/sqlitefile.cpp" line="+33"/>
        <source>cannot create the folder for %1</source>
        <translation>无法为 %1 创建文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot use %1: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
</context>
<context>
    <name>StageActions</name>
    <message>
        <location filename="../models/control/stageactions.cpp" line="+124"/>
        <location line="+4"/>
        <source>Minimum time in stage</source>
        <translation>阶段最短停留时间</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the history does not say when this stage began (minimum %1)</source>
        <translation>历史中没有记录此阶段何时开始（最短 %1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+41"/>
        <source>Guardrails green</source>
        <translation>护栏正常</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>not known offline: guardrail metrics are read live</source>
        <translation>离线时未知：护栏指标需实时读取</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="+78"/>
        <location line="+3"/>
        <source>Evals</source>
        <translation>评测</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>eval reports are not read here</source>
        <translation>此处不读取评测报告</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none required at %1 risk</source>
        <translation>%1风险下无需审批</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n required at %1 risk: Advance asks the approval queue</source>
        <translation>
            <numerusform>%1风险下需要 %n 个：推进会提交审批队列</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>proposal %1 by %2 (%3): %4 of %5 given</source>
        <translation>提案 %1，由 %2 提出（%3）：已给出 %4 / %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not paused</source>
        <translation>未暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused by %1: %2</source>
        <translation>已被 %1 暂停：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no guardrail data is watched for this flag</source>
        <translation>此开关没有被监视的护栏数据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not enough data yet: %1</source>
        <translation>数据尚不足：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not enough evidence yet: %1</source>
        <translation>证据尚不足：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 has no contract in %2</source>
        <translation>%1 在 %2 中没有契约</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+87"/>
        <source>a change of %1 is still waiting for the server</source>
        <translation>%1 的一项变更仍在等待服务器</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+80"/>
        <source>offline: nothing can be sent to the server</source>
        <translation>离线：无法向服务器发送任何内容</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>not a stage action</source>
        <translation>不是阶段操作</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>paused by %1 (%2): resume it first</source>
        <translation>已被 %1 暂停（%2）：请先恢复推进</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>fallback</source>
        <translation>回退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the server answered but serves a different rollout</source>
        <translation>服务器已应答，但投放的是另一种发布规则</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is no longer shown by this console</source>
        <translation>此控制台不再显示 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a change of %1 in %2 is still waiting for the server</source>
        <translation>%1 在 %2 中的一个变更仍在等待服务器</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>contract unreadable</source>
        <translation>契约不可读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unowned control</source>
        <translation>无主控制</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 · paused</source>
        <translation>%1 · 已暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · review due</source>
        <translation>%1 · 待审查</translation>
    </message>
</context>
<context>
    <name>StagePlan</name>
    <message>
        <location filename="../models/core/stageplan.cpp" line="+53"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1（第 %2 / %3 阶段）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serving the fallback</source>
        <translation>正在投放回退</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off plan</source>
        <translation>偏离计划</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the flag has no variation &quot;%1&quot;, the contract&apos;s default</source>
        <translation>开关没有变体 “%1”（契约的默认值）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there is no stage after the last one</source>
        <translation>最后一个阶段之后没有阶段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stage &quot;%1&quot; exposes &quot;%2&quot;, which the flag does not have</source>
        <translation>阶段 “%1” 曝光 “%2”，但开关没有该变体</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>the flag is off: restore it before advancing</source>
        <translation>开关已关闭：推进前请先恢复</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the flag is at its last stage</source>
        <translation>开关已处于最后阶段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the flag serves its fallback: roll back to a stage first</source>
        <translation>开关正在投放回退：请先回滚到某个阶段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the rollout matches no stage: roll back to one first</source>
        <translation>发布规则不匹配任何阶段：请先回滚到某个阶段</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the flag is off: restore it first</source>
        <translation>开关已关闭：请先恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the flag has not started its rollout</source>
        <translation>开关尚未开始发布</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the contract names no fallback</source>
        <translation>契约未指定回退</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the flag has no variation &quot;%1&quot;, the contract&apos;s fallback</source>
        <translation>开关没有变体 “%1”（契约的回退）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the flag already serves its fallback</source>
        <translation>开关已经在投放回退</translation>
    </message>
</context>
<context>
    <name>StageTrack</name>
    <message>
        <location filename="../widgets/stagetrack.cpp" line="+27"/>
        <source>stage %1 of %2: %3</source>
        <translation>第 %1 / %2 阶段：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at no stage</source>
        <translation>不在任何阶段</translation>
    </message>
</context>
<context>
    <name>StageView</name>
    <message>
        <location filename="../widgets/stageview.cpp" line="+37"/>
        <source>Advance…</source>
        <translation>推进…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back…</source>
        <translation>回滚…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve fallback…</source>
        <translation>投放回退…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+208"/>
        <source>Pause…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Rollout stage</source>
        <translation>发布阶段</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>&lt;b&gt;Unowned control&lt;/b&gt;&lt;br&gt;No contract covers this flag here: it has no stages, owner or guardrails. Add one to the contracts folder (File → Contracts folder…).</source>
        <translation>&lt;b&gt;无主控制&lt;/b&gt;&lt;br&gt;此处没有契约覆盖此开关：它没有阶段、负责人或护栏。请在契约文件夹中添加一个（文件 → 契约文件夹…）。</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Reason (goes to the audit history)</source>
        <translation>理由（写入审计历史）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;Stage&lt;/b&gt;</source>
        <translation>&lt;b&gt;阶段&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Pause at this stage?&lt;/b&gt;&lt;br&gt;FlagDeck will refuse to advance it until it is resumed. Nothing changes on the server.</source>
        <translation>&lt;b&gt;在此阶段暂停？&lt;/b&gt;&lt;br&gt;在恢复之前，FlagDeck 将拒绝推进。服务器上不会有任何变化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Resume?&lt;/b&gt;&lt;br&gt;Advancing is allowed again.</source>
        <translation>&lt;b&gt;恢复推进？&lt;/b&gt;&lt;br&gt;将再次允许推进。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resume</source>
        <translation>恢复推进</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Eval report for %1: %2</source>
        <translation>%1 的评测报告：%2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&lt;b&gt;&lt;span style=&quot;color:%1&quot;&gt;Contract unreadable&lt;/span&gt;&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Until the file is fixed this flag has no stages, guardrails or auto_kill.</source>
        <translation>&lt;b&gt;&lt;span style=&quot;color:%1&quot;&gt;契约不可读&lt;/span&gt;&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;在修复该文件之前，此开关没有阶段、护栏或 auto_kill。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · for %1</source>
        <translation> · 已 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;&lt;span style=&quot;color:%1&quot;&gt;The live rollout matches no stage of the contract.&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&quot;color:%1&quot;&gt;当前线上发布规则不匹配契约的任何阶段。&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;br&gt;Paused by %1 %2: %3</source>
        <translation>&lt;br&gt;已被 %1 于 %2 暂停：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;br&gt;&lt;i&gt;A change is waiting for the server…&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;一项变更正在等待服务器…&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Gate to the next stage&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;进入下一阶段的关卡&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Resume…</source>
        <translation>恢复推进…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Readiness: %1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;就绪度：%1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Advance to %1?</source>
        <translation>推进到 %1？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll back to %1?</source>
        <translation>回滚到 %1？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve the fallback (%1)?</source>
        <translation>投放回退（%1）？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;br&gt;&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;The gate is not open&lt;/b&gt; (see above): send only if you mean to override it.&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;关卡未打开&lt;/b&gt;（见上文）：仅在您确实要越过它时才发送。&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The contract requires %n approval(s) for this at %1 risk: it goes to the approval queue as your proposal and runs once approved.</source>
        <translation>
            <numerusform>契约要求在%1风险下为此获得 %n 个审批：它将作为您的提案进入审批队列，获批后执行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask for approval</source>
        <translation>申请审批</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send to server</source>
        <translation>发送到服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send anyway</source>
        <translation>仍然发送</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Not possible:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法执行：&lt;/b&gt;%1</translation>
    </message>
</context>
<context>
    <name>TokenIdentity</name>
    <message>
        <location filename="../models/core/tokenidentity.cpp" line="+30"/>
        <source>flag server</source>
        <translation>开关服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1&apos;s %2 token</source>
        <translation>%1 的%2令牌</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the shared %1 token %2</source>
        <translation>共享的%1令牌 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the shared %1 %2 token %3</source>
        <translation>共享的%1 %2 令牌 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a %1 token whose owner the server does not say</source>
        <translation>服务器未说明所有者的%1令牌</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the token is a shared %1 token (%2): the flag server records the change under %2, not under %3</source>
        <translation>该令牌是共享的%1令牌（%2）：开关服务器以 %2 而不是 %3 记录变更</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the token belongs to %1, not to %2: the flag server records the change under %1</source>
        <translation>该令牌属于 %1，而不是 %2：开关服务器以 %1 记录变更</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the flag server does not say whose token this is</source>
        <translation>开关服务器没有说明这个令牌属于谁</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+9"/>
        <source>Unleash did not say whose token this is</source>
        <translation>Unleash 没有说明这个令牌属于谁</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unleash: an API token</source>
        <translation>Unleash：API 令牌</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personal access</source>
        <translation>个人访问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unleash: a user&apos;s personal access token</source>
        <translation>Unleash：用户的个人访问令牌</translation>
    </message>
</context>
<context>
    <name>TrafficSimulator</name>
    <message>
        <location filename="../models/metrics/trafficsimulator.cpp" line="+27"/>
        <source>a regression is FLAG:VARIATION:METRIC:FACTOR[@SECONDS], e.g. chat-model-route:distilled_small:p95_latency:1.4; got &quot;%1&quot;</source>
        <translation>退化的格式为 FLAG:VARIATION:METRIC:FACTOR[@SECONDS]，例如 chat-model-route:distilled_small:p95_latency:1.4；收到的是 “%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a regression starts @SECONDS after the start, a number such as 120; got &quot;%1&quot;</source>
        <translation>退化的开始时间 @SECONDS 是启动后的秒数，须为 120 这样的数字；收到的是 “%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the factor of a regression is a positive number such as 1.4; got &quot;%1&quot;</source>
        <translation>退化的倍数必须是 1.4 这样的正数；收到的是 “%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the sandbox seed data is missing from this build</source>
        <translation>此构建中缺少沙盒种子数据</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the sandbox has no flag &quot;%1&quot; to regress; its flags are %2</source>
        <translation>沙盒中没有可退化的开关 “%1”；其开关有 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no variation &quot;%2&quot; on the sandbox; its variations are %3</source>
        <translation>%1 在沙盒上没有变体 “%2”；其变体有 %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no contract of %1 names a guardrail, so the sandbox simulates no metric for it</source>
        <translation>%1 的契约均未列出护栏，因此沙盒不会为其模拟任何指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the sandbox simulates no metric &quot;%1&quot; for %2; its guardrail metrics are %3</source>
        <translation>沙盒不会为 %2 模拟指标 “%1”；其护栏指标有 %3</translation>
    </message>
</context>
<context>
    <name>UnleashMapping</name>
    <message>
        <location filename="../models/connectors/unleash/unleashmapping.cpp" line="+116"/>
        <source>its %1 strategy&apos;s rollout is not a whole percentage</source>
        <translation>其 %1 策略的发布比例不是整数百分比</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1% of a %2‰ variant share falls between basis points</source>
        <translation>%2‰ 变体份额的 %1% 落在基点之间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its variant weights sum to %1, not 1000</source>
        <translation>其变体权重总和为 %1，而不是 1000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its untargeted strategy has no variants while others do</source>
        <translation>其无定向策略没有变体，而其他策略有</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: a variant is named &quot;disabled&quot;, the name Unleash&apos;s SDKs give to no variant</source>
        <translation>%1：有变体名为 “disabled”，这是 Unleash SDK 用来表示“无变体”的名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 strategies serve everyone; FlagDeck shows one default rule</source>
        <translation>%1 个策略面向所有人；FlagDeck 只显示一条默认规则</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the flag has no variation &quot;%1&quot;</source>
        <translation>开关没有变体 “%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 strategies serve everyone in this environment; change them in Unleash itself</source>
        <translation>%1 个策略面向此环境中的所有人；请直接在 Unleash 中修改</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unleash rolls out in whole percents; %1 is not one</source>
        <translation>Unleash 以整数百分比发布；%1 不是整数百分比</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>variant &quot;%1&quot; would get %2 of %3 exposed, which weights out of 1000 cannot express</source>
        <translation>变体 “%1” 将得到曝光量 %3 中的 %2，以 1000 为总权重无法表示</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>variant &quot;%1&quot; is not part of the default rule&apos;s strategy</source>
        <translation>变体 “%1” 不属于默认规则的策略</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>data: expected a list</source>
        <translation>data：应为列表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>data[%1].timestamp: not an ISO 8601 time</source>
        <translation>data[%1].timestamp：不是 ISO 8601 时间</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>data[%1].variants.%2: expected a count</source>
        <translation>data[%1].variants.%2：应为计数</translation>
    </message>
</context>
<context>
    <name>UnleashServer</name>
    <message>
        <location filename="../models/connectors/unleash/unleashserver.cpp" line="+55"/>
        <source>Unleash has not said yet whose token this is</source>
        <translation>Unleash 尚未说明这个令牌属于谁</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>reading the admin token</source>
        <translation>正在读取管理员令牌</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no admin token for this connection in the keychain: %1</source>
        <translation>钥匙串中没有此连接的管理员令牌：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the entry is empty</source>
        <translation>该条目为空</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>reading projects and flags</source>
        <translation>正在读取项目和开关</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the answer is larger than %1 MiB, so FlagDeck stopped reading it</source>
        <translation>应答大于 %1 MiB，FlagDeck 已停止读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server&apos;s TLS certificate is not trusted: %1</source>
        <translation>服务器的 TLS 证书不受信任：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the admin token was not accepted%1</source>
        <translation>管理员令牌未被接受%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this is a client (backend) or frontend token, which only applications use; Unleash needs an admin token (or a personal access token) for FlagDeck</source>
        <translation>这是只供应用程序使用的客户端（后端）或前端令牌；FlagDeck 需要 Unleash 的管理员令牌（或个人访问令牌）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the token may not do this; Unleash needs an admin token (or a personal access token of a user with the permission)%1</source>
        <translation>该令牌无权执行此操作；Unleash 需要管理员令牌（或具有该权限的用户的个人访问令牌）%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>this Unleash does not offer %1</source>
        <translation>此 Unleash 不提供%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this Unleash (version %1) does not offer %2</source>
        <translation>此 Unleash（版本 %1）不提供%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the event search (GET /api/admin/search/events, Unleash 6.1 and later)</source>
        <translation>事件搜索（GET /api/admin/search/events，Unleash 6.1 及更高版本）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the event log (POST /api/admin/events/search)</source>
        <translation>事件日志（POST /api/admin/events/search）</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+3"/>
        <location line="+82"/>
        <location line="+2"/>
        <source>event log: %1</source>
        <translation>事件日志：%1</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>the answer is not a JSON object</source>
        <translation>应答不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Unleash did not say whose token this is (HTTP %1)</source>
        <translation>Unleash 没有说明这个令牌属于谁（HTTP %1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unleash %1 %2</source>
        <translation>Unleash %1 %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <location line="+41"/>
        <source>flag %1: the answer names another flag</source>
        <translation>开关 %1：应答给出的是另一个开关</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>flag %1 has no environment %2</source>
        <translation>开关 %1 没有环境 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>project %1: %2</source>
        <translation>项目 %1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 in %2 is not shown: %3</source>
        <translation>%1（%2 中）未显示：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 in %2 has no rollout FlagDeck can show: %3</source>
        <translation>%1（%2 中）没有 FlagDeck 能显示的发布规则：%3</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>polls every %1 s, last answer at %2</source>
        <translation>每 %1 秒轮询一次，最近应答于 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change requests not available (Unleash Enterprise)</source>
        <translation>变更请求不可用（Unleash Enterprise）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>history and polling through the older event log: the event search, change summaries and polls that cost nothing while nothing changes need Unleash 6.1 or later</source>
        <translation>通过较旧的事件日志获取历史和轮询：事件搜索、变更摘要以及无变化时零开销的轮询需要 Unleash 6.1 或更高版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flags not fully shown: %1; first: %2</source>
        <translation>未完整显示的开关：%1；第一个：%2</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>%1 is not an Unleash environment</source>
        <translation>%1 不是 Unleash 环境</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>usage reported by SDKs (GET /api/admin/client-metrics/features/…/raw)</source>
        <translation>SDK 报告的使用情况（GET /api/admin/client-metrics/features/…/raw）</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+68"/>
        <location line="+41"/>
        <source>no Unleash environment %1</source>
        <translation>没有 Unleash 环境 %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the flag changed in Unleash since it was read</source>
        <translation>自读取以来该开关已在 Unleash 中被修改</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the stored history cursor &quot;%1&quot; is not an Unleash event id</source>
        <translation>保存的历史游标 “%1” 不是 Unleash 的事件 ID</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="+10"/>
        <source>Welcome to FlagDeck</source>
        <translation>欢迎使用 FlagDeck</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Govern the feature flags behind your AI features: rollout stages, guardrails, the kill switch, agent proposals and the audit history. Where do you want to start?</source>
        <translation>管理 AI 功能背后的功能开关：发布阶段、护栏、紧急关闭、智能体提议和审计历史。您想从哪里开始？</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Open the sandbox</source>
        <translation>打开沙盒(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A built-in flag server with AI flags, live traffic and an agent that proposes changes. Nothing you do there reaches production.</source>
        <translation>内置的开关服务器，带有 AI 开关、实时流量和一个会提议变更的智能体。您在其中的任何操作都不会影响生产环境。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a &amp;FeatBit server</source>
        <translation>添加 FeatBit 服务器(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its API URL, its evaluation server and an access token with write access.</source>
        <translation>需要其 API URL、评估服务器和一个具有写权限的访问令牌。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add an &amp;Unleash server</source>
        <translation>添加 Unleash 服务器(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Its URL and an admin token.</source>
        <translation>需要其 URL 和一个管理员令牌。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the audit &amp;cache offline</source>
        <translation>离线打开审计缓存(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse, search, verify and export the history cached on this computer, without connecting to anything.</source>
        <translation>浏览、搜索、校验和导出本机缓存的历史，无需连接任何服务器。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Servers and sandboxes can be added later from the File menu. Edit → Preferences sets the language, the theme, the contracts folder and the approval policy; Help → Keyboard shortcuts lists the keys.</source>
        <translation>之后可以在“文件”菜单中添加服务器和沙盒。“编辑 → 首选项”可设置语言、主题、契约文件夹和审批策略；“帮助 → 键盘快捷键”列出所有按键。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+53"/>
        <source>unknown option %1 (see flagdeck --help)</source>
        <translation>未知选项 %1（见 flagdeck --help）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>--flag %1: no flags are loaded on a first start (add --sandbox)</source>
        <translation>--flag %1：首次启动时没有加载任何开关（请加上 --sandbox）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--flag %1: no loaded flag has this key</source>
        <translation>--flag %1：已加载的开关中没有此键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--flag %1: no loaded flag has this key (not every connection had loaded)</source>
        <translation>--flag %1：已加载的开关中没有此键（并非所有连接都已加载完成）</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>--sandbox-regression cannot be combined with --offline: nothing is simulated offline</source>
        <translation>--sandbox-regression 不能与 --offline 同时使用：离线时不会模拟任何内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--sandbox-regression has no effect while guardrail data comes from Prometheus (--prometheus or the Prometheus set in the preferences)</source>
        <translation>护栏数据来自 Prometheus（--prometheus 或首选项中设置的 Prometheus）时，--sandbox-regression 不起作用</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--sandbox-regression acts on the sandbox, and no sandbox connection is configured: add --sandbox</source>
        <translation>--sandbox-regression 作用于沙盒，但未配置沙盒连接：请加上 --sandbox</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>FlagDeck, the operator console for AI release engineering.</source>
        <translation>FlagDeck，面向 AI 发布工程的运维控制台。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start on the sandbox, even when servers are configured.</source>
        <translation>以沙盒启动，即使已配置服务器。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Render the main window once loaded, save it as a PNG and exit.</source>
        <translation>加载完成后将主窗口保存为 PNG 并退出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the audit cache and the last known flag states; connect to nothing.</source>
        <translation>打开审计缓存和最后已知的开关状态；不连接任何服务器。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold flags against the FeatureOps contracts in this folder (for this run).</source>
        <translation>将开关与此文件夹中的 FeatureOps 契约对照（仅本次运行）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the sandbox&apos;s traffic regress: FLAG:VARIATION:METRIC:FACTOR[@SECONDS], from the start or SECONDS after it, e.g. chat-model-route:distilled_small:p95_latency:1.4 (may be repeated).</source>
        <translation>让沙盒流量退化：FLAG:VARIATION:METRIC:FACTOR[@SECONDS]，从启动时或启动 SECONDS 秒后开始，例如 chat-model-route:distilled_small:p95_latency:1.4（可重复）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regression</source>
        <translation>退化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read guardrail metrics from this Prometheus server (for this run).</source>
        <translation>从此 Prometheus 服务器读取护栏指标（仅本次运行）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select this flag once loaded.</source>
        <translation>加载完成后选中此开关。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --screenshot: wait this many seconds after loading.</source>
        <translation>配合 --screenshot：加载完成后再等待这么多秒。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open this view once loaded: %1.</source>
        <translation>加载完成后打开此视图：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view</source>
        <translation>视图</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>flagdeck audit verify|export|sync: the audit cache without a window (flagdeck audit --help for more).</source>
        <translation>flagdeck audit verify|export|sync：无窗口的审计缓存（更多信息见 flagdeck audit --help）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>flagdeck contracts check DIR|FILE [--server ID]: validate contract files, for a team&apos;s CI.</source>
        <translation>flagdeck contracts check DIR|FILE [--server ID]：校验契约文件，用于团队的 CI。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the command %1 comes first: flagdeck %1 [options]</source>
        <translation>命令 %1 必须放在最前面：flagdeck %1 [选项]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown command &apos;%1&apos; for flagdeck: use audit, contracts, guard or mcp (see flagdeck --help)</source>
        <translation>未知的 flagdeck 命令 “%1”：请使用 audit、contracts、guard 或 mcp（见 flagdeck --help）</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>there is no display to show the window on: start it in a desktop session, or with QT_QPA_PLATFORM=offscreen for --screenshot</source>
        <translation>没有可用于显示窗口的显示环境：请在桌面会话中启动；若要使用 --screenshot，请设置 QT_QPA_PLATFORM=offscreen 后启动</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>flagdeck mcp [--inbox PATH | --inbox-url URL]: the MCP server AI agents use to propose actions, over stdio.</source>
        <translation>flagdeck mcp [--inbox 路径 | --inbox-url URL]：AI 智能体用来提议操作的 MCP 服务器，通过 stdio 通信。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>flagdeck guard --config FILE: the guardrail monitor without a window, for a server (flagdeck guard --help for more).</source>
        <translation>flagdeck guard --config 文件：无窗口的护栏监视器，用于服务器（更多信息见 flagdeck guard --help）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--sandbox and --offline cannot be combined</source>
        <translation>--sandbox 与 --offline 不能同时使用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--view must be one of: %1</source>
        <translation>--view 必须是以下之一：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--screenshot-delay needs --screenshot</source>
        <translation>--screenshot-delay 需要配合 --screenshot 使用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--screenshot-delay is a number of seconds from 0 to %1, such as 1 or 2.5; got &quot;%2&quot;</source>
        <translation>--screenshot-delay 是 0 到 %1 之间的秒数，例如 1 或 2.5；收到的是 “%2”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--contracts %1: there is no such folder</source>
        <translation>--contracts %1：没有这个文件夹</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--prometheus needs a URL such as http://127.0.0.1:9090</source>
        <translation>--prometheus 需要一个 URL，例如 http://127.0.0.1:9090</translation>
    </message>
</context>
</TS>
