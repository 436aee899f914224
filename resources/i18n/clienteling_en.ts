<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../clienteling/app.py" line="204"/>
        <source>Local data could not be read</source>
        <translation>Local data could not be read</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="205"/>
        <source>The local data on this terminal was damaged or its key was lost. It was moved aside to %1 and will be downloaded again from the server.</source>
        <translation>The local data on this terminal was damaged or its key was lost. It was moved aside to %1 and will be downloaded again from the server.</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="341"/>
        <source>The server cannot be reached, so no one else can sign in now. Try again when this terminal is online.</source>
        <translation>The server cannot be reached, so no one else can sign in now. Try again when this terminal is online.</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="406"/>
        <source>This terminal was offline too long</source>
        <translation>This terminal was offline too long</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="407"/>
        <source>This terminal has not reached the server for longer than the chain allows, so the customer data and the sign-in keys on it have been erased. To use it again, a manager registers it anew.</source>
        <translation>This terminal has not reached the server for longer than the chain allows, so the customer data and the sign-in keys on it have been erased. To use it again, a manager registers it anew.</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="417"/>
        <source>This terminal was removed</source>
        <translation>This terminal was removed</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="418"/>
        <source>A manager removed this terminal from the store. The customer data and the sign-in keys on it have been erased. To use it again, a manager registers it anew.</source>
        <translation>A manager removed this terminal from the store. The customer data and the sign-in keys on it have been erased. To use it again, a manager registers it anew.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/app.py" line="433"/>
        <source>This terminal has not reached the server for more than %n day(s): sign in again (this needs the server) to use it.</source>
        <translation>
            <numerusform>This terminal has not reached the server for more than %n day: sign in again (this needs the server) to use it.</numerusform>
            <numerusform>This terminal has not reached the server for more than %n days: sign in again (this needs the server) to use it.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="468"/>
        <source>This computer has no OS keyring (Secret Service, Keychain or Credential Manager), so this terminal&apos;s keys could only be kept in a file beside its data. That is not allowed with a real server: set up a keyring, or start with --allow-file-secrets on a demo or test machine.</source>
        <translation>This computer has no OS keyring (Secret Service, Keychain or Credential Manager), so this terminal&apos;s keys could only be kept in a file beside its data. That is not allowed with a real server: set up a keyring, or start with --allow-file-secrets on a demo or test machine.</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="575"/>
        <source>Clienteling cannot start</source>
        <translation>Clienteling cannot start</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../clienteling/ui/followups/dialogs.py" line="72"/>
        <source>Give to a colleague</source>
        <translation>Give to a colleague</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/dialogs.py" line="74"/>
        <source>Who follows up %1?</source>
        <translation>Who follows up %1?</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../clienteling/ui/audit/page.py" line="84"/>
        <source>The trail is intact: %1 events checked.</source>
        <translation>The trail is intact: %1 events checked.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/page.py" line="87"/>
        <source>The trail was tampered with: %1 problem(s) found. Tell the administrator.</source>
        <translation>The trail was tampered with: %1 problem(s) found. Tell the administrator.</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="38"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="45"/>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="46"/>
        <source>Profiles opened</source>
        <translation>Profiles opened</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="47"/>
        <source>Searches</source>
        <translation>Searches</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="48"/>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="49"/>
        <source>Contact details revealed</source>
        <translation>Contact details revealed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="50"/>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="58"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="59"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="60"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="61"/>
        <source>Last year</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="73"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="74"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="75"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="76"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="77"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="84"/>
        <source>Older events</source>
        <translation>Older events</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="88"/>
        <source>Check the trail is intact</source>
        <translation>Check the trail is intact</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="91"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="125"/>
        <source>(another region)</source>
        <translation>(another region)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/audit/view.py" line="131"/>
        <source>Nothing in this period.</source>
        <translation>Nothing in this period.</translation>
    </message>
</context>
<context>
    <name>ConsentChoices</name>
    <message>
        <location filename="../../clienteling/ui/widgets/consent.py" line="14"/>
        <source>Email</source>
        <translation>Email</translation>
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
        <translation>Ask the customer: “May we send you news and offers from our shops on the channels ticked? You can stop them at any time.” Tick only what they agree to.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../clienteling/ui/consent_dialog.py" line="29"/>
        <source>News and offers</source>
        <translation>News and offers</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/consent_dialog.py" line="32"/>
        <source>What %1 agrees to receive news and offers by</source>
        <translation>What %1 agrees to receive news and offers by</translation>
    </message>
</context>
<context>
    <name>CorrectDetailsDialog</name>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="168"/>
        <source>Correct details</source>
        <translation>Correct details</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="177"/>
        <source>unchanged (left blank)</source>
        <translation>unchanged (left blank)</translation>
    </message>
</context>
<context>
    <name>CustomerDetails</name>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="52"/>
        <source>e.g. 山田</source>
        <translation>e.g. 山田</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="55"/>
        <source>e.g. 花子</source>
        <translation>e.g. 花子</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="58"/>
        <source>e.g. やまだ</source>
        <translation>e.g. やまだ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="61"/>
        <source>e.g. はなこ</source>
        <translation>e.g. はなこ</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="64"/>
        <source>e.g. 090-1234-5678</source>
        <translation>e.g. 090-1234-5678</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="67"/>
        <source>e.g. hanako@example.jp</source>
        <translation>e.g. hanako@example.jp</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="77"/>
        <source>Name (family, given)</source>
        <translation>Name (family, given)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="79"/>
        <source>Reading (kana)</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="80"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="81"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="36"/>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="37"/>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="38"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="39"/>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="40"/>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="44"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="45"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="46"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="47"/>
        <source>Messages sent</source>
        <translation>Messages sent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="48"/>
        <source>Blocked (no consent)</source>
        <translation>Blocked (no consent)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="49"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="50"/>
        <source>Clicked</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="51"/>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="52"/>
        <source>Attributed revenue</source>
        <translation>Attributed revenue</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="79"/>
        <source>%1/%2</source>
        <translation>&apos;%1/%2</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="105"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="107"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="148"/>
        <source>Staff member</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="185"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="201"/>
        <source>Follow-up results: %1 (%2 – %3)</source>
        <translation>Follow-up results: %1 (%2 – %3)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="208"/>
        <source>No sale credited to a follow-up in this period yet.</source>
        <translation>No sale credited to a follow-up in this period yet.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="210"/>
        <source>Attributed revenue over time</source>
        <translation>Attributed revenue over time</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="213"/>
        <source>Attributed revenue per staff member</source>
        <translation>Attributed revenue per staff member</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="228"/>
        <source>Follow-up results</source>
        <translation>Follow-up results</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="249"/>
        <source>Export the figures</source>
        <translation>Export the figures</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="249"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/dashboard/page.py" line="256"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="36"/>
        <source>This store&apos;s terminals</source>
        <translation>This store&apos;s terminals</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="44"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="45"/>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="46"/>
        <source>Registered by</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="47"/>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="48"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="57"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="60"/>
        <source>Revoke this terminal…</source>
        <translation>Revoke this terminal…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="80"/>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="82"/>
        <source>%1 (this terminal)</source>
        <translation>%1 (this terminal)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="116"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="120"/>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/devices/view.py" line="122"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="127"/>
        <source>Revoked %1</source>
        <translation>Revoked %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/devices/view.py" line="128"/>
        <source>In use</source>
        <translation>In use</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <location filename="../../clienteling/ui/followups/dialogs.py" line="36"/>
        <source>Follow-up done</source>
        <translation>Follow-up done</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/dialogs.py" line="38"/>
        <source>What was done for %1?</source>
        <translation>What was done for %1?</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/dialogs.py" line="51"/>
        <source>A note for colleagues (optional)</source>
        <translation>A note for colleagues (optional)</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../clienteling/ui/duplicates/page.py" line="60"/>
        <source>The two profiles are one now: %1.</source>
        <translation>The two profiles are one now: %1.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/page.py" line="71"/>
        <source>Kept as two customers.</source>
        <translation>Kept as two customers.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/page.py" line="83"/>
        <source>Merge undone: %1 is a profile of its own again.</source>
        <translation>Merge undone: %1 is a profile of its own again.</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="66"/>
        <source>Possible duplicate profiles</source>
        <translation>Possible duplicate profiles</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="73"/>
        <source>Profile A</source>
        <translation>Profile A</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="73"/>
        <source>Profile B</source>
        <translation>Profile B</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="73"/>
        <source>Why they may be one person</source>
        <translation>Why they may be one person</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="76"/>
        <source>Same person: keep A</source>
        <translation>Same person: keep A</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="79"/>
        <source>Same person: keep B</source>
        <translation>Same person: keep B</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="82"/>
        <source>Not the same person</source>
        <translation>Not the same person</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="85"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="88"/>
        <source>Recent merges</source>
        <translation>Recent merges</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="92"/>
        <source>Kept</source>
        <translation>Kept</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="92"/>
        <source>Joined into it</source>
        <translation>Joined into it</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="92"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="92"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="95"/>
        <source>Undo this merge</source>
        <translation>Undo this merge</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="131"/>
        <source>No possible duplicates to review.</source>
        <translation>No possible duplicates to review.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="166"/>
        <source>Since %1</source>
        <translation>Since %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/duplicates/view.py" line="168"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/duplicates/view.py" line="170"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="179"/>
        <source>automatically, by the rules</source>
        <translation>automatically, by the rules</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/duplicates/view.py" line="184"/>
        <source>Undone %1</source>
        <translation>Undone %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/duplicates/view.py" line="185"/>
        <source>%n record(s) moved</source>
        <translation>
            <numerusform>%n record moved</numerusform>
            <numerusform>%n records moved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Followups</name>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="13"/>
        <source>After the visit (a few days)</source>
        <translation>After the visit (a few days)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="16"/>
        <source>After the visit (a month)</source>
        <translation>After the visit (a month)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="17"/>
        <source>After the purchase</source>
        <translation>After the purchase</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="18"/>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="19"/>
        <source>Gift recipient&apos;s first birthday</source>
        <translation>Gift recipient&apos;s first birthday</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="22"/>
        <source>Hold running out</source>
        <translation>Hold running out</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="23"/>
        <source>Pickup ready</source>
        <translation>Pickup ready</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="24"/>
        <source>Pickup not collected yet</source>
        <translation>Pickup not collected yet</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="27"/>
        <source>Back in stock</source>
        <translation>Back in stock</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="31"/>
        <location filename="../../clienteling/ui/followups/texts.py" line="40"/>
        <source>Message sent</source>
        <translation>Message sent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="32"/>
        <source>Called</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="33"/>
        <source>Visited the store</source>
        <translation>Visited the store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="34"/>
        <source>Not interested</source>
        <translation>Not interested</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="38"/>
        <source>Message drafted</source>
        <translation>Message drafted</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="39"/>
        <source>Message queued</source>
        <translation>Message queued</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="41"/>
        <source>Message opened</source>
        <translation>Message opened</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="42"/>
        <source>Link clicked</source>
        <translation>Link clicked</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="43"/>
        <source>Not sent: no consent</source>
        <translation>Not sent: no consent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="44"/>
        <source>Sending failed</source>
        <translation>Sending failed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="45"/>
        <source>Message rejected</source>
        <translation>Message rejected</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="46"/>
        <source>Delivery unknown</source>
        <translation>Delivery unknown</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="50"/>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="51"/>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="52"/>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="53"/>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="54"/>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="55"/>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="56"/>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="60"/>
        <source>nights</source>
        <translation>nights</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="61"/>
        <source>mornings</source>
        <translation>mornings</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="62"/>
        <source>afternoons</source>
        <translation>afternoons</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="63"/>
        <source>evenings</source>
        <translation>evenings</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="68"/>
        <source>%1 of %2 online orders were on %3</source>
        <translation>%1 of %2 online orders were on %3</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="71"/>
        <source>%1 of %2 store visits were on %3</source>
        <translation>%1 of %2 store visits were on %3</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="74"/>
        <source>%1 of %2 email opens and clicks were on %3</source>
        <translation>%1 of %2 email opens and clicks were on %3</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="98"/>
        <source>%1 credited</source>
        <translation>%1 credited</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="125"/>
        <source>Nothing in their history yet: the usual time</source>
        <translation>Nothing in their history yet: the usual time</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="131"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="144"/>
        <source> (moved out of the quiet hours)</source>
        <translation> (moved out of the quiet hours)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/texts.py" line="146"/>
        <source> (another day: contact limit)</source>
        <translation> (another day: contact limit)</translation>
    </message>
</context>
<context>
    <name>FollowupsPage</name>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="52"/>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="55"/>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="56"/>
        <source>Whole store</source>
        <translation>Whole store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="66"/>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="71"/>
        <source>Put off</source>
        <translation>Put off</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="76"/>
        <source>By %n day(s)</source>
        <translation>
            <numerusform>By %n day</numerusform>
            <numerusform>By %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="80"/>
        <source>Done…</source>
        <translation>Done…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="83"/>
        <source>Give to…</source>
        <translation>Give to…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="88"/>
        <source>Message…</source>
        <translation>Message…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="91"/>
        <source>Messages to approve…</source>
        <translation>Messages to approve…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="122"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="123"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="124"/>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="125"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="126"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="127"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="177"/>
        <source>Overdue (%n)</source>
        <translation>
            <numerusform>Overdue (%n)</numerusform>
            <numerusform>Overdue (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="178"/>
        <source>Today (%n)</source>
        <translation>
            <numerusform>Today (%n)</numerusform>
            <numerusform>Today (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="179"/>
        <source>Upcoming (%n)</source>
        <translation>
            <numerusform>Upcoming (%n)</numerusform>
            <numerusform>Upcoming (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="237"/>
        <source>Why this time: %1</source>
        <translation>Why this time: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="240"/>
        <source>%n follow-up(s) selected</source>
        <translation>
            <numerusform>%n follow-up selected</numerusform>
            <numerusform>%n follow-ups selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="266"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/followups/page.py" line="274"/>
        <source>Put off by %n day(s): %1</source>
        <translation>
            <numerusform>Put off by %n day: %1</numerusform>
            <numerusform>Put off by %n days: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="293"/>
        <source>Done: %1 (%2)</source>
        <translation>Done: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/page.py" line="314"/>
        <source>%1 now follows up %2</source>
        <translation>%1 now follows up %2</translation>
    </message>
</context>
<context>
    <name>InterestDialog</name>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="51"/>
        <source>Log item of interest</source>
        <translation>Log item of interest</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="54"/>
        <source>Item of interest for %1</source>
        <translation>Item of interest for %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="58"/>
        <source>Scan the product or type its SKU / JAN code</source>
        <translation>Scan the product or type its SKU / JAN code</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="70"/>
        <source>e.g. liked the colour, wants it before the trip</source>
        <translation>e.g. liked the colour, wants it before the trip</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="74"/>
        <source>Product code</source>
        <translation>Product code</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="75"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/interest_dialog.py" line="76"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="18"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="19"/>
        <source>Online shop</source>
        <translation>Online shop</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="20"/>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="21"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="22"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="23"/>
        <source>SNS</source>
        <translation>SNS</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="24"/>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="25"/>
        <source>Email</source>
        <translation>Email</translation>
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
        <translation>App push</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="29"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="33"/>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="34"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="35"/>
        <source>Profiling</source>
        <translation>Profiling</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="39"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="40"/>
        <source>Purchased</source>
        <translation>Purchased</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="41"/>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="42"/>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="43"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="44"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="45"/>
        <source>Fulfilled</source>
        <translation>Fulfilled</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="46"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="47"/>
        <source>Requested — not confirmed</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="48"/>
        <source>On its way</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="49"/>
        <source>Ready</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="50"/>
        <location filename="../../clienteling/ui/labels.py" line="112"/>
        <location filename="../../clienteling/ui/labels.py" line="183"/>
        <source>Not collected</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="51"/>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="52"/>
        <location filename="../../clienteling/ui/labels.py" line="85"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="53"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="54"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="55"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="56"/>
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="57"/>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="58"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="59"/>
        <source>Picked up in store</source>
        <translation>Picked up in store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="60"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="61"/>
        <source>Applied</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="62"/>
        <source>Ordered</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="64"/>
        <source>Partly returned</source>
        <translation>Partly returned</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="65"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="66"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="70"/>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="71"/>
        <source>Pickup</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="72"/>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="73"/>
        <source>After visit</source>
        <translation>After visit</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="74"/>
        <source>Occasion</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="75"/>
        <source>After the purchase</source>
        <translation>After the purchase</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="76"/>
        <source>Service notice</source>
        <translation>Service notice</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="77"/>
        <source>Back in stock</source>
        <translation>Back in stock</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="78"/>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="79"/>
        <source>Viewed</source>
        <translation>Viewed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="80"/>
        <source>Added to cart</source>
        <translation>Added to cart</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="81"/>
        <source>Inquiry</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="82"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="83"/>
        <source>Clicked</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="84"/>
        <source>Reacted</source>
        <translation>Reacted</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="86"/>
        <source>Liked</source>
        <translation>Liked</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="87"/>
        <source>Followed</source>
        <translation>Followed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="88"/>
        <source>Shared</source>
        <translation>Shared</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="92"/>
        <source>Regular</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="93"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="94"/>
        <source>Bronze</source>
        <translation>Bronze</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="95"/>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="96"/>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="97"/>
        <source>Platinum</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="101"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="102"/>
        <source>Item of interest</source>
        <translation>Item of interest</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="103"/>
        <source>Interest change</source>
        <translation>Interest change</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="104"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="105"/>
        <source>Customer change</source>
        <translation>Customer change</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="106"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="107"/>
        <source>Reservation request</source>
        <translation>Reservation request</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="108"/>
        <source>Cancel reservation</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="109"/>
        <source>Extend reservation</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="110"/>
        <source>Sold / collected</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="111"/>
        <source>Pickup ready</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="113"/>
        <source>Transfer sent</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="114"/>
        <source>Transfer received</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="115"/>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="116"/>
        <source>Follow-up put off</source>
        <translation>Follow-up put off</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="117"/>
        <source>Follow-up done</source>
        <translation>Follow-up done</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="118"/>
        <source>Follow-up reassigned</source>
        <translation>Follow-up reassigned</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="119"/>
        <source>Follow-up change</source>
        <translation>Follow-up change</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="123"/>
        <source>the data was not valid</source>
        <translation>the data was not valid</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="124"/>
        <source>the server does not know this change</source>
        <translation>the server does not know this change</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="127"/>
        <source>the customer or product no longer exists</source>
        <translation>the customer or product no longer exists</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="130"/>
        <source>not allowed for your role or store</source>
        <translation>not allowed for your role or store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="131"/>
        <source>the customer has not agreed to this channel</source>
        <translation>the customer has not agreed to this channel</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="134"/>
        <source>not enough stock</source>
        <translation>not enough stock</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="135"/>
        <source>the request was too old</source>
        <translation>the request was too old</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="136"/>
        <source>the record changed and no longer allows this</source>
        <translation>the record changed and no longer allows this</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="179"/>
        <source>Cancel</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="180"/>
        <source>Extend</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="181"/>
        <source>Sold</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="539"/>
        <source>same email</source>
        <translation>same email</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="540"/>
        <source>same phone</source>
        <translation>same phone</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="541"/>
        <source>same name</source>
        <translation>same name</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="542"/>
        <source>same birthday</source>
        <translation>same birthday</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="543"/>
        <source>same loyalty card</source>
        <translation>same loyalty card</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="544"/>
        <source>same online account</source>
        <translation>same online account</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="545"/>
        <source>same LINE account</source>
        <translation>same LINE account</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="550"/>
        <source>Opened the profile</source>
        <translation>Opened the profile</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="551"/>
        <source>Searched</source>
        <translation>Searched</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="552"/>
        <source>Revealed contact details</source>
        <translation>Revealed contact details</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="553"/>
        <source>Exported</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="561"/>
        <source>Changed: %1</source>
        <translation>Changed: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="63"/>
        <location filename="../../clienteling/ui/labels.py" line="182"/>
        <source>Ready for pickup</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="184"/>
        <source>Send</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="185"/>
        <source>Received</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="192"/>
        <source>Collected</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="197"/>
        <source>pending sync</source>
        <translation>pending sync</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="202"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="203"/>
        <source>rejected: %1</source>
        <translation>rejected: %1</translation>
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
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="24"/>
        <source>Customer data is hidden while nobody is using this terminal.</source>
        <translation>Customer data is hidden while nobody is using this terminal.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="33"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="35"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="38"/>
        <source>Someone else signs in</source>
        <translation>Someone else signs in</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="61"/>
        <source>%1 is signed in at %2</source>
        <translation>%1 is signed in at %2</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/lock_screen.py" line="71"/>
        <source>This terminal cannot check the PIN here: sign in again to unlock.</source>
        <translation>This terminal cannot check the PIN here: sign in again to unlock.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="112"/>
        <source>Clienteling</source>
        <translation>Clienteling</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="117"/>
        <source>Switch staff</source>
        <translation>Switch staff</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="119"/>
        <source>A colleague signs in at this terminal</source>
        <translation>A colleague signs in at this terminal</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="121"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="123"/>
        <source>Register a walk-in customer</source>
        <translation>Register a walk-in customer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="155"/>
        <source>Manage</source>
        <translation>Manage</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="164"/>
        <source>Customers</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="165"/>
        <source>Products</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="166"/>
        <source>Store lists</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="167"/>
        <location filename="../../clienteling/ui/main_window.py" line="839"/>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="168"/>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="169"/>
        <source>Terminals</source>
        <translation>Terminals</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="170"/>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="171"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="329"/>
        <source>%1 is now signed in at this terminal.</source>
        <translation>%1 is now signed in at this terminal.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/main_window.py" line="483"/>
        <source>Wrong PIN: %n more tries, then a full sign-in is needed.</source>
        <translation>
            <numerusform>Wrong PIN: %n more try, then a full sign-in is needed.</numerusform>
            <numerusform>Wrong PIN: %n more tries, then a full sign-in is needed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="500"/>
        <source>No OS keyring: this terminal&apos;s keys are kept in a file readable only by this user. For demos only.</source>
        <translation>No OS keyring: this terminal&apos;s keys are kept in a file readable only by this user. For demos only.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="520"/>
        <source>This customer is not in this terminal&apos;s data yet.</source>
        <translation>This customer is not in this terminal&apos;s data yet.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="537"/>
        <location filename="../../clienteling/ui/main_window.py" line="717"/>
        <location filename="../../clienteling/ui/main_window.py" line="727"/>
        <source>This product is not in this terminal&apos;s catalogue.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="554"/>
        <source>This customer is no longer available.</source>
        <translation>This customer is no longer available.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/main_window.py" line="600"/>
        <source>(and %n more: see Store lists)</source>
        <translation>
            <numerusform>(and %n more: see Store lists)</numerusform>
            <numerusform>(and %n more: see Store lists)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="53"/>
        <source>Export the customer&apos;s data</source>
        <translation>Export the customer&apos;s data</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="55"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="90"/>
        <source>Saved: %1. Hand it to the customer only.</source>
        <translation>Saved: %1. Hand it to the customer only.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="115"/>
        <source>Consent recorded.</source>
        <translation>Consent recorded.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="123"/>
        <source>Erase customer</source>
        <translation>Erase customer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="124"/>
        <source>Erase %1? Everything held about this customer — profile, purchases, notes, items of interest, holds, consent — is deleted on the server and on every terminal. Do this only when the customer asked for it. It cannot be undone.</source>
        <translation>Erase %1? Everything held about this customer — profile, purchases, notes, items of interest, holds, consent — is deleted on the server and on every terminal. Do this only when the customer asked for it. It cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="134"/>
        <source>Erase</source>
        <translation>Erase</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="156"/>
        <source>The customer was erased.</source>
        <translation>The customer was erased.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="157"/>
        <source>The customer was erased everywhere.</source>
        <translation>The customer was erased everywhere.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="189"/>
        <source>Details corrected.</source>
        <translation>Details corrected.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_actions.py" line="211"/>
        <source>Customer saved.</source>
        <translation>Customer saved.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="638"/>
        <source>Note saved.</source>
        <translation>Note saved.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="664"/>
        <source>Item of interest saved.</source>
        <translation>Item of interest saved.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="669"/>
        <source>Bought elsewhere</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="670"/>
        <source>No longer interested</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="671"/>
        <source>Too expensive</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="675"/>
        <source>Dismiss item of interest</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="676"/>
        <source>Why is it no longer of interest?</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="689"/>
        <source>Item of interest dismissed.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="699"/>
        <location filename="../../clienteling/ui/main_window.py" line="722"/>
        <source>Open a customer&apos;s profile first.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="751"/>
        <source>Requested — not confirmed until the server answers.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="794"/>
        <source>Revoke %1? It is signed out at once, and at its next contact with the server it erases the customer data and keys it holds. It cannot be undone: to use it again, register it anew.</source>
        <translation>Revoke %1? It is signed out at once, and at its next contact with the server it erases the customer data and keys it holds. It cannot be undone: to use it again, register it anew.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="797"/>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="799"/>
        <source>This is the terminal you are using.</source>
        <translation>This is the terminal you are using.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="801"/>
        <source>Revoke terminal</source>
        <translation>Revoke terminal</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="804"/>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="824"/>
        <source>%1 was revoked.</source>
        <translation>%1 was revoked.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/main_window.py" line="846"/>
        <source>%n follow-up(s) of this store are overdue.</source>
        <translation>
            <numerusform>%n follow-up of this store is overdue.</numerusform>
            <numerusform>%n follow-ups of this store are overdue.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="856"/>
        <source>It is being sent to the server.</source>
        <translation>It is being sent to the server.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="860"/>
        <source>Offline: it is kept on this terminal and sent when the connection is back.</source>
        <translation>Offline: it is kept on this terminal and sent when the connection is back.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="871"/>
        <source>Could not read that barcode: %1</source>
        <translation>Could not read that barcode: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="880"/>
        <source>Unlock the terminal first.</source>
        <translation>Unlock the terminal first.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="892"/>
        <source>That barcode is not a product or a loyalty card.</source>
        <translation>That barcode is not a product or a loyalty card.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="899"/>
        <source>Product %1 is not in this terminal&apos;s catalogue.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="925"/>
        <source>No customer with loyalty card %1 on this terminal.</source>
        <translation>No customer with loyalty card %1 on this terminal.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="928"/>
        <source>No customer with loyalty card %1 on this terminal yet: it is still loading its data.</source>
        <translation>No customer with loyalty card %1 on this terminal yet: it is still loading its data.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="958"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="77"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="95"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="101"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="102"/>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="103"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="104"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="144"/>
        <source>No message to review.</source>
        <translation>No message to review.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="151"/>
        <source>%1 · by %2 · written by %3</source>
        <translation>%1 · by %2 · written by %3</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="27"/>
        <source>Draft: waiting for a manager</source>
        <translation>Draft: waiting for a manager</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="28"/>
        <source>Approved: sent when it is due</source>
        <translation>Approved: sent when it is due</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="29"/>
        <source>Being sent</source>
        <translation>Being sent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="30"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="31"/>
        <source>Rejected by a manager</source>
        <translation>Rejected by a manager</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="32"/>
        <source>Not sent: no consent at send time</source>
        <translation>Not sent: no consent at send time</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="33"/>
        <source>Sending failed</source>
        <translation>Sending failed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="34"/>
        <source>Delivery unknown</source>
        <translation>Delivery unknown</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="47"/>
        <source>a link to a cart of the items</source>
        <translation>a link to a cart of the items</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="50"/>
        <source>recommended: %1</source>
        <translation>recommended: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/followups/message_dialog.py" line="56"/>
        <source>Added when it is sent: %1</source>
        <translation>Added when it is sent: %1</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="104"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/customer_dialog.py" line="110"/>
        <source>News and offers by</source>
        <translation>News and offers by</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../clienteling/ui/note_editor.py" line="25"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/note_editor.py" line="27"/>
        <source>Note for %1</source>
        <translation>Note for %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/note_editor.py" line="30"/>
        <source>What should colleagues know next time?</source>
        <translation>What should colleagues know next time?</translation>
    </message>
</context>
<context>
    <name>PendingDialog</name>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="36"/>
        <source>Changes not yet on the server</source>
        <translation>Changes not yet on the server</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="45"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="46"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="47"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="48"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="49"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="57"/>
        <source>Dismiss rejected</source>
        <translation>Dismiss rejected</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="61"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="64"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/pending_dialog.py" line="92"/>
        <source>(%n attempt(s))</source>
        <translation>
            <numerusform>(%n attempt)</numerusform>
            <numerusform>(%n attempts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/pending_dialog.py" line="114"/>
        <source>Offline: %n change(s) will be sent when the connection is back.</source>
        <translation>
            <numerusform>Offline: %n change will be sent when the connection is back.</numerusform>
            <numerusform>Offline: %n changes will be sent when the connection is back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/pending_dialog.py" line="122"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/pending_dialog.py" line="124"/>
        <source>%n rejected.</source>
        <translation>
            <numerusform>%n rejected.</numerusform>
            <numerusform>%n rejected.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="110"/>
        <source>Everything is on the server.</source>
        <translation>Everything is on the server.</translation>
    </message>
</context>
<context>
    <name>ProductSearch</name>
    <message>
        <location filename="../../clienteling/ui/products/search.py" line="28"/>
        <source>Product name, kana, SKU or JAN</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/search.py" line="55"/>
        <source>Search the catalogue, or scan a product.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/products/search.py" line="57"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/search.py" line="59"/>
        <source>No product matches.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ProductView</name>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="52"/>
        <source>Log as interest</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="54"/>
        <source>Reserve here</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="59"/>
        <source>Stock</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="64"/>
        <source>Store</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="64"/>
        <source>Distance</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="64"/>
        <source>Free</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="64"/>
        <source>Held</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="71"/>
        <source>Goes well with</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="107"/>
        <source>Scan a product or search the catalogue.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="133"/>
        <source>For %1</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="135"/>
        <source>Open a customer to log or reserve this product.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="148"/>
        <source>Category: %1</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="152"/>
        <source>%1 — the same price in store, online and in the app</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="164"/>
        <source>this store</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="172"/>
        <source>Ask this store</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="184"/>
        <source>Stock not synced yet</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/products/view.py" line="186"/>
        <source>as of %1, %n min ago</source>
        <translation>
            <numerusform>as of %1, %n min ago</numerusform>
            <numerusform>as of %1, %n min ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="204"/>
        <source>Show this product</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="210"/>
        <source>Log</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/view.py" line="212"/>
        <source>Log as an item of interest of the open customer</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="75"/>
        <source>Scan a loyalty card or search for a customer.</source>
        <translation>Scan a loyalty card or search for a customer.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="101"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="104"/>
        <source>Log item of interest</source>
        <translation>Log item of interest</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="163"/>
        <location filename="../../clienteling/ui/profile.py" line="172"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="164"/>
        <location filename="../../clienteling/ui/profile.py" line="172"/>
        <location filename="../../clienteling/ui/profile.py" line="203"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="165"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="166"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="167"/>
        <location filename="../../clienteling/ui/profile.py" line="205"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="168"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="172"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="172"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="204"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="182"/>
        <source>Show product</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="107"/>
        <source>News and offers…</source>
        <translation>News and offers…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="109"/>
        <source>Ask and record what the customer agrees to</source>
        <translation>Ask and record what the customer agrees to</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="111"/>
        <source>Correct details…</source>
        <translation>Correct details…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="113"/>
        <source>Correct the name, reading, phone or email</source>
        <translation>Correct the name, reading, phone or email</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="115"/>
        <source>Export their data…</source>
        <translation>Export their data…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="118"/>
        <source>The customer asked what is held about them: a file to hand over</source>
        <translation>The customer asked what is held about them: a file to hand over</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="122"/>
        <source>Erase this customer…</source>
        <translation>Erase this customer…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="124"/>
        <source>The customer asked to be deleted: everywhere</source>
        <translation>The customer asked to be deleted: everywhere</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="127"/>
        <source>Show contact details</source>
        <translation>Show contact details</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="129"/>
        <source>Shows the full phone number and email; recorded</source>
        <translation>Shows the full phone number and email; recorded</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="185"/>
        <source>Dismiss…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="202"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="206"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="221"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="316"/>
        <source>Tier: %1    Points: %2</source>
        <translation>Tier: %1    Points: %2</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="328"/>
        <source>Card %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="331"/>
        <source>Birthday %1</source>
        <translation>Birthday %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="332"/>
        <source>Home store: %1</source>
        <translation>Home store: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="357"/>
        <source>The server refused this new customer: %1</source>
        <translation>The server refused this new customer: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="362"/>
        <source>New customer, saved on this terminal: not on the server yet. Notes and items of interest can be added already.</source>
        <translation>New customer, saved on this terminal: not on the server yet. Notes and items of interest can be added already.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="367"/>
        <source>This terminal is still loading its data: this customer&apos;s purchases, notes and items of interest may not all be here yet.</source>
        <translation>This terminal is still loading its data: this customer&apos;s purchases, notes and items of interest may not all be here yet.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="372"/>
        <source>Another profile of this customer was joined to this one: everything on it is shown here.</source>
        <translation>Another profile of this customer was joined to this one: everything on it is shown here.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="383"/>
        <source>Lifetime %1 over %2 orders</source>
        <translation>Lifetime %1 over %2 orders</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="392"/>
        <source>Mostly: %1</source>
        <translation>Mostly: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="395"/>
        <source>Likes: %1</source>
        <translation>Likes: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="397"/>
        <source>Sizes: %1</source>
        <translation>Sizes: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="399"/>
        <source>Open inquiries: %1</source>
        <translation>Open inquiries: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="406"/>
        <source>Last purchase: %1</source>
        <translation>Last purchase: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="411"/>
        <source>Purchases (%1)</source>
        <translation>Purchases (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="412"/>
        <source>Activity (%1)</source>
        <translation>Activity (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="413"/>
        <source>Interests (%1)</source>
        <translation>Interests (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="414"/>
        <source>Notes (%1)</source>
        <translation>Notes (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="415"/>
        <source>Reservations (%1)</source>
        <translation>Reservations (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="416"/>
        <source>Follow-ups (%1)</source>
        <translation>Follow-ups (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="431"/>
        <source>No consent recorded</source>
        <translation>No consent recorded</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="441"/>
        <source>granted</source>
        <translation>granted</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="441"/>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="513"/>
        <source>Category: %1</source>
        <translation>Category: %1</translation>
    </message>
</context>
<context>
    <name>ReservationTable</name>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="30"/>
        <source>%1 sent — not confirmed</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="51"/>
        <source>Created</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="52"/>
        <source>Kind</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="53"/>
        <source>Item</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="54"/>
        <source>Qty</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="55"/>
        <source>Status</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="56"/>
        <source>Until</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="59"/>
        <source>Customer</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="143"/>
        <source>Free elsewhere:</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="147"/>
        <source>Ask %1 (%2 free%3)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/table.py" line="161"/>
        <source>Open customer</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ReserveDialog</name>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="42"/>
        <source>Reserve</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="47"/>
        <source>%1 for %2</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/dialog.py" line="53"/>
        <source>Hold here (%n free)</source>
        <translation>
            <numerusform>Hold here (%n free)</numerusform>
            <numerusform>Hold here (%n free)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="55"/>
        <source>Pickup here (ordered online or by phone)</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/dialog.py" line="60"/>
        <source>Transfer from %1 (%2 km, %n free)</source>
        <translation>
            <numerusform>Transfer from %1 (%2 km, %n free)</numerusform>
            <numerusform>Transfer from %1 (%2 km, %n free)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="72"/>
        <source>The server confirms or refuses the request; until then it shows as requested — not confirmed.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="80"/>
        <source>Reservation</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="81"/>
        <source>Quantity</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="82"/>
        <source>Price each</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/reservations/dialog.py" line="89"/>
        <source>Request</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ScanChoiceDialog</name>
    <message>
        <location filename="../../clienteling/ui/products/scan_choice.py" line="20"/>
        <source>Scanned product</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/scan_choice.py" line="24"/>
        <source>%1
for %2</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/scan_choice.py" line="32"/>
        <source>Log as interest</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/scan_choice.py" line="33"/>
        <source>Reserve</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/products/scan_choice.py" line="34"/>
        <source>Stock and details</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../clienteling/ui/search.py" line="50"/>
        <source>Search: name, kana, romaji, phone, email or card</source>
        <translation>Search: name, kana, romaji, phone, email or card</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../clienteling/ui/search.py" line="156"/>
        <source>new, not synced yet</source>
        <translation>new, not synced yet</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/search.py" line="158"/>
        <source>new, refused by the server</source>
        <translation>new, refused by the server</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/search.py" line="200"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="264"/>
        <source>Exporting a customer&apos;s data needs the server: this terminal is offline.</source>
        <translation>Exporting a customer&apos;s data needs the server: this terminal is offline.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="269"/>
        <source>Only a manager can export a customer&apos;s data.</source>
        <translation>Only a manager can export a customer&apos;s data.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="273"/>
        <source>The file could not be written there: choose another place.</source>
        <translation>The file could not be written there: choose another place.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="278"/>
        <source>Erasing a customer needs the server: this terminal is offline.</source>
        <translation>Erasing a customer needs the server: this terminal is offline.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="282"/>
        <source>Only a manager can erase a customer.</source>
        <translation>Only a manager can erase a customer.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="286"/>
        <source>The audit trail needs the server: this terminal is offline.</source>
        <translation>The audit trail needs the server: this terminal is offline.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="290"/>
        <source>Only a manager can read the audit trail.</source>
        <translation>Only a manager can read the audit trail.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="293"/>
        <source>The dashboard needs the server: this terminal is offline.</source>
        <translation>The dashboard needs the server: this terminal is offline.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="296"/>
        <source>Only a manager sees the dashboard.</source>
        <translation>Only a manager sees the dashboard.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="299"/>
        <source>Messages need the server: this terminal is offline.</source>
        <translation>Messages need the server: this terminal is offline.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="302"/>
        <source>A message needs a text.</source>
        <translation>A message needs a text.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="305"/>
        <source>The message is too long.</source>
        <translation>The message is too long.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="309"/>
        <source>No customer found yet: this terminal is still loading its data.</source>
        <translation>No customer found yet: this terminal is still loading its data.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="313"/>
        <source>This is not a phone number.</source>
        <translation>This is not a phone number.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="316"/>
        <source>This is not an email address.</source>
        <translation>This is not an email address.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="320"/>
        <source>Give a phone number or an email address, so the customer can be found again.</source>
        <translation>Give a phone number or an email address, so the customer can be found again.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="325"/>
        <source>This consent channel is not offered at the counter.</source>
        <translation>This consent channel is not offered at the counter.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="328"/>
        <source>Email marketing needs an email address.</source>
        <translation>Email marketing needs an email address.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="331"/>
        <source>Messages by SMS or LINE need a phone number.</source>
        <translation>Messages by SMS or LINE need a phone number.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="334"/>
        <source>This customer cannot be saved: check the fields.</source>
        <translation>This customer cannot be saved: check the fields.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="337"/>
        <source>Only a manager can review duplicate profiles.</source>
        <translation>Only a manager can review duplicate profiles.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="341"/>
        <source>Reviewing duplicates needs the server: this terminal is offline.</source>
        <translation>Reviewing duplicates needs the server: this terminal is offline.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="347"/>
        <source>The terminal list needs the server: this terminal is offline.</source>
        <translation>The terminal list needs the server: this terminal is offline.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="351"/>
        <source>Only a manager can see and revoke terminals.</source>
        <translation>Only a manager can see and revoke terminals.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="354"/>
        <source>No terminal of this store has this id.</source>
        <translation>No terminal of this store has this id.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="357"/>
        <source>Sign-in failed: check the staff code (or badge) and the PIN.</source>
        <translation>Sign-in failed: check the staff code (or badge) and the PIN.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="361"/>
        <source>Registration refused: only a manager of this store can register a terminal, with their staff code and PIN.</source>
        <translation>Registration refused: only a manager of this store can register a terminal, with their staff code and PIN.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="366"/>
        <source>No customer found</source>
        <translation>No customer found</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="367"/>
        <source>Type at least 2 characters</source>
        <translation>Type at least 2 characters</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="370"/>
        <source>Type a name, phone number, email or card number</source>
        <translation>Type a name, phone number, email or card number</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="373"/>
        <source>That is a product barcode, not a loyalty card</source>
        <translation>That is a product barcode, not a loyalty card</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="376"/>
        <source>Nothing was scanned.</source>
        <translation>Nothing was scanned.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="379"/>
        <source>Scan or type a product code, or choose a category.</source>
        <translation>Scan or type a product code, or choose a category.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="382"/>
        <source>Scan or type a product code.</source>
        <translation>Scan or type a product code.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="385"/>
        <source>That is a loyalty card, not a product: scan the product.</source>
        <translation>That is a loyalty card, not a product: scan the product.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="388"/>
        <source>The scanner sent no code: scan again.</source>
        <translation>The scanner sent no code: scan again.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="391"/>
        <source>This GS1 barcode could not be read: scan again.</source>
        <translation>This GS1 barcode could not be read: scan again.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="394"/>
        <source>This GS1 barcode holds no data.</source>
        <translation>This GS1 barcode holds no data.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="397"/>
        <source>This barcode holds no product code.</source>
        <translation>This barcode holds no product code.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="401"/>
        <source>This customer is not in the local cache: search for them again.</source>
        <translation>This customer is not in the local cache: search for them again.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="405"/>
        <source>This is not a barcode.</source>
        <translation>This is not a barcode.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="408"/>
        <source>This is not a barcode: the code is all zeros.</source>
        <translation>This is not a barcode: the code is all zeros.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="411"/>
        <source>This is not a barcode: the text is far too long.</source>
        <translation>This is not a barcode: the text is far too long.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="414"/>
        <source>This item of interest cannot be saved: check the code.</source>
        <translation>This item of interest cannot be saved: check the code.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="417"/>
        <source>This note cannot be saved: the customer id is not valid.</source>
        <translation>This note cannot be saved: the customer id is not valid.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="420"/>
        <source>This follow-up is not open on this terminal.</source>
        <translation>This follow-up is not open on this terminal.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="423"/>
        <source>This follow-up belongs to a colleague; ask a manager.</source>
        <translation>This follow-up belongs to a colleague; ask a manager.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="426"/>
        <source>Put a follow-up off to a time ahead, at most 90 days.</source>
        <translation>Put a follow-up off to a time ahead, at most 90 days.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="430"/>
        <source>Say what was done: message sent, called, visited, not interested.</source>
        <translation>Say what was done: message sent, called, visited, not interested.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="434"/>
        <source>The note is too long (at most 2,000 characters).</source>
        <translation>The note is too long (at most 2,000 characters).</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="437"/>
        <source>Only a manager gives a follow-up to a colleague.</source>
        <translation>Only a manager gives a follow-up to a colleague.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="440"/>
        <source>Choose a colleague of this store.</source>
        <translation>Choose a colleague of this store.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="446"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="447"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="448"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="449"/>
        <source>Reason</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="450"/>
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="451"/>
        <source>Given name</source>
        <translation>Given name</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="452"/>
        <source>Family name reading</source>
        <translation>Family name reading</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="455"/>
        <source>Given name reading</source>
        <translation>Given name reading</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="458"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="459"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="460"/>
        <source>phone number</source>
        <translation>phone number</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="461"/>
        <source>email address</source>
        <translation>email address</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="470"/>
        <source>Too many failed sign-ins: sign-in is paused. Try again in %1 min.</source>
        <translation>Too many failed sign-ins: sign-in is paused. Try again in %1 min.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="477"/>
        <source>Search text is too long (max %1)</source>
        <translation>Search text is too long (max %1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="481"/>
        <source>No product with code %1 in the catalogue.</source>
        <translation>No product with code %1 in the catalogue.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="487"/>
        <source>Product %1 is not in the catalogue.</source>
        <translation>Product %1 is not in the catalogue.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="493"/>
        <source>The check digit of product code %1 does not match: scan again.</source>
        <translation>The check digit of product code %1 does not match: scan again.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="499"/>
        <source>The check digit of %1 does not match: scan again or type the code.</source>
        <translation>The check digit of %1 does not match: scan again or type the code.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="506"/>
        <source>This is not a product or card barcode: it has %1 digits (expected 8, 12, 13 or 14).</source>
        <translation>This is not a product or card barcode: it has %1 digits (expected 8, 12, 13 or 14).</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="513"/>
        <source>%1 is empty.</source>
        <translation>%1 is empty.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="517"/>
        <source>%1 is too long: %2 characters, the limit is %3.</source>
        <translation>%1 is too long: %2 characters, the limit is %3.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="523"/>
        <source>%1 must be text.</source>
        <translation>%1 must be text.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="527"/>
        <source>%1 must be written in kana.</source>
        <translation>%1 must be written in kana.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="531"/>
        <source>Another customer already has this %1.</source>
        <translation>Another customer already has this %1.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="48"/>
        <source>Register this terminal</source>
        <translation>Register this terminal</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="48"/>
        <source>Staff sign-in</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="52"/>
        <source>A manager registers this terminal to a store once.</source>
        <translation>A manager registers this terminal to a store once.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="54"/>
        <source>Sign in with your staff code and PIN.</source>
        <translation>Sign in with your staff code and PIN.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="72"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="75"/>
        <source>Staff code</source>
        <translation>Staff code</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="76"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="98"/>
        <source>Badge %1 read: enter your PIN.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="110"/>
        <source>That barcode is not a staff badge.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>StoreListsView</name>
    <message>
        <location filename="../../clienteling/ui/reservations/lists.py" line="32"/>
        <source>This store&apos;s reservations</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="67"/>
        <source>Open (%n)</source>
        <translation>
            <numerusform>Open (%n)</numerusform>
            <numerusform>Open (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="68"/>
        <source>Pickups (%n)</source>
        <translation>
            <numerusform>Pickups (%n)</numerusform>
            <numerusform>Pickups (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="69"/>
        <source>Expiring soon (%n)</source>
        <translation>
            <numerusform>Expiring soon (%n)</numerusform>
            <numerusform>Expiring soon (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="73"/>
        <source>Waiting for the server (%n)</source>
        <translation>
            <numerusform>Waiting for the server (%n)</numerusform>
            <numerusform>Waiting for the server (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="78"/>
        <source>Transfers in (%n)</source>
        <translation>
            <numerusform>Transfers in (%n)</numerusform>
            <numerusform>Transfers in (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="83"/>
        <source>Transfers out (%n)</source>
        <translation>
            <numerusform>Transfers out (%n)</numerusform>
            <numerusform>Transfers out (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/reservations/lists.py" line="92"/>
        <source>Notices (%n)</source>
        <translation>
            <numerusform>Notices (%n)</numerusform>
            <numerusform>Notices (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../clienteling/ui/submit_dialog.py" line="28"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/submit_dialog.py" line="33"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/submit_dialog.py" line="51"/>
        <source>A barcode was scanned: it was not added here. Close this window to use the scanner.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="29"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="47"/>
        <source>Loading this store&apos;s data…</source>
        <translation>Loading this store&apos;s data…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="49"/>
        <source>Downloading this store&apos;s data</source>
        <translation>Downloading this store&apos;s data</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="51"/>
        <source>Loading this store&apos;s data</source>
        <translation>Loading this store&apos;s data</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="56"/>
        <source>(%1 of %2 records)</source>
        <translation>(%1 of %2 records)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clienteling/ui/sync_indicator.py" line="61"/>
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n mins left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="63"/>
        <source>less than a minute left</source>
        <translation>less than a minute left</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="70"/>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="72"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="74"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="77"/>
        <source>%1 pending</source>
        <translation>%1 pending</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="79"/>
        <source>all saved</source>
        <translation>all saved</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="81"/>
        <source>%1 rejected</source>
        <translation>%1 rejected</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="86"/>
        <source>last sync %1</source>
        <translation>last sync %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="88"/>
        <source>not synced yet</source>
        <translation>not synced yet</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="90"/>
        <source>Tap to see pending and rejected changes</source>
        <translation>Tap to see pending and rejected changes</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="92"/>
        <source>Last problem: %1</source>
        <translation>Last problem: %1</translation>
    </message>
</context>
</TS>
