<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../quickreply/app/resident.py" line="224"/>
        <location filename="../../quickreply/app/resident.py" line="510"/>
        <location filename="../../quickreply/app/views.py" line="82"/>
        <source>快捷回复助手</source>
        <translation>QuickReply</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="186"/>
        <source>另有 %1 个快捷键问题（见托盘消息）</source>
        <translation>Hotkey problems not shown here: %1 (see the tray message)</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="196"/>
        <source>全局快捷键和自动粘贴不可用</source>
        <translation>Global hotkeys and automatic paste are not available</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="201"/>
        <source>有快捷键无法使用</source>
        <translation>Some hotkeys cannot be used</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="261"/>
        <source>团队日报已开启</source>
        <translation>Daily team report is on</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="285"/>
        <source>快捷回复助手已在托盘运行</source>
        <translation>QuickReply is running in the tray</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="286"/>
        <source>按 %1 呼出快捷回复；右键托盘图标打开话术库、等待计时和设置。</source>
        <translation>Press %1 to open the palette; right-click the tray icon for the library, wait timers and settings.</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="355"/>
        <source>无法加入团队</source>
        <translation>Cannot join the team</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="384"/>
        <source>团队话术已是最新</source>
        <translation>Team replies are up to date</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="405"/>
        <source>无法发布</source>
        <translation>Cannot publish</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="492"/>
        <source>话术包有问题</source>
        <translation>Problems in the reply packs</translation>
    </message>
</context>
<context>
    <name>CharCounter</name>
    <message>
        <location filename="../../quickreply/ui/palette_counter.py" line="51"/>
        <source>%1 / %2 字</source>
        <translation>%1 / %2 characters</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_counter.py" line="53"/>
        <source> · 超出 %1 字，会被平台截断</source>
        <translation> · %1 too many: the platform will cut the message</translation>
    </message>
</context>
<context>
    <name>CodePracticePanel</name>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="55"/>
        <source>看回复内容（更难）</source>
        <translation>Show the reply text (harder)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="62"/>
        <source>输入这条话术的快捷编码</source>
        <translation>Type this reply&apos;s shortcut code</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="65"/>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="102"/>
        <source>话术里还没有快捷编码，暂时无法练习。</source>
        <translation>No reply has a shortcut code yet, so there is nothing to practise.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="162"/>
        <source>✔ 对，%1 秒</source>
        <translation>✔ Right, %1 s</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="166"/>
        <source>✘ 编码是 %1（%2）。按 Enter 下一条</source>
        <translation>✘ The code is %1 (%2). Press Enter for the next one</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="174"/>
        <source>连对 %1 · 最高连对 %2 · 答对 %3 / %4 · 中位用时 %5 秒</source>
        <translation>Streak %1 · best streak %2 · right %3 / %4 · median %5 s</translation>
    </message>
</context>
<context>
    <name>DrillBoard</name>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="212"/>
        <source>练习：Enter 发送到上面的聊天 · Esc 跳过 · 答完后 Enter 下一题</source>
        <translation>Practice: Enter sends into the chat · Esc skips · Enter after an answer for the next question</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="283"/>
        <source>第 %1 / %2 题</source>
        <translation>Question %1 / %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="310"/>
        <source>剩 %1 秒</source>
        <translation>%1 s left</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="348"/>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="349"/>
        <source>%1 次按键</source>
        <translation>%1 keystrokes</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="354"/>
        <source>（编码 %1 只要 %2 次）</source>
        <translation> (code %1 needs only %2)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="360"/>
        <source>✔ 答对了</source>
        <translation>✔ Right</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="362"/>
        <source>✘ 时间到</source>
        <translation>✘ Time is up</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="364"/>
        <source>✘ 不对</source>
        <translation>✘ Not this one</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="368"/>
        <source>按 Enter 下一题</source>
        <translation>Press Enter for the next question</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="373"/>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="374"/>
        <source>应该用：</source>
        <translation>Use: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="375"/>
        <source>什么时候用：</source>
        <translation>When to use: </translation>
    </message>
</context>
<context>
    <name>DrillPanel</name>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="44"/>
        <source>混合练习</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="45"/>
        <source>按场景</source>
        <translation>By scenario</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="46"/>
        <source>先练最弱的</source>
        <translation>Weakest first</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="49"/>
        <source>开始一轮</source>
        <translation>Start a round</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="54"/>
        <source>练习方式：</source>
        <translation>Practice:</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="84"/>
        <source>话术里还没有买家问法，暂时无法练习。</source>
        <translation>No buyer questions in the library yet, so there is nothing to practise.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="116"/>
        <source>本轮答对 %1 / %2 题，中位用时 %3 秒</source>
        <translation>This round: %1 / %2 right, median %3 s</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="125"/>
        <source>点“开始一轮”再来一轮；“我的进度”里看各场景是否可以上岗。</source>
        <translation>Click “Start a round” for another; “My progress” shows which scenarios are ready for live chats.</translation>
    </message>
</context>
<context>
    <name>ExamPanel</name>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="73"/>
        <source>开始考试</source>
        <translation>Start the exam</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="76"/>
        <source>考试：</source>
        <translation>Exam:</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="127"/>
        <source>还没有考试：组长发布的 *.exam.yaml 随团队话术一起到这里。</source>
        <translation>No exams yet: the *.exam.yaml files your lead publishes arrive here with the team packs.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="142"/>
        <source>共 %1 题，每题限时 %2 秒，答对 %3% 及格；只能考一次，中途离开未答的题算错。</source>
        <translation>%1 questions, %2 s each, pass at %3% right. You can take it once; questions left unanswered if you leave count as wrong.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="149"/>
        <source>和练习一样：在右边的快捷回复里找到合适的话术，Enter 发送。</source>
        <translation>As in practice: find the right reply in the quick-reply panel on the right and press Enter to send it.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="193"/>
        <source>✔ 通过</source>
        <translation>✔ Passed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="195"/>
        <source>✘ 未通过</source>
        <translation>✘ Not passed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="197"/>
        <source>答对 %1 / %2 题（%3%，及格线 %4%），共用时 %5 秒</source>
        <translation>%1 / %2 right (%3%, pass mark %4%), %5 s in all</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="210"/>
        <source>（未作答）</source>
        <translation>(no answer)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="221"/>
        <source>买家问</source>
        <translation>Buyer asked</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="222"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="223"/>
        <source>你发的</source>
        <translation>You sent</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="224"/>
        <source>参考</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="225"/>
        <source>用时（秒）</source>
        <translation>Time (s)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="229"/>
        <source>成绩保存在本机；投递位置暂时连不上，下次共享时自动交给组长。</source>
        <translation>The result is kept on this computer; the drop cannot be reached right now, so it is handed in to your lead at the next share.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="231"/>
        <source>成绩保存在本机，并交给组长（设置 → 团队日报 的投递位置）。</source>
        <translation>The result is kept on this computer and handed in to your lead (Settings → Daily team report, its drop).</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="234"/>
        <source>成绩只保存在本机（在 设置 → 团队日报 打开共享后，考试成绩会交给组长）。</source>
        <translation>The result is kept on this computer only (turn sharing on in Settings → Daily team report to hand exam results in to your lead).</translation>
    </message>
</context>
<context>
    <name>HotkeyEdit</name>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="76"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="97"/>
        <source>点这里，再按下新的组合键</source>
        <translation>Click here, then press the new keys</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="59"/>
        <source>自动识别</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="60"/>
        <source>千牛/旺旺 CSV</source>
        <translation>Qianniu/Wangwang CSV</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="61"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="62"/>
        <source>其他表格（按表头）</source>
        <translation>Other spreadsheet (by header)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="72"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="73"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="74"/>
        <source>不变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="75"/>
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="76"/>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="105"/>
        <source>导入话术 - 快捷回复助手</source>
        <translation>Import replies - QuickReply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="121"/>
        <source>例如：千牛</source>
        <translation>e.g. Qianniu</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="122"/>
        <source>合并式：新增并更新同编码的话术，保留其他</source>
        <translation>Merge: add new, update same codes, keep the rest</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="123"/>
        <source>替换式：个人包只保留文件中的话术</source>
        <translation>Replace: keep only the file&apos;s replies</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="134"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="135"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="136"/>
        <source>导入到个人包</source>
        <translation>Into personal pack</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="137"/>
        <source>分组前缀</source>
        <translation>Group prefix</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="138"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="144"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="144"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="144"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="144"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="144"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="145"/>
        <source>内容 / 原因</source>
        <translation>Text / reason</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="160"/>
        <location filename="../../quickreply/ui/importer.py" line="282"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="162"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="212"/>
        <source>无法导入：</source>
        <translation>Cannot import: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="217"/>
        <source>%1 条新增，%2 条更新，%3 条跳过，%4 条不变 → %5</source>
        <translation>%1 new, %2 updated, %3 skipped, %4 unchanged → %5</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="222"/>
        <source>（删除 %1 条）</source>
        <translation> (%1 removed)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="249"/>
        <source>未导入：无法写入 %1（%2）</source>
        <translation>Not imported: cannot write %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="262"/>
        <source>选择要导入的话术文件</source>
        <translation>Choose the reply file to import</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="264"/>
        <source>话术文件 (*.csv *.xlsx *.yml *.yaml *.json *.txt);;所有文件 (*)</source>
        <translation>Reply files (*.csv *.xlsx *.yml *.yaml *.json *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="283"/>
        <source>没有可写入的个人包文件夹。</source>
        <translation>There is no personal pack folder to write to.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="306"/>
        <location filename="../../quickreply/ui/importer.py" line="322"/>
        <location filename="../../quickreply/ui/importer.py" line="331"/>
        <source>导出话术</source>
        <translation>Export replies</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="308"/>
        <source>千牛/旺旺 CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>Qianniu/Wangwang CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="320"/>
        <source>无法写入 %1（%2）</source>
        <translation>Cannot write %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="325"/>
        <source>已导出 %1 条到 %2。</source>
        <translation>Exported %1 rows to %2.</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <location filename="../../quickreply/ui/library.py" line="115"/>
        <source>话术库 - 快捷回复助手</source>
        <extracomment>Asks yes/no before destructive actions; tests replace it.</extracomment>
        <translation>Library - QuickReply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="155"/>
        <location filename="../../quickreply/ui/library.py" line="426"/>
        <source>话术库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="156"/>
        <source>新人学习</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/problem_banner.py" line="37"/>
        <location filename="../../quickreply/ui/problem_banner.py" line="72"/>
        <location filename="../../quickreply/ui/problem_banner.py" line="79"/>
        <source>收起</source>
        <translation>Collapse</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="56"/>
        <source>筛选：标题、编码、内容、标签（Ctrl+F）</source>
        <extracomment>The filter&apos;s buttons, in order; None is 全部. --pack extras get a button only when present.</extracomment>
        <translation>Filter: title, code, text, tags (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="70"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="92"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="94"/>
        <source>发布…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="68"/>
        <source>复制回复到剪贴板（列表中按回车也可）</source>
        <translation>Copy the reply to the clipboard (or press Enter in the list)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="70"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="66"/>
        <source>复制文字</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="52"/>
        <source>模板</source>
        <extracomment>``render(snippet, variant)``: the variant as a buyer would get it now, or None.</extracomment>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="55"/>
        <source>显示原文：变量 {{ }} 未替换</source>
        <translation>Show the text as written, with {{ }} names not filled in</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="72"/>
        <source>存一份到个人包改</source>
        <translation>Save a copy to my pack to edit</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="74"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/problem_banner.py" line="64"/>
        <source>：有问题的话术已跳过，其余照常可用。</source>
        <translation>: the broken replies were skipped; everything else works.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/problem_banner.py" line="78"/>
        <source>展开</source>
        <translation>Expand</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="314"/>
        <location filename="../../quickreply/ui/library_list.py" line="114"/>
        <source>%1 条</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="324"/>
        <source>本分组没有符合条件的话术；其他分组中有 %1 条（点“全部”查看）</source>
        <translation>No matching replies in this group; %1 in other groups (click “All” to see them)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="108"/>
        <source>没有符合条件的话术</source>
        <translation>No matching replies</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="169"/>
        <source>编码：</source>
        <translation>Code: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="170"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="173"/>
        <source>分组：</source>
        <translation>Group: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="174"/>
        <source>未分组</source>
        <translation>Ungrouped</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="177"/>
        <source>标签：</source>
        <translation>Tags: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="179"/>
        <source>热键：</source>
        <translation>Hotkey: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="196"/>
        <source> · 只读</source>
        <translation> · read-only</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="198"/>
        <source> · 发布源：点“发布…”后同事才会收到</source>
        <translation> · publish source: colleagues get changes after Publish…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="230"/>
        <source>粘贴：</source>
        <translation>Paste: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="232"/>
        <source>等待 %1 毫秒</source>
        <translation>Wait %1 ms</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="235"/>
        <source>回车发送</source>
        <translation>Press Enter to send</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="237"/>
        <source>宏步骤</source>
        <translation>Macro steps</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="240"/>
        <source>回复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="242"/>
        <source>回复（变体 %1）</source>
        <translation>Reply (variant %1)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="252"/>
        <source>需要填写</source>
        <translation>To fill in</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="254"/>
        <source>何时使用</source>
        <translation>When to use</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="224"/>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="193"/>
        <source>来源：%1 · %2</source>
        <translation>Source: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="255"/>
        <source>买家常问</source>
        <translation>Buyers ask</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="351"/>
        <source>无法预览：</source>
        <translation>Cannot preview: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="367"/>
        <source>无法复制：</source>
        <translation>Cannot copy: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="370"/>
        <source>已复制到剪贴板</source>
        <translation>Copied to the clipboard</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="102"/>
        <source>我的话术</source>
        <extracomment>The personal pack created when an agent saves a first snippet of their own.</extracomment>
        <translation>My replies</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="117"/>
        <source>这条话术属于只读的话术包，不能修改；可以先“存一份到个人包改”。</source>
        <translation>This reply is in a read-only pack and cannot be changed; use “Save a copy to my pack to edit” first.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="125"/>
        <source>编辑：</source>
        <translation>Edit: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="138"/>
        <source>没有可写的个人话术包。</source>
        <translation>There is no writable personal pack.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="155"/>
        <source>新建：</source>
        <translation>New: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="170"/>
        <source>存一份到个人包改：</source>
        <translation>Save a copy to my pack to edit: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="191"/>
        <source>放弃未保存的修改？</source>
        <translation>Discard unsaved changes?</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="249"/>
        <source>已保存“%1”</source>
        <translation>Saved “%1”</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="266"/>
        <source>未保存：无法写入 %1（%2）；请检查文件夹权限或磁盘空间。</source>
        <translation>Not saved: cannot write %1 (%2); check the folder permissions or disk space.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="292"/>
        <source>只读话术包里的话术不能删除。</source>
        <translation>Replies in a read-only pack cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="297"/>
        <source>删除“%1”？</source>
        <translation>Delete &quot;%1&quot;?</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="307"/>
        <source>已删除（上一版保存在 %1.bak）</source>
        <translation>Deleted (the previous version is kept in %1.bak)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="457"/>
        <source>有未保存的修改，仍然关闭？</source>
        <translation>There are unsaved changes. Close anyway?</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="90"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="91"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="182"/>
        <location filename="../../quickreply/ui/messages.py" line="187"/>
        <source>请检查自启动文件夹或注册表项是否可写</source>
        <translation>check that the autostart folder or registry key can be written</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="186"/>
        <source>无法取消开机自动启动（%1）</source>
        <translation>could not turn off start at login: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="181"/>
        <source>无法设置开机自动启动（%1）</source>
        <translation>could not turn on start at login: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="62"/>
        <source>这是 Wayland 会话，全局快捷键和向其他程序自动粘贴都不可用</source>
        <translation>this is a Wayland session: global hotkeys and pasting into other apps are not available</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="65"/>
        <source>请改用 X11（Xorg）会话登录；或在快捷回复里按 Enter 复制，再自己按 Ctrl+V 粘贴</source>
        <translation>log in with an X11 (Xorg) session, or press Enter in the palette to copy and paste with Ctrl+V yourself</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="71"/>
        <source>没有 X11 显示（DISPLAY 未设置），全局快捷键和自动粘贴已关闭</source>
        <translation>no X11 display (DISPLAY is not set): global hotkeys and paste are off</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="74"/>
        <source>请在桌面会话里启动快捷回复助手</source>
        <translation>start QuickReply inside your desktop session</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="77"/>
        <source>自动粘贴和全局快捷键已在设置里关闭</source>
        <translation>paste and global hotkeys are turned off in settings</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="82"/>
        <source>请在设置里选择其中之一：%2</source>
        <translation>use one of %2 in settings</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="86"/>
        <source>X11 粘贴后端无法启动（%1）</source>
        <translation>the X11 backend cannot start: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="87"/>
        <source>请安装 python-xlib，并在 X11 会话里运行</source>
        <translation>install python-xlib and run inside an X11 session</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="91"/>
        <source>Windows 粘贴后端无法启动（%1）</source>
        <translation>the Windows backend cannot start: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="92"/>
        <source>请在设置里换一个粘贴后端，或把这一行报告给维护者</source>
        <translation>choose another paste backend in settings, or report this line to the maintainers</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="101"/>
        <source>快捷键 %1（%2）是输入法自己的切换键（中/英、全/半角或标点）</source>
        <translation>hotkey %1 for &quot;%2&quot; is the input method&apos;s own switch (Chinese/English, full/half width or punctuation)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="104"/>
        <source>请在设置里换一个组合</source>
        <translation>choose another combination in settings</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="96"/>
        <source>快捷键 %1（%2）已被其他程序占用</source>
        <translation>hotkey %1 for &quot;%2&quot; is already taken by another program</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="97"/>
        <source>请在设置里换一个组合，或关闭占用它的程序</source>
        <translation>choose another combination in settings or close the other program</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="109"/>
        <source>请给其中一个换一个组合</source>
        <translation>give one of them another combination</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="113"/>
        <source>快捷键 %1（%2）：这个键盘上没有 %3 键</source>
        <translation>hotkey %1 for &quot;%2&quot;: this keyboard has no key %3</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="114"/>
        <location filename="../../quickreply/ui/messages.py" line="119"/>
        <source>请在设置里换一个键</source>
        <translation>choose another key in settings</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="118"/>
        <source>快捷键 %1（%2）：%3 键不能用作全局快捷键</source>
        <translation>hotkey %1 for &quot;%2&quot;: key %3 cannot be a global hotkey</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="123"/>
        <source>快捷键 %1（%2）无法设置（%3）</source>
        <translation>hotkey %1 for &quot;%2&quot; could not be set: %3</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="124"/>
        <source>请在设置里换一个组合，或重启快捷回复助手</source>
        <translation>choose another combination in settings, or restart QuickReply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="78"/>
        <source>需要时在设置里把粘贴方式改回「自动」</source>
        <translation>set the paste method back to &quot;Automatic&quot; in settings when you need them</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="81"/>
        <source>未知的粘贴方式「%1」</source>
        <translation>unknown paste backend &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="108"/>
        <source>快捷键 %1（%2）已被本程序的「%3」使用</source>
        <translation>hotkey %1 for &quot;%2&quot; is already used by &quot;%3&quot;</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="128"/>
        <source>「%1」的快捷键无法识别（%2）</source>
        <translation>the hotkey for &quot;%1&quot; is not valid: %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="129"/>
        <source>请在设置里重新设置这个快捷键</source>
        <translation>set this hotkey again in settings</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="133"/>
        <source>还有按键（%1 或修饰键）没有松开，所以什么都没有粘贴</source>
        <translation>%1 or a modifier is still held down, so nothing was pasted</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="134"/>
        <location filename="../../quickreply/ui/messages.py" line="143"/>
        <source>请松开所有按键，再按一次快捷键</source>
        <translation>release all keys and press the hotkey again</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="138"/>
        <source>还有修饰键没有松开，所以什么都没有粘贴</source>
        <translation>a modifier key is still held down, so nothing was pasted</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="139"/>
        <source>请松开所有按键，再粘贴一次</source>
        <translation>release all keys and paste again</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="142"/>
        <source>还有按键没有松开，所以剩下的内容没有粘贴</source>
        <translation>a key is still held down, so the rest was not pasted</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="146"/>
        <source>粘贴前聊天窗口已关闭，所以什么都没有输入</source>
        <translation>the chat window was closed before the paste, so nothing was typed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="147"/>
        <location filename="../../quickreply/ui/messages.py" line="151"/>
        <source>请点一下聊天输入框，再粘贴一次</source>
        <translation>click into the chat input and paste again</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="150"/>
        <source>聊天窗口没有重新获得焦点，所以什么都没有输入</source>
        <translation>the chat window did not take the focus back, so nothing was typed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="154"/>
        <source>宏执行中聊天窗口被关闭，剩下的步骤没有发送</source>
        <translation>the chat window was closed during the macro; the remaining steps were not sent</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="158"/>
        <source>宏执行中焦点切换到了其他窗口，剩下的步骤没有发送</source>
        <translation>the focus moved to another window during the macro; the remaining steps were not sent</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="176"/>
        <source>话术「%1」无法生成，什么都没有输入（%2）</source>
        <translation>snippet &quot;%1&quot; could not be rendered, so nothing was typed: %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="155"/>
        <location filename="../../quickreply/ui/messages.py" line="159"/>
        <source>请点一下聊天输入框，手动发送剩下的内容</source>
        <translation>click into the chat input and send the rest by hand</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="162"/>
        <source>无法恢复剪贴板原来的内容（%1）</source>
        <translation>could not restore the clipboard: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="163"/>
        <source>如有需要，请重新复制一次</source>
        <translation>copy it again if needed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="167"/>
        <source>粘贴失败（%1）</source>
        <translation>paste failed: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="168"/>
        <source>请再试一次；如果一直失败，请重启快捷回复助手</source>
        <translation>try again; if it persists, restart QuickReply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="172"/>
        <source>话术里的图片不是 PNG 或 JPEG 文件，后面的内容没有粘贴</source>
        <translation>the reply&apos;s image is not a PNG or JPEG file, so the rest was not pasted</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="173"/>
        <source>请告诉组长：quickreply lint 会指出是哪张图片</source>
        <translation>tell your team lead: quickreply lint names the image</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="177"/>
        <source>请在话术库里修正这条话术</source>
        <translation>fix the snippet in the library</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="192"/>
        <source>请填写「%1」</source>
        <translation>Fill in “%1”</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="193"/>
        <source>填好后再粘贴</source>
        <translation>then paste</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="197"/>
        <source>「%1」太长了：%2 个字符，最多 %3 个</source>
        <translation>“%1” is too long: %2 characters, at most %3</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="198"/>
        <location filename="../../quickreply/ui/messages.py" line="316"/>
        <source>删短一些</source>
        <translation>Shorten it</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="202"/>
        <source>「%1」要填数字：%2</source>
        <translation>“%1” needs a number: %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="203"/>
        <source>例如 99 或 98.5</source>
        <translation>e.g. 99 or 98.5</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="207"/>
        <source>没有这个省份：%1</source>
        <translation>No such province: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="208"/>
        <source>从下拉列表里选，或写省份的拼音（如 xinjiang、xj）</source>
        <translation>pick one from the list, or type its pinyin (e.g. xinjiang, xj)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="212"/>
        <source>「%1」没有这个选项：%2</source>
        <translation>“%1” has no choice %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="213"/>
        <source>请从这些里选：%3</source>
        <translation>choose one of: %3</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="219"/>
        <source>这条话术的图片路径是空的</source>
        <translation>this reply&apos;s picture path is empty</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="220"/>
        <source>请告诉组长补上图片</source>
        <translation>ask your team lead to add the picture</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="223"/>
        <source>图片路径 %1 的写法不对</source>
        <translation>the picture path %1 is not written correctly</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="224"/>
        <source>请告诉组长：路径要从话术包所在的文件夹写起</source>
        <translation>ask your team lead: the path starts from the pack&apos;s folder</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="228"/>
        <source>图片 %1 不在话术包的文件夹里</source>
        <translation>the picture %1 is not in the pack&apos;s folder</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="229"/>
        <source>请把图片复制到话术包的文件夹里，或告诉组长</source>
        <translation>copy the picture into the pack&apos;s folder, or tell your team lead</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="233"/>
        <source>图片 %1 还没有所在的话术包</source>
        <translation>the picture %1 has no pack yet</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="234"/>
        <source>请先保存这条话术</source>
        <translation>save this reply first</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="238"/>
        <source>找不到图片 %1</source>
        <translation>picture %1 not found</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="239"/>
        <source>请把图片放回话术包的文件夹，或告诉组长</source>
        <translation>put the picture back in the pack&apos;s folder, or tell your team lead</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="243"/>
        <source>图片 %1 太大了，最多 %2 MB</source>
        <translation>the picture %1 is too big: at most %2 MB</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="244"/>
        <source>请把图片存得小一些（如存成 JPEG），或告诉组长</source>
        <translation>save the picture smaller (as JPEG, say), or tell your team lead</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="248"/>
        <source>无法读取图片 %1</source>
        <translation>cannot read the picture %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="249"/>
        <source>请检查这个文件能否打开，或告诉组长</source>
        <translation>check that the file opens, or tell your team lead</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="253"/>
        <source>图片 %1 不是 PNG 或 JPEG 文件</source>
        <translation>the picture %1 is not a PNG or JPEG file</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="254"/>
        <source>请把它另存为 PNG，或告诉组长</source>
        <translation>save it as PNG, or tell your team lead</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="258"/>
        <source>图片 %1 已损坏</source>
        <translation>the picture %1 is damaged</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="259"/>
        <source>请重新保存这张图片，或告诉组长</source>
        <translation>save the picture again, or tell your team lead</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="263"/>
        <source>图片 %1 有 %2×%3 像素，每边最多 %4</source>
        <translation>the picture %1 is %2×%3 pixels, at most %4 on a side</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="264"/>
        <source>请把图片缩小，或告诉组长</source>
        <translation>scale the picture down, or tell your team lead</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="269"/>
        <source>编号不能为空</source>
        <translation>The id cannot be empty</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="270"/>
        <location filename="../../quickreply/ui/messages.py" line="274"/>
        <source>例如 my.greeting</source>
        <translation>e.g. my.greeting</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="273"/>
        <source>编号只能用小写字母、数字和 . _ -</source>
        <translation>The id may only use lowercase letters, digits and . _ -</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="277"/>
        <source>编号 %1 已被使用</source>
        <translation>The id %1 is already used</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="278"/>
        <source>已在 %2 中；换一个编号</source>
        <translation>it is in %2; choose another ID</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="282"/>
        <source>标题不能为空</source>
        <translation>The title cannot be empty</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="283"/>
        <source>写一个简短的标题</source>
        <translation>write a short title</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="286"/>
        <source>回复内容不能为空</source>
        <translation>The reply text cannot be empty</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="287"/>
        <source>写下要发给买家的话</source>
        <translation>write what the buyer should receive</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="290"/>
        <source>字段名 %1 只能用字母、数字和下划线</source>
        <translation>Field name %1 may only use letters, digits and underscores</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="291"/>
        <source>以字母开头，例如 amount</source>
        <translation>start with a letter, e.g. amount</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="295"/>
        <source>字段名 %1 重复</source>
        <translation>Field name %1 is used twice</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="296"/>
        <source>每个字段名只能用一次</source>
        <translation>use each field name once</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="300"/>
        <source>字段 %1 的类型不对</source>
        <translation>Field %1 has an unknown type</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="301"/>
        <source>在类型列表里选一个</source>
        <translation>choose one from the type list</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="305"/>
        <source>选择类型的字段 %1 需要选项</source>
        <translation>Choice field %1 needs choices</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="306"/>
        <source>在“选项”里用逗号分隔</source>
        <translation>separate them with commas under &quot;Choices&quot;</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="310"/>
        <source>不认识的选项来源 %1</source>
        <translation>Unknown choice source %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="311"/>
        <source>可用的来源：%2</source>
        <translation>available sources: %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="315"/>
        <source>太长了：%1 个字符，最多 %2 个</source>
        <translation>Too long: %1 characters, at most %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="320"/>
        <source>直达热键 %1 无法识别</source>
        <translation>Hotkey %1 is not recognised</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="321"/>
        <source>例如 ctrl+alt+1</source>
        <translation>e.g. ctrl+alt+1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="325"/>
        <source>直达热键 %1 会让这个键没法正常打字</source>
        <translation>Hotkey %1 would stop that key from typing</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="326"/>
        <source>加上 Ctrl 或 Alt，例如 ctrl+alt+1</source>
        <translation>add Ctrl or Alt, e.g. ctrl+alt+1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="330"/>
        <source>快捷编码 %1 有大写字母</source>
        <translation>Shortcut code %1 has capital letters</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="331"/>
        <source>改成 %2</source>
        <translation>write %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="335"/>
        <source>快捷编码 %1 的写法不对</source>
        <translation>Shortcut code %1 is not valid</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="336"/>
        <source>用 1-12 位小写字母或数字，例如 kd</source>
        <translation>use 1-12 lowercase letters or digits, e.g. kd</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="340"/>
        <source>快捷编码 %1 已被「%2」使用</source>
        <translation>Shortcut code %1 is already used by “%2”</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="341"/>
        <source>换一个编码</source>
        <translation>choose another code</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="345"/>
        <source>直达热键 %1 已被「%2」使用</source>
        <translation>Hotkey %1 is already used by “%2”</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="346"/>
        <source>换一个热键</source>
        <translation>choose another hotkey</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="350"/>
        <source>「%1」是广告法禁用的绝对化用语（%2）</source>
        <translation>“%1” is an absolute claim the Advertising Law bans (%2)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="351"/>
        <source>换成如实的说法</source>
        <translation>say what is plainly true instead</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="355"/>
        <source>首次自动回复有 %1 行，最多 %2 行</source>
        <translation>The first auto reply has %1 lines, at most %2 are allowed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="356"/>
        <source>买家只扫一眼第一条消息，删短一些</source>
        <translation>buyers only skim the first message: shorten it</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="360"/>
        <source>还没有写使用说明</source>
        <translation>No note on when to use it yet</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="361"/>
        <source>写一句什么时候用，新人学习时会看到</source>
        <translation>write one line on when to use it; trainees read it</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="364"/>
        <source>还没有买家问法</source>
        <translation>No buyer questions yet</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="365"/>
        <source>写几句买家会怎么问，每行一个</source>
        <translation>write a few ways buyers ask, one per line</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="368"/>
        <source>回复内容第 %1 行的模板写法有误</source>
        <translation>The template on line %1 of the reply is written wrong</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="369"/>
        <source>检查 {{ }} 和 {% %} 是否成对、引号是否配对</source>
        <translation>check that every {{ }} and {% %} is closed and quotes are paired</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="373"/>
        <location filename="../../quickreply/ui/messages.py" line="378"/>
        <source>回复内容用到了不认识的名字 %1</source>
        <translation>The reply uses an unknown name %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="374"/>
        <source>在「填写字段」里添加这个字段</source>
        <translation>add it under Fill-in fields</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="379"/>
        <source>是不是想写 %2？</source>
        <translation>did you mean %2?</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="383"/>
        <source>%1 没有 .%2 这一项</source>
        <translation>%1 has no .%2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="384"/>
        <source>可用的有：%3</source>
        <translation>it has: %3</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="388"/>
        <source>字段名 %1 和店铺信息里的同名值冲突</source>
        <translation>Field name %1 hides the shop value of the same name</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="389"/>
        <source>给字段换个名字</source>
        <translation>rename the field</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="393"/>
        <source>字段 %1 没有在回复内容里用到</source>
        <translation>Field %1 is not used in the reply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="394"/>
        <source>删掉它，或在回复内容里写 {{ %1 }}</source>
        <translation>remove it, or write {{ %1 }} in the reply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="405"/>
        <source>呼出快捷回复</source>
        <translation>Open the palette</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="407"/>
        <source>买家在等待</source>
        <translation>Buyer is waiting</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="409"/>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="459"/>
        <source>%1，仍使用原来的 %2</source>
        <translation>%1; it stays on %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="476"/>
        <source>%1：%2。</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>PaletteFooter</name>
    <message>
        <location filename="../../quickreply/ui/palette_footer.py" line="38"/>
        <source>正在载入… %1/%2（搜索已载入的部分）</source>
        <translation>Loading… %1/%2 (search covers what is loaded)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_footer.py" line="57"/>
        <source>Enter 粘贴 · Ctrl+Enter 粘贴并发送 · Ctrl+C 仅复制 · Esc 关闭</source>
        <translation>Enter paste · Ctrl+Enter paste and send · Ctrl+C copy only · Esc close</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_footer.py" line="58"/>
        <source> · Ctrl+D 常用</source>
        <translation> · Ctrl+D pin</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_footer.py" line="59"/>
        <source>粘贴不可用：%1。Enter 或 Ctrl+C 复制到剪贴板，再手动粘贴。</source>
        <translation>Paste is off: %1. Enter or Ctrl+C copies to the clipboard; paste it yourself.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_footer.py" line="60"/>
        <source>没有可用的粘贴后端</source>
        <translation>no paste backend is available</translation>
    </message>
</context>
<context>
    <name>PaletteWindow</name>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="113"/>
        <source>快捷回复</source>
        <translation>QuickReply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="132"/>
        <source>输入汉字、拼音、首字母或快捷编码…</source>
        <translation>Type Chinese, pinyin, initials or a shortcut code…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="246"/>
        <source>没有找到匹配的话术</source>
        <translation>No matching reply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="238"/>
        <source>★ 常用</source>
        <translation>★ Pinned</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="238"/>
        <source>最近</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="257"/>
        <source>无法保存常用：%1</source>
        <translation>Could not save the pins: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="262"/>
        <source>已加入常用：%1</source>
        <translation>Pinned: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="262"/>
        <source>已移出常用：%1</source>
        <translation>Unpinned: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/imageclip.py" line="46"/>
        <source>图</source>
        <translation>image</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="45"/>
        <source>宏 · 发送 %1 条</source>
        <translation>Macro · sends %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="48"/>
        <source>宏</source>
        <translation>Macro</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="50"/>
        <source>%1 种说法</source>
        <translation>%1 wordings</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="61"/>
        <source>宏：Enter 会依次发出 %1 条消息</source>
        <translation>Macro: Enter sends %1 messages in turn</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="64"/>
        <source>宏：按步骤粘贴</source>
        <translation>Macro: pastes step by step</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/imageclip.py" line="53"/>
        <source>先粘贴图片，再粘贴文字</source>
        <translation>Pastes the image first, then the text</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="67"/>
        <source>说法 %1/%2 · Alt+→ 换一种</source>
        <translation>Wording %1/%2 · Alt+→ for another</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="357"/>
        <source>无法记录使用次数：%1</source>
        <translation>Cannot record the use: %1</translation>
    </message>
</context>
<context>
    <name>ParkMenu</name>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="71"/>
        <source>稍后提醒</source>
        <translation>Remind me later</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="86"/>
        <source>{n} 分钟后</source>
        <translation>in {n} min</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="88"/>
        <source>{n} 小时后</source>
        <translation>in {n} h</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="98"/>
        <source>指定时间…</source>
        <translation>At a time…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="109"/>
        <source>{month}月{day}日 {time}</source>
        <translation>{month}/{day} {time}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="113"/>
        <source>截单前（{time}）</source>
        <translation>Before the cut-off ({time})</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="114"/>
        <source>「{name}」结束前（{time}）</source>
        <translation>Before “{name}” ends ({time})</translation>
    </message>
</context>
<context>
    <name>ParkTimeDialog</name>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="37"/>
        <source>稍后提醒</source>
        <translation>Remind me later</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="49"/>
        <source>提醒时间：</source>
        <translation>Remind at:</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../quickreply/ui/palette_preview.py" line="122"/>
        <source>这条话术暂时无法生成，请告诉组长（话术库和 quickreply lint 会指出原因）</source>
        <translation>This reply cannot be made right now; please tell your lead (the library and quickreply lint show why)</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message numerus="yes">
        <location filename="../../quickreply/ui/problem_banner.py" line="61"/>
        <source>加载话术包时发现 %n 个问题</source>
        <translation>
            <numerusform>%n problem found while loading packs</numerusform>
            <numerusform>%n problems found while loading packs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../quickreply/ui/problem_banner.py" line="63"/>
        <source>（%n 个错误）</source>
        <translation>
            <numerusform> (%n error)</numerusform>
            <numerusform> (%n errors)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="54"/>
        <source>（未分组）</source>
        <translation>(no group)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="69"/>
        <source>%1% 正确 · 中位 %2 秒 · %3 题</source>
        <translation>%1% right · median %2 s · %3 questions</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="74"/>
        <source>✔ 可以上岗</source>
        <translation>✔ Ready for live chats</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="74"/>
        <source>继续练</source>
        <translation>Keep practising</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="90"/>
        <source>每个场景最近 %1 次练习。正确率 ≥ %2% 且中位用时 ≤ %3 秒（至少练 5 题）就可以上岗。</source>
        <translation>The last %1 answers in each scenario. At least %2% right with a median of %3 s or less (after 5 questions or more) means ready for live chats.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="98"/>
        <source>还没有练习记录：先在“计时练习”里练一轮。</source>
        <translation>No practice yet: do a round in “Timed drill” first.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="120"/>
        <source>编码练习：最近 %1 次，%2% 打对</source>
        <translation>Code practice: last %1, %2% typed right</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="126"/>
        <source>可以上岗的场景：</source>
        <translation>Ready for live chats: </translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="38"/>
        <source>发布团队话术</source>
        <translation>Publish team replies</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="47"/>
        <source>这次改了什么（客服会在托盘消息里看到）</source>
        <translation>What changed (agents see it in the tray message)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="56"/>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="57"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="64"/>
        <source>有 %1 个错误，修正后才能发布。</source>
        <translation>%1 errors: fix them before publishing.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="70"/>
        <source>当前版本 v%1</source>
        <translation>Published now: v%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="72"/>
        <source>新增 %1 条，修改 %2 条，删除 %3 条</source>
        <translation>%1 added, %2 changed, %3 removed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="83"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="83"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="83"/>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="84"/>
        <source>和已发布的版本相同。</source>
        <translation>Same as the published version.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="85"/>
        <source>图片已更换</source>
        <translation>Picture replaced</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="96"/>
        <source>原来：%1</source>
        <translation>Before: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="97"/>
        <source>现在：%1</source>
        <translation>Now: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="116"/>
        <source>正在发布…</source>
        <translation>Publishing…</translation>
    </message>
</context>
<context>
    <name>ResultList</name>
    <message>
        <location filename="../../quickreply/ui/palette_list.py" line="42"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_list.py" line="42"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_list.py" line="42"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_list.py" line="42"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>RowActions</name>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="282"/>
        <source>回复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="282"/>
        <source>已回复：停止计时并记录响应时间</source>
        <translation>Replied: stop the clock and record the response time</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="283"/>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="283"/>
        <source>稍后提醒：暂时移出等待列表</source>
        <translation>Remind me later: out of the waiting list for now</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="284"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="284"/>
        <source>移除：不记录响应时间</source>
        <translation>Remove: no response time is recorded</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="266"/>
        <source>启动</source>
        <translation>Start-up</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="262"/>
        <source>开机自动启动</source>
        <translation>Start when I log in</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="159"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="179"/>
        <location filename="../../quickreply/ui/settings.py" line="195"/>
        <source>快捷键</source>
        <translation>Hotkeys</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="183"/>
        <source>呼出快捷回复</source>
        <translation>Open the palette</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="186"/>
        <source>买家在等待</source>
        <translation>Buyer is waiting</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="189"/>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="192"/>
        <source>按编码或标题筛选话术…</source>
        <translation>Filter replies by code or title…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="195"/>
        <source>话术</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="210"/>
        <source>话术快捷键</source>
        <translation>Reply hotkeys</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="212"/>
        <source>所选话术</source>
        <translation>Selected reply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="215"/>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="219"/>
        <source>粘贴前等待</source>
        <translation>Wait before pasting</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="220"/>
        <source>恢复剪贴板前等待</source>
        <translation>Wait before restoring the clipboard</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="224"/>
        <source>粘贴按键</source>
        <translation>Paste keys</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="227"/>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="230"/>
        <source>关闭（只复制）</source>
        <translation>Off (copy only)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="234"/>
        <source>环境变量 QUICKREPLY_BACKEND 优先于此设置</source>
        <translation>The QUICKREPLY_BACKEND environment variable takes precedence over this setting</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="235"/>
        <source>粘贴方式</source>
        <translation>Paste method</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="238"/>
        <source>界面</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="243"/>
        <location filename="../../quickreply/ui/settings.py" line="253"/>
        <source>跟随系统</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="250"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="254"/>
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="255"/>
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="259"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="267"/>
        <source>语言更改在重新启动后生效。</source>
        <translation>A language change takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="277"/>
        <source>话术文件夹</source>
        <translation>Pack folders</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="279"/>
        <source>团队话术</source>
        <translation>Team packs</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="280"/>
        <source>个人话术</source>
        <translation>Personal packs</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="285"/>
        <source>加入团队</source>
        <translation>Join a team</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="288"/>
        <source>共享文件夹，或 https:// 开头的网址</source>
        <translation>A shared folder, or an address starting with https://</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="289"/>
        <source>团队地址</source>
        <translation>Team address</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="291"/>
        <source>组长给的加入码（qrteam1.…）</source>
        <translation>The join code from your lead (qrteam1.…)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="292"/>
        <source>加入码</source>
        <translation>Join code</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="296"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="297"/>
        <source>同步间隔</source>
        <translation>Sync every</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="308"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="309"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="341"/>
        <source> 毫秒</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="356"/>
        <source>默认位置</source>
        <translation>Default location</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="357"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="402"/>
        <source>请先在列表中选择一条话术</source>
        <translation>Select a reply in the list first</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="406"/>
        <source>无法识别的快捷键：%1</source>
        <translation>Unrecognised hotkey: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="408"/>
        <source>%1 会影响正常打字：请加上 Ctrl 或 Alt</source>
        <translation>%1 would get in the way of typing: add Ctrl or Alt</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="412"/>
        <source>%1 已被「%2」使用</source>
        <translation>%1 is already used by &quot;%2&quot;</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="525"/>
        <source>团队地址和加入码都要填写（或都留空）。</source>
        <translation>Fill in both the team address and the join code (or leave both empty).</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="530"/>
        <source>加入码不完整或有误：请从组长那里重新复制整段加入码。</source>
        <translation>The join code is incomplete or wrong: copy the whole code from your lead again.</translation>
    </message>
</context>
<context>
    <name>ShareBox</name>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="19"/>
        <source>每天一次和退出时，把一个小文件放到组长指定的位置，内容只有：工号、日期、软件版本、团队话术版本、每条话术当天的使用次数、各接待组当天的回复数与响应时长合计（首次响应、平均响应、3分钟内、30秒内）。从不包含买家昵称、聊天窗口标题、聊天内容或剪贴板内容。</source>
        <translation>Once a day and at quit, a small file goes to the place your lead chose. It holds only: your agent ID, the date, the app version, the team pack version, how often you used each reply that day, and each queue&apos;s reply count and response-time totals (first response, average response, within 3 minutes, within 30 seconds). Never buyer names, chat window titles, chat messages or clipboard contents.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="39"/>
        <source>团队日报</source>
        <translation>Daily team report</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="44"/>
        <source>每天把使用和响应汇总发给组长</source>
        <translation>Send a daily summary of reply use and response times to my lead</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="47"/>
        <source>组长已为团队开启团队日报（团队设置，无需勾选）。</source>
        <translation>Your lead turned on the daily report for the team (a team setting: nothing to tick).</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="55"/>
        <source>共享文件夹，或 WebDAV 地址 https://…</source>
        <translation>A shared folder, or a WebDAV address https://…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="56"/>
        <source>投递位置</source>
        <translation>Drop location</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="64"/>
        <source>留空则用店铺资料中的工号 %1</source>
        <translation>Empty: the agent ID in the shop profile, %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="66"/>
        <source>工号</source>
        <translation>Agent ID</translation>
    </message>
</context>
<context>
    <name>SnippetEditor</name>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="151"/>
        <source>小写字母、数字和 . _ -，例如 my.greeting</source>
        <extracomment>A line holding only this separates the variants of a snippet&apos;s text in the editor. Debounce between the last keystroke and the preview/lint refresh. The renderer&apos;s problems about a name the text uses that nothing defines. ``suggest(code, title) -&gt; id`` for a new reply (core.editing.suggest_id).</extracomment>
        <translation>lowercase letters, digits and . _ -, e.g. my.greeting</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="153"/>
        <source>例如：合作快递</source>
        <translation>e.g. Our couriers</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="155"/>
        <source>1-12 位小写字母或数字，例如 kd</source>
        <translation>1-12 lowercase letters or digits, e.g. kd</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="157"/>
        <source>用 / 分层，例如 物流/快递</source>
        <translation>levels separated by /, e.g. Logistics/Couriers</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="159"/>
        <source>用逗号或空格分隔</source>
        <translation>separated by commas or spaces</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="161"/>
        <source>可选，例如 ctrl+alt+1</source>
        <translation>optional, e.g. ctrl+alt+1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="162"/>
        <source>粘贴后自动发送（回车）</source>
        <translation>Send after pasting (Enter)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="166"/>
        <source>回复内容，可用 {{ 字段名 }} 等模板变量；多个变体之间放一行 ---</source>
        <translation>The reply; template names like {{ field }} work; put a line --- between variants</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="169"/>
        <source>什么时候用这条回复（新人学习时显示）</source>
        <translation>When to use this reply (shown to trainees)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="172"/>
        <source>买家常见问法，每行一个</source>
        <translation>Typical buyer questions, one per line</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="56"/>
        <source>字段名</source>
        <translation>Field name</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="57"/>
        <source>显示名</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="58"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="59"/>
        <source>默认值</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="60"/>
        <source>选项</source>
        <translation>Choices</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="191"/>
        <source>添加字段</source>
        <translation>Add field</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="192"/>
        <source>删除字段</source>
        <translation>Remove field</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="197"/>
        <source>编号</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="198"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="199"/>
        <source>快捷编码</source>
        <translation>Shortcut code</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="200"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="201"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="205"/>
        <source>回复内容</source>
        <translation>Reply text</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="206"/>
        <source>使用说明</source>
        <translation>When to use</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="207"/>
        <source>买家问法</source>
        <translation>Buyer questions</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="217"/>
        <source>填写字段</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="220"/>
        <source>直达热键</source>
        <translation>Direct hotkey</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="225"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="238"/>
        <source>实时预览</source>
        <translation>Live preview</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="255"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="258"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="259"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="449"/>
        <source>错误：%1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="449"/>
        <source>提醒：%1</source>
        <translation>Warning: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../quickreply/ui/editor.py" line="461"/>
        <source>%n 个错误</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../quickreply/ui/editor.py" line="463"/>
        <source>%n 个提醒</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="464"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="489"/>
        <source>回复内容里的 %1 还不是填写字段</source>
        <translation>The reply uses %1, which is not a fill-in field yet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../quickreply/ui/editor.py" line="505"/>
        <source>未保存：还有 %n 个错误，改正后再保存。第一个：</source>
        <translation>
            <numerusform>Not saved: %n error left; fix it and save again: </numerusform>
            <numerusform>Not saved: %n errors left; fix them and save again. The first: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="35"/>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="36"/>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="37"/>
        <source>选择</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="38"/>
        <source>省份</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="433"/>
        <source>无法预览：</source>
        <translation>Cannot preview: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="423"/>
        <source>—— 变体 %1 ——</source>
        <translation>—— variant %1 ——</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="183"/>
        <source>添加为填写字段</source>
        <translation>Add as fill-in field</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="439"/>
        <source>填好标题和回复内容，再保存</source>
        <translation>Fill in the title and the reply, then save</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="454"/>
        <source>检查通过</source>
        <translation>No problems</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="99"/>
        <source>选项来自 %1</source>
        <translation>Choices come from %1</translation>
    </message>
</context>
<context>
    <name>TeamBoard</name>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="96"/>
        <source>团队看板 - 快捷回复助手</source>
        <translation>Team board - QuickReply</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="130"/>
        <source>重新读取</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="133"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="135"/>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="138"/>
        <location filename="../../quickreply/ui/teamboard.py" line="186"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="140"/>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="156"/>
        <source>这段时间没有数据</source>
        <translation>No data for these days</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="164"/>
        <source>平均响应</source>
        <translation>Average response</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="165"/>
        <source>首次响应平均</source>
        <translation>Average first response</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="166"/>
        <location filename="../../quickreply/ui/teamboard.py" line="210"/>
        <source>3分钟人工响应率</source>
        <translation>3-minute response rate</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="167"/>
        <location filename="../../quickreply/ui/teamboard.py" line="211"/>
        <source>30秒应答率</source>
        <translation>30-second answer rate</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="186"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="193"/>
        <source>使用次数</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="194"/>
        <source>使用人数</source>
        <translation>Agents using it</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="195"/>
        <source>最后使用</source>
        <translation>Last used</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="205"/>
        <location filename="../../quickreply/ui/teamboard.py" line="218"/>
        <location filename="../../quickreply/ui/teamboard.py" line="228"/>
        <source>工号</source>
        <translation>Agent ID</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="206"/>
        <location filename="../../quickreply/ui/teamboard.py" line="234"/>
        <source>日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="207"/>
        <source>回复数</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="208"/>
        <source>首响平均(秒)</source>
        <translation>First response avg (s)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="209"/>
        <source>平均响应(秒)</source>
        <translation>Average response (s)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="219"/>
        <source>最后一天</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="220"/>
        <source>软件版本</source>
        <translation>App version</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="221"/>
        <source>团队话术版本</source>
        <translation>Team pack version</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="241"/>
        <source>话术使用</source>
        <translation>Reply usage</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="242"/>
        <source>30天无人使用</source>
        <translation>Unused for 30 days</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="243"/>
        <source>客服每日响应</source>
        <translation>Response by agent and day</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="244"/>
        <source>版本</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="186"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="201"/>
        <source>话术 id：%1</source>
        <translation>Reply id: %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="229"/>
        <source>考试</source>
        <translation>Exam</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="230"/>
        <source>考试版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="231"/>
        <source>得分(%)</source>
        <translation>Score (%)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="232"/>
        <source>及格线(%)</source>
        <translation>Pass mark (%)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="233"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="245"/>
        <source>考试成绩</source>
        <translation>Exam results</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="273"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="273"/>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="286"/>
        <source>看板出错，未能读取团队日报。</source>
        <translation>The board failed to read the team&apos;s daily files.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="301"/>
        <source>%1 位客服，%2 份日报（%3 至 %4）</source>
        <translation>%1 agents, %2 daily files (%3 to %4)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="308"/>
        <source>读取于 %1</source>
        <translation>read at %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="312"/>
        <source>%1 个文件无法读取，已跳过；其余照常统计。</source>
        <translation>%1 files could not be read and were skipped; the rest are counted.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="323"/>
        <source>还没有团队日报的投递位置：请在 设置 → 团队日报 中填写。</source>
        <translation>No drop location for the daily team report yet: enter one in Settings → Daily team report.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="325"/>
        <source>无法读取团队日报的投递位置（服务器是否可用、地址是否正确？）。</source>
        <translation>Cannot read the team&apos;s drop location (is the server up and the address right?).</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="326"/>
        <source>无法读取团队日报的投递位置（共享盘是否已连接？）。</source>
        <translation>Cannot read the team&apos;s drop location (is the shared drive connected?).</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="331"/>
        <source>……另有 %1 个</source>
        <translation>…and %1 more</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="342"/>
        <source>全部分组</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="343"/>
        <source>全部客服</source>
        <translation>All agents</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="359"/>
        <location filename="../../quickreply/ui/teamboard.py" line="414"/>
        <source>（不在话术库中）</source>
        <translation>(not in the library)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="391"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="391"/>
        <source>未通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="410"/>
        <source>未加入团队</source>
        <translation>No team</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="415"/>
        <source>（未分组）</source>
        <translation>(no group)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="419"/>
        <source>各分组使用次数</source>
        <translation>Uses by group</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="423"/>
        <source>团队话术版本（每天的客服数）</source>
        <translation>Team pack version (agents per day)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="435"/>
        <source>（%）</source>
        <translation> (%)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="435"/>
        <source>（秒）</source>
        <translation> (s)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="438"/>
        <source>（按周）</source>
        <translation> (by week)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="442"/>
        <source>全队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="456"/>
        <source>另有 %1 位客服未画出（在“客服”中选择查看）</source>
        <translation>%1 more agents not drawn (choose one under Agent)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="468"/>
        <source>话术库中已没有 %1（它可能已被删除或改名）。</source>
        <translation>The library no longer has %1 (it may have been deleted or renamed).</translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message>
        <location filename="../../quickreply/ui/teamsync.py" line="89"/>
        <source>团队话术已更新到 v%1：新增 %2 条，修改 %3 条</source>
        <translation>Team replies updated to v%1: %2 added, %3 changed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamsync.py" line="95"/>
        <source>，删除 %1 条</source>
        <translation>, %1 removed</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamsync.py" line="102"/>
        <source>团队话术同步失败，继续使用当前版本</source>
        <translation>Team sync failed; keeping the current version</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamsync.py" line="108"/>
        <source>[新]</source>
        <translation>[new]</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamsync.py" line="110"/>
        <source>[改]</source>
        <translation>[changed]</translation>
    </message>
</context>
<context>
    <name>TimerSettingsBox</name>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="36"/>
        <source>等待计时</source>
        <translation>Wait timers</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="43"/>
        <source>队列</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="44"/>
        <source>偏慢（秒）</source>
        <translation>Slow after (s)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="45"/>
        <source>超时（秒）</source>
        <translation>Overdue after (s)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="50"/>
        <source>等待超过这个时间，这一行变为琥珀色（偏慢）</source>
        <translation>After this wait the row turns amber (slow)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="51"/>
        <source>等待超过这个时间，这一行变红（超时）并提醒</source>
        <translation>After this wait the row turns red (overdue) and you are alerted</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="61"/>
        <source>聊天窗口提醒新消息（闪烁）时自动开始计时</source>
        <translation>Start the clock when a chat window flashes for a new message</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="64"/>
        <source>买家等待超时时响一声</source>
        <translation>Beep when a buyer has waited too long</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="80"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
</context>
<context>
    <name>TimersPanel</name>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="109"/>
        <source>等待计时</source>
        <translation>Wait timers</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="120"/>
        <source>窗口总在最前</source>
        <translation>Keep the window above others</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="125"/>
        <source>买家等待超时时响一声</source>
        <translation>Beep when a buyer has waited too long</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="170"/>
        <source>买家昵称，回车开始计时</source>
        <translation>Buyer name, Enter starts the timer</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="183"/>
        <source>买家在等待：开始计时</source>
        <translation>A buyer is waiting: start the timer</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="194"/>
        <source>首响：首次响应平均等待；平均：所有回复平均等待；3分钟/30秒：在该时间内回复的比例；慢：超过3分钟的回复数</source>
        <translation>First: average wait for the first reply; Avg: average wait over all replies; 3 min/30 s: share of replies within that time; Slow: replies after more than 3 minutes</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="342"/>
        <source>暂无等待的买家。
买家来消息时按 {waiting} 开始计时，回复后按 {replied}（用快捷回复粘贴也会停止计时）。聊天窗口闪烁提醒新消息时会自动开始计时。</source>
        <translation>Nobody is waiting.
When a buyer writes, press {waiting} to start the clock; after replying press {replied} (a paste from QuickReply stops it too). A chat window flashing for a new message starts the clock by itself.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="384"/>
        <source>今日 首响 {first}</source>
        <translation>Today first {first}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="385"/>
        <source>平均 {avg}</source>
        <translation>avg {avg}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="386"/>
        <source>3分钟 {r3}</source>
        <translation>3 min {r3}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="387"/>
        <source>30秒 {r30}</source>
        <translation>30 s {r30}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="388"/>
        <source>慢 {slow}</source>
        <translation>slow {slow}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="493"/>
        <source>开</source>
        <translation>on</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="493"/>
        <source>关</source>
        <translation>off</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="495"/>
        <source>提示音：{state}</source>
        <translation>Sound: {state}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="498"/>
        <source>置顶：{state}</source>
        <translation>On top: {state}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="559"/>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="563"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="375"/>
        <source>今日暂无回复记录</source>
        <translation>No replies recorded today</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="411"/>
        <source>买家等待过久</source>
        <translation>A buyer has waited too long</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="412"/>
        <source>{label}（{queue}）已等待 {wait}</source>
        <translation>{label} ({queue}) has waited {wait}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="463"/>
        <source>等待中：{n} 人</source>
        <translation>Waiting: {n}</translation>
    </message>
</context>
<context>
    <name>TimersTableModel</name>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="136"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="136"/>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="136"/>
        <source>队列</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="136"/>
        <source>等待</source>
        <translation>Wait</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="145"/>
        <source>◷ 稍后</source>
        <translation>◷ Later</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="147"/>
        <source>◷ 提醒</source>
        <translation>◷ Remind</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="149"/>
        <source>● 正常</source>
        <translation>● OK</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="150"/>
        <source>▲ 偏慢</source>
        <translation>▲ Slow</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="151"/>
        <source>■ 超时</source>
        <translation>■ Overdue</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="176"/>
        <source>{label}：{time} 提醒</source>
        <translation>{label}: reminder at {time}</translation>
    </message>
</context>
<context>
    <name>TraineeView</name>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="135"/>
        <source>搜索：汉字、拼音、首字母或快捷编码</source>
        <extracomment>Cards shown at once: a scenario is read card by card, and laying out thousands of rich-text cards (全部 in a big library) takes seconds.</extracomment>
        <translation>Search: Chinese, pinyin, initials or shortcut code</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="159"/>
        <source>输入你会用的快捷编码或标题，回车确认</source>
        <translation>Type the code or title you would use, Enter to check</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="161"/>
        <source>确认</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="163"/>
        <source>看答案</source>
        <translation>Show answer</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="165"/>
        <source>下一题</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="181"/>
        <source>买家发来：</source>
        <translation>The buyer writes:</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="189"/>
        <source>按场景学习</source>
        <translation>Learn by scenario</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="190"/>
        <source>练习</source>
        <translation>Practice</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="191"/>
        <source>计时练习与考试…</source>
        <translation>Timed drill and exams…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="241"/>
        <source>已复制“%1”</source>
        <translation>Copied “%1”</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="260"/>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="263"/>
        <source>什么时候用：</source>
        <translation>When to use: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="264"/>
        <source>买家常问：</source>
        <translation>Buyers ask: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="265"/>
        <source>参考回复：</source>
        <translation>Reference reply: </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="289"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="300"/>
        <source>这个分组还没有话术。</source>
        <translation>This group has no replies yet.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="304"/>
        <source>只显示前 %1 条（共 %2 条），请在左边选一个具体场景。</source>
        <translation>Showing the first %1 of %2; choose a specific scenario on the left.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="323"/>
        <source>话术里还没有买家问法，暂时无法练习。</source>
        <translation>No buyer questions in the library yet, so there is nothing to practise.</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="345"/>
        <source>✔ 答对了！</source>
        <translation>✔ Right!</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="348"/>
        <source>✘ 不太对，看看参考答案：</source>
        <translation>✘ Not quite; here is the reference answer:</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="360"/>
        <source>参考答案：</source>
        <translation>Reference answer:</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="370"/>
        <source>已练习 %1 题，答对 %2 题</source>
        <translation>%1 practised, %2 right</translation>
    </message>
</context>
<context>
    <name>TrainingWindow</name>
    <message>
        <location filename="../../quickreply/ui/training.py" line="46"/>
        <source>新人训练</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/training.py" line="65"/>
        <source>计时练习</source>
        <translation>Timed drill</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/training.py" line="66"/>
        <source>编码练习</source>
        <translation>Code practice</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/training.py" line="67"/>
        <source>考试</source>
        <translation>Exams</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/training.py" line="68"/>
        <source>我的进度</source>
        <translation>My progress</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="40"/>
        <source>打开快捷回复</source>
        <translation>Open palette</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="41"/>
        <source>话术库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="42"/>
        <source>等待计时</source>
        <translation>Wait timers</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="44"/>
        <source>新人训练</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="45"/>
        <source>团队看板</source>
        <translation>Team board</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="47"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="48"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="51"/>
        <source>暂停热键</source>
        <translation>Pause hotkeys</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="56"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="75"/>
        <source>快捷回复助手（热键已暂停）</source>
        <translation>QuickReply (hotkeys paused)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="77"/>
        <source>快捷回复助手</source>
        <translation>QuickReply</translation>
    </message>
    <message numerus="yes">
        <location filename="../../quickreply/ui/tray.py" line="79"/>
        <source>%n 位买家在等待</source>
        <translation>
            <numerusform>%n buyer waiting</numerusform>
            <numerusform>%n buyers waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <location filename="../../quickreply/ui/models.py" line="50"/>
        <source>内置</source>
        <extracomment>Item data role holding the group path (&quot;物流/快递&quot;; &quot;&quot; for the 全部 root). Item data role holding the Snippet object of a list row. Snippets without a group are listed under this pseudo group (never written to a pack).</extracomment>
        <translation>built-in</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="51"/>
        <source>团队</source>
        <translation>team</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="52"/>
        <source>个人</source>
        <translation>personal</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="53"/>
        <source>命令行</source>
        <translation>command line</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="125"/>
        <location filename="../../quickreply/ui/models.py" line="129"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="131"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="149"/>
        <source>未分组</source>
        <translation>Ungrouped</translation>
    </message>
</context>
</TS>
