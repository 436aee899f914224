<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../clienteling/app.py" line="173"/>
        <source>Local data could not be read</source>
        <translation>Local data could not be read</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="174"/>
        <source>The local data on this terminal was damaged or its key was lost. It was moved aside to %1 and will be downloaded again from the server.</source>
        <translation>The local data on this terminal was damaged or its key was lost. It was moved aside to %1 and will be downloaded again from the server.</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="235"/>
        <source>The server cannot be reached, so no one else can sign in now. Try again when this terminal is online.</source>
        <translation>The server cannot be reached, so no one else can sign in now. Try again when this terminal is online.</translation>
    </message>
    <message>
        <location filename="../../clienteling/app.py" line="340"/>
        <source>Clienteling cannot start</source>
        <translation>Clienteling cannot start</translation>
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
        <location filename="../../clienteling/ui/labels.py" line="16"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="17"/>
        <source>Online shop</source>
        <translation>Online shop</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="18"/>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="19"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="20"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="21"/>
        <source>SNS</source>
        <translation>SNS</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="22"/>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="23"/>
        <source>Email</source>
        <translation>Email</translation>
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
        <translation>App push</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="27"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="31"/>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="32"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="33"/>
        <source>Profiling</source>
        <translation>Profiling</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="37"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="38"/>
        <source>Purchased</source>
        <translation>Purchased</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="39"/>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="40"/>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="41"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="42"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="43"/>
        <source>Fulfilled</source>
        <translation>Fulfilled</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="44"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="45"/>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="46"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="47"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="48"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="49"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="50"/>
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="51"/>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="52"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="53"/>
        <source>Picked up in store</source>
        <translation>Picked up in store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="54"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="55"/>
        <source>Applied</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="59"/>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="60"/>
        <source>Pickup</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="61"/>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="62"/>
        <source>After visit</source>
        <translation>After visit</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="63"/>
        <source>Occasion</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="64"/>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="65"/>
        <source>Viewed</source>
        <translation>Viewed</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="66"/>
        <source>Added to cart</source>
        <translation>Added to cart</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="67"/>
        <source>Inquiry</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="68"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="69"/>
        <source>Clicked</source>
        <translation>Clicked</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="70"/>
        <source>Reacted</source>
        <translation>Reacted</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="74"/>
        <source>Regular</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="75"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="76"/>
        <source>Bronze</source>
        <translation>Bronze</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="77"/>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="78"/>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="79"/>
        <source>Platinum</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="83"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="84"/>
        <source>Item of interest</source>
        <translation>Item of interest</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="85"/>
        <source>Interest change</source>
        <translation>Interest change</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="86"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="87"/>
        <source>Customer change</source>
        <translation>Customer change</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="88"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="89"/>
        <source>Reservation request</source>
        <translation>Reservation request</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="90"/>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="94"/>
        <source>the data was not valid</source>
        <translation>the data was not valid</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="95"/>
        <source>the server does not know this change</source>
        <translation>the server does not know this change</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="98"/>
        <source>the customer or product no longer exists</source>
        <translation>the customer or product no longer exists</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="101"/>
        <source>not allowed for your role or store</source>
        <translation>not allowed for your role or store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="102"/>
        <source>the customer has not agreed to this channel</source>
        <translation>the customer has not agreed to this channel</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="105"/>
        <source>not enough stock</source>
        <translation>not enough stock</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="106"/>
        <source>the request was too old</source>
        <translation>the request was too old</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="107"/>
        <source>the record changed and no longer allows this</source>
        <translation>the record changed and no longer allows this</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="150"/>
        <source>pending sync</source>
        <translation>pending sync</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="155"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="156"/>
        <source>rejected: %1</source>
        <translation>rejected: %1</translation>
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
        <translation>Clienteling</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="75"/>
        <source>Switch staff</source>
        <translation>Switch staff</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="77"/>
        <source>A colleague signs in at this terminal</source>
        <translation>A colleague signs in at this terminal</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="158"/>
        <source>%1 is now signed in at this terminal.</source>
        <translation>%1 is now signed in at this terminal.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="182"/>
        <source>This customer is not in this terminal&apos;s data yet.</source>
        <translation>This customer is not in this terminal&apos;s data yet.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="197"/>
        <source>This customer is no longer available.</source>
        <translation>This customer is no longer available.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="242"/>
        <source>Note saved.</source>
        <translation>Note saved.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="263"/>
        <source>Item of interest saved.</source>
        <translation>Item of interest saved.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="272"/>
        <source>It is being sent to the server.</source>
        <translation>It is being sent to the server.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="276"/>
        <source>Offline: it is kept on this terminal and sent when the connection is back.</source>
        <translation>Offline: it is kept on this terminal and sent when the connection is back.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="287"/>
        <source>Could not read that barcode: %1</source>
        <translation>Could not read that barcode: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="300"/>
        <source>That barcode is not a product or a loyalty card.</source>
        <translation>That barcode is not a product or a loyalty card.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="306"/>
        <source>Open a customer&apos;s profile first to log this product as an interest.</source>
        <translation>Open a customer&apos;s profile first to log this product as an interest.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="320"/>
        <source>No customer with loyalty card %1 on this terminal.</source>
        <translation>No customer with loyalty card %1 on this terminal.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/main_window.py" line="348"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
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
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="92"/>
        <source>(%1 attempts)</source>
        <translation>(%1 attempts)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="110"/>
        <source>Everything is on the server.</source>
        <translation>Everything is on the server.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="113"/>
        <source>Offline: %1 change(s) will be sent when the connection is back.</source>
        <translation>Offline: %1 change(s) will be sent when the connection is back.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/pending_dialog.py" line="119"/>
        <source>%1 change(s) waiting, %2 rejected.</source>
        <translation>%1 change(s) waiting, %2 rejected.</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="55"/>
        <source>Scan a loyalty card or search for a customer.</source>
        <translation>Scan a loyalty card or search for a customer.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="74"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="77"/>
        <source>Log item of interest</source>
        <translation>Log item of interest</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="103"/>
        <location filename="../../clienteling/ui/profile.py" line="112"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="104"/>
        <location filename="../../clienteling/ui/profile.py" line="112"/>
        <location filename="../../clienteling/ui/profile.py" line="129"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="105"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="106"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="107"/>
        <location filename="../../clienteling/ui/profile.py" line="122"/>
        <location filename="../../clienteling/ui/profile.py" line="131"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="108"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="112"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="112"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="118"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="119"/>
        <location filename="../../clienteling/ui/profile.py" line="130"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="120"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="121"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="123"/>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="128"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="132"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="147"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="192"/>
        <source>Tier: %1    Points: %2</source>
        <translation>Tier: %1    Points: %2</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="199"/>
        <source>Card %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="202"/>
        <source>Birthday %1</source>
        <translation>Birthday %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="203"/>
        <source>Home store: %1</source>
        <translation>Home store: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="223"/>
        <source>Purchases (%1)</source>
        <translation>Purchases (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="224"/>
        <source>Activity (%1)</source>
        <translation>Activity (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="225"/>
        <source>Interests (%1)</source>
        <translation>Interests (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="226"/>
        <source>Notes (%1)</source>
        <translation>Notes (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="227"/>
        <source>Reservations (%1)</source>
        <translation>Reservations (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="228"/>
        <source>Follow-ups (%1)</source>
        <translation>Follow-ups (%1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="243"/>
        <source>No consent recorded</source>
        <translation>No consent recorded</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="253"/>
        <source>granted</source>
        <translation>granted</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="253"/>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="312"/>
        <source>Category: %1</source>
        <translation>Category: %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/profile.py" line="333"/>
        <source>requested — not confirmed</source>
        <translation>requested — not confirmed</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../clienteling/ui/search.py" line="46"/>
        <source>Search: name, kana, romaji, phone, email or card</source>
        <translation>Search: name, kana, romaji, phone, email or card</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="179"/>
        <source>No customer found</source>
        <translation>No customer found</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="180"/>
        <source>Type at least 2 characters</source>
        <translation>Type at least 2 characters</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="183"/>
        <source>Type a name, phone number, email or card number</source>
        <translation>Type a name, phone number, email or card number</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="186"/>
        <source>That is a product barcode, not a loyalty card</source>
        <translation>That is a product barcode, not a loyalty card</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="189"/>
        <source>Nothing was scanned.</source>
        <translation>Nothing was scanned.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="192"/>
        <source>Scan or type a product code, or choose a category.</source>
        <translation>Scan or type a product code, or choose a category.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="195"/>
        <source>Scan or type a product code.</source>
        <translation>Scan or type a product code.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="198"/>
        <source>That is a loyalty card, not a product: scan the product.</source>
        <translation>That is a loyalty card, not a product: scan the product.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="201"/>
        <source>The scanner sent no code: scan again.</source>
        <translation>The scanner sent no code: scan again.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="204"/>
        <source>This GS1 barcode could not be read: scan again.</source>
        <translation>This GS1 barcode could not be read: scan again.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="207"/>
        <source>This GS1 barcode holds no data.</source>
        <translation>This GS1 barcode holds no data.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="210"/>
        <source>This barcode holds no product code.</source>
        <translation>This barcode holds no product code.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="214"/>
        <source>This customer is not in the local cache: search for them again.</source>
        <translation>This customer is not in the local cache: search for them again.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="218"/>
        <source>This is not a barcode.</source>
        <translation>This is not a barcode.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="221"/>
        <source>This is not a barcode: the code is all zeros.</source>
        <translation>This is not a barcode: the code is all zeros.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="224"/>
        <source>This is not a barcode: the text is far too long.</source>
        <translation>This is not a barcode: the text is far too long.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="227"/>
        <source>This item of interest cannot be saved: check the code.</source>
        <translation>This item of interest cannot be saved: check the code.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="230"/>
        <source>This note cannot be saved: the customer id is not valid.</source>
        <translation>This note cannot be saved: the customer id is not valid.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="236"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="237"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="238"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="245"/>
        <source>Search text is too long (max %1)</source>
        <translation>Search text is too long (max %1)</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="249"/>
        <source>No product with code %1 in the catalogue.</source>
        <translation>No product with code %1 in the catalogue.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="255"/>
        <source>Product %1 is not in the catalogue.</source>
        <translation>Product %1 is not in the catalogue.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="261"/>
        <source>The check digit of product code %1 does not match: scan again.</source>
        <translation>The check digit of product code %1 does not match: scan again.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="267"/>
        <source>The check digit of %1 does not match: scan again or type the code.</source>
        <translation>The check digit of %1 does not match: scan again or type the code.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="274"/>
        <source>This is not a product or card barcode: it has %1 digits (expected 8, 12, 13 or 14).</source>
        <translation>This is not a product or card barcode: it has %1 digits (expected 8, 12, 13 or 14).</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="281"/>
        <source>%1 is empty.</source>
        <translation>%1 is empty.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="285"/>
        <source>%1 is too long: %2 characters, the limit is %3.</source>
        <translation>%1 is too long: %2 characters, the limit is %3.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/labels.py" line="291"/>
        <source>%1 must be text.</source>
        <translation>%1 must be text.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="43"/>
        <source>Register this terminal</source>
        <translation>Register this terminal</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="43"/>
        <source>Staff sign-in</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="47"/>
        <source>A manager registers this terminal to a store once.</source>
        <translation>A manager registers this terminal to a store once.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="49"/>
        <source>Sign in with your staff code and PIN.</source>
        <translation>Sign in with your staff code and PIN.</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="65"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sign_in.py" line="68"/>
        <source>Staff code</source>
        <translation>Staff code</translation>
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
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/submit_dialog.py" line="28"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="27"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="44"/>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="46"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="48"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="51"/>
        <source>%1 pending</source>
        <translation>%1 pending</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="53"/>
        <source>all saved</source>
        <translation>all saved</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="55"/>
        <source>%1 rejected</source>
        <translation>%1 rejected</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="57"/>
        <source>last sync %1</source>
        <translation>last sync %1</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="59"/>
        <source>not synced yet</source>
        <translation>not synced yet</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="61"/>
        <source>Tap to see pending and rejected changes</source>
        <translation>Tap to see pending and rejected changes</translation>
    </message>
    <message>
        <location filename="../../clienteling/ui/sync_indicator.py" line="63"/>
        <source>Last problem: %1</source>
        <translation>Last problem: %1</translation>
    </message>
</context>
</TS>
