<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <location filename="../../clienteling/app.py" line="204"/>
        <source>Local data could not be read</source>
        <translation>端末内のデータを読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="205"/>
        <source>The local data on this terminal was damaged or its key was lost. It was moved aside to %1 and will be downloaded again from the server.</source>
        <translation>この端末のデータが破損しているか、暗号鍵が失われています。データは %1 に退避しました。サーバーから再度ダウンロードします。</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="341"/>
        <source>The server cannot be reached, so no one else can sign in now. Try again when this terminal is online.</source>
        <translation>サーバーに接続できないため、今は別のスタッフがサインインできません。端末がオンラインになってから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="406"/>
        <source>This terminal was offline too long</source>
        <translation>この端末は長期間オフラインでした</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="407"/>
        <source>This terminal has not reached the server for longer than the chain allows, so the customer data and the sign-in keys on it have been erased. To use it again, a manager registers it anew.</source>
        <translation>この端末は許可された期間を超えてサーバーに接続していなかったため、端末内のお客様データとサインイン用の鍵を消去しました。再び使うには、マネージャーが登録し直してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="417"/>
        <source>This terminal was removed</source>
        <translation>この端末は登録解除されました</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="418"/>
        <source>A manager removed this terminal from the store. The customer data and the sign-in keys on it have been erased. To use it again, a manager registers it anew.</source>
        <translation>マネージャーがこの端末を店舗から登録解除しました。端末内のお客様データとサインイン用の鍵は消去されました。再び使うには、マネージャーが登録し直してください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/app.py" line="433"/>
        <source>This terminal has not reached the server for more than %n day(s): sign in again (this needs the server) to use it.</source>
        <translation>
            <numerusform>この端末は %n 日以上サーバーに接続していません。使うにはもう一度サインインしてください（サーバーへの接続が必要です）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="468"/>
        <source>This computer has no OS keyring (Secret Service, Keychain or Credential Manager), so this terminal&apos;s keys could only be kept in a file beside its data. That is not allowed with a real server: set up a keyring, or start with --allow-file-secrets on a demo or test machine.</source>
        <translation>このコンピューターには OS のキーリング（Secret Service、キーチェーン、資格情報マネージャー）がないため、この端末の鍵はデータと同じ場所のファイルにしか保存できません。実際のサーバーでは使えません。キーリングを設定するか、デモ・テスト用の機器では --allow-file-secrets を付けて起動してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="575"/>
        <source>Clienteling cannot start</source>
        <translation>クライアンテリングを起動できません</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../clienteling/ui/followups/dialogs.py" line="72"/>
        <source>Give to a colleague</source>
        <translation>担当者を変更</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/dialogs.py" line="74"/>
        <source>Who follows up %1?</source>
        <translation>%1のフォローを誰が担当しますか？</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../clienteling/ui/audit/page.py" line="84"/>
        <source>The trail is intact: %1 events checked.</source>
        <translation>操作ログは改ざんされていません（%1 件を確認）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/page.py" line="87"/>
        <source>The trail was tampered with: %1 problem(s) found. Tell the administrator.</source>
        <translation>操作ログが改ざんされています（問題 %1 件）。管理者に連絡してください。</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="38"/>
        <source>Audit trail</source>
        <translation>操作ログ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="45"/>
        <source>Everything</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="46"/>
        <source>Profiles opened</source>
        <translation>プロフィールの閲覧</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="47"/>
        <source>Searches</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="48"/>
        <source>Changes</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="49"/>
        <source>Contact details revealed</source>
        <translation>連絡先の表示</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="50"/>
        <source>Exports</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="58"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="59"/>
        <source>Last 7 days</source>
        <translation>過去7日間</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="60"/>
        <source>Last 30 days</source>
        <translation>過去30日間</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="61"/>
        <source>Last year</source>
        <translation>過去1年</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="73"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="74"/>
        <source>Staff</source>
        <translation>スタッフ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="75"/>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="76"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="77"/>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="84"/>
        <source>Older events</source>
        <translation>さらに古いログ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="88"/>
        <source>Check the trail is intact</source>
        <translation>改ざんがないか確認</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="91"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="125"/>
        <source>(another region)</source>
        <translation>（他地域）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="131"/>
        <source>Nothing in this period.</source>
        <translation>この期間の記録はありません。</translation>
    </message>
</context>
<context>
    <name>ConsentChoices</name>
    <message>
        <location filename="../../clienteling/ui/widgets/consent.py" line="14"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/widgets/consent.py" line="16"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/widgets/consent.py" line="18"/>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/widgets/consent.py" line="28"/>
        <source>Ask the customer: “May we send you news and offers from our shops on the channels ticked? You can stop them at any time.” Tick only what they agree to.</source>
        <translation>お客様に確認してください：「チェックした方法で当店からのお知らせやご案内をお送りしてもよろしいですか？いつでも停止できます。」同意いただいたものだけにチェックを入れてください。</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../clienteling/ui/consent_dialog.py" line="29"/>
        <source>News and offers</source>
        <translation>お知らせ・ご案内</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/consent_dialog.py" line="32"/>
        <source>What %1 agrees to receive news and offers by</source>
        <translation>%1 様がお知らせ・ご案内の受け取りに同意する方法</translation>
    </message>
</context>
<context>
    <name>CorrectDetailsDialog</name>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="168"/>
        <source>Correct details</source>
        <translation>お客様情報の訂正</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="177"/>
        <source>unchanged (left blank)</source>
        <translation>変更なし（空欄のまま）</translation>
    </message>
</context>
<context>
    <name>CustomerDetails</name>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="52"/>
        <source>e.g. 山田</source>
        <translation>例: 山田</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="55"/>
        <source>e.g. 花子</source>
        <translation>例: 花子</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="58"/>
        <source>e.g. やまだ</source>
        <translation>例: やまだ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="61"/>
        <source>e.g. はなこ</source>
        <translation>例: はなこ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="64"/>
        <source>e.g. 090-1234-5678</source>
        <translation>例: 090-1234-5678</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="67"/>
        <source>e.g. hanako@example.jp</source>
        <translation>例: hanako@example.jp</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="77"/>
        <source>Name (family, given)</source>
        <translation>氏名（姓・名）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="79"/>
        <source>Reading (kana)</source>
        <translation>フリガナ（かな）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="80"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="81"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="36"/>
        <source>This week</source>
        <translation>今週</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="37"/>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="38"/>
        <source>Last 30 days</source>
        <translation>過去30日</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="39"/>
        <source>Last 90 days</source>
        <translation>過去90日</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="40"/>
        <source>Last 12 months</source>
        <translation>過去12か月</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="44"/>
        <source>Due</source>
        <translation>予定</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="45"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="46"/>
        <source>Overdue</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="47"/>
        <source>Messages sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="48"/>
        <source>Blocked (no consent)</source>
        <translation>同意なしで停止</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="49"/>
        <source>Opened</source>
        <translation>開封</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="50"/>
        <source>Clicked</source>
        <translation>クリック</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="51"/>
        <source>Conversion</source>
        <translation>成約率</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="52"/>
        <source>Attributed revenue</source>
        <translation>成果売上</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="79"/>
        <source>%1/%2</source>
        <translation>%1年%2月</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="105"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="107"/>
        <source>Export CSV…</source>
        <translation>CSV出力…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="148"/>
        <source>Staff member</source>
        <translation>スタッフ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="185"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="201"/>
        <source>Follow-up results: %1 (%2 – %3)</source>
        <translation>フォローアップ成果：%1（%2〜%3）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="208"/>
        <source>No sale credited to a follow-up in this period yet.</source>
        <translation>この期間にフォローアップの成果売上はまだありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="210"/>
        <source>Attributed revenue over time</source>
        <translation>成果売上の推移</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="213"/>
        <source>Attributed revenue per staff member</source>
        <translation>スタッフ別の成果売上</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="228"/>
        <source>Follow-up results</source>
        <translation>フォローアップ成果</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="249"/>
        <source>Export the figures</source>
        <translation>数値を出力</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="249"/>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="256"/>
        <source>Saved: %1</source>
        <translation>保存しました：%1</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="36"/>
        <source>This store&apos;s terminals</source>
        <translation>この店舗の端末</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="44"/>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="45"/>
        <source>Registered</source>
        <translation>登録日時</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="46"/>
        <source>Registered by</source>
        <translation>登録者</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="47"/>
        <source>Last seen</source>
        <translation>最終接続</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="48"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="57"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="60"/>
        <source>Revoke this terminal…</source>
        <translation>この端末を登録解除…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="80"/>
        <source>(no name)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="82"/>
        <source>%1 (this terminal)</source>
        <translation>%1（この端末）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="116"/>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="120"/>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/devices/view.py" line="122"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="127"/>
        <source>Revoked %1</source>
        <translation>登録解除 %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="128"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <location filename="../../clienteling/ui/followups/dialogs.py" line="36"/>
        <source>Follow-up done</source>
        <translation>フォロー完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/dialogs.py" line="38"/>
        <source>What was done for %1?</source>
        <translation>%1に何をしましたか？</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/dialogs.py" line="51"/>
        <source>A note for colleagues (optional)</source>
        <translation>スタッフへのメモ（任意）</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../clienteling/ui/duplicates/page.py" line="60"/>
        <source>The two profiles are one now: %1.</source>
        <translation>2つのプロフィールを統合しました: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/page.py" line="71"/>
        <source>Kept as two customers.</source>
        <translation>別々のお客様として残しました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/page.py" line="83"/>
        <source>Merge undone: %1 is a profile of its own again.</source>
        <translation>統合を取り消しました: %1 は再び別のプロフィールです。</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="66"/>
        <source>Possible duplicate profiles</source>
        <translation>重複の可能性があるプロフィール</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="73"/>
        <source>Profile A</source>
        <translation>プロフィールA</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="73"/>
        <source>Profile B</source>
        <translation>プロフィールB</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="73"/>
        <source>Why they may be one person</source>
        <translation>同一人物の可能性がある理由</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="76"/>
        <source>Same person: keep A</source>
        <translation>同一人物: Aに統合</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="79"/>
        <source>Same person: keep B</source>
        <translation>同一人物: Bに統合</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="82"/>
        <source>Not the same person</source>
        <translation>別人</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="85"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="88"/>
        <source>Recent merges</source>
        <translation>最近の統合</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="92"/>
        <source>Kept</source>
        <translation>残したプロフィール</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="92"/>
        <source>Joined into it</source>
        <translation>統合されたプロフィール</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="92"/>
        <source>Merged</source>
        <translation>統合日時</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="92"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="95"/>
        <source>Undo this merge</source>
        <translation>この統合を取り消す</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="131"/>
        <source>No possible duplicates to review.</source>
        <translation>確認が必要な重複はありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="166"/>
        <source>Since %1</source>
        <translation>登録 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/duplicates/view.py" line="168"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>注文 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/duplicates/view.py" line="170"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>メモ %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="179"/>
        <source>automatically, by the rules</source>
        <translation>ルールによる自動統合</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="184"/>
        <source>Undone %1</source>
        <translation>%1 に取り消し</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/duplicates/view.py" line="185"/>
        <source>%n record(s) moved</source>
        <translation>
            <numerusform>%n 件を移動</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Followups</name>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="13"/>
        <source>After the visit (a few days)</source>
        <translation>来店後フォロー（数日後）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="16"/>
        <source>After the visit (a month)</source>
        <translation>来店後フォロー（1か月後）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="17"/>
        <source>After the purchase</source>
        <translation>購入後のご様子伺い</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="18"/>
        <source>Birthday</source>
        <translation>お誕生日</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="19"/>
        <source>Gift recipient&apos;s first birthday</source>
        <translation>ギフトのお子様の1歳のお誕生日</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="22"/>
        <source>Hold running out</source>
        <translation>お取り置き期限まもなく</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="23"/>
        <source>Pickup ready</source>
        <translation>お受け取り準備完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="24"/>
        <source>Pickup not collected yet</source>
        <translation>未受け取りのご注文</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="27"/>
        <source>Back in stock</source>
        <translation>再入荷</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="31"/>
        <location filename="../../clienteling/ui/followups/texts.py" line="40"/>
        <source>Message sent</source>
        <translation>メッセージを送信</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="32"/>
        <source>Called</source>
        <translation>電話した</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="33"/>
        <source>Visited the store</source>
        <translation>来店された</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="34"/>
        <source>Not interested</source>
        <translation>興味なし</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="38"/>
        <source>Message drafted</source>
        <translation>メッセージ下書き</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="39"/>
        <source>Message queued</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="41"/>
        <source>Message opened</source>
        <translation>メッセージ開封</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="42"/>
        <source>Link clicked</source>
        <translation>リンクが開かれました</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="43"/>
        <source>Not sent: no consent</source>
        <translation>未送信：同意なし</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="44"/>
        <source>Sending failed</source>
        <translation>送信失敗</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="45"/>
        <source>Message rejected</source>
        <translation>メッセージ却下</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="46"/>
        <source>Delivery unknown</source>
        <translation>配信状況不明</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="50"/>
        <source>Monday</source>
        <translation>月曜</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="51"/>
        <source>Tuesday</source>
        <translation>火曜</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="52"/>
        <source>Wednesday</source>
        <translation>水曜</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="53"/>
        <source>Thursday</source>
        <translation>木曜</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="54"/>
        <source>Friday</source>
        <translation>金曜</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="55"/>
        <source>Saturday</source>
        <translation>土曜</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="56"/>
        <source>Sunday</source>
        <translation>日曜</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="60"/>
        <source>nights</source>
        <translation>深夜</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="61"/>
        <source>mornings</source>
        <translation>朝</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="62"/>
        <source>afternoons</source>
        <translation>午後</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="63"/>
        <source>evenings</source>
        <translation>夜</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="68"/>
        <source>%1 of %2 online orders were on %3</source>
        <translation>オンライン注文%2件のうち%1件が%3</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="71"/>
        <source>%1 of %2 store visits were on %3</source>
        <translation>来店%2回のうち%1回が%3</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="74"/>
        <source>%1 of %2 email opens and clicks were on %3</source>
        <translation>メールの開封・クリック%2件のうち%1件が%3</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="98"/>
        <source>%1 credited</source>
        <translation>%1 の売上を計上</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="125"/>
        <source>Nothing in their history yet: the usual time</source>
        <translation>まだ傾向がないため標準の時刻</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="131"/>
        <source>%1 %2</source>
        <translation>%1の%2</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="144"/>
        <source> (moved out of the quiet hours)</source>
        <translation>（配信停止時間帯を避けて調整）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="146"/>
        <source> (another day: contact limit)</source>
        <translation>（連絡回数の上限のため別の日）</translation>
    </message>
</context>
<context>
    <name>FollowupsPage</name>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="52"/>
        <source>Follow-ups</source>
        <translation>フォローアップ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="55"/>
        <source>Mine</source>
        <translation>自分の担当</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="56"/>
        <source>Whole store</source>
        <translation>店舗全体</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="66"/>
        <source>Open customer</source>
        <translation>顧客を開く</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="71"/>
        <source>Put off</source>
        <translation>延期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="76"/>
        <source>By %n day(s)</source>
        <translation>
            <numerusform>%n日延期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="80"/>
        <source>Done…</source>
        <translation>完了…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="83"/>
        <source>Give to…</source>
        <translation>担当変更…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="88"/>
        <source>Message…</source>
        <translation>メッセージ…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="91"/>
        <source>Messages to approve…</source>
        <translation>承認待ちメッセージ…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="122"/>
        <source>Due</source>
        <translation>予定</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="123"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="124"/>
        <source>Follow-up</source>
        <translation>フォロー</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="125"/>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="126"/>
        <source>Owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="127"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="177"/>
        <source>Overdue (%n)</source>
        <translation>
            <numerusform>期限切れ（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="178"/>
        <source>Today (%n)</source>
        <translation>
            <numerusform>今日（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="179"/>
        <source>Upcoming (%n)</source>
        <translation>
            <numerusform>今後（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="237"/>
        <source>Why this time: %1</source>
        <translation>この時刻の理由：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="240"/>
        <source>%n follow-up(s) selected</source>
        <translation>
            <numerusform>%n件を選択中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="266"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n名のお客様</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="274"/>
        <source>Put off by %n day(s): %1</source>
        <translation>
            <numerusform>%n日延期しました：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="293"/>
        <source>Done: %1 (%2)</source>
        <translation>完了：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="314"/>
        <source>%1 now follows up %2</source>
        <translation>%2の担当を%1さんに変更しました</translation>
    </message>
</context>
<context>
    <name>InterestDialog</name>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="51"/>
        <source>Log item of interest</source>
        <translation>関心商品を記録</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="54"/>
        <source>Item of interest for %1</source>
        <translation>%1 様の関心商品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="58"/>
        <source>Scan the product or type its SKU / JAN code</source>
        <translation>商品をスキャンするか、SKU / JANコードを入力</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="70"/>
        <source>e.g. liked the colour, wants it before the trip</source>
        <translation>例：色が気に入った、旅行前に欲しい</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="74"/>
        <source>Product code</source>
        <translation>商品コード</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="75"/>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="76"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="18"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="19"/>
        <source>Online shop</source>
        <translation>オンラインショップ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="20"/>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="21"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="22"/>
        <source>Web</source>
        <translation>ウェブ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="23"/>
        <source>SNS</source>
        <translation>SNS</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="24"/>
        <source>Support</source>
        <translation>サポート</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="25"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="26"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="27"/>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="28"/>
        <source>App push</source>
        <translation>アプリ通知</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="29"/>
        <source>Post</source>
        <translation>郵送</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="33"/>
        <source>Marketing</source>
        <translation>販促</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="34"/>
        <source>Service</source>
        <translation>サービス連絡</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="35"/>
        <source>Profiling</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="39"/>
        <source>Open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="40"/>
        <source>Purchased</source>
        <translation>購入済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="41"/>
        <source>Dismissed</source>
        <translation>見送り</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="42"/>
        <source>Confirmed</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="43"/>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="44"/>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="45"/>
        <source>Fulfilled</source>
        <translation>受け渡し済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="46"/>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="47"/>
        <source>Requested — not confirmed</source>
        <translation>依頼中 — 未確定</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="48"/>
        <source>On its way</source>
        <translation>輸送中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="49"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="50"/>
        <location filename="../../clienteling/ui/labels.py" line="112"/>
        <location filename="../../clienteling/ui/labels.py" line="183"/>
        <source>Not collected</source>
        <translation>未受取</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="51"/>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="52"/>
        <location filename="../../clienteling/ui/labels.py" line="85"/>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="53"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="54"/>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="55"/>
        <source>Paid</source>
        <translation>支払済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="56"/>
        <source>Shipped</source>
        <translation>発送済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="57"/>
        <source>Delivered</source>
        <translation>配達済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="58"/>
        <source>Returned</source>
        <translation>返品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="59"/>
        <source>Picked up in store</source>
        <translation>店舗で受取済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="60"/>
        <source>Pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="61"/>
        <source>Applied</source>
        <translation>反映済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="62"/>
        <source>Ordered</source>
        <translation>注文済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="64"/>
        <source>Partly returned</source>
        <translation>一部返品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="65"/>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="66"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="70"/>
        <source>Hold</source>
        <translation>取り置き</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="71"/>
        <source>Pickup</source>
        <translation>店舗受取</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="72"/>
        <source>Transfer</source>
        <translation>店舗間移動</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="73"/>
        <source>After visit</source>
        <translation>来店後フォロー</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="74"/>
        <source>Occasion</source>
        <translation>記念日</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="75"/>
        <source>After the purchase</source>
        <translation>購入後のご様子伺い</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="76"/>
        <source>Service notice</source>
        <translation>サービスのご連絡</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="77"/>
        <source>Back in stock</source>
        <translation>再入荷</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="78"/>
        <source>Custom</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="79"/>
        <source>Viewed</source>
        <translation>閲覧</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="80"/>
        <source>Added to cart</source>
        <translation>カート追加</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="81"/>
        <source>Inquiry</source>
        <translation>問い合わせ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="82"/>
        <source>Opened</source>
        <translation>開封</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="83"/>
        <source>Clicked</source>
        <translation>クリック</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="84"/>
        <source>Reacted</source>
        <translation>反応</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="86"/>
        <source>Liked</source>
        <translation>いいね</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="87"/>
        <source>Followed</source>
        <translation>フォロー</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="88"/>
        <source>Shared</source>
        <translation>シェア</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="92"/>
        <source>Regular</source>
        <translation>レギュラー</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="93"/>
        <source>Standard</source>
        <translation>スタンダード</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="94"/>
        <source>Bronze</source>
        <translation>ブロンズ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="95"/>
        <source>Silver</source>
        <translation>シルバー</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="96"/>
        <source>Gold</source>
        <translation>ゴールド</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="97"/>
        <source>Platinum</source>
        <translation>プラチナ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="101"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="102"/>
        <source>Item of interest</source>
        <translation>関心商品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="103"/>
        <source>Interest change</source>
        <translation>関心商品の変更</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="104"/>
        <source>New customer</source>
        <translation>新規顧客</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="105"/>
        <source>Customer change</source>
        <translation>顧客情報の変更</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="106"/>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="107"/>
        <source>Reservation request</source>
        <translation>取り置き依頼</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="108"/>
        <source>Cancel reservation</source>
        <translation>予約の取消</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="109"/>
        <source>Extend reservation</source>
        <translation>予約の延長</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="110"/>
        <source>Sold / collected</source>
        <translation>販売・受け渡し</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="111"/>
        <source>Pickup ready</source>
        <translation>受取準備完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="113"/>
        <source>Transfer sent</source>
        <translation>取り寄せ発送</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="114"/>
        <source>Transfer received</source>
        <translation>取り寄せ到着</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="115"/>
        <source>Follow-up</source>
        <translation>フォローアップ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="116"/>
        <source>Follow-up put off</source>
        <translation>フォロー延期</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="117"/>
        <source>Follow-up done</source>
        <translation>フォロー完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="118"/>
        <source>Follow-up reassigned</source>
        <translation>フォロー担当変更</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="119"/>
        <source>Follow-up change</source>
        <translation>フォロー変更</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="123"/>
        <source>the data was not valid</source>
        <translation>データが正しくありません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="124"/>
        <source>the server does not know this change</source>
        <translation>サーバーが対応していない変更です</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="127"/>
        <source>the customer or product no longer exists</source>
        <translation>顧客または商品が存在しません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="130"/>
        <source>not allowed for your role or store</source>
        <translation>この役割・店舗では許可されていません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="131"/>
        <source>the customer has not agreed to this channel</source>
        <translation>お客様がこの連絡手段に同意していません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="134"/>
        <source>not enough stock</source>
        <translation>在庫が足りません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="135"/>
        <source>the request was too old</source>
        <translation>依頼が古すぎます</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="136"/>
        <source>the record changed and no longer allows this</source>
        <translation>データが変更され、この操作はできません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="179"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="180"/>
        <source>Extend</source>
        <translation>延長</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="181"/>
        <source>Sold</source>
        <translation>販売済みにする</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="539"/>
        <source>same email</source>
        <translation>同じメールアドレス</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="540"/>
        <source>same phone</source>
        <translation>同じ電話番号</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="541"/>
        <source>same name</source>
        <translation>同じ氏名</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="542"/>
        <source>same birthday</source>
        <translation>同じ誕生日</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="543"/>
        <source>same loyalty card</source>
        <translation>同じ会員カード</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="544"/>
        <source>same online account</source>
        <translation>同じオンラインアカウント</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="545"/>
        <source>same LINE account</source>
        <translation>同じLINEアカウント</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="550"/>
        <source>Opened the profile</source>
        <translation>プロフィールを閲覧</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="551"/>
        <source>Searched</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="552"/>
        <source>Revealed contact details</source>
        <translation>連絡先を表示</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="553"/>
        <source>Exported</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="561"/>
        <source>Changed: %1</source>
        <translation>変更: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="63"/>
        <location filename="../../clienteling/ui/labels.py" line="182"/>
        <source>Ready for pickup</source>
        <translation>受取準備完了にする</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="184"/>
        <source>Send</source>
        <translation>発送する</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="185"/>
        <source>Received</source>
        <translation>到着を記録</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="192"/>
        <source>Collected</source>
        <translation>受け渡し済みにする</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="197"/>
        <source>pending sync</source>
        <translation>同期待ち</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="202"/>
        <source>rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="203"/>
        <source>rejected: %1</source>
        <translation>却下：%1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="207"/>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="19"/>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="24"/>
        <source>Customer data is hidden while nobody is using this terminal.</source>
        <translation>この端末が使われていない間、お客様の情報は表示されません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="33"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="35"/>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="38"/>
        <source>Someone else signs in</source>
        <translation>別のスタッフがサインイン</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="61"/>
        <source>%1 is signed in at %2</source>
        <translation>%2 で %1 さんがサインイン中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="71"/>
        <source>This terminal cannot check the PIN here: sign in again to unlock.</source>
        <translation>ここでは PIN を確認できません。ロックを解除するにはもう一度サインインしてください。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="112"/>
        <source>Clienteling</source>
        <translation>クライアンテリング</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="117"/>
        <source>Switch staff</source>
        <translation>スタッフ切替</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="119"/>
        <source>A colleague signs in at this terminal</source>
        <translation>別のスタッフがこの端末にサインインします</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="121"/>
        <source>New customer</source>
        <translation>新規顧客</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="123"/>
        <source>Register a walk-in customer</source>
        <translation>来店されたお客様を新規登録</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="155"/>
        <source>Manage</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="164"/>
        <source>Customers</source>
        <translation>お客様</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="165"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="166"/>
        <source>Store lists</source>
        <translation>店舗の予約</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="167"/>
        <location filename="../../clienteling/ui/main_window.py" line="839"/>
        <source>Follow-ups</source>
        <translation>フォローアップ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="168"/>
        <source>Results</source>
        <translation>成果</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="169"/>
        <source>Terminals</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="170"/>
        <source>Duplicates</source>
        <translation>重複確認</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="171"/>
        <source>Audit trail</source>
        <translation>操作ログ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="329"/>
        <source>%1 is now signed in at this terminal.</source>
        <translation>%1 さんがこの端末にサインインしました。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/main_window.py" line="483"/>
        <source>Wrong PIN: %n more tries, then a full sign-in is needed.</source>
        <translation>
            <numerusform>PIN が違います。あと %n 回まちがえると、サインインが必要になります。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="500"/>
        <source>No OS keyring: this terminal&apos;s keys are kept in a file readable only by this user. For demos only.</source>
        <translation>OS のキーリングがありません：この端末の鍵は、このユーザーだけが読めるファイルに保存されています。デモ専用です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="520"/>
        <source>This customer is not in this terminal&apos;s data yet.</source>
        <translation>このお客様はまだこの端末のデータにありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="537"/>
        <location filename="../../clienteling/ui/main_window.py" line="717"/>
        <location filename="../../clienteling/ui/main_window.py" line="727"/>
        <source>This product is not in this terminal&apos;s catalogue.</source>
        <translation>この商品はこの端末のカタログにありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="554"/>
        <source>This customer is no longer available.</source>
        <translation>このお客様のデータは利用できなくなりました。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/main_window.py" line="600"/>
        <source>(and %n more: see Store lists)</source>
        <translation>
            <numerusform>(ほか %n 件:店舗の予約を参照)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="53"/>
        <source>Export the customer&apos;s data</source>
        <translation>お客様情報のエクスポート</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="55"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="90"/>
        <source>Saved: %1. Hand it to the customer only.</source>
        <translation>保存しました: %1。お客様ご本人にのみお渡しください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="115"/>
        <source>Consent recorded.</source>
        <translation>同意を記録しました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="123"/>
        <source>Erase customer</source>
        <translation>お客様情報の消去</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="124"/>
        <source>Erase %1? Everything held about this customer — profile, purchases, notes, items of interest, holds, consent — is deleted on the server and on every terminal. Do this only when the customer asked for it. It cannot be undone.</source>
        <translation>%1 様の情報を消去しますか？プロフィール・購入履歴・メモ・関心商品・取り置き・同意など、このお客様に関するすべての情報がサーバーとすべての端末から削除されます。お客様から依頼があった場合のみ行ってください。元に戻せません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="134"/>
        <source>Erase</source>
        <translation>消去</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="156"/>
        <source>The customer was erased.</source>
        <translation>お客様の情報を消去しました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="157"/>
        <source>The customer was erased everywhere.</source>
        <translation>お客様の情報をすべての場所から消去しました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="189"/>
        <source>Details corrected.</source>
        <translation>お客様情報を訂正しました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="211"/>
        <source>Customer saved.</source>
        <translation>お客様を登録しました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="638"/>
        <source>Note saved.</source>
        <translation>メモを保存しました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="664"/>
        <source>Item of interest saved.</source>
        <translation>関心商品を保存しました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="669"/>
        <source>Bought elsewhere</source>
        <translation>他店で購入済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="670"/>
        <source>No longer interested</source>
        <translation>興味がなくなった</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="671"/>
        <source>Too expensive</source>
        <translation>予算が合わない</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="675"/>
        <source>Dismiss item of interest</source>
        <translation>関心商品を取り下げ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="676"/>
        <source>Why is it no longer of interest?</source>
        <translation>取り下げの理由は?</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="689"/>
        <source>Item of interest dismissed.</source>
        <translation>関心商品を取り下げました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="699"/>
        <location filename="../../clienteling/ui/main_window.py" line="722"/>
        <source>Open a customer&apos;s profile first.</source>
        <translation>先にお客様のプロフィールを開いてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="751"/>
        <source>Requested — not confirmed until the server answers.</source>
        <translation>依頼しました — サーバーの回答まで未確定です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="794"/>
        <source>Revoke %1? It is signed out at once, and at its next contact with the server it erases the customer data and keys it holds. It cannot be undone: to use it again, register it anew.</source>
        <translation>%1 を登録解除しますか？すぐにサインアウトされ、次にサーバーに接続したときに、端末内のお客様データと鍵が消去されます。元に戻せません。再び使うには登録し直してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="797"/>
        <source>(no name)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="799"/>
        <source>This is the terminal you are using.</source>
        <translation>これは今使っている端末です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="801"/>
        <source>Revoke terminal</source>
        <translation>端末の登録解除</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="804"/>
        <source>Revoke</source>
        <translation>登録解除</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="824"/>
        <source>%1 was revoked.</source>
        <translation>%1 を登録解除しました。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/main_window.py" line="846"/>
        <source>%n follow-up(s) of this store are overdue.</source>
        <translation>
            <numerusform>この店舗の期限切れのフォローが%n件あります。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="856"/>
        <source>It is being sent to the server.</source>
        <translation>サーバーへ送信中です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="860"/>
        <source>Offline: it is kept on this terminal and sent when the connection is back.</source>
        <translation>オフラインのため端末に保存しました。接続が戻ると送信されます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="871"/>
        <source>Could not read that barcode: %1</source>
        <translation>バーコードを読み取れませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="880"/>
        <source>Unlock the terminal first.</source>
        <translation>先に端末のロックを解除してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="892"/>
        <source>That barcode is not a product or a loyalty card.</source>
        <translation>商品またはポイントカードのバーコードではありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="899"/>
        <source>Product %1 is not in this terminal&apos;s catalogue.</source>
        <translation>商品 %1 はこの端末のカタログにありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="925"/>
        <source>No customer with loyalty card %1 on this terminal.</source>
        <translation>この端末にカード番号 %1 のお客様はいません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="928"/>
        <source>No customer with loyalty card %1 on this terminal yet: it is still loading its data.</source>
        <translation>会員カード %1 のお客様はまだこの端末にいません。データを読み込み中です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="958"/>
        <source>Syncing…</source>
        <translation>同期中…</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="77"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="95"/>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="101"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="102"/>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="103"/>
        <source>Reject</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="104"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="144"/>
        <source>No message to review.</source>
        <translation>承認待ちのメッセージはありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="151"/>
        <source>%1 · by %2 · written by %3</source>
        <translation>%1 ・ %2 ・ 作成：%3</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="27"/>
        <source>Draft: waiting for a manager</source>
        <translation>下書き：マネージャーの承認待ち</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="28"/>
        <source>Approved: sent when it is due</source>
        <translation>承認済み：予定の日時に送信されます</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="29"/>
        <source>Being sent</source>
        <translation>送信中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="30"/>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="31"/>
        <source>Rejected by a manager</source>
        <translation>マネージャーが却下しました</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="32"/>
        <source>Not sent: no consent at send time</source>
        <translation>未送信：送信時に同意がありませんでした</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="33"/>
        <source>Sending failed</source>
        <translation>送信失敗</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="34"/>
        <source>Delivery unknown</source>
        <translation>配信状況不明</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="47"/>
        <source>a link to a cart of the items</source>
        <translation>商品を入れたカートへのリンク</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="50"/>
        <source>recommended: %1</source>
        <translation>おすすめ：%1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="56"/>
        <source>Added when it is sent: %1</source>
        <translation>送信時に追加：%1</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="104"/>
        <source>New customer</source>
        <translation>新規顧客</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="110"/>
        <source>News and offers by</source>
        <translation>お知らせ・ご案内の受け取り</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../clienteling/ui/note_editor.py" line="25"/>
        <source>Add note</source>
        <translation>メモを追加</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/note_editor.py" line="27"/>
        <source>Note for %1</source>
        <translation>%1 様へのメモ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/note_editor.py" line="30"/>
        <source>What should colleagues know next time?</source>
        <translation>次回の接客で共有したいことは？</translation>
    </message>
</context>
<context>
    <name>PendingDialog</name>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="36"/>
        <source>Changes not yet on the server</source>
        <translation>未送信の変更</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="45"/>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="46"/>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="47"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="48"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="49"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="57"/>
        <source>Dismiss rejected</source>
        <translation>却下を確認して削除</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="61"/>
        <source>Sync now</source>
        <translation>今すぐ同期</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="64"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/pending_dialog.py" line="92"/>
        <source>(%n attempt(s))</source>
        <translation>
            <numerusform>(%n 回試行)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/pending_dialog.py" line="114"/>
        <source>Offline: %n change(s) will be sent when the connection is back.</source>
        <translation>
            <numerusform>オフライン: %n 件の変更は接続が戻ると送信されます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/pending_dialog.py" line="122"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 件が送信待ち</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/pending_dialog.py" line="124"/>
        <source>%n rejected.</source>
        <translation>
            <numerusform>%n 件が却下されました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="110"/>
        <source>Everything is on the server.</source>
        <translation>すべてサーバーに送信済みです。</translation>
    </message>
</context>
<context>
    <name>ProductSearch</name>
    <message>
        <location filename="../../clienteling/ui/products/search.py" line="28"/>
        <source>Product name, kana, SKU or JAN</source>
        <translation>商品名・カナ・SKU・JAN</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/search.py" line="55"/>
        <source>Search the catalogue, or scan a product.</source>
        <translation>カタログを検索するか、商品をスキャンしてください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/products/search.py" line="57"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n 件の商品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/search.py" line="59"/>
        <source>No product matches.</source>
        <translation>該当する商品はありません。</translation>
    </message>
</context>
<context>
    <name>ProductView</name>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="52"/>
        <source>Log as interest</source>
        <translation>関心商品に記録</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="54"/>
        <source>Reserve here</source>
        <translation>この店で取り置き</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="59"/>
        <source>Stock</source>
        <translation>在庫</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="64"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="64"/>
        <source>Distance</source>
        <translation>距離</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="64"/>
        <source>Free</source>
        <translation>在庫あり</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="64"/>
        <source>Held</source>
        <translation>取り置き中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="71"/>
        <source>Goes well with</source>
        <translation>一緒におすすめ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="107"/>
        <source>Scan a product or search the catalogue.</source>
        <translation>商品をスキャンするか、カタログを検索してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="133"/>
        <source>For %1</source>
        <translation>%1 様</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="135"/>
        <source>Open a customer to log or reserve this product.</source>
        <translation>お客様を開くと、この商品の記録や取り置きができます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="148"/>
        <source>Category: %1</source>
        <translation>カテゴリ:%1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="152"/>
        <source>%1 — the same price in store, online and in the app</source>
        <translation>%1 — 店舗・オンライン・アプリ共通価格</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="164"/>
        <source>this store</source>
        <translation>この店舗</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="172"/>
        <source>Ask this store</source>
        <translation>この店舗に依頼</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="184"/>
        <source>Stock not synced yet</source>
        <translation>在庫はまだ同期されていません</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/products/view.py" line="186"/>
        <source>as of %1, %n min ago</source>
        <translation>
            <numerusform>%1 時点(%n 分前)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="204"/>
        <source>Show this product</source>
        <translation>この商品を表示</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="210"/>
        <source>Log</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="212"/>
        <source>Log as an item of interest of the open customer</source>
        <translation>開いているお客様の関心商品に記録</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="75"/>
        <source>Scan a loyalty card or search for a customer.</source>
        <translation>ポイントカードをスキャンするか、お客様を検索してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="101"/>
        <source>Add note</source>
        <translation>メモを追加</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="104"/>
        <source>Log item of interest</source>
        <translation>関心商品を記録</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="163"/>
        <location filename="../../clienteling/ui/profile.py" line="172"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="164"/>
        <location filename="../../clienteling/ui/profile.py" line="172"/>
        <location filename="../../clienteling/ui/profile.py" line="203"/>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="165"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="166"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="167"/>
        <location filename="../../clienteling/ui/profile.py" line="205"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="168"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="172"/>
        <source>What</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="172"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="204"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="182"/>
        <source>Show product</source>
        <translation>商品を表示</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="107"/>
        <source>News and offers…</source>
        <translation>お知らせの同意…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="109"/>
        <source>Ask and record what the customer agrees to</source>
        <translation>お客様に確認して同意を記録します</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="111"/>
        <source>Correct details…</source>
        <translation>情報を訂正…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="113"/>
        <source>Correct the name, reading, phone or email</source>
        <translation>氏名・よみがな・電話番号・メールを訂正します</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="115"/>
        <source>Export their data…</source>
        <translation>保有情報をエクスポート…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="118"/>
        <source>The customer asked what is held about them: a file to hand over</source>
        <translation>お客様から開示の請求があった場合に、お渡しするファイルを作成します</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="122"/>
        <source>Erase this customer…</source>
        <translation>お客様情報を消去…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="124"/>
        <source>The customer asked to be deleted: everywhere</source>
        <translation>お客様の依頼により、すべての場所から削除します</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="127"/>
        <source>Show contact details</source>
        <translation>連絡先を表示</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="129"/>
        <source>Shows the full phone number and email; recorded</source>
        <translation>電話番号とメールアドレスをすべて表示します（記録されます）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="185"/>
        <source>Dismiss…</source>
        <translation>取り下げ…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="202"/>
        <source>Due</source>
        <translation>予定日</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="206"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="221"/>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="316"/>
        <source>Tier: %1    Points: %2</source>
        <translation>ランク：%1    ポイント：%2</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="328"/>
        <source>Card %1</source>
        <translation>カード %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="331"/>
        <source>Birthday %1</source>
        <translation>誕生日 %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="332"/>
        <source>Home store: %1</source>
        <translation>ホーム店舗：%1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="357"/>
        <source>The server refused this new customer: %1</source>
        <translation>サーバーがこの新規顧客の登録を受け付けませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="362"/>
        <source>New customer, saved on this terminal: not on the server yet. Notes and items of interest can be added already.</source>
        <translation>新規顧客（この端末に保存済み・サーバー未送信）。メモや関心商品はすでに追加できます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="367"/>
        <source>This terminal is still loading its data: this customer&apos;s purchases, notes and items of interest may not all be here yet.</source>
        <translation>この端末はデータを読み込み中です。このお客様の購入履歴・メモ・関心商品がまだすべて表示されていない可能性があります。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="372"/>
        <source>Another profile of this customer was joined to this one: everything on it is shown here.</source>
        <translation>このお客様の別のプロフィールが統合されました。その内容もすべてここに表示されています。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="383"/>
        <source>Lifetime %1 over %2 orders</source>
        <translation>累計 %1（%2件の注文）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="392"/>
        <source>Mostly: %1</source>
        <translation>よく利用: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="395"/>
        <source>Likes: %1</source>
        <translation>好きなカテゴリ: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="397"/>
        <source>Sizes: %1</source>
        <translation>サイズ: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="399"/>
        <source>Open inquiries: %1</source>
        <translation>対応中の問い合わせ: %1件</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="406"/>
        <source>Last purchase: %1</source>
        <translation>最終購入: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="411"/>
        <source>Purchases (%1)</source>
        <translation>購入履歴（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="412"/>
        <source>Activity (%1)</source>
        <translation>行動履歴（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="413"/>
        <source>Interests (%1)</source>
        <translation>関心商品（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="414"/>
        <source>Notes (%1)</source>
        <translation>メモ（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="415"/>
        <source>Reservations (%1)</source>
        <translation>取り置き（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="416"/>
        <source>Follow-ups (%1)</source>
        <translation>フォローアップ（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="431"/>
        <source>No consent recorded</source>
        <translation>同意の記録はありません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="441"/>
        <source>granted</source>
        <translation>同意あり</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="441"/>
        <source>withdrawn</source>
        <translation>同意撤回</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="513"/>
        <source>Category: %1</source>
        <translation>カテゴリ：%1</translation>
    </message>
</context>
<context>
    <name>ReservationTable</name>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="30"/>
        <source>%1 sent — not confirmed</source>
        <translation>%1 送信済み — 未確定</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="51"/>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="52"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="53"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="54"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="55"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="56"/>
        <source>Until</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="59"/>
        <source>Customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="143"/>
        <source>Free elsewhere:</source>
        <translation>他店の在庫:</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="147"/>
        <source>Ask %1 (%2 free%3)</source>
        <translation>%1 に依頼(在庫 %2%3)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="161"/>
        <source>Open customer</source>
        <translation>お客様を開く</translation>
    </message>
</context>
<context>
    <name>ReserveDialog</name>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="42"/>
        <source>Reserve</source>
        <translation>取り置き</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="47"/>
        <source>%1 for %2</source>
        <translation>%1 — %2 様</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/dialog.py" line="53"/>
        <source>Hold here (%n free)</source>
        <translation>
            <numerusform>この店で取り置き(在庫 %n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="55"/>
        <source>Pickup here (ordered online or by phone)</source>
        <translation>この店で受け取り(オンライン・電話注文)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/dialog.py" line="60"/>
        <source>Transfer from %1 (%2 km, %n free)</source>
        <translation>
            <numerusform>%1 から取り寄せ(%2 km、在庫 %n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="72"/>
        <source>The server confirms or refuses the request; until then it shows as requested — not confirmed.</source>
        <translation>依頼の可否はサーバーが決めます。回答までは「依頼中 — 未確定」と表示されます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="80"/>
        <source>Reservation</source>
        <translation>予約</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="81"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="82"/>
        <source>Price each</source>
        <translation>単価</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="89"/>
        <source>Request</source>
        <translation>依頼する</translation>
    </message>
</context>
<context>
    <name>ScanChoiceDialog</name>
    <message>
        <location filename="../../clienteling/ui/products/scan_choice.py" line="20"/>
        <source>Scanned product</source>
        <translation>スキャンした商品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/scan_choice.py" line="24"/>
        <source>%1
for %2</source>
        <translation>%1
%2 様</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/scan_choice.py" line="32"/>
        <source>Log as interest</source>
        <translation>関心商品に記録</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/scan_choice.py" line="33"/>
        <source>Reserve</source>
        <translation>取り置き</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/scan_choice.py" line="34"/>
        <source>Stock and details</source>
        <translation>在庫と詳細</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../clienteling/ui/search.py" line="50"/>
        <source>Search: name, kana, romaji, phone, email or card</source>
        <translation>検索：氏名・カナ・ローマ字・電話番号・メール・カード番号</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../clienteling/ui/search.py" line="156"/>
        <source>new, not synced yet</source>
        <translation>新規・未同期</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/search.py" line="158"/>
        <source>new, refused by the server</source>
        <translation>新規・サーバーが拒否</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/search.py" line="200"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 人のお客様</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="264"/>
        <source>Exporting a customer&apos;s data needs the server: this terminal is offline.</source>
        <translation>お客様情報のエクスポートにはサーバー接続が必要です。この端末はオフラインです。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="269"/>
        <source>Only a manager can export a customer&apos;s data.</source>
        <translation>お客様情報のエクスポートは店長のみ行えます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="273"/>
        <source>The file could not be written there: choose another place.</source>
        <translation>そこにはファイルを保存できません。別の場所を選んでください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="278"/>
        <source>Erasing a customer needs the server: this terminal is offline.</source>
        <translation>お客様情報の消去にはサーバー接続が必要です。この端末はオフラインです。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="282"/>
        <source>Only a manager can erase a customer.</source>
        <translation>お客様情報の消去は店長のみ行えます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="286"/>
        <source>The audit trail needs the server: this terminal is offline.</source>
        <translation>操作ログの表示にはサーバー接続が必要です。この端末はオフラインです。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="290"/>
        <source>Only a manager can read the audit trail.</source>
        <translation>操作ログは店長のみ表示できます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="293"/>
        <source>The dashboard needs the server: this terminal is offline.</source>
        <translation>成果の表示にはサーバーへの接続が必要です（この端末はオフラインです）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="296"/>
        <source>Only a manager sees the dashboard.</source>
        <translation>成果はマネージャーのみ表示できます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="299"/>
        <source>Messages need the server: this terminal is offline.</source>
        <translation>メッセージにはサーバーへの接続が必要です（この端末はオフラインです）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="302"/>
        <source>A message needs a text.</source>
        <translation>メッセージの本文を入力してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="305"/>
        <source>The message is too long.</source>
        <translation>メッセージが長すぎます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="309"/>
        <source>No customer found yet: this terminal is still loading its data.</source>
        <translation>まだ見つかりません。この端末はデータを読み込み中です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="313"/>
        <source>This is not a phone number.</source>
        <translation>電話番号として正しくありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="316"/>
        <source>This is not an email address.</source>
        <translation>メールアドレスとして正しくありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="320"/>
        <source>Give a phone number or an email address, so the customer can be found again.</source>
        <translation>次回もお客様を検索できるよう、電話番号かメールアドレスを入力してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="325"/>
        <source>This consent channel is not offered at the counter.</source>
        <translation>この連絡方法の同意は店頭では受け付けていません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="328"/>
        <source>Email marketing needs an email address.</source>
        <translation>メールでのご案内にはメールアドレスが必要です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="331"/>
        <source>Messages by SMS or LINE need a phone number.</source>
        <translation>SMS・LINEでのご案内には電話番号が必要です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="334"/>
        <source>This customer cannot be saved: check the fields.</source>
        <translation>このお客様は保存できません。入力内容を確認してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="337"/>
        <source>Only a manager can review duplicate profiles.</source>
        <translation>重複プロフィールの確認は店長のみ行えます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="341"/>
        <source>Reviewing duplicates needs the server: this terminal is offline.</source>
        <translation>重複の確認にはサーバー接続が必要です。この端末はオフラインです。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="347"/>
        <source>The terminal list needs the server: this terminal is offline.</source>
        <translation>端末の一覧にはサーバーへの接続が必要です。この端末は現在オフラインです。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="351"/>
        <source>Only a manager can see and revoke terminals.</source>
        <translation>端末の表示と登録解除ができるのはマネージャーだけです。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="354"/>
        <source>No terminal of this store has this id.</source>
        <translation>この店舗にこの ID の端末はありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="357"/>
        <source>Sign-in failed: check the staff code (or badge) and the PIN.</source>
        <translation>サインインできませんでした。スタッフコード（またはバッジ）とPINを確認してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="361"/>
        <source>Registration refused: only a manager of this store can register a terminal, with their staff code and PIN.</source>
        <translation>登録できませんでした。端末を登録できるのは、この店舗のマネージャーがスタッフコードとPINを入力した場合だけです。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="366"/>
        <source>No customer found</source>
        <translation>該当するお客様はいません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="367"/>
        <source>Type at least 2 characters</source>
        <translation>2文字以上入力してください</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="370"/>
        <source>Type a name, phone number, email or card number</source>
        <translation>氏名・電話番号・メール・カード番号を入力してください</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="373"/>
        <source>That is a product barcode, not a loyalty card</source>
        <translation>ポイントカードではなく商品のバーコードです</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="376"/>
        <source>Nothing was scanned.</source>
        <translation>何もスキャンされませんでした。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="379"/>
        <source>Scan or type a product code, or choose a category.</source>
        <translation>商品コードをスキャン・入力するか、カテゴリを選んでください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="382"/>
        <source>Scan or type a product code.</source>
        <translation>商品コードをスキャンまたは入力してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="385"/>
        <source>That is a loyalty card, not a product: scan the product.</source>
        <translation>商品ではなくポイントカードです。商品をスキャンしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="388"/>
        <source>The scanner sent no code: scan again.</source>
        <translation>スキャナーからコードが届きませんでした。もう一度スキャンしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="391"/>
        <source>This GS1 barcode could not be read: scan again.</source>
        <translation>このGS1バーコードを読み取れませんでした。もう一度スキャンしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="394"/>
        <source>This GS1 barcode holds no data.</source>
        <translation>このGS1バーコードにはデータがありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="397"/>
        <source>This barcode holds no product code.</source>
        <translation>このバーコードには商品コードがありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="401"/>
        <source>This customer is not in the local cache: search for them again.</source>
        <translation>このお客様は端末のデータにありません。もう一度検索してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="405"/>
        <source>This is not a barcode.</source>
        <translation>バーコードではありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="408"/>
        <source>This is not a barcode: the code is all zeros.</source>
        <translation>バーコードではありません（すべて0です）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="411"/>
        <source>This is not a barcode: the text is far too long.</source>
        <translation>バーコードではありません（長すぎます）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="414"/>
        <source>This item of interest cannot be saved: check the code.</source>
        <translation>この関心商品は保存できません。コードを確認してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="417"/>
        <source>This note cannot be saved: the customer id is not valid.</source>
        <translation>このメモは保存できません（顧客IDが正しくありません）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="420"/>
        <source>This follow-up is not open on this terminal.</source>
        <translation>このフォローはこの端末では未完了の状態ではありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="423"/>
        <source>This follow-up belongs to a colleague; ask a manager.</source>
        <translation>このフォローは他のスタッフの担当です。店長に依頼してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="426"/>
        <source>Put a follow-up off to a time ahead, at most 90 days.</source>
        <translation>延期先は今より後、90日以内にしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="430"/>
        <source>Say what was done: message sent, called, visited, not interested.</source>
        <translation>対応内容（メッセージ送信・電話・来店・興味なし）を選んでください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="434"/>
        <source>The note is too long (at most 2,000 characters).</source>
        <translation>メモが長すぎます（2,000文字まで）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="437"/>
        <source>Only a manager gives a follow-up to a colleague.</source>
        <translation>担当の変更は店長のみが行えます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="440"/>
        <source>Choose a colleague of this store.</source>
        <translation>この店舗のスタッフを選んでください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="446"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="447"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="448"/>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="449"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="450"/>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="451"/>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="452"/>
        <source>Family name reading</source>
        <translation>姓のフリガナ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="455"/>
        <source>Given name reading</source>
        <translation>名のフリガナ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="458"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="459"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="460"/>
        <source>phone number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="461"/>
        <source>email address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="470"/>
        <source>Too many failed sign-ins: sign-in is paused. Try again in %1 min.</source>
        <translation>サインインの失敗が続いたため、一時的に停止しています。%1 分後にもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="477"/>
        <source>Search text is too long (max %1)</source>
        <translation>検索文字が長すぎます（最大 %1 文字）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="481"/>
        <source>No product with code %1 in the catalogue.</source>
        <translation>コード %1 の商品はカタログにありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="487"/>
        <source>Product %1 is not in the catalogue.</source>
        <translation>商品 %1 はカタログにありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="493"/>
        <source>The check digit of product code %1 does not match: scan again.</source>
        <translation>商品コード %1 のチェックデジットが一致しません。もう一度スキャンしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="499"/>
        <source>The check digit of %1 does not match: scan again or type the code.</source>
        <translation>%1 のチェックデジットが一致しません。もう一度スキャンするか、コードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="506"/>
        <source>This is not a product or card barcode: it has %1 digits (expected 8, 12, 13 or 14).</source>
        <translation>商品・カードのバーコードではありません：%1 桁です（8・12・13・14桁のはずです）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="513"/>
        <source>%1 is empty.</source>
        <translation>%1が空です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="517"/>
        <source>%1 is too long: %2 characters, the limit is %3.</source>
        <translation>%1が長すぎます：%2 文字（上限 %3 文字）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="523"/>
        <source>%1 must be text.</source>
        <translation>%1は文字で入力してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="527"/>
        <source>%1 must be written in kana.</source>
        <translation>%1はかなで入力してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="531"/>
        <source>Another customer already has this %1.</source>
        <translation>この%1は別のお客様が登録済みです。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="48"/>
        <source>Register this terminal</source>
        <translation>端末の登録</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="48"/>
        <source>Staff sign-in</source>
        <translation>スタッフのサインイン</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="52"/>
        <source>A manager registers this terminal to a store once.</source>
        <translation>店長がこの端末を店舗に一度だけ登録します。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="54"/>
        <source>Sign in with your staff code and PIN.</source>
        <translation>スタッフコードとPINでサインインしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="72"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="75"/>
        <source>Staff code</source>
        <translation>スタッフコード</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="76"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="98"/>
        <source>Badge %1 read: enter your PIN.</source>
        <translation>バッジ %1 を読み取りました。PIN を入力してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="110"/>
        <source>That barcode is not a staff badge.</source>
        <translation>このバーコードはスタッフバッジではありません。</translation>
    </message>
</context>
<context>
    <name>StoreListsView</name>
    <message>
        <location filename="../../clienteling/ui/reservations/lists.py" line="32"/>
        <source>This store&apos;s reservations</source>
        <translation>この店舗の予約</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="67"/>
        <source>Open (%n)</source>
        <translation>
            <numerusform>未完了(%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="68"/>
        <source>Pickups (%n)</source>
        <translation>
            <numerusform>受け取り(%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="69"/>
        <source>Expiring soon (%n)</source>
        <translation>
            <numerusform>まもなく期限(%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="73"/>
        <source>Waiting for the server (%n)</source>
        <translation>
            <numerusform>サーバーの回答待ち(%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="78"/>
        <source>Transfers in (%n)</source>
        <translation>
            <numerusform>取り寄せ・入荷(%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="83"/>
        <source>Transfers out (%n)</source>
        <translation>
            <numerusform>取り寄せ・出荷(%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="92"/>
        <source>Notices (%n)</source>
        <translation>
            <numerusform>お知らせ(%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../clienteling/ui/submit_dialog.py" line="28"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/submit_dialog.py" line="33"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/submit_dialog.py" line="51"/>
        <source>A barcode was scanned: it was not added here. Close this window to use the scanner.</source>
        <translation>バーコードがスキャンされましたが、ここには入力していません。スキャナーを使うにはこの画面を閉じてください。</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="29"/>
        <source>Starting…</source>
        <translation>起動中…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="47"/>
        <source>Loading this store&apos;s data…</source>
        <translation>店舗データを読み込み中…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="49"/>
        <source>Downloading this store&apos;s data</source>
        <translation>店舗データをダウンロード中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="51"/>
        <source>Loading this store&apos;s data</source>
        <translation>店舗データを読み込み中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="56"/>
        <source>(%1 of %2 records)</source>
        <translation>（%2 件中 %1 件）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/sync_indicator.py" line="61"/>
        <source>about %n min left</source>
        <translation>
            <numerusform>残り約 %n 分</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="63"/>
        <source>less than a minute left</source>
        <translation>残り1分未満</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="70"/>
        <source>Syncing</source>
        <translation>同期中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="72"/>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="74"/>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="77"/>
        <source>%1 pending</source>
        <translation>同期待ち %1 件</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="79"/>
        <source>all saved</source>
        <translation>すべて保存済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="81"/>
        <source>%1 rejected</source>
        <translation>却下 %1 件</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="86"/>
        <source>last sync %1</source>
        <translation>最終同期 %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="88"/>
        <source>not synced yet</source>
        <translation>未同期</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="90"/>
        <source>Tap to see pending and rejected changes</source>
        <translation>タップすると同期待ち・却下された変更を表示します</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="92"/>
        <source>Last problem: %1</source>
        <translation>直近の問題：%1</translation>
    </message>
</context>
</TS>
