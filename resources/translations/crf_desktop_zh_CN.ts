<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="33" />
        <source>Screening</source>
        <translation>筛选中</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="34" />
        <source>Screen failure</source>
        <translation>筛选失败</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="35" />
        <source>On study</source>
        <translation>研究中</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="36" />
        <source>Completed</source>
        <translation>已完成研究</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="37" />
        <source>Withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="43" />
        <source>Subject</source>
        <translation>受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="43" />
        <source>Initials</source>
        <translation>姓名缩写</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="43" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="44" />
        <source>Next visit due</source>
        <translation>下次访视日期</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="44" />
        <source>Open queries</source>
        <translation>未解决质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="57" />
        <source>Forms done: %1 of %2</source>
        <translation>已完成表单：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="59" />
        <source>Visit date: %1</source>
        <translation>访视日期：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="61" />
        <source>Window: %1 to %2</source>
        <translation>访视窗：%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="64" />
        <source>Outside the window by %1 day(s): protocol deviation</source>
        <translation>超出访视窗 %1 天：方案偏离</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_model.py" line="194" />
        <source>Double-click a cell (or press Enter) to open the subject at this visit</source>
        <translation>双击单元格（或按回车键）打开该受试者的此次访视</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="119" />
        <source>Subjects at site %1</source>
        <translation>中心 %1 的受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="120" />
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="121" />
        <source>Subject number or initials</source>
        <translation>受试者编号或姓名缩写</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="122" />
        <source>&amp;Overdue visits</source>
        <translation>逾期访视(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="123" />
        <source>Open &amp;queries</source>
        <translation>未解决质疑(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="124" />
        <source>&amp;Incomplete forms</source>
        <translation>未完成表单(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="125" />
        <source>&amp;New subject…</source>
        <translation>新建受试者(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="126" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="127" />
        <source>Reload the dashboard (F5)</source>
        <translation>重新载入总览（F5）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="128" />
        <source>Legend:</source>
        <translation>图例：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="130" />
        <source>(double-click a row or press Enter to open the subject)</source>
        <translation>（双击一行或按回车键打开受试者）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="145" />
        <source>%1 subject(s)</source>
        <translation>%1 名受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="146" />
        <source>screening</source>
        <translation>筛选中</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="146" />
        <source>on study</source>
        <translation>研究中</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="147" />
        <source>screen failure</source>
        <translation>筛选失败</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="147" />
        <source>withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="148" />
        <source>completed</source>
        <translation>已完成研究</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="152" />
        <source>%1 overdue visit(s)</source>
        <translation>%1 次逾期访视</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="153" />
        <source>%1 visit(s) with forms in progress</source>
        <translation>%1 次访视有填写中的表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="158" />
        <source>Showing %1 of %2</source>
        <translation>显示 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/dashboard_page.py" line="181" />
        <source>Screen failure</source>
        <translation>筛选失败</translation>
    </message>
</context>
<context>
    <name>FieldHistoryDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="16" />
        <source>crf-desktop: history of %1</source>
        <translation>crf-desktop：%1 的修改历史</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="18" />
        <source>History of %1, oldest first. Times are this computer's local time.</source>
        <translation>%1 的修改历史，按时间先后排列。时间为本机当地时间。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="22" />
        <source>Time (local)</source>
        <translation>时间（当地）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="22" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="22" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="23" />
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="23" />
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="23" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="27" />
        <source>Recorded at %1 (UTC)</source>
        <translation>记录于 %1（UTC）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_history_dialog.py" line="30" />
        <source>No saved values yet</source>
        <translation>尚无已保存的值</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../../crf_desktop/ui/field_row.py" line="26" />
        <source>expected %1</source>
        <translation>预期 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_row.py" line="28" />
        <source>possible %1</source>
        <translation>可能范围 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_row.py" line="85" />
        <source>Calculated: %1</source>
        <translation>自动计算：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/field_row.py" line="89" />
        <source>Confirm value: it is correct as entered</source>
        <translation>确认数值：录入无误</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="201" />
        <source>%1 — subject %2 — %3</source>
        <extracomment>Field types typed into a line: their issues wait until the person leaves the field.</extracomment>
        <translation>%1 — 受试者 %2 — %3</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="203" />
        <source>Subject %1 · %2 · form %3, version %4</source>
        <translation>受试者 %1 · %2 · 表单 %3，版本 %4</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="209" />
        <source>&amp;Save (Ctrl+S)</source>
        <translation>保存(&amp;S) (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="210" />
        <source>&amp;Verify (SDV)</source>
        <translation>核查(&amp;V)（SDV）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="211" />
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="228" />
        <source>Read only: a %1 does not enter data.</source>
        <translation>只读：%1不录入数据。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="230" />
        <source>Read only: this form is locked.</source>
        <translation>只读：此表单已锁定。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="235" />
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="343" />
        <source>Not saved: %1 value(s) need correcting or confirming; see the messages under the fields.</source>
        <translation>未保存：%1 个数值需要更正或确认，请查看各项下方的提示。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="353" />
        <source>Saved as in progress: %1 required field(s) still empty.</source>
        <translation>已保存为“填写中”：还有 %1 个必填项未填写。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="356" />
        <source>Saved. Status: %1.</source>
        <translation>已保存。状态：%1。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="388" />
        <source>Verified against the source documents.</source>
        <translation>已与源文件核对。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="396" />
        <source>Field &amp;history…</source>
        <translation>修改历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="401" />
        <source>Raise &amp;query…</source>
        <translation>提出质疑(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="423" />
        <source>Query raised on %1.</source>
        <translation>已对“%1”提出质疑。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="456" />
        <source>crf-desktop: unsaved changes</source>
        <translation>crf-desktop：未保存的修改</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="457" />
        <source>%1 has changes that are not saved.</source>
        <translation>%1有未保存的修改。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/form_editor.py" line="460" />
        <source>Save them, discard them, or go back to the form?</source>
        <translation>保存、放弃，还是返回表单？</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="176" />
        <source>Subjects</source>
        <translation>受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="177" />
        <source>Site activity</source>
        <translation>中心操作记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="179" />
        <location filename="../../crf_desktop/ui/main_window.py" line="219" />
        <source>Subject %1</source>
        <translation>受试者 %1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="180" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="181" />
        <source>&amp;Subjects</source>
        <translation>受试者(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="182" />
        <source>Site &amp;activity</source>
        <translation>中心操作记录(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="183" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="184" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="185" />
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="186" />
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="187" />
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="188" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="189" />
        <source>&amp;Admin</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="190" />
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="191" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/main_window.py" line="192" />
        <source>&amp;About crf-desktop</source>
        <translation>关于 crf-desktop(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NewSubjectDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="31" />
        <source>crf-desktop: new subject</source>
        <translation>crf-desktop：新建受试者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="33" />
        <source>Register a person who has signed the informed consent. The next screening number of the site is given to them.</source>
        <translation>登记已签署知情同意书的受试者，系统将分配本中心的下一个筛选号。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="38" />
        <source>2–4 letters, e.g. ZSF</source>
        <translation>2–4 个字母，如 ZSF</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="42" />
        <source>e.g. 1985 (leave empty if not known)</source>
        <translation>如 1985（不详则留空）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="45" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="46" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="49" />
        <source>&amp;Initials:</source>
        <translation>姓名缩写(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="50" />
        <source>&amp;Year of birth:</source>
        <translation>出生年份(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="50" />
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="56" />
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/new_subject_dialog.py" line="71" />
        <source>year of birth “%1”: type four digits, e.g. 1985</source>
        <translation>出生年份“%1”：请输入四位数字，如 1985</translation>
    </message>
</context>
<context>
    <name>RaiseQueryDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/raise_query_dialog.py" line="22" />
        <source>crf-desktop: raise a query</source>
        <translation>crf-desktop：提出质疑</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/raise_query_dialog.py" line="24" />
        <source>Query on %1 (subject %2, %3). Say what needs clarifying; the site answers it.</source>
        <translation>对“%1”提出质疑（受试者 %2，%3）。请说明需要澄清的内容，由研究中心回复。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/raise_query_dialog.py" line="27" />
        <source>&amp;Question:</source>
        <translation>质疑内容(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/raise_query_dialog.py" line="33" />
        <source>&amp;Raise query</source>
        <translation>提出质疑(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="28" />
        <source>crf-desktop: reason for change</source>
        <translation>crf-desktop：修改原因</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="30" />
        <source>This form was already complete. Say why it is being changed; the reason is kept in the audit trail with each changed value.</source>
        <translation>此表单已完成。请说明修改原因；原因将随每个修改的数值记入稽查轨迹。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="42" />
        <source>Say why, e.g. value read from the wrong line of the chart</source>
        <translation>请说明原因，如从病历的错误一行读取了数值</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="45" />
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="45" />
        <source>&amp;Other reason:</source>
        <translation>其他原因(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="51" />
        <source>&amp;Save with this reason</source>
        <translation>按此原因保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/reason_dialog.py" line="75" />
        <source>Type the reason for the change.</source>
        <translation>请填写修改原因。</translation>
    </message>
</context>
<context>
    <name>SubjectPage</name>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="136" />
        <source>Change &amp;status…</source>
        <translation>更改状态(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="137" />
        <source>&amp;Open form</source>
        <translation>打开表单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="138" />
        <source>Visit / form</source>
        <translation>访视 / 表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="138" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="138" />
        <source>Date or window</source>
        <translation>日期或访视窗</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="139" />
        <source>Last saved</source>
        <translation>最近保存</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="140" />
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="140" />
        <source>Visit · form</source>
        <translation>访视 · 表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="140" />
        <source>Question</source>
        <translation>质疑内容</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="141" />
        <source>Raised by</source>
        <translation>提出者</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="141" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="142" />
        <source>Visits and forms</source>
        <translation>访视与表单</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="143" />
        <source>Open queries (%1)</source>
        <translation>未解决质疑（%1）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="144" />
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="148" />
        <source>Subject %1 (%2)</source>
        <translation>受试者 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="149" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="149" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="151" />
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="151" />
        <source>Sex: %1</source>
        <translation>性别：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="152" />
        <source>Year of birth: %1</source>
        <translation>出生年份：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="152" />
        <source>not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="153" />
        <source>Baseline: %1</source>
        <translation>基线：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="153" />
        <source>not yet</source>
        <translation>尚未进行</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="155" />
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="187" />
        <source>(no forms declared yet)</source>
        <translation>（尚未定义表单）</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="198" />
        <source>%1 by %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_page.py" line="203" />
        <source>Double-click or press Enter to open the form</source>
        <translation>双击或按回车键打开表单</translation>
    </message>
</context>
<context>
    <name>SubjectStatusDialog</name>
    <message>
        <location filename="../../crf_desktop/ui/subject_status_dialog.py" line="31" />
        <source>crf-desktop: subject status</source>
        <translation>crf-desktop：受试者状态</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_status_dialog.py" line="33" />
        <source>Subject %1 is now: %2. A screen failure or withdrawal needs the reason; it is reported to the centre.</source>
        <translation>受试者 %1 当前状态：%2。筛选失败或退出须填写原因，并将报告给中心。</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_status_dialog.py" line="43" />
        <source>New &amp;status:</source>
        <translation>新状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_status_dialog.py" line="43" />
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../crf_desktop/ui/subject_status_dialog.py" line="49" />
        <source>&amp;Change status</source>
        <translation>更改状态(&amp;C)</translation>
    </message>
</context>
</TS>