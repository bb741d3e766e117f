<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>App</name>
    <message>
        <source>Packstation is already running</source>
        <translation>Packstation läuft bereits</translation>
    </message>
    <message>
        <source>This station is already open.</source>
        <translation>Diese Station ist bereits geöffnet.</translation>
    </message>
    <message>
        <source>Another process is starting it.</source>
        <translation>Ein anderer Prozess startet sie gerade.</translation>
    </message>
    <message>
        <source>Use that window. A second station on this computer needs its own station folder (PACKSTATION_HOME).</source>
        <translation>Bitte jenes Fenster verwenden. Eine zweite Station auf diesem Computer braucht einen eigenen Stationsordner (PACKSTATION_HOME).</translation>
    </message>
    <message>
        <source>It runs in process {0} ({1}) since {2}.</source>
        <translation>Sie läuft in Prozess {0} ({1}) seit {2}.</translation>
    </message>
</context>
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
    <name>BulkPanel</name>
    <message>
        <source>Pack what is left</source>
        <translation>Rest packen</translation>
    </message>
    <message>
        <source>Export ASN…
JSON + CSV</source>
        <translation>Lieferavis exportieren…
JSON + CSV</translation>
    </message>
    <message>
        <source>Print pallet labels
GS1 SSCC</source>
        <translation>Palettenetiketten drucken
GS1 SSCC</translation>
    </message>
    <message>
        <source>Print carton labels
GS1 SSCC</source>
        <translation>Kartonetiketten drucken
GS1 SSCC</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>Pack what is left
{0} carton(s) on {1} pallet(s)</source>
        <translation>Rest packen
{0} Karton(s) auf {1} Palette(n)</translation>
    </message>
    <message>
        <source>{0} unit(s) left: single-SKU cartons of up to {1} units, up to {2} cartons per pallet.</source>
        <translation>{0} Stück offen: sortenreine Kartons mit bis zu {1} Stück, bis zu {2} Kartons je Palette.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>SSCC / SKU</source>
        <translation>SSCC / Artikelnr.</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>GTIN / lot</source>
        <translation>GTIN / Charge</translation>
    </message>
    <message>
        <source>not packed</source>
        <translation>nicht gepackt</translation>
    </message>
    <message>
        <source>No wholesale orders on this station.</source>
        <translation>Keine Großhandelsaufträge an dieser Station.</translation>
    </message>
    <message>
        <source>No pallets yet: pack the order first.</source>
        <translation>Noch keine Paletten: zuerst den Auftrag packen.</translation>
    </message>
    <message>
        <source>No cartons yet: pack the order first.</source>
        <translation>Noch keine Kartons: zuerst den Auftrag packen.</translation>
    </message>
    <message>
        <source>Wholesale order</source>
        <translation>Großhandelsauftrag</translation>
    </message>
    <message>
        <source>still to pack: {0}</source>
        <translation>noch zu packen: {0}</translation>
    </message>
    <message>
        <source>{0} to {1}: {2} pallet(s), {3} carton(s), {4} unit(s) — {5}</source>
        <translation>{0} an {1}: {2} Palette(n), {3} Karton(s), {4} Stück — {5}</translation>
    </message>
    <message>
        <source>Pallet</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Carton (not on a pallet)</source>
        <translation>Karton (ohne Palette)</translation>
    </message>
    <message>
        <source>Carton</source>
        <translation>Karton</translation>
    </message>
    <message>
        <source>{0} pallet(s), {1} carton(s)</source>
        <translation>{0} Palette(n), {1} Karton(s)</translation>
    </message>
    <message>
        <source>{0} carton(s)</source>
        <translation>{0} Karton(s)</translation>
    </message>
</context>
<context>
    <name>CarrierReasons</name>
    <message>
        <source>The EasyPost client is not installed at this station. Tell a supervisor.</source>
        <translation>Der EasyPost-Client ist an dieser Station nicht installiert. Dem Vorarbeiter Bescheid geben.</translation>
    </message>
    <message>
        <source>The carrier accepted the purchase but sent no label. Press Retry.</source>
        <translation>Der Versanddienst hat den Kauf angenommen, aber kein Etikett geschickt. Erneut versuchen drücken.</translation>
    </message>
    <message>
        <source>The carrier account refused this station's key. Tell a supervisor to check the EasyPost API key; set the parcel aside and pack the next order.</source>
        <translation>Das Konto beim Versanddienst lehnt den Schlüssel dieser Station ab. Den Vorarbeiter den EasyPost-API-Schlüssel prüfen lassen; das Paket beiseitestellen und den nächsten Auftrag packen.</translation>
    </message>
    <message>
        <source>The postage account is out of funds. Tell a supervisor to top it up; set the parcel aside and pack the next order.</source>
        <translation>Das Portokonto ist leer. Den Vorarbeiter bitten, es aufzuladen; das Paket beiseitestellen und den nächsten Auftrag packen.</translation>
    </message>
    <message>
        <source>The carrier service is busy. Wait ten seconds, then press Retry.</source>
        <translation>Der Versanddienst ist ausgelastet. Zehn Sekunden warten, dann Erneut versuchen drücken.</translation>
    </message>
    <message>
        <source>The carrier does not know this shipment.</source>
        <translation>Der Versanddienst kennt diese Sendung nicht.</translation>
    </message>
    <message>
        <source>The carrier cannot deliver to this address: {detail}. Set the parcel aside for the office to correct the address.</source>
        <translation>Der Versanddienst kann an diese Adresse nicht zustellen: {detail}. Das Paket beiseitestellen, damit das Büro die Adresse berichtigt.</translation>
    </message>
    <message>
        <source>The carrier refused this parcel: {detail}. Check the weight and the box and press Retry; if it fails again, set the parcel aside.</source>
        <translation>Der Versanddienst lehnt dieses Paket ab: {detail}. Gewicht und Karton prüfen und Erneut versuchen drücken; klappt es wieder nicht, das Paket beiseitestellen.</translation>
    </message>
    <message>
        <source>The carrier service is not answering. Press Retry in a minute, or set the parcel aside and pack the next order.</source>
        <translation>Der Versanddienst antwortet nicht. In einer Minute Erneut versuchen drücken oder das Paket beiseitestellen und den nächsten Auftrag packen.</translation>
    </message>
    <message>
        <source>The carrier refused the request: {detail}. Set the parcel aside and tell a supervisor.</source>
        <translation>Der Versanddienst lehnt die Anfrage ab: {detail}. Das Paket beiseitestellen und dem Vorarbeiter Bescheid geben.</translation>
    </message>
    <message>
        <source>No rate source is configured. Tell a supervisor ([shipping] sources).</source>
        <translation>Keine Tarifquelle eingerichtet. Dem Vorarbeiter Bescheid geben ([shipping] sources).</translation>
    </message>
    <message>
        <source>The label for order {order} box {box} is being bought at this moment. Wait a few seconds, then press Retry.</source>
        <translation>Das Etikett für Auftrag {order} Karton {box} wird gerade gekauft. Ein paar Sekunden warten, dann Erneut versuchen drücken.</translation>
    </message>
    <message>
        <source>The label for order {order} box {box} may have been bought, and the carrier cannot be asked right now. Do not label this parcel by hand: press Retry in a minute (it looks the purchase up first), or set it aside.</source>
        <translation>Das Etikett für Auftrag {order} Karton {box} ist vielleicht gekauft, und der Versanddienst ist gerade nicht erreichbar. Dieses Paket nicht von Hand etikettieren: in einer Minute Erneut versuchen drücken (es sucht zuerst den Kauf) oder das Paket beiseitestellen.</translation>
    </message>
    <message>
        <source>This parcel's label came from {source}, which is no longer set up.</source>
        <translation>Das Etikett dieses Pakets kam von {source}, das nicht mehr eingerichtet ist.</translation>
    </message>
    <message>
        <source>The ship-to address of order {order} cannot be verified: {detail}. Set the parcel aside for the office to correct it.</source>
        <translation>Die Lieferadresse von Auftrag {order} lässt sich nicht bestätigen: {detail}. Das Paket beiseitestellen, damit das Büro sie berichtigt.</translation>
    </message>
    <message>
        <source>The station's ship-from address is not set. Tell a supervisor ([ship_from]).</source>
        <translation>Die Absenderadresse der Station fehlt. Dem Vorarbeiter Bescheid geben ([ship_from]).</translation>
    </message>
    <message>
        <source>Order {order} has no complete ship-to address. Set the parcel aside for the office to correct it.</source>
        <translation>Auftrag {order} hat keine vollständige Lieferadresse. Das Paket beiseitestellen, damit das Büro sie berichtigt.</translation>
    </message>
    <message>
        <source>The carrier account key file can be read by other users of this computer. Tell a supervisor.</source>
        <translation>Die Schlüsseldatei des Versandkontos können andere Benutzer dieses Computers lesen. Dem Vorarbeiter Bescheid geben.</translation>
    </message>
    <message>
        <source>The carrier account key file cannot be read. Tell a supervisor (shipping.easypost_api_key_file).</source>
        <translation>Die Schlüsseldatei des Versandkontos lässt sich nicht lesen. Dem Vorarbeiter Bescheid geben (shipping.easypost_api_key_file).</translation>
    </message>
    <message>
        <source>No carrier account key is set up at this station. Tell a supervisor: set [shipping] easypost_api_key_file, or store the key in the keyring with `packstation shipping set-key`.</source>
        <translation>An dieser Station ist kein Schlüssel für das Versandkonto eingerichtet. Dem Vorarbeiter Bescheid geben: [shipping] easypost_api_key_file setzen oder den Schlüssel mit `packstation shipping set-key` im Schlüsselbund ablegen.</translation>
    </message>
    <message>
        <source>The station is set to read the carrier key from the keyring, but the keyring package is not installed. Tell a supervisor.</source>
        <translation>Die Station soll den Schlüssel des Versandkontos aus dem Schlüsselbund lesen, aber das Paket keyring ist nicht installiert. Dem Vorarbeiter Bescheid geben.</translation>
    </message>
    <message>
        <source>The keyring holding the carrier key cannot be opened. Tell a supervisor.</source>
        <translation>Der Schlüsselbund mit dem Schlüssel des Versandkontos lässt sich nicht öffnen. Dem Vorarbeiter Bescheid geben.</translation>
    </message>
</context>
<context>
    <name>ConfigReasons</name>
    <message>
        <source>{path}: not UTF-8 text ({reason})</source>
        <translation>{path}: kein UTF-8-Text ({reason})</translation>
    </message>
    <message>
        <source>{path}: not valid TOML: {error}</source>
        <translation>{path}: kein gültiges TOML: {error}</translation>
    </message>
    <message>
        <source>{source}: unknown section [{section}] (known: {known})</source>
        <translation>{source}: unbekannter Abschnitt [{section}] (bekannt: {known})</translation>
    </message>
    <message>
        <source>{source}: {section} must be a table like [{section}]</source>
        <translation>{source}: {section} muss ein Abschnitt wie [{section}] sein</translation>
    </message>
    <message>
        <source>{source}: unknown key {section}.{key} (known: {known})</source>
        <translation>{source}: unbekannter Schlüssel {section}.{key} (bekannt: {known})</translation>
    </message>
    <message>
        <source>{source}: {key} {problem}</source>
        <translation>{source}: {key} {problem}</translation>
    </message>
    <message>
        <source>must be text in quotes, not {value!r}</source>
        <translation>muss Text in Anführungszeichen sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>must be true or false, not {value!r}</source>
        <translation>muss „true“ oder „false“ sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number, not {value!r}</source>
        <translation>muss eine ganze Zahl sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>must be a number, not {value!r}</source>
        <translation>muss eine Zahl sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>must be between {minimum} and {maximum}, not {value}</source>
        <translation>muss zwischen {minimum} und {maximum} liegen, nicht {value}</translation>
    </message>
    <message>
        <source>must be between {minimum}, not {value}</source>
        <translation>muss mindestens {minimum} sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be one of {choices}, not {value!r}</source>
        <translation>muss eins von {choices} sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>{value!r} is not a printer URI like tcp://10.0.0.5:9100, serial:///dev/ttyUSB0?baud=9600, cups://Office, dir:///path/to/folder</source>
        <translation>{value!r} ist keine Druckeradresse wie tcp://10.0.0.5:9100, serial:///dev/ttyUSB0?baud=9600, cups://Office, dir:///path/to/folder</translation>
    </message>
    <message>
        <source>{value!r} is not a font on the printer like E:NOTOSANSCJK.TTF (drive R, B, E or A, a colon, the file name with .TTF, .TTE or .FNT)</source>
        <translation>{value!r} ist keine Schrift im Drucker wie „E:NOTOSANSCJK.TTF“ (Laufwerk R, B, E oder A, ein Doppelpunkt, der Dateiname mit „.TTF“, „.TTE“ oder „.FNT“)</translation>
    </message>
    <message>
        <source>{value!r} is not a device URI like serial:///dev/ttyUSB0?baud=9600, usb://0c2e:0b61 or sim://scale</source>
        <translation>{value!r} ist keine Geräteadresse wie serial:///dev/ttyUSB0?baud=9600, usb://0c2e:0b61 oder sim://scale</translation>
    </message>
    <message>
        <source>must be a list of device URIs in quotes</source>
        <translation>muss eine Liste von Geräteadressen in Anführungszeichen sein</translation>
    </message>
    <message>
        <source>lists characters to refuse in scans; {hidden!r} is not a printable character (control characters are always refused)</source>
        <translation>listet Zeichen, die in Scans abgelehnt werden; {hidden!r} ist kein druckbares Zeichen (Steuerzeichen werden immer abgelehnt)</translation>
    </message>
    <message>
        <source>is not a valid regular expression: {error}</source>
        <translation>ist kein gültiger regulärer Ausdruck: {error}</translation>
    </message>
    <message>
        <source>{source}: station.name {name!r} must be 1-32 letters, digits, '-' or '_'</source>
        <translation>{source}: „station.name“ {name!r} muss aus 1–32 Buchstaben, Ziffern, „-“ oder „_“ bestehen</translation>
    </message>
    <message>
        <source>{source}: {key} must be a table like {{ "Japan Post" = "never" }}, not {value!r}</source>
        <translation>{source}: {key} muss eine Tabelle wie „{{ "Japan Post" = "never" }}“ sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>{source}: {key}.{carrier!r} must be one of {rules}, not {rule!r}</source>
        <translation>{source}: {key}.{carrier!r} muss eins von {rules} sein, nicht {rule!r}</translation>
    </message>
    <message>
        <source>{source}: {key} must be a bin name of 1-32 letters, digits, '.', '_', '/' or '-' (starting with a letter or digit), not {value!r}</source>
        <translation>{source}: {key} muss ein Lagerplatzname aus 1–32 Buchstaben, Ziffern, „.“, „_“, „/“ oder „-“ sein (am Anfang ein Buchstabe oder eine Ziffer), nicht {value!r}</translation>
    </message>
    <message>
        <source>{source}: gs1.company_prefix must be your GS1 company prefix, 6-12 digits, not {value!r}</source>
        <translation>{source}: „gs1.company_prefix“ muss Ihre GS1-Basisnummer sein, 6–12 Ziffern, nicht {value!r}</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: kann nicht gelesen werden ({reason})</translation>
    </message>
    <message>
        <source>{source}: shipping.sources has {name!r}; known: {known}</source>
        <translation>{source}: shipping.sources enthält {name!r}; bekannt: {known}</translation>
    </message>
    <message>
        <source>{source}: {key} must start with https://, not {value!r}</source>
        <translation>{source}: {key} muss mit https:// beginnen, nicht {value!r}</translation>
    </message>
    <message>
        <source>{source}: email.enabled needs smtp.host and smtp.from</source>
        <translation>{source}: email.enabled braucht smtp.host und smtp.from</translation>
    </message>
    <message>
        <source>must be a whole number from {low} to {high}, not {value!r}</source>
        <translation>muss eine ganze Zahl von {low} bis {high} sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>must be a number from {low} to {high}, not {value!r}</source>
        <translation>muss eine Zahl von {low} bis {high} sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>must be a list of names in quotes, like ["a", "b"]</source>
        <translation>muss eine Liste von Namen in Anführungszeichen sein, wie ["a", "b"]</translation>
    </message>
    <message>
        <source>must be a table of names, like {{ Shopify = "acme" }}</source>
        <translation>muss eine Tabelle von Namen sein, wie „{{ Shopify = "acme" }}“</translation>
    </message>
    <message>
        <source>{key} {path}: cannot be read ({reason})</source>
        <translation>{key} {path}: kann nicht gelesen werden ({reason})</translation>
    </message>
    <message>
        <source>{source}: central.url must be a postgresql:// URL or a libpq key=value string</source>
        <translation>{source}: central.url muss eine postgresql://-Adresse oder eine libpq-Angabe „Schlüssel=Wert“ sein</translation>
    </message>
    <message>
        <source>{source}: central.password_file and central.keyring exclude each other</source>
        <translation>{source}: central.password_file und central.keyring schließen sich aus — nur eins davon angeben</translation>
    </message>
    <message>
        <source>cannot read {what} {path}: {reason}</source>
        <translation>{what} {path} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{what} {path} can be read by other users (mode {mode}); run: chmod 600 {path}</source>
        <translation>{what} {path} ist für andere Benutzer lesbar (Modus {mode}); ausführen: chmod 600 {path}</translation>
    </message>
    <message>
        <source>central.password_file {path} is empty</source>
        <translation>central.password_file {path} ist leer</translation>
    </message>
    <message>
        <source>central.keyring = true needs the 'keyring' package: pip install keyring</source>
        <translation>central.keyring = true braucht das Paket „keyring“: pip install keyring</translation>
    </message>
    <message>
        <source>no password for {user}@{host} in the OS keyring (service {service}); store it with: keyring set {service} {user}@{host}</source>
        <translation>kein Passwort für {user}@{host} im Schlüsselbund des Systems (Dienst {service}); speichern mit: keyring set {service} {user}@{host}</translation>
    </message>
</context>
<context>
    <name>CycleCount</name>
    <message>
        <source>0 ✓</source>
        <translation>0 ✓</translation>
    </message>
    <message>
        <source>Scan a bin label</source>
        <translation>Lagerplatz-Etikett scannen</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>Nachzählen</translation>
    </message>
    <message>
        <source>+{0} over</source>
        <translation>+{0} zu viel</translation>
    </message>
    <message>
        <source>−{0} short</source>
        <translation>−{0} zu wenig</translation>
    </message>
    <message>
        <source>Open counts</source>
        <translation>Offene Zählungen</translation>
    </message>
    <message>
        <source>Scan a bin's label to go on with its count.</source>
        <translation>Etikett eines Lagerplatzes scannen, um seine Zählung fortzusetzen.</translation>
    </message>
    <message>
        <source>That was NOT recorded. Try again; if this repeats, call IT.</source>
        <translation>Das wurde NICHT gespeichert. Noch einmal versuchen; wenn es wieder passiert, die IT rufen.</translation>
    </message>
    <message>
        <source>waiting for a supervisor</source>
        <translation>wartet auf einen Vorarbeiter</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Approved. Scan the next bin.</source>
        <translation>Freigegeben. Nächsten Lagerplatz scannen.</translation>
    </message>
    <message>
        <source>RECOUNT: supervisor, scan your badge</source>
        <translation>NACHZÄHLEN: Vorarbeiter, Ausweis scannen</translation>
    </message>
    <message>
        <source>Scan a supervisor badge to approve, or RECOUNT</source>
        <translation>VORARBEITER-Ausweis zum Freigeben scannen, oder NACHZÄHLEN</translation>
    </message>
    <message>
        <source>Approving books the variance into the stock. RECOUNT clears the counts for a new, blind round.</source>
        <translation>Freigeben bucht die Differenz in den Bestand. NACHZÄHLEN löscht die Zählung für eine neue, blinde Runde.</translation>
    </message>
    <message>
        <source>RECOUNT</source>
        <translation>NACHZÄHLEN</translation>
    </message>
    <message>
        <source>SUPERVISOR: scan your badge to approve, or RECOUNT ({0}).</source>
        <translation>VORARBEITER: Ausweis zum Freigeben scannen, oder NACHZÄHLEN ({0}).</translation>
    </message>
    <message>
        <source>Then scan every item in the bin, and COMPLETE ({0}) when it is empty. F2 types a bin.</source>
        <translation>Dann jeden Artikel im Lagerplatz scannen und FERTIG ({0}), wenn er leer ist. F2 tippt einen Lagerplatz.</translation>
    </message>
    <message>
        <source>Scan a bin label to count it.</source>
        <translation>Lagerplatz-Etikett scannen, um ihn zu zählen.</translation>
    </message>
    <message>
        <source>Bin {0}</source>
        <translation>Lagerplatz {0}</translation>
    </message>
    <message>
        <source> · round {0}</source>
        <translation> · Runde {0}</translation>
    </message>
    <message>
        <source>COUNTING</source>
        <translation>ZÄHLUNG LÄUFT</translation>
    </message>
    <message>
        <source>APPROVED</source>
        <translation>FREIGEGEBEN</translation>
    </message>
    <message>
        <source>Expected {0}, counted {1}: {2} line(s) off.</source>
        <translation>Soll {0}, gezählt {1}: {2} Zeile(n) abweichend.</translation>
    </message>
    <message>
        <source>Scan every item in the bin</source>
        <translation>Jeden Artikel im Lagerplatz scannen</translation>
    </message>
    <message>
        <source>Bin empty: COMPLETE ({0}). Scanned one too many: UNDO ({1}).</source>
        <translation>Lagerplatz leer: FERTIG ({0}). Einen zu viel gescannt: RÜCKGÄNGIG ({1}).</translation>
    </message>
    <message>
        <source>The count of bin {0} stays open.</source>
        <translation>Die Zählung von Lagerplatz {0} bleibt offen.</translation>
    </message>
    <message>
        <source>Scan the next bin.</source>
        <translation>Nächsten Lagerplatz scannen.</translation>
    </message>
    <message>
        <source>RECOUNT: a SUPERVISOR scans their badge now.</source>
        <translation>NACHZÄHLEN: jetzt scannt ein VORARBEITER seinen Ausweis.</translation>
    </message>
    <message>
        <source>Recount called off.</source>
        <translation>Nachzählen abgebrochen.</translation>
    </message>
    <message>
        <source>Scan a bin label.</source>
        <translation>Lagerplatz-Etikett scannen.</translation>
    </message>
    <message>
        <source>Scan the bin label first.</source>
        <translation>Zuerst das Lagerplatz-Etikett scannen.</translation>
    </message>
    <message>
        <source>This count is finished: no more scans.</source>
        <translation>Diese Zählung ist beendet: keine Scans mehr.</translation>
    </message>
    <message>
        <source>Quantity must be 1 or more.</source>
        <translation>Die Menge muss 1 oder mehr sein.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Then the supervisor scans the badge.</source>
        <translation>Dann scannt der Vorarbeiter seinen Ausweis.</translation>
    </message>
    <message>
        <source>That is a badge. Scan a bin label to count it.</source>
        <translation>Das ist ein Ausweis. Lagerplatz-Etikett scannen, um zu zählen.</translation>
    </message>
    <message>
        <source>RECOUNT is for a finished count.</source>
        <translation>NACHZÄHLEN gibt es nur für eine beendete Zählung.</translation>
    </message>
    <message>
        <source>That is not a bin label. Scan the bin label again.</source>
        <translation>Das ist kein Lagerplatz-Etikett. Lagerplatz-Etikett erneut scannen.</translation>
    </message>
    <message>
        <source>Not for counting: scan a bin label, then the items in it.</source>
        <translation>Nicht zum Zählen: Lagerplatz-Etikett scannen, dann die Artikel darin.</translation>
    </message>
    <message>
        <source>Scan refused.</source>
        <translation>Scan abgelehnt.</translation>
    </message>
    <message>
        <source>Station error: {0}</source>
        <translation>Stationsfehler: {0}</translation>
    </message>
    <message>
        <source>counting, round {0}</source>
        <translation>Zählung läuft, Runde {0}</translation>
    </message>
    <message>
        <source>WAITING FOR A SUPERVISOR</source>
        <translation>WARTET AUF VORARBEITER</translation>
    </message>
    <message>
        <source>{0} unit(s) of {1} SKU(s) counted so far. Blind count: what the records say is shown when you finish.</source>
        <translation>Bisher {0} Stück von {1} SKU(s) gezählt. Blindzählung: der Sollbestand wird erst nach dem Abschluss gezeigt.</translation>
    </message>
    <message>
        <source>Quantity {0}: scan the item</source>
        <translation>Menge {0}: Artikel scannen</translation>
    </message>
    <message>
        <source>The stock of bin {0} now says what was counted.</source>
        <translation>Der Bestand von Lagerplatz {0} entspricht jetzt der Zählung.</translation>
    </message>
    <message>
        <source>CANCEL ({0}) calls the recount off.</source>
        <translation>ABBRECHEN ({0}) bricht das Nachzählen ab.</translation>
    </message>
    <message>
        <source>Counting bin {0}: scan every item in it.</source>
        <translation>Zählung von Lagerplatz {0}: jeden Artikel darin scannen.</translation>
    </message>
    <message>
        <source>Approved by {0}.</source>
        <translation>Freigegeben von {0}.</translation>
    </message>
    <message>
        <source>{0} unit(s) off</source>
        <translation>{0} Stück abweichend</translation>
    </message>
    <message>
        <source>Counting bin {0}. Scan every item in it.</source>
        <translation>Zählung von Lagerplatz {0}. Jeden Artikel darin scannen.</translation>
    </message>
    <message>
        <source>Bin {0}: count resumed. Scan every item in it.</source>
        <translation>Lagerplatz {0}: Zählung fortgesetzt. Jeden Artikel darin scannen.</translation>
    </message>
    <message>
        <source>+{0} at once</source>
        <translation>+{0} auf einmal</translation>
    </message>
    <message>
        <source>{0}: {1} counted</source>
        <translation>{0}: {1} gezählt</translation>
    </message>
    <message>
        <source>Undone: {0} is back to {1}.</source>
        <translation>Rückgängig: {0} steht wieder auf {1}.</translation>
    </message>
    <message>
        <source>Quantity {0}: now scan the item.</source>
        <translation>Menge {0}: jetzt den Artikel scannen.</translation>
    </message>
    <message>
        <source>Bin {0}: {1} line(s) off.</source>
        <translation>Lagerplatz {0}: {1} Zeile(n) abweichend.</translation>
    </message>
    <message>
        <source>Bin {0}: no variance.</source>
        <translation>Lagerplatz {0}: keine Differenz.</translation>
    </message>
    <message>
        <source>Bin {0} approved by {1}: {2} stock correction(s) booked.</source>
        <translation>Lagerplatz {0} freigegeben von {1}: {2} Bestandskorrektur(en) gebucht.</translation>
    </message>
    <message>
        <source>CANCEL ({0}) calls it off.</source>
        <translation>ABBRECHEN ({0}) bricht es ab.</translation>
    </message>
    <message>
        <source>RECOUNT round {0}: count bin {1} again, every item.</source>
        <translation>NACHZÄHLEN Runde {0}: Lagerplatz {1} noch einmal zählen, jeden Artikel.</translation>
    </message>
    <message>
        <source>Bin {0}'s count is put aside: it stays open.</source>
        <translation>Die Zählung von Lagerplatz {0} ist zurückgestellt: sie bleibt offen.</translation>
    </message>
    <message>
        <source>Unknown barcode {0}. Set the item aside for a supervisor.</source>
        <translation>Unbekannter Barcode {0}. Artikel für den Vorarbeiter beiseitelegen.</translation>
    </message>
    <message>
        <source>Not counted: {0}</source>
        <translation>Nicht gezählt: {0}</translation>
    </message>
    <message>
        <source>Badge {0} is not known. Ask a supervisor.</source>
        <translation>Ausweis {0} ist unbekannt. Vorarbeiter fragen.</translation>
    </message>
    <message>
        <source>A supervisor must approve: {0} is not a supervisor.</source>
        <translation>Ein Vorarbeiter muss freigeben: {0} ist kein Vorarbeiter.</translation>
    </message>
    <message>
        <source>Finish the count first: COMPLETE ({0}).</source>
        <translation>Zuerst die Zählung beenden: FERTIG ({0}).</translation>
    </message>
    <message>
        <source>Finish it first: COMPLETE ({0}).</source>
        <translation>Zuerst beenden: FERTIG ({0}).</translation>
    </message>
    <message>
        <source>{0} is not used in a count.</source>
        <translation>{0} wird beim Zählen nicht verwendet.</translation>
    </message>
    <message>
        <source>Scan the items, then COMPLETE ({0}).</source>
        <translation>Artikel scannen, dann FERTIG ({0}).</translation>
    </message>
    <message>
        <source>Bin {0} is counted.</source>
        <translation>Lagerplatz {0} ist gezählt.</translation>
    </message>
</context>
<context>
    <name>DeviceReasons</name>
    <message>
        <source>{text!r} is not a device URI: use serial:///dev/ttyUSB0, usb://VID:PID or sim://scale</source>
        <translation>{text!r} ist keine Geräteadresse: z. B. serial:///dev/ttyUSB0, usb://VID:PID oder sim://scale angeben</translation>
    </message>
    <message>
        <source>{text}: unknown scheme {scheme!r} (known: {known})</source>
        <translation>{text}: unbekannte Adressart {scheme!r} (bekannt: {known})</translation>
    </message>
    <message>
        <source>{text}: the part after '?' must be name=value pairs joined by '&amp;'</source>
        <translation>{text}: nach „?“ müssen Paare „Name=Wert“ stehen, verbunden mit „&amp;“</translation>
    </message>
    <message>
        <source>{text}: parameter {key!r} is given twice</source>
        <translation>{text}: Parameter {key!r} ist zweimal angegeben</translation>
    </message>
    <message>
        <source>{text}: no port, e.g. serial:///dev/ttyUSB0 or serial://COM3</source>
        <translation>{text}: kein Anschluss angegeben, z. B. serial:///dev/ttyUSB0 oder serial://COM3</translation>
    </message>
    <message>
        <source>{text}: no port</source>
        <translation>{text}: kein Anschluss angegeben</translation>
    </message>
    <message>
        <source>{text}: sim:// takes 'scale' or 'scanner', not {what!r}</source>
        <translation>{text}: sim:// nimmt „scale“ (Waage) oder „scanner“, nicht {what!r}</translation>
    </message>
    <message>
        <source>{text}: usb:// needs a vendor and product id as 4 hex digits each, e.g. usb://05e0:1200 or usb://05e0:1200/SERIALNO (see `packstation devices list`)</source>
        <translation>{text}: usb:// braucht Hersteller- und Produktkennung mit je 4 Hex-Ziffern, z. B. usb://05e0:1200 oder usb://05e0:1200/SERIENNR (siehe „packstation devices list“)</translation>
    </message>
    <message>
        <source>{text}: a scanner URI cannot be sim://{target}</source>
        <translation>{text}: eine Scanner-Adresse kann nicht sim://{target} sein</translation>
    </message>
    <message>
        <source>{text}: a scale URI cannot be sim://{target}</source>
        <translation>{text}: eine Waagen-Adresse kann nicht sim://{target} sein</translation>
    </message>
    <message>
        <source>two scanners are named {name!r}: give each a different name=</source>
        <translation>zwei Scanner heißen {name!r}: jedem einen anderen Namen geben („name=“)</translation>
    </message>
    <message>
        <source>{text}: {key} must be one of {choices}, not {value!r}</source>
        <translation>{text}: {key} muss eins von {choices} sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>{text}: {key} must be a whole number, not {value!r}</source>
        <translation>{text}: {key} muss eine ganze Zahl sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>{text}: {key} must be between {minimum} and {maximum}, not {value}</source>
        <translation>{text}: {key} muss zwischen {minimum} und {maximum} liegen, nicht {value}</translation>
    </message>
    <message>
        <source>{text}: {key} must be a number, not {value!r}</source>
        <translation>{text}: {key} muss eine Zahl sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>{text}: {key} must be true or false, not {value!r}</source>
        <translation>{text}: {key} muss „true“ oder „false“ sein, nicht {value!r}</translation>
    </message>
    <message>
        <source>{text}: {key} is not a known parameter here (known: {known})</source>
        <translation>{text}: {key} ist hier kein bekannter Parameter (bekannt: {known})</translation>
    </message>
    <message>
        <source>{text}: {key} {problem}</source>
        <translation>{text}: {key} {problem}</translation>
    </message>
    <message>
        <source>{path} not found — is the device plugged in?</source>
        <translation>{path} nicht gefunden — Gerät einstecken</translation>
    </message>
    <message>
        <source>no permission to open {path} — add the station's user to the 'dialout' group</source>
        <translation>keine Berechtigung für {path} — Benutzer der Station in die Gruppe „dialout“ aufnehmen</translation>
    </message>
    <message>
        <source>{path} is in use by another program (is a second station window open?)</source>
        <translation>{path} ist von einem anderen Programm belegt — zweites Stationsfenster schließen</translation>
    </message>
    <message>
        <source>cannot open {path}: {error}</source>
        <translation>{path} lässt sich nicht öffnen: {error}</translation>
    </message>
    <message>
        <source>{name}: no such USB device connected — is it plugged in?</source>
        <translation>{name}: kein solches USB-Gerät angeschlossen — Gerät einstecken</translation>
    </message>
    <message>
        <source>{name}: {count} devices match (serial numbers: {serials}) — add the serial number to the URI</source>
        <translation>{name}: {count} Geräte passen (Seriennummern: {serials}) — Seriennummer in der Adresse angeben</translation>
    </message>
    <message>
        <source>{port} is unplugged</source>
        <translation>{port} ist ausgesteckt</translation>
    </message>
    <message>
        <source>connected on {port}</source>
        <translation>verbunden an {port}</translation>
    </message>
    <message>
        <source>disconnected: {reason}</source>
        <translation>getrennt: {reason}</translation>
    </message>
    <message>
        <source>cannot open: {error}</source>
        <translation>lässt sich nicht öffnen: {error}</translation>
    </message>
    <message>
        <source>driver error: {error}</source>
        <translation>Treiberfehler: {error}</translation>
    </message>
    <message>
        <source>{port} vanished</source>
        <translation>{port} ist weg — Kabel prüfen</translation>
    </message>
    <message>
        <source>the scale stopped answering on {port} (powered off?)</source>
        <translation>die Waage an {port} antwortet nicht mehr — Waage einschalten</translation>
    </message>
    <message>
        <source>no data from the scale on {port} for {seconds} s</source>
        <translation>seit {seconds} s keine Daten von der Waage an {port}</translation>
    </message>
    <message>
        <source>the simulated device was unplugged</source>
        <translation>das simulierte Gerät wurde ausgesteckt</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>{port}: {error}</source>
        <translation>{port}: {error}</translation>
    </message>
    <message>
        <source>{port}: read failed ({error})</source>
        <translation>{port}: Lesen fehlgeschlagen ({error})</translation>
    </message>
    <message>
        <source>{port}: write failed ({error})</source>
        <translation>{port}: Senden fehlgeschlagen ({error})</translation>
    </message>
    <message>
        <source>{port}: the device hung up (unplugged or switched off)</source>
        <translation>{port}: das Gerät hat aufgelegt (ausgesteckt oder ausgeschaltet)</translation>
    </message>
    <message>
        <source>loopback closed</source>
        <translation>Schleife geschlossen</translation>
    </message>
    <message>
        <source>no scale configured — parcels use their expected weight</source>
        <translation>keine Waage eingerichtet — Pakete bekommen ihr erwartetes Gewicht</translation>
    </message>
    <message>
        <source>no camera (switched off in the configuration)</source>
        <translation>keine Kamera (in den Einstellungen abgeschaltet)</translation>
    </message>
    <message>
        <source>no camera support installed (QtMultimedia is missing)</source>
        <translation>Kameraunterstützung nicht installiert (QtMultimedia fehlt)</translation>
    </message>
    <message>
        <source>no camera — photos are not taken</source>
        <translation>keine Kamera — es werden keine Fotos gemacht</translation>
    </message>
    <message>
        <source>no camera matching {device!r} — photos are not taken</source>
        <translation>keine Kamera passt zu {device!r} — es werden keine Fotos gemacht</translation>
    </message>
    <message>
        <source>camera {name}</source>
        <translation>Kamera {name}</translation>
    </message>
    <message>
        <source>camera unplugged — photos are not taken until it is back</source>
        <translation>Kamera ausgesteckt — keine Fotos, bis sie wieder da ist</translation>
    </message>
    <message>
        <source>camera error: {error}</source>
        <translation>Kamerafehler: {error}</translation>
    </message>
    <message>
        <source>the camera is not ready</source>
        <translation>die Kamera ist nicht bereit</translation>
    </message>
    <message>
        <source>camera stopped before the photo was taken</source>
        <translation>Kamera gestoppt, bevor das Foto gemacht wurde</translation>
    </message>
    <message>
        <source>photo failed: {error}</source>
        <translation>Foto fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>photo not saved: {error}</source>
        <translation>Foto nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Scale overloaded — take the parcel off.</source>
        <translation>Waage überlastet — Paket herunternehmen.</translation>
    </message>
    <message>
        <source>Scale below zero — check the platform, then zero the scale.</source>
        <translation>Waage unter null — Wiegeplatte prüfen, dann Waage nullstellen.</translation>
    </message>
    <message>
        <source>Scale is busy (zeroing or taring) — wait a moment.</source>
        <translation>Waage ist beschäftigt (Nullstellen oder Tarieren) — einen Moment warten.</translation>
    </message>
    <message>
        <source>Scale in motion.</source>
        <translation>Waage in Bewegung.</translation>
    </message>
    <message>
        <source>Scale zeroing error — empty the platform and zero the scale.</source>
        <translation>Nullstellfehler der Waage — Wiegeplatte leeren und Waage nullstellen.</translation>
    </message>
    <message>
        <source>Scale reports a {fault} error — service the scale.</source>
        <translation>Waage meldet einen Fehler ({fault}) — Waage zur Wartung geben.</translation>
    </message>
    <message>
        <source>calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>initial zero</source>
        <translation>Einschalt-Null</translation>
    </message>
    <message>
        <source>{first}, {then}</source>
        <translation>{first}, {then}</translation>
    </message>
    <message>
        <source>The scale did not recognise the command — check the protocol setting.</source>
        <translation>Die Waage hat den Befehl nicht erkannt — Protokoll-Einstellung prüfen.</translation>
    </message>
    <message>
        <source>The scale did not recognise the command (MT-SICS syntax error) — check the protocol setting.</source>
        <translation>Die Waage hat den Befehl nicht erkannt (MT-SICS-Syntaxfehler) — Protokoll-Einstellung prüfen.</translation>
    </message>
    <message>
        <source>The scale received a garbled command (transmission error) — check baud rate and parity.</source>
        <translation>Die Waage hat einen verstümmelten Befehl erhalten (Übertragungsfehler) — Baudrate und Parität prüfen.</translation>
    </message>
    <message>
        <source>The scale cannot carry out that command now (logical error).</source>
        <translation>Die Waage kann diesen Befehl jetzt nicht ausführen (logischer Fehler).</translation>
    </message>
    <message>
        <source>Scale zeroed.</source>
        <translation>Waage nullgestellt.</translation>
    </message>
    <message>
        <source>Zero not possible now — wait until the scale is still, then try again.</source>
        <translation>Nullstellen jetzt nicht möglich — warten, bis die Waage ruhig ist, dann noch einmal.</translation>
    </message>
    <message>
        <source>Too heavy to zero — take everything off the scale, then zero.</source>
        <translation>Zu schwer zum Nullstellen — alles von der Waage nehmen, dann nullstellen.</translation>
    </message>
    <message>
        <source>Below the zero range — put the platform back in place, then zero.</source>
        <translation>Unter dem Nullstellbereich — Wiegeplatte richtig einsetzen, dann nullstellen.</translation>
    </message>
    <message>
        <source>Scale tared ({value} {unit}).</source>
        <translation>Waage tariert ({value} {unit}).</translation>
    </message>
    <message>
        <source>Tare not possible now — wait until the scale is still, then try again.</source>
        <translation>Tarieren jetzt nicht möglich — warten, bis die Waage ruhig ist, dann noch einmal.</translation>
    </message>
    <message>
        <source>Too heavy to tare — the tare is above the scale's taring range.</source>
        <translation>Zu schwer zum Tarieren — die Tara liegt über dem Tarierbereich der Waage.</translation>
    </message>
    <message>
        <source>Cannot tare a negative weight — zero the scale first.</source>
        <translation>Ein negatives Gewicht lässt sich nicht tarieren — Waage zuerst nullstellen.</translation>
    </message>
    <message>
        <source>Scale sent {value!r} {unit!r}: {problem} — set the scale to g, kg, lb or oz.</source>
        <translation>Waage sendete {value!r} {unit!r}: {problem} — Waage auf g, kg, lb oder oz einstellen.</translation>
    </message>
    <message>
        <source>Scale sent an unreadable weight: {problem}</source>
        <translation>Waage sendete ein unlesbares Gewicht: {problem}</translation>
    </message>
    <message>
        <source>Scale sent an unreadable weight {field!r}.</source>
        <translation>Waage sendete ein unlesbares Gewicht {field!r}.</translation>
    </message>
    <message>
        <source>Scale frames carry no unit — add unit=g or unit=kg to the scale's URI.</source>
        <translation>Die Daten der Waage haben keine Einheit — unit=g oder unit=kg an die URI der Waage anhängen.</translation>
    </message>
    <message>
        <source>{name} is not connected</source>
        <translation>{name} ist nicht verbunden</translation>
    </message>
    <message>
        <source>this scale ({protocol}) has no {action} command</source>
        <translation>diese Waage ({protocol}) kennt keinen Befehl „{action}“</translation>
    </message>
    <message>
        <source>the scale did not answer {action}</source>
        <translation>die Waage hat auf „{action}“ nicht geantwortet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>{name} disconnected before it answered</source>
        <translation>{name} wurde getrennt, bevor sie antwortete</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>Nullstellen</translation>
    </message>
    <message>
        <source>tare</source>
        <translation>Tarieren</translation>
    </message>
    <message>
        <source>weigh</source>
        <translation>Wiegen</translation>
    </message>
    <message>
        <source>unknown weight unit {unit!r} (known: {known})</source>
        <translation>unbekannte Gewichtseinheit {unit!r} (bekannt: {known})</translation>
    </message>
    <message>
        <source>{value!r} is not a number</source>
        <translation>{value!r} ist keine Zahl</translation>
    </message>
    <message>
        <source>{value!r} is not a weight a scale can show</source>
        <translation>{value!r} ist kein Gewicht, das eine Waage anzeigen kann</translation>
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
        <source>Put the closed box on the scale and type what the scale shows, in grams. Typed weights are recorded as typed.</source>
        <translation>Den geschlossenen Karton auf die Waage stellen und eingeben, was die Waage anzeigt, in Gramm. Eingetippte Gewichte werden als eingetippt gespeichert.</translation>
    </message>
    <message>
        <source>grams, e.g. 1250</source>
        <translation>Gramm, z. B. 1250</translation>
    </message>
    <message>
        <source>Use weight (Enter)</source>
        <translation>Gewicht übernehmen (Enter)</translation>
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
        <source>Choose a new PIN</source>
        <translation>Neue PIN wählen</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Neue PIN wiederholen</translation>
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
        <source>Save the new PIN (Enter)</source>
        <translation>Neue PIN speichern (Enter)</translation>
    </message>
    <message>
        <source>Open settings (Enter)</source>
        <translation>Einstellungen öffnen (Enter)</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Die beiden PINs sind verschieden.</translation>
    </message>
    <message>
        <source>A PIN of {0} to 12 digits.</source>
        <translation>Eine PIN aus {0} bis 12 Ziffern.</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Nothing was scanned — scan the barcode again.</source>
        <translation>Nichts gescannt — Barcode erneut scannen.</translation>
    </message>
    <message>
        <source>Scan is too long — scan one barcode at a time.</source>
        <translation>Scan ist zu lang — immer nur einen Barcode scannen.</translation>
    </message>
    <message>
        <source>Scanner sent unreadable data — check the scanner's keyboard setting, then scan again.</source>
        <translation>Der Scanner hat unlesbare Daten gesendet — Tastatur-Einstellung des Scanners prüfen, dann erneut scannen.</translation>
    </message>
    <message>
        <source>Scan {raw} has a hidden control character — check the scanner setup, then scan again.</source>
        <translation>Scan {raw} enthält ein verstecktes Steuerzeichen — Scanner-Einrichtung prüfen, dann erneut scannen.</translation>
    </message>
    <message>
        <source>Scan {raw} has a character not allowed in a barcode — type the code or call a supervisor.</source>
        <translation>Scan {raw} enthält ein Zeichen, das in keinem Barcode erlaubt ist — Code eintippen oder Vorarbeiter rufen.</translation>
    </message>
    <message>
        <source>Barcode {raw}: the check digit is wrong — scan it again or type it.</source>
        <translation>Barcode {raw}: die Prüfziffer ist falsch — erneut scannen oder eintippen.</translation>
    </message>
    <message>
        <source>Barcode data is cut off — scan it again.</source>
        <translation>Barcode-Daten sind abgeschnitten — erneut scannen.</translation>
    </message>
    <message>
        <source>Barcode {raw} has a GS1 field this station does not know — scan the product's other barcode.</source>
        <translation>Barcode {raw} hat ein GS1-Feld, das dieser Platz nicht kennt — den anderen Barcode des Artikels scannen.</translation>
    </message>
    <message>
        <source>Barcode {raw} has a field that is not valid — scan another barcode or call a supervisor.</source>
        <translation>Barcode {raw} hat ein ungültiges Feld — einen anderen Barcode scannen oder Vorarbeiter rufen.</translation>
    </message>
    <message>
        <source>Command card {raw} is not valid — use a card from the command sheet.</source>
        <translation>Befehlskarte {raw} ist ungültig — eine Karte vom Befehlsblatt nehmen.</translation>
    </message>
    <message>
        <source>Badge code is not valid — scan your badge again or ask a supervisor.</source>
        <translation>Ausweis-Code ist ungültig — Ausweis erneut scannen oder Vorarbeiter fragen.</translation>
    </message>
    <message>
        <source>Scan {raw} could not be read — scan it again or type it.</source>
        <translation>Scan {raw} nicht lesbar — erneut scannen oder eintippen.</translation>
    </message>
    <message>
        <source>{raw} names more than one order: type the full order number or scan the order's barcode.</source>
        <translation>{raw} passt zu mehr als einem Auftrag: vollständige Auftragsnummer eintippen oder den Barcode des Auftrags scannen.</translation>
    </message>
    <message>
        <source>Returns card {raw} is not valid — use a card from the returns sheet, or type the order number.</source>
        <translation>Retourenkarte {raw} ist ungültig — eine Karte vom Retourenblatt nehmen, oder die Auftragsnummer eintippen.</translation>
    </message>
    <message>
        <source>resellable</source>
        <translation>verkaufsfähig</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>wrong item</source>
        <translation>falscher Artikel</translation>
    </message>
    <message>
        <source>missing parts</source>
        <translation>Teile fehlen</translation>
    </message>
    <message>
        <source>late return</source>
        <translation>verspätete Retoure</translation>
    </message>
    <message>
        <source>item not in the order</source>
        <translation>Artikel nicht im Auftrag</translation>
    </message>
    <message>
        <source>serial not shipped</source>
        <translation>Seriennummer nicht versandt</translation>
    </message>
    <message>
        <source>serial already returned</source>
        <translation>Seriennummer schon zurückgegeben</translation>
    </message>
    <message>
        <source>more than shipped</source>
        <translation>mehr als versandt</translation>
    </message>
    <message>
        <source>unknown item</source>
        <translation>unbekannter Artikel</translation>
    </message>
    <message>
        <source>restock to {bin}</source>
        <translation>zurück ins Lager nach {bin}</translation>
    </message>
    <message>
        <source>restock: scan the bin</source>
        <translation>zurück ins Lager: Lagerplatz scannen</translation>
    </message>
    <message>
        <source>put it in {bin}</source>
        <translation>in {bin} legen</translation>
    </message>
    <message>
        <source>dispose</source>
        <translation>entsorgen</translation>
    </message>
    <message>
        <source>return to vendor</source>
        <translation>an den Lieferanten zurück</translation>
    </message>
    <message>
        <source>serial {0}</source>
        <translation>Seriennr. {0}</translation>
    </message>
    <message>
        <source>{0} (tote {1})</source>
        <translation>{0} (Kiste {1})</translation>
    </message>
    <message>
        <source>+{0} more</source>
        <translation>+{0} weitere</translation>
    </message>
    <message>
        <source>Hello {name}. Scan a return label, RMA, tracking or order number.</source>
        <translation>Hallo {name}. Retourenetikett, RMA-, Sendungs- oder Auftragsnummer scannen.</translation>
    </message>
    <message>
        <source>Hello {name}. Scan a return.</source>
        <translation>Hallo {name}. Retoure scannen.</translation>
    </message>
    <message>
        <source>Approved by {name}: {flags}.</source>
        <translation>Freigegeben von {name}: {flags}.</translation>
    </message>
    <message>
        <source>Return {number}: order {order} shipped {shipped}, past the {days}-day window. Scan the items; a supervisor must approve.</source>
        <translation>Retoure {number}: Auftrag {order} versandt am {shipped}, nach der {days}-Tage-Frist. Artikel scannen; ein Vorarbeiter muss freigeben.</translation>
    </message>
    <message>
        <source>Unknown barcode {text}. Put the item in the supervisor tray.</source>
        <translation>Unbekannter Barcode {text}. Artikel in die Vorarbeiter-Ablage legen.</translation>
    </message>
    <message>
        <source>{sku}: grade it (resellable, damaged, wrong item, missing parts).</source>
        <translation>{sku}: Zustand wählen (verkaufsfähig, beschädigt, falscher Artikel, Teile fehlen).</translation>
    </message>
    <message>
        <source>Grade {sku} first (or UNDO to put it aside).</source>
        <translation>Erst den Zustand von {sku} wählen (oder RÜCKGÄNGIG, um ihn beiseitezulegen).</translation>
    </message>
    <message>
        <source>{sku} {grade}: {where} — CONFIRM, or scan a bin or a disposition card.</source>
        <translation>{sku} {grade}: {where} — BESTÄTIGEN, oder Lagerplatz oder Verbleib-Karte scannen.</translation>
    </message>
    <message>
        <source>Put {sku} away first: CONFIRM, a bin, or a disposition card.</source>
        <translation>Erst {sku} wegräumen: BESTÄTIGEN, Lagerplatz oder Verbleib-Karte.</translation>
    </message>
    <message>
        <source>✓ {sku} ({done} back): {where}. Scan the next item or COMPLETE.</source>
        <translation>✓ {sku} ({done} zurück): {where}. Nächsten Artikel scannen oder FERTIG.</translation>
    </message>
    <message>
        <source>The photo of {sku} was not kept: that unit is not on this return any more.</source>
        <translation>Das Foto von {sku} wurde verworfen: dieses Stück gehört nicht mehr zu dieser Retoure.</translation>
    </message>
    <message>
        <source>A supervisor must approve ({flags}): scan a supervisor badge, or HOLD the return.</source>
        <translation>Ein Vorarbeiter muss freigeben ({flags}): Vorarbeiter-Ausweis scannen, oder die Retoure PARKEN.</translation>
    </message>
    <message>
        <source>Return {number} closed; refund is ready. Scan the next return.</source>
        <translation>Retoure {number} abgeschlossen; Erstattung ist bereit. Nächste Retoure scannen.</translation>
    </message>
    <message>
        <source>Undone: take {sku} and scan it again.</source>
        <translation>Rückgängig: {sku} nehmen und erneut scannen.</translation>
    </message>
    <message>
        <source>Return {number} cancelled. Nothing was recorded.</source>
        <translation>Retoure {number} abgebrochen. Nichts wurde erfasst.</translation>
    </message>
    <message>
        <source>Return {number} on hold for a supervisor. Parcel to the supervisor shelf; no refund yet.</source>
        <translation>Retoure {number} geparkt für einen Vorarbeiter. Paket ins Vorarbeiter-Regal; noch keine Erstattung.</translation>
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
        <source>Finish return {number} first (COMPLETE or HOLD).</source>
        <translation>Erst Retoure {number} abschließen (FERTIG oder PARKEN).</translation>
    </message>
    <message>
        <source>{name}, you are signed in. Scan a return.</source>
        <translation>{name}, du bist angemeldet. Retoure scannen.</translation>
    </message>
    <message>
        <source>Approved by {name} ({flags}). Return {number} closed; refund is ready.</source>
        <translation>Freigegeben von {name} ({flags}). Retoure {number} abgeschlossen; Erstattung ist bereit.</translation>
    </message>
    <message>
        <source>No order, RMA or tracking number {text}. Check the label.</source>
        <translation>Keine Auftrags-, RMA- oder Sendungsnummer {text}. Etikett prüfen.</translation>
    </message>
    <message>
        <source>Return {number} for order {order}: {units} item(s) may come back. Scan each item.</source>
        <translation>Retoure {number} zu Auftrag {order}: bis zu {units} Artikel. Jeden Artikel scannen.</translation>
    </message>
    <message>
        <source>Serial {serial} is already in this return.</source>
        <translation>Seriennummer {serial} ist schon in dieser Retoure.</translation>
    </message>
    <message>
        <source>{sku} was never in order {order}: flagged. Put it in {bin}.</source>
        <translation>{sku} war nie in Auftrag {order}: markiert. In {bin} legen.</translation>
    </message>
    <message>
        <source>Now scan the SERIAL number of {sku}.</source>
        <translation>Jetzt die SERIENNUMMER von {sku} scannen.</translation>
    </message>
    <message>
        <source>{sku} serial {serial}: {flags} — flagged for a supervisor. Grade it.</source>
        <translation>{sku} Seriennr. {serial}: {flags} — für den Vorarbeiter markiert. Zustand wählen.</translation>
    </message>
    <message>
        <source>{sku}: {flags} — flagged for a supervisor. Grade it.</source>
        <translation>{sku}: {flags} — für den Vorarbeiter markiert. Zustand wählen.</translation>
    </message>
    <message>
        <source>{sku} serial {serial}: grade it (resellable, damaged, wrong item, missing parts).</source>
        <translation>{sku} Seriennr. {serial}: Zustand wählen (verkaufsfähig, beschädigt, falscher Artikel, Teile fehlen).</translation>
    </message>
    <message>
        <source>The reason must be printable text of at most {max} characters.</source>
        <translation>Der Grund muss druckbarer Text mit höchstens {max} Zeichen sein.</translation>
    </message>
    <message>
        <source>Photo of {sku} (item {item}) saved.</source>
        <translation>Foto von {sku} (Stück {item}) gespeichert.</translation>
    </message>
    <message>
        <source>{command} does nothing at the returns bench.</source>
        <translation>{command} hat am Retourenplatz keine Wirkung.</translation>
    </message>
    <message>
        <source>No return is open. Scan a return label first.</source>
        <translation>Keine Retoure offen. Zuerst ein Retourenetikett scannen.</translation>
    </message>
    <message>
        <source>Finish {sku} first (or UNDO it).</source>
        <translation>Erst {sku} abschließen (oder RÜCKGÄNGIG).</translation>
    </message>
    <message>
        <source>No item is recorded: scan the items, or CANCEL the return.</source>
        <translation>Kein Artikel erfasst: Artikel scannen, oder die Retoure ABBRECHEN.</translation>
    </message>
    <message>
        <source>Supervisor must approve: {flags}. Scan a supervisor badge, or HOLD.</source>
        <translation>Vorarbeiter muss freigeben: {flags}. Vorarbeiter-Ausweis scannen, oder PARKEN.</translation>
    </message>
    <message>
        <source>{sku} not recorded. Set it aside.</source>
        <translation>{sku} nicht erfasst. Beiseitelegen.</translation>
    </message>
    <message>
        <source>Back to the items. Scan the next item or COMPLETE.</source>
        <translation>Zurück zu den Artikeln. Nächsten Artikel scannen oder FERTIG.</translation>
    </message>
    <message>
        <source>Nothing to undo here.</source>
        <translation>Hier gibt es nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Undone: take {sku} out of {bin} and scan it again.</source>
        <translation>Rückgängig: {sku} aus {bin} nehmen und erneut scannen.</translation>
    </message>
    <message>
        <source>No return is open.</source>
        <translation>Keine Retoure offen.</translation>
    </message>
    <message>
        <source>Items are recorded: UNDO them first, or COMPLETE or HOLD the return.</source>
        <translation>Artikel sind erfasst: erst RÜCKGÄNGIG, oder die Retoure FERTIG machen oder PARKEN.</translation>
    </message>
    <message>
        <source>No item is recorded: CANCEL the return instead.</source>
        <translation>Kein Artikel erfasst: stattdessen die Retoure ABBRECHEN.</translation>
    </message>
    <message>
        <source>Nothing on this return needs a supervisor.</source>
        <translation>An dieser Retoure braucht nichts einen Vorarbeiter.</translation>
    </message>
    <message>
        <source>Return {number} is open. Scan the items.</source>
        <translation>Retoure {number} ist offen. Artikel scannen.</translation>
    </message>
    <message>
        <source>This return label was not issued for order {order}. Supervisor!</source>
        <translation>Dieses Retourenetikett wurde nicht für Auftrag {order} ausgestellt. Vorarbeiter!</translation>
    </message>
    <message>
        <source>Order {order} has not shipped: nothing can come back. Give the parcel to a supervisor.</source>
        <translation>Auftrag {order} wurde nicht versandt: nichts kann zurückkommen. Paket zum Vorarbeiter.</translation>
    </message>
    <message>
        <source>RMA {rma} is closed. Give the parcel to a supervisor.</source>
        <translation>RMA {rma} ist geschlossen. Paket zum Vorarbeiter.</translation>
    </message>
    <message>
        <source>Scan the return label, RMA, tracking or order number first.</source>
        <translation>Zuerst Retourenetikett, RMA-, Sendungs- oder Auftragsnummer scannen.</translation>
    </message>
    <message>
        <source>Scan the item first, then grade it.</source>
        <translation>Erst den Artikel scannen, dann den Zustand wählen.</translation>
    </message>
    <message>
        <source>Scan the serial number of {sku} first (or UNDO).</source>
        <translation>Erst die Seriennummer von {sku} scannen (oder RÜCKGÄNGIG).</translation>
    </message>
    <message>
        <source>Grade {sku} first.</source>
        <translation>Erst den Zustand von {sku} wählen.</translation>
    </message>
    <message>
        <source>{sku} is flagged: put it in {bin} (a supervisor releases it).</source>
        <translation>{sku} ist markiert: in {bin} legen (ein Vorarbeiter gibt ihn frei).</translation>
    </message>
    <message>
        <source>A {grade} item is not restocked: quarantine, dispose or return to vendor.</source>
        <translation>Ein Artikel „{grade}“ kommt nicht ins Lager zurück: Quarantäne, Entsorgung oder an den Lieferanten.</translation>
    </message>
    <message>
        <source>Scan the bin to restock {sku} into.</source>
        <translation>Lagerplatz scannen, in den {sku} zurückkommt.</translation>
    </message>
    <message>
        <source>Hello {name}. Scan an order.</source>
        <translation>Hallo {name}. Auftrag scannen.</translation>
    </message>
    <message>
        <source>Weight approved by {name}. Printing label.</source>
        <translation>Gewicht freigegeben von {name}. Etikett wird gedruckt.</translation>
    </message>
    <message>
        <source>Order {order}: {units} item(s). Scan items.</source>
        <translation>Auftrag {order}: {units} Artikel. Artikel scannen.</translation>
    </message>
    <message>
        <source>Wrong item: {sku} is not in order {order}. Put it aside: open orders {listed} need it.</source>
        <translation>Falscher Artikel: {sku} ist nicht in Auftrag {order}. Beiseitelegen: offene Aufträge {listed} brauchen ihn.</translation>
    </message>
    <message>
        <source>✓ {sku} {done}/{quantity}</source>
        <translation>✓ {sku} {done}/{quantity}</translation>
    </message>
    <message>
        <source>Items need {need_l} L, {carton} holds {holds_l} L. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>Artikel brauchen {need_l} L, {carton} fasst {holds_l} L. Kein Karton fasst alles: RÜCKGÄNGIG und mit NÄCHSTER KARTON aufteilen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>Items need {need_l} L, {carton} holds {holds_l} L. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>Artikel brauchen {need_l} L, {carton} fasst {holds_l} L. {suggested} nehmen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>Items weigh {weight_kg} kg, {carton} takes {max_kg} kg. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>Artikel wiegen {weight_kg} kg, {carton} trägt {max_kg} kg. Kein Karton fasst alles: RÜCKGÄNGIG und mit NÄCHSTER KARTON aufteilen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>Items weigh {weight_kg} kg, {carton} takes {max_kg} kg. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>Artikel wiegen {weight_kg} kg, {carton} trägt {max_kg} kg. {suggested} nehmen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm long — {carton} holds {carton_mm} mm. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} ist {item_mm} mm lang — {carton} fasst {carton_mm} mm. Kein Karton fasst alles: RÜCKGÄNGIG und mit NÄCHSTER KARTON aufteilen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm long — {carton} holds {carton_mm} mm. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} ist {item_mm} mm lang — {carton} fasst {carton_mm} mm. {suggested} nehmen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm tall — {carton} holds {carton_mm} mm. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} ist {item_mm} mm hoch — {carton} fasst {carton_mm} mm. Kein Karton fasst alles: RÜCKGÄNGIG und mit NÄCHSTER KARTON aufteilen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm tall — {carton} holds {carton_mm} mm. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} ist {item_mm} mm hoch — {carton} fasst {carton_mm} mm. {suggested} nehmen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm wide — {carton} holds {carton_mm} mm. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} ist {item_mm} mm breit — {carton} fasst {carton_mm} mm. Kein Karton fasst alles: RÜCKGÄNGIG und mit NÄCHSTER KARTON aufteilen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm wide — {carton} holds {carton_mm} mm. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} ist {item_mm} mm breit — {carton} fasst {carton_mm} mm. {suggested} nehmen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>{reason}. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>{reason}. Kein Karton fasst alles: RÜCKGÄNGIG und mit NÄCHSTER KARTON aufteilen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>{reason}. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>{reason}. {suggested} nehmen — oder der Ausweis eines Vorarbeiters behält {carton}.</translation>
    </message>
    <message>
        <source>Carton {carton} (size not checked: no dimensions for {unchecked}). Put the box on the scale.</source>
        <translation>Karton {carton} (Größe nicht geprüft: keine Maße für {unchecked}). Karton auf die Waage stellen.</translation>
    </message>
    <message>
        <source>Carton {carton} (size not checked: no dimensions for {unchecked}). Type the box's weight.</source>
        <translation>Karton {carton} (Größe nicht geprüft: keine Maße für {unchecked}). Gewicht des Kartons eintippen.</translation>
    </message>
    <message>
        <source>Carton {carton} approved by {name}. Put the box on the scale.</source>
        <translation>Karton {carton} freigegeben von {name}. Karton auf die Waage stellen.</translation>
    </message>
    <message>
        <source>Carton {carton} approved by {name}. Type the box's weight.</source>
        <translation>Karton {carton} freigegeben von {name}. Gewicht des Kartons eintippen.</translation>
    </message>
    <message>
        <source>Carton {carton}. Put the box on the scale.</source>
        <translation>Karton {carton}. Auf die Waage stellen.</translation>
    </message>
    <message>
        <source>Carton {carton}. Type the box's weight.</source>
        <translation>Karton {carton}. Gewicht des Kartons eintippen.</translation>
    </message>
    <message>
        <source>Weighs {weight} (typed), expected {expected} ± {allowance}. Check the box; re-weigh, HOLD or supervisor.</source>
        <translation>Wiegt {weight} (eingetippt), erwartet {expected} ± {allowance}. Karton prüfen; neu wiegen, PARKEN oder Vorarbeiter.</translation>
    </message>
    <message>
        <source>Weighs {weight}, expected {expected} ± {allowance}. Check the box; re-weigh, HOLD or supervisor.</source>
        <translation>Wiegt {weight}, erwartet {expected} ± {allowance}. Karton prüfen; neu wiegen, PARKEN oder Vorarbeiter.</translation>
    </message>
    <message>
        <source>{weight} (typed) ✓ Printing label for box {box}.</source>
        <translation>{weight} (eingetippt) ✓ Etikett für Karton {box} wird gedruckt.</translation>
    </message>
    <message>
        <source>{weight} ✓ Printing label for box {box}.</source>
        <translation>{weight} ✓ Etikett für Karton {box} wird gedruckt.</translation>
    </message>
    <message>
        <source>Label is printing. Scan REPRINT if it did not come out.</source>
        <translation>Etikett wird gedruckt. NACHDRUCK scannen, wenn es nicht herauskommt.</translation>
    </message>
    <message>
        <source>No order is open. Scan an order first.</source>
        <translation>Kein Auftrag offen. Zuerst einen Auftrag scannen.</translation>
    </message>
    <message>
        <source>Undone: take {units}× {sku} out of the box.</source>
        <translation>Rückgängig: {units}× {sku} wieder aus dem Karton nehmen.</translation>
    </message>
    <message>
        <source>{count} missing: {listing}. Scan them, SHORT to hold, or supervisor badge.</source>
        <translation>{count} fehlen: {listing}. Scannen, FEHLMENGE zum Parken, oder Vorarbeiter-Ausweis.</translation>
    </message>
    <message>
        <source>Nothing to confirm here.</source>
        <translation>Hier gibt es nichts zu bestätigen.</translation>
    </message>
    <message>
        <source>Order {order} on hold (damaged item). Tote to the hold shelf.</source>
        <translation>Auftrag {order} geparkt (beschädigter Artikel). Kiste ins Klärfall-Regal.</translation>
    </message>
    <message>
        <source>Order {order} on hold (held by packer). Tote to the hold shelf.</source>
        <translation>Auftrag {order} geparkt (vom Packer). Kiste ins Klärfall-Regal.</translation>
    </message>
    <message>
        <source>Order {order} on hold (short pick). Tote to the hold shelf.</source>
        <translation>Auftrag {order} geparkt (Fehlmenge). Kiste ins Klärfall-Regal.</translation>
    </message>
    <message>
        <source>Stopped packing {order}. Put everything back in the tote.</source>
        <translation>Packen von {order} abgebrochen. Alles zurück in die Kiste.</translation>
    </message>
    <message>
        <source>Box {box} closed. No cartons are configured.</source>
        <translation>Karton {box} geschlossen. Keine Kartons eingerichtet.</translation>
    </message>
    <message>
        <source>Box {box} closed. The box is empty.</source>
        <translation>Karton {box} geschlossen. Der Karton ist leer.</translation>
    </message>
    <message>
        <source>Box {box} closed. Too much for one {carton}: use NEXT BOX to split.</source>
        <translation>Karton {box} geschlossen. Zu viel für einen {carton}: mit NÄCHSTER KARTON aufteilen.</translation>
    </message>
    <message>
        <source>Box {box} closed. Use carton {carton} ({carton_name}): scan it or CONFIRM.</source>
        <translation>Karton {box} geschlossen. Karton {carton} ({carton_name}) nehmen: scannen oder BESTÄTIGEN.</translation>
    </message>
    <message>
        <source>Box {box} closed. {reason}.</source>
        <translation>Karton {box} geschlossen. {reason}.</translation>
    </message>
    <message>
        <source>Reprinting label for box {box}.</source>
        <translation>Etikett für Karton {box} wird nachgedruckt.</translation>
    </message>
    <message>
        <source>Reprinting the packing slip of order {order}.</source>
        <translation>Lieferschein von Auftrag {order} wird nachgedruckt.</translation>
    </message>
    <message>
        <source>Labels of {order} voided: remove them. Scan the order to repack.</source>
        <translation>Etiketten von {order} storniert: abziehen. Auftrag scannen, um neu zu packen.</translation>
    </message>
    <message>
        <source>Quantity {qty}: now scan the item.</source>
        <translation>Menge {qty}: jetzt den Artikel scannen.</translation>
    </message>
    <message>
        <source>Finish order {order} first (or HOLD it).</source>
        <translation>Erst Auftrag {order} abschließen (oder PARKEN).</translation>
    </message>
    <message>
        <source>{name}, you are signed in. Scan an order.</source>
        <translation>{name}, du bist angemeldet. Auftrag scannen.</translation>
    </message>
    <message>
        <source>Approved by {name}: ships without {missing}.</source>
        <translation>Freigegeben von {name}: geht ohne {missing} raus.</translation>
    </message>
    <message>
        <source>No order or tote {text}. Check the pick list.</source>
        <translation>Kein Auftrag und keine Kiste {text}. Pickliste prüfen.</translation>
    </message>
    <message>
        <source>Read the packing instructions, then scan CONFIRM.</source>
        <translation>Packanweisung lesen, dann BESTÄTIGEN scannen.</translation>
    </message>
    <message>
        <source>Order {order} is CANCELLED. Do not pack: tote to the supervisor.</source>
        <translation>Auftrag {order} ist STORNIERT. Nicht packen: Kiste zum Vorarbeiter.</translation>
    </message>
    <message>
        <source>Order {order} is on hold. Give the tote to a supervisor.</source>
        <translation>Auftrag {order} ist geparkt. Kiste zum Vorarbeiter.</translation>
    </message>
    <message>
        <source>Order {order} is already packed. Do not pack again.</source>
        <translation>Auftrag {order} ist schon gepackt. Nicht nochmal packen.</translation>
    </message>
    <message>
        <source>Order {order} is being packed at {station}.</source>
        <translation>Auftrag {order} wird an {station} gepackt.</translation>
    </message>
    <message>
        <source>Central database offline: order {order} is not held here, so it cannot be packed until the connection is back.</source>
        <translation>Zentrale Datenbank offline: Auftrag {order} ist nicht für diesen Platz reserviert und kann erst gepackt werden, wenn die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Order {order} is not in the central database. Give the tote to a supervisor.</source>
        <translation>Auftrag {order} ist nicht in der zentralen Datenbank. Kiste zum Vorarbeiter.</translation>
    </message>
    <message>
        <source>Unknown barcode {text}. Type the item's SKU, or set it aside for a supervisor.</source>
        <translation>Unbekannter Barcode {text}. SKU des Artikels eintippen, oder für den Vorarbeiter beiseitelegen.</translation>
    </message>
    <message>
        <source>Scan the lot number of {pending} first.</source>
        <translation>Erst die Chargennummer von {pending} scannen.</translation>
    </message>
    <message>
        <source>Scan the serial number of {pending} first.</source>
        <translation>Erst die Seriennummer von {pending} scannen.</translation>
    </message>
    <message>
        <source>{sku} needs a serial for each unit: scan them one by one.</source>
        <translation>{sku} braucht eine Seriennummer je Stück: einzeln scannen.</translation>
    </message>
    <message>
        <source>Put it back — {units} {sku} scanned, the order needs only {remaining} more ({needed} ordered, {packed} packed). Scan single units.</source>
        <translation>Zurücklegen — {units} × {sku} gescannt, der Auftrag braucht nur noch {remaining} ({needed} bestellt, {packed} gepackt). Einzeln scannen.</translation>
    </message>
    <message>
        <source>Wrong item: {sku} is not in order {order} nor in any open order. Set it aside for a supervisor.</source>
        <translation>Falscher Artikel: {sku} ist weder in Auftrag {order} noch in einem offenen Auftrag. Für den Vorarbeiter beiseitelegen.</translation>
    </message>
    <message>
        <source>Wrong item: {sku} is not in order {order}. Put it aside for order {other_order}.</source>
        <translation>Falscher Artikel: {sku} ist nicht in Auftrag {order}. Für Auftrag {other_order} beiseitelegen.</translation>
    </message>
    <message>
        <source>Now scan the LOT number of {sku}.</source>
        <translation>Jetzt die CHARGENNUMMER von {sku} scannen.</translation>
    </message>
    <message>
        <source>Serial {serial} is already in this order. Scan the next unit's.</source>
        <translation>Seriennummer {serial} ist schon in diesem Auftrag. Die des nächsten Stücks scannen.</translation>
    </message>
    <message>
        <source>Serial {serial} already shipped in order {other_order}. Supervisor!</source>
        <translation>Seriennummer {serial} wurde schon mit Auftrag {other_order} versandt. Vorarbeiter!</translation>
    </message>
    <message>
        <source>All items packed. No cartons are configured.</source>
        <translation>Alle Artikel gepackt. Keine Kartons eingerichtet.</translation>
    </message>
    <message>
        <source>All items packed. The box is empty.</source>
        <translation>Alle Artikel gepackt. Der Karton ist leer.</translation>
    </message>
    <message>
        <source>All items packed. Too much for one {carton}: use NEXT BOX to split.</source>
        <translation>Alle Artikel gepackt. Zu viel für einen {carton}: mit NÄCHSTER KARTON aufteilen.</translation>
    </message>
    <message>
        <source>All items packed. Use carton {carton} ({carton_name}): scan it or CONFIRM.</source>
        <translation>Alle Artikel gepackt. Karton {carton} ({carton_name}) nehmen: scannen oder BESTÄTIGEN.</translation>
    </message>
    <message>
        <source>All items packed. {reason}.</source>
        <translation>Alle Artikel gepackt. {reason}.</translation>
    </message>
    <message>
        <source>✓ {sku} {done}/{quantity} · serial {serial}</source>
        <translation>✓ {sku} {done}/{quantity} · Seriennr. {serial}</translation>
    </message>
    <message>
        <source>Carton {carton} (size not checked: no dimensions for {unchecked}). Printing label for box {box}.</source>
        <translation>Karton {carton} (Größe nicht geprüft: keine Maße für {unchecked}). Etikett für Karton {box} wird gedruckt.</translation>
    </message>
    <message>
        <source>Carton {carton} approved by {name}. Printing label for box {box}.</source>
        <translation>Karton {carton} freigegeben von {name}. Etikett für Karton {box} wird gedruckt.</translation>
    </message>
    <message>
        <source>Carton {carton}. Printing label for box {box}.</source>
        <translation>Karton {carton}. Etikett für Karton {box} wird gedruckt.</translation>
    </message>
    <message>
        <source>Put the box on the scale.</source>
        <translation>Karton auf die Waage stellen.</translation>
    </message>
    <message>
        <source>Type the box's weight.</source>
        <translation>Gewicht des Kartons eintippen.</translation>
    </message>
    <message>
        <source>Box {box} reopened. Scan items.</source>
        <translation>Karton {box} wieder geöffnet. Artikel scannen.</translation>
    </message>
    <message>
        <source>Nothing to undo here. A printed label is removed with VOID.</source>
        <translation>Hier gibt es nichts rückgängig zu machen. Ein gedrucktes Etikett entfernt STORNO.</translation>
    </message>
    <message>
        <source>{sku} not counted. Take it out.</source>
        <translation>{sku} nicht gezählt. Wieder herausnehmen.</translation>
    </message>
    <message>
        <source>Quantity cleared.</source>
        <translation>Menge gelöscht.</translation>
    </message>
    <message>
        <source>Nothing to undo in this box.</source>
        <translation>In diesem Karton gibt es nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Put the box on the scale first.</source>
        <translation>Zuerst den Karton auf die Waage stellen.</translation>
    </message>
    <message>
        <source>Type the box's weight first.</source>
        <translation>Zuerst das Gewicht des Kartons eintippen.</translation>
    </message>
    <message>
        <source>No cartons are configured.</source>
        <translation>Keine Kartons eingerichtet.</translation>
    </message>
    <message>
        <source>The box is empty.</source>
        <translation>Der Karton ist leer.</translation>
    </message>
    <message>
        <source>Too much for one {carton}: use NEXT BOX to split.</source>
        <translation>Zu viel für einen {carton}: mit NÄCHSTER KARTON aufteilen.</translation>
    </message>
    <message>
        <source>Use carton {carton} ({carton_name}): scan it or CONFIRM.</source>
        <translation>Karton {carton} ({carton_name}) nehmen: scannen oder BESTÄTIGEN.</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>Instructions confirmed. Scan items.</source>
        <translation>Anweisung bestätigt. Artikel scannen.</translation>
    </message>
    <message>
        <source>Labels are printed for this order: VOID them, or HOLD it.</source>
        <translation>Für diesen Auftrag sind Etiketten gedruckt: STORNO, oder PARKEN.</translation>
    </message>
    <message>
        <source>This box is empty. Scan an item first.</source>
        <translation>Dieser Karton ist leer. Zuerst einen Artikel scannen.</translation>
    </message>
    <message>
        <source>No label to reprint yet.</source>
        <translation>Noch kein Etikett zum Nachdrucken.</translation>
    </message>
    <message>
        <source>No packing slip yet: it prints when the order is packed.</source>
        <translation>Noch kein Lieferschein: er wird gedruckt, wenn der Auftrag gepackt ist.</translation>
    </message>
    <message>
        <source>No printed label to void.</source>
        <translation>Kein gedrucktes Etikett zum Stornieren.</translation>
    </message>
    <message>
        <source>Finish, HOLD or CANCEL order {order} before signing out.</source>
        <translation>Auftrag {order} vor dem Abmelden abschließen, PARKEN oder ABBRECHEN.</translation>
    </message>
    <message>
        <source>Scan QTY just before the item.</source>
        <translation>MENGE direkt vor dem Artikel scannen.</translation>
    </message>
    <message>
        <source>Quantity must be 1 or more.</source>
        <translation>Die Menge muss 1 oder mehr sein.</translation>
    </message>
    <message>
        <source>STOP: order {order} was CANCELLED. Unpack everything into the tote; supervisor.</source>
        <translation>STOPP: Auftrag {order} wurde STORNIERT. Alles zurück in die Kiste; Vorarbeiter.</translation>
    </message>
    <message>
        <source>STOP: order {order} was put ON HOLD. Unpack everything into the tote; supervisor.</source>
        <translation>STOPP: Auftrag {order} wurde GEPARKT. Alles zurück in die Kiste; Vorarbeiter.</translation>
    </message>
    <message>
        <source>Nothing needs a supervisor here.</source>
        <translation>Hier braucht nichts einen Vorarbeiter.</translation>
    </message>
    <message>
        <source>Scan an order or tote first.</source>
        <translation>Zuerst Auftrag oder Kiste scannen.</translation>
    </message>
    <message>
        <source>Order {order} is already packed ({note}). Do not pack again.</source>
        <translation>Auftrag {order} ist schon gepackt ({note}). Nicht nochmal packen.</translation>
    </message>
    <message>
        <source>Already packing {order}. Scan items.</source>
        <translation>{order} wird schon gepackt. Artikel scannen.</translation>
    </message>
    <message>
        <source>Scan the remaining items before the carton (or NEXT BOX).</source>
        <translation>Erst die restlichen Artikel scannen, dann den Karton (oder NÄCHSTER KARTON).</translation>
    </message>
    <message>
        <source>Put it back — order needs {needed} {sku}, {packed} packed.</source>
        <translation>Zurücklegen — der Auftrag braucht {needed} × {sku}, {packed} gepackt.</translation>
    </message>
    <message>
        <source>Wrong item: {sku} is not in order {order}. Put it aside for order {other_order} (tote {tote}).</source>
        <translation>Falscher Artikel: {sku} ist nicht in Auftrag {order}. Für Auftrag {other_order} beiseitelegen (Kiste {tote}).</translation>
    </message>
    <message>
        <source>Lot {lot} noted. Now scan the SERIAL.</source>
        <translation>Charge {lot} notiert. Jetzt die SERIENNUMMER scannen.</translation>
    </message>
    <message>
        <source>Carton {text} is not configured. Scan another carton.</source>
        <translation>Karton {text} ist nicht eingerichtet. Einen anderen Karton scannen.</translation>
    </message>
    <message>
        <source>This box is closed. UNDO to reopen it, or scan the carton.</source>
        <translation>Dieser Karton ist geschlossen. RÜCKGÄNGIG öffnet ihn wieder, oder den Karton scannen.</translation>
    </message>
    <message>
        <source>Order {order} packed. Scan the next order.</source>
        <translation>Auftrag {order} gepackt. Nächsten Auftrag scannen.</translation>
    </message>
    <message>
        <source>{reason} HOLD the order and give it to a supervisor.</source>
        <translation>{reason} Auftrag PARKEN und dem Vorarbeiter geben.</translation>
    </message>
    <message>
        <source>Label did not print: {reason} Then scan REPRINT.</source>
        <translation>Etikett nicht gedruckt: {reason} Dann NACHDRUCK scannen.</translation>
    </message>
    <message>
        <source>Label for {order} is printing. Scan REPRINT if lost.</source>
        <translation>Etikett für {order} wird gedruckt. NACHDRUCK scannen, wenn es fehlt.</translation>
    </message>
    <message>
        <source>Resending the interrupted print jobs.</source>
        <translation>Die abgebrochenen Druckaufträge werden erneut gesendet.</translation>
    </message>
    <message>
        <source>Label is printing.</source>
        <translation>Etikett wird gedruckt.</translation>
    </message>
    <message>
        <source>No cartons are configured. Scan a carton.</source>
        <translation>Keine Kartons eingerichtet. Einen Karton scannen.</translation>
    </message>
    <message>
        <source>The box is empty. Scan a carton.</source>
        <translation>Der Karton ist leer. Einen Karton scannen.</translation>
    </message>
    <message>
        <source>Too much for one {carton}: use NEXT BOX to split. Scan a carton.</source>
        <translation>Zu viel für einen {carton}: mit NÄCHSTER KARTON aufteilen. Einen Karton scannen.</translation>
    </message>
    <message>
        <source>{reason}. Scan a carton.</source>
        <translation>{reason}. Einen Karton scannen.</translation>
    </message>
    <message>
        <source>Finish this box first.</source>
        <translation>Erst diesen Karton abschließen.</translation>
    </message>
    <message>
        <source>Box {box} labelled. Scan items for box {next}.</source>
        <translation>Karton {box} etikettiert. Artikel für Karton {next} scannen.</translation>
    </message>
    <message>
        <source>Packing slip of order {order} sent again.</source>
        <translation>Lieferschein von Auftrag {order} erneut gesendet.</translation>
    </message>
    <message>
        <source>This station has no print queue.</source>
        <translation>Dieser Platz hat keine Druckwarteschlange.</translation>
    </message>
    <message>
        <source>Resending {jobs}.</source>
        <translation>{jobs} wird erneut gesendet.</translation>
    </message>
    <message>
        <source>No packing slip of order {order} was printed before: printing it now.</source>
        <translation>Für Auftrag {order} wurde noch kein Lieferschein gedruckt: er wird jetzt gedruckt.</translation>
    </message>
    <message>
        <source>Nothing to resend: no print job was cut off.</source>
        <translation>Nichts erneut zu senden: kein Druckauftrag wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Packing slip did not print: {reason}</source>
        <translation>Lieferschein nicht gedruckt: {reason}</translation>
    </message>
    <message>
        <source>Label shortened: {fields} did not fit. Check the label can be read; if not, VOID it and call a supervisor.</source>
        <translation>Etikett gekürzt: {fields} passte nicht. Prüfen, ob das Etikett lesbar ist; sonst STORNO und Vorarbeiter rufen.</translation>
    </message>
    <message>
        <source>Reprint failed: {reason}</source>
        <translation>Nachdruck fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Carrier void failed: {reason}</source>
        <translation>Storno beim Versanddienst fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Customer e-mail not queued: {reason}</source>
        <translation>Kunden-E-Mail nicht eingereiht: {reason}</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>Nicht erledigt: {reason}</translation>
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
    <name>HoldReasons</name>
    <message>
        <source>Short pick</source>
        <translation>Fehlmenge</translation>
    </message>
    <message>
        <source>Damaged item</source>
        <translation>Beschädigter Artikel</translation>
    </message>
    <message>
        <source>Held by packer</source>
        <translation>Vom Packer geparkt</translation>
    </message>
    <message>
        <source>Weight mismatch</source>
        <translation>Gewicht weicht ab</translation>
    </message>
    <message>
        <source>cancelled by packer</source>
        <translation>vom Packer abgebrochen</translation>
    </message>
    <message>
        <source>missing {items}</source>
        <translation>fehlt: {items}</translation>
    </message>
    <message>
        <source>weighed {grams} g, expected {expected} g ± {allowance} g</source>
        <translation>gewogen {grams} g, erwartet {expected} g ± {allowance} g</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first}; {then}</translation>
    </message>
    <message>
        <source>Sync conflict: {kind}</source>
        <translation>Synchronisationskonflikt: {kind}</translation>
    </message>
    <message>
        <source>{detail} (other station {station})</source>
        <translation>{detail} (andere Station {station})</translation>
    </message>
    <message>
        <source>cancelled while packing</source>
        <translation>beim Packen storniert</translation>
    </message>
    <message>
        <source>packed twice</source>
        <translation>zweimal gepackt</translation>
    </message>
    <message>
        <source>held while packing</source>
        <translation>beim Packen geparkt</translation>
    </message>
    <message>
        <source>claimed elsewhere</source>
        <translation>anderswo reserviert</translation>
    </message>
    <message>
        <source>not claimed</source>
        <translation>nicht reserviert</translation>
    </message>
    <message>
        <source>lines changed while packing</source>
        <translation>Positionen beim Packen geändert</translation>
    </message>
    <message>
        <source>order was cancelled upstream; {event} at {station}</source>
        <translation>Auftrag wurde im Shop storniert; {event} an {station}</translation>
    </message>
    <message>
        <source>order was already {status} by {station}</source>
        <translation>Auftrag war schon {status} von {station}</translation>
    </message>
    <message>
        <source>order was already {status}</source>
        <translation>Auftrag war schon {status}</translation>
    </message>
    <message>
        <source>order was put on hold upstream</source>
        <translation>Auftrag wurde im Shop geparkt</translation>
    </message>
    <message>
        <source>{event} while {holder} held the claim (lease taken over or released); the order stays {status}</source>
        <translation>{event}, während {holder} die Reservierung hielt (übernommen oder freigegeben); der Auftrag bleibt {status}</translation>
    </message>
    <message>
        <source>{event} while {holder} held the claim (lease taken over or released)</source>
        <translation>{event}, während {holder} die Reservierung hielt (übernommen oder freigegeben)</translation>
    </message>
    <message>
        <source>{event} from {station}, which did not hold the claim on the order; the order stays {status}</source>
        <translation>{event} von {station}, das den Auftrag nicht reserviert hatte; der Auftrag bleibt {status}</translation>
    </message>
    <message>
        <source>the order's lines changed upstream while it was being packed here; the bench keeps packing the lines it had</source>
        <translation>die Positionen des Auftrags wurden im Shop geändert, während er hier gepackt wurde; der Packplatz packt weiter die Positionen, die er hatte</translation>
    </message>
    <message>
        <source>order_opened</source>
        <translation>Auftrag geöffnet</translation>
    </message>
    <message>
        <source>order_packed</source>
        <translation>Auftrag gepackt</translation>
    </message>
    <message>
        <source>order_held</source>
        <translation>Auftrag geparkt</translation>
    </message>
    <message>
        <source>order_released</source>
        <translation>Auftrag zurückgegeben</translation>
    </message>
    <message>
        <source>order_stopped</source>
        <translation>Auftrag gestoppt</translation>
    </message>
    <message>
        <source>labels_voided</source>
        <translation>Etiketten storniert</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>packing</source>
        <translation>beim Packen</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>gepackt</translation>
    </message>
    <message>
        <source>held</source>
        <translation>geparkt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>versandt</translation>
    </message>
</context>
<context>
    <name>LabelPanel</name>
    <message>
        <source>not weighed</source>
        <translation>nicht gewogen</translation>
    </message>
    <message>
        <source>SHIPPING LABEL</source>
        <translation>VERSANDETIKETT</translation>
    </message>
    <message>
        <source>No label yet</source>
        <translation>Noch kein Etikett</translation>
    </message>
    <message>
        <source>{0} (typed)</source>
        <translation>{0} (eingetippt)</translation>
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
        <source>Weight {0}</source>
        <translation>Gewicht {0}</translation>
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
        <source>Supervisor: {0}</source>
        <translation>Vorarbeiter: {0}</translation>
    </message>
    <message>
        <source>Admin: {0}</source>
        <translation>Admin: {0}</translation>
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
        <source>Station set up: labels now carry the ship-from address.</source>
        <translation>Station eingerichtet: Etiketten tragen jetzt die Absenderadresse.</translation>
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
        <source>Label is printing.</source>
        <translation>Etikett wird gedruckt.</translation>
    </message>
    <message>
        <source>none configured — labels go to the spool folder {0}</source>
        <translation>keiner eingerichtet — Etiketten gehen in den Spool-Ordner {0}</translation>
    </message>
    <message>
        <source>Station {0}</source>
        <translation>Station {0}</translation>
    </message>
    <message>
        <source>Type the box's weight (F2).</source>
        <translation>Gewicht des Kartons eintippen (F2).</translation>
    </message>
    <message>
        <source>Put the box on the scale.</source>
        <translation>Karton auf die Waage stellen.</translation>
    </message>
    <message>
        <source>{0}, then it prints by itself</source>
        <translation>{0}, dann druckt es von selbst</translation>
    </message>
    <message>
        <source>Label is waiting: {0}. It prints by itself when the printer is ready.</source>
        <translation>Etikett wartet: {0}. Es druckt von selbst, sobald der Drucker bereit ist.</translation>
    </message>
    <message>
        <source>PIN sign-in failed.</source>
        <translation>Anmeldung mit PIN fehlgeschlagen.</translation>
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
        <source>Order {0} · box {1}</source>
        <translation>Auftrag {0} · Karton {1}</translation>
    </message>
    <message>
        <source>{0} has no badge id yet.</source>
        <translation>{0} hat noch keine Ausweisnummer.</translation>
    </message>
    <message>
        <source>This station is not set up yet ({0}) and has no admin yet: set it up now, then add an admin (packstation users add).</source>
        <translation>Diese Station ist noch nicht eingerichtet ({0}) und hat noch keinen Admin: jetzt einrichten, dann einen Admin anlegen (packstation users add).</translation>
    </message>
    <message>
        <source>Packer: {0}</source>
        <translation>Packer: {0}</translation>
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
    <name>OutputReasons</name>
    <message>
        <source>The label cannot be made ({error}).</source>
        <translation>Das Etikett kann nicht erstellt werden ({error}).</translation>
    </message>
    <message>
        <source>Packing slip cannot be made: {error}</source>
        <translation>Der Packzettel kann nicht erstellt werden: {error}</translation>
    </message>
    <message>
        <source>The carrier's label is ZPL but the label printer takes PDF: set shipping.label_format = "pdf" (or printers.label_format = "zpl"), then scan REPRINT. The label is bought: it is not bought again.</source>
        <translation>Das Etikett des Versanddienstes ist ZPL, der Etikettendrucker nimmt aber PDF: „shipping.label_format = "pdf"“ (oder „printers.label_format = "zpl"“) einstellen, dann NACHDRUCK scannen. Das Etikett ist gekauft: es wird nicht noch einmal gekauft.</translation>
    </message>
    <message>
        <source>This order's carrier label is ZPL but the label printer takes PDF: set printers.label_format = "zpl" or ask for a PDF label.</source>
        <translation>Das Versandetikett dieses Auftrags ist ZPL, der Etikettendrucker nimmt aber PDF: „printers.label_format = "zpl"“ einstellen oder ein PDF-Etikett anfordern.</translation>
    </message>
    <message>
        <source>Shipping is not set up right ({error}). Set the parcel aside and tell a supervisor.</source>
        <translation>Der Versand ist nicht richtig eingerichtet ({error}). Das Paket beiseitestellen und dem Vorarbeiter Bescheid geben.</translation>
    </message>
    <message>
        <source>{first} {then}</source>
        <translation>{first} {then}</translation>
    </message>
</context>
<context>
    <name>PrinterCard</name>
    <message>
        <source>Load labels</source>
        <translation>Etiketten einlegen</translation>
    </message>
    <message>
        <source>Close the print head</source>
        <translation>Druckkopf schließen</translation>
    </message>
    <message>
        <source>Press pause to resume</source>
        <translation>Pause-Taste drücken</translation>
    </message>
    <message>
        <source>Load a new ribbon</source>
        <translation>Neues Farbband einlegen</translation>
    </message>
    <message>
        <source>Let the head cool down</source>
        <translation>Druckkopf abkühlen lassen</translation>
    </message>
    <message>
        <source>Call a supervisor</source>
        <translation>Schichtleitung rufen</translation>
    </message>
    <message>
        <source>Leave diagnostic mode</source>
        <translation>Diagnosemodus beenden</translation>
    </message>
    <message>
        <source>Take the label off</source>
        <translation>Etikett abnehmen</translation>
    </message>
    <message>
        <source>Printer busy: wait</source>
        <translation>Drucker beschäftigt: warten</translation>
    </message>
    <message>
        <source>Printer too cold</source>
        <translation>Drucker zu kalt</translation>
    </message>
    <message>
        <source>Check labels, ribbon and head</source>
        <translation>Etiketten, Farbband und Kopf prüfen</translation>
    </message>
    <message>
        <source>Check power and cable</source>
        <translation>Strom und Kabel prüfen</translation>
    </message>
    <message>
        <source>Ask IT to start CUPS</source>
        <translation>IT: CUPS starten lassen</translation>
    </message>
    <message>
        <source>Check the printer settings</source>
        <translation>Druckereinstellungen prüfen</translation>
    </message>
    <message>
        <source>Ask IT: queue stopped</source>
        <translation>IT fragen: Warteschlange gestoppt</translation>
    </message>
    <message>
        <source>Resend the label</source>
        <translation>Etikett erneut senden</translation>
    </message>
    <message>
        <source>Check the printer</source>
        <translation>Drucker prüfen</translation>
    </message>
    <message>
        <source>spool folder</source>
        <translation>Spool-Ordner</translation>
    </message>
    <message>
        <source>Label for order {0}, box {1}</source>
        <translation>Etikett für Auftrag {0}, Karton {1}</translation>
    </message>
    <message>
        <source>Packing slip for order {0}</source>
        <translation>Lieferschein für Auftrag {0}</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>{0} waiting</source>
        <translation>{0} wartend</translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>Drucker bereit</translation>
    </message>
    <message>
        <source>Resend  {0}</source>
        <translation>Erneut senden  {0}</translation>
    </message>
    <message>
        <source>{0} held</source>
        <translation>{0} angehalten</translation>
    </message>
    <message>
        <source>{0} cut off</source>
        <translation>{0} abgebrochen</translation>
    </message>
    <message>
        <source>{0} failed</source>
        <translation>{0} fehlgeschlagen</translation>
    </message>
    <message>
        <source>Label cut off: press {0} to resend</source>
        <translation>Etikett abgebrochen: {0} sendet erneut</translation>
    </message>
    <message>
        <source>Printer: {0}</source>
        <translation>Drucker: {0}</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>{uri}: a TCP printer needs a host, like tcp://10.0.0.5:9100</source>
        <translation>{uri}: ein TCP-Drucker braucht einen Host, etwa tcp://10.0.0.5:9100</translation>
    </message>
    <message>
        <source>{uri}: the port must be a number, like tcp://10.0.0.5:9100</source>
        <translation>{uri}: der Port muss eine Zahl sein, etwa tcp://10.0.0.5:9100</translation>
    </message>
    <message>
        <source>{uri}: a serial printer needs a port, like serial:///dev/ttyUSB0?baud=9600</source>
        <translation>{uri}: ein serieller Drucker braucht einen Anschluss, etwa serial:///dev/ttyUSB0?baud=9600</translation>
    </message>
    <message>
        <source>{uri}: baud must be a number like 9600</source>
        <translation>{uri}: baud muss eine Zahl sein, etwa 9600</translation>
    </message>
    <message>
        <source>{uri}: a file printer needs a path, like file:///dev/usb/lp0</source>
        <translation>{uri}: ein Gerätedatei-Drucker braucht einen Pfad, etwa file:///dev/usb/lp0</translation>
    </message>
    <message>
        <source>{uri}: a CUPS printer needs a queue name, like cups://Zebra_ZD421</source>
        <translation>{uri}: ein CUPS-Drucker braucht den Namen einer Warteschlange, etwa cups://Zebra_ZD421</translation>
    </message>
    <message>
        <source>{uri}: a spool folder needs a path, like dir:///var/spool/labels</source>
        <translation>{uri}: ein Spool-Ordner braucht einen Pfad, etwa dir:///var/spool/labels</translation>
    </message>
    <message>
        <source>{uri}: fail must be one of {faults}</source>
        <translation>{uri}: fail muss eines davon sein: {faults}</translation>
    </message>
    <message>
        <source>{uri} is not a printer address; use e.g. tcp://10.0.0.5:9100, serial:///dev/ttyUSB0?baud=9600 or cups://QueueName</source>
        <translation>{uri} ist keine Druckeradresse; z. B. tcp://10.0.0.5:9100, serial:///dev/ttyUSB0?baud=9600 oder cups://Warteschlange angeben</translation>
    </message>
    <message>
        <source>{uri}: unknown printer type {scheme} (known: {known})</source>
        <translation>{uri}: unbekannte Druckerart {scheme} (bekannt: {known})</translation>
    </message>
    <message>
        <source>{uri}: timeout must be a number of seconds</source>
        <translation>{uri}: timeout muss eine Zahl von Sekunden sein</translation>
    </message>
    <message>
        <source>{uri}: timeout must be more than 0 seconds</source>
        <translation>{uri}: timeout muss mehr als 0 Sekunden sein</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Etikettendrucker</translation>
    </message>
    <message>
        <source>Label printer at {host}:{port}</source>
        <translation>Etikettendrucker an {host}:{port}</translation>
    </message>
    <message>
        <source>Label printer on {port}</source>
        <translation>Etikettendrucker an {port}</translation>
    </message>
    <message>
        <source>Printer {path}</source>
        <translation>Drucker {path}</translation>
    </message>
    <message>
        <source>Printer queue {queue}</source>
        <translation>Druckwarteschlange {queue}</translation>
    </message>
    <message>
        <source>Spool folder {path}</source>
        <translation>Spool-Ordner {path}</translation>
    </message>
    <message>
        <source>Printer at {uri}</source>
        <translation>Drucker an {uri}</translation>
    </message>
    <message>
        <source>{printer}: the name {host} is unknown on this network — check the printer address in the station settings</source>
        <translation>{printer}: den Namen {host} kennt dieses Netz nicht — Druckeradresse in den Stationseinstellungen prüfen</translation>
    </message>
    <message>
        <source>{printer} is not answering — check it is on and connected</source>
        <translation>{printer} antwortet nicht — prüfen, ob er eingeschaltet und angeschlossen ist</translation>
    </message>
    <message>
        <source>{printer} stopped taking data</source>
        <translation>{printer} nimmt keine Daten mehr an</translation>
    </message>
    <message>
        <source>{printer} stopped taking data — check for a jam or a blinking light, then reprint</source>
        <translation>{printer} nimmt keine Daten mehr an — auf Papierstau oder blinkende Lampe prüfen, dann neu drucken</translation>
    </message>
    <message>
        <source>{printer} stopped taking data — check it is on and not paused</source>
        <translation>{printer} nimmt keine Daten mehr an — prüfen, ob er eingeschaltet und nicht angehalten ist</translation>
    </message>
    <message>
        <source>{printer} stopped taking data — check it is on and has labels</source>
        <translation>{printer} nimmt keine Daten mehr an — prüfen, ob er eingeschaltet ist und Etiketten hat</translation>
    </message>
    <message>
        <source>{printer} dropped the connection</source>
        <translation>{printer} hat die Verbindung getrennt</translation>
    </message>
    <message>
        <source>{printer} dropped the connection while printing</source>
        <translation>{printer} hat die Verbindung beim Drucken getrennt</translation>
    </message>
    <message>
        <source>{printer} dropped the connection while printing — check the label and reprint it if it is incomplete</source>
        <translation>{printer} hat die Verbindung beim Drucken getrennt — Etikett prüfen und neu drucken, falls es unvollständig ist</translation>
    </message>
    <message>
        <source>{printer} cannot be opened — check the cable and that the printer is on</source>
        <translation>{printer} lässt sich nicht öffnen — Kabel prüfen und ob der Drucker eingeschaltet ist</translation>
    </message>
    <message>
        <source>{printer} was disconnected</source>
        <translation>{printer} wurde getrennt</translation>
    </message>
    <message>
        <source>{printer} was disconnected while printing — check the cable, then reprint</source>
        <translation>{printer} wurde beim Drucken getrennt — Kabel prüfen, dann neu drucken</translation>
    </message>
    <message>
        <source>{printer} is missing — check the USB cable and that the printer is on</source>
        <translation>{printer} fehlt — USB-Kabel prüfen und ob der Drucker eingeschaltet ist</translation>
    </message>
    <message>
        <source>{printer}: this station may not use it — ask IT to give the station user access (group lp)</source>
        <translation>{printer}: diese Station darf ihn nicht benutzen — die IT bitten, dem Benutzer der Station Zugriff zu geben (Gruppe lp)</translation>
    </message>
    <message>
        <source>{printer} cannot be opened ({error})</source>
        <translation>{printer} lässt sich nicht öffnen ({error})</translation>
    </message>
    <message>
        <source>{printer} went away while printing — check the cable, then reprint</source>
        <translation>{printer} ist beim Drucken verschwunden — Kabel prüfen, dann neu drucken</translation>
    </message>
    <message>
        <source>{printer}: {error}</source>
        <translation>{printer}: {error}</translation>
    </message>
    <message>
        <source>{printer} does not exist — check the path in the station settings</source>
        <translation>{printer} gibt es nicht — Pfad in den Stationseinstellungen prüfen</translation>
    </message>
    <message>
        <source>{printer}: cannot write the job ({error})</source>
        <translation>{printer}: Auftrag lässt sich nicht schreiben ({error})</translation>
    </message>
    <message>
        <source>{printer} is not answering status — check it has labels and ribbon, the head is closed, and it is on</source>
        <translation>{printer} meldet keinen Status — prüfen, ob Etiketten und Farbband drin sind, der Kopf geschlossen und er eingeschaltet ist</translation>
    </message>
    <message>
        <source>{printer} head is open — close it until it clicks</source>
        <translation>{printer}: Druckkopf ist offen — schließen, bis er einrastet</translation>
    </message>
    <message>
        <source>{printer} is out of labels — load a new roll</source>
        <translation>{printer} hat keine Etiketten mehr — neue Rolle einlegen</translation>
    </message>
    <message>
        <source>{printer} ribbon is out — fit a new ribbon</source>
        <translation>{printer}: Farbband ist leer — neues Farbband einlegen</translation>
    </message>
    <message>
        <source>{printer} head is too hot — let it cool for a few minutes</source>
        <translation>{printer}: Druckkopf ist zu heiß — ein paar Minuten abkühlen lassen</translation>
    </message>
    <message>
        <source>{printer} has lost its settings — ask a supervisor to set it up again</source>
        <translation>{printer} hat seine Einstellungen verloren — den Vorarbeiter bitten, ihn neu einzurichten</translation>
    </message>
    <message>
        <source>{printer} is in communications diagnostic mode — switch it off and on again</source>
        <translation>{printer} ist im Kommunikations-Diagnosemodus — aus- und wieder einschalten</translation>
    </message>
    <message>
        <source>{printer} is waiting for its label to be taken — take the label off</source>
        <translation>{printer} wartet, dass sein Etikett entnommen wird — Etikett abnehmen</translation>
    </message>
    <message>
        <source>{printer} is paused — press its pause button to continue</source>
        <translation>{printer} ist angehalten — seine Pausetaste drücken, um weiterzumachen</translation>
    </message>
    <message>
        <source>{printer} is busy — wait a moment, it is still working through labels</source>
        <translation>{printer} ist beschäftigt — einen Moment warten, er druckt noch Etiketten</translation>
    </message>
    <message>
        <source>{printer} is too cold to print well — move it somewhere warmer</source>
        <translation>{printer} ist zu kalt, um gut zu drucken — an einen wärmeren Ort stellen</translation>
    </message>
    <message>
        <source>{printer} is ready</source>
        <translation>{printer} ist bereit</translation>
    </message>
    <message>
        <source>{printer}: the CUPS command '{command}' is not installed on this computer — ask IT to install CUPS</source>
        <translation>{printer}: der CUPS-Befehl '{command}' fehlt auf diesem Computer — die IT bitten, CUPS zu installieren</translation>
    </message>
    <message>
        <source>{printer} did not answer in time — check that CUPS is running</source>
        <translation>{printer} hat nicht rechtzeitig geantwortet — prüfen, ob CUPS läuft</translation>
    </message>
    <message>
        <source>{printer}: cannot run '{command}' ({error})</source>
        <translation>{printer}: '{command}' lässt sich nicht ausführen ({error})</translation>
    </message>
    <message>
        <source>{printer} is not accepting jobs — ask IT to enable it ({detail})</source>
        <translation>{printer} nimmt keine Aufträge an — die IT bitten, sie freizugeben ({detail})</translation>
    </message>
    <message>
        <source>{printer} is unknown to CUPS — check the queue name in the station settings ({detail})</source>
        <translation>{printer} ist CUPS unbekannt — Name der Warteschlange in den Stationseinstellungen prüfen ({detail})</translation>
    </message>
    <message>
        <source>{printer} refused the job: {detail}</source>
        <translation>{printer} hat den Auftrag abgelehnt: {detail}</translation>
    </message>
    <message>
        <source>{printer} is stopped in CUPS — ask IT to enable it ({detail})</source>
        <translation>{printer} ist in CUPS angehalten — die IT bitten, sie freizugeben ({detail})</translation>
    </message>
    <message>
        <source>{printer} is ready ({detail})</source>
        <translation>{printer} ist bereit ({detail})</translation>
    </message>
    <message>
        <source>{printer}: the computer's print service (CUPS) is not running — ask IT to start it</source>
        <translation>{printer}: der Druckdienst des Computers (CUPS) läuft nicht — die IT bitten, ihn zu starten</translation>
    </message>
    <message>
        <source>The station stopped while sending it: it may have printed. Resend it if it is missing.</source>
        <translation>Die Station stoppte beim Senden: vielleicht schon gedruckt. Erneut senden, falls es fehlt.</translation>
    </message>
</context>
<context>
    <name>ReturnsBench</name>
    <message>
        <source>late return</source>
        <translation>verspätete Rücksendung</translation>
    </message>
    <message>
        <source>not in the order</source>
        <translation>nicht in der Bestellung</translation>
    </message>
    <message>
        <source>serial not shipped</source>
        <translation>Seriennummer nicht versandt</translation>
    </message>
    <message>
        <source>serial already returned</source>
        <translation>Seriennummer schon zurückgekommen</translation>
    </message>
    <message>
        <source>more than shipped</source>
        <translation>mehr als versandt</translation>
    </message>
    <message>
        <source>unknown item</source>
        <translation>unbekannter Artikel</translation>
    </message>
    <message>
        <source>changed mind</source>
        <translation>nicht mehr gewollt</translation>
    </message>
    <message>
        <source>wrong size</source>
        <translation>falsche Größe</translation>
    </message>
    <message>
        <source>not as described</source>
        <translation>nicht wie beschrieben</translation>
    </message>
    <message>
        <source>arrived late</source>
        <translation>zu spät angekommen</translation>
    </message>
    <message>
        <source>damaged in transit</source>
        <translation>beim Transport beschädigt</translation>
    </message>
    <message>
        <source>defective</source>
        <translation>defekt</translation>
    </message>
    <message>
        <source>damaged by the customer</source>
        <translation>vom Kunden beschädigt</translation>
    </message>
    <message>
        <source>wrong item sent</source>
        <translation>falscher Artikel geschickt</translation>
    </message>
    <message>
        <source>not our item</source>
        <translation>nicht unser Artikel</translation>
    </message>
    <message>
        <source>accessories missing</source>
        <translation>Zubehör fehlt</translation>
    </message>
    <message>
        <source>packaging missing</source>
        <translation>Verpackung fehlt</translation>
    </message>
    <message>
        <source>incomplete set</source>
        <translation>Set unvollständig</translation>
    </message>
    <message>
        <source>Resellable</source>
        <translation>Verkaufsfähig</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Falscher Artikel</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>Dispose</source>
        <translation>Entsorgen</translation>
    </message>
    <message>
        <source>Return to vendor</source>
        <translation>An Lieferanten zurück</translation>
    </message>
    <message>
        <source>Quarantine flagged items. A supervisor scans their badge to approve, or HOLD (F9).</source>
        <translation>Markierte Artikel in Quarantäne. Vorarbeiter scannt Ausweis zur Freigabe, oder PARKEN (F9).</translation>
    </message>
    <message>
        <source>Scan a SUPERVISOR badge to approve and close, or HOLD (F9) for later.</source>
        <translation>VORARBEITER-Ausweis scannen: freigeben und abschließen. Oder PARKEN (F9) für später.</translation>
    </message>
    <message>
        <source>Received on this return</source>
        <translation>In dieser Retoure erhalten</translation>
    </message>
    <message>
        <source>Scan each returned item</source>
        <translation>Jeden Retourenartikel scannen</translation>
    </message>
    <message>
        <source>When the parcel is empty: COMPLETE (F5). Nothing in it: CANCEL (F12).</source>
        <translation>Paket leer: FERTIG (F5). Nichts drin: ABBRECHEN (F12).</translation>
    </message>
    <message>
        <source>Shipped with this order: {0}</source>
        <translation>Mit diesem Auftrag versandt: {0}</translation>
    </message>
    <message>
        <source>Return {0} closed — refund ready</source>
        <translation>Retoure {0} abgeschlossen — Erstattung bereit</translation>
    </message>
    <message>
        <source>Return {0} on hold for a supervisor</source>
        <translation>Retoure {0} für den Vorarbeiter geparkt</translation>
    </message>
    <message>
        <source>Return {0} cancelled</source>
        <translation>Retoure {0} abgebrochen</translation>
    </message>
    <message>
        <source>serial {0}</source>
        <translation>Seriennummer {0}</translation>
    </message>
    <message>
        <source>Restock → {0}</source>
        <translation>Wiedereinlagern → {0}</translation>
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
        <source>Shipped</source>
        <translation>Versendet</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Bin (stock)</source>
        <translation>Lagerplatz (Bestand)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>No shipping date</source>
        <translation>Kein Versanddatum</translation>
    </message>
    <message>
        <source>…or scan a bin label to restock elsewhere, or:</source>
        <translation>…oder Lagerplatz-Etikett scannen, um woanders einzulagern, oder:</translation>
    </message>
    <message>
        <source>Scan the serial number on the item (or type it: F2). UNDO (F3) sets it aside.</source>
        <translation>Seriennummer am Artikel scannen (oder tippen: F2). RÜCKGÄNGIG (F3) legt ihn beiseite.</translation>
    </message>
    <message>
        <source>No serial of {0} was recorded when the order shipped.</source>
        <translation>Beim Versand dieses Auftrags wurde keine Seriennummer von {0} erfasst.</translation>
    </message>
    <message>
        <source>Stock change</source>
        <translation>Bestandsänderung</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Lagerplatz</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Nothing went back on sale.</source>
        <translation>Nichts wieder verkaufbar.</translation>
    </message>
    <message>
        <source>SUPERVISOR — {0} flag(s) on this return</source>
        <translation>VORARBEITER — {0} Markierung(en) an dieser Retoure</translation>
    </message>
    <message>
        <source>Return {0}</source>
        <translation>Retoure {0}</translation>
    </message>
    <message>
        <source>Order {0}</source>
        <translation>Auftrag {0}</translation>
    </message>
    <message>
        <source>Item {0}: {1}, {2} — photo</source>
        <translation>Artikel {0}: {1}, {2} — Foto</translation>
    </message>
    <message>
        <source>Order {0}: {1} unit(s) back ({2}).</source>
        <translation>Auftrag {0}: {1} Stück zurück ({2}).</translation>
    </message>
    <message>
        <source>RMA {0}</source>
        <translation>RMA {0}</translation>
    </message>
    <message>
        <source>shipped {0}</source>
        <translation>versendet {0}</translation>
    </message>
    <message>
        <source>received by {0}</source>
        <translation>angenommen von {0}</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Scan the SERIAL of {0}</source>
        <translation>SERIENNUMMER von {0} scannen</translation>
    </message>
    <message>
        <source>FLAGGED: {0} — it goes to {1}</source>
        <translation>MARKIERT: {0} — kommt nach {1}</translation>
    </message>
    <message>
        <source>Photo taken (PHOTO {0} takes another)</source>
        <translation>Foto aufgenommen (FOTO {0} nimmt ein weiteres auf)</translation>
    </message>
    <message>
        <source>LATE: {0} days after shipping</source>
        <translation>VERSPÄTET: {0} Tage nach Versand</translation>
    </message>
    <message>
        <source>In the window: day {0}</source>
        <translation>In der Frist: Tag {0}</translation>
    </message>
    <message>
        <source>{0}, reason: {1} (card PS:GRADE:{2}:{3})</source>
        <translation>{0}, Grund: {1} (Karte PS:GRADE:{2}:{3})</translation>
    </message>
    <message>
        <source>Restock: scan the bin label</source>
        <translation>Wiedereinlagern: Lagerplatz-Etikett scannen</translation>
    </message>
    <message>
        <source>Waiting for a SUPERVISOR badge</source>
        <translation>Wartet auf einen VORARBEITER-Ausweis</translation>
    </message>
    <message>
        <source>A supervisor scans their badge to approve and close. HOLD (F9) keeps the return for later.</source>
        <translation>Ein Vorarbeiter scannt seinen Ausweis, um freizugeben und abzuschließen. PARKEN (F9) hebt die Retoure für später auf.</translation>
    </message>
    <message>
        <source>In hand: {0} — {1}</source>
        <translation>In der Hand: {0} — {1}</translation>
    </message>
    <message>
        <source>{0}: {1}, {2}</source>
        <translation>{0}: {1}, {2}</translation>
    </message>
    <message>
        <source>{0}
CONFIRM  {1}</source>
        <translation>{0}
BESTÄTIGEN  {1}</translation>
    </message>
    <message>
        <source>{0} for sale: {1} → {2}</source>
        <translation>{0} verkaufbar: {1} → {2}</translation>
    </message>
</context>
<context>
    <name>ReturnsEntry</name>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Returns mode</source>
        <translation>Retourenmodus</translation>
    </message>
    <message>
        <source>Back to packing.</source>
        <translation>Zurück zum Packen.</translation>
    </message>
    <message>
        <source>Finish or hold the open order first.</source>
        <translation>Erst offenen Auftrag abschließen oder parken.</translation>
    </message>
    <message>
        <source>Switch this station to returns mode ({0})</source>
        <translation>Station in den Retourenmodus schalten ({0})</translation>
    </message>
</context>
<context>
    <name>ReturnsWindow</name>
    <message>
        <source>Scan a return label, RMA, tracking or order number</source>
        <translation>Retourenetikett, RMA-, Sendungs- oder Auftragsnummer scannen</translation>
    </message>
    <message>
        <source>Packstation — returns</source>
        <translation>Packstation — Retouren</translation>
    </message>
    <message>
        <source>Opening the returns bench…</source>
        <translation>Retourenplatz wird geöffnet…</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Bulk shipments</source>
        <translation>Großlieferungen</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Inventurzählung</translation>
    </message>
    <message>
        <source>Returns bench</source>
        <translation>Retourenplatz</translation>
    </message>
    <message>
        <source>spool folder</source>
        <translation>Spool-Ordner</translation>
    </message>
    <message>
        <source>The QR code on the return label, the RMA number, a tracking number or the order number (#1001 works too). F2 types it.</source>
        <translation>QR-Code auf dem Retourenetikett, RMA-Nummer, Sendungsnummer oder Auftragsnummer (auch #1001). F2 zum Tippen.</translation>
    </message>
    <message>
        <source>That was NOT recorded. Try again; if this repeats, call IT.</source>
        <translation>Das wurde NICHT gespeichert. Erneut versuchen; wenn es wieder passiert, IT rufen.</translation>
    </message>
    <message>
        <source>Scan your badge to sign in</source>
        <translation>Zum Anmelden Ausweis scannen</translation>
    </message>
    <message>
        <source>Scan the next return</source>
        <translation>Nächste Retoure scannen</translation>
    </message>
    <message>
        <source>Type code</source>
        <translation>Code tippen</translation>
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
        <source>Hold</source>
        <translation>Parken</translation>
    </message>
    <message>
        <source>Print tag</source>
        <translation>Etikett drucken</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Packen</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>Nachzählen</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Nothing to photograph: scan an item first.</source>
        <translation>Nichts zu fotografieren: zuerst einen Artikel scannen.</translation>
    </message>
    <message>
        <source>No bench camera configured: units are recorded without photos.</source>
        <translation>Keine Kamera am Platz eingerichtet: Artikel werden ohne Foto erfasst.</translation>
    </message>
    <message>
        <source>camera not ready</source>
        <translation>Kamera nicht bereit</translation>
    </message>
    <message>
        <source>Export the ASN to…</source>
        <translation>Lieferavis exportieren nach…</translation>
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
        <source>Station error: {0}</source>
        <translation>Stationsfehler: {0}</translation>
    </message>
    <message>
        <source>No returned item to print a tag for yet.</source>
        <translation>Noch kein Retourenartikel erfasst: kein Etikett zu drucken.</translation>
    </message>
    <message>
        <source>{0} sent to the label printer ({1}).</source>
        <translation>{0} an den Etikettendrucker gesendet ({1}).</translation>
    </message>
    <message>
        <source>Bulk shipments: choose a wholesale order or scan its number.</source>
        <translation>Großhandelsversand: Großhandelsauftrag wählen oder seine Nummer scannen.</translation>
    </message>
    <message>
        <source>The returns bench could not start: {0}</source>
        <translation>Der Retourenplatz konnte nicht starten: {0}</translation>
    </message>
    <message>
        <source>Demo returns added: {0}</source>
        <translation>Demo-Retouren angelegt: {0}</translation>
    </message>
    <message>
        <source>Signed in: {0}</source>
        <translation>Angemeldet: {0}</translation>
    </message>
    <message>
        <source>Return {0} · order {1}</source>
        <translation>Retoure {0} · Auftrag {1}</translation>
    </message>
    <message>
        <source>{0} tag(s)</source>
        <translation>{0} Etikett(en)</translation>
    </message>
    <message>
        <source>No photo ({0}): units are recorded without photos.</source>
        <translation>Kein Foto ({0}): Artikel werden ohne Foto erfasst.</translation>
    </message>
    <message>
        <source>No photo of {0}: {1}. The unit is recorded.</source>
        <translation>Kein Foto von {0}: {1}. Der Artikel ist erfasst.</translation>
    </message>
    <message>
        <source>Photo not recorded: {0}. The unit is recorded.</source>
        <translation>Foto nicht gespeichert: {0}. Der Artikel ist erfasst.</translation>
    </message>
    <message>
        <source>No printer path: {0} not printed.</source>
        <translation>Kein Druckweg: {0} nicht gedruckt.</translation>
    </message>
    <message>
        <source>Order {0}: {1} carton(s) on {2} pallet(s), each with its SSCC.</source>
        <translation>Auftrag {0}: {1} Karton(s) auf {2} Palette(n), jeweils mit SSCC.</translation>
    </message>
    <message>
        <source>ASN for {0} written.</source>
        <translation>Lieferavis für {0} gespeichert.</translation>
    </message>
    <message>
        <source>{0} pallet label(s)</source>
        <translation>{0} Palettenetikett(en)</translation>
    </message>
    <message>
        <source>{0} carton label(s)</source>
        <translation>{0} Kartonetikett(en)</translation>
    </message>
    <message>
        <source>{0} did not print: {1}</source>
        <translation>{0} nicht gedruckt: {1}</translation>
    </message>
    <message>
        <source>Order {0} has no {1}s yet: pack it first.</source>
        <translation>Auftrag {0}: noch nichts gepackt ({1}). Zuerst packen.</translation>
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
        <source>Expected weight hidden until the box is weighed</source>
        <translation>Sollgewicht verborgen, bis der Karton gewogen ist</translation>
    </message>
    <message>
        <source>Type what the scale shows (F2): the expected weight shows after.</source>
        <translation>Eingeben, was die Waage anzeigt (F2): das Sollgewicht erscheint danach.</translation>
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
        <source>{0} (typed)</source>
        <translation>{0} (eingetippt)</translation>
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
        <source>Put box {0} ({1}) on the scale</source>
        <translation>Karton {0} ({1}) auf die Waage stellen</translation>
    </message>
    <message>
        <source>Weigh box {0} ({1}) and type its weight (F2)</source>
        <translation>Karton {0} ({1}) wiegen und Gewicht eintippen (F2)</translation>
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
        <source>Serial</source>
        <translation>Seriell</translation>
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
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <source>Station setup: ship-from address, printers (test print), scale, camera…</source>
        <translation>Station einrichten: Absenderadresse, Drucker (Testdruck), Waage, Kamera…</translation>
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
    <name>SetupWords</name>
    <message>
        <source>no ship-from address: every label says "Ship-from not configured"</source>
        <translation>keine Absenderadresse: jedes Etikett zeigt „Ship-from not configured“</translation>
    </message>
    <message>
        <source>the ship-from address has no {missing}</source>
        <translation>der Absenderadresse fehlt: {missing}</translation>
    </message>
    <message>
        <source>give a name or a company: the sender a carrier returns a parcel to</source>
        <translation>Namen oder Firma angeben: der Absender, an den ein Versanddienst ein Paket zurückschickt</translation>
    </message>
    <message>
        <source>the street and number of the warehouse is missing</source>
        <translation>Straße und Hausnummer des Lagers fehlen</translation>
    </message>
    <message>
        <source>the city of the warehouse is missing</source>
        <translation>der Ort des Lagers fehlt</translation>
    </message>
    <message>
        <source>{text} is not a country (ISO 3166): choose one from the list</source>
        <translation>{text} ist kein Land (ISO 3166): eines aus der Liste wählen</translation>
    </message>
    <message>
        <source>choose the warehouse's country</source>
        <translation>Land des Lagers wählen</translation>
    </message>
    <message>
        <source>a postcode is needed in {country}</source>
        <translation>in {country} ist eine Postleitzahl nötig</translation>
    </message>
    <message>
        <source>a postcode is needed in {country} (like {example})</source>
        <translation>in {country} ist eine Postleitzahl nötig (etwa {example})</translation>
    </message>
    <message>
        <source>{postcode} is not a postcode of {country}</source>
        <translation>{postcode} ist keine Postleitzahl in {country}</translation>
    </message>
    <message>
        <source>{postcode} is not a postcode of {country} (like {example})</source>
        <translation>{postcode} ist keine Postleitzahl in {country} (etwa {example})</translation>
    </message>
    <message>
        <source>the state, province or region is needed in {country}</source>
        <translation>in {country} ist das Bundesland, die Provinz oder die Region nötig</translation>
    </message>
    <message>
        <source>the state, province or region is needed in {country} (like {example})</source>
        <translation>in {country} ist das Bundesland, die Provinz oder die Region nötig (etwa {example})</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>CUPS is not installed here (no lpstat): type a printer's address, like tcp://10.0.0.5:9100.</source>
        <translation>CUPS ist hier nicht installiert (kein lpstat): die Adresse eines Druckers eintippen, etwa tcp://10.0.0.5:9100.</translation>
    </message>
    <message>
        <source>CUPS did not answer ({error}): is it running?</source>
        <translation>CUPS hat nicht geantwortet ({error}): läuft es?</translation>
    </message>
    <message>
        <source>CUPS: {detail}</source>
        <translation>CUPS: {detail}</translation>
    </message>
    <message>
        <source>Choose a printer or type its address first (like tcp://10.0.0.5:9100).</source>
        <translation>Zuerst einen Drucker wählen oder seine Adresse eintippen (etwa tcp://10.0.0.5:9100).</translation>
    </message>
    <message>
        <source>The test label did not print: {reason}</source>
        <translation>Das Testetikett wurde nicht gedruckt: {reason}</translation>
    </message>
    <message>
        <source>The test page did not print: {reason}</source>
        <translation>Die Testseite wurde nicht gedruckt: {reason}</translation>
    </message>
    <message>
        <source>Sent a test label ({size} bytes of {kind}) to {uri}. Check that it came out and can be read.</source>
        <translation>Testetikett ({size} Bytes {kind}) an {uri} gesendet. Prüfen, ob es herauskam und lesbar ist.</translation>
    </message>
    <message>
        <source>Sent a test page ({size} bytes of {kind}) to {uri}. Check that it came out and can be read.</source>
        <translation>Testseite ({size} Bytes {kind}) an {uri} gesendet. Prüfen, ob sie herauskam und lesbar ist.</translation>
    </message>
    <message>
        <source>CUPS queue {queue}</source>
        <translation>CUPS-Warteschlange {queue}</translation>
    </message>
    <message>
        <source>CUPS queue {queue} ({state})</source>
        <translation>CUPS-Warteschlange {queue} ({state})</translation>
    </message>
    <message>
        <source>Scale simulator (for trying the station without a scale)</source>
        <translation>Waagen-Simulator (um die Station ohne Waage auszuprobieren)</translation>
    </message>
    <message>
        <source>{camera} (default)</source>
        <translation>{camera} (Standard)</translation>
    </message>
    <message>
        <source>name or company</source>
        <translation>Name oder Firma</translation>
    </message>
    <message>
        <source>line1</source>
        <translation>Straße und Hausnummer</translation>
    </message>
    <message>
        <source>city</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>country</source>
        <translation>Land</translation>
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
<context>
    <name>StationSetup</name>
    <message>
        <source>Station setup</source>
        <translation>Station einrichten</translation>
    </message>
    <message>
        <source>Looking for printers and serial ports…</source>
        <translation>Suche Drucker und serielle Anschlüsse…</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <source>Ship-from address (the sender on every label)</source>
        <translation>Absenderadresse (auf jedem Etikett)</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Choose one that was found, or type its address: tcp://10.0.0.5:9100, serial:///dev/ttyUSB0, cups://Queue_name.</source>
        <translation>Einen gefundenen wählen oder die Adresse eingeben: tcp://10.0.0.5:9100, serial:///dev/ttyUSB0, cups://Queue_name.</translation>
    </message>
    <message>
        <source>Scale and camera</source>
        <translation>Waage und Kamera</translation>
    </message>
    <message>
        <source>No scale: weights are typed or expected</source>
        <translation>Keine Waage: Gewichte werden getippt oder erwartet</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Waage</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Keine Kamera</translation>
    </message>
    <message>
        <source>The computer's default camera</source>
        <translation>Standardkamera des Computers</translation>
    </message>
    <message>
        <source>Camera (a photo of each packed box)</source>
        <translation>Kamera (ein Foto jedes gepackten Kartons)</translation>
    </message>
    <message>
        <source>no printer queues or serial ports</source>
        <translation>keine Druckerwarteschlangen oder seriellen Anschlüsse</translation>
    </message>
    <message>
        <source>Set up this station: where parcels ship from, its printers, its scale and its camera.</source>
        <translation>Diese Station einrichten: Absender der Pakete, Drucker, Waage und Kamera.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Nordlicht Versand GmbH</source>
        <translation>Nordlicht Versand GmbH</translation>
    </message>
    <message>
        <source>Name or department</source>
        <translation>Name oder Abteilung</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Versand</translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation>Straße und Hausnummer</translation>
    </message>
    <message>
        <source>Am Sandtorkai 5</source>
        <translation>Am Sandtorkai 5</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Adresszeile 2</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Hamburg</source>
        <translation>Hamburg</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>State or region</source>
        <translation>Bundesland oder Region</translation>
    </message>
    <message>
        <source>where the post needs one</source>
        <translation>wo die Post es verlangt</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Etikettendrucker</translation>
    </message>
    <message>
        <source>Document printer (slips)</source>
        <translation>Dokumentdrucker (Lieferscheine)</translation>
    </message>
    <message>
        <source>None: save as files in the spool folder</source>
        <translation>Keiner: als Dateien im Spool-Ordner speichern</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Testdruck</translation>
    </message>
    <message>
        <source>Found: {0}. Serial ports: {1}.</source>
        <translation>Gefunden: {0}. Serielle Anschlüsse: {1}.</translation>
    </message>
    <message>
        <source>Saved to {0} (its comments are kept)</source>
        <translation>Gespeichert in {0} (Kommentare bleiben erhalten)</translation>
    </message>
    <message>
        <source>Choose the country…</source>
        <translation>Land wählen…</translation>
    </message>
    <message>
        <source>Printing a test label on {0}…</source>
        <translation>Drucke Testetikett auf {0}…</translation>
    </message>
    <message>
        <source>Could not look for printers: {0}</source>
        <translation>Drucker konnten nicht gesucht werden: {0}</translation>
    </message>
    <message>
        <source>Not saved: {0} to correct. {1}</source>
        <translation>Nicht gespeichert: {0} zu korrigieren. {1}</translation>
    </message>
    <message>
        <source>The test print failed: {0}</source>
        <translation>Testdruck fehlgeschlagen: {0}</translation>
    </message>
</context>
<context>
    <name>SupervisorAudit</name>
    <message>
        <source>Anything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>Packer</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>Waage</translation>
    </message>
    <message>
        <source>typed by hand</source>
        <translation>von Hand eingetippt</translation>
    </message>
    <message>
        <source>not weighed</source>
        <translation>nicht gewogen</translation>
    </message>
    <message>
        <source>Order number, tracking number, SKU, serial number or packer — type or scan, then Enter</source>
        <translation>Auftragsnummer, Sendungsnummer, Artikelnr., Seriennummer oder Packer — tippen oder scannen, dann Enter</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Export audit trail (CSV)</source>
        <translation>Protokoll exportieren (CSV)</translation>
    </message>
    <message>
        <source>Find an order to see every scan, weight, override, print and photo.</source>
        <translation>Auftrag suchen: zeigt alle Scans, Gewichte, Freigaben, Drucke und Fotos.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Select a parcel to see its open-box photo.</source>
        <translation>Paket wählen, um das Foto des offenen Kartons zu sehen.</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>Foto öffnen</translation>
    </message>
    <message>
        <source>Parcels and photos</source>
        <translation>Pakete und Fotos</translation>
    </message>
    <message>
        <source>Print jobs</source>
        <translation>Druckaufträge</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>packing</source>
        <translation>beim Packen</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>gepackt</translation>
    </message>
    <message>
        <source>held</source>
        <translation>geparkt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>versandt</translation>
    </message>
    <message>
        <source>Order not found</source>
        <translation>Auftrag nicht gefunden</translation>
    </message>
    <message>
        <source>No photo for this parcel.</source>
        <translation>Kein Foto zu diesem Paket.</translation>
    </message>
    <message>
        <source>Search failed: {0}</source>
        <translation>Suche fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <source> (the newest {0})</source>
        <translation> (die neuesten {0})</translation>
    </message>
    <message>
        <source>{0} order(s){1}</source>
        <translation>Aufträge: {0}{1}</translation>
    </message>
    <message>
        <source>Order {0} · {1}</source>
        <translation>Auftrag {0} · {1}</translation>
    </message>
    <message>
        <source>Parcels and photos ({0})</source>
        <translation>Pakete und Fotos ({0})</translation>
    </message>
    <message>
        <source>Print jobs ({0})</source>
        <translation>Druckaufträge ({0})</translation>
    </message>
    <message>
        <source>Nothing found for “{0}”.</source>
        <translation>Nichts gefunden für „{0}“.</translation>
    </message>
    <message>
        <source>Photo: {0}</source>
        <translation>Foto: {0}</translation>
    </message>
    <message>
        <source>the carton {carton}</source>
        <translation>den Karton {carton}</translation>
    </message>
    <message>
        <source>Order opened</source>
        <translation>Auftrag geöffnet</translation>
    </message>
    <message>
        <source>Packing instructions confirmed</source>
        <translation>Packanweisung bestätigt</translation>
    </message>
    <message>
        <source>Packed {units}× {sku} into box {box}{serial}{lot}{typed}</source>
        <translation>{units}× {sku} in Karton {box} gepackt{serial}{lot}{typed}</translation>
    </message>
    <message>
        <source>Undone: {units}× {sku} taken out of box {box}</source>
        <translation>Rückgängig: {units}× {sku} aus Karton {box} genommen</translation>
    </message>
    <message>
        <source>Asked for the {needs} number of {sku}</source>
        <translation>Nach der {needs} von {sku} gefragt</translation>
    </message>
    <message>
        <source>Quantity {qty} set for the next item</source>
        <translation>Menge {qty} für den nächsten Artikel gesetzt</translation>
    </message>
    <message>
        <source>Items missing: {missing}</source>
        <translation>Artikel fehlen: {missing}</translation>
    </message>
    <message>
        <source>Box {box} reopened</source>
        <translation>Karton {box} wieder geöffnet</translation>
    </message>
    <message>
        <source>Carton {carton} for box {box}</source>
        <translation>Karton {carton} für Paket {box}</translation>
    </message>
    <message>
        <source>Box {box} not weighed (weighing is off; expected {expected})</source>
        <translation>Karton {box} nicht gewogen (Wiegen ist aus; erwartet {expected})</translation>
    </message>
    <message>
        <source>Supervisor {name} approved {what}</source>
        <translation>Vorarbeiter {name} hat {what} freigegeben</translation>
    </message>
    <message>
        <source>Label for box {box} did not print: {message}</source>
        <translation>Etikett für Karton {box} nicht gedruckt: {message}</translation>
    </message>
    <message>
        <source>Reprint of box {box}'s label</source>
        <translation>Nachdruck des Etiketts von Karton {box}</translation>
    </message>
    <message>
        <source>Packing stopped, back to the queue: {reason}</source>
        <translation>Packen abgebrochen, zurück in die Warteschlange: {reason}</translation>
    </message>
    <message>
        <source>Stopped at the bench: the order became {status} upstream</source>
        <translation>Am Packplatz gestoppt: der Auftrag ist im Shop jetzt {status}</translation>
    </message>
    <message>
        <source>Labels voided (box {boxes})</source>
        <translation>Etiketten storniert (Karton {boxes})</translation>
    </message>
    <message>
        <source>Sync conflict ({kind}): {detail}</source>
        <translation>Abgleichskonflikt ({kind}): {detail}</translation>
    </message>
    <message>
        <source>Supervisor {name}: {action} — {reason}</source>
        <translation>Vorarbeiter {name}: {action} — {reason}</translation>
    </message>
    <message>
        <source>shipping short</source>
        <translation>den Teilversand</translation>
    </message>
    <message>
        <source>the weight</source>
        <translation>das Gewicht</translation>
    </message>
    <message>
        <source>the carton</source>
        <translation>den Karton</translation>
    </message>
    <message>
        <source>Scan refused ({code}): {message}</source>
        <translation>Scan abgelehnt ({code}): {message}</translation>
    </message>
    <message>
        <source>Scan refused ({code}):</source>
        <translation>Scan abgelehnt ({code}):</translation>
    </message>
    <message>
        <source>Box {box} closed (last box)</source>
        <translation>Karton {box} geschlossen (letzter Karton)</translation>
    </message>
    <message>
        <source>Box {box} closed</source>
        <translation>Karton {box} geschlossen</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>✗ out of tolerance</source>
        <translation>✗ außerhalb der Toleranz</translation>
    </message>
    <message>
        <source>Box {box} weighed {grams} (typed), expected {expected} ± {allowance} {verdict}</source>
        <translation>Karton {box} wiegt {grams} (eingetippt), erwartet {expected} ± {allowance} {verdict}</translation>
    </message>
    <message>
        <source>Box {box} weighed {grams} ({source}), expected {expected} ± {allowance} {verdict}</source>
        <translation>Karton {box} wiegt {grams} ({source}), erwartet {expected} ± {allowance} {verdict}</translation>
    </message>
    <message>
        <source>Label printed for box {box}, tracking {tracking}</source>
        <translation>Etikett für Karton {box} gedruckt, Sendungsnummer {tracking}</translation>
    </message>
    <message>
        <source>Label printed for box {box}</source>
        <translation>Etikett für Karton {box} gedruckt</translation>
    </message>
    <message>
        <source>Order packed in {boxes} box</source>
        <translation>Auftrag in {boxes} Karton gepackt</translation>
    </message>
    <message>
        <source>Order packed in {boxes} boxes</source>
        <translation>Auftrag in {boxes} Kartons gepackt</translation>
    </message>
    <message>
        <source>Put on hold: {reason} (missing {missing})</source>
        <translation>Geparkt: {reason} (fehlt: {missing})</translation>
    </message>
    <message>
        <source>Put on hold: {reason}</source>
        <translation>Geparkt: {reason}</translation>
    </message>
    <message>
        <source> · serial {serial}</source>
        <translation> · Seriennummer {serial}</translation>
    </message>
    <message>
        <source> · lot {lot}</source>
        <translation> · Charge {lot}</translation>
    </message>
    <message>
        <source> · typed by hand</source>
        <translation> · von Hand eingetippt</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>lot</source>
        <translation>Chargennummer</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>released to the queue</source>
        <translation>in die Warteschlange freigegeben</translation>
    </message>
    <message>
        <source>reassigned to {to}</source>
        <translation>an {to} übergeben</translation>
    </message>
    <message>
        <source>cancelled (will not ship)</source>
        <translation>storniert (wird nicht versandt)</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>zur Kenntnis genommen</translation>
    </message>
</context>
<context>
    <name>SupervisorChart</name>
    <message>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>units</source>
        <translation>Stück</translation>
    </message>
</context>
<context>
    <name>SupervisorColumns</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Time with an order open plus short gaps between orders</source>
        <translation>Zeit mit offenem Auftrag plus kurze Pausen zwischen Aufträgen</translation>
    </message>
    <message>
        <source>Orders/h</source>
        <translation>Aufträge/h</translation>
    </message>
    <message>
        <source>Parcels/h</source>
        <translation>Pakete/h</translation>
    </message>
    <message>
        <source>Units/h</source>
        <translation>Stück/h</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>Orders weighted by difficulty</source>
        <translation>Aufträge nach Schwierigkeit gewichtet</translation>
    </message>
    <message>
        <source>Weighted/h</source>
        <translation>Gewichtet/h</translation>
    </message>
    <message>
        <source>Fair productivity: weighted orders per active hour</source>
        <translation>Faire Leistung: gewichtete Aufträge je aktiver Stunde</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Median time per order, opened → packed</source>
        <translation>Mittlere Zeit je Auftrag, geöffnet → gepackt</translation>
    </message>
    <message>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <source>9 in 10 orders took at most this long</source>
        <translation>9 von 10 Aufträgen dauerten höchstens so lange</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Time between orders, breaks over 30 min left out</source>
        <translation>Zeit zwischen Aufträgen, Pausen über 30 min nicht gezählt</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Scan errors: refused scans / all scans</source>
        <translation>Scanfehler: abgelehnte Scans / alle Scans</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Geparkt</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Stornos</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>Nachdrucke</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Supervisor approvals (short or weight)</source>
        <translation>Freigaben durch Vorarbeiter (Fehlmenge oder Gewicht)</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wieder geöffnet</translation>
    </message>
    <message>
        <source>Boxes reopened</source>
        <translation>Wieder geöffnete Kartons</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Refused scans</source>
        <translation>Abgelehnte Scans</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>Packer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>Am Auftrag</translation>
    </message>
    <message>
        <source>Time since the order was opened</source>
        <translation>Zeit seit dem Öffnen des Auftrags</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>Quiet for</source>
        <translation>Ruhig seit</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Orders today</source>
        <translation>Aufträge heute</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Gedruckt</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>How long the tote has waited</source>
        <translation>Wie lange die Kiste schon wartet</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Gefunden von</translation>
    </message>
    <message>
        <source>Hold reason</source>
        <translation>Grund fürs Parken</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Units shipped in the period (stock movements, net of voided labels)</source>
        <translation>Im Zeitraum versandte Stück (Lagerbewegungen, ohne stornierte Etiketten)</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Retourniert</translation>
    </message>
    <message>
        <source>Units returned in the period that were in their order</source>
        <translation>Im Zeitraum retournierte Stück, die in ihrem Auftrag waren</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>Retourenquote</translation>
    </message>
    <message>
        <source>Returned / shipped units</source>
        <translation>Retournierte / versandte Stück</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Every unit graded at the returns bench, wrong items included</source>
        <translation>Jedes am Retourenplatz bewertete Stück, falsche Artikel eingeschlossen</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Return parcels with a unit graded in the period</source>
        <translation>Retourenpakete mit einem im Zeitraum bewerteten Stück</translation>
    </message>
    <message>
        <source>Restocked</source>
        <translation>Eingelagert</translation>
    </message>
    <message>
        <source>Units back in a sellable bin in the period</source>
        <translation>Im Zeitraum in einen verkaufsfähigen Lagerplatz zurückgelegte Stück</translation>
    </message>
    <message>
        <source>Median restock</source>
        <translation>Median Einlagerung</translation>
    </message>
    <message>
        <source>Median time from receipt to restock</source>
        <translation>Mittlere Zeit vom Eingang bis zur Einlagerung</translation>
    </message>
    <message>
        <source>P90 restock</source>
        <translation>P90 Einlagerung</translation>
    </message>
    <message>
        <source>9 in 10 units were back in a bin within this time</source>
        <translation>9 von 10 Stück lagen in dieser Zeit wieder im Lagerplatz</translation>
    </message>
    <message>
        <source>Lines counted</source>
        <translation>Gezählte Zeilen</translation>
    </message>
    <message>
        <source>SKU-bin lines of cycle counts approved in the period</source>
        <translation>Artikel-Lagerplatz-Zeilen der im Zeitraum freigegebenen Inventuren</translation>
    </message>
    <message>
        <source>Line accuracy</source>
        <translation>Zeilengenauigkeit</translation>
    </message>
    <message>
        <source>Counted lines without variance</source>
        <translation>Gezählte Zeilen ohne Abweichung</translation>
    </message>
    <message>
        <source>Units off</source>
        <translation>Stück daneben</translation>
    </message>
    <message>
        <source>Sum of |counted - expected| units</source>
        <translation>Summe von |gezählt − erwartet| Stück</translation>
    </message>
    <message>
        <source>Unit accuracy</source>
        <translation>Stückgenauigkeit</translation>
    </message>
    <message>
        <source>1 - units off / units expected</source>
        <translation>1 − Stück daneben / erwartete Stück</translation>
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
        <source>Units shipped in the period, net of voided labels</source>
        <translation>Im Zeitraum versandte Stück, ohne stornierte Etiketten</translation>
    </message>
    <message>
        <source>Units returned in the period (in their order)</source>
        <translation>Im Zeitraum retournierte Stück (in ihrem Auftrag)</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Returned / shipped</source>
        <translation>Retourniert / versandt</translation>
    </message>
    <message>
        <source>Resellable</source>
        <translation>Wiederverkaufbar</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Falscher Artikel</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation>Teile fehlen</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Share of every unit received in the period</source>
        <translation>Anteil an allen im Zeitraum erhaltenen Stück</translation>
    </message>
    <message>
        <source>Units / all units shipped in the period</source>
        <translation>Stück / alle im Zeitraum versandten Stück</translation>
    </message>
    <message>
        <source>Not in order</source>
        <translation>Nicht im Auftrag</translation>
    </message>
    <message>
        <source>Units the order never had</source>
        <translation>Stück, die der Auftrag nie hatte</translation>
    </message>
    <message>
        <source>Return parcels</source>
        <translation>Retourenpakete</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Weg</translation>
    </message>
    <message>
        <source>At the bench: restocked when graded; from quarantine: released by a supervisor</source>
        <translation>Am Platz: beim Bewerten eingelagert; aus der Quarantäne: vom Vorarbeiter freigegeben</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>Längste</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Inventuren</translation>
    </message>
    <message>
        <source>Cycle counts approved in the period</source>
        <translation>Im Zeitraum freigegebene Inventuren</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>SKU-bin lines counted (final round)</source>
        <translation>Gezählte Artikel-Lagerplatz-Zeilen (letzte Runde)</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Richtig</translation>
    </message>
    <message>
        <source>Lines without variance</source>
        <translation>Zeilen ohne Abweichung</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Daneben</translation>
    </message>
    <message>
        <source>Sum of |counted - expected|</source>
        <translation>Summe von |gezählt − erwartet|</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Counted - expected: below zero, units missing</source>
        <translation>Gezählt − erwartet: unter null fehlen Stück</translation>
    </message>
    <message>
        <source>Orders
/h</source>
        <translation>Aufträge
/h</translation>
    </message>
    <message>
        <source>Parcels
/h</source>
        <translation>Pakete
/h</translation>
    </message>
    <message>
        <source>Units
/h</source>
        <translation>Stück
/h</translation>
    </message>
    <message>
        <source>Weighted
/h</source>
        <translation>Gewichtet
/h</translation>
    </message>
    <message>
        <source>Scan
errors</source>
        <translation>Scan-
fehler</translation>
    </message>
    <message>
        <source>Re-
prints</source>
        <translation>Nach-
drucke</translation>
    </message>
    <message>
        <source>Over-
rides</source>
        <translation>Frei-
gaben</translation>
    </message>
    <message>
        <source>Boxes
reopened</source>
        <translation>Kartons
wieder offen</translation>
    </message>
    <message>
        <source>Median
order</source>
        <translation>Median
Auftrag</translation>
    </message>
    <message>
        <source>P90
order</source>
        <translation>P90
Auftrag</translation>
    </message>
    <message>
        <source>Orders
today</source>
        <translation>Aufträge
heute</translation>
    </message>
    <message>
        <source>On
order</source>
        <translation>Am
Auftrag</translation>
    </message>
    <message>
        <source>Return
rate</source>
        <translation>Retouren-
quote</translation>
    </message>
    <message>
        <source>Lines
right</source>
        <translation>Zeilen
richtig</translation>
    </message>
    <message>
        <source>Line
accuracy</source>
        <translation>Zeilen-
genauigkeit</translation>
    </message>
    <message>
        <source>Units
expected</source>
        <translation>Stück
erwartet</translation>
    </message>
    <message>
        <source>Units
counted</source>
        <translation>Stück
gezählt</translation>
    </message>
    <message>
        <source>Units
off</source>
        <translation>Stück
daneben</translation>
    </message>
    <message>
        <source>Unit
accuracy</source>
        <translation>Stück-
genauigkeit</translation>
    </message>
    <message>
        <source>Not in
order</source>
        <translation>Nicht im
Auftrag</translation>
    </message>
    <message>
        <source>Missing
parts</source>
        <translation>Teile
fehlen</translation>
    </message>
    <message>
        <source>Wrong
item</source>
        <translation>Falscher
Artikel</translation>
    </message>
    <message>
        <source>Share of
returns</source>
        <translation>Anteil an
Retouren</translation>
    </message>
    <message>
        <source>Median
restock</source>
        <translation>Median
Einlagerung</translation>
    </message>
    <message>
        <source>P90
restock</source>
        <translation>P90
Einlagerung</translation>
    </message>
    <message>
        <source>Lines
counted</source>
        <translation>Zeilen
gezählt</translation>
    </message>
</context>
<context>
    <name>SupervisorEntry</name>
    <message>
        <source>Supervisor</source>
        <translation>Vorarbeiter</translation>
    </message>
    <message>
        <source>Supervisor console</source>
        <translation>Vorarbeiter-Konsole</translation>
    </message>
    <message>
        <source>Open the supervisor's console ({0})</source>
        <translation>Vorarbeiter-Konsole öffnen ({0})</translation>
    </message>
    <message>
        <source>Station {0}</source>
        <translation>Station {0}</translation>
    </message>
</context>
<context>
    <name>SupervisorFloor</name>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>Printers (the print queue in this database)</source>
        <translation>Drucker (Druckwarteschlange dieser Datenbank)</translation>
    </message>
    <message>
        <source>{0} station · updated {1} ({2:.0f} ms) · every {3} s</source>
        <translation>{0} Station · aktualisiert {1} ({2:.0f} ms) · alle {3} s</translation>
    </message>
    <message>
        <source>{0} stations · updated {1} ({2:.0f} ms) · every {3} s</source>
        <translation>{0} Stationen · aktualisiert {1} ({2:.0f} ms) · alle {3} s</translation>
    </message>
    <message>
        <source>need a supervisor</source>
        <translation>für Vorarbeiter</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>zu prüfen</translation>
    </message>
    <message>
        <source>packing</source>
        <translation>packen</translation>
    </message>
    <message>
        <source>waiting for an order</source>
        <translation>ohne Auftrag</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>Floor not updated: {0}</source>
        <translation>Übersicht nicht aktualisiert: {0}</translation>
    </message>
    <message>
        <source>Choosing a carton</source>
        <translation>Wählt Karton</translation>
    </message>
    <message>
        <source>Weighing</source>
        <translation>Wiegt</translation>
    </message>
    <message>
        <source>Labelling</source>
        <translation>Etikettiert</translation>
    </message>
    <message>
        <source>Items missing: needs a supervisor</source>
        <translation>Artikel fehlen: Vorarbeiter nötig</translation>
    </message>
    <message>
        <source>Label did not print</source>
        <translation>Etikett nicht gedruckt</translation>
    </message>
    <message>
        <source>STOP: order cancelled or held upstream</source>
        <translation>STOPP: Auftrag vorgelagert storniert oder gesperrt</translation>
    </message>
    <message>
        <source>Packing (last scan refused)</source>
        <translation>Packt (letzter Scan abgelehnt)</translation>
    </message>
    <message>
        <source>No activity yet</source>
        <translation>Noch keine Aktivität</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Waiting for an order</source>
        <translation>Wartet auf einen Auftrag</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Packt</translation>
    </message>
    <message>
        <source>Weight check: needs a supervisor</source>
        <translation>Gewichtsprüfung: Vorarbeiter nötig</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>OK {when}</source>
        <translation>OK {when}</translation>
    </message>
    <message>
        <source>Failed {when}</source>
        <translation>Fehler {when}</translation>
    </message>
    <message>
        <source>Failed {when}: {message}</source>
        <translation>Fehler {when}: {message}</translation>
    </message>
</context>
<context>
    <name>SupervisorHolds</name>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>DECISION</source>
        <translation>ENTSCHEIDUNG</translation>
    </message>
    <message>
        <source>Select a hold</source>
        <translation>Geparkten Auftrag wählen</translation>
    </message>
    <message>
        <source>Reason (required), e.g. replacement picked from A-01-2</source>
        <translation>Grund (Pflicht), z. B. Ersatz aus A-01-2 gepickt</translation>
    </message>
    <message>
        <source>Reassign to: bench or packer</source>
        <translation>Neu zuweisen an: Packplatz oder Packer</translation>
    </message>
    <message>
        <source>Release to the packing queue</source>
        <translation>Zum Packen freigeben</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Neu zuweisen</translation>
    </message>
    <message>
        <source>Cancel the order (will not ship)</source>
        <translation>Auftrag stornieren (kein Versand)</translation>
    </message>
    <message>
        <source>Acknowledge the conflict</source>
        <translation>Konflikt quittieren</translation>
    </message>
    <message>
        <source>Open the order's audit trail</source>
        <translation>Protokoll des Auftrags öffnen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Choose a tote on the left, write why, then decide.</source>
        <translation>Links eine Kiste wählen, Grund eintragen, dann entscheiden.</translation>
    </message>
    <message>
        <source>Cancel the order?</source>
        <translation>Auftrag stornieren?</translation>
    </message>
    <message>
        <source>{0} order(s) on hold, {1} sync conflict(s), oldest first. Every decision is recorded with your name and reason.</source>
        <translation>Geparkt: {0} · Sync-Konflikte: {1} · älteste zuerst. Jede Entscheidung wird mit Name und Grund protokolliert.</translation>
    </message>
    <message>
        <source>Order {0}: {1}</source>
        <translation>Auftrag {0}: {1}</translation>
    </message>
    <message>
        <source>Order {0} will be cancelled and will not ship. Continue?</source>
        <translation>Auftrag {0} wird storniert und nicht versendet. Fortfahren?</translation>
    </message>
    <message>
        <source>Not loaded: {0}</source>
        <translation>Nicht geladen: {0}</translation>
    </message>
</context>
<context>
    <name>SupervisorLogin</name>
    <message>
        <source>Supervisor sign-in</source>
        <translation>Vorarbeiter-Anmeldung</translation>
    </message>
    <message>
        <source>Supervisors and admins only</source>
        <translation>Nur für Vorarbeiter und Admins</translation>
    </message>
    <message>
        <source>Scan your badge or type your name, then your PIN.</source>
        <translation>Ausweis scannen oder Namen tippen, dann PIN.</translation>
    </message>
    <message>
        <source>badge or name</source>
        <translation>Ausweis oder Name</translation>
    </message>
    <message>
        <source>Badge or name</source>
        <translation>Ausweis oder Name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Give your badge or name, and your PIN.</source>
        <translation>Ausweis oder Name und PIN angeben.</translation>
    </message>
    <message>
        <source>Sign-in failed: {0}</source>
        <translation>Anmeldung fehlgeschlagen: {0}</translation>
    </message>
</context>
<context>
    <name>SupervisorProductivity</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Early shift</source>
        <translation>Frühschicht</translation>
    </message>
    <message>
        <source>Late shift</source>
        <translation>Spätschicht</translation>
    </message>
    <message>
        <source>Night shift</source>
        <translation>Nachtschicht</translation>
    </message>
    <message>
        <source>Early shift (06–14)</source>
        <translation>Frühschicht (06–14)</translation>
    </message>
    <message>
        <source>Late shift (14–22)</source>
        <translation>Spätschicht (14–22)</translation>
    </message>
    <message>
        <source>Night shift (22–06)</source>
        <translation>Nachtschicht (22–06)</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Eigener Zeitraum…</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation>zu wenig Daten</translation>
    </message>
    <message>
        <source>single unit</source>
        <translation>ein Stück</translation>
    </message>
    <message>
        <source>one SKU, several units</source>
        <translation>eine SKU, mehrere Stück</translation>
    </message>
    <message>
        <source>mixed SKUs</source>
        <translation>gemischte SKUs</translation>
    </message>
    <message>
        <source>serial-tracked</source>
        <translation>mit Seriennummer</translation>
    </message>
    <message>
        <source>Rates are per active hour; an order counts when it is packed, with its whole cycle time.</source>
        <translation>Raten je aktiver Stunde; ein Auftrag zählt, wenn er gepackt ist, mit seiner ganzen Durchlaufzeit.</translation>
    </message>
    <message>
        <source>Preparing statistics for the first time: %p %</source>
        <translation>Statistik wird erstmals aufbereitet: %p %</translation>
    </message>
    <message>
        <source>per packer</source>
        <translation>pro Packer</translation>
    </message>
    <message>
        <source>per station</source>
        <translation>pro Station</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Shift report (PDF)</source>
        <translation>Schichtbericht (PDF)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>Save the shift report</source>
        <translation>Schichtbericht speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Difficulty weights: {0}.</source>
        <translation>Schwierigkeitsgewichte: {0}.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Orders / h</source>
        <translation>Aufträge / h</translation>
    </message>
    <message>
        <source>Orders per active hour</source>
        <translation>Aufträge pro aktiver Stunde</translation>
    </message>
    <message>
        <source>Weighted / h</source>
        <translation>Gewichtet / h</translation>
    </message>
    <message>
        <source>Fair productivity: orders weighted by difficulty, per active hour</source>
        <translation>Faire Leistung: Aufträge nach Aufwand gewichtet, pro aktiver Stunde</translation>
    </message>
    <message>
        <source>Median order</source>
        <translation>Auftrag (Median)</translation>
    </message>
    <message>
        <source>Median time from order opened to packed</source>
        <translation>Median der Zeit vom Öffnen des Auftrags bis gepackt</translation>
    </message>
    <message>
        <source>P90 order</source>
        <translation>Auftrag (P90)</translation>
    </message>
    <message>
        <source>9 in 10 orders took at most this long</source>
        <translation>9 von 10 Aufträgen dauerten höchstens so lange</translation>
    </message>
    <message>
        <source>Scan errors</source>
        <translation>Scanfehler</translation>
    </message>
    <message>
        <source>Refused scans / all scans</source>
        <translation>Abgelehnte Scans / alle Scans</translation>
    </message>
    <message>
        <source>Holds in period</source>
        <translation>Geparkt im Zeitraum</translation>
    </message>
    <message>
        <source>Orders put on hold at a bench in this period</source>
        <translation>Aufträge, die in diesem Zeitraum an einem Packplatz geparkt wurden</translation>
    </message>
    <message>
        <source>Other exceptions</source>
        <translation>Sonstige Ausnahmen</translation>
    </message>
    <message>
        <source>Orders and units per hour — {0}</source>
        <translation>Aufträge und Stück pro Stunde — {0}</translation>
    </message>
    <message>
        <source>— in a rate: not enough data (less than {0} min of active time; a rate from a few minutes is no hourly rate).</source>
        <translation>— bei einer Rate: zu wenig Daten (weniger als {0} min aktive Zeit; ein paar Minuten ergeben keine Stundenrate).</translation>
    </message>
    <message>
        <source>Not loaded: {0}</source>
        <translation>Nicht geladen: {0}</translation>
    </message>
    <message>
        <source>All {0}</source>
        <translation>Alle {0}</translation>
    </message>
    <message>
        <source>packers</source>
        <translation>Packer</translation>
    </message>
    <message>
        <source>stations</source>
        <translation>Stationen</translation>
    </message>
    <message>
        <source>{0} · as of {1}</source>
        <translation>{0} · Stand {1}</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Voids {0} · reprints {1} · supervisor overrides {2} · boxes reopened {3}</source>
        <translation>Stornos {0} · Nachdrucke {1} · Vorarbeiter-Freigaben {2} · Kartons wieder geöffnet {3}</translation>
    </message>
</context>
<context>
    <name>SupervisorReturns</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Units shipped</source>
        <translation>Stück versendet</translation>
    </message>
    <message>
        <source>Shipment stock movements, net of voided labels</source>
        <translation>Bestandsbewegungen durch Versand, ohne stornierte Etiketten</translation>
    </message>
    <message>
        <source>Units returned</source>
        <translation>Stück retourniert</translation>
    </message>
    <message>
        <source>Graded at the returns bench, wrong items left out</source>
        <translation>Am Retourenplatz bewertet, ohne falsche Artikel</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>Retourenquote</translation>
    </message>
    <message>
        <source>Units returned / units shipped in the period</source>
        <translation>Retournierte / versendete Stück im Zeitraum</translation>
    </message>
    <message>
        <source>Units restocked</source>
        <translation>Stück eingelagert</translation>
    </message>
    <message>
        <source>Back in a sellable bin in the period</source>
        <translation>Im Zeitraum zurück auf einem verkaufsfähigen Lagerplatz</translation>
    </message>
    <message>
        <source>Median restock</source>
        <translation>Einlagerung (Median)</translation>
    </message>
    <message>
        <source>From the return's receipt to a sellable bin</source>
        <translation>Vom Eingang der Retoure bis zum verkaufsfähigen Lagerplatz</translation>
    </message>
    <message>
        <source>P90 restock</source>
        <translation>Einlagerung (P90)</translation>
    </message>
    <message>
        <source>9 in 10 units were back in a bin within this time</source>
        <translation>9 von 10 Stück lagen innerhalb dieser Zeit wieder auf einem Lagerplatz</translation>
    </message>
    <message>
        <source>Line accuracy</source>
        <translation>Positionsgenauigkeit</translation>
    </message>
    <message>
        <source>Counted lines without variance (approved counts)</source>
        <translation>Gezählte Positionen ohne Abweichung (freigegebene Zählungen)</translation>
    </message>
    <message>
        <source>Unit accuracy</source>
        <translation>Stückgenauigkeit</translation>
    </message>
    <message>
        <source>1 - units off / units expected</source>
        <translation>1 - Stück Abweichung / Stück erwartet</translation>
    </message>
    <message>
        <source>Units off</source>
        <translation>Abweichung (Stück)</translation>
    </message>
    <message>
        <source>Sum of |counted - expected| in approved counts</source>
        <translation>Summe von |gezählt - erwartet| in freigegebenen Zählungen</translation>
    </message>
    <message>
        <source>Not loaded: {0}</source>
        <translation>Nicht geladen: {0}</translation>
    </message>
    <message>
        <source>{0} · as of {1}</source>
        <translation>{0} · Stand {1}</translation>
    </message>
</context>
<context>
    <name>SupervisorTable</name>
    <message>
        <source>{0} (hidden: not enough room)</source>
        <translation>{0} (ausgeblendet: zu wenig Platz)</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>Packstation — Supervisor</source>
        <translation>Packstation — Vorarbeiter</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Productivity</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Orders and audit</source>
        <translation>Aufträge und Protokoll</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Geparkt</translation>
    </message>
    <message>
        <source>Returns &amp;&amp; stock</source>
        <translation>Retouren &amp;&amp; Bestand</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Sign in to see the floor.</source>
        <translation>Anmelden, um die Übersicht zu sehen.</translation>
    </message>
    <message>
        <source>Packstation</source>
        <translation>Packstation</translation>
    </message>
    <message>
        <source>Supervisor console</source>
        <translation>Vorarbeiter-Konsole</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>Vorarbeiter</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Writing the shift report…</source>
        <translation>Schichtbericht wird erstellt…</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>Signed in as {0}.</source>
        <translation>Angemeldet als {0}.</translation>
    </message>
    <message>
        <source>Locked ({0}). Sign in to continue.</source>
        <translation>Gesperrt ({0}). Zum Fortfahren anmelden.</translation>
    </message>
    <message>
        <source>Holds ({0})</source>
        <translation>Geparkt ({0})</translation>
    </message>
    <message>
        <source>no activity for {0} minutes</source>
        <translation>{0} Minuten keine Aktivität</translation>
    </message>
    <message>
        <source>Order {0}: {1}. Recorded in the audit trail.</source>
        <translation>Auftrag {0}: {1}. Im Protokoll erfasst.</translation>
    </message>
    <message>
        <source>Shift report saved: {0}</source>
        <translation>Schichtbericht gespeichert: {0}</translation>
    </message>
    <message>
        <source>Shift report not saved: {0}</source>
        <translation>Schichtbericht nicht gespeichert: {0}</translation>
    </message>
</context>
<context>
    <name>SyncReasons</name>
    <message>
        <source>not connected yet</source>
        <translation>noch nicht verbunden</translation>
    </message>
    <message>
        <source>connected to the central database</source>
        <translation>mit der zentralen Datenbank verbunden</translation>
    </message>
    <message>
        <source>central database not answering (waited {seconds} s)</source>
        <translation>zentrale Datenbank antwortet nicht ({seconds} s gewartet)</translation>
    </message>
    <message>
        <source>central database did not answer within {ms} ms</source>
        <translation>zentrale Datenbank hat nicht innerhalb von {ms} ms geantwortet</translation>
    </message>
    <message>
        <source>central database unreachable: {error}</source>
        <translation>zentrale Datenbank nicht erreichbar: {error}</translation>
    </message>
    <message>
        <source>central database unreachable</source>
        <translation>zentrale Datenbank nicht erreichbar</translation>
    </message>
    <message>
        <source>central database refused: {error}</source>
        <translation>zentrale Datenbank hat abgelehnt: {error}</translation>
    </message>
    <message>
        <source>sync error: {error}</source>
        <translation>Synchronisierungsfehler: {error}</translation>
    </message>
    <message>
        <source>Offline: packing the orders this station holds. {reason}</source>
        <translation>Offline: Nur Aufträge packen, die auf dieser Station liegen. {reason}</translation>
    </message>
    <message>
        <source>{count} events waiting to be sent</source>
        <translation>{count} Ereignisse noch nicht gesendet</translation>
    </message>
    <message>
        <source>{first} · {then}</source>
        <translation>{first} · {then}</translation>
    </message>
</context>
</TS>
