<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <location filename="../../clienteling/app.py" line="173"/>
        <source>Local data could not be read</source>
        <translation>端末内のデータを読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="174"/>
        <source>The local data on this terminal was damaged or its key was lost. It was moved aside to %1 and will be downloaded again from the server.</source>
        <translation>この端末のデータが破損しているか、暗号鍵が失われています。データは %1 に退避しました。サーバーから再度ダウンロードします。</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="235"/>
        <source>The server cannot be reached, so no one else can sign in now. Try again when this terminal is online.</source>
        <translation>サーバーに接続できないため、今は別のスタッフがサインインできません。端末がオンラインになってから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="340"/>
        <source>Clienteling cannot start</source>
        <translation>クライアンテリングを起動できません</translation>
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
        <location filename="../../clienteling/ui/labels.py" line="16"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="17"/>
        <source>Online shop</source>
        <translation>オンラインショップ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="18"/>
        <source>App</source>
        <translation>アプリ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="19"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="20"/>
        <source>Web</source>
        <translation>ウェブ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="21"/>
        <source>SNS</source>
        <translation>SNS</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="22"/>
        <source>Support</source>
        <translation>サポート</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="23"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="24"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="25"/>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="26"/>
        <source>App push</source>
        <translation>アプリ通知</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="27"/>
        <source>Post</source>
        <translation>郵送</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="31"/>
        <source>Marketing</source>
        <translation>販促</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="32"/>
        <source>Service</source>
        <translation>サービス連絡</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="33"/>
        <source>Profiling</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="37"/>
        <source>Open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="38"/>
        <source>Purchased</source>
        <translation>購入済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="39"/>
        <source>Dismissed</source>
        <translation>見送り</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="40"/>
        <source>Confirmed</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="41"/>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="42"/>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="43"/>
        <source>Fulfilled</source>
        <translation>受け渡し済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="44"/>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="45"/>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="46"/>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="47"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="48"/>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="49"/>
        <source>Paid</source>
        <translation>支払済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="50"/>
        <source>Shipped</source>
        <translation>発送済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="51"/>
        <source>Delivered</source>
        <translation>配達済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="52"/>
        <source>Returned</source>
        <translation>返品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="53"/>
        <source>Picked up in store</source>
        <translation>店舗で受取済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="54"/>
        <source>Pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="55"/>
        <source>Applied</source>
        <translation>反映済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="59"/>
        <source>Hold</source>
        <translation>取り置き</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="60"/>
        <source>Pickup</source>
        <translation>店舗受取</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="61"/>
        <source>Transfer</source>
        <translation>店舗間移動</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="62"/>
        <source>After visit</source>
        <translation>来店後フォロー</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="63"/>
        <source>Occasion</source>
        <translation>記念日</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="64"/>
        <source>Custom</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="65"/>
        <source>Viewed</source>
        <translation>閲覧</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="66"/>
        <source>Added to cart</source>
        <translation>カート追加</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="67"/>
        <source>Inquiry</source>
        <translation>問い合わせ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="68"/>
        <source>Opened</source>
        <translation>開封</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="69"/>
        <source>Clicked</source>
        <translation>クリック</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="70"/>
        <source>Reacted</source>
        <translation>反応</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="74"/>
        <source>Regular</source>
        <translation>レギュラー</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="75"/>
        <source>Standard</source>
        <translation>スタンダード</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="76"/>
        <source>Bronze</source>
        <translation>ブロンズ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="77"/>
        <source>Silver</source>
        <translation>シルバー</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="78"/>
        <source>Gold</source>
        <translation>ゴールド</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="79"/>
        <source>Platinum</source>
        <translation>プラチナ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="83"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="84"/>
        <source>Item of interest</source>
        <translation>関心商品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="85"/>
        <source>Interest change</source>
        <translation>関心商品の変更</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="86"/>
        <source>New customer</source>
        <translation>新規顧客</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="87"/>
        <source>Customer change</source>
        <translation>顧客情報の変更</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="88"/>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="89"/>
        <source>Reservation request</source>
        <translation>取り置き依頼</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="90"/>
        <source>Follow-up</source>
        <translation>フォローアップ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="94"/>
        <source>the data was not valid</source>
        <translation>データが正しくありません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="95"/>
        <source>the server does not know this change</source>
        <translation>サーバーが対応していない変更です</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="98"/>
        <source>the customer or product no longer exists</source>
        <translation>顧客または商品が存在しません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="101"/>
        <source>not allowed for your role or store</source>
        <translation>この役割・店舗では許可されていません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="102"/>
        <source>the customer has not agreed to this channel</source>
        <translation>お客様がこの連絡手段に同意していません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="105"/>
        <source>not enough stock</source>
        <translation>在庫が足りません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="106"/>
        <source>the request was too old</source>
        <translation>依頼が古すぎます</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="107"/>
        <source>the record changed and no longer allows this</source>
        <translation>データが変更され、この操作はできません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="150"/>
        <source>pending sync</source>
        <translation>同期待ち</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="155"/>
        <source>rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="156"/>
        <source>rejected: %1</source>
        <translation>却下：%1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="160"/>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="70"/>
        <source>Clienteling</source>
        <translation>クライアンテリング</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="75"/>
        <source>Switch staff</source>
        <translation>スタッフ切替</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="77"/>
        <source>A colleague signs in at this terminal</source>
        <translation>別のスタッフがこの端末にサインインします</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="158"/>
        <source>%1 is now signed in at this terminal.</source>
        <translation>%1 さんがこの端末にサインインしました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="182"/>
        <source>This customer is not in this terminal&apos;s data yet.</source>
        <translation>このお客様はまだこの端末のデータにありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="197"/>
        <source>This customer is no longer available.</source>
        <translation>このお客様のデータは利用できなくなりました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="242"/>
        <source>Note saved.</source>
        <translation>メモを保存しました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="263"/>
        <source>Item of interest saved.</source>
        <translation>関心商品を保存しました。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="272"/>
        <source>It is being sent to the server.</source>
        <translation>サーバーへ送信中です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="276"/>
        <source>Offline: it is kept on this terminal and sent when the connection is back.</source>
        <translation>オフラインのため端末に保存しました。接続が戻ると送信されます。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="287"/>
        <source>Could not read that barcode: %1</source>
        <translation>バーコードを読み取れませんでした：%1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="300"/>
        <source>That barcode is not a product or a loyalty card.</source>
        <translation>商品またはポイントカードのバーコードではありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="306"/>
        <source>Open a customer&apos;s profile first to log this product as an interest.</source>
        <translation>関心商品として記録するには、先にお客様のプロフィールを開いてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="320"/>
        <source>No customer with loyalty card %1 on this terminal.</source>
        <translation>この端末にカード番号 %1 のお客様はいません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="348"/>
        <source>Syncing…</source>
        <translation>同期中…</translation>
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
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="92"/>
        <source>(%1 attempts)</source>
        <translation>（%1 回試行）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="110"/>
        <source>Everything is on the server.</source>
        <translation>すべてサーバーに送信済みです。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="113"/>
        <source>Offline: %1 change(s) will be sent when the connection is back.</source>
        <translation>オフライン：接続が戻ると %1 件の変更を送信します。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="119"/>
        <source>%1 change(s) waiting, %2 rejected.</source>
        <translation>送信待ち %1 件、却下 %2 件。</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="55"/>
        <source>Scan a loyalty card or search for a customer.</source>
        <translation>ポイントカードをスキャンするか、お客様を検索してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="74"/>
        <source>Add note</source>
        <translation>メモを追加</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="77"/>
        <source>Log item of interest</source>
        <translation>関心商品を記録</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="103"/>
        <location filename="../../clienteling/ui/profile.py" line="112"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="104"/>
        <location filename="../../clienteling/ui/profile.py" line="112"/>
        <location filename="../../clienteling/ui/profile.py" line="129"/>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="105"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="106"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="107"/>
        <location filename="../../clienteling/ui/profile.py" line="122"/>
        <location filename="../../clienteling/ui/profile.py" line="131"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="108"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="112"/>
        <source>What</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="112"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="118"/>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="119"/>
        <location filename="../../clienteling/ui/profile.py" line="130"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="120"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="121"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="123"/>
        <source>Expires</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="128"/>
        <source>Due</source>
        <translation>予定日</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="132"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="147"/>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="192"/>
        <source>Tier: %1    Points: %2</source>
        <translation>ランク：%1    ポイント：%2</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="199"/>
        <source>Card %1</source>
        <translation>カード %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="202"/>
        <source>Birthday %1</source>
        <translation>誕生日 %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="203"/>
        <source>Home store: %1</source>
        <translation>ホーム店舗：%1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="223"/>
        <source>Purchases (%1)</source>
        <translation>購入履歴（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="224"/>
        <source>Activity (%1)</source>
        <translation>行動履歴（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="225"/>
        <source>Interests (%1)</source>
        <translation>関心商品（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="226"/>
        <source>Notes (%1)</source>
        <translation>メモ（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="227"/>
        <source>Reservations (%1)</source>
        <translation>取り置き（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="228"/>
        <source>Follow-ups (%1)</source>
        <translation>フォローアップ（%1）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="243"/>
        <source>No consent recorded</source>
        <translation>同意の記録はありません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="253"/>
        <source>granted</source>
        <translation>同意あり</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="253"/>
        <source>withdrawn</source>
        <translation>同意撤回</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="312"/>
        <source>Category: %1</source>
        <translation>カテゴリ：%1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="333"/>
        <source>requested — not confirmed</source>
        <translation>依頼済み — 未確定</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../clienteling/ui/search.py" line="46"/>
        <source>Search: name, kana, romaji, phone, email or card</source>
        <translation>検索：氏名・カナ・ローマ字・電話番号・メール・カード番号</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="179"/>
        <source>No customer found</source>
        <translation>該当するお客様はいません</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="180"/>
        <source>Type at least 2 characters</source>
        <translation>2文字以上入力してください</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="183"/>
        <source>Type a name, phone number, email or card number</source>
        <translation>氏名・電話番号・メール・カード番号を入力してください</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="186"/>
        <source>That is a product barcode, not a loyalty card</source>
        <translation>ポイントカードではなく商品のバーコードです</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="189"/>
        <source>Nothing was scanned.</source>
        <translation>何もスキャンされませんでした。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="192"/>
        <source>Scan or type a product code, or choose a category.</source>
        <translation>商品コードをスキャン・入力するか、カテゴリを選んでください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="195"/>
        <source>Scan or type a product code.</source>
        <translation>商品コードをスキャンまたは入力してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="198"/>
        <source>That is a loyalty card, not a product: scan the product.</source>
        <translation>商品ではなくポイントカードです。商品をスキャンしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="201"/>
        <source>The scanner sent no code: scan again.</source>
        <translation>スキャナーからコードが届きませんでした。もう一度スキャンしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="204"/>
        <source>This GS1 barcode could not be read: scan again.</source>
        <translation>このGS1バーコードを読み取れませんでした。もう一度スキャンしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="207"/>
        <source>This GS1 barcode holds no data.</source>
        <translation>このGS1バーコードにはデータがありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="210"/>
        <source>This barcode holds no product code.</source>
        <translation>このバーコードには商品コードがありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="214"/>
        <source>This customer is not in the local cache: search for them again.</source>
        <translation>このお客様は端末のデータにありません。もう一度検索してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="218"/>
        <source>This is not a barcode.</source>
        <translation>バーコードではありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="221"/>
        <source>This is not a barcode: the code is all zeros.</source>
        <translation>バーコードではありません（すべて0です）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="224"/>
        <source>This is not a barcode: the text is far too long.</source>
        <translation>バーコードではありません（長すぎます）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="227"/>
        <source>This item of interest cannot be saved: check the code.</source>
        <translation>この関心商品は保存できません。コードを確認してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="230"/>
        <source>This note cannot be saved: the customer id is not valid.</source>
        <translation>このメモは保存できません（顧客IDが正しくありません）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="236"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="237"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="238"/>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="245"/>
        <source>Search text is too long (max %1)</source>
        <translation>検索文字が長すぎます（最大 %1 文字）</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="249"/>
        <source>No product with code %1 in the catalogue.</source>
        <translation>コード %1 の商品はカタログにありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="255"/>
        <source>Product %1 is not in the catalogue.</source>
        <translation>商品 %1 はカタログにありません。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="261"/>
        <source>The check digit of product code %1 does not match: scan again.</source>
        <translation>商品コード %1 のチェックデジットが一致しません。もう一度スキャンしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="267"/>
        <source>The check digit of %1 does not match: scan again or type the code.</source>
        <translation>%1 のチェックデジットが一致しません。もう一度スキャンするか、コードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="274"/>
        <source>This is not a product or card barcode: it has %1 digits (expected 8, 12, 13 or 14).</source>
        <translation>商品・カードのバーコードではありません：%1 桁です（8・12・13・14桁のはずです）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="281"/>
        <source>%1 is empty.</source>
        <translation>%1が空です。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="285"/>
        <source>%1 is too long: %2 characters, the limit is %3.</source>
        <translation>%1が長すぎます：%2 文字（上限 %3 文字）。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="291"/>
        <source>%1 must be text.</source>
        <translation>%1は文字で入力してください。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="43"/>
        <source>Register this terminal</source>
        <translation>端末の登録</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="43"/>
        <source>Staff sign-in</source>
        <translation>スタッフのサインイン</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="47"/>
        <source>A manager registers this terminal to a store once.</source>
        <translation>店長がこの端末を店舗に一度だけ登録します。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="49"/>
        <source>Sign in with your staff code and PIN.</source>
        <translation>スタッフコードとPINでサインインしてください。</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="65"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="68"/>
        <source>Staff code</source>
        <translation>スタッフコード</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="69"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../clienteling/ui/submit_dialog.py" line="23"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/submit_dialog.py" line="28"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="27"/>
        <source>Starting…</source>
        <translation>起動中…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="44"/>
        <source>Syncing</source>
        <translation>同期中</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="46"/>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="48"/>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="51"/>
        <source>%1 pending</source>
        <translation>同期待ち %1 件</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="53"/>
        <source>all saved</source>
        <translation>すべて保存済み</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="55"/>
        <source>%1 rejected</source>
        <translation>却下 %1 件</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="57"/>
        <source>last sync %1</source>
        <translation>最終同期 %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="59"/>
        <source>not synced yet</source>
        <translation>未同期</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="61"/>
        <source>Tap to see pending and rejected changes</source>
        <translation>タップすると同期待ち・却下された変更を表示します</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="63"/>
        <source>Last problem: %1</source>
        <translation>直近の問題：%1</translation>
    </message>
</context>
</TS>
