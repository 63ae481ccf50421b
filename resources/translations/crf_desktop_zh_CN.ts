<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>添加一位在本中心参与本研究的人员。其使用临时密码登录，首次登录时必须设置自己的密码。用户名永不重复使用。</translation>
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
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/change_password_dialog.py" line="25"/>
        <source>crf-desktop: change password</source>
        <translation>crf-desktop：修改密码</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/change_password_dialog.py" line="30"/>
        <source>%1 (%2): your password was set by the site admin. Choose your own password before you continue; Log out leaves without changing it.</source>
        <translation>%1（%2）：您的密码由中心管理员设置。请先设置您自己的密码再继续；选择“注销”将不修改密码并退出。</translation>
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
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="127"/>
        <source>Subjects at site %1</source>
        <translation>中心 %1 的受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="128"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="129"/>
        <source>Subject number or initials</source>
        <translation>受试者编号或姓名缩写</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="130"/>
        <source>&amp;Overdue visits</source>
        <translation>逾期访视(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="131"/>
        <source>Open &amp;queries</source>
        <translation>未解决质疑(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="132"/>
        <source>&amp;Incomplete forms</source>
        <translation>未完成表单(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="133"/>
        <source>&amp;New subject…</source>
        <translation>新建受试者(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="134"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="135"/>
        <source>Reload the dashboard (F5)</source>
        <translation>重新载入总览（F5）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="136"/>
        <source>Legend:</source>
        <translation>图例：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="138"/>
        <source>(double-click a row or press Enter to open the subject)</source>
        <translation>（双击一行或按回车键打开受试者）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="159"/>
        <source>%1 subject</source>
        <translation>%1 名受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="159"/>
        <source>%1 subjects</source>
        <translation>%1 名受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="164"/>
        <source>%1 overdue visit</source>
        <translation>%1 次访视逾期</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="164"/>
        <source>%1 overdue visits</source>
        <translation>%1 次访视逾期</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="165"/>
        <source>%1 visit with forms in progress</source>
        <translation>%1 次访视有填写中的表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="166"/>
        <source>%1 visits with forms in progress</source>
        <translation>%1 次访视有填写中的表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="177"/>
        <source>Showing %1 of %2</source>
        <translation>显示 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="205"/>
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
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="63"/>
        <source>? Not evaluable</source>
        <translation>? 无法判定</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="65"/>
        <source>✓ Met</source>
        <translation>✓ 符合</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="65"/>
        <source>✗ Not met</source>
        <translation>✗ 不符合</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="66"/>
        <source>✗ Met: excludes</source>
        <translation>✗ 符合：应排除</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="66"/>
        <source>✓ Not met</source>
        <translation>✓ 不符合</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="70"/>
        <source>Eligibility: %1</source>
        <translation>入选资格：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="74"/>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="74"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="74"/>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="75"/>
        <source>Missing</source>
        <translation>缺少的数据</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="76"/>
        <source>Computed from the screening forms and the concomitant-medication log; for an exclusion criterion &quot;met&quot; means the subject is excluded. Correct the forms, not this list.</source>
        <translation>根据筛选期表单和合并用药记录自动计算；排除标准“符合”表示受试者应被排除。如需更正，请修改表单，而不是此列表。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="90"/>
        <source>Inclusion criteria (all must be met)</source>
        <translation>入选标准（须全部符合）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/eligibility_panel.py" line="91"/>
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
        <location filename="../../crf_desktop/ui/form_editor.py" line="238"/>
        <source>Filled in from the form just saved: check every value, complete the rest, and save.</source>
        <extracomment>Field types typed into a line: their issues wait until the person leaves the field.</extracomment>
        <translation>已根据刚保存的表单预填：请核对每一项，补全其余内容后保存。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="245"/>
        <source>%1 — subject %2 — %3</source>
        <translation>%1 — 受试者 %2 — %3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="247"/>
        <source>Subject %1 · %2 · form %3, version %4</source>
        <translation>受试者 %1 · %2 · 表单 %3，版本 %4</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="256"/>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>保存(&amp;S) (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="257"/>
        <source>&amp;Verify (SDV)</source>
        <translation>核查(&amp;V)（SDV）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="258"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="276"/>
        <source>Read only: a %1 does not enter data.</source>
        <translation>只读：%1不录入数据。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="278"/>
        <source>Read only: this form is locked.</source>
        <translation>只读：此表单已锁定。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="283"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="105"/>
        <source>Not saved: %1 value(s) need correcting or confirming; see the messages under the fields.</source>
        <translation>未保存：%1 个数值需要更正或确认，请查看各项下方的提示。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="95"/>
        <source>Saved as in progress: %1 required field(s) still empty.</source>
        <translation>已保存为“填写中”：还有 %1 个必填项未填写。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="98"/>
        <source>Saved. Status: %1.</source>
        <translation>已保存。状态：%1。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="151"/>
        <source>Verified against the source documents.</source>
        <translation>已与源文件核对。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_menu.py" line="37"/>
        <source>Field &amp;history…</source>
        <translation>修改历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_menu.py" line="42"/>
        <source>Raise &amp;query…</source>
        <translation>提出质疑(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_menu.py" line="64"/>
        <source>Query raised on %1.</source>
        <translation>已对“%1”提出质疑。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="169"/>
        <source>crf-desktop: unsaved changes</source>
        <translation>crf-desktop：未保存的修改</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="170"/>
        <source>%1 has changes that are not saved.</source>
        <translation>%1有未保存的修改。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_saving.py" line="174"/>
        <source>Save them, discard them, or go back to the form?</source>
        <translation>保存、放弃，还是返回表单？</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="92"/>
        <source>H ▲</source>
        <translation>高 ▲</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="92"/>
        <source>L ▼</source>
        <translation>低 ▼</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="93"/>
        <source>N</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="93"/>
        <source>no range</source>
        <translation>无参考范围</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="97"/>
        <source>No reference range of this laboratory on the sample date</source>
        <translation>该实验室在采样日期没有参考范围</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="102"/>
        <source>Saved value against %1&apos;s range %2 – %3 %4 (valid from %5)</source>
        <translation>已保存数值对照 %1 的参考范围 %2 – %3 %4（自 %5 起有效）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="127"/>
        <source>%1 has no reference range on %2 for: %3.</source>
        <translation>%1 在 %2 缺少以下参考范围：%3。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="129"/>
        <source>Enter the laboratory&apos;s ranges in Tools → Reference ranges; the flags appear after the next save.</source>
        <translation>请在“工具 → 参考范围”中录入该实验室的参考范围；下次保存后将显示标记。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="145"/>
        <source>crf-desktop: adverse event</source>
        <translation>crf-desktop：不良事件</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="146"/>
        <source>Record an adverse event now?</source>
        <translation>现在登记不良事件吗？</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="149"/>
        <source>Yes opens a new adverse event record, filled in from this form, for you to complete and save.</source>
        <translation>选择“是”将打开一条新的不良事件记录，已根据本表单预填，请补全后保存。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="152"/>
        <source>&amp;Record adverse event</source>
        <translation>登记不良事件(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor_notices.py" line="153"/>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="49"/>
        <source>crf-desktop is locked</source>
        <translation>crf-desktop 已锁定</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="75"/>
        <source>crf-desktop: locked</source>
        <translation>crf-desktop：已锁定</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="79"/>
        <source>Locked: %1 · %2</source>
        <translation>已锁定：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="83"/>
        <source>Everything you had open is kept as it was. Enter your password to continue.</source>
        <translation>您打开的所有内容均保持原样。输入密码以继续。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="88"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="93"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="95"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="97"/>
        <source>For another person to log in: closes the open windows; anything not saved is lost</source>
        <translation>供其他人登录：关闭已打开的窗口；未保存的内容将丢失</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/idle_lock.py" line="113"/>
        <source>Type your password to unlock.</source>
        <translation>请输入密码以解锁。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="31"/>
        <source>%1

To start a new site in this folder, the site admin runs in a terminal:
    %2
To try the app with fictitious data instead:
    %3</source>
        <translation>%1

如需在此文件夹中建立新的研究中心，请中心管理员在终端中运行：
    %2
如需使用虚构数据试用本软件：
    %3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="47"/>
        <source>crf-desktop: log in</source>
        <translation>crf-desktop：登录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="55"/>
        <source>Data directory: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="66"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="68"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="74"/>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="99"/>
        <source>DEMO: fictitious site for training, not for real patients</source>
        <translation>演示：用于培训的虚构中心，不得用于真实患者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="105"/>
        <source>Demo users and their passwords (also printed in the terminal). Choose a user to fill in the fields.</source>
        <translation>演示用户及其密码（也打印在终端中）。选择一个用户即可自动填写。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="116"/>
        <source>Fill in %1 and the demo password</source>
        <translation>填入 %1 及演示密码</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/login_dialog.py" line="136"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="52"/>
        <source>crf-desktop — Site %1 · %2 — %3 (%4)</source>
        <extracomment>The View ▸ Language entry reads the same in every language, so a person who cannot read the current one still finds the way back (not translated on purpose).</extracomment>
        <translation>crf-desktop — 中心 %1 · %2 — %3（%4）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="87"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="209"/>
        <source>Data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="210"/>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="211"/>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="214"/>
        <source>⚠ %1 storage warning(s): see the top of the window</source>
        <translation>⚠ %1 条存储警告：见窗口顶部</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="216"/>
        <source>Subjects</source>
        <translation>受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="217"/>
        <source>Site activity</source>
        <translation>中心操作记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="219"/>
        <location filename="../../crf_desktop/ui/main_window.py" line="263"/>
        <source>Subject %1</source>
        <translation>受试者 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="220"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="221"/>
        <source>&amp;Subjects</source>
        <translation>受试者(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="222"/>
        <source>Site &amp;activity</source>
        <translation>中心操作记录(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="223"/>
        <source>&amp;Responses by visit</source>
        <translation>按访视的应答情况(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="225"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="226"/>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="227"/>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="228"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="229"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="230"/>
        <source>&amp;Admin</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="231"/>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="232"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="233"/>
        <source>&amp;Reference ranges…</source>
        <translation>参考范围(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="234"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="235"/>
        <source>&amp;About crf-desktop</source>
        <translation>关于 crf-desktop(&amp;A)</translation>
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
        <translation>登记已签署知情同意书的受试者，系统将分配本中心的下一个筛选号。</translation>
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
    <name>Outcomes</name>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="31"/>
        <source>visit not recorded</source>
        <translation>访视未记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="32"/>
        <source>UPCR</source>
        <translation>尿蛋白/肌酐比值</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="33"/>
        <source>creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="34"/>
        <source>albumin</source>
        <translation>白蛋白</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="35"/>
        <source>urinary sediment</source>
        <translation>尿沉渣</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="37"/>
        <source>PhGA</source>
        <translation>医生总体评估</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="55"/>
        <source>BILAG (%1 systems)</source>
        <translation>BILAG（%1 个系统）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="78"/>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="87"/>
        <source>Visit not recorded yet</source>
        <translation>访视尚未记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="80"/>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="89"/>
        <source>%1 — missing %2</source>
        <translation>%1 — 缺少 %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="99"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="105"/>
        <source>new BILAG A: %1</source>
        <translation>新发 BILAG A：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="106"/>
        <source>new BILAG B: %1</source>
        <translation>新发 BILAG B：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="125"/>
        <source>%1 (%2 % from baseline)</source>
        <translation>%1（较基线 %2 %）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_text.py" line="136"/>
        <source>%1 % of baseline (%2)</source>
        <translation>为基线的 %1 %（%2）</translation>
    </message>
</context>
<context>
    <name>OutcomesPanel</name>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="129"/>
        <source>Visit</source>
        <translation>访视</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="129"/>
        <source>Days from baseline</source>
        <translation>距基线天数</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="130"/>
        <source>Renal response (%1)</source>
        <translation>肾脏缓解（%1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="131"/>
        <source>UPCR (change from baseline)</source>
        <translation>尿蛋白/肌酐比值（较基线变化）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="131"/>
        <source>Creatinine (% of baseline)</source>
        <translation>肌酐（为基线的 %）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="131"/>
        <source>SRI-4</source>
        <translation>SRI-4</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="132"/>
        <source>SRI-4 components</source>
        <translation>SRI-4 各组成部分</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="134"/>
        <source>One panel per measure; points are the recorded values, a dashed line bridges visits where the value was not recorded. Where the visit names do not fit: BL = baseline, W4 = week 4.</source>
        <translation>每项指标一个小图；圆点为记录值，虚线跨过未记录该值的访视。访视名称放不下时：基线 = 基线访视，4周 = 第 4 周。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="142"/>
        <source>Renal response by the %1 definition: complete = UPCR &lt; 0.5 g/g and creatinine ≤ 110 % of baseline; partial = UPCR down ≥ 50 % (and &lt; 3.0 g/g when baseline ≥ 3.0 g/g) and creatinine ≤ 125 % of baseline. SRI-4: SLEDAI-2K down ≥ 4, no new BILAG A, at most one new BILAG B, PhGA not worse by ≥ 0.3.</source>
        <translation>肾脏缓解按 %1 定义：完全缓解 = 尿蛋白/肌酐比值 &lt; 0.5 g/g 且肌酐 ≤ 基线的 110 %；部分缓解 = 尿蛋白/肌酐比值下降 ≥ 50 %（基线 ≥ 3.0 g/g 时还须 &lt; 3.0 g/g）且肌酐 ≤ 基线的 125 %。SRI-4：SLEDAI-2K 下降 ≥ 4，无新发 BILAG A，新发 BILAG B 不超过一个，医生总体评估恶化 &lt; 0.3。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="146"/>
        <source>Renal response by the %1 definition.</source>
        <translation>肾脏缓解按 %1 定义。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="148"/>
        <source>Time to first partial response: %1</source>
        <translation>首次部分缓解时间：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="149"/>
        <source>Time to first complete response: %1</source>
        <translation>首次完全缓解时间：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="154"/>
        <source>total remission (%1)</source>
        <translation>总缓解（%1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="156"/>
        <source>no remission</source>
        <translation>未缓解</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="159"/>
        <source>Week %1: %2</source>
        <translation>第 %1 周：%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="160"/>
        <source>Total remission (complete or partial renal response): %1</source>
        <translation>总缓解（肾脏完全或部分缓解）：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="166"/>
        <source>not reached</source>
        <translation>尚未达到</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="168"/>
        <source>%1 (visit date not recorded)</source>
        <translation>%1（访视日期未记录）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/outcomes_panel.py" line="169"/>
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
    <name>RaiseQueryDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/raise_query_dialog.py" line="22"/>
        <source>crf-desktop: raise a query</source>
        <translation>crf-desktop：提出质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/raise_query_dialog.py" line="24"/>
        <source>Query on %1 (subject %2, %3). Say what needs clarifying; the site answers it.</source>
        <translation>对“%1”提出质疑（受试者 %2，%3）。请说明需要澄清的内容，由研究中心回复。</translation>
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
    <name>SiteOutcomesDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="67"/>
        <source>crf-desktop: responses by visit</source>
        <translation>crf-desktop：按访视的应答情况</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="68"/>
        <source>Responses by visit — site %1</source>
        <translation>按访视的应答情况 — 中心 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/site_outcomes_dialog.py" line="72"/>
        <source>%1 subject(s) with a baseline visit. Renal response by the %2 definition (responder = complete or partial). Not evaluable: the visit or a value it needs is not recorded yet. Treatment arms are not shown: the study is blind at the sites.</source>
        <translation>%1 名受试者有基线访视。肾脏缓解按 %2 定义（应答 = 完全或部分缓解）。无法评估：该访视或所需数值尚未记录。不显示治疗组：各研究中心处于盲态。</translation>
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
    <name>SubjectPage</name>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="167"/>
        <source>Change &amp;status…</source>
        <translation>更改状态(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="168"/>
        <source>&amp;Open form</source>
        <translation>打开表单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="169"/>
        <source>Visit / form</source>
        <translation>访视 / 表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="169"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="169"/>
        <source>Date or window</source>
        <translation>日期或访视窗</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="170"/>
        <source>Last saved</source>
        <translation>最近保存</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="171"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="171"/>
        <source>Visit · form</source>
        <translation>访视 · 表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="171"/>
        <source>Question</source>
        <translation>质疑内容</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="172"/>
        <source>Raised by</source>
        <translation>提出者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="172"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="173"/>
        <source>Visits and forms</source>
        <translation>访视与表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="174"/>
        <source>Open queries (%1)</source>
        <translation>未解决质疑（%1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="175"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="176"/>
        <source>Outcomes</source>
        <translation>疗效结局</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="177"/>
        <source>Eligibility</source>
        <translation>入选资格</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="183"/>
        <source>Subject %1 (%2)</source>
        <translation>受试者 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="184"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="184"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="186"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="186"/>
        <source>Sex: %1</source>
        <translation>性别：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="187"/>
        <source>Year of birth: %1</source>
        <translation>出生年份：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="187"/>
        <source>not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="188"/>
        <source>Baseline: %1</source>
        <translation>基线：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="188"/>
        <source>not yet</source>
        <translation>尚未进行</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="190"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="80"/>
        <source>grade %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="97"/>
        <source>(nothing entered yet)</source>
        <translation>（尚未填写）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="99"/>
        <source>#%1  %2</source>
        <translation>#%1  %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="153"/>
        <source>New entry in %1…</source>
        <translation>在%1中新建条目…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="154"/>
        <source>New entry in %1: %2…</source>
        <translation>在%1中新建条目：%2…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="158"/>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="268"/>
        <source>&amp;New entry…</source>
        <translation>新建条目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="159"/>
        <source>Add an adverse event, a medication or another log entry (also: the last row of each log)</source>
        <translation>新增不良事件、合并用药或其他记录条目（也可使用每个记录表的最后一行）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="172"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="176"/>
        <source>(no forms declared yet)</source>
        <translation>（尚未定义表单）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="178"/>
        <source>no entries yet</source>
        <translation>暂无条目</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="188"/>
        <source>＋ New entry…</source>
        <translation>＋ 新建条目…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="214"/>
        <source>Double-click or press Enter to open the entry</source>
        <translation>双击或按回车键打开该条目</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="263"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_logs.py" line="109"/>
        <source>%1 by %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="239"/>
        <source>Double-click or press Enter to open the form</source>
        <translation>双击或按回车键打开表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="30"/>
        <source>Randomisation no. %1 · MSC kit %2 · MMF kit %3</source>
        <translation>随机号 %1 · MSC 药物编号 %2 · MMF 药物编号 %3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="82"/>
        <source>&amp;Randomise…</source>
        <translation>随机(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="83"/>
        <source>Check eligibility again and assign the next randomisation number and kits</source>
        <translation>再次核对入选资格，并分配下一个随机号和药物编号</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="87"/>
        <source>Emergency &amp;unblinding…</source>
        <translation>紧急揭盲(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="90"/>
        <source>Not randomised</source>
        <translation>未随机</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="98"/>
        <source>Unblinded (%1, by %2)</source>
        <translation>已揭盲（%1，%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="99"/>
        <source>Unblinded</source>
        <translation>已揭盲</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="104"/>
        <source>crf-desktop: randomise</source>
        <translation>crf-desktop：随机</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="105"/>
        <source>Randomise subject %1 now?</source>
        <translation>现在对受试者 %1 进行随机吗？</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="108"/>
        <source>Eligibility is checked again from the recorded forms. The subject then receives the next randomisation number, an MSC/placebo kit and an MMF/placebo kit, and goes on study. This cannot be undone.</source>
        <translation>将根据已录入的表单再次核对入选资格。随后受试者获得下一个随机号、一个 MSC/安慰剂药物编号和一个 MMF/安慰剂药物编号，并进入研究。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="112"/>
        <source>&amp;Randomise</source>
        <translation>随机(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="135"/>
        <source>Subject %1 randomised: %2.</source>
        <translation>受试者 %1 已随机：%2。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="137"/>
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
        <location filename="../../crf_desktop/ui/subject_randomisation.py" line="141"/>
        <source>crf-desktop: randomised</source>
        <translation>crf-desktop：已随机</translation>
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
        <translation>受试者 %1 当前状态：%2。筛选失败或退出须填写原因，并将报告给中心。</translation>
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
    <name>TermInput</name>
    <message>
        <location filename="../../crf_desktop/ui/term_input.py" line="112"/>
        <source>Type a term, 中文, synonym or MedDRA code; ↓↑ and Enter</source>
        <translation>输入术语、中文名、同义词或 MedDRA 编码；↓↑ 选择，回车确定</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/term_input.py" line="113"/>
        <source>Browse by &amp;SOC…</source>
        <translation>按系统器官分类浏览(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/term_input.py" line="178"/>
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
        <location filename="../../crf_desktop/ui/trend_chart_widget.py" line="100"/>
        <source>No visit with values recorded yet.</source>
        <translation>尚无记录数值的访视。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/trend_chart_widget.py" line="144"/>
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
        <location filename="../../crf_desktop/ui/users_dialog.py" line="31"/>
        <source>crf-desktop: users of site %1</source>
        <translation>crf-desktop：中心 %1 的用户</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="36"/>
        <source>Users of site %1 (%2)</source>
        <translation>中心 %1 的用户（%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="48"/>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="49"/>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="50"/>
        <source>&amp;Disable…</source>
        <translation>停用(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="125"/>
        <source>Added %1; they must change the temporary password at first login.</source>
        <translation>已添加 %1；其首次登录时必须修改临时密码。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="133"/>
        <source>Password of %1 reset; they must change it at next login.</source>
        <translation>已重置 %1 的密码；其下次登录时必须修改。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/users_dialog.py" line="141"/>
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
</TS>
