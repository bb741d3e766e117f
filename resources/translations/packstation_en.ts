<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Banner</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>DONE</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>CHECK</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
</context>
<context>
    <name>DeviceStrip</name>
    <message>
        <source>settings error</source>
        <translation>settings error</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>disconnected</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>reconnecting…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Central</source>
        <translation>Central</translation>
    </message>
    <message>
        <source>No scale</source>
        <translation>No scale</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>No scanner</source>
        <translation>No scanner</translation>
    </message>
    <message>
        <source>No {0}</source>
        <translation>No {0}</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>not in use</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Type a barcode</source>
        <translation>Type a barcode</translation>
    </message>
    <message>
        <source>Type the digits printed under the barcode. Typed codes are recorded as manual.</source>
        <translation>Type the digits printed under the barcode. Typed codes are recorded as manual.</translation>
    </message>
    <message>
        <source>e.g. 4006381333931</source>
        <translation>e.g. 4006381333931</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Send (Enter)</translation>
    </message>
    <message>
        <source>Enter the weight</source>
        <translation>Enter the weight</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Station settings</source>
        <translation>Station settings</translation>
    </message>
    <message>
        <source>An admin scans their badge to open the station settings.</source>
        <translation>An admin scans their badge to open the station settings.</translation>
    </message>
    <message>
        <source>Use weight (Enter)</source>
        <translation>Use weight (Enter)</translation>
    </message>
    <message>
        <source>Sign in with PIN</source>
        <translation>Sign in with PIN</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Sign in (Enter)</translation>
    </message>
    <message>
        <source>or admin name</source>
        <translation>or admin name</translation>
    </message>
    <message>
        <source>Open settings (Enter)</source>
        <translation>Open settings (Enter)</translation>
    </message>
    <message>
        <source>Weight of the closed box in grams (expected about {0} g):</source>
        <translation>Weight of the closed box in grams (expected about {0} g):</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Hello {name}. Scan an order.</source>
        <translation>Hello {name}. Scan an order.</translation>
    </message>
    <message>
        <source>Signed out. Scan a badge to sign in.</source>
        <translation>Signed out. Scan a badge to sign in.</translation>
    </message>
    <message>
        <source>Scan your badge to sign in.</source>
        <translation>Scan your badge to sign in.</translation>
    </message>
    <message>
        <source>Badge {badge} is not known. Ask a supervisor.</source>
        <translation>Badge {badge} is not known. Ask a supervisor.</translation>
    </message>
    <message>
        <source>Order {order}: {units} item(s). Scan items.</source>
        <translation>Order {order}: {units} item(s). Scan items.</translation>
    </message>
    <message>
        <source>Read the packing instructions, then scan CONFIRM.</source>
        <translation>Read the packing instructions, then scan CONFIRM.</translation>
    </message>
    <message>
        <source>Instructions confirmed. Scan items.</source>
        <translation>Instructions confirmed. Scan items.</translation>
    </message>
    <message>
        <source>✓ {sku} {done}/{qty}</source>
        <translation>✓ {sku} {done}/{qty}</translation>
    </message>
    <message>
        <source>Wrong item: {sku} is not in order {order}. Put it back.</source>
        <translation>Wrong item: {sku} is not in order {order}. Put it back.</translation>
    </message>
    <message>
        <source>{sku} belongs to order {order}. Put it back.</source>
        <translation>{sku} belongs to order {order}. Put it back.</translation>
    </message>
    <message>
        <source>Unknown barcode {code}. Set the item aside for a supervisor.</source>
        <translation>Unknown barcode {code}. Set the item aside for a supervisor.</translation>
    </message>
    <message>
        <source>Now scan the SERIAL number of {sku}.</source>
        <translation>Now scan the SERIAL number of {sku}.</translation>
    </message>
    <message>
        <source>Now scan the LOT number of {sku}.</source>
        <translation>Now scan the LOT number of {sku}.</translation>
    </message>
    <message>
        <source>Order {order} is CANCELLED. Do not pack: tote to the supervisor.</source>
        <translation>Order {order} is CANCELLED. Do not pack: tote to the supervisor.</translation>
    </message>
    <message>
        <source>Order {order} on hold. Tote to the hold shelf.</source>
        <translation>Order {order} on hold. Tote to the hold shelf.</translation>
    </message>
    <message>
        <source>Order {order} packed. Scan the next order.</source>
        <translation>Order {order} packed. Scan the next order.</translation>
    </message>
    <message>
        <source>Box {box} labelled. Scan items for box {next}.</source>
        <translation>Box {box} labelled. Scan items for box {next}.</translation>
    </message>
    <message>
        <source>Undone: take {units}× {sku} out of the box.</source>
        <translation>Undone: take {units}× {sku} out of the box.</translation>
    </message>
    <message>
        <source>Reprinting label for box {box}.</source>
        <translation>Reprinting label for box {box}.</translation>
    </message>
    <message>
        <source>Finish order {order} first (or HOLD it).</source>
        <translation>Finish order {order} first (or HOLD it).</translation>
    </message>
    <message>
        <source>Scan an order or tote first.</source>
        <translation>Scan an order or tote first.</translation>
    </message>
    <message>
        <source>No order or tote {ref}. Check the pick list.</source>
        <translation>No order or tote {ref}. Check the pick list.</translation>
    </message>
    <message>
        <source>Nothing to undo in this box.</source>
        <translation>Nothing to undo in this box.</translation>
    </message>
    <message>
        <source>Stopped packing {order}. Put everything back in the tote.</source>
        <translation>Stopped packing {order}. Put everything back in the tote.</translation>
    </message>
    <message>
        <source>serial {0}</source>
        <translation>serial {0}</translation>
    </message>
</context>
<context>
    <name>Hardware</name>
    <message>
        <source>Zero the scale</source>
        <translation>Zero the scale</translation>
    </message>
    <message>
        <source>Tare the scale</source>
        <translation>Tare the scale</translation>
    </message>
    <message>
        <source>no camera (switched off in the settings)</source>
        <translation>no camera (switched off in the settings)</translation>
    </message>
    <message>
        <source>Device settings wrong ({0}): {1}</source>
        <translation>Device settings wrong ({0}): {1}</translation>
    </message>
    <message>
        <source>Device settings are wrong: {0} not started.</source>
        <translation>Device settings are wrong: {0} not started.</translation>
    </message>
    <message>
        <source>{0} — fix it in Settings (Ctrl+,). The keyboard scanner works as usual.</source>
        <translation>{0} — fix it in Settings (Ctrl+,). The keyboard scanner works as usual.</translation>
    </message>
    <message>
        <source>the devices are not started</source>
        <translation>the devices are not started</translation>
    </message>
    <message>
        <source>No photo of order {0}: {1}</source>
        <translation>No photo of order {0}: {1}</translation>
    </message>
    <message>
        <source>Photo of order {0} saved.</source>
        <translation>Photo of order {0} saved.</translation>
    </message>
    <message>
        <source>Photo of order {0} not recorded: {1}</source>
        <translation>Photo of order {0} not recorded: {1}</translation>
    </message>
</context>
<context>
    <name>LabelPanel</name>
    <message>
        <source>SHIPPING LABEL</source>
        <translation>SHIPPING LABEL</translation>
    </message>
    <message>
        <source>No label yet</source>
        <translation>No label yet</translation>
    </message>
    <message>
        <source>Waiting for the label…</source>
        <translation>Waiting for the label…</translation>
    </message>
    <message>
        <source>No tracking number (station label)</source>
        <translation>No tracking number (station label)</translation>
    </message>
    <message>
        <source>Label printer: {0}</source>
        <translation>Label printer: {0}</translation>
    </message>
    <message>
        <source>{0} parcel(s): {1}</source>
        <translation>{0} parcel(s): {1}</translation>
    </message>
    <message>
        <source>Order {0} · box {1} of {2}</source>
        <translation>Order {0} · box {1} of {2}</translation>
    </message>
    <message>
        <source>(preview not available for this printer)</source>
        <translation>(preview not available for this printer)</translation>
    </message>
    <message>
        <source>Billable weight {0}</source>
        <translation>Billable weight {0}</translation>
    </message>
    <message>
        <source>{0} day(s) in transit</source>
        <translation>{0} day(s) in transit</translation>
    </message>
    <message>
        <source>Tracking {0}</source>
        <translation>Tracking {0}</translation>
    </message>
    <message>
        <source>Label printed at {0}</source>
        <translation>Label printed at {0}</translation>
    </message>
    <message>
        <source>Label did not print: {0}</source>
        <translation>Label did not print: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Type code</source>
        <translation>Type code</translation>
    </message>
    <message>
        <source>Starting the station…</source>
        <translation>Starting the station…</translation>
    </message>
    <message>
        <source>Station settings (Ctrl+,)</source>
        <translation>Station settings (Ctrl+,)</translation>
    </message>
    <message>
        <source>Station settings</source>
        <translation>Station settings</translation>
    </message>
    <message>
        <source>Full screen (F11)</source>
        <translation>Full screen (F11)</translation>
    </message>
    <message>
        <source>That scan was NOT recorded. Scan it again; if this repeats, call IT.</source>
        <translation>That scan was NOT recorded. Scan it again; if this repeats, call IT.</translation>
    </message>
    <message>
        <source>PIN sign-in</source>
        <translation>PIN sign-in</translation>
    </message>
    <message>
        <source>Type weight</source>
        <translation>Type weight</translation>
    </message>
    <message>
        <source>spool folder</source>
        <translation>spool folder</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>The station is not ready.</source>
        <translation>The station is not ready.</translation>
    </message>
    <message>
        <source>Scan your badge to sign in.</source>
        <translation>Scan your badge to sign in.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Next box</source>
        <translation>Next box</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Void label</source>
        <translation>Void label</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Station error: {0}</source>
        <translation>Station error: {0}</translation>
    </message>
    <message>
        <source>The station could not start.</source>
        <translation>The station could not start.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Scan an order or tote.</source>
        <translation>Scan an order or tote.</translation>
    </message>
    <message>
        <source>Scan the next order or tote.</source>
        <translation>Scan the next order or tote.</translation>
    </message>
    <message>
        <source>Scan the items.</source>
        <translation>Scan the items.</translation>
    </message>
    <message>
        <source>Scan a carton or press Confirm.</source>
        <translation>Scan a carton or press Confirm.</translation>
    </message>
    <message>
        <source>Put the box on the scale.</source>
        <translation>Put the box on the scale.</translation>
    </message>
    <message>
        <source>Label is printing.</source>
        <translation>Label is printing.</translation>
    </message>
    <message>
        <source>none configured — labels go to the spool folder {0}</source>
        <translation>none configured — labels go to the spool folder {0}</translation>
    </message>
    <message>
        <source>Name or PIN is wrong.</source>
        <translation>Name or PIN is wrong.</translation>
    </message>
    <message>
        <source>{0} events waiting to be sent</source>
        <translation>{0} events waiting to be sent</translation>
    </message>
    <message>
        <source>Offline: packing the orders this station holds. {0}</source>
        <translation>Offline: packing the orders this station holds. {0}</translation>
    </message>
    <message>
        <source>Station {0}</source>
        <translation>Station {0}</translation>
    </message>
    <message>
        <source>Printer: {0}</source>
        <translation>Printer: {0}</translation>
    </message>
    <message>
        <source>Only an admin can change the station settings.</source>
        <translation>Only an admin can change the station settings.</translation>
    </message>
    <message>
        <source>Not recognised. Scan an admin badge.</source>
        <translation>Not recognised. Scan an admin badge.</translation>
    </message>
    <message>
        <source>Screen settings ignored: {0}</source>
        <translation>Screen settings ignored: {0}</translation>
    </message>
    <message>
        <source>Station not started: {0}</source>
        <translation>Station not started: {0}</translation>
    </message>
    <message>
        <source>The station could not start: {0}
Fix the configuration, then restart.</source>
        <translation>The station could not start: {0}
Fix the configuration, then restart.</translation>
    </message>
    <message>
        <source>Resumed order {0} where it stopped.</source>
        <translation>Resumed order {0} where it stopped.</translation>
    </message>
    <message>
        <source>Packer: {0}</source>
        <translation>Packer: {0}</translation>
    </message>
    <message>
        <source>Order {0} · box {1}</source>
        <translation>Order {0} · box {1}</translation>
    </message>
    <message>
        <source>{0} has no badge id yet.</source>
        <translation>{0} has no badge id yet.</translation>
    </message>
</context>
<context>
    <name>OrderView</name>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source> (serial)</source>
        <translation> (serial)</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>ORDER</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Bin</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Scan lot number</source>
        <translation>Scan lot number</translation>
    </message>
    <message>
        <source>Scan serial number</source>
        <translation>Scan serial number</translation>
    </message>
    <message>
        <source> (lot)</source>
        <translation> (lot)</translation>
    </message>
    <message>
        <source>Carrier not set</source>
        <translation>Carrier not set</translation>
    </message>
    <message>
        <source>Packing instructions — confirmed</source>
        <translation>Packing instructions — confirmed</translation>
    </message>
    <message>
        <source>Packing instructions — read, then press Confirm (F4) or scan CONFIRM</source>
        <translation>Packing instructions — read, then press Confirm (F4) or scan CONFIRM</translation>
    </message>
    <message>
        <source>{0} to scan</source>
        <translation>{0} to scan</translation>
    </message>
    <message>
        <source>Box {0}</source>
        <translation>Box {0}</translation>
    </message>
    <message>
        <source>Gift message: “{0}”</source>
        <translation>Gift message: “{0}”</translation>
    </message>
    <message>
        <source>{0} of {1} items packed</source>
        <translation>{0} of {1} items packed</translation>
    </message>
    <message>
        <source>PRIORITY {0}</source>
        <translation>PRIORITY {0}</translation>
    </message>
    <message>
        <source>Tote {0}</source>
        <translation>Tote {0}</translation>
    </message>
    <message>
        <source>Ship by {0} — LATE</source>
        <translation>Ship by {0} — LATE</translation>
    </message>
    <message>
        <source>Ship by TODAY ({0})</source>
        <translation>Ship by TODAY ({0})</translation>
    </message>
    <message>
        <source>Ship by {0}</source>
        <translation>Ship by {0}</translation>
    </message>
</context>
<context>
    <name>ScalePanel</name>
    <message>
        <source>Zero</source>
        <translation>Zero</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tare</translation>
    </message>
    <message>
        <source>On the scale</source>
        <translation>On the scale</translation>
    </message>
    <message>
        <source>Live weight</source>
        <translation>Live weight</translation>
    </message>
    <message>
        <source>Expected for this box</source>
        <translation>Expected for this box</translation>
    </message>
    <message>
        <source>Weight gauge</source>
        <translation>Weight gauge</translation>
    </message>
    <message>
        <source>Connecting to the scale…</source>
        <translation>Connecting to the scale…</translation>
    </message>
    <message>
        <source>Not weighed yet.</source>
        <translation>Not weighed yet.</translation>
    </message>
    <message>
        <source>too heavy</source>
        <translation>too heavy</translation>
    </message>
    <message>
        <source>too light</source>
        <translation>too light</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0} failed: {1}</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>No scale at this bench: type the weight (F2).</source>
        <translation>No scale at this bench: type the weight (F2).</translation>
    </message>
    <message>
        <source>Expected {0}</source>
        <translation>Expected {0}</translation>
    </message>
    <message>
        <source>{0} done.</source>
        <translation>{0} done.</translation>
    </message>
    <message>
        <source>{0} refused: {1}</source>
        <translation>{0} refused: {1}</translation>
    </message>
    <message>
        <source>not now</source>
        <translation>not now</translation>
    </message>
    <message>
        <source>Scale disconnected — reconnecting… Type the weight (F2) or wait.</source>
        <translation>Scale disconnected — reconnecting… Type the weight (F2) or wait.</translation>
    </message>
    <message>
        <source>Tolerance ± {0} · accepted {1} – {2}</source>
        <translation>Tolerance ± {0} · accepted {1} – {2}</translation>
    </message>
    <message>
        <source>Weighed {0} — within tolerance</source>
        <translation>Weighed {0} — within tolerance</translation>
    </message>
    <message>
        <source>Weighed {0} — {1} {2}</source>
        <translation>Weighed {0} — {1} {2}</translation>
    </message>
    <message>
        <source>Tare done: {0} taken off.</source>
        <translation>Tare done: {0} taken off.</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0} on {1}</translation>
    </message>
    <message>
        <source>Scale disconnected. Check its cable and power, or type the weight (F2).</source>
        <translation>Scale disconnected. Check its cable and power, or type the weight (F2).</translation>
    </message>
    <message>
        <source>Waiting for the scale…</source>
        <translation>Waiting for the scale…</translation>
    </message>
    <message>
        <source>Overload</source>
        <translation>Overload</translation>
    </message>
    <message>
        <source>Too heavy for the scale: take something off.</source>
        <translation>Too heavy for the scale: take something off.</translation>
    </message>
    <message>
        <source>Under range</source>
        <translation>Under range</translation>
    </message>
    <message>
        <source>Below the scale's range: check the platform, then press Zero.</source>
        <translation>Below the scale's range: check the platform, then press Zero.</translation>
    </message>
    <message>
        <source>The scale reports an error.</source>
        <translation>The scale reports an error.</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Stable</translation>
    </message>
    <message>
        <source>Moving — let the box settle</source>
        <translation>Moving — let the box settle</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Order cancelled — do not pack</source>
        <translation>Order cancelled — do not pack</translation>
    </message>
    <message>
        <source>STOP packing this order</source>
        <translation>STOP packing this order</translation>
    </message>
    <message>
        <source>Order on hold — do not pack</source>
        <translation>Order on hold — do not pack</translation>
    </message>
    <message>
        <source>Order is being packed elsewhere</source>
        <translation>Order is being packed elsewhere</translation>
    </message>
    <message>
        <source>Order already packed — do not pack again</source>
        <translation>Order already packed — do not pack again</translation>
    </message>
    <message>
        <source>Scan your badge to sign in</source>
        <translation>Scan your badge to sign in</translation>
    </message>
    <message>
        <source>Hold your badge under the scanner.</source>
        <translation>Hold your badge under the scanner.</translation>
    </message>
    <message>
        <source>Sign in with name and PIN  (F2)</source>
        <translation>Sign in with name and PIN  (F2)</translation>
    </message>
    <message>
        <source>Scan an order or tote</source>
        <translation>Scan an order or tote</translation>
    </message>
    <message>
        <source>The order number is on the pick list; the tote has its own label.</source>
        <translation>The order number is on the pick list; the tote has its own label.</translation>
    </message>
    <message>
        <source>Scan the carton's barcode, or press Confirm (F4) to use the suggested one.</source>
        <translation>Scan the carton's barcode, or press Confirm (F4) to use the suggested one.</translation>
    </message>
    <message>
        <source>Zero  (Shift+F2)</source>
        <translation>Zero  (Shift+F2)</translation>
    </message>
    <message>
        <source>Set the empty scale to 0</source>
        <translation>Set the empty scale to 0</translation>
    </message>
    <message>
        <source>Tare  (Shift+F3)</source>
        <translation>Tare  (Shift+F3)</translation>
    </message>
    <message>
        <source>Take the weight now on the scale (an empty carton, a tray) off the readings</source>
        <translation>Take the weight now on the scale (an empty carton, a tray) off the readings</translation>
    </message>
    <message>
        <source>Enter the weight by hand  (F2)</source>
        <translation>Enter the weight by hand  (F2)</translation>
    </message>
    <message>
        <source>Zeroing the scale…</source>
        <translation>Zeroing the scale…</translation>
    </message>
    <message>
        <source>Taring the scale…</source>
        <translation>Taring the scale…</translation>
    </message>
    <message>
        <source>If the label did not come out, fix the printer and press Reprint (F10).</source>
        <translation>If the label did not come out, fix the printer and press Reprint (F10).</translation>
    </message>
    <message>
        <source>Do not pack</source>
        <translation>Do not pack</translation>
    </message>
    <message>
        <source>Take the tote to the supervisor shelf, then scan the next order.</source>
        <translation>Take the tote to the supervisor shelf, then scan the next order.</translation>
    </message>
    <message>
        <source>Scan the next order or tote</source>
        <translation>Scan the next order or tote</translation>
    </message>
    <message>
        <source>Items are missing. Scan them, press Short (F7), or a supervisor scans their badge to ship without them.</source>
        <translation>Items are missing. Scan them, press Short (F7), or a supervisor scans their badge to ship without them.</translation>
    </message>
    <message>
        <source>Do what the message above says, then press Reprint (F10) to try again; Hold (F9) sets the order aside.</source>
        <translation>Do what the message above says, then press Reprint (F10) to try again; Hold (F9) sets the order aside.</translation>
    </message>
    <message>
        <source>Box {0}: choose a carton</source>
        <translation>Box {0}: choose a carton</translation>
    </message>
    <message>
        <source>Put box {0} ({1}) on the scale</source>
        <translation>Put box {0} ({1}) on the scale</translation>
    </message>
    <message>
        <source>The label prints as soon as the box lies still within the tolerance.</source>
        <translation>The label prints as soon as the box lies still within the tolerance.</translation>
    </message>
    <message>
        <source>The label prints as soon as the weight is right.</source>
        <translation>The label prints as soon as the weight is right.</translation>
    </message>
    <message>
        <source>Label for box {0}</source>
        <translation>Label for box {0}</translation>
    </message>
    <message>
        <source>Order {0} packed</source>
        <translation>Order {0} packed</translation>
    </message>
    <message>
        <source>Suggested: {0} — {1} ({2}×{3}×{4} mm)</source>
        <translation>Suggested: {0} — {1} ({2}×{3}×{4} mm)</translation>
    </message>
    <message>
        <source>In this box: {0}</source>
        <translation>In this box: {0}</translation>
    </message>
    <message>
        <source>Outside ± {0}. Check the box and weigh again, Hold (F9), or a supervisor scans their badge.</source>
        <translation>Outside ± {0}. Check the box and weigh again, Hold (F9), or a supervisor scans their badge.</translation>
    </message>
    <message>
        <source>{0}, scan an order or tote</source>
        <translation>{0}, scan an order or tote</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Station settings</source>
        <translation>Station settings</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Serial scanners</source>
        <translation>Serial scanners</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Screen and sound</source>
        <translation>Screen and sound</translation>
    </message>
    <message>
        <source>Label printer URI</source>
        <translation>Label printer URI</translation>
    </message>
    <message>
        <source>Document printer URI</source>
        <translation>Document printer URI</translation>
    </message>
    <message>
        <source>Empty: labels and slips go to the spool folder.</source>
        <translation>Empty: labels and slips go to the spool folder.</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffix</translation>
    </message>
    <message>
        <source>Longest pause inside a scan</source>
        <translation>Longest pause inside a scan</translation>
    </message>
    <message>
        <source>Shortest scan</source>
        <translation>Shortest scan</translation>
    </message>
    <message>
        <source>Serial and USB-serial scanners (one URI each)</source>
        <translation>Serial and USB-serial scanners (one URI each)</translation>
    </message>
    <message>
        <source>Prefer usb://vendor:product/serial: it survives a reboot and another USB socket. `packstation devices list` prints the URI to copy. Examples: serial:///dev/ttyACM0?baud=115200&amp;suffix=crlf · sim://scanner (the simulator). A keyboard-wedge scanner needs no entry here.</source>
        <translation>Prefer usb://vendor:product/serial: it survives a reboot and another USB socket. `packstation devices list` prints the URI to copy. Examples: serial:///dev/ttyACM0?baud=115200&amp;suffix=crlf · sim://scanner (the simulator). A keyboard-wedge scanner needs no entry here.</translation>
    </message>
    <message>
        <source>Weigh every parcel</source>
        <translation>Weigh every parcel</translation>
    </message>
    <message>
        <source>Scale URI</source>
        <translation>Scale URI</translation>
    </message>
    <message>
        <source>Weight tolerance</source>
        <translation>Weight tolerance</translation>
    </message>
    <message>
        <source>… or percent of expected</source>
        <translation>… or percent of expected</translation>
    </message>
    <message>
        <source>Off (no photos)</source>
        <translation>Off (no photos)</translation>
    </message>
    <message>
        <source>The system's default camera</source>
        <translation>The system's default camera</translation>
    </message>
    <message>
        <source>Look for cameras</source>
        <translation>Look for cameras</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>keep for ever</source>
        <translation>keep for ever</translation>
    </message>
    <message>
        <source>Box camera</source>
        <translation>Box camera</translation>
    </message>
    <message>
        <source>Keep photos</source>
        <translation>Keep photos</translation>
    </message>
    <message>
        <source>A photo of the open box is taken when an order is packed and kept with its parcel. Older photos are deleted when the station starts.</source>
        <translation>A photo of the open box is taken when an order is packed and kept with its parcel. Older photos are deleted when the station starts.</translation>
    </message>
    <message>
        <source>Full screen (kiosk)</source>
        <translation>Full screen (kiosk)</translation>
    </message>
    <message>
        <source>Test sound</source>
        <translation>Test sound</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Sound volume</source>
        <translation>Sound volume</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Keyboard wedge, told apart by speed</source>
        <translation>Keyboard wedge, told apart by speed</translation>
    </message>
    <message>
        <source>Keyboard wedge with a prefix</source>
        <translation>Keyboard wedge with a prefix</translation>
    </message>
    <message>
        <source>Not a keyboard (serial scanner)</source>
        <translation>Not a keyboard (serial scanner)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Enter or Tab</source>
        <translation>Enter or Tab</translation>
    </message>
    <message>
        <source>None (pause)</source>
        <translation>None (pause)</translation>
    </message>
    <message>
        <source>No camera found (or camera support is not installed).</source>
        <translation>No camera found (or camera support is not installed).</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <source>Found: {0}</source>
        <translation>Found: {0}</translation>
    </message>
</context>
<context>
    <name>Sounds</name>
    <message>
        <source>Sound starting…</source>
        <translation>Sound starting…</translation>
    </message>
    <message>
        <source>Silent: no audio device found</source>
        <translation>Silent: no audio device found</translation>
    </message>
    <message>
        <source>Silent: sound support (PySide6-Addons) is not installed</source>
        <translation>Silent: sound support (PySide6-Addons) is not installed</translation>
    </message>
    <message>
        <source>Sound muted</source>
        <translation>Sound muted</translation>
    </message>
    <message>
        <source>Sound on ({0}%)</source>
        <translation>Sound on ({0}%)</translation>
    </message>
</context>
</TS>
