<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Banner</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>FERTIG</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOPP</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>PRÜFEN</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>AKTION</translation>
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
        <translation>Einstellungsfehler</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>verbindet neu…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Waage</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Central</source>
        <translation>Zentrale</translation>
    </message>
    <message>
        <source>No scale</source>
        <translation>Keine Waage</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Keine Kamera</translation>
    </message>
    <message>
        <source>No scanner</source>
        <translation>Kein Scanner</translation>
    </message>
    <message>
        <source>No {0}</source>
        <translation>Ohne {0}</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>nicht genutzt</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Type a barcode</source>
        <translation>Barcode eintippen</translation>
    </message>
    <message>
        <source>Type the digits printed under the barcode. Typed codes are recorded as manual.</source>
        <translation>Ziffern unter dem Barcode eintippen. Getippte Codes werden als manuell erfasst.</translation>
    </message>
    <message>
        <source>e.g. 4006381333931</source>
        <translation>z. B. 4006381333931</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Enter)</translation>
    </message>
    <message>
        <source>Enter the weight</source>
        <translation>Gewicht eingeben</translation>
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
        <translation>Stationseinstellungen</translation>
    </message>
    <message>
        <source>An admin scans their badge to open the station settings.</source>
        <translation>Ein Admin scannt seinen Ausweis, um die Stationseinstellungen zu öffnen.</translation>
    </message>
    <message>
        <source>Use weight (Enter)</source>
        <translation>Gewicht übernehmen (Enter)</translation>
    </message>
    <message>
        <source>Sign in with PIN</source>
        <translation>Mit PIN anmelden</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Anmelden (Enter)</translation>
    </message>
    <message>
        <source>or admin name</source>
        <translation>oder Admin-Name</translation>
    </message>
    <message>
        <source>Open settings (Enter)</source>
        <translation>Einstellungen öffnen (Enter)</translation>
    </message>
    <message>
        <source>Weight of the closed box in grams (expected about {0} g):</source>
        <translation>Gewicht des geschlossenen Kartons in Gramm (erwartet etwa {0} g):</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Hello {name}. Scan an order.</source>
        <translation>Hallo {name}. Auftrag scannen.</translation>
    </message>
    <message>
        <source>Signed out. Scan a badge to sign in.</source>
        <translation>Abgemeldet. Zum Anmelden Ausweis scannen.</translation>
    </message>
    <message>
        <source>Scan your badge to sign in.</source>
        <translation>Zum Anmelden Ausweis scannen.</translation>
    </message>
    <message>
        <source>Badge {badge} is not known. Ask a supervisor.</source>
        <translation>Ausweis {badge} ist unbekannt. Vorarbeiter fragen.</translation>
    </message>
    <message>
        <source>Order {order}: {units} item(s). Scan items.</source>
        <translation>Auftrag {order}: {units} Artikel. Artikel scannen.</translation>
    </message>
    <message>
        <source>Read the packing instructions, then scan CONFIRM.</source>
        <translation>Packanweisung lesen, dann BESTÄTIGEN scannen.</translation>
    </message>
    <message>
        <source>Instructions confirmed. Scan items.</source>
        <translation>Anweisung bestätigt. Artikel scannen.</translation>
    </message>
    <message>
        <source>✓ {sku} {done}/{qty}</source>
        <translation>✓ {sku} {done}/{qty}</translation>
    </message>
    <message>
        <source>Wrong item: {sku} is not in order {order}. Put it back.</source>
        <translation>Falscher Artikel: {sku} gehört nicht zu Auftrag {order}. Zurücklegen.</translation>
    </message>
    <message>
        <source>{sku} belongs to order {order}. Put it back.</source>
        <translation>{sku} gehört zu Auftrag {order}. Zurücklegen.</translation>
    </message>
    <message>
        <source>Unknown barcode {code}. Set the item aside for a supervisor.</source>
        <translation>Unbekannter Barcode {code}. Artikel für den Vorarbeiter beiseitelegen.</translation>
    </message>
    <message>
        <source>Now scan the SERIAL number of {sku}.</source>
        <translation>Jetzt die SERIENNUMMER von {sku} scannen.</translation>
    </message>
    <message>
        <source>Now scan the LOT number of {sku}.</source>
        <translation>Jetzt die CHARGENNUMMER von {sku} scannen.</translation>
    </message>
    <message>
        <source>Order {order} is CANCELLED. Do not pack: tote to the supervisor.</source>
        <translation>Auftrag {order} ist STORNIERT. Nicht packen: Kiste zum Vorarbeiter.</translation>
    </message>
    <message>
        <source>Order {order} on hold. Tote to the hold shelf.</source>
        <translation>Auftrag {order} geparkt. Kiste ins Klärfall-Regal.</translation>
    </message>
    <message>
        <source>Order {order} packed. Scan the next order.</source>
        <translation>Auftrag {order} gepackt. Nächsten Auftrag scannen.</translation>
    </message>
    <message>
        <source>Box {box} labelled. Scan items for box {next}.</source>
        <translation>Karton {box} etikettiert. Artikel für Karton {next} scannen.</translation>
    </message>
    <message>
        <source>Undone: take {units}× {sku} out of the box.</source>
        <translation>Rückgängig: {units}× {sku} wieder aus dem Karton nehmen.</translation>
    </message>
    <message>
        <source>Reprinting label for box {box}.</source>
        <translation>Etikett für Karton {box} wird nachgedruckt.</translation>
    </message>
    <message>
        <source>Finish order {order} first (or HOLD it).</source>
        <translation>Erst Auftrag {order} abschließen (oder PARKEN).</translation>
    </message>
    <message>
        <source>Scan an order or tote first.</source>
        <translation>Zuerst Auftrag oder Kiste scannen.</translation>
    </message>
    <message>
        <source>No order or tote {ref}. Check the pick list.</source>
        <translation>Kein Auftrag und keine Kiste {ref}. Pickliste prüfen.</translation>
    </message>
    <message>
        <source>Nothing to undo in this box.</source>
        <translation>In diesem Karton gibt es nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Stopped packing {order}. Put everything back in the tote.</source>
        <translation>Packen von {order} abgebrochen. Alles zurück in die Kiste.</translation>
    </message>
    <message>
        <source>serial {0}</source>
        <translation>Seriennr. {0}</translation>
    </message>
</context>
<context>
    <name>Hardware</name>
    <message>
        <source>Zero the scale</source>
        <translation>Waage nullen</translation>
    </message>
    <message>
        <source>Tare the scale</source>
        <translation>Waage tarieren</translation>
    </message>
    <message>
        <source>no camera (switched off in the settings)</source>
        <translation>keine Kamera (in den Einstellungen ausgeschaltet)</translation>
    </message>
    <message>
        <source>Device settings wrong ({0}): {1}</source>
        <translation>Geräteeinstellungen falsch ({0}): {1}</translation>
    </message>
    <message>
        <source>Device settings are wrong: {0} not started.</source>
        <translation>Geräteeinstellungen falsch: {0} nicht gestartet.</translation>
    </message>
    <message>
        <source>{0} — fix it in Settings (Ctrl+,). The keyboard scanner works as usual.</source>
        <translation>{0} — in den Einstellungen (Ctrl+,) korrigieren. Der Tastatur-Scanner funktioniert wie gewohnt.</translation>
    </message>
    <message>
        <source>the devices are not started</source>
        <translation>die Geräte sind nicht gestartet</translation>
    </message>
    <message>
        <source>No photo of order {0}: {1}</source>
        <translation>Kein Foto von Auftrag {0}: {1}</translation>
    </message>
    <message>
        <source>Photo of order {0} saved.</source>
        <translation>Foto von Auftrag {0} gespeichert.</translation>
    </message>
    <message>
        <source>Photo of order {0} not recorded: {1}</source>
        <translation>Foto von Auftrag {0} nicht erfasst: {1}</translation>
    </message>
</context>
<context>
    <name>LabelPanel</name>
    <message>
        <source>SHIPPING LABEL</source>
        <translation>VERSANDETIKETT</translation>
    </message>
    <message>
        <source>No label yet</source>
        <translation>Noch kein Etikett</translation>
    </message>
    <message>
        <source>Waiting for the label…</source>
        <translation>Warte auf das Etikett…</translation>
    </message>
    <message>
        <source>No tracking number (station label)</source>
        <translation>Keine Sendungsnummer (Stationsetikett)</translation>
    </message>
    <message>
        <source>Label printer: {0}</source>
        <translation>Etikettendrucker: {0}</translation>
    </message>
    <message>
        <source>{0} parcel(s): {1}</source>
        <translation>{0} Paket(e): {1}</translation>
    </message>
    <message>
        <source>Order {0} · box {1} of {2}</source>
        <translation>Auftrag {0} · Karton {1} von {2}</translation>
    </message>
    <message>
        <source>(preview not available for this printer)</source>
        <translation>(keine Vorschau für diesen Drucker)</translation>
    </message>
    <message>
        <source>Billable weight {0}</source>
        <translation>Abrechnungsgewicht {0}</translation>
    </message>
    <message>
        <source>{0} day(s) in transit</source>
        <translation>{0} Tag(e) unterwegs</translation>
    </message>
    <message>
        <source>Tracking {0}</source>
        <translation>Sendungsnummer {0}</translation>
    </message>
    <message>
        <source>Label printed at {0}</source>
        <translation>Etikett gedruckt um {0}</translation>
    </message>
    <message>
        <source>Label did not print: {0}</source>
        <translation>Etikett nicht gedruckt: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Type code</source>
        <translation>Code tippen</translation>
    </message>
    <message>
        <source>Starting the station…</source>
        <translation>Station startet…</translation>
    </message>
    <message>
        <source>Station settings (Ctrl+,)</source>
        <translation>Stationseinstellungen (Strg+,)</translation>
    </message>
    <message>
        <source>Station settings</source>
        <translation>Stationseinstellungen</translation>
    </message>
    <message>
        <source>Full screen (F11)</source>
        <translation>Vollbild (F11)</translation>
    </message>
    <message>
        <source>That scan was NOT recorded. Scan it again; if this repeats, call IT.</source>
        <translation>Dieser Scan wurde NICHT gespeichert. Erneut scannen; wenn es wieder passiert, IT rufen.</translation>
    </message>
    <message>
        <source>PIN sign-in</source>
        <translation>PIN-Anmeldung</translation>
    </message>
    <message>
        <source>Type weight</source>
        <translation>Gewicht tippen</translation>
    </message>
    <message>
        <source>spool folder</source>
        <translation>Spool-Ordner</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>The station is not ready.</source>
        <translation>Die Station ist nicht bereit.</translation>
    </message>
    <message>
        <source>Scan your badge to sign in.</source>
        <translation>Zum Anmelden Ausweis scannen.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Next box</source>
        <translation>Neuer Karton</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Fehlmenge</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Parken</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Nachdruck</translation>
    </message>
    <message>
        <source>Void label</source>
        <translation>Storno</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Station error: {0}</source>
        <translation>Stationsfehler: {0}</translation>
    </message>
    <message>
        <source>The station could not start.</source>
        <translation>Die Station konnte nicht starten.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Scan an order or tote.</source>
        <translation>Auftrag oder Kiste scannen.</translation>
    </message>
    <message>
        <source>Scan the next order or tote.</source>
        <translation>Nächsten Auftrag oder Kiste scannen.</translation>
    </message>
    <message>
        <source>Scan the items.</source>
        <translation>Artikel scannen.</translation>
    </message>
    <message>
        <source>Scan a carton or press Confirm.</source>
        <translation>Karton scannen oder Bestätigen drücken.</translation>
    </message>
    <message>
        <source>Put the box on the scale.</source>
        <translation>Karton auf die Waage stellen.</translation>
    </message>
    <message>
        <source>Label is printing.</source>
        <translation>Etikett wird gedruckt.</translation>
    </message>
    <message>
        <source>none configured — labels go to the spool folder {0}</source>
        <translation>keiner eingerichtet — Etiketten gehen in den Spool-Ordner {0}</translation>
    </message>
    <message>
        <source>Name or PIN is wrong.</source>
        <translation>Name oder PIN ist falsch.</translation>
    </message>
    <message>
        <source>{0} events waiting to be sent</source>
        <translation>{0} Ereignisse noch nicht gesendet</translation>
    </message>
    <message>
        <source>Offline: packing the orders this station holds. {0}</source>
        <translation>Offline: Nur Aufträge packen, die auf dieser Station liegen. {0}</translation>
    </message>
    <message>
        <source>Station {0}</source>
        <translation>Station {0}</translation>
    </message>
    <message>
        <source>Printer: {0}</source>
        <translation>Drucker: {0}</translation>
    </message>
    <message>
        <source>Only an admin can change the station settings.</source>
        <translation>Nur ein Admin darf die Stationseinstellungen ändern.</translation>
    </message>
    <message>
        <source>Not recognised. Scan an admin badge.</source>
        <translation>Nicht erkannt. Admin-Ausweis scannen.</translation>
    </message>
    <message>
        <source>Screen settings ignored: {0}</source>
        <translation>Bildschirmeinstellungen ignoriert: {0}</translation>
    </message>
    <message>
        <source>Station not started: {0}</source>
        <translation>Station nicht gestartet: {0}</translation>
    </message>
    <message>
        <source>The station could not start: {0}
Fix the configuration, then restart.</source>
        <translation>Die Station konnte nicht starten: {0}
Konfiguration korrigieren, dann neu starten.</translation>
    </message>
    <message>
        <source>Resumed order {0} where it stopped.</source>
        <translation>Auftrag {0} wird dort fortgesetzt, wo er unterbrochen wurde.</translation>
    </message>
    <message>
        <source>Packer: {0}</source>
        <translation>Packer: {0}</translation>
    </message>
    <message>
        <source>Order {0} · box {1}</source>
        <translation>Auftrag {0} · Karton {1}</translation>
    </message>
    <message>
        <source>{0} has no badge id yet.</source>
        <translation>{0} hat noch keine Ausweisnummer.</translation>
    </message>
</context>
<context>
    <name>OrderView</name>
    <message>
        <source>Complete</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source> (serial)</source>
        <translation> (Seriennr.)</translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation>AUFTRAG</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnr.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Lagerplatz</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Gepackt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Scan lot number</source>
        <translation>Chargennr. scannen</translation>
    </message>
    <message>
        <source>Scan serial number</source>
        <translation>Seriennr. scannen</translation>
    </message>
    <message>
        <source> (lot)</source>
        <translation> (Charge)</translation>
    </message>
    <message>
        <source>Carrier not set</source>
        <translation>Kein Versanddienst</translation>
    </message>
    <message>
        <source>Packing instructions — confirmed</source>
        <translation>Packanweisung — bestätigt</translation>
    </message>
    <message>
        <source>Packing instructions — read, then press Confirm (F4) or scan CONFIRM</source>
        <translation>Packanweisung — lesen, dann Bestätigen (F4) drücken oder BESTÄTIGEN scannen</translation>
    </message>
    <message>
        <source>{0} to scan</source>
        <translation>noch {0} scannen</translation>
    </message>
    <message>
        <source>Box {0}</source>
        <translation>Karton {0}</translation>
    </message>
    <message>
        <source>Gift message: “{0}”</source>
        <translation>Geschenknachricht: „{0}“</translation>
    </message>
    <message>
        <source>{0} of {1} items packed</source>
        <translation>{0} von {1} Artikeln gepackt</translation>
    </message>
    <message>
        <source>PRIORITY {0}</source>
        <translation>PRIORITÄT {0}</translation>
    </message>
    <message>
        <source>Tote {0}</source>
        <translation>Kiste {0}</translation>
    </message>
    <message>
        <source>Ship by {0} — LATE</source>
        <translation>Versand bis {0} — VERSPÄTET</translation>
    </message>
    <message>
        <source>Ship by TODAY ({0})</source>
        <translation>Versand HEUTE ({0})</translation>
    </message>
    <message>
        <source>Ship by {0}</source>
        <translation>Versand bis {0}</translation>
    </message>
</context>
<context>
    <name>ScalePanel</name>
    <message>
        <source>Zero</source>
        <translation>Nullstellen</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tarieren</translation>
    </message>
    <message>
        <source>On the scale</source>
        <translation>Auf der Waage</translation>
    </message>
    <message>
        <source>Live weight</source>
        <translation>Aktuelles Gewicht</translation>
    </message>
    <message>
        <source>Expected for this box</source>
        <translation>Erwartet für diesen Karton</translation>
    </message>
    <message>
        <source>Weight gauge</source>
        <translation>Gewichtsanzeige</translation>
    </message>
    <message>
        <source>Connecting to the scale…</source>
        <translation>Verbinde mit der Waage…</translation>
    </message>
    <message>
        <source>Not weighed yet.</source>
        <translation>Noch nicht gewogen.</translation>
    </message>
    <message>
        <source>too heavy</source>
        <translation>zu schwer</translation>
    </message>
    <message>
        <source>too light</source>
        <translation>zu leicht</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0} fehlgeschlagen: {1}</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>No scale at this bench: type the weight (F2).</source>
        <translation>Keine Waage an diesem Packplatz: Gewicht tippen (F2).</translation>
    </message>
    <message>
        <source>Expected {0}</source>
        <translation>Erwartet {0}</translation>
    </message>
    <message>
        <source>{0} done.</source>
        <translation>{0} erledigt.</translation>
    </message>
    <message>
        <source>{0} refused: {1}</source>
        <translation>{0} abgelehnt: {1}</translation>
    </message>
    <message>
        <source>not now</source>
        <translation>nicht jetzt</translation>
    </message>
    <message>
        <source>Scale disconnected — reconnecting… Type the weight (F2) or wait.</source>
        <translation>Waage getrennt — verbindet neu… Gewicht tippen (F2) oder warten.</translation>
    </message>
    <message>
        <source>Tolerance ± {0} · accepted {1} – {2}</source>
        <translation>Toleranz ± {0} · erlaubt {1} – {2}</translation>
    </message>
    <message>
        <source>Weighed {0} — within tolerance</source>
        <translation>Gewogen {0} — innerhalb der Toleranz</translation>
    </message>
    <message>
        <source>Weighed {0} — {1} {2}</source>
        <translation>Gewogen {0} — {1} {2}</translation>
    </message>
    <message>
        <source>Tare done: {0} taken off.</source>
        <translation>Tariert: {0} abgezogen.</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0} an {1}</translation>
    </message>
    <message>
        <source>Scale disconnected. Check its cable and power, or type the weight (F2).</source>
        <translation>Waage getrennt. Kabel und Strom prüfen oder Gewicht tippen (F2).</translation>
    </message>
    <message>
        <source>Waiting for the scale…</source>
        <translation>Warte auf die Waage…</translation>
    </message>
    <message>
        <source>Overload</source>
        <translation>Überlast</translation>
    </message>
    <message>
        <source>Too heavy for the scale: take something off.</source>
        <translation>Zu schwer für die Waage: etwas herunternehmen.</translation>
    </message>
    <message>
        <source>Under range</source>
        <translation>Unterlast</translation>
    </message>
    <message>
        <source>Below the scale's range: check the platform, then press Zero.</source>
        <translation>Unter dem Wiegebereich: Wiegefläche prüfen, dann Null drücken.</translation>
    </message>
    <message>
        <source>The scale reports an error.</source>
        <translation>Die Waage meldet einen Fehler.</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Stabil</translation>
    </message>
    <message>
        <source>Moving — let the box settle</source>
        <translation>Schwankt — Karton ruhig liegen lassen</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Order cancelled — do not pack</source>
        <translation>Auftrag storniert — nicht packen</translation>
    </message>
    <message>
        <source>STOP packing this order</source>
        <translation>STOPP: diesen Auftrag nicht weiter packen</translation>
    </message>
    <message>
        <source>Order on hold — do not pack</source>
        <translation>Auftrag zurückgestellt — nicht packen</translation>
    </message>
    <message>
        <source>Order is being packed elsewhere</source>
        <translation>Auftrag wird an einer anderen Station gepackt</translation>
    </message>
    <message>
        <source>Order already packed — do not pack again</source>
        <translation>Auftrag schon gepackt — nicht erneut packen</translation>
    </message>
    <message>
        <source>Scan your badge to sign in</source>
        <translation>Zum Anmelden Ausweis scannen</translation>
    </message>
    <message>
        <source>Hold your badge under the scanner.</source>
        <translation>Ausweis unter den Scanner halten.</translation>
    </message>
    <message>
        <source>Sign in with name and PIN  (F2)</source>
        <translation>Mit Name und PIN anmelden  (F2)</translation>
    </message>
    <message>
        <source>Scan an order or tote</source>
        <translation>Auftrag oder Kiste scannen</translation>
    </message>
    <message>
        <source>The order number is on the pick list; the tote has its own label.</source>
        <translation>Die Auftragsnummer steht auf der Pickliste; die Kiste hat ein eigenes Etikett.</translation>
    </message>
    <message>
        <source>Scan the carton's barcode, or press Confirm (F4) to use the suggested one.</source>
        <translation>Barcode des Kartons scannen oder Bestätigen (F4) für den vorgeschlagenen drücken.</translation>
    </message>
    <message>
        <source>Zero  (Shift+F2)</source>
        <translation>Null  (Shift+F2)</translation>
    </message>
    <message>
        <source>Set the empty scale to 0</source>
        <translation>Leere Waage auf 0 stellen</translation>
    </message>
    <message>
        <source>Tare  (Shift+F3)</source>
        <translation>Tara  (Shift+F3)</translation>
    </message>
    <message>
        <source>Take the weight now on the scale (an empty carton, a tray) off the readings</source>
        <translation>Gewicht, das jetzt auf der Waage liegt (leerer Karton, Tablett), abziehen</translation>
    </message>
    <message>
        <source>Enter the weight by hand  (F2)</source>
        <translation>Gewicht von Hand eingeben  (F2)</translation>
    </message>
    <message>
        <source>Zeroing the scale…</source>
        <translation>Waage wird genullt…</translation>
    </message>
    <message>
        <source>Taring the scale…</source>
        <translation>Waage wird tariert…</translation>
    </message>
    <message>
        <source>If the label did not come out, fix the printer and press Reprint (F10).</source>
        <translation>Kam kein Etikett heraus: Drucker prüfen, dann Nachdruck (F10) drücken.</translation>
    </message>
    <message>
        <source>Do not pack</source>
        <translation>Nicht packen</translation>
    </message>
    <message>
        <source>Take the tote to the supervisor shelf, then scan the next order.</source>
        <translation>Kiste ins Regal für den Vorarbeiter stellen, dann nächsten Auftrag scannen.</translation>
    </message>
    <message>
        <source>Scan the next order or tote</source>
        <translation>Nächsten Auftrag oder Kiste scannen</translation>
    </message>
    <message>
        <source>Items are missing. Scan them, press Short (F7), or a supervisor scans their badge to ship without them.</source>
        <translation>Es fehlen Artikel. Scannen, Fehlmenge (F7) drücken oder ein Vorarbeiter scannt seinen Ausweis, um ohne sie zu versenden.</translation>
    </message>
    <message>
        <source>Do what the message above says, then press Reprint (F10) to try again; Hold (F9) sets the order aside.</source>
        <translation>Meldung oben befolgen, dann Nachdruck (F10) drücken; Parken (F9) legt den Auftrag beiseite.</translation>
    </message>
    <message>
        <source>Box {0}: choose a carton</source>
        <translation>Karton {0}: Verpackung wählen</translation>
    </message>
    <message>
        <source>Put box {0} ({1}) on the scale</source>
        <translation>Karton {0} ({1}) auf die Waage stellen</translation>
    </message>
    <message>
        <source>The label prints as soon as the box lies still within the tolerance.</source>
        <translation>Das Etikett wird gedruckt, sobald der Karton ruhig und innerhalb der Toleranz liegt.</translation>
    </message>
    <message>
        <source>The label prints as soon as the weight is right.</source>
        <translation>Das Etikett wird gedruckt, sobald das Gewicht stimmt.</translation>
    </message>
    <message>
        <source>Label for box {0}</source>
        <translation>Etikett für Karton {0}</translation>
    </message>
    <message>
        <source>Order {0} packed</source>
        <translation>Auftrag {0} gepackt</translation>
    </message>
    <message>
        <source>Suggested: {0} — {1} ({2}×{3}×{4} mm)</source>
        <translation>Vorschlag: {0} — {1} ({2}×{3}×{4} mm)</translation>
    </message>
    <message>
        <source>In this box: {0}</source>
        <translation>In diesem Karton: {0}</translation>
    </message>
    <message>
        <source>Outside ± {0}. Check the box and weigh again, Hold (F9), or a supervisor scans their badge.</source>
        <translation>Außerhalb ± {0}. Karton prüfen und erneut wiegen, Parken (F9) oder ein Vorarbeiter scannt seinen Ausweis.</translation>
    </message>
    <message>
        <source>{0}, scan an order or tote</source>
        <translation>{0}, Auftrag oder Kiste scannen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Station settings</source>
        <translation>Stationseinstellungen</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Serial scanners</source>
        <translation>Serielle Scanner</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Waage</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Screen and sound</source>
        <translation>Bildschirm und Ton</translation>
    </message>
    <message>
        <source>Label printer URI</source>
        <translation>Etikettendrucker-URI</translation>
    </message>
    <message>
        <source>Document printer URI</source>
        <translation>Dokumentdrucker-URI</translation>
    </message>
    <message>
        <source>Empty: labels and slips go to the spool folder.</source>
        <translation>Leer: Etiketten und Lieferscheine gehen in den Spool-Ordner.</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffix</translation>
    </message>
    <message>
        <source>Longest pause inside a scan</source>
        <translation>Längste Pause innerhalb eines Scans</translation>
    </message>
    <message>
        <source>Shortest scan</source>
        <translation>Kürzester Scan</translation>
    </message>
    <message>
        <source>Serial and USB-serial scanners (one URI each)</source>
        <translation>Serielle und USB-Seriell-Scanner (je eine URI)</translation>
    </message>
    <message>
        <source>Prefer usb://vendor:product/serial: it survives a reboot and another USB socket. `packstation devices list` prints the URI to copy. Examples: serial:///dev/ttyACM0?baud=115200&amp;suffix=crlf · sim://scanner (the simulator). A keyboard-wedge scanner needs no entry here.</source>
        <translation>Am besten usb://vendor:product/serial: übersteht einen Neustart und einen anderen USB-Anschluss. `packstation devices list` zeigt die URI zum Kopieren. Beispiele: serial:///dev/ttyACM0?baud=115200&amp;suffix=crlf · sim://scanner (der Simulator). Ein Tastatur-Scanner braucht hier keinen Eintrag.</translation>
    </message>
    <message>
        <source>Weigh every parcel</source>
        <translation>Jedes Paket wiegen</translation>
    </message>
    <message>
        <source>Scale URI</source>
        <translation>Waagen-URI</translation>
    </message>
    <message>
        <source>Weight tolerance</source>
        <translation>Gewichtstoleranz</translation>
    </message>
    <message>
        <source>… or percent of expected</source>
        <translation>… oder Prozent vom Erwarteten</translation>
    </message>
    <message>
        <source>Off (no photos)</source>
        <translation>Aus (keine Fotos)</translation>
    </message>
    <message>
        <source>The system's default camera</source>
        <translation>Standardkamera des Systems</translation>
    </message>
    <message>
        <source>Look for cameras</source>
        <translation>Kameras suchen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>keep for ever</source>
        <translation>für immer behalten</translation>
    </message>
    <message>
        <source>Box camera</source>
        <translation>Kartonkamera</translation>
    </message>
    <message>
        <source>Keep photos</source>
        <translation>Fotos behalten</translation>
    </message>
    <message>
        <source>A photo of the open box is taken when an order is packed and kept with its parcel. Older photos are deleted when the station starts.</source>
        <translation>Beim Packen eines Auftrags wird ein Foto des offenen Kartons gemacht und beim Paket gespeichert. Ältere Fotos werden beim Start der Station gelöscht.</translation>
    </message>
    <message>
        <source>Full screen (kiosk)</source>
        <translation>Vollbild (Kiosk)</translation>
    </message>
    <message>
        <source>Test sound</source>
        <translation>Ton testen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Sound volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Keyboard wedge, told apart by speed</source>
        <translation>Tastatur-Scanner, an der Geschwindigkeit erkannt</translation>
    </message>
    <message>
        <source>Keyboard wedge with a prefix</source>
        <translation>Tastatur-Scanner mit Präfix</translation>
    </message>
    <message>
        <source>Not a keyboard (serial scanner)</source>
        <translation>Keine Tastatur (serieller Scanner)</translation>
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
        <translation>Enter oder Tab</translation>
    </message>
    <message>
        <source>None (pause)</source>
        <translation>Keins (Pause)</translation>
    </message>
    <message>
        <source>No camera found (or camera support is not installed).</source>
        <translation>Keine Kamera gefunden (oder Kameraunterstützung nicht installiert).</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Gespeichert in {0}</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Nicht gespeichert: {0}</translation>
    </message>
    <message>
        <source>Found: {0}</source>
        <translation>Gefunden: {0}</translation>
    </message>
</context>
<context>
    <name>Sounds</name>
    <message>
        <source>Sound starting…</source>
        <translation>Ton startet…</translation>
    </message>
    <message>
        <source>Silent: no audio device found</source>
        <translation>Stumm: kein Audiogerät gefunden</translation>
    </message>
    <message>
        <source>Silent: sound support (PySide6-Addons) is not installed</source>
        <translation>Stumm: Tonunterstützung (PySide6-Addons) ist nicht installiert</translation>
    </message>
    <message>
        <source>Sound muted</source>
        <translation>Ton aus</translation>
    </message>
    <message>
        <source>Sound on ({0}%)</source>
        <translation>Ton an ({0} %)</translation>
    </message>
</context>
</TS>
