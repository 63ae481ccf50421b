<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../crf_desktop/ui/sync_status.py" line="29"/>
        <source>Centre key fingerprint: %1</source>
        <translation>协调中心密钥指纹：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_status.py" line="30"/>
        <source>Site key fingerprint: %1
(the coordinating centre confirms it with you by phone)</source>
        <translation>分中心密钥指纹：%1
（协调中心会通过电话与您核对）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_status.py" line="33"/>
        <source>Key fingerprint unavailable: %1</source>
        <translation>无法获取密钥指纹：%1</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="72"/>
        <source>add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="72"/>
        <source>&amp;Add user</source>
        <translation>添加用户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="73"/>
        <source>Add a person who works on this study at this site. They log in with the temporary password and must choose their own at first login. User names are never re-used.</source>
        <translation>添加一位在本分中心参与本研究的人员。其使用临时密码登录，首次登录时必须设置自己的密码。用户名永不重复使用。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="77"/>
        <source>e.g. lina (lower case, no spaces)</source>
        <translation>例如 lina（小写，无空格）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="79"/>
        <source>as printed on signatures</source>
        <translation>与签名上打印的姓名一致</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="84"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="85"/>
        <source>&amp;Full name:</source>
        <translation>全名(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="86"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="87"/>
        <source>&amp;Temporary password:</source>
        <translation>临时密码(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>AeSummaryDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/ae_summary_dialog.py" line="67"/>
        <source>crf-desktop: adverse events summary</source>
        <translation>crf-desktop：不良事件汇总</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_summary_dialog.py" line="68"/>
        <source>Adverse events — site %1</source>
        <translation>不良事件 — 分中心 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_summary_dialog.py" line="70"/>
        <source>System organ class / CTCAE v4.03 term</source>
        <translation>系统器官分类 / CTCAE v4.03 术语</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_summary_dialog.py" line="70"/>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_summary_dialog.py" line="71"/>
        <source>Subjects</source>
        <translation>受试者数</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_summary_dialog.py" line="71"/>
        <source>Worst
grade %1</source>
        <translation>最严重
%1 级</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_summary_dialog.py" line="72"/>
        <source>Serious
events</source>
        <translation>严重
事件数</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_summary_dialog.py" line="78"/>
        <source>%1 adverse event(s) in %2 subject(s). Subjects by their worst grade of any event: %3. Serious: %4 event(s) in %5 subject(s); fatal: %6. A subject counts once per term, at the worst grade recorded for it. Treatment arms are not shown: the study is blind at the sites.</source>
        <translation>%2 名受试者共发生 %1 例不良事件。按各受试者所有事件中的最严重分级统计受试者数：%3。严重不良事件：%5 名受试者共 %4 例；致死：%6 例。每名受试者在每个术语下只计一次，按该术语记录到的最严重分级计。不显示治疗组：各分中心处于盲态。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_summary_dialog.py" line="106"/>
        <source>No SAE report is due.</source>
        <translation>目前没有待提交的 SAE 报告。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_summary_dialog.py" line="109"/>
        <source>Subject %1, adverse event #%2 (%3): %4</source>
        <translation>受试者 %1，不良事件 #%2（%3）：%4</translation>
    </message>
</context>
<context>
    <name>AeTimeline</name>
    <message>
        <location filename="../../crf_desktop/ui/ae_timeline.py" line="82"/>
        <source>ongoing</source>
        <extracomment>Grade colours (1 mild → 5 death), chosen to stay distinct in grey scale too.</extracomment>
        <translation>持续中</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_timeline.py" line="83"/>
        <source>%1: %2 – %3</source>
        <translation>%1：%2 – %3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_timeline.py" line="117"/>
        <source>No adverse events recorded.</source>
        <translation>尚未记录不良事件。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/ae_timeline.py" line="161"/>
        <source>★ serious (outlined)  ▸ ongoing</source>
        <translation>★ 严重（加框）  ▸ 持续中</translation>
    </message>
</context>
<context>
    <name>AttachScanDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="92"/>
        <source>crf-desktop: attach a signed scan</source>
        <translation>crf-desktop：附加已签名页的扫描件</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="95"/>
        <source>Attach the scan of the signed page of %1: a PDF, PNG or JPEG file of at most %2 MB, scanned straight at 150 dpi or more. It is stored encrypted with its SHA-256, and the QR code printed on the page is compared with the record&apos;s versions.</source>
        <translation>附加 %1 已签名页的扫描件：PDF、PNG 或 JPEG 文件，不超过 %2 MB，以 150 dpi 或更高分辨率端正扫描。扫描件连同其 SHA-256 值加密保存，页面上打印的二维码将与该记录的各版本进行比对。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="101"/>
        <source>The scanned file</source>
        <translation>扫描文件</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="102"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="106"/>
        <source>Scan &amp;file:</source>
        <translation>扫描文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="112"/>
        <source>&amp;Attach</source>
        <translation>附加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="124"/>
        <source>Choose the scan of the signed page</source>
        <translation>选择已签名页的扫描件</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="126"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="140"/>
        <source>Choose the scanned file first (Browse…).</source>
        <translation>请先选择扫描文件（浏览…）。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="150"/>
        <source>Attached %1. QR code: %2</source>
        <translation>已附加 %1。二维码：%2</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../crf_desktop/ui/audit_panel.py" line="64"/>
        <source>Recent activity at the coordinating centre</source>
        <translation>协调中心的近期操作</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_panel.py" line="65"/>
        <source>Recent activity at site %1</source>
        <translation>分中心 %1 的近期操作</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_panel.py" line="66"/>
        <source>The last %1 entries of the audit trail, newest first. Times are this computer&apos;s local time; hover over a time for the stored UTC value.</source>
        <translation>稽查轨迹的最近 %1 条记录，最新的在前。时间为本机本地时间；将鼠标悬停在时间上可查看存储的 UTC 时间。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_panel.py" line="69"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_panel.py" line="70"/>
        <source>Reload the audit trail (F5)</source>
        <translation>重新载入稽查轨迹 (F5)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_panel.py" line="81"/>
        <source>A %1 does not see the audit trail.</source>
        <translation>%1 无权查看稽查轨迹。</translation>
    </message>
</context>
<context>
    <name>AuditTable</name>
    <message>
        <location filename="../../crf_desktop/ui/audit_table_model.py" line="37"/>
        <source>Time (local)</source>
        <translation>时间（本地）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_table_model.py" line="37"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_table_model.py" line="38"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_table_model.py" line="38"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_table_model.py" line="39"/>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_table_model.py" line="39"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_table_model.py" line="51"/>
        <source>subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_table_model.py" line="51"/>
        <source>visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_table_model.py" line="52"/>
        <source>form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/audit_table_model.py" line="98"/>
        <source>Entry %1, recorded at %2 (UTC)</source>
        <translation>第 %1 条，记录于 %2 (UTC)</translation>
    </message>
</context>
<context>
    <name>CasebookActions</name>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="240"/>
        <source>Casebook not signed.</source>
        <translation>病例报告表未签名。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="244"/>
        <source>Locked by %1 on %2.</source>
        <translation>已由 %1 于 %2 锁定。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="248"/>
        <source>Si&amp;gn visit…</source>
        <translation>签署访视(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="249"/>
        <source>Sign case&amp;book…</source>
        <translation>签署病例报告表(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="250"/>
        <source>Unloc&amp;k casebook…</source>
        <translation>解锁病例报告表(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="250"/>
        <source>Loc&amp;k casebook…</source>
        <translation>锁定病例报告表(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="262"/>
        <source>Select a visit in the list first, then Sign visit…</source>
        <translation>请先在列表中选择一个访视，再点击“签署访视…”</translation>
    </message>
</context>
<context>
    <name>CentrePage</name>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="218"/>
        <source>Coordinating centre · study %1</source>
        <translation>协调中心 · 研究 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="219"/>
        <source>Import site packages</source>
        <translation>导入各分中心的数据包</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="220"/>
        <source>&amp;Import from folder… (Ctrl+I)</source>
        <translation>从文件夹导入(&amp;I)… (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="222"/>
        <source>Sites (key pinned at first contact: confirm the fingerprint by phone)</source>
        <translation>分中心（首次联系时绑定密钥：请通过电话核对指纹）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="223"/>
        <source>Site</source>
        <translation>分中心</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="223"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="223"/>
        <source>Pinned at</source>
        <translation>绑定时间</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="224"/>
        <source>Last package</source>
        <translation>最新数据包</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="224"/>
        <source>Last import</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="225"/>
        <source>Export the trial&apos;s data</source>
        <translation>导出试验数据</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="226"/>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="227"/>
        <source>Export CDISC O&amp;DM…</source>
        <translation>导出 CDISC ODM(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="228"/>
        <source>Un&amp;blind study…</source>
        <translation>揭盲研究(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="254"/>
        <source>(no package yet)</source>
        <translation>（尚无数据包）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="278"/>
        <source>Choose the central folder to import from</source>
        <translation>选择要从中导入的中央文件夹</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="288"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="288"/>
        <source>Importing site packages from %1…</source>
        <translation>正在从 %1 导入各分中心的数据包…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="312"/>
        <source>%1 package(s) applied; everything found was applied or already there.</source>
        <translation>已应用 %1 个数据包；找到的数据包均已应用或此前已存在。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="335"/>
        <source>Hide re&amp;port</source>
        <translation>隐藏报告(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="310"/>
        <location filename="../../crf_desktop/ui/centre_window.py" line="335"/>
        <source>Show re&amp;port</source>
        <translation>显示报告(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="315"/>
        <source>Not everything was applied: %1 shows the packages waiting behind a gap or quarantined, and why.</source>
        <translation>未全部应用：%1 显示因缺号而等待或被隔离的数据包及其原因。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="319"/>
        <source>New key for site %1: confirm its fingerprint (Sites, below) by phone before trusting its data.</source>
        <translation>分中心 %1 的新密钥：请先通过电话核对其指纹（见下方“分中心”），再信任其数据。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="343"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="343"/>
        <source>Exporting the trial&apos;s data to %1…</source>
        <translation>正在将试验数据导出至 %1…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="358"/>
        <source>Choose a new, empty folder for the CSV export</source>
        <translation>为 CSV 导出选择一个新的空文件夹</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="364"/>
        <source>Name the ODM file</source>
        <translation>为 ODM 文件命名</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="374"/>
        <source>Study unblinded on %1 by %2 (%3): the exports carry each subject&apos;s treatment arm.</source>
        <translation>研究已于 %1 由 %2 揭盲（%3）：导出文件包含每位受试者的治疗组别。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="378"/>
        <source>Blinded: the exports carry no treatment arm.</source>
        <translation>盲态：导出文件不包含治疗组别。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="391"/>
        <source>The study is unblinded: the next CSV and ODM exports carry the treatment arms.</source>
        <translation>研究已揭盲：之后的 CSV 和 ODM 导出将包含治疗组别。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="412"/>
        <source>Query %1 saved and sent to %2; the site sees it at its next export.</source>
        <translation>质疑 %1 已保存并发送至 %2；分中心下次导出时即可看到。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_window.py" line="415"/>
        <source>Query %1 saved; it is sent to the site with the next import run.</source>
        <translation>质疑 %1 已保存；将在下次导入时发送给分中心。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/change_password_dialog.py" line="25"/>
        <source>crf-desktop: change password</source>
        <translation>crf-desktop：修改密码</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/change_password_dialog.py" line="30"/>
        <source>%1 (%2): your password was set by the site admin. Choose your own password before you continue; Log out leaves without changing it.</source>
        <translation>%1（%2）：您的密码由分中心管理员设置。请先设置您自己的密码再继续；选择“注销”将不修改密码并退出。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/change_password_dialog.py" line="32"/>
        <source>Change the password of %1 (%2).</source>
        <translation>修改 %1（%2）的密码。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/change_password_dialog.py" line="39"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/change_password_dialog.py" line="39"/>
        <source>&amp;Temporary password:</source>
        <translation>临时密码(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/change_password_dialog.py" line="47"/>
        <source>C&amp;hange password</source>
        <translation>修改密码(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/change_password_dialog.py" line="51"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="36"/>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="36"/>
        <source>Initials</source>
        <translation>姓名缩写</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="36"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="37"/>
        <source>Next visit due</source>
        <translation>下次访视日期</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="37"/>
        <source>Open queries</source>
        <translation>未解决质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="50"/>
        <source>Forms done: %1 of %2</source>
        <translation>已完成表单：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="52"/>
        <source>Visit date: %1</source>
        <translation>访视日期：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="54"/>
        <source>Window: %1 to %2</source>
        <translation>访视窗：%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="57"/>
        <source>Outside the window by %1 day(s): protocol deviation</source>
        <translation>超出访视窗 %1 天：方案偏离</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="187"/>
        <source>Double-click a cell (or press Enter) to open the subject at this visit</source>
        <translation>双击单元格（或按回车键）打开该受试者的此次访视</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="128"/>
        <source>Subjects at site %1</source>
        <translation>分中心 %1 的受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="129"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="130"/>
        <source>Subject number or initials</source>
        <translation>受试者编号或姓名缩写</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="131"/>
        <source>&amp;Overdue visits</source>
        <translation>逾期访视(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="132"/>
        <source>Open &amp;queries</source>
        <translation>未解决质疑(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="133"/>
        <source>&amp;Incomplete forms</source>
        <translation>未完成表单(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="134"/>
        <source>&amp;New subject…</source>
        <translation>新建受试者(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="135"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="136"/>
        <source>Reload the dashboard (F5)</source>
        <translation>重新载入总览（F5）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="137"/>
        <source>Legend:</source>
        <translation>图例：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="139"/>
        <source>(double-click a row or press Enter to open the subject)</source>
        <translation>（双击一行或按回车键打开受试者）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="160"/>
        <source>%1 subject</source>
        <translation>%1 名受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="160"/>
        <source>%1 subjects</source>
        <translation>%1 名受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="165"/>
        <source>%1 overdue visit</source>
        <translation>%1 次访视逾期</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="165"/>
        <source>%1 overdue visits</source>
        <translation>%1 次访视逾期</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="166"/>
        <source>%1 visit with forms in progress</source>
        <translation>%1 次访视有填写中的表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="167"/>
        <source>%1 visits with forms in progress</source>
        <translation>%1 次访视有填写中的表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="175"/>
        <source>%1 SAE report due</source>
        <translation>%1 份 SAE 报告待提交</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="175"/>
        <source>%1 SAE reports due</source>
        <translation>%1 份 SAE 报告待提交</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="177"/>
        <source> (%1 overdue)</source>
        <translation>（%1 份已逾期）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="185"/>
        <source>Showing %1 of %2</source>
        <translation>显示 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="213"/>
        <source>Screen failure</source>
        <translation>筛选失败</translation>
    </message>
</context>
<context>
    <name>DisableUserDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="135"/>
        <source>disable %1</source>
        <translation>停用 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="136"/>
        <source>&amp;Disable user</source>
        <translation>停用用户(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="136"/>
        <source>Disable %1: they can no longer log in. Their entries, signatures and history stay in the audit trail. Reset the password later to enable the account again.</source>
        <translation>停用 %1：其将无法再登录。其录入、签名和历史记录保留在稽查轨迹中。以后重置密码即可重新启用该账户。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="142"/>
        <source>e.g. left the study team on 2025-03-01</source>
        <translation>例如 2025-03-01 离开研究团队</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="143"/>
        <source>R&amp;eason (required):</source>
        <translation>原因（必填）(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="83"/>
        <source>? Not evaluable</source>
        <extracomment>Shares of the width for criterion, result, evidence (missing takes the rest).</extracomment>
        <translation>? 无法判定</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="85"/>
        <source>✓ Met</source>
        <translation>✓ 符合</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="85"/>
        <source>✗ Not met</source>
        <translation>✗ 不符合</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="86"/>
        <source>✗ Met: excludes</source>
        <translation>✗ 符合：应排除</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="86"/>
        <source>✓ Not met</source>
        <translation>✓ 不符合</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="90"/>
        <source>Eligibility: %1</source>
        <translation>入选资格：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="94"/>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="94"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="94"/>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="95"/>
        <source>Missing</source>
        <translation>缺少的数据</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="96"/>
        <source>Computed from the screening forms and the concomitant-medication log; for an exclusion criterion &quot;met&quot; means the subject is excluded. Correct the forms, not this list.</source>
        <translation>根据筛选期表单和合并用药记录自动计算；排除标准“符合”表示受试者应被排除。如需更正，请修改表单，而不是此列表。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="110"/>
        <source>Inclusion criteria (all must be met)</source>
        <translation>入选标准（须全部符合）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="111"/>
        <source>Exclusion criteria (none may be met)</source>
        <translation>排除标准（均不得符合）</translation>
    </message>
</context>
<context>
    <name>FieldHistoryDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="16"/>
        <source>crf-desktop: history of %1</source>
        <translation>crf-desktop：%1 的修改历史</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="18"/>
        <source>History of %1, oldest first. Times are this computer&apos;s local time.</source>
        <translation>%1 的修改历史，按时间先后排列。时间为本机当地时间。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="22"/>
        <source>Time (local)</source>
        <translation>时间（当地）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="22"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="22"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="23"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="23"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="23"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="27"/>
        <source>Recorded at %1 (UTC)</source>
        <translation>记录于 %1（UTC）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="30"/>
        <source>No saved values yet</source>
        <translation>尚无已保存的值</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../../crf_desktop/ui/field_row.py" line="27"/>
        <source>expected %1</source>
        <translation>预期 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_row.py" line="29"/>
        <source>possible %1</source>
        <translation>可能范围 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_row.py" line="117"/>
        <source>Calculated: %1</source>
        <translation>自动计算：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_row.py" line="121"/>
        <source>Confirm value: it is correct as entered</source>
        <translation>确认数值：录入无误</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="266"/>
        <source>Filled in from the form just saved: check every value, complete the rest, and save.</source>
        <translation>已根据刚保存的表单预填：请核对每一项，补全其余内容后保存。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="273"/>
        <source>%1 — subject %2 — %3</source>
        <translation>%1 — 受试者 %2 — %3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="275"/>
        <source>Subject %1 · %2 · form %3, version %4</source>
        <translation>受试者 %1 · %2 · 表单 %3，版本 %4</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="286"/>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>保存(&amp;S) (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="287"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="288"/>
        <source>&amp;Verify (SDV)</source>
        <translation>核查(&amp;V)（SDV）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="289"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="307"/>
        <source>Read only: a %1 does not enter data.</source>
        <translation>只读：%1不录入数据。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="310"/>
        <source>Read only: this form is locked.</source>
        <translation>只读：此表单已锁定。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="312"/>
        <source>Read only: the casebook is locked; a data manager or investigator can unlock it with a reason (subject page, Unlock casebook…).</source>
        <translation>只读：病例报告表已锁定；数据管理员或研究者可填写原因后解锁（受试者页面，“解锁病例报告表…”）。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="318"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="346"/>
        <source>%1 is not asked now: the answers it depends on rule it out. Its query is on the subject page.</source>
        <translation>%1 当前不适用：其依赖的回答排除了该项。其质疑见受试者页面。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="106"/>
        <source>Not saved: %1 value(s) need correcting or confirming; see the messages under the fields.</source>
        <translation>未保存：%1 个数值需要更正或确认，请查看各项下方的提示。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="96"/>
        <source>Saved as in progress: %1 required field(s) still empty.</source>
        <translation>已保存为“填写中”：还有 %1 个必填项未填写。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="99"/>
        <source>Saved. Status: %1.</source>
        <translation>已保存。状态：%1。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="141"/>
        <source>Verified against the source documents.</source>
        <translation>已与源文件核对。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_menu.py" line="56"/>
        <source>Field &amp;history…</source>
        <translation>修改历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_menu.py" line="61"/>
        <source>Raise &amp;query…</source>
        <translation>提出质疑(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_menu.py" line="76"/>
        <source>&amp;Answer query…</source>
        <translation>回复质疑(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_menu.py" line="76"/>
        <source>&amp;Add to the answer…</source>
        <translation>补充回复(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_menu.py" line="85"/>
        <source>C&amp;lose query…</source>
        <translation>关闭质疑(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_menu.py" line="90"/>
        <source>Re-&amp;open query…</source>
        <translation>重新开启质疑(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_menu.py" line="113"/>
        <source>Query raised on %1.</source>
        <translation>已对“%1”提出质疑。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="159"/>
        <source>crf-desktop: unsaved changes</source>
        <translation>crf-desktop：未保存的修改</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="160"/>
        <source>%1 has changes that are not saved.</source>
        <translation>%1有未保存的修改。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="164"/>
        <source>Save them, discard them, or go back to the form?</source>
        <translation>保存、放弃，还是返回表单？</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="78"/>
        <source>&amp;Adverse events from these values…</source>
        <translation>根据这些数值登记不良事件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="106"/>
        <source>H ▲</source>
        <translation>高 ▲</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="106"/>
        <source>L ▼</source>
        <translation>低 ▼</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="107"/>
        <source>N</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="107"/>
        <source>no range</source>
        <translation>无参考范围</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="111"/>
        <source>No reference range of this laboratory on the sample date</source>
        <translation>该实验室在采样日期没有参考范围</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="116"/>
        <source>Saved value against %1&apos;s range %2 – %3 %4 (valid from %5)</source>
        <translation>已保存数值对照 %1 的参考范围 %2 – %3 %4（自 %5 起有效）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="142"/>
        <source>%1 has no reference range on %2 for: %3.</source>
        <translation>%1 在 %2 缺少以下参考范围：%3。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="145"/>
        <source>No CTCAE grade can be suggested without the %1.</source>
        <translation>缺少 %1，无法建议 CTCAE 分级。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="147"/>
        <source>Enter the laboratory&apos;s ranges in Tools → Reference ranges; the flags appear after the next save.</source>
        <translation>请在“工具 → 参考范围”中录入该实验室的参考范围；下次保存后将显示标记。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="189"/>
        <source>No saved value of this form suggests an adverse event that the adverse event log does not hold already.</source>
        <translation>本表单已保存的数值未提示任何尚未登记在不良事件记录中的不良事件。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="210"/>
        <source>crf-desktop: adverse event</source>
        <translation>crf-desktop：不良事件</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="211"/>
        <source>Record an adverse event now?</source>
        <translation>现在登记不良事件吗？</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="214"/>
        <source>Yes opens a new adverse event record, filled in from this form, for you to complete and save.</source>
        <translation>选择“是”将打开一条新的不良事件记录，已根据本表单预填，请补全后保存。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="217"/>
        <source>&amp;Record adverse event</source>
        <translation>登记不良事件(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="218"/>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_sae.py" line="68"/>
        <source>SAE &amp;report…</source>
        <translation>SAE 报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_sae.py" line="70"/>
        <source>Open the serious adverse event report of this event</source>
        <translation>打开该事件的严重不良事件报告</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_sae.py" line="73"/>
        <source>Print SAE re&amp;port…</source>
        <translation>打印 SAE 报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_sae.py" line="75"/>
        <source>The SAE report with its adverse event, as a PDF to check, print or save</source>
        <translation>SAE 报告及其不良事件，生成 PDF 供核对、打印或保存</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_sae.py" line="117"/>
        <source>SAE report of %1, adverse event #%2</source>
        <translation>%1 的 SAE 报告，不良事件 #%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_sae.py" line="131"/>
        <source>enter the date the site became aware of it to start the 24-hour clock</source>
        <translation>请录入分中心获知该事件的日期，以开始 24 小时计时</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_sae.py" line="133"/>
        <source>%1
Serious adverse event: %2. Open its report with “SAE report…” below.</source>
        <translation>%1
严重不良事件：%2。请用下方的“SAE 报告…”打开其报告。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_sae.py" line="149"/>
        <source>Started from adverse event #%1: the concomitant medications taken on the onset date are copied from the log. Check them, complete the report and save.</source>
        <translation>已根据不良事件 #%1 开始填写：发生日期当天使用的合并用药已从记录中复制。请核对，补全报告后保存。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_marker_text.py" line="61"/>
        <source>%1 at the centre</source>
        <translation>协调中心的 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_marker_text.py" line="71"/>
        <source>⚑ Query open again (raised by %1), follow-up question:
%2</source>
        <translation>⚑ 质疑已重新打开（由 %1 提出），追问：
%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_marker_text.py" line="73"/>
        <source>⚑ Query (%1, raised by %2):
%3</source>
        <translation>⚑ 质疑（%1，由 %2 提出）：
%3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_marker_text.py" line="78"/>
        <source>Answered %1 by %2</source>
        <translation>%2 于 %1 回复</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_marker_text.py" line="79"/>
        <source>Answered by %1</source>
        <translation>由 %1 回复</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_marker_text.py" line="83"/>
        <source>%1, waiting for the centre:
%2</source>
        <translation>%1，等待协调中心处理：
%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_marker_text.py" line="85"/>
        <source>%1, waiting for the monitor:
%2</source>
        <translation>%1，等待监查员处理：
%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_marker_text.py" line="81"/>
        <source>%1:
%2</source>
        <translation>%1：
%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_queries.py" line="129"/>
        <source>Answer: %1</source>
        <translation>回复：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_queries.py" line="146"/>
        <source>Answer query… (Enter, or %1 on the field)</source>
        <translation>回复质疑…（按 Enter，或在字段上按 %1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_queries.py" line="142"/>
        <source>Close query… (Enter, or %1 on the field)</source>
        <translation>关闭质疑…（按 Enter，或在字段上按 %1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_queries.py" line="144"/>
        <source>Add to the answer… (Enter, or %1 on the field)</source>
        <translation>补充回复…（按 Enter，或在字段上按 %1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_queries.py" line="192"/>
        <source>The query on %1 was raised by the coordinating centre: the centre closes it once it has read the answer.</source>
        <translation>%1 的质疑由协调中心提出：协调中心阅读回复后将其关闭。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_queries.py" line="196"/>
        <source>%1 has no query that a %2 can act on.</source>
        <translation>%1 没有 %2 可以处理的质疑。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_queries.py" line="209"/>
        <source>Put the cursor in a field first, then press %1 to answer, close or raise its query.</source>
        <translation>请先将光标放在某个字段上，然后按 %1 回复、关闭或提出该字段的质疑。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_queries.py" line="227"/>
        <source>Query on %1 answered.</source>
        <translation>已回复 %1 的质疑。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_queries.py" line="235"/>
        <source>Query on %1 re-opened.</source>
        <translation>已重新开启 %1 的质疑。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_queries.py" line="236"/>
        <source>Query on %1 closed.</source>
        <translation>已关闭 %1 的质疑。</translation>
    </message>
</context>
<context>
    <name>LabAeOfferDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/lab_ae_offer.py" line="38"/>
        <source>crf-desktop: adverse events suggested by lab values</source>
        <translation>crf-desktop：根据化验值提示的不良事件</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lab_ae_offer.py" line="42"/>
        <source>%1 value(s) of this labs form meet a CTCAE v4.03 grade of 1 or more. Is any of them an adverse event? The investigator decides; choose one to open a new adverse event, pre-filled, to check and save.</source>
        <translation>本化验表单中有 %1 个数值达到 CTCAE v4.03 1 级或以上。其中是否有不良事件？由研究者判断；选择一项将打开一条已预填的新不良事件记录，请核对后保存。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lab_ae_offer.py" line="53"/>
        <source>%1, grade %2
%3
Grade %2: %4</source>
        <translation>%1，%2 级
%3
%2 级：%4</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lab_ae_offer.py" line="59"/>
        <source>&amp;Record adverse event</source>
        <translation>登记不良事件(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lab_ae_offer.py" line="60"/>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="51"/>
        <source>crf-desktop is locked</source>
        <translation>crf-desktop 已锁定</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/lock_actions.py" line="25"/>
        <source>crf-desktop: unlock the casebook of %1</source>
        <translation>crf-desktop：解锁 %1 的病例报告表</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lock_actions.py" line="26"/>
        <source>Unlocking lets the data of subject %1 be changed again. Any change invalidates the casebook signature, which must then be given again before the casebook is locked again. Say why it is unlocked; the reason is kept in the audit trail.</source>
        <translation>解锁后，受试者 %1 的数据可以再次修改。任何修改都会使病例报告表的签名失效，再次锁定前必须重新签名。请说明解锁原因；原因将记入稽查轨迹。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lock_actions.py" line="29"/>
        <source>&amp;Unlock casebook</source>
        <translation>解锁病例报告表(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lock_actions.py" line="31"/>
        <source>crf-desktop: lock the casebook of %1</source>
        <translation>crf-desktop：锁定 %1 的病例报告表</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lock_actions.py" line="32"/>
        <source>Locking the signed casebook of subject %1 stops every change to its data until a data manager or investigator unlocks it with a reason. The lock is audited.</source>
        <translation>锁定受试者 %1 已签名的病例报告表后，其数据将不能做任何修改，直至数据管理员或研究者填写原因后解锁。锁定操作记入稽查轨迹。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lock_actions.py" line="35"/>
        <source>&amp;Lock casebook</source>
        <translation>锁定病例报告表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lock_actions.py" line="40"/>
        <source>e.g. query 12: visit date corrected from the source</source>
        <translation>例如：质疑 12，已根据源文件更正访视日期</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/lock_actions.py" line="42"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="77"/>
        <source>crf-desktop: locked</source>
        <translation>crf-desktop：已锁定</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="81"/>
        <source>Locked: %1 · %2</source>
        <translation>已锁定：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="85"/>
        <source>Everything you had open is kept as it was. Enter your password to continue.</source>
        <translation>您打开的所有内容均保持原样。输入密码以继续。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="90"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="95"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="97"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="99"/>
        <source>For another person to log in: closes the open windows; anything not saved is lost</source>
        <translation>供其他人登录：关闭已打开的窗口；未保存的内容将丢失</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="115"/>
        <source>Type your password to unlock.</source>
        <translation>请输入密码以解锁。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="36"/>
        <source>%1

To start a new site in this folder, the site admin runs in a terminal:
    %2
To try the app with fictitious data instead:
    %3</source>
        <translation>%1

如需在此文件夹中建立新的分中心，请分中心管理员在终端中运行：
    %2
如需使用虚构数据试用本软件：
    %3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="46"/>
        <source>Coordinating centre · Study %1</source>
        <translation>协调中心 · 研究 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="47"/>
        <source>Site %1 · Study %2</source>
        <translation>分中心 %1 · 研究 %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="48"/>
        <source>%1 (demo)</source>
        <translation>%1（演示）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="60"/>
        <source>crf-desktop: log in</source>
        <translation>crf-desktop：登录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="68"/>
        <source>Data directory: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="79"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="81"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="87"/>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="112"/>
        <source>DEMO: fictitious site for training, not for real patients</source>
        <translation>演示：用于培训的虚构分中心，不得用于真实患者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="118"/>
        <source>Demo users and their passwords (also printed in the terminal). Choose a user to fill in the fields.</source>
        <translation>演示用户及其密码（也打印在终端中）。选择一个用户即可自动填写。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="129"/>
        <source>Fill in %1 and the demo password</source>
        <translation>填入 %1 及演示密码</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="161"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="56"/>
        <source>crf-desktop — Coordinating centre · %1 — %2 (%3)</source>
        <translation>crf-desktop — 协调中心 · %1 — %2（%3）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="58"/>
        <source>crf-desktop — Site %1 · %2 — %3 (%4)</source>
        <translation>crf-desktop — 分中心 %1 · %2 — %3（%4）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="99"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="167"/>
        <source>Data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="168"/>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="169"/>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="172"/>
        <source>⚠ %1 storage warning(s): see the top of the window</source>
        <translation>⚠ %1 条存储警告：见窗口顶部</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="174"/>
        <source>Subjects</source>
        <translation>受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="176"/>
        <source>Site activity</source>
        <translation>分中心操作记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="176"/>
        <source>Centre activity</source>
        <translation>协调中心操作记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="178"/>
        <source>Centre</source>
        <translation>协调中心</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="182"/>
        <location filename="../../crf_desktop/ui/main_window.py" line="214"/>
        <source>Subject %1</source>
        <translation>受试者 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="154"/>
        <source>&amp;View</source>
        <extracomment>The View ▸ Language entry reads the same in every language, so a person who cannot read the current one still finds the way back (not translated on purpose). the bar&apos;s menus in their order, to put a shown menu back in its place</extracomment>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="155"/>
        <source>&amp;Centre</source>
        <translation>协调中心(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="156"/>
        <source>&amp;Subjects</source>
        <translation>受试者(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="157"/>
        <source>Centre &amp;activity</source>
        <translation>协调中心操作记录(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="158"/>
        <source>Site &amp;activity</source>
        <translation>分中心操作记录(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="159"/>
        <source>&amp;Responses by visit</source>
        <translation>按访视的应答情况(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="160"/>
        <source>Adverse &amp;events summary</source>
        <translation>不良事件汇总(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="162"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="163"/>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="164"/>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="165"/>
        <source>Print &amp;blank CRF book…</source>
        <translation>打印空白病例报告表(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="166"/>
        <source>Check a &amp;printed page…</source>
        <translation>核对打印页(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="167"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="168"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="169"/>
        <source>&amp;Admin</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="170"/>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="171"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="172"/>
        <source>&amp;Reference ranges…</source>
        <translation>参考范围(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="173"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="174"/>
        <source>&amp;About crf-desktop</source>
        <translation>关于 crf-desktop(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window_menus.py" line="175"/>
        <source>&amp;Study configuration…</source>
        <translation>研究配置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="302"/>
        <source>blank CRF book</source>
        <translation>空白病例报告表</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="317"/>
        <source>Case report forms for study %1, site %2.</source>
        <translation>研究 %1、分中心 %2 的病例报告表。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="319"/>
        <source>Data directory: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="323"/>
        <source>About crf-desktop</source>
        <translation>关于 crf-desktop</translation>
    </message>
</context>
<context>
    <name>NewSubjectDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="30"/>
        <source>crf-desktop: new subject</source>
        <translation>crf-desktop：新建受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="32"/>
        <source>Register a person who has signed the informed consent. The next screening number of the site is given to them.</source>
        <translation>登记已签署知情同意书的受试者，系统将分配本分中心的下一个筛选号。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="37"/>
        <source>2–4 letters, e.g. ZSF</source>
        <translation>2–4 个字母，如 ZSF</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="41"/>
        <source>e.g. 1985 (leave empty if not known)</source>
        <translation>如 1985（不详则留空）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="44"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="45"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="48"/>
        <source>&amp;Initials:</source>
        <translation>姓名缩写(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="49"/>
        <source>&amp;Year of birth:</source>
        <translation>出生年份(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="49"/>
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="54"/>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="69"/>
        <source>year of birth “%1”: type four digits, e.g. 1985</source>
        <translation>出生年份“%1”：请输入四位数字，如 1985</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../crf_desktop/ui/operation.py" line="257"/>
        <source>Cancel</source>
        <extracomment>Given to the work: report ``(done, total)``; it returns False once the person asked to cancel (work that can stop then raises :class:`Cancelled`, having written nothing; work that cannot stop ignores it). Application-wide: the idle lock pauses while ``activity.busy``.</extracomment>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/operation.py" line="272"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>Outcomes</name>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="38"/>
        <source>visit not recorded</source>
        <translation>访视未记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="39"/>
        <source>UPCR</source>
        <translation>尿蛋白/肌酐比值</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="40"/>
        <source>creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="41"/>
        <source>albumin</source>
        <translation>白蛋白</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="42"/>
        <source>urinary sediment</source>
        <translation>尿沉渣</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="44"/>
        <source>PhGA</source>
        <translation>医生总体评估</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="62"/>
        <source>BILAG (%1 systems)</source>
        <translation>BILAG（%1 个系统）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="85"/>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="94"/>
        <source>Visit not recorded yet</source>
        <translation>访视尚未记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="87"/>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="96"/>
        <source>%1 — missing %2</source>
        <translation>%1 — 缺少 %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="106"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="112"/>
        <source>new BILAG A: %1</source>
        <translation>新发 BILAG A：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="113"/>
        <source>new BILAG B: %1</source>
        <translation>新发 BILAG B：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="132"/>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="157"/>
        <source>%1 (%2 % from baseline)</source>
        <translation>%1（较基线 %2 %）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="143"/>
        <source>%1 % of baseline (%2)</source>
        <translation>为基线的 %1 %（%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="170"/>
        <source>%1 (%2 % of baseline)</source>
        <translation>%1（为基线的 %2 %）</translation>
    </message>
</context>
<context>
    <name>OutcomesPanel</name>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="132"/>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="132"/>
        <source>Days from baseline</source>
        <translation>距基线天数</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="133"/>
        <source>Renal response (%1)</source>
        <translation>肾脏缓解（%1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="134"/>
        <source>UPCR (change from baseline)</source>
        <translation>尿蛋白/肌酐比值（较基线变化）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="134"/>
        <source>Creatinine (% of baseline)</source>
        <translation>肌酐（为基线的 %）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="134"/>
        <source>SRI-4</source>
        <translation>SRI-4</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="135"/>
        <source>SRI-4 components</source>
        <translation>SRI-4 各组成部分</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="137"/>
        <source>One panel per measure; points are the recorded values, a dashed line bridges visits where the value was not recorded. Where the visit names do not fit: BL = baseline, W4 = week 4.</source>
        <translation>每项指标一个小图；圆点为记录值，虚线跨过未记录该值的访视。访视名称放不下时：基线 = 基线访视，4周 = 第 4 周。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="145"/>
        <source>Renal response by the %1 definition: complete = UPCR &lt; 0.5 g/g and creatinine ≤ 110 % of baseline; partial = UPCR down ≥ 50 % (and &lt; 3.0 g/g when baseline ≥ 3.0 g/g) and creatinine ≤ 125 % of baseline. SRI-4: SLEDAI-2K down ≥ 4, no new BILAG A, at most one new BILAG B, PhGA not worse by ≥ 0.3.</source>
        <translation>肾脏缓解按 %1 定义：完全缓解 = 尿蛋白/肌酐比值 &lt; 0.5 g/g 且肌酐 ≤ 基线的 110 %；部分缓解 = 尿蛋白/肌酐比值下降 ≥ 50 %（基线 ≥ 3.0 g/g 时还须 &lt; 3.0 g/g）且肌酐 ≤ 基线的 125 %。SRI-4：SLEDAI-2K 下降 ≥ 4，无新发 BILAG A，新发 BILAG B 不超过一个，医生总体评估恶化 &lt; 0.3。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="149"/>
        <source>Renal response by the %1 definition (study configuration): %2</source>
        <translation>肾脏缓解按 %1 定义（研究配置）：%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="152"/>
        <source>Time to first partial response: %1</source>
        <translation>首次部分缓解时间：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="153"/>
        <source>Time to first complete response: %1</source>
        <translation>首次完全缓解时间：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="158"/>
        <source>total remission (%1)</source>
        <translation>总缓解（%1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="160"/>
        <source>no remission</source>
        <translation>未缓解</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="163"/>
        <source>Week %1: %2</source>
        <translation>第 %1 周：%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="164"/>
        <source>Total remission (complete or partial renal response): %1</source>
        <translation>总缓解（肾脏完全或部分缓解）：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="170"/>
        <source>not reached</source>
        <translation>尚未达到</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="172"/>
        <source>%1 (visit date not recorded)</source>
        <translation>%1（访视日期未记录）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="173"/>
        <source>%1, day %2 from baseline</source>
        <translation>%1，距基线第 %2 天</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <location filename="../../crf_desktop/ui/password_fields.py" line="27"/>
        <source>at least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/password_fields.py" line="42"/>
        <source>Re&amp;peat it:</source>
        <translation>再次输入(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/password_fields.py" line="62"/>
        <source>Repeat the new password exactly in the second field</source>
        <translation>请在第二个输入框中准确重复新密码</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/password_fields.py" line="63"/>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/password_fields.py" line="76"/>
        <source>At least %1 characters, not the user name. A short sentence is easy to remember and hard to guess.</source>
        <translation>至少 %1 个字符，不能是用户名。一句短句既好记又难猜。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/password_fields.py" line="84"/>
        <source>✓ The password meets the rule and both fields match.</source>
        <translation>✓ 密码符合规则，两次输入一致。</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="74"/>
        <source>Preparing %1…</source>
        <translation>正在准备 %1…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="133"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="135"/>
        <source>This &amp;form…</source>
        <translation>本表单(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="136"/>
        <source>This &amp;visit…</source>
        <translation>本次访视(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="137"/>
        <source>Whole &amp;casebook…</source>
        <translation>整本病例报告表(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="138"/>
        <source>&amp;Blank form…</source>
        <translation>空白表单(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="139"/>
        <source>Blank v&amp;isit…</source>
        <translation>空白访视(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="140"/>
        <source>Blank b&amp;ook…</source>
        <translation>整本空白病例报告表(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="161"/>
        <location filename="../../crf_desktop/ui/print_actions.py" line="280"/>
        <source>%1 casebook</source>
        <translation>%1 病例册</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="176"/>
        <source>blank CRF book</source>
        <translation>空白 CRF 册</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="179"/>
        <location filename="../../crf_desktop/ui/print_actions.py" line="182"/>
        <source>blank %1</source>
        <translation>空白 %1</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="68"/>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="123"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="124"/>
        <source>%1 pages</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="125"/>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>打印(&amp;P)… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="126"/>
        <source>&amp;Save as PDF… (Ctrl+S)</source>
        <translation>另存为 PDF(&amp;S)… (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="127"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="137"/>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="180"/>
        <source>The printer could not be started; check that it is on and try again.</source>
        <translation>无法启动打印机；请检查打印机已开启，然后重试。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="196"/>
        <source>Sent %1 pages to %2.</source>
        <translation>已将 %1 页发送至 %2。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="202"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="204"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_preview.py" line="221"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>QrCheckDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="191"/>
        <location filename="../../crf_desktop/ui/print_actions.py" line="218"/>
        <source>Check a printed page</source>
        <translation>核对打印页</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="200"/>
        <location filename="../../crf_desktop/ui/print_actions.py" line="219"/>
        <source>&amp;Check</source>
        <translation>核对(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/print_actions.py" line="220"/>
        <source>Scan the QR code at the foot of the printed page (or type its text, which starts with CRF1;) and press Enter: the app says whether the page shows the record as it is now.</source>
        <translation>扫描打印页底部的二维码（或输入其文本，以 CRF1; 开头）并按回车键：软件将显示该页内容是否与记录的当前内容一致。</translation>
    </message>
</context>
<context>
    <name>Queries</name>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="26"/>
        <source>open</source>
        <translation>待回复</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="26"/>
        <source>answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="27"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="34"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="44"/>
        <source>Raised by %1 on %2 · %3</source>
        <translation>由 %1 于 %2 提出 · %3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="47"/>
        <source>(answered by %1)</source>
        <translation>（由 %1 回复）</translation>
    </message>
</context>
<context>
    <name>QueriesPanel</name>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="147"/>
        <source>Queries (raised at the centre and at the sites)</source>
        <extracomment>Hidden when the table is narrower than COMPACT_BELOW pixels, so that the question and the answer stay readable: the query id says the origin (C- centre, S01- site 01), and the field&apos;s tooltip and the details box say the visit, form and age.</extracomment>
        <translation>质疑（由协调中心和各分中心提出）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="148"/>
        <source>&amp;Site:</source>
        <translation>分中心(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="149"/>
        <source>Query stat&amp;e:</source>
        <translation>质疑状态(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="150"/>
        <source>All sites</source>
        <translation>所有分中心</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="151"/>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="151"/>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="174"/>
        <source>Open</source>
        <translation>待回复</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="151"/>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="174"/>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="152"/>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="174"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="155"/>
        <source>Query</source>
        <translation>质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="155"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="155"/>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="155"/>
        <source>Site</source>
        <translation>分中心</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="155"/>
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="156"/>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="156"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="156"/>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="156"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="156"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="157"/>
        <source>Age (days)</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="157"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="157"/>
        <source>Latest answer</source>
        <translation>最新回复</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="158"/>
        <source>&amp;Raise query…</source>
        <translation>提出质疑(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="159"/>
        <source>Re-&amp;open query…</source>
        <translation>重新开启质疑(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="160"/>
        <source>Select a query to see its full text and who closed or re-opened it last, when and why.</source>
        <translation>选择一条质疑，查看其全文以及最近一次由谁、何时、为何关闭或重新开启。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="176"/>
        <source>%1 (waiting for the site)</source>
        <translation>%1（等待分中心处理）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="179"/>
        <source>Centre</source>
        <translation>协调中心</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="179"/>
        <source>Site %1</source>
        <translation>分中心 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="185"/>
        <source>(no reason given)</source>
        <translation>（未给出原因）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="187"/>
        <source>Closed by %1 on %2: %3</source>
        <translation>由 %1 于 %2 关闭：%3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="188"/>
        <source>Re-opened by %1 on %2: %3</source>
        <translation>由 %1 于 %2 重新开启：%3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="193"/>
        <source>raised at the centre by %1 on %2</source>
        <translation>由 %1 于 %2 在协调中心提出</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="195"/>
        <source>raised at site %1 by %2 on %3</source>
        <translation>由 %2 于 %3 在分中心 %1 提出</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="197"/>
        <source>Question: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="199"/>
        <source>Latest answer (%1, %2): %3</source>
        <translation>最新回复（%1，%2）：%3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="202"/>
        <source>No answer yet.</source>
        <translation>尚未回复。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="206"/>
        <source>The site applies this decision on its next export run.</source>
        <translation>分中心将在下次导出时应用此决定。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="245"/>
        <source>%1 · age %2 day(s)</source>
        <translation>%1 · 已 %2 天</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="249"/>
        <source>%1
— %2, %3</source>
        <translation>%1
— %2，%3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="256"/>
        <source>%1 query(s)</source>
        <translation>%1 条质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="293"/>
        <source>C&amp;lose query…</source>
        <translation>关闭质疑(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_queries_panel.py" line="293"/>
        <source>C&amp;lose query</source>
        <translation>关闭质疑(&amp;L)</translation>
    </message>
</context>
<context>
    <name>QueryAnswerDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="62"/>
        <source>crf-desktop: add to the answer of a query</source>
        <translation>crf-desktop：补充质疑回复</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="63"/>
        <source>crf-desktop: answer a query</source>
        <translation>crf-desktop：回复质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="65"/>
        <source>Query on %1 (subject %2, %3, form %4).</source>
        <translation>关于 %1 的质疑（受试者 %2，%3，表单 %4）。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="75"/>
        <source>Value now: %1</source>
        <translation>当前值：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="78"/>
        <source>Earlier answer: %1</source>
        <translation>之前的回复：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="82"/>
        <source>&amp;Answer:</source>
        <translation>回复(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="82"/>
        <source>A&amp;ddition to the answer:</source>
        <translation>补充内容(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="88"/>
        <source>What you write goes under the answer so far, and the monitor reads both. If the value must change, close this, change the field in the form and save it with a reason first. Ctrl+Enter adds it.</source>
        <translation>所写内容将附在原回复之下，监查员会同时看到两者。如需修改数值，请先关闭此窗口，在表单中修改该字段并注明原因保存。按 Ctrl+Enter 添加。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="92"/>
        <source>If the value must change, close this, change the field in the form and save it with a reason; then answer the query, for example “%1”. Ctrl+Enter answers.</source>
        <translation>如需修改数值，请关闭此窗口，在表单中修改该字段并填写原因保存；然后回复质疑，例如“%1”。按 Ctrl+Enter 回复。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="100"/>
        <source>&amp;Answer query</source>
        <translation>回复质疑(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="100"/>
        <source>&amp;Add to the answer</source>
        <translation>补充回复(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="126"/>
        <source>%1 (%2) corrected from the source document</source>
        <translation>已根据原始资料更正%1（%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="127"/>
        <source>%1 corrected from the source document</source>
        <translation>已根据原始资料更正%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="132"/>
        <source>Write what you add first (the answer so far stays as it is).</source>
        <translation>请先填写补充内容（原回复保持不变）。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_answer_dialog.py" line="134"/>
        <source>Write the answer first: say what was checked or changed (the query stays open).</source>
        <translation>请先填写回复：说明核对或修改了什么（质疑仍保持开启）。</translation>
    </message>
</context>
<context>
    <name>QueryCloseDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/query_close_dialog.py" line="27"/>
        <source>crf-desktop: re-open a query</source>
        <translation>crf-desktop：重新开启质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_close_dialog.py" line="28"/>
        <source>crf-desktop: close a query</source>
        <translation>crf-desktop：关闭质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_close_dialog.py" line="30"/>
        <source>Query on %1 (subject %2, %3, form %4).</source>
        <translation>关于 %1 的质疑（受试者 %2，%3，表单 %4）。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_close_dialog.py" line="41"/>
        <source>Value now: %1</source>
        <translation>当前值：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_close_dialog.py" line="44"/>
        <source>Answer: %1</source>
        <translation>回复：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_close_dialog.py" line="45"/>
        <source>Not answered yet.</source>
        <translation>尚未回复。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_close_dialog.py" line="54"/>
        <source>&amp;Follow-up question (the site answers it again):</source>
        <translation>追问(&amp;F)（分中心需再次回复）：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_close_dialog.py" line="61"/>
        <source>&amp;Re-open query</source>
        <translation>重新开启质疑(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_close_dialog.py" line="61"/>
        <source>&amp;Close query</source>
        <translation>关闭质疑(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/query_close_dialog.py" line="74"/>
        <source>Write the follow-up question first: say what is still unclear.</source>
        <translation>请先填写追问：说明仍不清楚的地方。</translation>
    </message>
</context>
<context>
    <name>QueryDecisionDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="130"/>
        <source>crf-desktop: re-open query %1</source>
        <translation>crf-desktop：重新开启质疑 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="130"/>
        <source>crf-desktop: close query %1</source>
        <translation>crf-desktop：关闭质疑 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="133"/>
        <source>(no answer yet)</source>
        <translation>（尚未回复）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="134"/>
        <source>Query %1, raised at site %2 by %3, on %4:
%5
Answer: %6</source>
        <translation>质疑 %1，由 %3 在分中心 %2 提出，针对 %4：
%5
回复：%6</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="137"/>
        <source>&amp;Follow-up question for the site:</source>
        <translation>向分中心追加的质疑(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="138"/>
        <source>&amp;Reason for closing it (the site reads it):</source>
        <translation>关闭原因（分中心可见）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="143"/>
        <source>Re-&amp;open</source>
        <translation>重新开启(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="143"/>
        <source>C&amp;lose query</source>
        <translation>关闭质疑(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RaiseCentreQueryDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="38"/>
        <source>crf-desktop: raise a query at the centre</source>
        <translation>crf-desktop：由协调中心提出质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="51"/>
        <source>0 for a visit form; the entry number (1, 2, …) for a log entry</source>
        <translation>访视表单填 0；记录表中的条目填条目号（1、2、…）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="56"/>
        <source>&amp;Raise query</source>
        <translation>提出质疑(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="61"/>
        <source>&amp;Site:</source>
        <translation>分中心(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="62"/>
        <source>S&amp;ubject:</source>
        <translation>受试者(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="63"/>
        <source>&amp;Visit or log:</source>
        <translation>访视或记录表(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="64"/>
        <source>&amp;Form:</source>
        <translation>表单(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="65"/>
        <source>&amp;Entry number:</source>
        <translation>条目号(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="66"/>
        <source>F&amp;ield:</source>
        <translation>项目(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="67"/>
        <source>&amp;Question:</source>
        <translation>质疑内容(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="69"/>
        <source>The site sees the query at its next export, on the dashboard, the subject and the field; its answer comes back with its next package.</source>
        <translation>分中心在下次导出时收到该质疑，可在总览、受试者和相应项目上看到；其回复将随该分中心的下一个数据包返回。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/centre_query_dialogs.py" line="103"/>
        <source>The entry number %1 is not a whole number: 0 for a visit form, 1 or more for a log entry</source>
        <translation>条目号 %1 不是整数：访视表单填 0，记录表中的条目填 1 或以上</translation>
    </message>
</context>
<context>
    <name>RaiseQueryDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/raise_query_dialog.py" line="22"/>
        <source>crf-desktop: raise a query</source>
        <translation>crf-desktop：提出质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/raise_query_dialog.py" line="24"/>
        <source>Query on %1 (subject %2, %3). Say what needs clarifying; the site answers it.</source>
        <translation>对“%1”提出质疑（受试者 %2，%3）。请说明需要澄清的内容，由分中心回复。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/raise_query_dialog.py" line="27"/>
        <source>&amp;Question:</source>
        <translation>质疑内容(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/raise_query_dialog.py" line="32"/>
        <source>&amp;Raise query</source>
        <translation>提出质疑(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="28"/>
        <source>crf-desktop: reason for change</source>
        <translation>crf-desktop：修改原因</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="30"/>
        <source>This form was already complete. Say why it is being changed; the reason is kept in the audit trail with each changed value.</source>
        <translation>此表单已完成。请说明修改原因；原因将随每个修改的数值记入稽查轨迹。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="42"/>
        <source>Say why, e.g. value read from the wrong line of the chart</source>
        <translation>请说明原因，如从病历的错误一行读取了数值</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="45"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="45"/>
        <source>&amp;Other reason:</source>
        <translation>其他原因(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="50"/>
        <source>&amp;Save with this reason</source>
        <translation>按此原因保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="73"/>
        <source>Type the reason for the change.</source>
        <translation>请填写修改原因。</translation>
    </message>
</context>
<context>
    <name>ReferenceRangesDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="61"/>
        <source>crf-desktop: laboratory reference ranges</source>
        <translation>crf-desktop：实验室参考范围</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="66"/>
        <source>The laboratory&apos;s name, as on the labs form</source>
        <translation>实验室名称，与化验表单上一致</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="68"/>
        <source>Copy the ranges from the laboratory&apos;s report. A change of range is a new version from the date it applies; older samples keep the range valid on their date.</source>
        <translation>请按实验室报告抄录参考范围。参考范围变更时录入自生效日期起的新版本；较早的样本仍使用其采样日期有效的范围。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="126"/>
        <source>&amp;Laboratory:</source>
        <translation>实验室(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="127"/>
        <source>Analyte</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="127"/>
        <source>LLN</source>
        <translation>正常下限</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="127"/>
        <source>ULN</source>
        <translation>正常上限</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="127"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="128"/>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="128"/>
        <source>Entered by</source>
        <translation>录入者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="128"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="129"/>
        <source>New version of a range</source>
        <translation>新版本参考范围</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="130"/>
        <source>&amp;Analyte:</source>
        <translation>检验项目(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="130"/>
        <source>Limits:</source>
        <translation>界值：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="130"/>
        <source>Valid &amp;from:</source>
        <translation>生效日期(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="131"/>
        <source>Reason (&amp;correction only):</source>
        <translation>原因（仅更正时填写）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="133"/>
        <source>LLN:</source>
        <translation>正常下限：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="134"/>
        <source>&amp;ULN:</source>
        <translation>正常上限(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="135"/>
        <source>Only when correcting a version from the same date</source>
        <translation>仅在更正同一日期的版本时填写</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="136"/>
        <source>&amp;Add this version</source>
        <translation>添加此版本(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="197"/>
        <source>%1 has no range valid today for what the trial&apos;s rules need: %2. Without it the eligibility criteria on ALT/AST cannot be evaluated and C3/C4 are not flagged.</source>
        <translation>%1 目前缺少试验规则所需的参考范围：%2。缺少时无法判定涉及 ALT/AST 的入选/排除标准，C3/C4 也不会标记高低。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="207"/>
        <source>missing (%1)</source>
        <translation>缺少（%1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="214"/>
        <source>An earlier version (or one from a later date): not the range used today</source>
        <translation>较早的版本（或未来日期生效的版本）：不是当前使用的范围</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="246"/>
        <source>Type or choose the laboratory first.</source>
        <translation>请先输入或选择实验室。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="251"/>
        <source>Valid from: type the date the range applies from, e.g. 01-Jan-2024.</source>
        <translation>生效日期：请输入该范围开始适用的日期，例如 01-Jan-2024。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reference_ranges_dialog.py" line="261"/>
        <source>Saved: %1, %2 from %3.</source>
        <translation>已保存：%1，%2，自 %3 起。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="114"/>
        <source>reset password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="115"/>
        <source>&amp;Reset password</source>
        <translation>重置密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="115"/>
        <source>Give %1 a temporary password. Tell it to them in person; they must choose their own at next login. A disabled account is enabled again.</source>
        <translation>为 %1 设置临时密码。请当面告知；其下次登录时必须设置自己的密码。已停用的账户将重新启用。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="119"/>
        <source>&amp;Temporary password:</source>
        <translation>临时密码(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>SaeClock</name>
    <message>
        <location filename="../../crf_desktop/ui/sae_clock_text.py" line="21"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sae_clock_text.py" line="22"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sae_clock_text.py" line="29"/>
        <source>SAE report due by %1 (%2 left)</source>
        <translation>SAE 报告须于 %1 前提交（剩余 %2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sae_clock_text.py" line="31"/>
        <source>SAE report OVERDUE: was due by %1 (%2 ago)</source>
        <translation>SAE 报告已逾期：应于 %1 前提交（已超时 %2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sae_clock_text.py" line="34"/>
        <source>SAE report sent %1, within 24 hours</source>
        <translation>SAE 报告已于 %1 提交，未超过 24 小时时限</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sae_clock_text.py" line="36"/>
        <source>SAE report sent %1, %2 late</source>
        <translation>SAE 报告已于 %1 提交，超时 %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sae_clock_text.py" line="39"/>
        <source>(counted from 00:00 of the awareness date until the time is entered)</source>
        <translation>（录入获知时间之前，从获知日期的 00:00 起计算）</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="40"/>
        <source>the whole casebook of subject %1</source>
        <translation>受试者 %1 的整本病例报告表</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="47"/>
        <source>every form of %1, subject %2</source>
        <translation>受试者 %2 · %1 的全部表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="51"/>
        <source>%1, %2, subject %3</source>
        <translation>受试者 %3 · %2 · %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="62"/>
        <source>crf-desktop: electronic signature</source>
        <translation>crf-desktop：电子签名</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="65"/>
        <source>You are signing: %1</source>
        <translation>您正在签署：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="68"/>
        <source>Signer: %1 (%2), user %3</source>
        <translation>签名人：%1（%2），用户名 %3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="70"/>
        <source>Meaning of this signature:</source>
        <translation>本签名的含义：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="77"/>
        <source>Your password makes this an electronic signature, the legally binding equivalent of your handwritten signature. It is recorded with the time (UTC) and a hash of the signed data; a later change to these data invalidates it.</source>
        <translation>输入密码即构成电子签名，与您的手写签名具有同等法律效力。签名将连同时间（UTC）和所签数据的哈希值一并记录；此后这些数据如有修改，签名即失效。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="85"/>
        <source>Your &amp;password:</source>
        <translation>您的密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="89"/>
        <source>&amp;Sign</source>
        <translation>签名(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sign_dialog.py" line="108"/>
        <source>Type your password to sign.</source>
        <translation>请输入您的密码以签名。</translation>
    </message>
</context>
<context>
    <name>SignaturePanel</name>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="34"/>
        <source>this form</source>
        <translation>本表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="42"/>
        <source>Signed electronically by %1 (%2), %3: “%4” (covers %5)</source>
        <translation>%1（%2）于 %3 电子签名：“%4”（签署范围：%5）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="46"/>
        <source>Signature invalid: data changed on %1 by %2; please re-sign. (%3)</source>
        <translation>签名已失效：%2 于 %1 修改了数据，请重新签名。（%3）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="54"/>
        <source>Printed %1 time(s), last on %2 from version %3.</source>
        <translation>已打印 %1 次，最近一次于 %2，打印的是版本 %3。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="57"/>
        <source>Signed on paper by %1 on %2 (printed version %3).</source>
        <translation>%1 已于 %2 在纸质版上签名（打印版本 %3）。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="61"/>
        <source>Scan %1 attached on %2: %3.</source>
        <translation>扫描件 %1 已于 %2 附加：%3。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="144"/>
        <source>Casebook locked by %1 on %2: no change is possible until it is unlocked.</source>
        <translation>病例报告表已由 %1 于 %2 锁定：解锁前不能做任何修改。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="157"/>
        <source>Re-si&amp;gn…</source>
        <translation>重新签名(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="157"/>
        <source>Si&amp;gn…</source>
        <translation>签名(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="158"/>
        <source>Mark as &amp;wet-signed…</source>
        <translation>标记为纸质签名(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/signature_actions.py" line="159"/>
        <source>Attach signed sc&amp;an…</source>
        <translation>附加已签名扫描件(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>SiteOutcomesDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="67"/>
        <source>crf-desktop: responses by visit</source>
        <translation>crf-desktop：按访视的应答情况</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="68"/>
        <source>Responses by visit — site %1</source>
        <translation>按访视的应答情况 — 分中心 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="72"/>
        <source>%1 subject(s) with a baseline visit. Renal response by the %2 definition (responder = complete or partial). Not evaluable: the visit or a value it needs is not recorded yet. Treatment arms are not shown: the study is blind at the sites.</source>
        <translation>%1 名受试者有基线访视。肾脏缓解按 %2 定义（应答 = 完全或部分缓解）。无法评估：该访视或所需数值尚未记录。不显示治疗组：各分中心处于盲态。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="76"/>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="76"/>
        <source>SRI-4
responders</source>
        <translation>SRI-4
应答</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="76"/>
        <source>SRI-4
non-responders</source>
        <translation>SRI-4
无应答</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="77"/>
        <source>SRI-4
not evaluable</source>
        <translation>SRI-4
无法评估</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="77"/>
        <source>Renal
responders</source>
        <translation>肾脏
缓解</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="77"/>
        <source>of which
complete</source>
        <translation>其中
完全缓解</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="78"/>
        <source>of which
partial</source>
        <translation>其中
部分缓解</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="78"/>
        <source>Renal
non-responders</source>
        <translation>肾脏
未缓解</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="78"/>
        <source>Renal
not evaluable</source>
        <translation>肾脏
无法评估</translation>
    </message>
</context>
<context>
    <name>SocBrowserDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/soc_browser_dialog.py" line="31"/>
        <source>crf-desktop: CTCAE v4.03 terms by system organ class</source>
        <translation>crf-desktop：按系统器官分类浏览 CTCAE v4.03 术语</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/soc_browser_dialog.py" line="48"/>
        <source>&amp;Choose term</source>
        <translation>选择术语(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/soc_browser_dialog.py" line="53"/>
        <source>System organ class</source>
        <translation>系统器官分类</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/soc_browser_dialog.py" line="74"/>
        <source>Terms of %1 (%2):</source>
        <translation>%1 的术语（%2 个）：</translation>
    </message>
</context>
<context>
    <name>StudyConfigDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/study_config_dialog.py" line="98"/>
        <source>crf-desktop: study configuration</source>
        <translation>crf-desktop：研究配置</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_config_dialog.py" line="99"/>
        <source>Study configuration in force — site %1</source>
        <translation>当前生效的研究配置 — 分中心 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_config_dialog.py" line="100"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_config_dialog.py" line="100"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_config_dialog.py" line="103"/>
        <source>No study configuration has been installed at this site: the study defaults apply until the centre&apos;s enrolment file is installed.</source>
        <translation>本分中心尚未安装研究配置：在安装协调中心发放的注册文件之前，使用研究的默认设置。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_config_dialog.py" line="106"/>
        <source>Version %1, installed %2 by %3 from: %4</source>
        <translation>版本 %1，由 %3 于 %2 安装，来源：%4</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_config_dialog.py" line="118"/>
        <source>Installed before: </source>
        <translation>此前安装过：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_config_dialog.py" line="119"/>
        <source>version %1 (%2, %3)</source>
        <translation>版本 %1（%2，%3）</translation>
    </message>
</context>
<context>
    <name>StudyUnblindDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="96"/>
        <source>crf-desktop: unblind study %1</source>
        <translation>crf-desktop：揭盲研究 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="98"/>
        <source>Unblinding the study gives every CSV and ODM export the treatment arm of each randomised subject. Do it only at database lock, when the data are final.

It cannot be undone: the study stays unblinded, and your name, the time and your reason are kept in the centre&apos;s audit trail. Type the study id %1 to confirm.</source>
        <translation>揭盲后，每次 CSV 和 ODM 导出都将包含每位已随机受试者的治疗组别。仅在数据库锁定、数据最终确定时执行。

此操作不可撤销：研究将保持揭盲状态，您的姓名、时间和原因将记录在协调中心的稽查轨迹中。请输入研究编号 %1 以确认。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="102"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="103"/>
        <source>e.g. Database locked on 2026-11-20 for the final analysis</source>
        <translation>例如：2026-11-20 数据库已锁定，用于最终分析</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="104"/>
        <source>Randomisation &amp;lists:</source>
        <translation>随机化列表(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="105"/>
        <source>Add CSV files…</source>
        <translation>添加 CSV 文件…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="106"/>
        <source>Your &amp;password:</source>
        <translation>您的密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="107"/>
        <source>&amp;Study id (%1):</source>
        <translation>研究编号 (%1)(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="108"/>
        <source>&amp;Unblind the study</source>
        <translation>揭盲研究(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="122"/>
        <source>Only needed for sites enrolled before the centre kept their lists.</source>
        <translation>仅用于协调中心开始保存随机化列表之前入组的分中心。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/study_unblind_dialog.py" line="133"/>
        <source>Choose the randomisation lists (CSV: seq, rand_no, msc_kit, mmf_kit, arm)</source>
        <translation>选择随机化列表（CSV：seq, rand_no, msc_kit, mmf_kit, arm）</translation>
    </message>
</context>
<context>
    <name>SubjectPage</name>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="199"/>
        <source>Change &amp;status…</source>
        <translation>更改状态(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="200"/>
        <source>&amp;Open form</source>
        <translation>打开表单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="201"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="202"/>
        <source>Visit / form</source>
        <translation>访视 / 表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="202"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="202"/>
        <source>Date or window</source>
        <translation>日期或访视窗</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="203"/>
        <source>Last saved</source>
        <translation>最近保存</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="204"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="204"/>
        <source>Visit · form</source>
        <translation>访视 · 表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="204"/>
        <source>Question</source>
        <translation>质疑内容</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="205"/>
        <source>Raised by</source>
        <translation>提出者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="205"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="206"/>
        <source>Visits and forms</source>
        <translation>访视与表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="207"/>
        <source>Open queries (%1)</source>
        <translation>未解决质疑（%1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="208"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="209"/>
        <source>Outcomes</source>
        <translation>疗效结局</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="210"/>
        <source>Eligibility</source>
        <translation>入选资格</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="211"/>
        <source>Adverse events (%1)</source>
        <translation>不良事件（%1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="218"/>
        <source>Subject %1 (%2)</source>
        <translation>受试者 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="219"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="219"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="221"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="221"/>
        <source>Sex: %1</source>
        <translation>性别：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="222"/>
        <source>Year of birth: %1</source>
        <translation>出生年份：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="222"/>
        <source>not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="223"/>
        <source>Baseline: %1</source>
        <translation>基线：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="223"/>
        <source>not yet</source>
        <translation>尚未进行</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="225"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="87"/>
        <source>grade %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="104"/>
        <source>(nothing entered yet)</source>
        <translation>（尚未填写）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="106"/>
        <source>#%1  %2</source>
        <translation>#%1  %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="168"/>
        <source>New entry in %1…</source>
        <translation>在%1中新建条目…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="169"/>
        <source>New entry in %1: %2…</source>
        <translation>在%1中新建条目：%2…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="173"/>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="319"/>
        <source>&amp;New entry…</source>
        <translation>新建条目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="174"/>
        <source>Add an adverse event, a medication or another log entry (also: the last row of each log)</source>
        <translation>新增不良事件、合并用药或其他记录条目（也可使用每个记录表的最后一行）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="188"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="192"/>
        <source>(no forms declared yet)</source>
        <translation>（尚未定义表单）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="194"/>
        <source>no entries yet</source>
        <translation>暂无条目</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="204"/>
        <source>＋ New entry…</source>
        <translation>＋ 新建条目…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="230"/>
        <source>Double-click or press Enter to open the entry</source>
        <translation>双击或按回车键打开该条目</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="248"/>
        <source>the adverse event is not marked serious: check both records</source>
        <translation>该不良事件未标记为严重：请核对这两条记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="250"/>
        <source>awareness date not entered on the adverse event</source>
        <translation>不良事件中未录入获知日期</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="258"/>
        <source>%1 of adverse event #%2: double-click or press Enter to open it</source>
        <translation>不良事件 #%2 的%1：双击或按回车键打开</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="314"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="116"/>
        <source>%1 by %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="278"/>
        <source>Double-click or press Enter to open the form</source>
        <translation>双击或按回车键打开表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="35"/>
        <source>Randomisation no. %1 · MSC kit %2 · MMF kit %3</source>
        <translation>随机号 %1 · MSC 药物编号 %2 · MMF 药物编号 %3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="89"/>
        <source>&amp;Randomise…</source>
        <translation>随机(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="90"/>
        <source>Check eligibility again and assign the next randomisation number and kits</source>
        <translation>再次核对入选资格，并分配下一个随机号和药物编号</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="94"/>
        <source>Emergency &amp;unblinding…</source>
        <translation>紧急揭盲(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="97"/>
        <source>Not randomised</source>
        <translation>未随机</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="105"/>
        <source>Unblinded (%1, by %2)</source>
        <translation>已揭盲（%1，%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="106"/>
        <source>Unblinded</source>
        <translation>已揭盲</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="111"/>
        <source>crf-desktop: randomise</source>
        <translation>crf-desktop：随机</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="112"/>
        <source>Randomise subject %1 now?</source>
        <translation>现在对受试者 %1 进行随机吗？</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="115"/>
        <source>Eligibility is checked again from the recorded forms. The subject then receives the next randomisation number, an MSC/placebo kit and an MMF/placebo kit, and goes on study. This cannot be undone.</source>
        <translation>将根据已录入的表单再次核对入选资格。随后受试者获得下一个随机号、一个 MSC/安慰剂药物编号和一个 MMF/安慰剂药物编号，并进入研究。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="119"/>
        <source>&amp;Randomise</source>
        <translation>随机(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="142"/>
        <source>Subject %1 randomised: %2.</source>
        <translation>受试者 %1 已随机：%2。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="144"/>
        <source>Subject %1 is randomised.

Randomisation number: %2
MSC/placebo kit (infusion): %3
MMF/placebo kit (tablets): %4

Write the numbers on the subject&apos;s records and dispense these kits only.</source>
        <translation>受试者 %1 已随机。

随机号：%2
MSC/安慰剂药物编号（输注）：%3
MMF/安慰剂药物编号（片剂）：%4

请将这些编号记入受试者的资料，并只发放这些药物。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="148"/>
        <source>crf-desktop: randomised</source>
        <translation>crf-desktop：已随机</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_queries.py" line="90"/>
        <source>&amp;Answer…</source>
        <translation>回复(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_queries.py" line="91"/>
        <source>Answer the selected query (Enter on the row)</source>
        <translation>回复所选质疑（在该行按 Enter）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_queries.py" line="92"/>
        <source>Open &amp;its form</source>
        <translation>打开所在表单(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_queries.py" line="120"/>
        <location filename="../../crf_desktop/ui/subject_queries.py" line="127"/>
        <source>Select a query in the list first.</source>
        <translation>请先在列表中选择一条质疑。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_queries.py" line="144"/>
        <source>Query answered; the monitor who raised it closes or re-opens it.</source>
        <translation>质疑已回复；由提出该质疑的监查员关闭或重新开启。</translation>
    </message>
</context>
<context>
    <name>SubjectStatusDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/subject_status_dialog.py" line="31"/>
        <source>crf-desktop: subject status</source>
        <translation>crf-desktop：受试者状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_status_dialog.py" line="33"/>
        <source>Subject %1 is now: %2. A screen failure or withdrawal needs the reason; it is reported to the centre.</source>
        <translation>受试者 %1 当前状态：%2。筛选失败或退出须填写原因，并将报告给协调中心。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_status_dialog.py" line="43"/>
        <source>New &amp;status:</source>
        <translation>新状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_status_dialog.py" line="43"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_status_dialog.py" line="48"/>
        <source>&amp;Change status</source>
        <translation>更改状态(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../crf_desktop/ui/suggestions_panel.py" line="99"/>
        <source>Suggested from this visit&apos;s labs</source>
        <translation>根据本次访视化验结果的建议</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/suggestions_panel.py" line="100"/>
        <source>Check each suggestion against the source; Apply fills in the answer, and nothing is recorded until you save.</source>
        <translation>请逐条与原始资料核对；“采用”只填入答案，保存后才会记录。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/suggestions_panel.py" line="102"/>
        <source>Apply &amp;all</source>
        <translation>全部采用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/suggestions_panel.py" line="109"/>
        <source>labs cannot decide</source>
        <translation>化验结果无法判断</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/suggestions_panel.py" line="123"/>
        <source>Applied ✓</source>
        <translation>已采用 ✓</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/suggestions_panel.py" line="123"/>
        <source>Apply</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/suggestions_panel.py" line="126"/>
        <source>%1 suggestion(s) not applied yet</source>
        <translation>尚有 %1 条建议未采用</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="64"/>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="89"/>
        <source>&amp;Send to centre…</source>
        <translation>发送至协调中心(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="68"/>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="90"/>
        <source>Send to a&amp;nother folder…</source>
        <translation>发送至其他文件夹(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="104"/>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="114"/>
        <source>Choose the central folder</source>
        <translation>选择中央文件夹</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="127"/>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="157"/>
        <source>Send to centre</source>
        <translation>发送至协调中心</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="128"/>
        <source>Sending this site&apos;s changes to %1…</source>
        <translation>正在将本分中心的更改发送至 %1…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="138"/>
        <source>The central folder changed: this site sent to %1 until now and sends to %2 from now on.</source>
        <translation>中央文件夹已更改：本分中心此前发送到 %1，今后发送到 %2。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="141"/>
        <source>%1 query update(s) received from the centre: see the dashboard.</source>
        <translation>已从协调中心收到 %1 条质疑更新：请查看总览。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="144"/>
        <source>The centre has applied this site&apos;s packages up to number %1.</source>
        <translation>协调中心已应用本分中心至第 %1 号为止的数据包。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="147"/>
        <source>Written again (they were missing from the folder): %1</source>
        <translation>已重新写入（文件夹中缺少这些文件）：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="149"/>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="192"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="170"/>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="193"/>
        <source>Backup after the export</source>
        <translation>导出后备份</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="171"/>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="174"/>
        <source>Taking the backup after the export…</source>
        <translation>正在进行导出后的备份…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_actions.py" line="189"/>
        <source>Backup taken: %1</source>
        <translation>已完成备份：%1</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../crf_desktop/ui/sync_status.py" line="75"/>
        <source>Sync status unavailable</source>
        <translation>无法获取同步状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_status.py" line="80"/>
        <source>Not connected to a coordinating centre</source>
        <translation>未连接协调中心</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_status.py" line="82"/>
        <source>Never sent to the centre · %1 unsent changes</source>
        <translation>从未发送至协调中心 · %1 项更改未发送</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_status.py" line="84"/>
        <source>Sent to centre: %1 · %2 unsent changes</source>
        <translation>已发送至协调中心：%1 · %2 项更改未发送</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_status.py" line="87"/>
        <source>⚠ %1: please send to the centre (Ctrl+E)</source>
        <translation>⚠ %1：请发送至协调中心（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_status.py" line="90"/>
        <source>not chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/sync_status.py" line="91"/>
        <source>Central folder: %1
Last package: %2 (centre has applied up to %3)</source>
        <translation>中央文件夹：%1
最新数据包：%2（协调中心已应用至 %3）</translation>
    </message>
</context>
<context>
    <name>TermInput</name>
    <message>
        <location filename="../../crf_desktop/ui/term_input.py" line="113"/>
        <source>Type a term, 中文, synonym or MedDRA code; ↓↑ and Enter</source>
        <translation>输入术语、中文名、同义词或 MedDRA 编码；↓↑ 选择，回车确定</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/term_input.py" line="114"/>
        <source>Browse by &amp;SOC…</source>
        <translation>按系统器官分类浏览(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/term_input.py" line="179"/>
        <source>No term chosen yet: pick one from the list (Enter) or browse by SOC.</source>
        <translation>尚未选择术语：请从列表中选择（回车）或按系统器官分类浏览。</translation>
    </message>
</context>
<context>
    <name>TermLinks</name>
    <message>
        <location filename="../../crf_desktop/ui/term_links.py" line="75"/>
        <source>Choose the CTCAE term first: its grade texts appear here.</source>
        <translation>请先选择 CTCAE 术语：其各级描述将显示在此处。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/term_links.py" line="79"/>
        <source>CTCAE v4.03 grades of %1:</source>
        <translation>%1 的 CTCAE v4.03 分级：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/term_links.py" line="82"/>
        <source>— not a grade of this term</source>
        <translation>— 该术语无此分级</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../crf_desktop/ui/trend_chart_widget.py" line="77"/>
        <source>No visit with values recorded yet.</source>
        <translation>尚无记录数值的访视。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/trend_chart_widget.py" line="121"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>UnblindDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/unblind_dialog.py" line="36"/>
        <source>crf-desktop: emergency unblinding of subject %1</source>
        <translation>crf-desktop：受试者 %1 紧急揭盲</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/unblind_dialog.py" line="39"/>
        <source>Emergency unblinding shows which treatment subject %1 receives. Do it only when the treatment of a medical emergency depends on knowing it.

It cannot be undone: the subject is flagged as unblinded on every screen, the unblinding, your name and your reason are kept in the audit trail and reported to the coordinating centre, and the treatment is shown once, in this window only.</source>
        <translation>紧急揭盲将显示受试者 %1 所接受的治疗。仅在医疗紧急情况的处理必须知道治疗分组时进行。

此操作不可撤销：受试者在所有界面上将标记为已揭盲；揭盲、您的姓名和原因将记入稽查轨迹并报告给协调中心；治疗分组只在本窗口显示一次。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/unblind_dialog.py" line="47"/>
        <source>The medical reason, e.g. severe infection: the treating team must know whether MMF is being given</source>
        <translation>医疗原因，例如严重感染：治疗团队必须知道是否正在使用 MMF</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/unblind_dialog.py" line="55"/>
        <source>Medical &amp;reason:</source>
        <translation>医疗原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/unblind_dialog.py" line="56"/>
        <source>Your &amp;password:</source>
        <translation>您的密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/unblind_dialog.py" line="68"/>
        <source>&amp;Unblind now</source>
        <translation>立即揭盲(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/unblind_dialog.py" line="84"/>
        <source>Give the medical reason for unblinding; it is reported to the coordinating centre.</source>
        <translation>请填写揭盲的医疗原因；该原因将报告给协调中心。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/unblind_dialog.py" line="89"/>
        <source>Type your password to confirm that it is you.</source>
        <translation>请输入您的密码以确认身份。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/unblind_dialog.py" line="106"/>
        <source>Subject %1 receives: %2</source>
        <translation>受试者 %1 接受的治疗：%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/unblind_dialog.py" line="109"/>
        <source>Unblinded and recorded. Tell the treating team now: this treatment is not shown again after you close this window.</source>
        <translation>已揭盲并记录。请立即告知治疗团队：关闭本窗口后将不再显示该治疗分组。</translation>
    </message>
</context>
<context>
    <name>UserEditDialogs</name>
    <message>
        <location filename="../../crf_desktop/ui/user_edit_dialogs.py" line="32"/>
        <source>crf-desktop: %1</source>
        <translation>crf-desktop：%1</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="32"/>
        <source>crf-desktop: users of site %1</source>
        <translation>crf-desktop：分中心 %1 的用户</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="37"/>
        <source>Users of site %1 (%2)</source>
        <translation>分中心 %1 的用户（%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="49"/>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="50"/>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="51"/>
        <source>&amp;Disable…</source>
        <translation>停用(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="119"/>
        <source>Added %1; they must change the temporary password at first login.</source>
        <translation>已添加 %1；其首次登录时必须修改临时密码。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="127"/>
        <source>Password of %1 reset; they must change it at next login.</source>
        <translation>已重置 %1 的密码；其下次登录时必须修改。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="135"/>
        <source>Disabled %1; their history stays in the audit trail.</source>
        <translation>已停用 %1；其历史记录保留在稽查轨迹中。</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <location filename="../../crf_desktop/ui/users_table_model.py" line="19"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_table_model.py" line="19"/>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_table_model.py" line="20"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_table_model.py" line="20"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_table_model.py" line="21"/>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_table_model.py" line="61"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_table_model.py" line="63"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>WetSignedDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="40"/>
        <source>crf-desktop: mark as signed on paper</source>
        <translation>crf-desktop：标记为纸质签名</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="42"/>
        <source>The printed copy of %1 was signed by hand. Enter the signer&apos;s name and the date written beside the signature, as on the page.</source>
        <translation>%1 的打印件已手写签名。请按纸面所写，录入签名人姓名及签名旁所写的日期。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="47"/>
        <source>e.g. Dr Wang Li</source>
        <translation>例如 王丽 医生</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="49"/>
        <source>DD-MMM-YYYY or YYYY-MM-DD</source>
        <translation>DD-MMM-YYYY 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="51"/>
        <source>Signed &amp;by:</source>
        <translation>签名人(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="51"/>
        <source>Signature &amp;date:</source>
        <translation>签名日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="56"/>
        <source>&amp;Record paper signature</source>
        <translation>记录纸质签名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/scan_dialog.py" line="70"/>
        <source>The signature date is not a date: type it like 05-Mar-2024 or 2024-03-05.</source>
        <translation>签名日期不是有效日期：请按 05-Mar-2024 或 2024-03-05 的格式输入。</translation>
    </message>
</context>
</TS>
