<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../quickreply/app/resident.py" line="224"/>
        <location filename="../../quickreply/app/resident.py" line="510"/>
        <location filename="../../quickreply/app/views.py" line="82"/>
        <source>快捷回复助手</source>
        <translation>快捷回覆助手</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="186"/>
        <source>另有 %1 个快捷键问题（见托盘消息）</source>
        <translation>另有 %1 個快捷鍵問題（見托盤訊息）</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="196"/>
        <source>全局快捷键和自动粘贴不可用</source>
        <translation>全域快速鍵和自動貼上不可用</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="201"/>
        <source>有快捷键无法使用</source>
        <translation>有快捷鍵無法使用</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="261"/>
        <source>团队日报已开启</source>
        <translation>團隊日報已開啟</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="285"/>
        <source>快捷回复助手已在托盘运行</source>
        <translation>快捷回覆助手已在托盤執行</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="286"/>
        <source>按 %1 呼出快捷回复；右键托盘图标打开话术库、等待计时和设置。</source>
        <translation>按 %1 呼叫快捷回覆；右鍵托盤圖示開啟話術庫、等待計時和設定。</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="355"/>
        <source>无法加入团队</source>
        <translation>無法加入團隊</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="384"/>
        <source>团队话术已是最新</source>
        <translation>團隊話術已是最新</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="405"/>
        <source>无法发布</source>
        <translation>無法發布</translation>
    </message>
    <message>
        <location filename="../../quickreply/app/resident.py" line="492"/>
        <source>话术包有问题</source>
        <translation>話術包有問題</translation>
    </message>
</context>
<context>
    <name>CharCounter</name>
    <message>
        <location filename="../../quickreply/ui/palette_counter.py" line="51"/>
        <source>%1 / %2 字</source>
        <translation>%1 / %2 字</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_counter.py" line="53"/>
        <source> · 超出 %1 字，会被平台截断</source>
        <translation> · 超出 %1 字，會被平台截斷</translation>
    </message>
</context>
<context>
    <name>CodePracticePanel</name>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="55"/>
        <source>看回复内容（更难）</source>
        <translation>看回復內容（更難）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="62"/>
        <source>输入这条话术的快捷编码</source>
        <translation>輸入這條話術的快捷編碼</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="65"/>
        <source>跳过</source>
        <translation>跳過</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="102"/>
        <source>话术里还没有快捷编码，暂时无法练习。</source>
        <translation>話術裡還沒有快捷編碼，暫時無法練習。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="162"/>
        <source>✔ 对，%1 秒</source>
        <translation>✔ 對，%1 秒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="166"/>
        <source>✘ 编码是 %1（%2）。按 Enter 下一条</source>
        <translation>✘ 編碼是 %1（%2）。按 Enter 下一條</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/codepractice.py" line="174"/>
        <source>连对 %1 · 最高连对 %2 · 答对 %3 / %4 · 中位用时 %5 秒</source>
        <translation>連對 %1 · 最高連對 %2 · 答對 %3 / %4 · 中位用時 %5 秒</translation>
    </message>
</context>
<context>
    <name>DrillBoard</name>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="212"/>
        <source>练习：Enter 发送到上面的聊天 · Esc 跳过 · 答完后 Enter 下一题</source>
        <translation>練習：Enter 傳送到上面的聊天 · Esc 跳過 · 答完後 Enter 下一題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="283"/>
        <source>第 %1 / %2 题</source>
        <translation>第 %1 / %2 題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="310"/>
        <source>剩 %1 秒</source>
        <translation>剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="348"/>
        <source>%1 秒</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="349"/>
        <source>%1 次按键</source>
        <translation>%1 次按鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="354"/>
        <source>（编码 %1 只要 %2 次）</source>
        <translation>（編碼 %1 只要 %2 次）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="360"/>
        <source>✔ 答对了</source>
        <translation>✔ 答對了</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="362"/>
        <source>✘ 时间到</source>
        <translation>✘ 時間到</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="364"/>
        <source>✘ 不对</source>
        <translation>✘ 不對</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="368"/>
        <source>按 Enter 下一题</source>
        <translation>按 Enter 下一題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="373"/>
        <source>（未填写）</source>
        <translation>（未填寫）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="374"/>
        <source>应该用：</source>
        <translation>應該用：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drillboard.py" line="375"/>
        <source>什么时候用：</source>
        <translation>什麼時候用：</translation>
    </message>
</context>
<context>
    <name>DrillPanel</name>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="44"/>
        <source>混合练习</source>
        <translation>混合練習</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="45"/>
        <source>按场景</source>
        <translation>按場景</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="46"/>
        <source>先练最弱的</source>
        <translation>先練最弱的</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="49"/>
        <source>开始一轮</source>
        <translation>開始一輪</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="54"/>
        <source>练习方式：</source>
        <translation>練習方式：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="84"/>
        <source>话术里还没有买家问法，暂时无法练习。</source>
        <translation>話術裡還沒有買家問法，暫時無法練習。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="116"/>
        <source>本轮答对 %1 / %2 题，中位用时 %3 秒</source>
        <translation>本輪答對 %1 / %2 題，中位用時 %3 秒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/drill.py" line="125"/>
        <source>点“开始一轮”再来一轮；“我的进度”里看各场景是否可以上岗。</source>
        <translation>點“開始一輪”再來一輪；“我的進度”裡看各場景是否可以上崗。</translation>
    </message>
</context>
<context>
    <name>ExamPanel</name>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="73"/>
        <source>开始考试</source>
        <translation>開始考試</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="76"/>
        <source>考试：</source>
        <translation>考試：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="127"/>
        <source>还没有考试：组长发布的 *.exam.yaml 随团队话术一起到这里。</source>
        <translation>還沒有考試：組長發布的 *.exam.yaml 隨團隊話術一起到這裡。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="142"/>
        <source>共 %1 题，每题限时 %2 秒，答对 %3% 及格；只能考一次，中途离开未答的题算错。</source>
        <translation>共 %1 題，每題限時 %2 秒，答對 %3% 及格；只能考一次，中途離開未答的題算錯。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="149"/>
        <source>和练习一样：在右边的快捷回复里找到合适的话术，Enter 发送。</source>
        <translation>和練習一樣：在右邊的快捷回覆裡找到合適的話術，Enter 傳送。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="193"/>
        <source>✔ 通过</source>
        <translation>✔ 通過</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="195"/>
        <source>✘ 未通过</source>
        <translation>✘ 未通過</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="197"/>
        <source>答对 %1 / %2 题（%3%，及格线 %4%），共用时 %5 秒</source>
        <translation>答對 %1 / %2 題（%3%，及格線 %4%），共用時 %5 秒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="210"/>
        <source>（未作答）</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="221"/>
        <source>买家问</source>
        <translation>買家問</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="222"/>
        <source>结果</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="223"/>
        <source>你发的</source>
        <translation>你發的</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="224"/>
        <source>参考</source>
        <translation>參考</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="225"/>
        <source>用时（秒）</source>
        <translation>用時（秒）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="229"/>
        <source>成绩保存在本机；投递位置暂时连不上，下次共享时自动交给组长。</source>
        <translation>成績儲存在本機；投遞位置暫時連不上，下次共享時自動交給組長。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="231"/>
        <source>成绩保存在本机，并交给组长（设置 → 团队日报 的投递位置）。</source>
        <translation>成績儲存在本機，並交給組長（設定 → 團隊日報 的投遞位置）。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/exam.py" line="234"/>
        <source>成绩只保存在本机（在 设置 → 团队日报 打开共享后，考试成绩会交给组长）。</source>
        <translation>成績只儲存在本機（在 設定 → 團隊日報 開啟共享後，考試成績會交給組長）。</translation>
    </message>
</context>
<context>
    <name>HotkeyEdit</name>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="76"/>
        <source>清除</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="97"/>
        <source>点这里，再按下新的组合键</source>
        <translation>點這裡，再按下新的組合鍵</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="59"/>
        <source>自动识别</source>
        <translation>自動識別</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="60"/>
        <source>千牛/旺旺 CSV</source>
        <translation>千牛/旺旺 CSV</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="61"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="62"/>
        <source>其他表格（按表头）</source>
        <translation>其他表格（按表頭）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="72"/>
        <source>新增</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="73"/>
        <source>更新</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="74"/>
        <source>不变</source>
        <translation>不變</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="75"/>
        <source>跳过</source>
        <translation>略過</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="76"/>
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="105"/>
        <source>导入话术 - 快捷回复助手</source>
        <translation>匯入話術 - 快捷回覆助手</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="121"/>
        <source>例如：千牛</source>
        <translation>例如：千牛</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="122"/>
        <source>合并式：新增并更新同编码的话术，保留其他</source>
        <translation>合併式：新增並更新同編碼的話術，保留其他</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="123"/>
        <source>替换式：个人包只保留文件中的话术</source>
        <translation>替換式：個人包只保留檔案中的話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="134"/>
        <source>文件</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="135"/>
        <source>格式</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="136"/>
        <source>导入到个人包</source>
        <translation>匯入到個人包</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="137"/>
        <source>分组前缀</source>
        <translation>分組前綴</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="138"/>
        <source>方式</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="144"/>
        <source>变化</source>
        <translation>變化</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="144"/>
        <source>行</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="144"/>
        <source>编码</source>
        <translation>編碼</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="144"/>
        <source>标题</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="144"/>
        <source>分组</source>
        <translation>分組</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="145"/>
        <source>内容 / 原因</source>
        <translation>內容 / 原因</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="160"/>
        <location filename="../../quickreply/ui/importer.py" line="282"/>
        <source>导入</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="162"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="212"/>
        <source>无法导入：</source>
        <translation>無法匯入：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="217"/>
        <source>%1 条新增，%2 条更新，%3 条跳过，%4 条不变 → %5</source>
        <translation>%1 條新增，%2 條更新，%3 條略過，%4 條不變 → %5</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="222"/>
        <source>（删除 %1 条）</source>
        <translation>（刪除 %1 條）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="249"/>
        <source>未导入：无法写入 %1（%2）</source>
        <translation>未匯入：無法寫入 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="262"/>
        <source>选择要导入的话术文件</source>
        <translation>選擇要匯入的話術檔案</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="264"/>
        <source>话术文件 (*.csv *.xlsx *.yml *.yaml *.json *.txt);;所有文件 (*)</source>
        <translation>話術檔案 (*.csv *.xlsx *.yml *.yaml *.json *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="283"/>
        <source>没有可写入的个人包文件夹。</source>
        <translation>沒有可寫入的個人包資料夾。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="306"/>
        <location filename="../../quickreply/ui/importer.py" line="322"/>
        <location filename="../../quickreply/ui/importer.py" line="331"/>
        <source>导出话术</source>
        <translation>匯出話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="308"/>
        <source>千牛/旺旺 CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>千牛/旺旺 CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="320"/>
        <source>无法写入 %1（%2）</source>
        <translation>無法寫入 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/importer.py" line="325"/>
        <source>已导出 %1 条到 %2。</source>
        <translation>已匯出 %1 條到 %2。</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <location filename="../../quickreply/ui/library.py" line="115"/>
        <source>话术库 - 快捷回复助手</source>
        <extracomment>Asks yes/no before destructive actions; tests replace it.</extracomment>
        <translation>話術庫 - 快捷回覆助手</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="155"/>
        <location filename="../../quickreply/ui/library.py" line="426"/>
        <source>话术库</source>
        <translation>話術庫</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="156"/>
        <source>新人学习</source>
        <translation>新人學習</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/problem_banner.py" line="37"/>
        <location filename="../../quickreply/ui/problem_banner.py" line="72"/>
        <location filename="../../quickreply/ui/problem_banner.py" line="79"/>
        <source>收起</source>
        <translation>收起</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="56"/>
        <source>筛选：标题、编码、内容、标签（Ctrl+F）</source>
        <extracomment>The filter&apos;s buttons, in order; None is 全部. --pack extras get a button only when present.</extracomment>
        <translation>篩選：標題、編碼、內容、標籤（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="70"/>
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="92"/>
        <source>新建</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="94"/>
        <source>发布…</source>
        <translation>發布…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="68"/>
        <source>复制回复到剪贴板（列表中按回车也可）</source>
        <translation>複製回覆到剪貼簿（列表中按回車也可）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="70"/>
        <source>编辑</source>
        <translation>編輯</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="66"/>
        <source>复制文字</source>
        <translation>複製文字</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="52"/>
        <source>模板</source>
        <extracomment>``render(snippet, variant)``: the variant as a buyer would get it now, or None.</extracomment>
        <translation>範本</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="55"/>
        <source>显示原文：变量 {{ }} 未替换</source>
        <translation>顯示原文：變數 {{ }} 未替換</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="72"/>
        <source>存一份到个人包改</source>
        <translation>存一份到個人包改</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="74"/>
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/problem_banner.py" line="64"/>
        <source>：有问题的话术已跳过，其余照常可用。</source>
        <translation>：有問題的話術已跳過，其餘照常可用。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/problem_banner.py" line="78"/>
        <source>展开</source>
        <translation>展開</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="314"/>
        <location filename="../../quickreply/ui/library_list.py" line="114"/>
        <source>%1 条</source>
        <translation>%1 條</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="324"/>
        <source>本分组没有符合条件的话术；其他分组中有 %1 条（点“全部”查看）</source>
        <translation>本分組沒有符合條件的話術；其他分組中有 %1 條（點“全部”檢視）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="108"/>
        <source>没有符合条件的话术</source>
        <translation>沒有符合條件的話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="169"/>
        <source>编码：</source>
        <translation>編碼：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="170"/>
        <source>无</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="173"/>
        <source>分组：</source>
        <translation>分組：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="174"/>
        <source>未分组</source>
        <translation>未分組</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="177"/>
        <source>标签：</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="179"/>
        <source>热键：</source>
        <translation>熱鍵：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="196"/>
        <source> · 只读</source>
        <translation> · 只讀</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="198"/>
        <source> · 发布源：点“发布…”后同事才会收到</source>
        <translation> · 發布來源：點「發布…」後同事才會收到</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="230"/>
        <source>粘贴：</source>
        <translation>貼上：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="232"/>
        <source>等待 %1 毫秒</source>
        <translation>等待 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="235"/>
        <source>回车发送</source>
        <translation>回車傳送</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="237"/>
        <source>宏步骤</source>
        <translation>宏步驟</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="240"/>
        <source>回复</source>
        <translation>回覆</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="242"/>
        <source>回复（变体 %1）</source>
        <translation>回覆（變體 %1）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="252"/>
        <source>需要填写</source>
        <translation>需要填寫</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="254"/>
        <source>何时使用</source>
        <translation>何時使用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="224"/>
        <source>（未填写）</source>
        <translation>（未填寫）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="193"/>
        <source>来源：%1 · %2</source>
        <translation>來源：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_detail.py" line="255"/>
        <source>买家常问</source>
        <translation>買家常問</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="351"/>
        <source>无法预览：</source>
        <translation>無法預覽：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="367"/>
        <source>无法复制：</source>
        <translation>無法複製：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="370"/>
        <source>已复制到剪贴板</source>
        <translation>已複製到剪貼簿</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="102"/>
        <source>我的话术</source>
        <extracomment>The personal pack created when an agent saves a first snippet of their own.</extracomment>
        <translation>我的話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="117"/>
        <source>这条话术属于只读的话术包，不能修改；可以先“存一份到个人包改”。</source>
        <translation>這條話術屬於唯讀的話術包，不能修改；可以先「存一份到個人包改」。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="125"/>
        <source>编辑：</source>
        <translation>編輯：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="138"/>
        <source>没有可写的个人话术包。</source>
        <translation>沒有可寫的個人話術包。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="155"/>
        <source>新建：</source>
        <translation>新建：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="170"/>
        <source>存一份到个人包改：</source>
        <translation>存一份到個人包改：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="191"/>
        <source>放弃未保存的修改？</source>
        <translation>放棄未儲存的修改？</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="249"/>
        <source>已保存“%1”</source>
        <translation>已儲存「%1」</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="266"/>
        <source>未保存：无法写入 %1（%2）；请检查文件夹权限或磁盘空间。</source>
        <translation>未儲存：無法寫入 %1（%2）；請檢查資料夾許可權或磁碟空間。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="292"/>
        <source>只读话术包里的话术不能删除。</source>
        <translation>只讀話術包裡的話術不能刪除。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="297"/>
        <source>删除“%1”？</source>
        <translation>刪除“%1”？</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_edit.py" line="307"/>
        <source>已删除（上一版保存在 %1.bak）</source>
        <translation>已刪除（上一版儲存在 %1.bak）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library.py" line="457"/>
        <source>有未保存的修改，仍然关闭？</source>
        <translation>有未儲存的修改，仍然關閉？</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="90"/>
        <source>导入…</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/library_list.py" line="91"/>
        <source>导出…</source>
        <translation>匯出…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="182"/>
        <location filename="../../quickreply/ui/messages.py" line="187"/>
        <source>请检查自启动文件夹或注册表项是否可写</source>
        <translation>請檢查自動啟動資料夾或登錄項是否可寫入</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="186"/>
        <source>无法取消开机自动启动（%1）</source>
        <translation>無法取消開機自動啟動（%1）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="181"/>
        <source>无法设置开机自动启动（%1）</source>
        <translation>無法設定開機自動啟動（%1）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="62"/>
        <source>这是 Wayland 会话，全局快捷键和向其他程序自动粘贴都不可用</source>
        <translation>這是 Wayland 會話，全域快捷鍵和向其他程式自動貼上都不可用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="65"/>
        <source>请改用 X11（Xorg）会话登录；或在快捷回复里按 Enter 复制，再自己按 Ctrl+V 粘贴</source>
        <translation>請改用 X11（Xorg）會話登入；或在快捷回覆裡按 Enter 複製，再自己按 Ctrl+V 貼上</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="71"/>
        <source>没有 X11 显示（DISPLAY 未设置），全局快捷键和自动粘贴已关闭</source>
        <translation>沒有 X11 顯示（DISPLAY 未設定），全域快捷鍵和自動貼上已關閉</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="74"/>
        <source>请在桌面会话里启动快捷回复助手</source>
        <translation>請在桌面會話裡啟動快捷回覆助手</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="77"/>
        <source>自动粘贴和全局快捷键已在设置里关闭</source>
        <translation>自動貼上和全域快捷鍵已在設定裡關閉</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="82"/>
        <source>请在设置里选择其中之一：%2</source>
        <translation>請在設定裡選擇其中之一：%2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="86"/>
        <source>X11 粘贴后端无法启动（%1）</source>
        <translation>X11 粘貼後端無法啟動（%1）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="87"/>
        <source>请安装 python-xlib，并在 X11 会话里运行</source>
        <translation>請安裝 python-xlib，並在 X11 會話裡執行</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="91"/>
        <source>Windows 粘贴后端无法启动（%1）</source>
        <translation>Windows 粘貼後端無法啟動（%1）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="92"/>
        <source>请在设置里换一个粘贴后端，或把这一行报告给维护者</source>
        <translation>請在設定裡換一個貼上後端，或把這一行回報給維護者</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="101"/>
        <source>快捷键 %1（%2）是输入法自己的切换键（中/英、全/半角或标点）</source>
        <translation>快捷鍵 %1（%2）是輸入法自己的切換鍵（中/英、全/半形或標點）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="104"/>
        <source>请在设置里换一个组合</source>
        <translation>請在設定裡換一個組合</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="96"/>
        <source>快捷键 %1（%2）已被其他程序占用</source>
        <translation>快捷鍵 %1（%2）已被其他程式佔用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="97"/>
        <source>请在设置里换一个组合，或关闭占用它的程序</source>
        <translation>請在設定裡換一個組合，或關閉佔用它的程式</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="109"/>
        <source>请给其中一个换一个组合</source>
        <translation>請給其中一個換一個組合</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="113"/>
        <source>快捷键 %1（%2）：这个键盘上没有 %3 键</source>
        <translation>快捷鍵 %1（%2）：這個鍵盤上沒有 %3 鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="114"/>
        <location filename="../../quickreply/ui/messages.py" line="119"/>
        <source>请在设置里换一个键</source>
        <translation>請在設定裡換一個鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="118"/>
        <source>快捷键 %1（%2）：%3 键不能用作全局快捷键</source>
        <translation>快捷鍵 %1（%2）：%3 鍵不能用作全域快捷鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="123"/>
        <source>快捷键 %1（%2）无法设置（%3）</source>
        <translation>快捷鍵 %1（%2）無法設定（%3）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="124"/>
        <source>请在设置里换一个组合，或重启快捷回复助手</source>
        <translation>請在設定裡換一個組合，或重啟快捷回覆助手</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="78"/>
        <source>需要时在设置里把粘贴方式改回「自动」</source>
        <translation>需要時在設定裡把貼上方式改回「自動」</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="81"/>
        <source>未知的粘贴方式「%1」</source>
        <translation>未知的貼上方式「%1」</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="108"/>
        <source>快捷键 %1（%2）已被本程序的「%3」使用</source>
        <translation>快捷鍵 %1（%2）已被本程式的「%3」使用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="128"/>
        <source>「%1」的快捷键无法识别（%2）</source>
        <translation>「%1」的快捷鍵無法識別（%2）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="129"/>
        <source>请在设置里重新设置这个快捷键</source>
        <translation>請在設定裡重新設定這個快捷鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="133"/>
        <source>还有按键（%1 或修饰键）没有松开，所以什么都没有粘贴</source>
        <translation>還有按鍵（%1 或修飾鍵）沒有鬆開，所以什麼都沒有貼上</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="134"/>
        <location filename="../../quickreply/ui/messages.py" line="143"/>
        <source>请松开所有按键，再按一次快捷键</source>
        <translation>請鬆開所有按鍵，再按一次快捷鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="138"/>
        <source>还有修饰键没有松开，所以什么都没有粘贴</source>
        <translation>還有修飾鍵沒有鬆開，所以什麼都沒有貼上</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="139"/>
        <source>请松开所有按键，再粘贴一次</source>
        <translation>請鬆開所有按鍵，再貼上一次</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="142"/>
        <source>还有按键没有松开，所以剩下的内容没有粘贴</source>
        <translation>還有按鍵沒有鬆開，所以剩下的內容沒有貼上</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="146"/>
        <source>粘贴前聊天窗口已关闭，所以什么都没有输入</source>
        <translation>貼上前聊天視窗已關閉，所以什麼都沒有輸入</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="147"/>
        <location filename="../../quickreply/ui/messages.py" line="151"/>
        <source>请点一下聊天输入框，再粘贴一次</source>
        <translation>請點一下聊天輸入框，再貼上一次</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="150"/>
        <source>聊天窗口没有重新获得焦点，所以什么都没有输入</source>
        <translation>聊天視窗沒有重新獲得焦點，所以什麼都沒有輸入</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="154"/>
        <source>宏执行中聊天窗口被关闭，剩下的步骤没有发送</source>
        <translation>宏執行中聊天視窗被關閉，剩下的步驟沒有傳送</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="158"/>
        <source>宏执行中焦点切换到了其他窗口，剩下的步骤没有发送</source>
        <translation>宏執行中焦點切換到了其他視窗，剩下的步驟沒有傳送</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="176"/>
        <source>话术「%1」无法生成，什么都没有输入（%2）</source>
        <translation>話術「%1」無法生成，什麼都沒有輸入（%2）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="155"/>
        <location filename="../../quickreply/ui/messages.py" line="159"/>
        <source>请点一下聊天输入框，手动发送剩下的内容</source>
        <translation>請點一下聊天輸入框，手動傳送剩下的內容</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="162"/>
        <source>无法恢复剪贴板原来的内容（%1）</source>
        <translation>無法恢復剪貼簿原來的內容（%1）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="163"/>
        <source>如有需要，请重新复制一次</source>
        <translation>如有需要，請重新複製一次</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="167"/>
        <source>粘贴失败（%1）</source>
        <translation>貼上失敗（%1）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="168"/>
        <source>请再试一次；如果一直失败，请重启快捷回复助手</source>
        <translation>請再試一次；如果一直失敗，請重啟快捷回覆助手</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="172"/>
        <source>话术里的图片不是 PNG 或 JPEG 文件，后面的内容没有粘贴</source>
        <translation>話術裡的圖片不是 PNG 或 JPEG 檔案，後面的內容沒有貼上</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="173"/>
        <source>请告诉组长：quickreply lint 会指出是哪张图片</source>
        <translation>請告訴組長：quickreply lint 會指出是哪張圖片</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="177"/>
        <source>请在话术库里修正这条话术</source>
        <translation>請在話術庫裡修正這條話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="192"/>
        <source>请填写「%1」</source>
        <translation>請填寫「%1」</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="193"/>
        <source>填好后再粘贴</source>
        <translation>填好後再貼上</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="197"/>
        <source>「%1」太长了：%2 个字符，最多 %3 个</source>
        <translation>「%1」太長了：%2 個字元，最多 %3 個</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="198"/>
        <location filename="../../quickreply/ui/messages.py" line="316"/>
        <source>删短一些</source>
        <translation>刪短一些</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="202"/>
        <source>「%1」要填数字：%2</source>
        <translation>「%1」要填數字：%2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="203"/>
        <source>例如 99 或 98.5</source>
        <translation>例如 99 或 98.5</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="207"/>
        <source>没有这个省份：%1</source>
        <translation>沒有這個省份：%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="208"/>
        <source>从下拉列表里选，或写省份的拼音（如 xinjiang、xj）</source>
        <translation>從下拉式清單裡選，或寫省份的拼音（如 xinjiang、xj）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="212"/>
        <source>「%1」没有这个选项：%2</source>
        <translation>「%1」沒有這個選項：%2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="213"/>
        <source>请从这些里选：%3</source>
        <translation>請從這些裡選：%3</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="219"/>
        <source>这条话术的图片路径是空的</source>
        <translation>這條話術的圖片路徑是空的</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="220"/>
        <source>请告诉组长补上图片</source>
        <translation>請告訴組長補上圖片</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="223"/>
        <source>图片路径 %1 的写法不对</source>
        <translation>圖片路徑 %1 的寫法不對</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="224"/>
        <source>请告诉组长：路径要从话术包所在的文件夹写起</source>
        <translation>請告訴組長：路徑要從話術包所在的資料夾寫起</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="228"/>
        <source>图片 %1 不在话术包的文件夹里</source>
        <translation>圖片 %1 不在話術包的資料夾裡</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="229"/>
        <source>请把图片复制到话术包的文件夹里，或告诉组长</source>
        <translation>請把圖片複製到話術包的資料夾裡，或告訴組長</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="233"/>
        <source>图片 %1 还没有所在的话术包</source>
        <translation>圖片 %1 還沒有所在的話術包</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="234"/>
        <source>请先保存这条话术</source>
        <translation>請先儲存這條話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="238"/>
        <source>找不到图片 %1</source>
        <translation>找不到圖片 %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="239"/>
        <source>请把图片放回话术包的文件夹，或告诉组长</source>
        <translation>請把圖片放回話術包的資料夾，或告訴組長</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="243"/>
        <source>图片 %1 太大了，最多 %2 MB</source>
        <translation>圖片 %1 太大了，最多 %2 MB</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="244"/>
        <source>请把图片存得小一些（如存成 JPEG），或告诉组长</source>
        <translation>請把圖片存得小一些（如存成 JPEG），或告訴組長</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="248"/>
        <source>无法读取图片 %1</source>
        <translation>無法讀取圖片 %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="249"/>
        <source>请检查这个文件能否打开，或告诉组长</source>
        <translation>請檢查這個檔案能否開啟，或告訴組長</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="253"/>
        <source>图片 %1 不是 PNG 或 JPEG 文件</source>
        <translation>圖片 %1 不是 PNG 或 JPEG 檔案</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="254"/>
        <source>请把它另存为 PNG，或告诉组长</source>
        <translation>請把它另存為 PNG，或告訴組長</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="258"/>
        <source>图片 %1 已损坏</source>
        <translation>圖片 %1 已損壞</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="259"/>
        <source>请重新保存这张图片，或告诉组长</source>
        <translation>請重新儲存這張圖片，或告訴組長</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="263"/>
        <source>图片 %1 有 %2×%3 像素，每边最多 %4</source>
        <translation>圖片 %1 有 %2×%3 像素，每邊最多 %4</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="264"/>
        <source>请把图片缩小，或告诉组长</source>
        <translation>請把圖片縮小，或告訴組長</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="269"/>
        <source>编号不能为空</source>
        <translation>編號不能為空</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="270"/>
        <location filename="../../quickreply/ui/messages.py" line="274"/>
        <source>例如 my.greeting</source>
        <translation>例如 my.greeting</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="273"/>
        <source>编号只能用小写字母、数字和 . _ -</source>
        <translation>編號只能用小寫字母、數字和 . _ -</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="277"/>
        <source>编号 %1 已被使用</source>
        <translation>編號 %1 已被使用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="278"/>
        <source>已在 %2 中；换一个编号</source>
        <translation>已在 %2 中；換一個編號</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="282"/>
        <source>标题不能为空</source>
        <translation>標題不能為空</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="283"/>
        <source>写一个简短的标题</source>
        <translation>寫一個簡短的標題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="286"/>
        <source>回复内容不能为空</source>
        <translation>回覆內容不能為空</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="287"/>
        <source>写下要发给买家的话</source>
        <translation>寫下要發給買家的話</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="290"/>
        <source>字段名 %1 只能用字母、数字和下划线</source>
        <translation>欄位名 %1 只能用字母、數字和下劃線</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="291"/>
        <source>以字母开头，例如 amount</source>
        <translation>以字母開頭，例如 amount</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="295"/>
        <source>字段名 %1 重复</source>
        <translation>欄位名 %1 重複</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="296"/>
        <source>每个字段名只能用一次</source>
        <translation>每個欄位名只能用一次</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="300"/>
        <source>字段 %1 的类型不对</source>
        <translation>欄位 %1 的型別不對</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="301"/>
        <source>在类型列表里选一个</source>
        <translation>在型別列表裡選一個</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="305"/>
        <source>选择类型的字段 %1 需要选项</source>
        <translation>選擇型別的欄位 %1 需要選項</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="306"/>
        <source>在“选项”里用逗号分隔</source>
        <translation>在“選項”裡用逗號分隔</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="310"/>
        <source>不认识的选项来源 %1</source>
        <translation>不認識的選項來源 %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="311"/>
        <source>可用的来源：%2</source>
        <translation>可用的來源：%2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="315"/>
        <source>太长了：%1 个字符，最多 %2 个</source>
        <translation>太長了：%1 個字元，最多 %2 個</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="320"/>
        <source>直达热键 %1 无法识别</source>
        <translation>直達熱鍵 %1 無法識別</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="321"/>
        <source>例如 ctrl+alt+1</source>
        <translation>例如 ctrl+alt+1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="325"/>
        <source>直达热键 %1 会让这个键没法正常打字</source>
        <translation>直達熱鍵 %1 會讓這個鍵沒法正常打字</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="326"/>
        <source>加上 Ctrl 或 Alt，例如 ctrl+alt+1</source>
        <translation>加上 Ctrl 或 Alt，例如 ctrl+alt+1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="330"/>
        <source>快捷编码 %1 有大写字母</source>
        <translation>快捷編碼 %1 有大寫字母</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="331"/>
        <source>改成 %2</source>
        <translation>改成 %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="335"/>
        <source>快捷编码 %1 的写法不对</source>
        <translation>快捷編碼 %1 的寫法不對</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="336"/>
        <source>用 1-12 位小写字母或数字，例如 kd</source>
        <translation>用 1-12 位小寫字母或數字，例如 kd</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="340"/>
        <source>快捷编码 %1 已被「%2」使用</source>
        <translation>快捷編碼 %1 已被「%2」使用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="341"/>
        <source>换一个编码</source>
        <translation>換一個編碼</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="345"/>
        <source>直达热键 %1 已被「%2」使用</source>
        <translation>直達熱鍵 %1 已被「%2」使用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="346"/>
        <source>换一个热键</source>
        <translation>換一個熱鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="350"/>
        <source>「%1」是广告法禁用的绝对化用语（%2）</source>
        <translation>「%1」是廣告法禁用的絕對化用語（%2）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="351"/>
        <source>换成如实的说法</source>
        <translation>換成如實的說法</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="355"/>
        <source>首次自动回复有 %1 行，最多 %2 行</source>
        <translation>首次自動回覆有 %1 行，最多 %2 行</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="356"/>
        <source>买家只扫一眼第一条消息，删短一些</source>
        <translation>買家只會掃一眼第一則訊息，刪短一些</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="360"/>
        <source>还没有写使用说明</source>
        <translation>還沒有寫使用說明</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="361"/>
        <source>写一句什么时候用，新人学习时会看到</source>
        <translation>寫一句什麼時候用，新人學習時會看到</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="364"/>
        <source>还没有买家问法</source>
        <translation>還沒有買家問法</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="365"/>
        <source>写几句买家会怎么问，每行一个</source>
        <translation>寫幾句買家會怎麼問，每行一個</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="368"/>
        <source>回复内容第 %1 行的模板写法有误</source>
        <translation>回覆內容第 %1 行的模板寫法有誤</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="369"/>
        <source>检查 {{ }} 和 {% %} 是否成对、引号是否配对</source>
        <translation>檢查 {{ }} 和 {% %} 是否成對、引號是否配對</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="373"/>
        <location filename="../../quickreply/ui/messages.py" line="378"/>
        <source>回复内容用到了不认识的名字 %1</source>
        <translation>回覆內容用到了不認識的名字 %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="374"/>
        <source>在「填写字段」里添加这个字段</source>
        <translation>在「填寫欄位」裡新增這個欄位</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="379"/>
        <source>是不是想写 %2？</source>
        <translation>是不是想寫 %2？</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="383"/>
        <source>%1 没有 .%2 这一项</source>
        <translation>%1 沒有 .%2 這一項</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="384"/>
        <source>可用的有：%3</source>
        <translation>可用的有：%3</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="388"/>
        <source>字段名 %1 和店铺信息里的同名值冲突</source>
        <translation>欄位名 %1 和店鋪資訊裡的同名值衝突</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="389"/>
        <source>给字段换个名字</source>
        <translation>給欄位換個名字</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="393"/>
        <source>字段 %1 没有在回复内容里用到</source>
        <translation>欄位 %1 沒有在回覆內容裡用到</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="394"/>
        <source>删掉它，或在回复内容里写 {{ %1 }}</source>
        <translation>刪掉它，或在回覆內容裡寫 {{ %1 }}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="405"/>
        <source>呼出快捷回复</source>
        <translation>呼叫快捷回覆</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="407"/>
        <source>买家在等待</source>
        <translation>買家在等待</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="409"/>
        <source>已回复</source>
        <translation>已回覆</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="459"/>
        <source>%1，仍使用原来的 %2</source>
        <translation>%1，仍使用原來的 %2</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/messages.py" line="476"/>
        <source>%1：%2。</source>
        <translation>%1：%2。</translation>
    </message>
</context>
<context>
    <name>PaletteFooter</name>
    <message>
        <location filename="../../quickreply/ui/palette_footer.py" line="38"/>
        <source>正在载入… %1/%2（搜索已载入的部分）</source>
        <translation>正在載入… %1/%2（搜尋已載入的部分）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_footer.py" line="57"/>
        <source>Enter 粘贴 · Ctrl+Enter 粘贴并发送 · Ctrl+C 仅复制 · Esc 关闭</source>
        <translation>Enter 貼上 · Ctrl+Enter 貼上並傳送 · Ctrl+C 僅複製 · Esc 關閉</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_footer.py" line="58"/>
        <source> · Ctrl+D 常用</source>
        <translation> · Ctrl+D 常用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_footer.py" line="59"/>
        <source>粘贴不可用：%1。Enter 或 Ctrl+C 复制到剪贴板，再手动粘贴。</source>
        <translation>貼上不可用：%1。Enter 或 Ctrl+C 複製到剪貼簿，再手動貼上。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_footer.py" line="60"/>
        <source>没有可用的粘贴后端</source>
        <translation>沒有可用的粘貼後端</translation>
    </message>
</context>
<context>
    <name>PaletteWindow</name>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="113"/>
        <source>快捷回复</source>
        <translation>快捷回覆</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="132"/>
        <source>输入汉字、拼音、首字母或快捷编码…</source>
        <translation>輸入漢字、拼音、首字母或快捷編碼…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="246"/>
        <source>没有找到匹配的话术</source>
        <translation>沒有找到匹配的話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="238"/>
        <source>★ 常用</source>
        <translation>★ 常用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="238"/>
        <source>最近</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="257"/>
        <source>无法保存常用：%1</source>
        <translation>無法儲存常用：%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="262"/>
        <source>已加入常用：%1</source>
        <translation>已加入常用：%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="262"/>
        <source>已移出常用：%1</source>
        <translation>已移出常用：%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/imageclip.py" line="46"/>
        <source>图</source>
        <translation>圖</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="45"/>
        <source>宏 · 发送 %1 条</source>
        <translation>巨集 · 傳送 %1 則</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="48"/>
        <source>宏</source>
        <translation>巨集</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="50"/>
        <source>%1 种说法</source>
        <translation>%1 種說法</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="61"/>
        <source>宏：Enter 会依次发出 %1 条消息</source>
        <translation>巨集：Enter 會依序送出 %1 則訊息</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="64"/>
        <source>宏：按步骤粘贴</source>
        <translation>巨集：依步驟貼上</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/imageclip.py" line="53"/>
        <source>先粘贴图片，再粘贴文字</source>
        <translation>先貼上圖片，再貼上文字</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_marks.py" line="67"/>
        <source>说法 %1/%2 · Alt+→ 换一种</source>
        <translation>說法 %1/%2 · Alt+→ 換一種</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette.py" line="357"/>
        <source>无法记录使用次数：%1</source>
        <translation>無法記錄使用次數：%1</translation>
    </message>
</context>
<context>
    <name>ParkMenu</name>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="71"/>
        <source>稍后提醒</source>
        <translation>稍後提醒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="86"/>
        <source>{n} 分钟后</source>
        <translation>{n} 分鐘後</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="88"/>
        <source>{n} 小时后</source>
        <translation>{n} 小時後</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="98"/>
        <source>指定时间…</source>
        <translation>指定時間…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="109"/>
        <source>{month}月{day}日 {time}</source>
        <translation>{month}月{day}日 {time}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="113"/>
        <source>截单前（{time}）</source>
        <translation>截單前（{time}）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="114"/>
        <source>「{name}」结束前（{time}）</source>
        <translation>「{name}」結束前（{time}）</translation>
    </message>
</context>
<context>
    <name>ParkTimeDialog</name>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="37"/>
        <source>稍后提醒</source>
        <translation>稍後提醒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_park.py" line="49"/>
        <source>提醒时间：</source>
        <translation>提醒時間：</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../quickreply/ui/palette_preview.py" line="122"/>
        <source>这条话术暂时无法生成，请告诉组长（话术库和 quickreply lint 会指出原因）</source>
        <translation>這條話術暫時無法生成，請告訴組長（話術庫和 quickreply lint 會指出原因）</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message numerus="yes">
        <location filename="../../quickreply/ui/problem_banner.py" line="61"/>
        <source>加载话术包时发现 %n 个问题</source>
        <translation>
            <numerusform>載入話術包時發現 %n 個問題</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../quickreply/ui/problem_banner.py" line="63"/>
        <source>（%n 个错误）</source>
        <translation>
            <numerusform>（%n 個錯誤）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="54"/>
        <source>（未分组）</source>
        <translation>（未分組）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="69"/>
        <source>%1% 正确 · 中位 %2 秒 · %3 题</source>
        <translation>%1% 正確 · 中位 %2 秒 · %3 題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="74"/>
        <source>✔ 可以上岗</source>
        <translation>✔ 可以上崗</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="74"/>
        <source>继续练</source>
        <translation>繼續練</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="90"/>
        <source>每个场景最近 %1 次练习。正确率 ≥ %2% 且中位用时 ≤ %3 秒（至少练 5 题）就可以上岗。</source>
        <translation>每個場景最近 %1 次練習。正確率 ≥ %2% 且中位用時 ≤ %3 秒（至少練 5 題）就可以上崗。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="98"/>
        <source>还没有练习记录：先在“计时练习”里练一轮。</source>
        <translation>還沒有練習記錄：先在“計時練習”裡練一輪。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="120"/>
        <source>编码练习：最近 %1 次，%2% 打对</source>
        <translation>編碼練習：最近 %1 次，%2% 打對</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/progress.py" line="126"/>
        <source>可以上岗的场景：</source>
        <translation>可以上崗的場景：</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="38"/>
        <source>发布团队话术</source>
        <translation>發布團隊話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="47"/>
        <source>这次改了什么（客服会在托盘消息里看到）</source>
        <translation>這次改了什麼（客服會在托盤訊息裡看到）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="56"/>
        <source>发布</source>
        <translation>發布</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="57"/>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="64"/>
        <source>有 %1 个错误，修正后才能发布。</source>
        <translation>有 %1 個錯誤，修正後才能發布。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="70"/>
        <source>当前版本 v%1</source>
        <translation>目前版本 v%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="72"/>
        <source>新增 %1 条，修改 %2 条，删除 %3 条</source>
        <translation>新增 %1 條，修改 %2 條，刪除 %3 條</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="83"/>
        <source>新增</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="83"/>
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="83"/>
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="84"/>
        <source>和已发布的版本相同。</source>
        <translation>和已發布的版本相同。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="85"/>
        <source>图片已更换</source>
        <translation>圖片已更換</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="96"/>
        <source>原来：%1</source>
        <translation>原來：%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="97"/>
        <source>现在：%1</source>
        <translation>現在：%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/publish.py" line="116"/>
        <source>正在发布…</source>
        <translation>正在發布…</translation>
    </message>
</context>
<context>
    <name>ResultList</name>
    <message>
        <location filename="../../quickreply/ui/palette_list.py" line="42"/>
        <source>编码</source>
        <translation>編碼</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_list.py" line="42"/>
        <source>标题</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_list.py" line="42"/>
        <source>分组</source>
        <translation>分組</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/palette_list.py" line="42"/>
        <source>说明</source>
        <translation>說明</translation>
    </message>
</context>
<context>
    <name>RowActions</name>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="282"/>
        <source>回复</source>
        <translation>回覆</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="282"/>
        <source>已回复：停止计时并记录响应时间</source>
        <translation>已回覆：停止計時並記錄回應時間</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="283"/>
        <source>稍后</source>
        <translation>稍後</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="283"/>
        <source>稍后提醒：暂时移出等待列表</source>
        <translation>稍後提醒：暫時移出等待清單</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="284"/>
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="284"/>
        <source>移除：不记录响应时间</source>
        <translation>移除：不記錄回應時間</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="266"/>
        <source>启动</source>
        <translation>啟動</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="262"/>
        <source>开机自动启动</source>
        <translation>開機自動啟動</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="159"/>
        <source>设置</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="179"/>
        <location filename="../../quickreply/ui/settings.py" line="195"/>
        <source>快捷键</source>
        <translation>快捷鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="183"/>
        <source>呼出快捷回复</source>
        <translation>呼叫快捷回覆</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="186"/>
        <source>买家在等待</source>
        <translation>買家在等待</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="189"/>
        <source>已回复</source>
        <translation>已回覆</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="192"/>
        <source>按编码或标题筛选话术…</source>
        <translation>按編碼或標題篩選話術…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="195"/>
        <source>话术</source>
        <translation>話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="210"/>
        <source>话术快捷键</source>
        <translation>話術快捷鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="212"/>
        <source>所选话术</source>
        <translation>所選話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="215"/>
        <source>粘贴</source>
        <translation>貼上</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="219"/>
        <source>粘贴前等待</source>
        <translation>貼上前等待</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="220"/>
        <source>恢复剪贴板前等待</source>
        <translation>恢復剪貼簿前等待</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="224"/>
        <source>粘贴按键</source>
        <translation>貼上按鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="227"/>
        <source>自动</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="230"/>
        <source>关闭（只复制）</source>
        <translation>關閉（只複製）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="234"/>
        <source>环境变量 QUICKREPLY_BACKEND 优先于此设置</source>
        <translation>環境變數 QUICKREPLY_BACKEND 優先於此設定</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="235"/>
        <source>粘贴方式</source>
        <translation>貼上方式</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="238"/>
        <source>界面</source>
        <translation>介面</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="243"/>
        <location filename="../../quickreply/ui/settings.py" line="253"/>
        <source>跟随系统</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="250"/>
        <source>语言</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="254"/>
        <source>浅色</source>
        <translation>淺色</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="255"/>
        <source>深色</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="259"/>
        <source>主题</source>
        <translation>主題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="267"/>
        <source>语言更改在重新启动后生效。</source>
        <translation>語言更改在重新啟動後生效。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="277"/>
        <source>话术文件夹</source>
        <translation>話術資料夾</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="279"/>
        <source>团队话术</source>
        <translation>團隊話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="280"/>
        <source>个人话术</source>
        <translation>個人話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="285"/>
        <source>加入团队</source>
        <translation>加入團隊</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="288"/>
        <source>共享文件夹，或 https:// 开头的网址</source>
        <translation>共享資料夾，或 https:// 開頭的網址</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="289"/>
        <source>团队地址</source>
        <translation>團隊位址</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="291"/>
        <source>组长给的加入码（qrteam1.…）</source>
        <translation>組長給的加入碼（qrteam1.…）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="292"/>
        <source>加入码</source>
        <translation>加入碼</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="296"/>
        <source> 分钟</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="297"/>
        <source>同步间隔</source>
        <translation>同步間隔</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="308"/>
        <source>保存</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="309"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="341"/>
        <source> 毫秒</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="356"/>
        <source>默认位置</source>
        <translation>預設位置</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="357"/>
        <source>浏览…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="402"/>
        <source>请先在列表中选择一条话术</source>
        <translation>請先在列表中選擇一條話術</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="406"/>
        <source>无法识别的快捷键：%1</source>
        <translation>無法識別的快捷鍵：%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="408"/>
        <source>%1 会影响正常打字：请加上 Ctrl 或 Alt</source>
        <translation>%1 會影響正常打字：請加上 Ctrl 或 Alt</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="412"/>
        <source>%1 已被「%2」使用</source>
        <translation>%1 已被「%2」使用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="525"/>
        <source>团队地址和加入码都要填写（或都留空）。</source>
        <translation>團隊位址和加入碼都要填寫（或都留空）。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings.py" line="530"/>
        <source>加入码不完整或有误：请从组长那里重新复制整段加入码。</source>
        <translation>加入碼不完整或有誤：請從組長那裡重新複製整段加入碼。</translation>
    </message>
</context>
<context>
    <name>ShareBox</name>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="19"/>
        <source>每天一次和退出时，把一个小文件放到组长指定的位置，内容只有：工号、日期、软件版本、团队话术版本、每条话术当天的使用次数、各接待组当天的回复数与响应时长合计（首次响应、平均响应、3分钟内、30秒内）。从不包含买家昵称、聊天窗口标题、聊天内容或剪贴板内容。</source>
        <translation>每天一次和結束時，把一個小檔案放到組長指定的位置，內容只有：工號、日期、軟體版本、團隊話術版本、每條話術當天的使用次數、各接待組當天的回覆數與回應時長合計（首次回應、平均回應、3分鐘內、30秒內）。從不包含買家暱稱、聊天視窗標題、聊天內容或剪貼簿內容。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="39"/>
        <source>团队日报</source>
        <translation>團隊日報</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="44"/>
        <source>每天把使用和响应汇总发给组长</source>
        <translation>每天把使用和回應彙總傳給組長</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="47"/>
        <source>组长已为团队开启团队日报（团队设置，无需勾选）。</source>
        <translation>組長已為團隊開啟團隊日報（團隊設定，無需勾選）。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="55"/>
        <source>共享文件夹，或 WebDAV 地址 https://…</source>
        <translation>共用資料夾，或 WebDAV 位址 https://…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="56"/>
        <source>投递位置</source>
        <translation>投遞位置</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="64"/>
        <source>留空则用店铺资料中的工号 %1</source>
        <translation>留空則用店鋪資料中的工號 %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/sharebox.py" line="66"/>
        <source>工号</source>
        <translation>工號</translation>
    </message>
</context>
<context>
    <name>SnippetEditor</name>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="151"/>
        <source>小写字母、数字和 . _ -，例如 my.greeting</source>
        <extracomment>A line holding only this separates the variants of a snippet&apos;s text in the editor. Debounce between the last keystroke and the preview/lint refresh. The renderer&apos;s problems about a name the text uses that nothing defines. ``suggest(code, title) -&gt; id`` for a new reply (core.editing.suggest_id).</extracomment>
        <translation>小寫字母、數字和 . _ -，例如 my.greeting</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="153"/>
        <source>例如：合作快递</source>
        <translation>例如：合作快遞</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="155"/>
        <source>1-12 位小写字母或数字，例如 kd</source>
        <translation>1-12 位小寫字母或數字，例如 kd</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="157"/>
        <source>用 / 分层，例如 物流/快递</source>
        <translation>用 / 分層，例如 物流/快遞</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="159"/>
        <source>用逗号或空格分隔</source>
        <translation>用逗號或空格分隔</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="161"/>
        <source>可选，例如 ctrl+alt+1</source>
        <translation>可選，例如 ctrl+alt+1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="162"/>
        <source>粘贴后自动发送（回车）</source>
        <translation>貼上後自動傳送（Enter）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="166"/>
        <source>回复内容，可用 {{ 字段名 }} 等模板变量；多个变体之间放一行 ---</source>
        <translation>回覆內容，可用 {{ 欄位名 }} 等模板變數；多個變體之間放一行 ---</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="169"/>
        <source>什么时候用这条回复（新人学习时显示）</source>
        <translation>什麼時候用這條回覆（新人學習時顯示）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="172"/>
        <source>买家常见问法，每行一个</source>
        <translation>買家常見問法，每行一個</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="56"/>
        <source>字段名</source>
        <translation>欄位名</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="57"/>
        <source>显示名</source>
        <translation>顯示名</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="58"/>
        <source>类型</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="59"/>
        <source>默认值</source>
        <translation>預設值</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="60"/>
        <source>选项</source>
        <translation>選項</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="191"/>
        <source>添加字段</source>
        <translation>新增欄位</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="192"/>
        <source>删除字段</source>
        <translation>刪除欄位</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="197"/>
        <source>编号</source>
        <translation>編號</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="198"/>
        <source>标题</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="199"/>
        <source>快捷编码</source>
        <translation>快捷編碼</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="200"/>
        <source>分组</source>
        <translation>分組</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="201"/>
        <source>标签</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="205"/>
        <source>回复内容</source>
        <translation>回覆內容</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="206"/>
        <source>使用说明</source>
        <translation>使用說明</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="207"/>
        <source>买家问法</source>
        <translation>買家問法</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="217"/>
        <source>填写字段</source>
        <translation>填寫欄位</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="220"/>
        <source>直达热键</source>
        <translation>直達熱鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="225"/>
        <source>预览</source>
        <translation>預覽</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="238"/>
        <source>实时预览</source>
        <translation>即時預覽</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="255"/>
        <source>保存</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="258"/>
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="259"/>
        <source>返回</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="449"/>
        <source>错误：%1</source>
        <translation>錯誤：%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="449"/>
        <source>提醒：%1</source>
        <translation>提醒：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../quickreply/ui/editor.py" line="461"/>
        <source>%n 个错误</source>
        <translation>
            <numerusform>%n 個錯誤</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../quickreply/ui/editor.py" line="463"/>
        <source>%n 个提醒</source>
        <translation>
            <numerusform>%n 個提醒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="464"/>
        <source>，</source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="489"/>
        <source>回复内容里的 %1 还不是填写字段</source>
        <translation>回覆內容裡的 %1 還不是填寫欄位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../quickreply/ui/editor.py" line="505"/>
        <source>未保存：还有 %n 个错误，改正后再保存。第一个：</source>
        <translation>
            <numerusform>未儲存：還有 %n 個錯誤，改正後再儲存。第一個：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="35"/>
        <source>文字</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="36"/>
        <source>数字</source>
        <translation>數字</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="37"/>
        <source>选择</source>
        <translation>選擇</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="38"/>
        <source>省份</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="433"/>
        <source>无法预览：</source>
        <translation>無法預覽：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="423"/>
        <source>—— 变体 %1 ——</source>
        <translation>—— 變體 %1 ——</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="183"/>
        <source>添加为填写字段</source>
        <translation>新增為填寫欄位</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="439"/>
        <source>填好标题和回复内容，再保存</source>
        <translation>填好標題和回覆內容，再儲存</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/editor.py" line="454"/>
        <source>检查通过</source>
        <translation>檢查通過</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/field_table.py" line="99"/>
        <source>选项来自 %1</source>
        <translation>選項來自 %1</translation>
    </message>
</context>
<context>
    <name>TeamBoard</name>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="96"/>
        <source>团队看板 - 快捷回复助手</source>
        <translation>團隊看板 - 快捷回覆助手</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="130"/>
        <source>重新读取</source>
        <translation>重新讀取</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="133"/>
        <source>从</source>
        <translation>從</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="135"/>
        <source>到</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="138"/>
        <location filename="../../quickreply/ui/teamboard.py" line="186"/>
        <source>分组</source>
        <translation>分組</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="140"/>
        <source>客服</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="156"/>
        <source>这段时间没有数据</source>
        <translation>這段時間沒有資料</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="164"/>
        <source>平均响应</source>
        <translation>平均響應</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="165"/>
        <source>首次响应平均</source>
        <translation>首次響應平均</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="166"/>
        <location filename="../../quickreply/ui/teamboard.py" line="210"/>
        <source>3分钟人工响应率</source>
        <translation>3分鐘人工響應率</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="167"/>
        <location filename="../../quickreply/ui/teamboard.py" line="211"/>
        <source>30秒应答率</source>
        <translation>30秒應答率</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="186"/>
        <source>标题</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="193"/>
        <source>使用次数</source>
        <translation>使用次數</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="194"/>
        <source>使用人数</source>
        <translation>使用人數</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="195"/>
        <source>最后使用</source>
        <translation>最後使用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="205"/>
        <location filename="../../quickreply/ui/teamboard.py" line="218"/>
        <location filename="../../quickreply/ui/teamboard.py" line="228"/>
        <source>工号</source>
        <translation>工號</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="206"/>
        <location filename="../../quickreply/ui/teamboard.py" line="234"/>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="207"/>
        <source>回复数</source>
        <translation>回覆數</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="208"/>
        <source>首响平均(秒)</source>
        <translation>首響平均(秒)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="209"/>
        <source>平均响应(秒)</source>
        <translation>平均響應(秒)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="219"/>
        <source>最后一天</source>
        <translation>最後一天</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="220"/>
        <source>软件版本</source>
        <translation>軟體版本</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="221"/>
        <source>团队话术版本</source>
        <translation>團隊話術版本</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="241"/>
        <source>话术使用</source>
        <translation>話術使用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="242"/>
        <source>30天无人使用</source>
        <translation>30天無人使用</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="243"/>
        <source>客服每日响应</source>
        <translation>客服每日響應</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="244"/>
        <source>版本</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="186"/>
        <source>编码</source>
        <translation>編碼</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="201"/>
        <source>话术 id：%1</source>
        <translation>話術 id：%1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="229"/>
        <source>考试</source>
        <translation>考試</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="230"/>
        <source>考试版本</source>
        <translation>考試版本</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="231"/>
        <source>得分(%)</source>
        <translation>得分(%)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="232"/>
        <source>及格线(%)</source>
        <translation>及格線(%)</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="233"/>
        <source>结果</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="245"/>
        <source>考试成绩</source>
        <translation>考試成績</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="273"/>
        <source>正在读取…</source>
        <translation>正在讀取…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="273"/>
        <source>正在计算…</source>
        <translation>正在計算…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="286"/>
        <source>看板出错，未能读取团队日报。</source>
        <translation>看板出錯，未能讀取團隊日報。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="301"/>
        <source>%1 位客服，%2 份日报（%3 至 %4）</source>
        <translation>%1 位客服，%2 份日報（%3 至 %4）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="308"/>
        <source>读取于 %1</source>
        <translation>讀取於 %1</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="312"/>
        <source>%1 个文件无法读取，已跳过；其余照常统计。</source>
        <translation>%1 個檔案無法讀取，已跳過；其餘照常統計。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="323"/>
        <source>还没有团队日报的投递位置：请在 设置 → 团队日报 中填写。</source>
        <translation>還沒有團隊日報的投遞位置：請在 設定 → 團隊日報 中填寫。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="325"/>
        <source>无法读取团队日报的投递位置（服务器是否可用、地址是否正确？）。</source>
        <translation>無法讀取團隊日報的投遞位置（伺服器是否可用、地址是否正確？）。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="326"/>
        <source>无法读取团队日报的投递位置（共享盘是否已连接？）。</source>
        <translation>無法讀取團隊日報的投遞位置（共用磁碟是否已連線？）。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="331"/>
        <source>……另有 %1 个</source>
        <translation>……另有 %1 個</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="342"/>
        <source>全部分组</source>
        <translation>全部分組</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="343"/>
        <source>全部客服</source>
        <translation>全部客服</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="359"/>
        <location filename="../../quickreply/ui/teamboard.py" line="414"/>
        <source>（不在话术库中）</source>
        <translation>（不在話術庫中）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="391"/>
        <source>通过</source>
        <translation>通過</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="391"/>
        <source>未通过</source>
        <translation>未通過</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="410"/>
        <source>未加入团队</source>
        <translation>未加入團隊</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="415"/>
        <source>（未分组）</source>
        <translation>（未分組）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="419"/>
        <source>各分组使用次数</source>
        <translation>各分組使用次數</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="423"/>
        <source>团队话术版本（每天的客服数）</source>
        <translation>團隊話術版本（每天的客服數）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="435"/>
        <source>（%）</source>
        <translation>（%）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="435"/>
        <source>（秒）</source>
        <translation>（秒）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="438"/>
        <source>（按周）</source>
        <translation>（按周）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="442"/>
        <source>全队</source>
        <translation>全隊</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="456"/>
        <source>另有 %1 位客服未画出（在“客服”中选择查看）</source>
        <translation>另有 %1 位客服未畫出（在「客服」中選擇檢視）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamboard.py" line="468"/>
        <source>话术库中已没有 %1（它可能已被删除或改名）。</source>
        <translation>話術庫中已沒有 %1（它可能已被刪除或改名）。</translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message>
        <location filename="../../quickreply/ui/teamsync.py" line="89"/>
        <source>团队话术已更新到 v%1：新增 %2 条，修改 %3 条</source>
        <translation>團隊話術已更新到 v%1：新增 %2 條，修改 %3 條</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamsync.py" line="95"/>
        <source>，删除 %1 条</source>
        <translation>，刪除 %1 條</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamsync.py" line="102"/>
        <source>团队话术同步失败，继续使用当前版本</source>
        <translation>團隊話術同步失敗，繼續使用目前版本</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamsync.py" line="108"/>
        <source>[新]</source>
        <translation>[新]</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/teamsync.py" line="110"/>
        <source>[改]</source>
        <translation>[改]</translation>
    </message>
</context>
<context>
    <name>TimerSettingsBox</name>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="36"/>
        <source>等待计时</source>
        <translation>等待計時</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="43"/>
        <source>队列</source>
        <translation>佇列</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="44"/>
        <source>偏慢（秒）</source>
        <translation>偏慢（秒）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="45"/>
        <source>超时（秒）</source>
        <translation>逾時（秒）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="50"/>
        <source>等待超过这个时间，这一行变为琥珀色（偏慢）</source>
        <translation>等待超過這個時間，這一列變為琥珀色（偏慢）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="51"/>
        <source>等待超过这个时间，这一行变红（超时）并提醒</source>
        <translation>等待超過這個時間，這一列變紅（逾時）並提醒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="61"/>
        <source>聊天窗口提醒新消息（闪烁）时自动开始计时</source>
        <translation>聊天視窗提醒新訊息（閃爍）時自動開始計時</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="64"/>
        <source>买家等待超时时响一声</source>
        <translation>買家等待超時時響一聲</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/settings_timers.py" line="80"/>
        <source> 秒</source>
        <translation> 秒</translation>
    </message>
</context>
<context>
    <name>TimersPanel</name>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="109"/>
        <source>等待计时</source>
        <translation>等待計時</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="120"/>
        <source>窗口总在最前</source>
        <translation>視窗總在最前</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="125"/>
        <source>买家等待超时时响一声</source>
        <translation>買家等待超時時響一聲</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="170"/>
        <source>买家昵称，回车开始计时</source>
        <translation>買家暱稱，回車開始計時</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="183"/>
        <source>买家在等待：开始计时</source>
        <translation>買家在等待：開始計時</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="194"/>
        <source>首响：首次响应平均等待；平均：所有回复平均等待；3分钟/30秒：在该时间内回复的比例；慢：超过3分钟的回复数</source>
        <translation>首響：首次響應平均等待；平均：所有回覆平均等待；3分鐘/30秒：在該時間內回覆的比例；慢：超過3分鐘的回覆數</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="342"/>
        <source>暂无等待的买家。
买家来消息时按 {waiting} 开始计时，回复后按 {replied}（用快捷回复粘贴也会停止计时）。聊天窗口闪烁提醒新消息时会自动开始计时。</source>
        <translation>暫無等待的買家。
買家來訊息時按 {waiting} 開始計時，回覆後按 {replied}（用快捷回覆貼上也會停止計時）。聊天視窗閃爍提醒新訊息時會自動開始計時。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="384"/>
        <source>今日 首响 {first}</source>
        <translation>今日 首響 {first}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="385"/>
        <source>平均 {avg}</source>
        <translation>平均 {avg}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="386"/>
        <source>3分钟 {r3}</source>
        <translation>3分鐘 {r3}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="387"/>
        <source>30秒 {r30}</source>
        <translation>30秒 {r30}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="388"/>
        <source>慢 {slow}</source>
        <translation>慢 {slow}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="493"/>
        <source>开</source>
        <translation>開</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="493"/>
        <source>关</source>
        <translation>關</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="495"/>
        <source>提示音：{state}</source>
        <translation>提示音：{state}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="498"/>
        <source>置顶：{state}</source>
        <translation>置頂：{state}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="559"/>
        <source>已回复</source>
        <translation>已回覆</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="563"/>
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="375"/>
        <source>今日暂无回复记录</source>
        <translation>今日暫無回覆記錄</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="411"/>
        <source>买家等待过久</source>
        <translation>買家等待過久</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="412"/>
        <source>{label}（{queue}）已等待 {wait}</source>
        <translation>{label}（{queue}）已等待 {wait}</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers.py" line="463"/>
        <source>等待中：{n} 人</source>
        <translation>等待中：{n} 人</translation>
    </message>
</context>
<context>
    <name>TimersTableModel</name>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="136"/>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="136"/>
        <source>买家</source>
        <translation>買家</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="136"/>
        <source>队列</source>
        <translation>佇列</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="136"/>
        <source>等待</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="145"/>
        <source>◷ 稍后</source>
        <translation>◷ 稍後</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="147"/>
        <source>◷ 提醒</source>
        <translation>◷ 提醒</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="149"/>
        <source>● 正常</source>
        <translation>● 正常</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="150"/>
        <source>▲ 偏慢</source>
        <translation>▲ 偏慢</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="151"/>
        <source>■ 超时</source>
        <translation>■ 超時</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/timers_table.py" line="176"/>
        <source>{label}：{time} 提醒</source>
        <translation>{label}：{time} 提醒</translation>
    </message>
</context>
<context>
    <name>TraineeView</name>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="135"/>
        <source>搜索：汉字、拼音、首字母或快捷编码</source>
        <extracomment>Cards shown at once: a scenario is read card by card, and laying out thousands of rich-text cards (全部 in a big library) takes seconds.</extracomment>
        <translation>搜尋：漢字、拼音、首字母或快捷編碼</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="159"/>
        <source>输入你会用的快捷编码或标题，回车确认</source>
        <translation>輸入你會用的快捷編碼或標題，回車確認</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="161"/>
        <source>确认</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="163"/>
        <source>看答案</source>
        <translation>看答案</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="165"/>
        <source>下一题</source>
        <translation>下一題</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="181"/>
        <source>买家发来：</source>
        <translation>買家發來：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="189"/>
        <source>按场景学习</source>
        <translation>按場景學習</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="190"/>
        <source>练习</source>
        <translation>練習</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="191"/>
        <source>计时练习与考试…</source>
        <translation>計時練習與考試…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="241"/>
        <source>已复制“%1”</source>
        <translation>已複製「%1」</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="260"/>
        <source>（未填写）</source>
        <translation>（未填寫）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="263"/>
        <source>什么时候用：</source>
        <translation>什麼時候用：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="264"/>
        <source>买家常问：</source>
        <translation>買家常問：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="265"/>
        <source>参考回复：</source>
        <translation>參考回覆：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="289"/>
        <source>复制</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="300"/>
        <source>这个分组还没有话术。</source>
        <translation>這個分組還沒有話術。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="304"/>
        <source>只显示前 %1 条（共 %2 条），请在左边选一个具体场景。</source>
        <translation>只顯示前 %1 條（共 %2 條），請在左邊選一個具體場景。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="323"/>
        <source>话术里还没有买家问法，暂时无法练习。</source>
        <translation>話術裡還沒有買家問法，暫時無法練習。</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="345"/>
        <source>✔ 答对了！</source>
        <translation>✔ 答對了！</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="348"/>
        <source>✘ 不太对，看看参考答案：</source>
        <translation>✘ 不太對，看看參考答案：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="360"/>
        <source>参考答案：</source>
        <translation>參考答案：</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/trainee.py" line="370"/>
        <source>已练习 %1 题，答对 %2 题</source>
        <translation>已練習 %1 題，答對 %2 題</translation>
    </message>
</context>
<context>
    <name>TrainingWindow</name>
    <message>
        <location filename="../../quickreply/ui/training.py" line="46"/>
        <source>新人训练</source>
        <translation>新人訓練</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/training.py" line="65"/>
        <source>计时练习</source>
        <translation>計時練習</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/training.py" line="66"/>
        <source>编码练习</source>
        <translation>編碼練習</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/training.py" line="67"/>
        <source>考试</source>
        <translation>考試</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/training.py" line="68"/>
        <source>我的进度</source>
        <translation>我的進度</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="40"/>
        <source>打开快捷回复</source>
        <translation>開啟快捷回覆</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="41"/>
        <source>话术库</source>
        <translation>話術庫</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="42"/>
        <source>等待计时</source>
        <translation>等待計時</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="44"/>
        <source>新人训练</source>
        <translation>新人訓練</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="45"/>
        <source>团队看板</source>
        <translation>團隊看板</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="47"/>
        <source>设置…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="48"/>
        <source>立即同步</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="51"/>
        <source>暂停热键</source>
        <translation>暫停熱鍵</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="56"/>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="75"/>
        <source>快捷回复助手（热键已暂停）</source>
        <translation>快捷回覆助手（熱鍵已暫停）</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/tray.py" line="77"/>
        <source>快捷回复助手</source>
        <translation>快捷回覆助手</translation>
    </message>
    <message numerus="yes">
        <location filename="../../quickreply/ui/tray.py" line="79"/>
        <source>%n 位买家在等待</source>
        <translation>
            <numerusform>%n 位買家在等待</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <location filename="../../quickreply/ui/models.py" line="50"/>
        <source>内置</source>
        <extracomment>Item data role holding the group path (&quot;物流/快递&quot;; &quot;&quot; for the 全部 root). Item data role holding the Snippet object of a list row. Snippets without a group are listed under this pseudo group (never written to a pack).</extracomment>
        <translation>內建</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="51"/>
        <source>团队</source>
        <translation>團隊</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="52"/>
        <source>个人</source>
        <translation>個人</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="53"/>
        <source>命令行</source>
        <translation>命令列</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="125"/>
        <location filename="../../quickreply/ui/models.py" line="129"/>
        <source>分组</source>
        <translation>分組</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="131"/>
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../quickreply/ui/models.py" line="149"/>
        <source>未分组</source>
        <translation>未分組</translation>
    </message>
</context>
</TS>
