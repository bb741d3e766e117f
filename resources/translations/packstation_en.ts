<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message>
        <source>Packstation is already running</source>
        <translation>Packstation is already running</translation>
    </message>
    <message>
        <source>This station is already open.</source>
        <translation>This station is already open.</translation>
    </message>
    <message>
        <source>Another process is starting it.</source>
        <translation>Another process is starting it.</translation>
    </message>
    <message>
        <source>Use that window. A second station on this computer needs its own station folder (PACKSTATION_HOME).</source>
        <translation>Use that window. A second station on this computer needs its own station folder (PACKSTATION_HOME).</translation>
    </message>
    <message>
        <source>It runs in process {0} ({1}) since {2}.</source>
        <translation>It runs in process {0} ({1}) since {2}.</translation>
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
    <name>BulkPanel</name>
    <message>
        <source>Pack what is left</source>
        <translation>Pack what is left</translation>
    </message>
    <message>
        <source>Export ASN…
JSON + CSV</source>
        <translation>Export ASN…
JSON + CSV</translation>
    </message>
    <message>
        <source>Print pallet labels
GS1 SSCC</source>
        <translation>Print pallet labels
GS1 SSCC</translation>
    </message>
    <message>
        <source>Print carton labels
GS1 SSCC</source>
        <translation>Print carton labels
GS1 SSCC</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>complete</translation>
    </message>
    <message>
        <source>Pack what is left
{0} carton(s) on {1} pallet(s)</source>
        <translation>Pack what is left
{0} carton(s) on {1} pallet(s)</translation>
    </message>
    <message>
        <source>{0} unit(s) left: single-SKU cartons of up to {1} units, up to {2} cartons per pallet.</source>
        <translation>{0} unit(s) left: single-SKU cartons of up to {1} units, up to {2} cartons per pallet.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>SSCC / SKU</source>
        <translation>SSCC / SKU</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>GTIN / lot</source>
        <translation>GTIN / lot</translation>
    </message>
    <message>
        <source>not packed</source>
        <translation>not packed</translation>
    </message>
    <message>
        <source>No wholesale orders on this station.</source>
        <translation>No wholesale orders on this station.</translation>
    </message>
    <message>
        <source>No pallets yet: pack the order first.</source>
        <translation>No pallets yet: pack the order first.</translation>
    </message>
    <message>
        <source>No cartons yet: pack the order first.</source>
        <translation>No cartons yet: pack the order first.</translation>
    </message>
    <message>
        <source>Wholesale order</source>
        <translation>Wholesale order</translation>
    </message>
    <message>
        <source>still to pack: {0}</source>
        <translation>still to pack: {0}</translation>
    </message>
    <message>
        <source>{0} to {1}: {2} pallet(s), {3} carton(s), {4} unit(s) — {5}</source>
        <translation>{0} to {1}: {2} pallet(s), {3} carton(s), {4} unit(s) — {5}</translation>
    </message>
    <message>
        <source>Pallet</source>
        <translation>Pallet</translation>
    </message>
    <message>
        <source>Carton (not on a pallet)</source>
        <translation>Carton (not on a pallet)</translation>
    </message>
    <message>
        <source>Carton</source>
        <translation>Carton</translation>
    </message>
    <message>
        <source>{0} pallet(s), {1} carton(s)</source>
        <translation>{0} pallet(s), {1} carton(s)</translation>
    </message>
    <message>
        <source>{0} carton(s)</source>
        <translation>{0} carton(s)</translation>
    </message>
</context>
<context>
    <name>CarrierReasons</name>
    <message>
        <source>The EasyPost client is not installed at this station. Tell a supervisor.</source>
        <translation>The EasyPost client is not installed at this station. Tell a supervisor.</translation>
    </message>
    <message>
        <source>The carrier accepted the purchase but sent no label. Press Retry.</source>
        <translation>The carrier accepted the purchase but sent no label. Press Retry.</translation>
    </message>
    <message>
        <source>The carrier account refused this station's key. Tell a supervisor to check the EasyPost API key; set the parcel aside and pack the next order.</source>
        <translation>The carrier account refused this station's key. Tell a supervisor to check the EasyPost API key; set the parcel aside and pack the next order.</translation>
    </message>
    <message>
        <source>The postage account is out of funds. Tell a supervisor to top it up; set the parcel aside and pack the next order.</source>
        <translation>The postage account is out of funds. Tell a supervisor to top it up; set the parcel aside and pack the next order.</translation>
    </message>
    <message>
        <source>The carrier service is busy. Wait ten seconds, then press Retry.</source>
        <translation>The carrier service is busy. Wait ten seconds, then press Retry.</translation>
    </message>
    <message>
        <source>The carrier does not know this shipment.</source>
        <translation>The carrier does not know this shipment.</translation>
    </message>
    <message>
        <source>The carrier cannot deliver to this address: {detail}. Set the parcel aside for the office to correct the address.</source>
        <translation>The carrier cannot deliver to this address: {detail}. Set the parcel aside for the office to correct the address.</translation>
    </message>
    <message>
        <source>The carrier refused this parcel: {detail}. Check the weight and the box and press Retry; if it fails again, set the parcel aside.</source>
        <translation>The carrier refused this parcel: {detail}. Check the weight and the box and press Retry; if it fails again, set the parcel aside.</translation>
    </message>
    <message>
        <source>The carrier service is not answering. Press Retry in a minute, or set the parcel aside and pack the next order.</source>
        <translation>The carrier service is not answering. Press Retry in a minute, or set the parcel aside and pack the next order.</translation>
    </message>
    <message>
        <source>The carrier refused the request: {detail}. Set the parcel aside and tell a supervisor.</source>
        <translation>The carrier refused the request: {detail}. Set the parcel aside and tell a supervisor.</translation>
    </message>
    <message>
        <source>No rate source is configured. Tell a supervisor ([shipping] sources).</source>
        <translation>No rate source is configured. Tell a supervisor ([shipping] sources).</translation>
    </message>
    <message>
        <source>The label for order {order} box {box} is being bought at this moment. Wait a few seconds, then press Retry.</source>
        <translation>The label for order {order} box {box} is being bought at this moment. Wait a few seconds, then press Retry.</translation>
    </message>
    <message>
        <source>The label for order {order} box {box} may have been bought, and the carrier cannot be asked right now. Do not label this parcel by hand: press Retry in a minute (it looks the purchase up first), or set it aside.</source>
        <translation>The label for order {order} box {box} may have been bought, and the carrier cannot be asked right now. Do not label this parcel by hand: press Retry in a minute (it looks the purchase up first), or set it aside.</translation>
    </message>
    <message>
        <source>This parcel's label came from {source}, which is no longer set up.</source>
        <translation>This parcel's label came from {source}, which is no longer set up.</translation>
    </message>
    <message>
        <source>The ship-to address of order {order} cannot be verified: {detail}. Set the parcel aside for the office to correct it.</source>
        <translation>The ship-to address of order {order} cannot be verified: {detail}. Set the parcel aside for the office to correct it.</translation>
    </message>
    <message>
        <source>The station's ship-from address is not set. Tell a supervisor ([ship_from]).</source>
        <translation>The station's ship-from address is not set. Tell a supervisor ([ship_from]).</translation>
    </message>
    <message>
        <source>Order {order} has no complete ship-to address. Set the parcel aside for the office to correct it.</source>
        <translation>Order {order} has no complete ship-to address. Set the parcel aside for the office to correct it.</translation>
    </message>
    <message>
        <source>The carrier account key file can be read by other users of this computer. Tell a supervisor.</source>
        <translation>The carrier account key file can be read by other users of this computer. Tell a supervisor.</translation>
    </message>
    <message>
        <source>The carrier account key file cannot be read. Tell a supervisor (shipping.easypost_api_key_file).</source>
        <translation>The carrier account key file cannot be read. Tell a supervisor (shipping.easypost_api_key_file).</translation>
    </message>
    <message>
        <source>No carrier account key is set up at this station. Tell a supervisor: set [shipping] easypost_api_key_file, or store the key in the keyring with `packstation shipping set-key`.</source>
        <translation>No carrier account key is set up at this station. Tell a supervisor: set [shipping] easypost_api_key_file, or store the key in the keyring with `packstation shipping set-key`.</translation>
    </message>
    <message>
        <source>The station is set to read the carrier key from the keyring, but the keyring package is not installed. Tell a supervisor.</source>
        <translation>The station is set to read the carrier key from the keyring, but the keyring package is not installed. Tell a supervisor.</translation>
    </message>
    <message>
        <source>The keyring holding the carrier key cannot be opened. Tell a supervisor.</source>
        <translation>The keyring holding the carrier key cannot be opened. Tell a supervisor.</translation>
    </message>
</context>
<context>
    <name>ConfigReasons</name>
    <message>
        <source>{path}: not UTF-8 text ({reason})</source>
        <translation>{path}: not UTF-8 text ({reason})</translation>
    </message>
    <message>
        <source>{path}: not valid TOML: {error}</source>
        <translation>{path}: not valid TOML: {error}</translation>
    </message>
    <message>
        <source>{source}: unknown section [{section}] (known: {known})</source>
        <translation>{source}: unknown section [{section}] (known: {known})</translation>
    </message>
    <message>
        <source>{source}: {section} must be a table like [{section}]</source>
        <translation>{source}: {section} must be a table like [{section}]</translation>
    </message>
    <message>
        <source>{source}: unknown key {section}.{key} (known: {known})</source>
        <translation>{source}: unknown key {section}.{key} (known: {known})</translation>
    </message>
    <message>
        <source>{source}: {key} {problem}</source>
        <translation>{source}: {key} {problem}</translation>
    </message>
    <message>
        <source>must be text in quotes, not {value!r}</source>
        <translation>must be text in quotes, not {value!r}</translation>
    </message>
    <message>
        <source>must be true or false, not {value!r}</source>
        <translation>must be true or false, not {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number, not {value!r}</source>
        <translation>must be a whole number, not {value!r}</translation>
    </message>
    <message>
        <source>must be a number, not {value!r}</source>
        <translation>must be a number, not {value!r}</translation>
    </message>
    <message>
        <source>must be between {minimum} and {maximum}, not {value}</source>
        <translation>must be between {minimum} and {maximum}, not {value}</translation>
    </message>
    <message>
        <source>must be between {minimum}, not {value}</source>
        <translation>must be between {minimum}, not {value}</translation>
    </message>
    <message>
        <source>must be one of {choices}, not {value!r}</source>
        <translation>must be one of {choices}, not {value!r}</translation>
    </message>
    <message>
        <source>{value!r} is not a printer URI like tcp://10.0.0.5:9100, serial:///dev/ttyUSB0?baud=9600, cups://Office, dir:///path/to/folder</source>
        <translation>{value!r} is not a printer URI like tcp://10.0.0.5:9100, serial:///dev/ttyUSB0?baud=9600, cups://Office, dir:///path/to/folder</translation>
    </message>
    <message>
        <source>{value!r} is not a font on the printer like E:NOTOSANSCJK.TTF (drive R, B, E or A, a colon, the file name with .TTF, .TTE or .FNT)</source>
        <translation>{value!r} is not a font on the printer like E:NOTOSANSCJK.TTF (drive R, B, E or A, a colon, the file name with .TTF, .TTE or .FNT)</translation>
    </message>
    <message>
        <source>{value!r} is not a device URI like serial:///dev/ttyUSB0?baud=9600, usb://0c2e:0b61 or sim://scale</source>
        <translation>{value!r} is not a device URI like serial:///dev/ttyUSB0?baud=9600, usb://0c2e:0b61 or sim://scale</translation>
    </message>
    <message>
        <source>must be a list of device URIs in quotes</source>
        <translation>must be a list of device URIs in quotes</translation>
    </message>
    <message>
        <source>lists characters to refuse in scans; {hidden!r} is not a printable character (control characters are always refused)</source>
        <translation>lists characters to refuse in scans; {hidden!r} is not a printable character (control characters are always refused)</translation>
    </message>
    <message>
        <source>is not a valid regular expression: {error}</source>
        <translation>is not a valid regular expression: {error}</translation>
    </message>
    <message>
        <source>{source}: station.name {name!r} must be 1-32 letters, digits, '-' or '_'</source>
        <translation>{source}: station.name {name!r} must be 1-32 letters, digits, '-' or '_'</translation>
    </message>
    <message>
        <source>{source}: {key} must be a table like {{ "Japan Post" = "never" }}, not {value!r}</source>
        <translation>{source}: {key} must be a table like {{ "Japan Post" = "never" }}, not {value!r}</translation>
    </message>
    <message>
        <source>{source}: {key}.{carrier!r} must be one of {rules}, not {rule!r}</source>
        <translation>{source}: {key}.{carrier!r} must be one of {rules}, not {rule!r}</translation>
    </message>
    <message>
        <source>{source}: {key} must be a bin name of 1-32 letters, digits, '.', '_', '/' or '-' (starting with a letter or digit), not {value!r}</source>
        <translation>{source}: {key} must be a bin name of 1-32 letters, digits, '.', '_', '/' or '-' (starting with a letter or digit), not {value!r}</translation>
    </message>
    <message>
        <source>{source}: gs1.company_prefix must be your GS1 company prefix, 6-12 digits, not {value!r}</source>
        <translation>{source}: gs1.company_prefix must be your GS1 company prefix, 6-12 digits, not {value!r}</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: cannot be read ({reason})</translation>
    </message>
    <message>
        <source>{source}: shipping.sources has {name!r}; known: {known}</source>
        <translation>{source}: shipping.sources has {name!r}; known: {known}</translation>
    </message>
    <message>
        <source>{source}: {key} must start with https://, not {value!r}</source>
        <translation>{source}: {key} must start with https://, not {value!r}</translation>
    </message>
    <message>
        <source>{source}: email.enabled needs smtp.host and smtp.from</source>
        <translation>{source}: email.enabled needs smtp.host and smtp.from</translation>
    </message>
    <message>
        <source>must be a whole number from {low} to {high}, not {value!r}</source>
        <translation>must be a whole number from {low} to {high}, not {value!r}</translation>
    </message>
    <message>
        <source>must be a number from {low} to {high}, not {value!r}</source>
        <translation>must be a number from {low} to {high}, not {value!r}</translation>
    </message>
    <message>
        <source>must be a list of names in quotes, like ["a", "b"]</source>
        <translation>must be a list of names in quotes, like ["a", "b"]</translation>
    </message>
    <message>
        <source>must be a table of names, like {{ Shopify = "acme" }}</source>
        <translation>must be a table of names, like {{ Shopify = "acme" }}</translation>
    </message>
    <message>
        <source>{key} {path}: cannot be read ({reason})</source>
        <translation>{key} {path}: cannot be read ({reason})</translation>
    </message>
    <message>
        <source>{source}: central.url must be a postgresql:// URL or a libpq key=value string</source>
        <translation>{source}: central.url must be a postgresql:// URL or a libpq key=value string</translation>
    </message>
    <message>
        <source>{source}: central.password_file and central.keyring exclude each other</source>
        <translation>{source}: central.password_file and central.keyring exclude each other</translation>
    </message>
    <message>
        <source>cannot read {what} {path}: {reason}</source>
        <translation>cannot read {what} {path}: {reason}</translation>
    </message>
    <message>
        <source>{what} {path} can be read by other users (mode {mode}); run: chmod 600 {path}</source>
        <translation>{what} {path} can be read by other users (mode {mode}); run: chmod 600 {path}</translation>
    </message>
    <message>
        <source>central.password_file {path} is empty</source>
        <translation>central.password_file {path} is empty</translation>
    </message>
    <message>
        <source>central.keyring = true needs the 'keyring' package: pip install keyring</source>
        <translation>central.keyring = true needs the 'keyring' package: pip install keyring</translation>
    </message>
    <message>
        <source>no password for {user}@{host} in the OS keyring (service {service}); store it with: keyring set {service} {user}@{host}</source>
        <translation>no password for {user}@{host} in the OS keyring (service {service}); store it with: keyring set {service} {user}@{host}</translation>
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
        <translation>Scan a bin label</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>Recount</translation>
    </message>
    <message>
        <source>+{0} over</source>
        <translation>+{0} over</translation>
    </message>
    <message>
        <source>−{0} short</source>
        <translation>−{0} short</translation>
    </message>
    <message>
        <source>Open counts</source>
        <translation>Open counts</translation>
    </message>
    <message>
        <source>Scan a bin's label to go on with its count.</source>
        <translation>Scan a bin's label to go on with its count.</translation>
    </message>
    <message>
        <source>That was NOT recorded. Try again; if this repeats, call IT.</source>
        <translation>That was NOT recorded. Try again; if this repeats, call IT.</translation>
    </message>
    <message>
        <source>waiting for a supervisor</source>
        <translation>waiting for a supervisor</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
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
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <source>Approved. Scan the next bin.</source>
        <translation>Approved. Scan the next bin.</translation>
    </message>
    <message>
        <source>RECOUNT: supervisor, scan your badge</source>
        <translation>RECOUNT: supervisor, scan your badge</translation>
    </message>
    <message>
        <source>Scan a supervisor badge to approve, or RECOUNT</source>
        <translation>Scan a supervisor badge to approve, or RECOUNT</translation>
    </message>
    <message>
        <source>Approving books the variance into the stock. RECOUNT clears the counts for a new, blind round.</source>
        <translation>Approving books the variance into the stock. RECOUNT clears the counts for a new, blind round.</translation>
    </message>
    <message>
        <source>RECOUNT</source>
        <translation>RECOUNT</translation>
    </message>
    <message>
        <source>SUPERVISOR: scan your badge to approve, or RECOUNT ({0}).</source>
        <translation>SUPERVISOR: scan your badge to approve, or RECOUNT ({0}).</translation>
    </message>
    <message>
        <source>Then scan every item in the bin, and COMPLETE ({0}) when it is empty. F2 types a bin.</source>
        <translation>Then scan every item in the bin, and COMPLETE ({0}) when it is empty. F2 types a bin.</translation>
    </message>
    <message>
        <source>Scan a bin label to count it.</source>
        <translation>Scan a bin label to count it.</translation>
    </message>
    <message>
        <source>Bin {0}</source>
        <translation>Bin {0}</translation>
    </message>
    <message>
        <source> · round {0}</source>
        <translation> · round {0}</translation>
    </message>
    <message>
        <source>COUNTING</source>
        <translation>COUNTING</translation>
    </message>
    <message>
        <source>APPROVED</source>
        <translation>APPROVED</translation>
    </message>
    <message>
        <source>Expected {0}, counted {1}: {2} line(s) off.</source>
        <translation>Expected {0}, counted {1}: {2} line(s) off.</translation>
    </message>
    <message>
        <source>Scan every item in the bin</source>
        <translation>Scan every item in the bin</translation>
    </message>
    <message>
        <source>Bin empty: COMPLETE ({0}). Scanned one too many: UNDO ({1}).</source>
        <translation>Bin empty: COMPLETE ({0}). Scanned one too many: UNDO ({1}).</translation>
    </message>
    <message>
        <source>The count of bin {0} stays open.</source>
        <translation>The count of bin {0} stays open.</translation>
    </message>
    <message>
        <source>Scan the next bin.</source>
        <translation>Scan the next bin.</translation>
    </message>
    <message>
        <source>RECOUNT: a SUPERVISOR scans their badge now.</source>
        <translation>RECOUNT: a SUPERVISOR scans their badge now.</translation>
    </message>
    <message>
        <source>Recount called off.</source>
        <translation>Recount called off.</translation>
    </message>
    <message>
        <source>Scan a bin label.</source>
        <translation>Scan a bin label.</translation>
    </message>
    <message>
        <source>Scan the bin label first.</source>
        <translation>Scan the bin label first.</translation>
    </message>
    <message>
        <source>This count is finished: no more scans.</source>
        <translation>This count is finished: no more scans.</translation>
    </message>
    <message>
        <source>Quantity must be 1 or more.</source>
        <translation>Quantity must be 1 or more.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <source>Then the supervisor scans the badge.</source>
        <translation>Then the supervisor scans the badge.</translation>
    </message>
    <message>
        <source>That is a badge. Scan a bin label to count it.</source>
        <translation>That is a badge. Scan a bin label to count it.</translation>
    </message>
    <message>
        <source>RECOUNT is for a finished count.</source>
        <translation>RECOUNT is for a finished count.</translation>
    </message>
    <message>
        <source>That is not a bin label. Scan the bin label again.</source>
        <translation>That is not a bin label. Scan the bin label again.</translation>
    </message>
    <message>
        <source>Not for counting: scan a bin label, then the items in it.</source>
        <translation>Not for counting: scan a bin label, then the items in it.</translation>
    </message>
    <message>
        <source>Scan refused.</source>
        <translation>Scan refused.</translation>
    </message>
    <message>
        <source>Station error: {0}</source>
        <translation>Station error: {0}</translation>
    </message>
    <message>
        <source>counting, round {0}</source>
        <translation>counting, round {0}</translation>
    </message>
    <message>
        <source>WAITING FOR A SUPERVISOR</source>
        <translation>WAITING FOR A SUPERVISOR</translation>
    </message>
    <message>
        <source>{0} unit(s) of {1} SKU(s) counted so far. Blind count: what the records say is shown when you finish.</source>
        <translation>{0} unit(s) of {1} SKU(s) counted so far. Blind count: what the records say is shown when you finish.</translation>
    </message>
    <message>
        <source>Quantity {0}: scan the item</source>
        <translation>Quantity {0}: scan the item</translation>
    </message>
    <message>
        <source>The stock of bin {0} now says what was counted.</source>
        <translation>The stock of bin {0} now says what was counted.</translation>
    </message>
    <message>
        <source>CANCEL ({0}) calls the recount off.</source>
        <translation>CANCEL ({0}) calls the recount off.</translation>
    </message>
    <message>
        <source>Counting bin {0}: scan every item in it.</source>
        <translation>Counting bin {0}: scan every item in it.</translation>
    </message>
    <message>
        <source>Approved by {0}.</source>
        <translation>Approved by {0}.</translation>
    </message>
    <message>
        <source>{0} unit(s) off</source>
        <translation>{0} unit(s) off</translation>
    </message>
    <message>
        <source>Counting bin {0}. Scan every item in it.</source>
        <translation>Counting bin {0}. Scan every item in it.</translation>
    </message>
    <message>
        <source>Bin {0}: count resumed. Scan every item in it.</source>
        <translation>Bin {0}: count resumed. Scan every item in it.</translation>
    </message>
    <message>
        <source>+{0} at once</source>
        <translation>+{0} at once</translation>
    </message>
    <message>
        <source>{0}: {1} counted</source>
        <translation>{0}: {1} counted</translation>
    </message>
    <message>
        <source>Undone: {0} is back to {1}.</source>
        <translation>Undone: {0} is back to {1}.</translation>
    </message>
    <message>
        <source>Quantity {0}: now scan the item.</source>
        <translation>Quantity {0}: now scan the item.</translation>
    </message>
    <message>
        <source>Bin {0}: {1} line(s) off.</source>
        <translation>Bin {0}: {1} line(s) off.</translation>
    </message>
    <message>
        <source>Bin {0}: no variance.</source>
        <translation>Bin {0}: no variance.</translation>
    </message>
    <message>
        <source>Bin {0} approved by {1}: {2} stock correction(s) booked.</source>
        <translation>Bin {0} approved by {1}: {2} stock correction(s) booked.</translation>
    </message>
    <message>
        <source>CANCEL ({0}) calls it off.</source>
        <translation>CANCEL ({0}) calls it off.</translation>
    </message>
    <message>
        <source>RECOUNT round {0}: count bin {1} again, every item.</source>
        <translation>RECOUNT round {0}: count bin {1} again, every item.</translation>
    </message>
    <message>
        <source>Bin {0}'s count is put aside: it stays open.</source>
        <translation>Bin {0}'s count is put aside: it stays open.</translation>
    </message>
    <message>
        <source>Unknown barcode {0}. Set the item aside for a supervisor.</source>
        <translation>Unknown barcode {0}. Set the item aside for a supervisor.</translation>
    </message>
    <message>
        <source>Not counted: {0}</source>
        <translation>Not counted: {0}</translation>
    </message>
    <message>
        <source>Badge {0} is not known. Ask a supervisor.</source>
        <translation>Badge {0} is not known. Ask a supervisor.</translation>
    </message>
    <message>
        <source>A supervisor must approve: {0} is not a supervisor.</source>
        <translation>A supervisor must approve: {0} is not a supervisor.</translation>
    </message>
    <message>
        <source>Finish the count first: COMPLETE ({0}).</source>
        <translation>Finish the count first: COMPLETE ({0}).</translation>
    </message>
    <message>
        <source>Finish it first: COMPLETE ({0}).</source>
        <translation>Finish it first: COMPLETE ({0}).</translation>
    </message>
    <message>
        <source>{0} is not used in a count.</source>
        <translation>{0} is not used in a count.</translation>
    </message>
    <message>
        <source>Scan the items, then COMPLETE ({0}).</source>
        <translation>Scan the items, then COMPLETE ({0}).</translation>
    </message>
    <message>
        <source>Bin {0} is counted.</source>
        <translation>Bin {0} is counted.</translation>
    </message>
</context>
<context>
    <name>DeviceReasons</name>
    <message>
        <source>{text!r} is not a device URI: use serial:///dev/ttyUSB0, usb://VID:PID or sim://scale</source>
        <translation>{text!r} is not a device URI: use serial:///dev/ttyUSB0, usb://VID:PID or sim://scale</translation>
    </message>
    <message>
        <source>{text}: unknown scheme {scheme!r} (known: {known})</source>
        <translation>{text}: unknown scheme {scheme!r} (known: {known})</translation>
    </message>
    <message>
        <source>{text}: the part after '?' must be name=value pairs joined by '&amp;'</source>
        <translation>{text}: the part after '?' must be name=value pairs joined by '&amp;'</translation>
    </message>
    <message>
        <source>{text}: parameter {key!r} is given twice</source>
        <translation>{text}: parameter {key!r} is given twice</translation>
    </message>
    <message>
        <source>{text}: no port, e.g. serial:///dev/ttyUSB0 or serial://COM3</source>
        <translation>{text}: no port, e.g. serial:///dev/ttyUSB0 or serial://COM3</translation>
    </message>
    <message>
        <source>{text}: no port</source>
        <translation>{text}: no port</translation>
    </message>
    <message>
        <source>{text}: sim:// takes 'scale' or 'scanner', not {what!r}</source>
        <translation>{text}: sim:// takes 'scale' or 'scanner', not {what!r}</translation>
    </message>
    <message>
        <source>{text}: usb:// needs a vendor and product id as 4 hex digits each, e.g. usb://05e0:1200 or usb://05e0:1200/SERIALNO (see `packstation devices list`)</source>
        <translation>{text}: usb:// needs a vendor and product id as 4 hex digits each, e.g. usb://05e0:1200 or usb://05e0:1200/SERIALNO (see `packstation devices list`)</translation>
    </message>
    <message>
        <source>{text}: a scanner URI cannot be sim://{target}</source>
        <translation>{text}: a scanner URI cannot be sim://{target}</translation>
    </message>
    <message>
        <source>{text}: a scale URI cannot be sim://{target}</source>
        <translation>{text}: a scale URI cannot be sim://{target}</translation>
    </message>
    <message>
        <source>two scanners are named {name!r}: give each a different name=</source>
        <translation>two scanners are named {name!r}: give each a different name=</translation>
    </message>
    <message>
        <source>{text}: {key} must be one of {choices}, not {value!r}</source>
        <translation>{text}: {key} must be one of {choices}, not {value!r}</translation>
    </message>
    <message>
        <source>{text}: {key} must be a whole number, not {value!r}</source>
        <translation>{text}: {key} must be a whole number, not {value!r}</translation>
    </message>
    <message>
        <source>{text}: {key} must be between {minimum} and {maximum}, not {value}</source>
        <translation>{text}: {key} must be between {minimum} and {maximum}, not {value}</translation>
    </message>
    <message>
        <source>{text}: {key} must be a number, not {value!r}</source>
        <translation>{text}: {key} must be a number, not {value!r}</translation>
    </message>
    <message>
        <source>{text}: {key} must be true or false, not {value!r}</source>
        <translation>{text}: {key} must be true or false, not {value!r}</translation>
    </message>
    <message>
        <source>{text}: {key} is not a known parameter here (known: {known})</source>
        <translation>{text}: {key} is not a known parameter here (known: {known})</translation>
    </message>
    <message>
        <source>{text}: {key} {problem}</source>
        <translation>{text}: {key} {problem}</translation>
    </message>
    <message>
        <source>{path} not found — is the device plugged in?</source>
        <translation>{path} not found — is the device plugged in?</translation>
    </message>
    <message>
        <source>no permission to open {path} — add the station's user to the 'dialout' group</source>
        <translation>no permission to open {path} — add the station's user to the 'dialout' group</translation>
    </message>
    <message>
        <source>{path} is in use by another program (is a second station window open?)</source>
        <translation>{path} is in use by another program (is a second station window open?)</translation>
    </message>
    <message>
        <source>cannot open {path}: {error}</source>
        <translation>cannot open {path}: {error}</translation>
    </message>
    <message>
        <source>{name}: no such USB device connected — is it plugged in?</source>
        <translation>{name}: no such USB device connected — is it plugged in?</translation>
    </message>
    <message>
        <source>{name}: {count} devices match (serial numbers: {serials}) — add the serial number to the URI</source>
        <translation>{name}: {count} devices match (serial numbers: {serials}) — add the serial number to the URI</translation>
    </message>
    <message>
        <source>{port} is unplugged</source>
        <translation>{port} is unplugged</translation>
    </message>
    <message>
        <source>connected on {port}</source>
        <translation>connected on {port}</translation>
    </message>
    <message>
        <source>disconnected: {reason}</source>
        <translation>disconnected: {reason}</translation>
    </message>
    <message>
        <source>cannot open: {error}</source>
        <translation>cannot open: {error}</translation>
    </message>
    <message>
        <source>driver error: {error}</source>
        <translation>driver error: {error}</translation>
    </message>
    <message>
        <source>{port} vanished</source>
        <translation>{port} vanished</translation>
    </message>
    <message>
        <source>the scale stopped answering on {port} (powered off?)</source>
        <translation>the scale stopped answering on {port} (powered off?)</translation>
    </message>
    <message>
        <source>no data from the scale on {port} for {seconds} s</source>
        <translation>no data from the scale on {port} for {seconds} s</translation>
    </message>
    <message>
        <source>the simulated device was unplugged</source>
        <translation>the simulated device was unplugged</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>{port}: {error}</source>
        <translation>{port}: {error}</translation>
    </message>
    <message>
        <source>{port}: read failed ({error})</source>
        <translation>{port}: read failed ({error})</translation>
    </message>
    <message>
        <source>{port}: write failed ({error})</source>
        <translation>{port}: write failed ({error})</translation>
    </message>
    <message>
        <source>{port}: the device hung up (unplugged or switched off)</source>
        <translation>{port}: the device hung up (unplugged or switched off)</translation>
    </message>
    <message>
        <source>loopback closed</source>
        <translation>loopback closed</translation>
    </message>
    <message>
        <source>no scale configured — parcels use their expected weight</source>
        <translation>no scale configured — parcels use their expected weight</translation>
    </message>
    <message>
        <source>no camera (switched off in the configuration)</source>
        <translation>no camera (switched off in the configuration)</translation>
    </message>
    <message>
        <source>no camera support installed (QtMultimedia is missing)</source>
        <translation>no camera support installed (QtMultimedia is missing)</translation>
    </message>
    <message>
        <source>no camera — photos are not taken</source>
        <translation>no camera — photos are not taken</translation>
    </message>
    <message>
        <source>no camera matching {device!r} — photos are not taken</source>
        <translation>no camera matching {device!r} — photos are not taken</translation>
    </message>
    <message>
        <source>camera {name}</source>
        <translation>camera {name}</translation>
    </message>
    <message>
        <source>camera unplugged — photos are not taken until it is back</source>
        <translation>camera unplugged — photos are not taken until it is back</translation>
    </message>
    <message>
        <source>camera error: {error}</source>
        <translation>camera error: {error}</translation>
    </message>
    <message>
        <source>the camera is not ready</source>
        <translation>the camera is not ready</translation>
    </message>
    <message>
        <source>camera stopped before the photo was taken</source>
        <translation>camera stopped before the photo was taken</translation>
    </message>
    <message>
        <source>photo failed: {error}</source>
        <translation>photo failed: {error}</translation>
    </message>
    <message>
        <source>photo not saved: {error}</source>
        <translation>photo not saved: {error}</translation>
    </message>
    <message>
        <source>Scale overloaded — take the parcel off.</source>
        <translation>Scale overloaded — take the parcel off.</translation>
    </message>
    <message>
        <source>Scale below zero — check the platform, then zero the scale.</source>
        <translation>Scale below zero — check the platform, then zero the scale.</translation>
    </message>
    <message>
        <source>Scale is busy (zeroing or taring) — wait a moment.</source>
        <translation>Scale is busy (zeroing or taring) — wait a moment.</translation>
    </message>
    <message>
        <source>Scale in motion.</source>
        <translation>Scale in motion.</translation>
    </message>
    <message>
        <source>Scale zeroing error — empty the platform and zero the scale.</source>
        <translation>Scale zeroing error — empty the platform and zero the scale.</translation>
    </message>
    <message>
        <source>Scale reports a {fault} error — service the scale.</source>
        <translation>Scale reports a {fault} error — service the scale.</translation>
    </message>
    <message>
        <source>calibration</source>
        <translation>calibration</translation>
    </message>
    <message>
        <source>initial zero</source>
        <translation>initial zero</translation>
    </message>
    <message>
        <source>{first}, {then}</source>
        <translation>{first}, {then}</translation>
    </message>
    <message>
        <source>The scale did not recognise the command — check the protocol setting.</source>
        <translation>The scale did not recognise the command — check the protocol setting.</translation>
    </message>
    <message>
        <source>The scale did not recognise the command (MT-SICS syntax error) — check the protocol setting.</source>
        <translation>The scale did not recognise the command (MT-SICS syntax error) — check the protocol setting.</translation>
    </message>
    <message>
        <source>The scale received a garbled command (transmission error) — check baud rate and parity.</source>
        <translation>The scale received a garbled command (transmission error) — check baud rate and parity.</translation>
    </message>
    <message>
        <source>The scale cannot carry out that command now (logical error).</source>
        <translation>The scale cannot carry out that command now (logical error).</translation>
    </message>
    <message>
        <source>Scale zeroed.</source>
        <translation>Scale zeroed.</translation>
    </message>
    <message>
        <source>Zero not possible now — wait until the scale is still, then try again.</source>
        <translation>Zero not possible now — wait until the scale is still, then try again.</translation>
    </message>
    <message>
        <source>Too heavy to zero — take everything off the scale, then zero.</source>
        <translation>Too heavy to zero — take everything off the scale, then zero.</translation>
    </message>
    <message>
        <source>Below the zero range — put the platform back in place, then zero.</source>
        <translation>Below the zero range — put the platform back in place, then zero.</translation>
    </message>
    <message>
        <source>Scale tared ({value} {unit}).</source>
        <translation>Scale tared ({value} {unit}).</translation>
    </message>
    <message>
        <source>Tare not possible now — wait until the scale is still, then try again.</source>
        <translation>Tare not possible now — wait until the scale is still, then try again.</translation>
    </message>
    <message>
        <source>Too heavy to tare — the tare is above the scale's taring range.</source>
        <translation>Too heavy to tare — the tare is above the scale's taring range.</translation>
    </message>
    <message>
        <source>Cannot tare a negative weight — zero the scale first.</source>
        <translation>Cannot tare a negative weight — zero the scale first.</translation>
    </message>
    <message>
        <source>Scale sent {value!r} {unit!r}: {problem} — set the scale to g, kg, lb or oz.</source>
        <translation>Scale sent {value!r} {unit!r}: {problem} — set the scale to g, kg, lb or oz.</translation>
    </message>
    <message>
        <source>Scale sent an unreadable weight: {problem}</source>
        <translation>Scale sent an unreadable weight: {problem}</translation>
    </message>
    <message>
        <source>Scale sent an unreadable weight {field!r}.</source>
        <translation>Scale sent an unreadable weight {field!r}.</translation>
    </message>
    <message>
        <source>Scale frames carry no unit — add unit=g or unit=kg to the scale's URI.</source>
        <translation>Scale frames carry no unit — add unit=g or unit=kg to the scale's URI.</translation>
    </message>
    <message>
        <source>{name} is not connected</source>
        <translation>{name} is not connected</translation>
    </message>
    <message>
        <source>this scale ({protocol}) has no {action} command</source>
        <translation>this scale ({protocol}) has no {action} command</translation>
    </message>
    <message>
        <source>the scale did not answer {action}</source>
        <translation>the scale did not answer {action}</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>{name} disconnected before it answered</source>
        <translation>{name} disconnected before it answered</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>zero</translation>
    </message>
    <message>
        <source>tare</source>
        <translation>tare</translation>
    </message>
    <message>
        <source>weigh</source>
        <translation>weigh</translation>
    </message>
    <message>
        <source>unknown weight unit {unit!r} (known: {known})</source>
        <translation>unknown weight unit {unit!r} (known: {known})</translation>
    </message>
    <message>
        <source>{value!r} is not a number</source>
        <translation>{value!r} is not a number</translation>
    </message>
    <message>
        <source>{value!r} is not a weight a scale can show</source>
        <translation>{value!r} is not a weight a scale can show</translation>
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
        <source>Put the closed box on the scale and type what the scale shows, in grams. Typed weights are recorded as typed.</source>
        <translation>Put the closed box on the scale and type what the scale shows, in grams. Typed weights are recorded as typed.</translation>
    </message>
    <message>
        <source>grams, e.g. 1250</source>
        <translation>grams, e.g. 1250</translation>
    </message>
    <message>
        <source>Use weight (Enter)</source>
        <translation>Use weight (Enter)</translation>
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
        <source>Choose a new PIN</source>
        <translation>Choose a new PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
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
        <source>Save the new PIN (Enter)</source>
        <translation>Save the new PIN (Enter)</translation>
    </message>
    <message>
        <source>Open settings (Enter)</source>
        <translation>Open settings (Enter)</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>The two PINs differ.</translation>
    </message>
    <message>
        <source>A PIN of {0} to 12 digits.</source>
        <translation>A PIN of {0} to 12 digits.</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Nothing was scanned — scan the barcode again.</source>
        <translation>Nothing was scanned — scan the barcode again.</translation>
    </message>
    <message>
        <source>Scan is too long — scan one barcode at a time.</source>
        <translation>Scan is too long — scan one barcode at a time.</translation>
    </message>
    <message>
        <source>Scanner sent unreadable data — check the scanner's keyboard setting, then scan again.</source>
        <translation>Scanner sent unreadable data — check the scanner's keyboard setting, then scan again.</translation>
    </message>
    <message>
        <source>Scan {raw} has a hidden control character — check the scanner setup, then scan again.</source>
        <translation>Scan {raw} has a hidden control character — check the scanner setup, then scan again.</translation>
    </message>
    <message>
        <source>Scan {raw} has a character not allowed in a barcode — type the code or call a supervisor.</source>
        <translation>Scan {raw} has a character not allowed in a barcode — type the code or call a supervisor.</translation>
    </message>
    <message>
        <source>Barcode {raw}: the check digit is wrong — scan it again or type it.</source>
        <translation>Barcode {raw}: the check digit is wrong — scan it again or type it.</translation>
    </message>
    <message>
        <source>Barcode data is cut off — scan it again.</source>
        <translation>Barcode data is cut off — scan it again.</translation>
    </message>
    <message>
        <source>Barcode {raw} has a GS1 field this station does not know — scan the product's other barcode.</source>
        <translation>Barcode {raw} has a GS1 field this station does not know — scan the product's other barcode.</translation>
    </message>
    <message>
        <source>Barcode {raw} has a field that is not valid — scan another barcode or call a supervisor.</source>
        <translation>Barcode {raw} has a field that is not valid — scan another barcode or call a supervisor.</translation>
    </message>
    <message>
        <source>Command card {raw} is not valid — use a card from the command sheet.</source>
        <translation>Command card {raw} is not valid — use a card from the command sheet.</translation>
    </message>
    <message>
        <source>Badge code is not valid — scan your badge again or ask a supervisor.</source>
        <translation>Badge code is not valid — scan your badge again or ask a supervisor.</translation>
    </message>
    <message>
        <source>Scan {raw} could not be read — scan it again or type it.</source>
        <translation>Scan {raw} could not be read — scan it again or type it.</translation>
    </message>
    <message>
        <source>{raw} names more than one order: type the full order number or scan the order's barcode.</source>
        <translation>{raw} names more than one order: type the full order number or scan the order's barcode.</translation>
    </message>
    <message>
        <source>Returns card {raw} is not valid — use a card from the returns sheet, or type the order number.</source>
        <translation>Returns card {raw} is not valid — use a card from the returns sheet, or type the order number.</translation>
    </message>
    <message>
        <source>resellable</source>
        <translation>resellable</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>damaged</translation>
    </message>
    <message>
        <source>wrong item</source>
        <translation>wrong item</translation>
    </message>
    <message>
        <source>missing parts</source>
        <translation>missing parts</translation>
    </message>
    <message>
        <source>late return</source>
        <translation>late return</translation>
    </message>
    <message>
        <source>item not in the order</source>
        <translation>item not in the order</translation>
    </message>
    <message>
        <source>serial not shipped</source>
        <translation>serial not shipped</translation>
    </message>
    <message>
        <source>serial already returned</source>
        <translation>serial already returned</translation>
    </message>
    <message>
        <source>more than shipped</source>
        <translation>more than shipped</translation>
    </message>
    <message>
        <source>unknown item</source>
        <translation>unknown item</translation>
    </message>
    <message>
        <source>restock to {bin}</source>
        <translation>restock to {bin}</translation>
    </message>
    <message>
        <source>restock: scan the bin</source>
        <translation>restock: scan the bin</translation>
    </message>
    <message>
        <source>put it in {bin}</source>
        <translation>put it in {bin}</translation>
    </message>
    <message>
        <source>dispose</source>
        <translation>dispose</translation>
    </message>
    <message>
        <source>return to vendor</source>
        <translation>return to vendor</translation>
    </message>
    <message>
        <source>serial {0}</source>
        <translation>serial {0}</translation>
    </message>
    <message>
        <source>{0} (tote {1})</source>
        <translation>{0} (tote {1})</translation>
    </message>
    <message>
        <source>+{0} more</source>
        <translation>+{0} more</translation>
    </message>
    <message>
        <source>Hello {name}. Scan a return label, RMA, tracking or order number.</source>
        <translation>Hello {name}. Scan a return label, RMA, tracking or order number.</translation>
    </message>
    <message>
        <source>Hello {name}. Scan a return.</source>
        <translation>Hello {name}. Scan a return.</translation>
    </message>
    <message>
        <source>Approved by {name}: {flags}.</source>
        <translation>Approved by {name}: {flags}.</translation>
    </message>
    <message>
        <source>Return {number}: order {order} shipped {shipped}, past the {days}-day window. Scan the items; a supervisor must approve.</source>
        <translation>Return {number}: order {order} shipped {shipped}, past the {days}-day window. Scan the items; a supervisor must approve.</translation>
    </message>
    <message>
        <source>Unknown barcode {text}. Put the item in the supervisor tray.</source>
        <translation>Unknown barcode {text}. Put the item in the supervisor tray.</translation>
    </message>
    <message>
        <source>{sku}: grade it (resellable, damaged, wrong item, missing parts).</source>
        <translation>{sku}: grade it (resellable, damaged, wrong item, missing parts).</translation>
    </message>
    <message>
        <source>Grade {sku} first (or UNDO to put it aside).</source>
        <translation>Grade {sku} first (or UNDO to put it aside).</translation>
    </message>
    <message>
        <source>{sku} {grade}: {where} — CONFIRM, or scan a bin or a disposition card.</source>
        <translation>{sku} {grade}: {where} — CONFIRM, or scan a bin or a disposition card.</translation>
    </message>
    <message>
        <source>Put {sku} away first: CONFIRM, a bin, or a disposition card.</source>
        <translation>Put {sku} away first: CONFIRM, a bin, or a disposition card.</translation>
    </message>
    <message>
        <source>✓ {sku} ({done} back): {where}. Scan the next item or COMPLETE.</source>
        <translation>✓ {sku} ({done} back): {where}. Scan the next item or COMPLETE.</translation>
    </message>
    <message>
        <source>The photo of {sku} was not kept: that unit is not on this return any more.</source>
        <translation>The photo of {sku} was not kept: that unit is not on this return any more.</translation>
    </message>
    <message>
        <source>A supervisor must approve ({flags}): scan a supervisor badge, or HOLD the return.</source>
        <translation>A supervisor must approve ({flags}): scan a supervisor badge, or HOLD the return.</translation>
    </message>
    <message>
        <source>Return {number} closed; refund is ready. Scan the next return.</source>
        <translation>Return {number} closed; refund is ready. Scan the next return.</translation>
    </message>
    <message>
        <source>Undone: take {sku} and scan it again.</source>
        <translation>Undone: take {sku} and scan it again.</translation>
    </message>
    <message>
        <source>Return {number} cancelled. Nothing was recorded.</source>
        <translation>Return {number} cancelled. Nothing was recorded.</translation>
    </message>
    <message>
        <source>Return {number} on hold for a supervisor. Parcel to the supervisor shelf; no refund yet.</source>
        <translation>Return {number} on hold for a supervisor. Parcel to the supervisor shelf; no refund yet.</translation>
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
        <source>Finish return {number} first (COMPLETE or HOLD).</source>
        <translation>Finish return {number} first (COMPLETE or HOLD).</translation>
    </message>
    <message>
        <source>{name}, you are signed in. Scan a return.</source>
        <translation>{name}, you are signed in. Scan a return.</translation>
    </message>
    <message>
        <source>Approved by {name} ({flags}). Return {number} closed; refund is ready.</source>
        <translation>Approved by {name} ({flags}). Return {number} closed; refund is ready.</translation>
    </message>
    <message>
        <source>No order, RMA or tracking number {text}. Check the label.</source>
        <translation>No order, RMA or tracking number {text}. Check the label.</translation>
    </message>
    <message>
        <source>Return {number} for order {order}: {units} item(s) may come back. Scan each item.</source>
        <translation>Return {number} for order {order}: {units} item(s) may come back. Scan each item.</translation>
    </message>
    <message>
        <source>Serial {serial} is already in this return.</source>
        <translation>Serial {serial} is already in this return.</translation>
    </message>
    <message>
        <source>{sku} was never in order {order}: flagged. Put it in {bin}.</source>
        <translation>{sku} was never in order {order}: flagged. Put it in {bin}.</translation>
    </message>
    <message>
        <source>Now scan the SERIAL number of {sku}.</source>
        <translation>Now scan the SERIAL number of {sku}.</translation>
    </message>
    <message>
        <source>{sku} serial {serial}: {flags} — flagged for a supervisor. Grade it.</source>
        <translation>{sku} serial {serial}: {flags} — flagged for a supervisor. Grade it.</translation>
    </message>
    <message>
        <source>{sku}: {flags} — flagged for a supervisor. Grade it.</source>
        <translation>{sku}: {flags} — flagged for a supervisor. Grade it.</translation>
    </message>
    <message>
        <source>{sku} serial {serial}: grade it (resellable, damaged, wrong item, missing parts).</source>
        <translation>{sku} serial {serial}: grade it (resellable, damaged, wrong item, missing parts).</translation>
    </message>
    <message>
        <source>The reason must be printable text of at most {max} characters.</source>
        <translation>The reason must be printable text of at most {max} characters.</translation>
    </message>
    <message>
        <source>Photo of {sku} (item {item}) saved.</source>
        <translation>Photo of {sku} (item {item}) saved.</translation>
    </message>
    <message>
        <source>{command} does nothing at the returns bench.</source>
        <translation>{command} does nothing at the returns bench.</translation>
    </message>
    <message>
        <source>No return is open. Scan a return label first.</source>
        <translation>No return is open. Scan a return label first.</translation>
    </message>
    <message>
        <source>Finish {sku} first (or UNDO it).</source>
        <translation>Finish {sku} first (or UNDO it).</translation>
    </message>
    <message>
        <source>No item is recorded: scan the items, or CANCEL the return.</source>
        <translation>No item is recorded: scan the items, or CANCEL the return.</translation>
    </message>
    <message>
        <source>Supervisor must approve: {flags}. Scan a supervisor badge, or HOLD.</source>
        <translation>Supervisor must approve: {flags}. Scan a supervisor badge, or HOLD.</translation>
    </message>
    <message>
        <source>{sku} not recorded. Set it aside.</source>
        <translation>{sku} not recorded. Set it aside.</translation>
    </message>
    <message>
        <source>Back to the items. Scan the next item or COMPLETE.</source>
        <translation>Back to the items. Scan the next item or COMPLETE.</translation>
    </message>
    <message>
        <source>Nothing to undo here.</source>
        <translation>Nothing to undo here.</translation>
    </message>
    <message>
        <source>Undone: take {sku} out of {bin} and scan it again.</source>
        <translation>Undone: take {sku} out of {bin} and scan it again.</translation>
    </message>
    <message>
        <source>No return is open.</source>
        <translation>No return is open.</translation>
    </message>
    <message>
        <source>Items are recorded: UNDO them first, or COMPLETE or HOLD the return.</source>
        <translation>Items are recorded: UNDO them first, or COMPLETE or HOLD the return.</translation>
    </message>
    <message>
        <source>No item is recorded: CANCEL the return instead.</source>
        <translation>No item is recorded: CANCEL the return instead.</translation>
    </message>
    <message>
        <source>Nothing on this return needs a supervisor.</source>
        <translation>Nothing on this return needs a supervisor.</translation>
    </message>
    <message>
        <source>Return {number} is open. Scan the items.</source>
        <translation>Return {number} is open. Scan the items.</translation>
    </message>
    <message>
        <source>This return label was not issued for order {order}. Supervisor!</source>
        <translation>This return label was not issued for order {order}. Supervisor!</translation>
    </message>
    <message>
        <source>Order {order} has not shipped: nothing can come back. Give the parcel to a supervisor.</source>
        <translation>Order {order} has not shipped: nothing can come back. Give the parcel to a supervisor.</translation>
    </message>
    <message>
        <source>RMA {rma} is closed. Give the parcel to a supervisor.</source>
        <translation>RMA {rma} is closed. Give the parcel to a supervisor.</translation>
    </message>
    <message>
        <source>Scan the return label, RMA, tracking or order number first.</source>
        <translation>Scan the return label, RMA, tracking or order number first.</translation>
    </message>
    <message>
        <source>Scan the item first, then grade it.</source>
        <translation>Scan the item first, then grade it.</translation>
    </message>
    <message>
        <source>Scan the serial number of {sku} first (or UNDO).</source>
        <translation>Scan the serial number of {sku} first (or UNDO).</translation>
    </message>
    <message>
        <source>Grade {sku} first.</source>
        <translation>Grade {sku} first.</translation>
    </message>
    <message>
        <source>{sku} is flagged: put it in {bin} (a supervisor releases it).</source>
        <translation>{sku} is flagged: put it in {bin} (a supervisor releases it).</translation>
    </message>
    <message>
        <source>A {grade} item is not restocked: quarantine, dispose or return to vendor.</source>
        <translation>A {grade} item is not restocked: quarantine, dispose or return to vendor.</translation>
    </message>
    <message>
        <source>Scan the bin to restock {sku} into.</source>
        <translation>Scan the bin to restock {sku} into.</translation>
    </message>
    <message>
        <source>Hello {name}. Scan an order.</source>
        <translation>Hello {name}. Scan an order.</translation>
    </message>
    <message>
        <source>Weight approved by {name}. Printing label.</source>
        <translation>Weight approved by {name}. Printing label.</translation>
    </message>
    <message>
        <source>Order {order}: {units} item(s). Scan items.</source>
        <translation>Order {order}: {units} item(s). Scan items.</translation>
    </message>
    <message>
        <source>Wrong item: {sku} is not in order {order}. Put it aside: open orders {listed} need it.</source>
        <translation>Wrong item: {sku} is not in order {order}. Put it aside: open orders {listed} need it.</translation>
    </message>
    <message>
        <source>✓ {sku} {done}/{quantity}</source>
        <translation>✓ {sku} {done}/{quantity}</translation>
    </message>
    <message>
        <source>Items need {need_l} L, {carton} holds {holds_l} L. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>Items need {need_l} L, {carton} holds {holds_l} L. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>Items need {need_l} L, {carton} holds {holds_l} L. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>Items need {need_l} L, {carton} holds {holds_l} L. Use {suggested} — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>Items weigh {weight_kg} kg, {carton} takes {max_kg} kg. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>Items weigh {weight_kg} kg, {carton} takes {max_kg} kg. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>Items weigh {weight_kg} kg, {carton} takes {max_kg} kg. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>Items weigh {weight_kg} kg, {carton} takes {max_kg} kg. Use {suggested} — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm long — {carton} holds {carton_mm} mm. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} is {item_mm} mm long — {carton} holds {carton_mm} mm. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm long — {carton} holds {carton_mm} mm. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} is {item_mm} mm long — {carton} holds {carton_mm} mm. Use {suggested} — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm tall — {carton} holds {carton_mm} mm. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} is {item_mm} mm tall — {carton} holds {carton_mm} mm. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm tall — {carton} holds {carton_mm} mm. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} is {item_mm} mm tall — {carton} holds {carton_mm} mm. Use {suggested} — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm wide — {carton} holds {carton_mm} mm. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} is {item_mm} mm wide — {carton} holds {carton_mm} mm. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>{item} is {item_mm} mm wide — {carton} holds {carton_mm} mm. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>{item} is {item_mm} mm wide — {carton} holds {carton_mm} mm. Use {suggested} — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>{reason}. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</source>
        <translation>{reason}. No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>{reason}. Use {suggested} — or a supervisor's badge keeps {carton}.</source>
        <translation>{reason}. Use {suggested} — or a supervisor's badge keeps {carton}.</translation>
    </message>
    <message>
        <source>Carton {carton} (size not checked: no dimensions for {unchecked}). Put the box on the scale.</source>
        <translation>Carton {carton} (size not checked: no dimensions for {unchecked}). Put the box on the scale.</translation>
    </message>
    <message>
        <source>Carton {carton} (size not checked: no dimensions for {unchecked}). Type the box's weight.</source>
        <translation>Carton {carton} (size not checked: no dimensions for {unchecked}). Type the box's weight.</translation>
    </message>
    <message>
        <source>Carton {carton} approved by {name}. Put the box on the scale.</source>
        <translation>Carton {carton} approved by {name}. Put the box on the scale.</translation>
    </message>
    <message>
        <source>Carton {carton} approved by {name}. Type the box's weight.</source>
        <translation>Carton {carton} approved by {name}. Type the box's weight.</translation>
    </message>
    <message>
        <source>Carton {carton}. Put the box on the scale.</source>
        <translation>Carton {carton}. Put the box on the scale.</translation>
    </message>
    <message>
        <source>Carton {carton}. Type the box's weight.</source>
        <translation>Carton {carton}. Type the box's weight.</translation>
    </message>
    <message>
        <source>Weighs {weight} (typed), expected {expected} ± {allowance}. Check the box; re-weigh, HOLD or supervisor.</source>
        <translation>Weighs {weight} (typed), expected {expected} ± {allowance}. Check the box; re-weigh, HOLD or supervisor.</translation>
    </message>
    <message>
        <source>Weighs {weight}, expected {expected} ± {allowance}. Check the box; re-weigh, HOLD or supervisor.</source>
        <translation>Weighs {weight}, expected {expected} ± {allowance}. Check the box; re-weigh, HOLD or supervisor.</translation>
    </message>
    <message>
        <source>{weight} (typed) ✓ Printing label for box {box}.</source>
        <translation>{weight} (typed) ✓ Printing label for box {box}.</translation>
    </message>
    <message>
        <source>{weight} ✓ Printing label for box {box}.</source>
        <translation>{weight} ✓ Printing label for box {box}.</translation>
    </message>
    <message>
        <source>Label is printing. Scan REPRINT if it did not come out.</source>
        <translation>Label is printing. Scan REPRINT if it did not come out.</translation>
    </message>
    <message>
        <source>No order is open. Scan an order first.</source>
        <translation>No order is open. Scan an order first.</translation>
    </message>
    <message>
        <source>Undone: take {units}× {sku} out of the box.</source>
        <translation>Undone: take {units}× {sku} out of the box.</translation>
    </message>
    <message>
        <source>{count} missing: {listing}. Scan them, SHORT to hold, or supervisor badge.</source>
        <translation>{count} missing: {listing}. Scan them, SHORT to hold, or supervisor badge.</translation>
    </message>
    <message>
        <source>Nothing to confirm here.</source>
        <translation>Nothing to confirm here.</translation>
    </message>
    <message>
        <source>Order {order} on hold (damaged item). Tote to the hold shelf.</source>
        <translation>Order {order} on hold (damaged item). Tote to the hold shelf.</translation>
    </message>
    <message>
        <source>Order {order} on hold (held by packer). Tote to the hold shelf.</source>
        <translation>Order {order} on hold (held by packer). Tote to the hold shelf.</translation>
    </message>
    <message>
        <source>Order {order} on hold (short pick). Tote to the hold shelf.</source>
        <translation>Order {order} on hold (short pick). Tote to the hold shelf.</translation>
    </message>
    <message>
        <source>Stopped packing {order}. Put everything back in the tote.</source>
        <translation>Stopped packing {order}. Put everything back in the tote.</translation>
    </message>
    <message>
        <source>Box {box} closed. No cartons are configured.</source>
        <translation>Box {box} closed. No cartons are configured.</translation>
    </message>
    <message>
        <source>Box {box} closed. The box is empty.</source>
        <translation>Box {box} closed. The box is empty.</translation>
    </message>
    <message>
        <source>Box {box} closed. Too much for one {carton}: use NEXT BOX to split.</source>
        <translation>Box {box} closed. Too much for one {carton}: use NEXT BOX to split.</translation>
    </message>
    <message>
        <source>Box {box} closed. Use carton {carton} ({carton_name}): scan it or CONFIRM.</source>
        <translation>Box {box} closed. Use carton {carton} ({carton_name}): scan it or CONFIRM.</translation>
    </message>
    <message>
        <source>Box {box} closed. {reason}.</source>
        <translation>Box {box} closed. {reason}.</translation>
    </message>
    <message>
        <source>Reprinting label for box {box}.</source>
        <translation>Reprinting label for box {box}.</translation>
    </message>
    <message>
        <source>Reprinting the packing slip of order {order}.</source>
        <translation>Reprinting the packing slip of order {order}.</translation>
    </message>
    <message>
        <source>Labels of {order} voided: remove them. Scan the order to repack.</source>
        <translation>Labels of {order} voided: remove them. Scan the order to repack.</translation>
    </message>
    <message>
        <source>Quantity {qty}: now scan the item.</source>
        <translation>Quantity {qty}: now scan the item.</translation>
    </message>
    <message>
        <source>Finish order {order} first (or HOLD it).</source>
        <translation>Finish order {order} first (or HOLD it).</translation>
    </message>
    <message>
        <source>{name}, you are signed in. Scan an order.</source>
        <translation>{name}, you are signed in. Scan an order.</translation>
    </message>
    <message>
        <source>Approved by {name}: ships without {missing}.</source>
        <translation>Approved by {name}: ships without {missing}.</translation>
    </message>
    <message>
        <source>No order or tote {text}. Check the pick list.</source>
        <translation>No order or tote {text}. Check the pick list.</translation>
    </message>
    <message>
        <source>Read the packing instructions, then scan CONFIRM.</source>
        <translation>Read the packing instructions, then scan CONFIRM.</translation>
    </message>
    <message>
        <source>Order {order} is CANCELLED. Do not pack: tote to the supervisor.</source>
        <translation>Order {order} is CANCELLED. Do not pack: tote to the supervisor.</translation>
    </message>
    <message>
        <source>Order {order} is on hold. Give the tote to a supervisor.</source>
        <translation>Order {order} is on hold. Give the tote to a supervisor.</translation>
    </message>
    <message>
        <source>Order {order} is already packed. Do not pack again.</source>
        <translation>Order {order} is already packed. Do not pack again.</translation>
    </message>
    <message>
        <source>Order {order} is being packed at {station}.</source>
        <translation>Order {order} is being packed at {station}.</translation>
    </message>
    <message>
        <source>Central database offline: order {order} is not held here, so it cannot be packed until the connection is back.</source>
        <translation>Central database offline: order {order} is not held here, so it cannot be packed until the connection is back.</translation>
    </message>
    <message>
        <source>Order {order} is not in the central database. Give the tote to a supervisor.</source>
        <translation>Order {order} is not in the central database. Give the tote to a supervisor.</translation>
    </message>
    <message>
        <source>Unknown barcode {text}. Type the item's SKU, or set it aside for a supervisor.</source>
        <translation>Unknown barcode {text}. Type the item's SKU, or set it aside for a supervisor.</translation>
    </message>
    <message>
        <source>Scan the lot number of {pending} first.</source>
        <translation>Scan the lot number of {pending} first.</translation>
    </message>
    <message>
        <source>Scan the serial number of {pending} first.</source>
        <translation>Scan the serial number of {pending} first.</translation>
    </message>
    <message>
        <source>{sku} needs a serial for each unit: scan them one by one.</source>
        <translation>{sku} needs a serial for each unit: scan them one by one.</translation>
    </message>
    <message>
        <source>Put it back — {units} {sku} scanned, the order needs only {remaining} more ({needed} ordered, {packed} packed). Scan single units.</source>
        <translation>Put it back — {units} {sku} scanned, the order needs only {remaining} more ({needed} ordered, {packed} packed). Scan single units.</translation>
    </message>
    <message>
        <source>Wrong item: {sku} is not in order {order} nor in any open order. Set it aside for a supervisor.</source>
        <translation>Wrong item: {sku} is not in order {order} nor in any open order. Set it aside for a supervisor.</translation>
    </message>
    <message>
        <source>Wrong item: {sku} is not in order {order}. Put it aside for order {other_order}.</source>
        <translation>Wrong item: {sku} is not in order {order}. Put it aside for order {other_order}.</translation>
    </message>
    <message>
        <source>Now scan the LOT number of {sku}.</source>
        <translation>Now scan the LOT number of {sku}.</translation>
    </message>
    <message>
        <source>Serial {serial} is already in this order. Scan the next unit's.</source>
        <translation>Serial {serial} is already in this order. Scan the next unit's.</translation>
    </message>
    <message>
        <source>Serial {serial} already shipped in order {other_order}. Supervisor!</source>
        <translation>Serial {serial} already shipped in order {other_order}. Supervisor!</translation>
    </message>
    <message>
        <source>All items packed. No cartons are configured.</source>
        <translation>All items packed. No cartons are configured.</translation>
    </message>
    <message>
        <source>All items packed. The box is empty.</source>
        <translation>All items packed. The box is empty.</translation>
    </message>
    <message>
        <source>All items packed. Too much for one {carton}: use NEXT BOX to split.</source>
        <translation>All items packed. Too much for one {carton}: use NEXT BOX to split.</translation>
    </message>
    <message>
        <source>All items packed. Use carton {carton} ({carton_name}): scan it or CONFIRM.</source>
        <translation>All items packed. Use carton {carton} ({carton_name}): scan it or CONFIRM.</translation>
    </message>
    <message>
        <source>All items packed. {reason}.</source>
        <translation>All items packed. {reason}.</translation>
    </message>
    <message>
        <source>✓ {sku} {done}/{quantity} · serial {serial}</source>
        <translation>✓ {sku} {done}/{quantity} · serial {serial}</translation>
    </message>
    <message>
        <source>Carton {carton} (size not checked: no dimensions for {unchecked}). Printing label for box {box}.</source>
        <translation>Carton {carton} (size not checked: no dimensions for {unchecked}). Printing label for box {box}.</translation>
    </message>
    <message>
        <source>Carton {carton} approved by {name}. Printing label for box {box}.</source>
        <translation>Carton {carton} approved by {name}. Printing label for box {box}.</translation>
    </message>
    <message>
        <source>Carton {carton}. Printing label for box {box}.</source>
        <translation>Carton {carton}. Printing label for box {box}.</translation>
    </message>
    <message>
        <source>Put the box on the scale.</source>
        <translation>Put the box on the scale.</translation>
    </message>
    <message>
        <source>Type the box's weight.</source>
        <translation>Type the box's weight.</translation>
    </message>
    <message>
        <source>Box {box} reopened. Scan items.</source>
        <translation>Box {box} reopened. Scan items.</translation>
    </message>
    <message>
        <source>Nothing to undo here. A printed label is removed with VOID.</source>
        <translation>Nothing to undo here. A printed label is removed with VOID.</translation>
    </message>
    <message>
        <source>{sku} not counted. Take it out.</source>
        <translation>{sku} not counted. Take it out.</translation>
    </message>
    <message>
        <source>Quantity cleared.</source>
        <translation>Quantity cleared.</translation>
    </message>
    <message>
        <source>Nothing to undo in this box.</source>
        <translation>Nothing to undo in this box.</translation>
    </message>
    <message>
        <source>Put the box on the scale first.</source>
        <translation>Put the box on the scale first.</translation>
    </message>
    <message>
        <source>Type the box's weight first.</source>
        <translation>Type the box's weight first.</translation>
    </message>
    <message>
        <source>No cartons are configured.</source>
        <translation>No cartons are configured.</translation>
    </message>
    <message>
        <source>The box is empty.</source>
        <translation>The box is empty.</translation>
    </message>
    <message>
        <source>Too much for one {carton}: use NEXT BOX to split.</source>
        <translation>Too much for one {carton}: use NEXT BOX to split.</translation>
    </message>
    <message>
        <source>Use carton {carton} ({carton_name}): scan it or CONFIRM.</source>
        <translation>Use carton {carton} ({carton_name}): scan it or CONFIRM.</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>Instructions confirmed. Scan items.</source>
        <translation>Instructions confirmed. Scan items.</translation>
    </message>
    <message>
        <source>Labels are printed for this order: VOID them, or HOLD it.</source>
        <translation>Labels are printed for this order: VOID them, or HOLD it.</translation>
    </message>
    <message>
        <source>This box is empty. Scan an item first.</source>
        <translation>This box is empty. Scan an item first.</translation>
    </message>
    <message>
        <source>No label to reprint yet.</source>
        <translation>No label to reprint yet.</translation>
    </message>
    <message>
        <source>No packing slip yet: it prints when the order is packed.</source>
        <translation>No packing slip yet: it prints when the order is packed.</translation>
    </message>
    <message>
        <source>No printed label to void.</source>
        <translation>No printed label to void.</translation>
    </message>
    <message>
        <source>Finish, HOLD or CANCEL order {order} before signing out.</source>
        <translation>Finish, HOLD or CANCEL order {order} before signing out.</translation>
    </message>
    <message>
        <source>Scan QTY just before the item.</source>
        <translation>Scan QTY just before the item.</translation>
    </message>
    <message>
        <source>Quantity must be 1 or more.</source>
        <translation>Quantity must be 1 or more.</translation>
    </message>
    <message>
        <source>STOP: order {order} was CANCELLED. Unpack everything into the tote; supervisor.</source>
        <translation>STOP: order {order} was CANCELLED. Unpack everything into the tote; supervisor.</translation>
    </message>
    <message>
        <source>STOP: order {order} was put ON HOLD. Unpack everything into the tote; supervisor.</source>
        <translation>STOP: order {order} was put ON HOLD. Unpack everything into the tote; supervisor.</translation>
    </message>
    <message>
        <source>Nothing needs a supervisor here.</source>
        <translation>Nothing needs a supervisor here.</translation>
    </message>
    <message>
        <source>Scan an order or tote first.</source>
        <translation>Scan an order or tote first.</translation>
    </message>
    <message>
        <source>Order {order} is already packed ({note}). Do not pack again.</source>
        <translation>Order {order} is already packed ({note}). Do not pack again.</translation>
    </message>
    <message>
        <source>Already packing {order}. Scan items.</source>
        <translation>Already packing {order}. Scan items.</translation>
    </message>
    <message>
        <source>Scan the remaining items before the carton (or NEXT BOX).</source>
        <translation>Scan the remaining items before the carton (or NEXT BOX).</translation>
    </message>
    <message>
        <source>Put it back — order needs {needed} {sku}, {packed} packed.</source>
        <translation>Put it back — order needs {needed} {sku}, {packed} packed.</translation>
    </message>
    <message>
        <source>Wrong item: {sku} is not in order {order}. Put it aside for order {other_order} (tote {tote}).</source>
        <translation>Wrong item: {sku} is not in order {order}. Put it aside for order {other_order} (tote {tote}).</translation>
    </message>
    <message>
        <source>Lot {lot} noted. Now scan the SERIAL.</source>
        <translation>Lot {lot} noted. Now scan the SERIAL.</translation>
    </message>
    <message>
        <source>Carton {text} is not configured. Scan another carton.</source>
        <translation>Carton {text} is not configured. Scan another carton.</translation>
    </message>
    <message>
        <source>This box is closed. UNDO to reopen it, or scan the carton.</source>
        <translation>This box is closed. UNDO to reopen it, or scan the carton.</translation>
    </message>
    <message>
        <source>Order {order} packed. Scan the next order.</source>
        <translation>Order {order} packed. Scan the next order.</translation>
    </message>
    <message>
        <source>{reason} HOLD the order and give it to a supervisor.</source>
        <translation>{reason} HOLD the order and give it to a supervisor.</translation>
    </message>
    <message>
        <source>Label did not print: {reason} Then scan REPRINT.</source>
        <translation>Label did not print: {reason} Then scan REPRINT.</translation>
    </message>
    <message>
        <source>Label for {order} is printing. Scan REPRINT if lost.</source>
        <translation>Label for {order} is printing. Scan REPRINT if lost.</translation>
    </message>
    <message>
        <source>Resending the interrupted print jobs.</source>
        <translation>Resending the interrupted print jobs.</translation>
    </message>
    <message>
        <source>Label is printing.</source>
        <translation>Label is printing.</translation>
    </message>
    <message>
        <source>No cartons are configured. Scan a carton.</source>
        <translation>No cartons are configured. Scan a carton.</translation>
    </message>
    <message>
        <source>The box is empty. Scan a carton.</source>
        <translation>The box is empty. Scan a carton.</translation>
    </message>
    <message>
        <source>Too much for one {carton}: use NEXT BOX to split. Scan a carton.</source>
        <translation>Too much for one {carton}: use NEXT BOX to split. Scan a carton.</translation>
    </message>
    <message>
        <source>{reason}. Scan a carton.</source>
        <translation>{reason}. Scan a carton.</translation>
    </message>
    <message>
        <source>Finish this box first.</source>
        <translation>Finish this box first.</translation>
    </message>
    <message>
        <source>Box {box} labelled. Scan items for box {next}.</source>
        <translation>Box {box} labelled. Scan items for box {next}.</translation>
    </message>
    <message>
        <source>Packing slip of order {order} sent again.</source>
        <translation>Packing slip of order {order} sent again.</translation>
    </message>
    <message>
        <source>This station has no print queue.</source>
        <translation>This station has no print queue.</translation>
    </message>
    <message>
        <source>Resending {jobs}.</source>
        <translation>Resending {jobs}.</translation>
    </message>
    <message>
        <source>No packing slip of order {order} was printed before: printing it now.</source>
        <translation>No packing slip of order {order} was printed before: printing it now.</translation>
    </message>
    <message>
        <source>Nothing to resend: no print job was cut off.</source>
        <translation>Nothing to resend: no print job was cut off.</translation>
    </message>
    <message>
        <source>Packing slip did not print: {reason}</source>
        <translation>Packing slip did not print: {reason}</translation>
    </message>
    <message>
        <source>Label shortened: {fields} did not fit. Check the label can be read; if not, VOID it and call a supervisor.</source>
        <translation>Label shortened: {fields} did not fit. Check the label can be read; if not, VOID it and call a supervisor.</translation>
    </message>
    <message>
        <source>Reprint failed: {reason}</source>
        <translation>Reprint failed: {reason}</translation>
    </message>
    <message>
        <source>Carrier void failed: {reason}</source>
        <translation>Carrier void failed: {reason}</translation>
    </message>
    <message>
        <source>Customer e-mail not queued: {reason}</source>
        <translation>Customer e-mail not queued: {reason}</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>Not done: {reason}</translation>
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
    <name>HoldReasons</name>
    <message>
        <source>Short pick</source>
        <translation>Short pick</translation>
    </message>
    <message>
        <source>Damaged item</source>
        <translation>Damaged item</translation>
    </message>
    <message>
        <source>Held by packer</source>
        <translation>Held by packer</translation>
    </message>
    <message>
        <source>Weight mismatch</source>
        <translation>Weight mismatch</translation>
    </message>
    <message>
        <source>cancelled by packer</source>
        <translation>cancelled by packer</translation>
    </message>
    <message>
        <source>missing {items}</source>
        <translation>missing {items}</translation>
    </message>
    <message>
        <source>weighed {grams} g, expected {expected} g ± {allowance} g</source>
        <translation>weighed {grams} g, expected {expected} g ± {allowance} g</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first}; {then}</translation>
    </message>
    <message>
        <source>Sync conflict: {kind}</source>
        <translation>Sync conflict: {kind}</translation>
    </message>
    <message>
        <source>{detail} (other station {station})</source>
        <translation>{detail} (other station {station})</translation>
    </message>
    <message>
        <source>cancelled while packing</source>
        <translation>cancelled while packing</translation>
    </message>
    <message>
        <source>packed twice</source>
        <translation>packed twice</translation>
    </message>
    <message>
        <source>held while packing</source>
        <translation>held while packing</translation>
    </message>
    <message>
        <source>claimed elsewhere</source>
        <translation>claimed elsewhere</translation>
    </message>
    <message>
        <source>not claimed</source>
        <translation>not claimed</translation>
    </message>
    <message>
        <source>lines changed while packing</source>
        <translation>lines changed while packing</translation>
    </message>
    <message>
        <source>order was cancelled upstream; {event} at {station}</source>
        <translation>order was cancelled upstream; {event} at {station}</translation>
    </message>
    <message>
        <source>order was already {status} by {station}</source>
        <translation>order was already {status} by {station}</translation>
    </message>
    <message>
        <source>order was already {status}</source>
        <translation>order was already {status}</translation>
    </message>
    <message>
        <source>order was put on hold upstream</source>
        <translation>order was put on hold upstream</translation>
    </message>
    <message>
        <source>{event} while {holder} held the claim (lease taken over or released); the order stays {status}</source>
        <translation>{event} while {holder} held the claim (lease taken over or released); the order stays {status}</translation>
    </message>
    <message>
        <source>{event} while {holder} held the claim (lease taken over or released)</source>
        <translation>{event} while {holder} held the claim (lease taken over or released)</translation>
    </message>
    <message>
        <source>{event} from {station}, which did not hold the claim on the order; the order stays {status}</source>
        <translation>{event} from {station}, which did not hold the claim on the order; the order stays {status}</translation>
    </message>
    <message>
        <source>the order's lines changed upstream while it was being packed here; the bench keeps packing the lines it had</source>
        <translation>the order's lines changed upstream while it was being packed here; the bench keeps packing the lines it had</translation>
    </message>
    <message>
        <source>order_opened</source>
        <translation>order_opened</translation>
    </message>
    <message>
        <source>order_packed</source>
        <translation>order_packed</translation>
    </message>
    <message>
        <source>order_held</source>
        <translation>order_held</translation>
    </message>
    <message>
        <source>order_released</source>
        <translation>order_released</translation>
    </message>
    <message>
        <source>order_stopped</source>
        <translation>order_stopped</translation>
    </message>
    <message>
        <source>labels_voided</source>
        <translation>labels_voided</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>packing</source>
        <translation>packing</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>packed</translation>
    </message>
    <message>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>shipped</translation>
    </message>
</context>
<context>
    <name>LabelPanel</name>
    <message>
        <source>not weighed</source>
        <translation>not weighed</translation>
    </message>
    <message>
        <source>SHIPPING LABEL</source>
        <translation>SHIPPING LABEL</translation>
    </message>
    <message>
        <source>No label yet</source>
        <translation>No label yet</translation>
    </message>
    <message>
        <source>{0} (typed)</source>
        <translation>{0} (typed)</translation>
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
        <source>Weight {0}</source>
        <translation>Weight {0}</translation>
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
        <source>Supervisor: {0}</source>
        <translation>Supervisor: {0}</translation>
    </message>
    <message>
        <source>Admin: {0}</source>
        <translation>Admin: {0}</translation>
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
        <source>Station set up: labels now carry the ship-from address.</source>
        <translation>Station set up: labels now carry the ship-from address.</translation>
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
        <source>Label is printing.</source>
        <translation>Label is printing.</translation>
    </message>
    <message>
        <source>none configured — labels go to the spool folder {0}</source>
        <translation>none configured — labels go to the spool folder {0}</translation>
    </message>
    <message>
        <source>Station {0}</source>
        <translation>Station {0}</translation>
    </message>
    <message>
        <source>Type the box's weight (F2).</source>
        <translation>Type the box's weight (F2).</translation>
    </message>
    <message>
        <source>Put the box on the scale.</source>
        <translation>Put the box on the scale.</translation>
    </message>
    <message>
        <source>{0}, then it prints by itself</source>
        <translation>{0}, then it prints by itself</translation>
    </message>
    <message>
        <source>Label is waiting: {0}. It prints by itself when the printer is ready.</source>
        <translation>Label is waiting: {0}. It prints by itself when the printer is ready.</translation>
    </message>
    <message>
        <source>PIN sign-in failed.</source>
        <translation>PIN sign-in failed.</translation>
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
        <source>Order {0} · box {1}</source>
        <translation>Order {0} · box {1}</translation>
    </message>
    <message>
        <source>{0} has no badge id yet.</source>
        <translation>{0} has no badge id yet.</translation>
    </message>
    <message>
        <source>This station is not set up yet ({0}) and has no admin yet: set it up now, then add an admin (packstation users add).</source>
        <translation>This station is not set up yet ({0}) and has no admin yet: set it up now, then add an admin (packstation users add).</translation>
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
    <name>OutputReasons</name>
    <message>
        <source>The label cannot be made ({error}).</source>
        <translation>The label cannot be made ({error}).</translation>
    </message>
    <message>
        <source>Packing slip cannot be made: {error}</source>
        <translation>Packing slip cannot be made: {error}</translation>
    </message>
    <message>
        <source>The carrier's label is ZPL but the label printer takes PDF: set shipping.label_format = "pdf" (or printers.label_format = "zpl"), then scan REPRINT. The label is bought: it is not bought again.</source>
        <translation>The carrier's label is ZPL but the label printer takes PDF: set shipping.label_format = "pdf" (or printers.label_format = "zpl"), then scan REPRINT. The label is bought: it is not bought again.</translation>
    </message>
    <message>
        <source>This order's carrier label is ZPL but the label printer takes PDF: set printers.label_format = "zpl" or ask for a PDF label.</source>
        <translation>This order's carrier label is ZPL but the label printer takes PDF: set printers.label_format = "zpl" or ask for a PDF label.</translation>
    </message>
    <message>
        <source>Shipping is not set up right ({error}). Set the parcel aside and tell a supervisor.</source>
        <translation>Shipping is not set up right ({error}). Set the parcel aside and tell a supervisor.</translation>
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
        <translation>Load labels</translation>
    </message>
    <message>
        <source>Close the print head</source>
        <translation>Close the print head</translation>
    </message>
    <message>
        <source>Press pause to resume</source>
        <translation>Press pause to resume</translation>
    </message>
    <message>
        <source>Load a new ribbon</source>
        <translation>Load a new ribbon</translation>
    </message>
    <message>
        <source>Let the head cool down</source>
        <translation>Let the head cool down</translation>
    </message>
    <message>
        <source>Call a supervisor</source>
        <translation>Call a supervisor</translation>
    </message>
    <message>
        <source>Leave diagnostic mode</source>
        <translation>Leave diagnostic mode</translation>
    </message>
    <message>
        <source>Take the label off</source>
        <translation>Take the label off</translation>
    </message>
    <message>
        <source>Printer busy: wait</source>
        <translation>Printer busy: wait</translation>
    </message>
    <message>
        <source>Printer too cold</source>
        <translation>Printer too cold</translation>
    </message>
    <message>
        <source>Check labels, ribbon and head</source>
        <translation>Check labels, ribbon and head</translation>
    </message>
    <message>
        <source>Check power and cable</source>
        <translation>Check power and cable</translation>
    </message>
    <message>
        <source>Ask IT to start CUPS</source>
        <translation>Ask IT to start CUPS</translation>
    </message>
    <message>
        <source>Check the printer settings</source>
        <translation>Check the printer settings</translation>
    </message>
    <message>
        <source>Ask IT: queue stopped</source>
        <translation>Ask IT: queue stopped</translation>
    </message>
    <message>
        <source>Resend the label</source>
        <translation>Resend the label</translation>
    </message>
    <message>
        <source>Check the printer</source>
        <translation>Check the printer</translation>
    </message>
    <message>
        <source>spool folder</source>
        <translation>spool folder</translation>
    </message>
    <message>
        <source>Label for order {0}, box {1}</source>
        <translation>Label for order {0}, box {1}</translation>
    </message>
    <message>
        <source>Packing slip for order {0}</source>
        <translation>Packing slip for order {0}</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>{0} waiting</source>
        <translation>{0} waiting</translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>Printer ready</translation>
    </message>
    <message>
        <source>Resend  {0}</source>
        <translation>Resend  {0}</translation>
    </message>
    <message>
        <source>{0} held</source>
        <translation>{0} held</translation>
    </message>
    <message>
        <source>{0} cut off</source>
        <translation>{0} cut off</translation>
    </message>
    <message>
        <source>{0} failed</source>
        <translation>{0} failed</translation>
    </message>
    <message>
        <source>Label cut off: press {0} to resend</source>
        <translation>Label cut off: press {0} to resend</translation>
    </message>
    <message>
        <source>Printer: {0}</source>
        <translation>Printer: {0}</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>{uri}: a TCP printer needs a host, like tcp://10.0.0.5:9100</source>
        <translation>{uri}: a TCP printer needs a host, like tcp://10.0.0.5:9100</translation>
    </message>
    <message>
        <source>{uri}: the port must be a number, like tcp://10.0.0.5:9100</source>
        <translation>{uri}: the port must be a number, like tcp://10.0.0.5:9100</translation>
    </message>
    <message>
        <source>{uri}: a serial printer needs a port, like serial:///dev/ttyUSB0?baud=9600</source>
        <translation>{uri}: a serial printer needs a port, like serial:///dev/ttyUSB0?baud=9600</translation>
    </message>
    <message>
        <source>{uri}: baud must be a number like 9600</source>
        <translation>{uri}: baud must be a number like 9600</translation>
    </message>
    <message>
        <source>{uri}: a file printer needs a path, like file:///dev/usb/lp0</source>
        <translation>{uri}: a file printer needs a path, like file:///dev/usb/lp0</translation>
    </message>
    <message>
        <source>{uri}: a CUPS printer needs a queue name, like cups://Zebra_ZD421</source>
        <translation>{uri}: a CUPS printer needs a queue name, like cups://Zebra_ZD421</translation>
    </message>
    <message>
        <source>{uri}: a spool folder needs a path, like dir:///var/spool/labels</source>
        <translation>{uri}: a spool folder needs a path, like dir:///var/spool/labels</translation>
    </message>
    <message>
        <source>{uri}: fail must be one of {faults}</source>
        <translation>{uri}: fail must be one of {faults}</translation>
    </message>
    <message>
        <source>{uri} is not a printer address; use e.g. tcp://10.0.0.5:9100, serial:///dev/ttyUSB0?baud=9600 or cups://QueueName</source>
        <translation>{uri} is not a printer address; use e.g. tcp://10.0.0.5:9100, serial:///dev/ttyUSB0?baud=9600 or cups://QueueName</translation>
    </message>
    <message>
        <source>{uri}: unknown printer type {scheme} (known: {known})</source>
        <translation>{uri}: unknown printer type {scheme} (known: {known})</translation>
    </message>
    <message>
        <source>{uri}: timeout must be a number of seconds</source>
        <translation>{uri}: timeout must be a number of seconds</translation>
    </message>
    <message>
        <source>{uri}: timeout must be more than 0 seconds</source>
        <translation>{uri}: timeout must be more than 0 seconds</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Label printer</translation>
    </message>
    <message>
        <source>Label printer at {host}:{port}</source>
        <translation>Label printer at {host}:{port}</translation>
    </message>
    <message>
        <source>Label printer on {port}</source>
        <translation>Label printer on {port}</translation>
    </message>
    <message>
        <source>Printer {path}</source>
        <translation>Printer {path}</translation>
    </message>
    <message>
        <source>Printer queue {queue}</source>
        <translation>Printer queue {queue}</translation>
    </message>
    <message>
        <source>Spool folder {path}</source>
        <translation>Spool folder {path}</translation>
    </message>
    <message>
        <source>Printer at {uri}</source>
        <translation>Printer at {uri}</translation>
    </message>
    <message>
        <source>{printer}: the name {host} is unknown on this network — check the printer address in the station settings</source>
        <translation>{printer}: the name {host} is unknown on this network — check the printer address in the station settings</translation>
    </message>
    <message>
        <source>{printer} is not answering — check it is on and connected</source>
        <translation>{printer} is not answering — check it is on and connected</translation>
    </message>
    <message>
        <source>{printer} stopped taking data</source>
        <translation>{printer} stopped taking data</translation>
    </message>
    <message>
        <source>{printer} stopped taking data — check for a jam or a blinking light, then reprint</source>
        <translation>{printer} stopped taking data — check for a jam or a blinking light, then reprint</translation>
    </message>
    <message>
        <source>{printer} stopped taking data — check it is on and not paused</source>
        <translation>{printer} stopped taking data — check it is on and not paused</translation>
    </message>
    <message>
        <source>{printer} stopped taking data — check it is on and has labels</source>
        <translation>{printer} stopped taking data — check it is on and has labels</translation>
    </message>
    <message>
        <source>{printer} dropped the connection</source>
        <translation>{printer} dropped the connection</translation>
    </message>
    <message>
        <source>{printer} dropped the connection while printing</source>
        <translation>{printer} dropped the connection while printing</translation>
    </message>
    <message>
        <source>{printer} dropped the connection while printing — check the label and reprint it if it is incomplete</source>
        <translation>{printer} dropped the connection while printing — check the label and reprint it if it is incomplete</translation>
    </message>
    <message>
        <source>{printer} cannot be opened — check the cable and that the printer is on</source>
        <translation>{printer} cannot be opened — check the cable and that the printer is on</translation>
    </message>
    <message>
        <source>{printer} was disconnected</source>
        <translation>{printer} was disconnected</translation>
    </message>
    <message>
        <source>{printer} was disconnected while printing — check the cable, then reprint</source>
        <translation>{printer} was disconnected while printing — check the cable, then reprint</translation>
    </message>
    <message>
        <source>{printer} is missing — check the USB cable and that the printer is on</source>
        <translation>{printer} is missing — check the USB cable and that the printer is on</translation>
    </message>
    <message>
        <source>{printer}: this station may not use it — ask IT to give the station user access (group lp)</source>
        <translation>{printer}: this station may not use it — ask IT to give the station user access (group lp)</translation>
    </message>
    <message>
        <source>{printer} cannot be opened ({error})</source>
        <translation>{printer} cannot be opened ({error})</translation>
    </message>
    <message>
        <source>{printer} went away while printing — check the cable, then reprint</source>
        <translation>{printer} went away while printing — check the cable, then reprint</translation>
    </message>
    <message>
        <source>{printer}: {error}</source>
        <translation>{printer}: {error}</translation>
    </message>
    <message>
        <source>{printer} does not exist — check the path in the station settings</source>
        <translation>{printer} does not exist — check the path in the station settings</translation>
    </message>
    <message>
        <source>{printer}: cannot write the job ({error})</source>
        <translation>{printer}: cannot write the job ({error})</translation>
    </message>
    <message>
        <source>{printer} is not answering status — check it has labels and ribbon, the head is closed, and it is on</source>
        <translation>{printer} is not answering status — check it has labels and ribbon, the head is closed, and it is on</translation>
    </message>
    <message>
        <source>{printer} head is open — close it until it clicks</source>
        <translation>{printer} head is open — close it until it clicks</translation>
    </message>
    <message>
        <source>{printer} is out of labels — load a new roll</source>
        <translation>{printer} is out of labels — load a new roll</translation>
    </message>
    <message>
        <source>{printer} ribbon is out — fit a new ribbon</source>
        <translation>{printer} ribbon is out — fit a new ribbon</translation>
    </message>
    <message>
        <source>{printer} head is too hot — let it cool for a few minutes</source>
        <translation>{printer} head is too hot — let it cool for a few minutes</translation>
    </message>
    <message>
        <source>{printer} has lost its settings — ask a supervisor to set it up again</source>
        <translation>{printer} has lost its settings — ask a supervisor to set it up again</translation>
    </message>
    <message>
        <source>{printer} is in communications diagnostic mode — switch it off and on again</source>
        <translation>{printer} is in communications diagnostic mode — switch it off and on again</translation>
    </message>
    <message>
        <source>{printer} is waiting for its label to be taken — take the label off</source>
        <translation>{printer} is waiting for its label to be taken — take the label off</translation>
    </message>
    <message>
        <source>{printer} is paused — press its pause button to continue</source>
        <translation>{printer} is paused — press its pause button to continue</translation>
    </message>
    <message>
        <source>{printer} is busy — wait a moment, it is still working through labels</source>
        <translation>{printer} is busy — wait a moment, it is still working through labels</translation>
    </message>
    <message>
        <source>{printer} is too cold to print well — move it somewhere warmer</source>
        <translation>{printer} is too cold to print well — move it somewhere warmer</translation>
    </message>
    <message>
        <source>{printer} is ready</source>
        <translation>{printer} is ready</translation>
    </message>
    <message>
        <source>{printer}: the CUPS command '{command}' is not installed on this computer — ask IT to install CUPS</source>
        <translation>{printer}: the CUPS command '{command}' is not installed on this computer — ask IT to install CUPS</translation>
    </message>
    <message>
        <source>{printer} did not answer in time — check that CUPS is running</source>
        <translation>{printer} did not answer in time — check that CUPS is running</translation>
    </message>
    <message>
        <source>{printer}: cannot run '{command}' ({error})</source>
        <translation>{printer}: cannot run '{command}' ({error})</translation>
    </message>
    <message>
        <source>{printer} is not accepting jobs — ask IT to enable it ({detail})</source>
        <translation>{printer} is not accepting jobs — ask IT to enable it ({detail})</translation>
    </message>
    <message>
        <source>{printer} is unknown to CUPS — check the queue name in the station settings ({detail})</source>
        <translation>{printer} is unknown to CUPS — check the queue name in the station settings ({detail})</translation>
    </message>
    <message>
        <source>{printer} refused the job: {detail}</source>
        <translation>{printer} refused the job: {detail}</translation>
    </message>
    <message>
        <source>{printer} is stopped in CUPS — ask IT to enable it ({detail})</source>
        <translation>{printer} is stopped in CUPS — ask IT to enable it ({detail})</translation>
    </message>
    <message>
        <source>{printer} is ready ({detail})</source>
        <translation>{printer} is ready ({detail})</translation>
    </message>
    <message>
        <source>{printer}: the computer's print service (CUPS) is not running — ask IT to start it</source>
        <translation>{printer}: the computer's print service (CUPS) is not running — ask IT to start it</translation>
    </message>
    <message>
        <source>The station stopped while sending it: it may have printed. Resend it if it is missing.</source>
        <translation>The station stopped while sending it: it may have printed. Resend it if it is missing.</translation>
    </message>
</context>
<context>
    <name>ReturnsBench</name>
    <message>
        <source>late return</source>
        <translation>late return</translation>
    </message>
    <message>
        <source>not in the order</source>
        <translation>not in the order</translation>
    </message>
    <message>
        <source>serial not shipped</source>
        <translation>serial not shipped</translation>
    </message>
    <message>
        <source>serial already returned</source>
        <translation>serial already returned</translation>
    </message>
    <message>
        <source>more than shipped</source>
        <translation>more than shipped</translation>
    </message>
    <message>
        <source>unknown item</source>
        <translation>unknown item</translation>
    </message>
    <message>
        <source>changed mind</source>
        <translation>changed mind</translation>
    </message>
    <message>
        <source>wrong size</source>
        <translation>wrong size</translation>
    </message>
    <message>
        <source>not as described</source>
        <translation>not as described</translation>
    </message>
    <message>
        <source>arrived late</source>
        <translation>arrived late</translation>
    </message>
    <message>
        <source>damaged in transit</source>
        <translation>damaged in transit</translation>
    </message>
    <message>
        <source>defective</source>
        <translation>defective</translation>
    </message>
    <message>
        <source>damaged by the customer</source>
        <translation>damaged by the customer</translation>
    </message>
    <message>
        <source>wrong item sent</source>
        <translation>wrong item sent</translation>
    </message>
    <message>
        <source>not our item</source>
        <translation>not our item</translation>
    </message>
    <message>
        <source>accessories missing</source>
        <translation>accessories missing</translation>
    </message>
    <message>
        <source>packaging missing</source>
        <translation>packaging missing</translation>
    </message>
    <message>
        <source>incomplete set</source>
        <translation>incomplete set</translation>
    </message>
    <message>
        <source>Resellable</source>
        <translation>Resellable</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Wrong item</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation>Missing parts</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <source>Dispose</source>
        <translation>Dispose</translation>
    </message>
    <message>
        <source>Return to vendor</source>
        <translation>Return to vendor</translation>
    </message>
    <message>
        <source>Quarantine flagged items. A supervisor scans their badge to approve, or HOLD (F9).</source>
        <translation>Quarantine flagged items. A supervisor scans their badge to approve, or HOLD (F9).</translation>
    </message>
    <message>
        <source>Scan a SUPERVISOR badge to approve and close, or HOLD (F9) for later.</source>
        <translation>Scan a SUPERVISOR badge to approve and close, or HOLD (F9) for later.</translation>
    </message>
    <message>
        <source>Received on this return</source>
        <translation>Received on this return</translation>
    </message>
    <message>
        <source>Scan each returned item</source>
        <translation>Scan each returned item</translation>
    </message>
    <message>
        <source>When the parcel is empty: COMPLETE (F5). Nothing in it: CANCEL (F12).</source>
        <translation>When the parcel is empty: COMPLETE (F5). Nothing in it: CANCEL (F12).</translation>
    </message>
    <message>
        <source>Shipped with this order: {0}</source>
        <translation>Shipped with this order: {0}</translation>
    </message>
    <message>
        <source>Return {0} closed — refund ready</source>
        <translation>Return {0} closed — refund ready</translation>
    </message>
    <message>
        <source>Return {0} on hold for a supervisor</source>
        <translation>Return {0} on hold for a supervisor</translation>
    </message>
    <message>
        <source>Return {0} cancelled</source>
        <translation>Return {0} cancelled</translation>
    </message>
    <message>
        <source>serial {0}</source>
        <translation>serial {0}</translation>
    </message>
    <message>
        <source>Restock → {0}</source>
        <translation>Restock → {0}</translation>
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
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Bin (stock)</source>
        <translation>Bin (stock)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Goes to</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>No shipping date</source>
        <translation>No shipping date</translation>
    </message>
    <message>
        <source>…or scan a bin label to restock elsewhere, or:</source>
        <translation>…or scan a bin label to restock elsewhere, or:</translation>
    </message>
    <message>
        <source>Scan the serial number on the item (or type it: F2). UNDO (F3) sets it aside.</source>
        <translation>Scan the serial number on the item (or type it: F2). UNDO (F3) sets it aside.</translation>
    </message>
    <message>
        <source>No serial of {0} was recorded when the order shipped.</source>
        <translation>No serial of {0} was recorded when the order shipped.</translation>
    </message>
    <message>
        <source>Stock change</source>
        <translation>Stock change</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Bin</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Nothing went back on sale.</source>
        <translation>Nothing went back on sale.</translation>
    </message>
    <message>
        <source>SUPERVISOR — {0} flag(s) on this return</source>
        <translation>SUPERVISOR — {0} flag(s) on this return</translation>
    </message>
    <message>
        <source>Return {0}</source>
        <translation>Return {0}</translation>
    </message>
    <message>
        <source>Order {0}</source>
        <translation>Order {0}</translation>
    </message>
    <message>
        <source>Item {0}: {1}, {2} — photo</source>
        <translation>Item {0}: {1}, {2} — photo</translation>
    </message>
    <message>
        <source>Order {0}: {1} unit(s) back ({2}).</source>
        <translation>Order {0}: {1} unit(s) back ({2}).</translation>
    </message>
    <message>
        <source>RMA {0}</source>
        <translation>RMA {0}</translation>
    </message>
    <message>
        <source>shipped {0}</source>
        <translation>shipped {0}</translation>
    </message>
    <message>
        <source>received by {0}</source>
        <translation>received by {0}</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>photo</translation>
    </message>
    <message>
        <source>Scan the SERIAL of {0}</source>
        <translation>Scan the SERIAL of {0}</translation>
    </message>
    <message>
        <source>FLAGGED: {0} — it goes to {1}</source>
        <translation>FLAGGED: {0} — it goes to {1}</translation>
    </message>
    <message>
        <source>Photo taken (PHOTO {0} takes another)</source>
        <translation>Photo taken (PHOTO {0} takes another)</translation>
    </message>
    <message>
        <source>LATE: {0} days after shipping</source>
        <translation>LATE: {0} days after shipping</translation>
    </message>
    <message>
        <source>In the window: day {0}</source>
        <translation>In the window: day {0}</translation>
    </message>
    <message>
        <source>{0}, reason: {1} (card PS:GRADE:{2}:{3})</source>
        <translation>{0}, reason: {1} (card PS:GRADE:{2}:{3})</translation>
    </message>
    <message>
        <source>Restock: scan the bin label</source>
        <translation>Restock: scan the bin label</translation>
    </message>
    <message>
        <source>Waiting for a SUPERVISOR badge</source>
        <translation>Waiting for a SUPERVISOR badge</translation>
    </message>
    <message>
        <source>A supervisor scans their badge to approve and close. HOLD (F9) keeps the return for later.</source>
        <translation>A supervisor scans their badge to approve and close. HOLD (F9) keeps the return for later.</translation>
    </message>
    <message>
        <source>In hand: {0} — {1}</source>
        <translation>In hand: {0} — {1}</translation>
    </message>
    <message>
        <source>{0}: {1}, {2}</source>
        <translation>{0}: {1}, {2}</translation>
    </message>
    <message>
        <source>{0}
CONFIRM  {1}</source>
        <translation>{0}
CONFIRM  {1}</translation>
    </message>
    <message>
        <source>{0} for sale: {1} → {2}</source>
        <translation>{0} for sale: {1} → {2}</translation>
    </message>
</context>
<context>
    <name>ReturnsEntry</name>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Returns mode</source>
        <translation>Returns mode</translation>
    </message>
    <message>
        <source>Back to packing.</source>
        <translation>Back to packing.</translation>
    </message>
    <message>
        <source>Finish or hold the open order first.</source>
        <translation>Finish or hold the open order first.</translation>
    </message>
    <message>
        <source>Switch this station to returns mode ({0})</source>
        <translation>Switch this station to returns mode ({0})</translation>
    </message>
</context>
<context>
    <name>ReturnsWindow</name>
    <message>
        <source>Scan a return label, RMA, tracking or order number</source>
        <translation>Scan a return label, RMA, tracking or order number</translation>
    </message>
    <message>
        <source>Packstation — returns</source>
        <translation>Packstation — returns</translation>
    </message>
    <message>
        <source>Opening the returns bench…</source>
        <translation>Opening the returns bench…</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Bulk shipments</source>
        <translation>Bulk shipments</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Cycle count</translation>
    </message>
    <message>
        <source>Returns bench</source>
        <translation>Returns bench</translation>
    </message>
    <message>
        <source>spool folder</source>
        <translation>spool folder</translation>
    </message>
    <message>
        <source>The QR code on the return label, the RMA number, a tracking number or the order number (#1001 works too). F2 types it.</source>
        <translation>The QR code on the return label, the RMA number, a tracking number or the order number (#1001 works too). F2 types it.</translation>
    </message>
    <message>
        <source>That was NOT recorded. Try again; if this repeats, call IT.</source>
        <translation>That was NOT recorded. Try again; if this repeats, call IT.</translation>
    </message>
    <message>
        <source>Scan your badge to sign in</source>
        <translation>Scan your badge to sign in</translation>
    </message>
    <message>
        <source>Scan the next return</source>
        <translation>Scan the next return</translation>
    </message>
    <message>
        <source>Type code</source>
        <translation>Type code</translation>
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
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Print tag</source>
        <translation>Print tag</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Packing</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>Recount</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Nothing to photograph: scan an item first.</source>
        <translation>Nothing to photograph: scan an item first.</translation>
    </message>
    <message>
        <source>No bench camera configured: units are recorded without photos.</source>
        <translation>No bench camera configured: units are recorded without photos.</translation>
    </message>
    <message>
        <source>camera not ready</source>
        <translation>camera not ready</translation>
    </message>
    <message>
        <source>Export the ASN to…</source>
        <translation>Export the ASN to…</translation>
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
        <source>Station error: {0}</source>
        <translation>Station error: {0}</translation>
    </message>
    <message>
        <source>No returned item to print a tag for yet.</source>
        <translation>No returned item to print a tag for yet.</translation>
    </message>
    <message>
        <source>{0} sent to the label printer ({1}).</source>
        <translation>{0} sent to the label printer ({1}).</translation>
    </message>
    <message>
        <source>Bulk shipments: choose a wholesale order or scan its number.</source>
        <translation>Bulk shipments: choose a wholesale order or scan its number.</translation>
    </message>
    <message>
        <source>The returns bench could not start: {0}</source>
        <translation>The returns bench could not start: {0}</translation>
    </message>
    <message>
        <source>Demo returns added: {0}</source>
        <translation>Demo returns added: {0}</translation>
    </message>
    <message>
        <source>Signed in: {0}</source>
        <translation>Signed in: {0}</translation>
    </message>
    <message>
        <source>Return {0} · order {1}</source>
        <translation>Return {0} · order {1}</translation>
    </message>
    <message>
        <source>{0} tag(s)</source>
        <translation>{0} tag(s)</translation>
    </message>
    <message>
        <source>No photo ({0}): units are recorded without photos.</source>
        <translation>No photo ({0}): units are recorded without photos.</translation>
    </message>
    <message>
        <source>No photo of {0}: {1}. The unit is recorded.</source>
        <translation>No photo of {0}: {1}. The unit is recorded.</translation>
    </message>
    <message>
        <source>Photo not recorded: {0}. The unit is recorded.</source>
        <translation>Photo not recorded: {0}. The unit is recorded.</translation>
    </message>
    <message>
        <source>No printer path: {0} not printed.</source>
        <translation>No printer path: {0} not printed.</translation>
    </message>
    <message>
        <source>Order {0}: {1} carton(s) on {2} pallet(s), each with its SSCC.</source>
        <translation>Order {0}: {1} carton(s) on {2} pallet(s), each with its SSCC.</translation>
    </message>
    <message>
        <source>ASN for {0} written.</source>
        <translation>ASN for {0} written.</translation>
    </message>
    <message>
        <source>{0} pallet label(s)</source>
        <translation>{0} pallet label(s)</translation>
    </message>
    <message>
        <source>{0} carton label(s)</source>
        <translation>{0} carton label(s)</translation>
    </message>
    <message>
        <source>{0} did not print: {1}</source>
        <translation>{0} did not print: {1}</translation>
    </message>
    <message>
        <source>Order {0} has no {1}s yet: pack it first.</source>
        <translation>Order {0} has no {1}s yet: pack it first.</translation>
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
        <source>Expected weight hidden until the box is weighed</source>
        <translation>Expected weight hidden until the box is weighed</translation>
    </message>
    <message>
        <source>Type what the scale shows (F2): the expected weight shows after.</source>
        <translation>Type what the scale shows (F2): the expected weight shows after.</translation>
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
        <source>{0} (typed)</source>
        <translation>{0} (typed)</translation>
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
        <source>Put box {0} ({1}) on the scale</source>
        <translation>Put box {0} ({1}) on the scale</translation>
    </message>
    <message>
        <source>Weigh box {0} ({1}) and type its weight (F2)</source>
        <translation>Weigh box {0} ({1}) and type its weight (F2)</translation>
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
        <source>Serial</source>
        <translation>Serial</translation>
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
        <source>Screen</source>
        <translation>Screen</translation>
    </message>
    <message>
        <source>Station setup: ship-from address, printers (test print), scale, camera…</source>
        <translation>Station setup: ship-from address, printers (test print), scale, camera…</translation>
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
    <name>SetupWords</name>
    <message>
        <source>no ship-from address: every label says "Ship-from not configured"</source>
        <translation>no ship-from address: every label says "Ship-from not configured"</translation>
    </message>
    <message>
        <source>the ship-from address has no {missing}</source>
        <translation>the ship-from address has no {missing}</translation>
    </message>
    <message>
        <source>give a name or a company: the sender a carrier returns a parcel to</source>
        <translation>give a name or a company: the sender a carrier returns a parcel to</translation>
    </message>
    <message>
        <source>the street and number of the warehouse is missing</source>
        <translation>the street and number of the warehouse is missing</translation>
    </message>
    <message>
        <source>the city of the warehouse is missing</source>
        <translation>the city of the warehouse is missing</translation>
    </message>
    <message>
        <source>{text} is not a country (ISO 3166): choose one from the list</source>
        <translation>{text} is not a country (ISO 3166): choose one from the list</translation>
    </message>
    <message>
        <source>choose the warehouse's country</source>
        <translation>choose the warehouse's country</translation>
    </message>
    <message>
        <source>a postcode is needed in {country}</source>
        <translation>a postcode is needed in {country}</translation>
    </message>
    <message>
        <source>a postcode is needed in {country} (like {example})</source>
        <translation>a postcode is needed in {country} (like {example})</translation>
    </message>
    <message>
        <source>{postcode} is not a postcode of {country}</source>
        <translation>{postcode} is not a postcode of {country}</translation>
    </message>
    <message>
        <source>{postcode} is not a postcode of {country} (like {example})</source>
        <translation>{postcode} is not a postcode of {country} (like {example})</translation>
    </message>
    <message>
        <source>the state, province or region is needed in {country}</source>
        <translation>the state, province or region is needed in {country}</translation>
    </message>
    <message>
        <source>the state, province or region is needed in {country} (like {example})</source>
        <translation>the state, province or region is needed in {country} (like {example})</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>CUPS is not installed here (no lpstat): type a printer's address, like tcp://10.0.0.5:9100.</source>
        <translation>CUPS is not installed here (no lpstat): type a printer's address, like tcp://10.0.0.5:9100.</translation>
    </message>
    <message>
        <source>CUPS did not answer ({error}): is it running?</source>
        <translation>CUPS did not answer ({error}): is it running?</translation>
    </message>
    <message>
        <source>CUPS: {detail}</source>
        <translation>CUPS: {detail}</translation>
    </message>
    <message>
        <source>Choose a printer or type its address first (like tcp://10.0.0.5:9100).</source>
        <translation>Choose a printer or type its address first (like tcp://10.0.0.5:9100).</translation>
    </message>
    <message>
        <source>The test label did not print: {reason}</source>
        <translation>The test label did not print: {reason}</translation>
    </message>
    <message>
        <source>The test page did not print: {reason}</source>
        <translation>The test page did not print: {reason}</translation>
    </message>
    <message>
        <source>Sent a test label ({size} bytes of {kind}) to {uri}. Check that it came out and can be read.</source>
        <translation>Sent a test label ({size} bytes of {kind}) to {uri}. Check that it came out and can be read.</translation>
    </message>
    <message>
        <source>Sent a test page ({size} bytes of {kind}) to {uri}. Check that it came out and can be read.</source>
        <translation>Sent a test page ({size} bytes of {kind}) to {uri}. Check that it came out and can be read.</translation>
    </message>
    <message>
        <source>CUPS queue {queue}</source>
        <translation>CUPS queue {queue}</translation>
    </message>
    <message>
        <source>CUPS queue {queue} ({state})</source>
        <translation>CUPS queue {queue} ({state})</translation>
    </message>
    <message>
        <source>Scale simulator (for trying the station without a scale)</source>
        <translation>Scale simulator (for trying the station without a scale)</translation>
    </message>
    <message>
        <source>{camera} (default)</source>
        <translation>{camera} (default)</translation>
    </message>
    <message>
        <source>name or company</source>
        <translation>name or company</translation>
    </message>
    <message>
        <source>line1</source>
        <translation>line1</translation>
    </message>
    <message>
        <source>city</source>
        <translation>city</translation>
    </message>
    <message>
        <source>country</source>
        <translation>country</translation>
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
<context>
    <name>StationSetup</name>
    <message>
        <source>Station setup</source>
        <translation>Station setup</translation>
    </message>
    <message>
        <source>Looking for printers and serial ports…</source>
        <translation>Looking for printers and serial ports…</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Look again</translation>
    </message>
    <message>
        <source>Ship-from address (the sender on every label)</source>
        <translation>Ship-from address (the sender on every label)</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Choose one that was found, or type its address: tcp://10.0.0.5:9100, serial:///dev/ttyUSB0, cups://Queue_name.</source>
        <translation>Choose one that was found, or type its address: tcp://10.0.0.5:9100, serial:///dev/ttyUSB0, cups://Queue_name.</translation>
    </message>
    <message>
        <source>Scale and camera</source>
        <translation>Scale and camera</translation>
    </message>
    <message>
        <source>No scale: weights are typed or expected</source>
        <translation>No scale: weights are typed or expected</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>The computer's default camera</source>
        <translation>The computer's default camera</translation>
    </message>
    <message>
        <source>Camera (a photo of each packed box)</source>
        <translation>Camera (a photo of each packed box)</translation>
    </message>
    <message>
        <source>no printer queues or serial ports</source>
        <translation>no printer queues or serial ports</translation>
    </message>
    <message>
        <source>Set up this station: where parcels ship from, its printers, its scale and its camera.</source>
        <translation>Set up this station: where parcels ship from, its printers, its scale and its camera.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Nordlicht Versand GmbH</source>
        <translation>Nordlicht Versand GmbH</translation>
    </message>
    <message>
        <source>Name or department</source>
        <translation>Name or department</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Shipping</translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation>Street and number</translation>
    </message>
    <message>
        <source>Am Sandtorkai 5</source>
        <translation>Am Sandtorkai 5</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Address line 2</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Hamburg</source>
        <translation>Hamburg</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>State or region</source>
        <translation>State or region</translation>
    </message>
    <message>
        <source>where the post needs one</source>
        <translation>where the post needs one</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Label printer</translation>
    </message>
    <message>
        <source>Document printer (slips)</source>
        <translation>Document printer (slips)</translation>
    </message>
    <message>
        <source>None: save as files in the spool folder</source>
        <translation>None: save as files in the spool folder</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Test print</translation>
    </message>
    <message>
        <source>Found: {0}. Serial ports: {1}.</source>
        <translation>Found: {0}. Serial ports: {1}.</translation>
    </message>
    <message>
        <source>Saved to {0} (its comments are kept)</source>
        <translation>Saved to {0} (its comments are kept)</translation>
    </message>
    <message>
        <source>Choose the country…</source>
        <translation>Choose the country…</translation>
    </message>
    <message>
        <source>Printing a test label on {0}…</source>
        <translation>Printing a test label on {0}…</translation>
    </message>
    <message>
        <source>Could not look for printers: {0}</source>
        <translation>Could not look for printers: {0}</translation>
    </message>
    <message>
        <source>Not saved: {0} to correct. {1}</source>
        <translation>Not saved: {0} to correct. {1}</translation>
    </message>
    <message>
        <source>The test print failed: {0}</source>
        <translation>The test print failed: {0}</translation>
    </message>
</context>
<context>
    <name>SupervisorAudit</name>
    <message>
        <source>Anything</source>
        <translation>Anything</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>Packer</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>scale</translation>
    </message>
    <message>
        <source>typed by hand</source>
        <translation>typed by hand</translation>
    </message>
    <message>
        <source>not weighed</source>
        <translation>not weighed</translation>
    </message>
    <message>
        <source>Order number, tracking number, SKU, serial number or packer — type or scan, then Enter</source>
        <translation>Order number, tracking number, SKU, serial number or packer — type or scan, then Enter</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Export audit trail (CSV)</source>
        <translation>Export audit trail (CSV)</translation>
    </message>
    <message>
        <source>Find an order to see every scan, weight, override, print and photo.</source>
        <translation>Find an order to see every scan, weight, override, print and photo.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Select a parcel to see its open-box photo.</source>
        <translation>Select a parcel to see its open-box photo.</translation>
    </message>
    <message>
        <source>Open photo</source>
        <translation>Open photo</translation>
    </message>
    <message>
        <source>Parcels and photos</source>
        <translation>Parcels and photos</translation>
    </message>
    <message>
        <source>Print jobs</source>
        <translation>Print jobs</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>packing</source>
        <translation>packing</translation>
    </message>
    <message>
        <source>packed</source>
        <translation>packed</translation>
    </message>
    <message>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>shipped</translation>
    </message>
    <message>
        <source>Order not found</source>
        <translation>Order not found</translation>
    </message>
    <message>
        <source>No photo for this parcel.</source>
        <translation>No photo for this parcel.</translation>
    </message>
    <message>
        <source>Search failed: {0}</source>
        <translation>Search failed: {0}</translation>
    </message>
    <message>
        <source> (the newest {0})</source>
        <translation> (the newest {0})</translation>
    </message>
    <message>
        <source>{0} order(s){1}</source>
        <translation>{0} order(s){1}</translation>
    </message>
    <message>
        <source>Order {0} · {1}</source>
        <translation>Order {0} · {1}</translation>
    </message>
    <message>
        <source>Parcels and photos ({0})</source>
        <translation>Parcels and photos ({0})</translation>
    </message>
    <message>
        <source>Print jobs ({0})</source>
        <translation>Print jobs ({0})</translation>
    </message>
    <message>
        <source>Nothing found for “{0}”.</source>
        <translation>Nothing found for “{0}”.</translation>
    </message>
    <message>
        <source>Photo: {0}</source>
        <translation>Photo: {0}</translation>
    </message>
    <message>
        <source>the carton {carton}</source>
        <translation>the carton {carton}</translation>
    </message>
    <message>
        <source>Order opened</source>
        <translation>Order opened</translation>
    </message>
    <message>
        <source>Packing instructions confirmed</source>
        <translation>Packing instructions confirmed</translation>
    </message>
    <message>
        <source>Packed {units}× {sku} into box {box}{serial}{lot}{typed}</source>
        <translation>Packed {units}× {sku} into box {box}{serial}{lot}{typed}</translation>
    </message>
    <message>
        <source>Undone: {units}× {sku} taken out of box {box}</source>
        <translation>Undone: {units}× {sku} taken out of box {box}</translation>
    </message>
    <message>
        <source>Asked for the {needs} number of {sku}</source>
        <translation>Asked for the {needs} number of {sku}</translation>
    </message>
    <message>
        <source>Quantity {qty} set for the next item</source>
        <translation>Quantity {qty} set for the next item</translation>
    </message>
    <message>
        <source>Items missing: {missing}</source>
        <translation>Items missing: {missing}</translation>
    </message>
    <message>
        <source>Box {box} reopened</source>
        <translation>Box {box} reopened</translation>
    </message>
    <message>
        <source>Carton {carton} for box {box}</source>
        <translation>Carton {carton} for box {box}</translation>
    </message>
    <message>
        <source>Box {box} not weighed (weighing is off; expected {expected})</source>
        <translation>Box {box} not weighed (weighing is off; expected {expected})</translation>
    </message>
    <message>
        <source>Supervisor {name} approved {what}</source>
        <translation>Supervisor {name} approved {what}</translation>
    </message>
    <message>
        <source>Label for box {box} did not print: {message}</source>
        <translation>Label for box {box} did not print: {message}</translation>
    </message>
    <message>
        <source>Reprint of box {box}'s label</source>
        <translation>Reprint of box {box}'s label</translation>
    </message>
    <message>
        <source>Packing stopped, back to the queue: {reason}</source>
        <translation>Packing stopped, back to the queue: {reason}</translation>
    </message>
    <message>
        <source>Stopped at the bench: the order became {status} upstream</source>
        <translation>Stopped at the bench: the order became {status} upstream</translation>
    </message>
    <message>
        <source>Labels voided (box {boxes})</source>
        <translation>Labels voided (box {boxes})</translation>
    </message>
    <message>
        <source>Sync conflict ({kind}): {detail}</source>
        <translation>Sync conflict ({kind}): {detail}</translation>
    </message>
    <message>
        <source>Supervisor {name}: {action} — {reason}</source>
        <translation>Supervisor {name}: {action} — {reason}</translation>
    </message>
    <message>
        <source>shipping short</source>
        <translation>shipping short</translation>
    </message>
    <message>
        <source>the weight</source>
        <translation>the weight</translation>
    </message>
    <message>
        <source>the carton</source>
        <translation>the carton</translation>
    </message>
    <message>
        <source>Scan refused ({code}): {message}</source>
        <translation>Scan refused ({code}): {message}</translation>
    </message>
    <message>
        <source>Scan refused ({code}):</source>
        <translation>Scan refused ({code}):</translation>
    </message>
    <message>
        <source>Box {box} closed (last box)</source>
        <translation>Box {box} closed (last box)</translation>
    </message>
    <message>
        <source>Box {box} closed</source>
        <translation>Box {box} closed</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>✗ out of tolerance</source>
        <translation>✗ out of tolerance</translation>
    </message>
    <message>
        <source>Box {box} weighed {grams} (typed), expected {expected} ± {allowance} {verdict}</source>
        <translation>Box {box} weighed {grams} (typed), expected {expected} ± {allowance} {verdict}</translation>
    </message>
    <message>
        <source>Box {box} weighed {grams} ({source}), expected {expected} ± {allowance} {verdict}</source>
        <translation>Box {box} weighed {grams} ({source}), expected {expected} ± {allowance} {verdict}</translation>
    </message>
    <message>
        <source>Label printed for box {box}, tracking {tracking}</source>
        <translation>Label printed for box {box}, tracking {tracking}</translation>
    </message>
    <message>
        <source>Label printed for box {box}</source>
        <translation>Label printed for box {box}</translation>
    </message>
    <message>
        <source>Order packed in {boxes} box</source>
        <translation>Order packed in {boxes} box</translation>
    </message>
    <message>
        <source>Order packed in {boxes} boxes</source>
        <translation>Order packed in {boxes} boxes</translation>
    </message>
    <message>
        <source>Put on hold: {reason} (missing {missing})</source>
        <translation>Put on hold: {reason} (missing {missing})</translation>
    </message>
    <message>
        <source>Put on hold: {reason}</source>
        <translation>Put on hold: {reason}</translation>
    </message>
    <message>
        <source> · serial {serial}</source>
        <translation> · serial {serial}</translation>
    </message>
    <message>
        <source> · lot {lot}</source>
        <translation> · lot {lot}</translation>
    </message>
    <message>
        <source> · typed by hand</source>
        <translation> · typed by hand</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>serial</translation>
    </message>
    <message>
        <source>lot</source>
        <translation>lot</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>released to the queue</source>
        <translation>released to the queue</translation>
    </message>
    <message>
        <source>reassigned to {to}</source>
        <translation>reassigned to {to}</translation>
    </message>
    <message>
        <source>cancelled (will not ship)</source>
        <translation>cancelled (will not ship)</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
</context>
<context>
    <name>SupervisorChart</name>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>orders</translation>
    </message>
    <message>
        <source>units</source>
        <translation>units</translation>
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
        <translation>Orders</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Time with an order open plus short gaps between orders</source>
        <translation>Time with an order open plus short gaps between orders</translation>
    </message>
    <message>
        <source>Orders/h</source>
        <translation>Orders/h</translation>
    </message>
    <message>
        <source>Parcels/h</source>
        <translation>Parcels/h</translation>
    </message>
    <message>
        <source>Units/h</source>
        <translation>Units/h</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Weighted</translation>
    </message>
    <message>
        <source>Orders weighted by difficulty</source>
        <translation>Orders weighted by difficulty</translation>
    </message>
    <message>
        <source>Weighted/h</source>
        <translation>Weighted/h</translation>
    </message>
    <message>
        <source>Fair productivity: weighted orders per active hour</source>
        <translation>Fair productivity: weighted orders per active hour</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Median time per order, opened → packed</source>
        <translation>Median time per order, opened → packed</translation>
    </message>
    <message>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <source>9 in 10 orders took at most this long</source>
        <translation>9 in 10 orders took at most this long</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>Time between orders, breaks over 30 min left out</source>
        <translation>Time between orders, breaks over 30 min left out</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Scan errors: refused scans / all scans</source>
        <translation>Scan errors: refused scans / all scans</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Holds</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Voids</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>Reprints</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Overrides</translation>
    </message>
    <message>
        <source>Supervisor approvals (short or weight)</source>
        <translation>Supervisor approvals (short or weight)</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Boxes reopened</source>
        <translation>Boxes reopened</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Refused scans</source>
        <translation>Refused scans</translation>
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
        <translation>State</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>On order</translation>
    </message>
    <message>
        <source>Time since the order was opened</source>
        <translation>Time since the order was opened</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Last activity</translation>
    </message>
    <message>
        <source>Quiet for</source>
        <translation>Quiet for</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Orders today</source>
        <translation>Orders today</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>How long the tote has waited</source>
        <translation>How long the tote has waited</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Found by</translation>
    </message>
    <message>
        <source>Hold reason</source>
        <translation>Hold reason</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>Units shipped in the period (stock movements, net of voided labels)</source>
        <translation>Units shipped in the period (stock movements, net of voided labels)</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Units returned in the period that were in their order</source>
        <translation>Units returned in the period that were in their order</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>Return rate</translation>
    </message>
    <message>
        <source>Returned / shipped units</source>
        <translation>Returned / shipped units</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Every unit graded at the returns bench, wrong items included</source>
        <translation>Every unit graded at the returns bench, wrong items included</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Return parcels with a unit graded in the period</source>
        <translation>Return parcels with a unit graded in the period</translation>
    </message>
    <message>
        <source>Restocked</source>
        <translation>Restocked</translation>
    </message>
    <message>
        <source>Units back in a sellable bin in the period</source>
        <translation>Units back in a sellable bin in the period</translation>
    </message>
    <message>
        <source>Median restock</source>
        <translation>Median restock</translation>
    </message>
    <message>
        <source>Median time from receipt to restock</source>
        <translation>Median time from receipt to restock</translation>
    </message>
    <message>
        <source>P90 restock</source>
        <translation>P90 restock</translation>
    </message>
    <message>
        <source>9 in 10 units were back in a bin within this time</source>
        <translation>9 in 10 units were back in a bin within this time</translation>
    </message>
    <message>
        <source>Lines counted</source>
        <translation>Lines counted</translation>
    </message>
    <message>
        <source>SKU-bin lines of cycle counts approved in the period</source>
        <translation>SKU-bin lines of cycle counts approved in the period</translation>
    </message>
    <message>
        <source>Line accuracy</source>
        <translation>Line accuracy</translation>
    </message>
    <message>
        <source>Counted lines without variance</source>
        <translation>Counted lines without variance</translation>
    </message>
    <message>
        <source>Units off</source>
        <translation>Units off</translation>
    </message>
    <message>
        <source>Sum of |counted - expected| units</source>
        <translation>Sum of |counted - expected| units</translation>
    </message>
    <message>
        <source>Unit accuracy</source>
        <translation>Unit accuracy</translation>
    </message>
    <message>
        <source>1 - units off / units expected</source>
        <translation>1 - units off / units expected</translation>
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
        <source>Units shipped in the period, net of voided labels</source>
        <translation>Units shipped in the period, net of voided labels</translation>
    </message>
    <message>
        <source>Units returned in the period (in their order)</source>
        <translation>Units returned in the period (in their order)</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Returned / shipped</source>
        <translation>Returned / shipped</translation>
    </message>
    <message>
        <source>Resellable</source>
        <translation>Resellable</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Wrong item</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation>Missing parts</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Share of every unit received in the period</source>
        <translation>Share of every unit received in the period</translation>
    </message>
    <message>
        <source>Units / all units shipped in the period</source>
        <translation>Units / all units shipped in the period</translation>
    </message>
    <message>
        <source>Not in order</source>
        <translation>Not in order</translation>
    </message>
    <message>
        <source>Units the order never had</source>
        <translation>Units the order never had</translation>
    </message>
    <message>
        <source>Return parcels</source>
        <translation>Return parcels</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>At the bench: restocked when graded; from quarantine: released by a supervisor</source>
        <translation>At the bench: restocked when graded; from quarantine: released by a supervisor</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>Longest</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Counts</translation>
    </message>
    <message>
        <source>Cycle counts approved in the period</source>
        <translation>Cycle counts approved in the period</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>SKU-bin lines counted (final round)</source>
        <translation>SKU-bin lines counted (final round)</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Lines without variance</source>
        <translation>Lines without variance</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Sum of |counted - expected|</source>
        <translation>Sum of |counted - expected|</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Counted - expected: below zero, units missing</source>
        <translation>Counted - expected: below zero, units missing</translation>
    </message>
    <message>
        <source>Orders
/h</source>
        <translation>Orders
/h</translation>
    </message>
    <message>
        <source>Parcels
/h</source>
        <translation>Parcels
/h</translation>
    </message>
    <message>
        <source>Units
/h</source>
        <translation>Units
/h</translation>
    </message>
    <message>
        <source>Weighted
/h</source>
        <translation>Weighted
/h</translation>
    </message>
    <message>
        <source>Scan
errors</source>
        <translation>Scan
errors</translation>
    </message>
    <message>
        <source>Re-
prints</source>
        <translation>Re-
prints</translation>
    </message>
    <message>
        <source>Over-
rides</source>
        <translation>Over-
rides</translation>
    </message>
    <message>
        <source>Boxes
reopened</source>
        <translation>Boxes
reopened</translation>
    </message>
    <message>
        <source>Median
order</source>
        <translation>Median
order</translation>
    </message>
    <message>
        <source>P90
order</source>
        <translation>P90
order</translation>
    </message>
    <message>
        <source>Orders
today</source>
        <translation>Orders
today</translation>
    </message>
    <message>
        <source>On
order</source>
        <translation>On
order</translation>
    </message>
    <message>
        <source>Return
rate</source>
        <translation>Return
rate</translation>
    </message>
    <message>
        <source>Lines
right</source>
        <translation>Lines
right</translation>
    </message>
    <message>
        <source>Line
accuracy</source>
        <translation>Line
accuracy</translation>
    </message>
    <message>
        <source>Units
expected</source>
        <translation>Units
expected</translation>
    </message>
    <message>
        <source>Units
counted</source>
        <translation>Units
counted</translation>
    </message>
    <message>
        <source>Units
off</source>
        <translation>Units
off</translation>
    </message>
    <message>
        <source>Unit
accuracy</source>
        <translation>Unit
accuracy</translation>
    </message>
    <message>
        <source>Not in
order</source>
        <translation>Not in
order</translation>
    </message>
    <message>
        <source>Missing
parts</source>
        <translation>Missing
parts</translation>
    </message>
    <message>
        <source>Wrong
item</source>
        <translation>Wrong
item</translation>
    </message>
    <message>
        <source>Share of
returns</source>
        <translation>Share of
returns</translation>
    </message>
    <message>
        <source>Median
restock</source>
        <translation>Median
restock</translation>
    </message>
    <message>
        <source>P90
restock</source>
        <translation>P90
restock</translation>
    </message>
    <message>
        <source>Lines
counted</source>
        <translation>Lines
counted</translation>
    </message>
</context>
<context>
    <name>SupervisorEntry</name>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Supervisor console</source>
        <translation>Supervisor console</translation>
    </message>
    <message>
        <source>Open the supervisor's console ({0})</source>
        <translation>Open the supervisor's console ({0})</translation>
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
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Printers (the print queue in this database)</source>
        <translation>Printers (the print queue in this database)</translation>
    </message>
    <message>
        <source>{0} station · updated {1} ({2:.0f} ms) · every {3} s</source>
        <translation>{0} station · updated {1} ({2:.0f} ms) · every {3} s</translation>
    </message>
    <message>
        <source>{0} stations · updated {1} ({2:.0f} ms) · every {3} s</source>
        <translation>{0} stations · updated {1} ({2:.0f} ms) · every {3} s</translation>
    </message>
    <message>
        <source>need a supervisor</source>
        <translation>need a supervisor</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>to check</translation>
    </message>
    <message>
        <source>packing</source>
        <translation>packing</translation>
    </message>
    <message>
        <source>waiting for an order</source>
        <translation>waiting for an order</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>signed out</translation>
    </message>
    <message>
        <source>Floor not updated: {0}</source>
        <translation>Floor not updated: {0}</translation>
    </message>
    <message>
        <source>Choosing a carton</source>
        <translation>Choosing a carton</translation>
    </message>
    <message>
        <source>Weighing</source>
        <translation>Weighing</translation>
    </message>
    <message>
        <source>Labelling</source>
        <translation>Labelling</translation>
    </message>
    <message>
        <source>Items missing: needs a supervisor</source>
        <translation>Items missing: needs a supervisor</translation>
    </message>
    <message>
        <source>Label did not print</source>
        <translation>Label did not print</translation>
    </message>
    <message>
        <source>STOP: order cancelled or held upstream</source>
        <translation>STOP: order cancelled or held upstream</translation>
    </message>
    <message>
        <source>Packing (last scan refused)</source>
        <translation>Packing (last scan refused)</translation>
    </message>
    <message>
        <source>No activity yet</source>
        <translation>No activity yet</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Waiting for an order</source>
        <translation>Waiting for an order</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Packing</translation>
    </message>
    <message>
        <source>Weight check: needs a supervisor</source>
        <translation>Weight check: needs a supervisor</translation>
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
        <translation>Failed {when}</translation>
    </message>
    <message>
        <source>Failed {when}: {message}</source>
        <translation>Failed {when}: {message}</translation>
    </message>
</context>
<context>
    <name>SupervisorHolds</name>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>DECISION</source>
        <translation>DECISION</translation>
    </message>
    <message>
        <source>Select a hold</source>
        <translation>Select a hold</translation>
    </message>
    <message>
        <source>Reason (required), e.g. replacement picked from A-01-2</source>
        <translation>Reason (required), e.g. replacement picked from A-01-2</translation>
    </message>
    <message>
        <source>Reassign to: bench or packer</source>
        <translation>Reassign to: bench or packer</translation>
    </message>
    <message>
        <source>Release to the packing queue</source>
        <translation>Release to the packing queue</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <source>Cancel the order (will not ship)</source>
        <translation>Cancel the order (will not ship)</translation>
    </message>
    <message>
        <source>Acknowledge the conflict</source>
        <translation>Acknowledge the conflict</translation>
    </message>
    <message>
        <source>Open the order's audit trail</source>
        <translation>Open the order's audit trail</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Choose a tote on the left, write why, then decide.</source>
        <translation>Choose a tote on the left, write why, then decide.</translation>
    </message>
    <message>
        <source>Cancel the order?</source>
        <translation>Cancel the order?</translation>
    </message>
    <message>
        <source>{0} order(s) on hold, {1} sync conflict(s), oldest first. Every decision is recorded with your name and reason.</source>
        <translation>{0} order(s) on hold, {1} sync conflict(s), oldest first. Every decision is recorded with your name and reason.</translation>
    </message>
    <message>
        <source>Order {0}: {1}</source>
        <translation>Order {0}: {1}</translation>
    </message>
    <message>
        <source>Order {0} will be cancelled and will not ship. Continue?</source>
        <translation>Order {0} will be cancelled and will not ship. Continue?</translation>
    </message>
    <message>
        <source>Not loaded: {0}</source>
        <translation>Not loaded: {0}</translation>
    </message>
</context>
<context>
    <name>SupervisorLogin</name>
    <message>
        <source>Supervisor sign-in</source>
        <translation>Supervisor sign-in</translation>
    </message>
    <message>
        <source>Supervisors and admins only</source>
        <translation>Supervisors and admins only</translation>
    </message>
    <message>
        <source>Scan your badge or type your name, then your PIN.</source>
        <translation>Scan your badge or type your name, then your PIN.</translation>
    </message>
    <message>
        <source>badge or name</source>
        <translation>badge or name</translation>
    </message>
    <message>
        <source>Badge or name</source>
        <translation>Badge or name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Give your badge or name, and your PIN.</source>
        <translation>Give your badge or name, and your PIN.</translation>
    </message>
    <message>
        <source>Sign-in failed: {0}</source>
        <translation>Sign-in failed: {0}</translation>
    </message>
</context>
<context>
    <name>SupervisorProductivity</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Early shift</source>
        <translation>Early shift</translation>
    </message>
    <message>
        <source>Late shift</source>
        <translation>Late shift</translation>
    </message>
    <message>
        <source>Night shift</source>
        <translation>Night shift</translation>
    </message>
    <message>
        <source>Early shift (06–14)</source>
        <translation>Early shift (06–14)</translation>
    </message>
    <message>
        <source>Late shift (14–22)</source>
        <translation>Late shift (14–22)</translation>
    </message>
    <message>
        <source>Night shift (22–06)</source>
        <translation>Night shift (22–06)</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Custom range…</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy</source>
        <translation>ddd dd MMM yyyy</translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <translation>ddd dd MMM</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation>not enough data</translation>
    </message>
    <message>
        <source>single unit</source>
        <translation>single unit</translation>
    </message>
    <message>
        <source>one SKU, several units</source>
        <translation>one SKU, several units</translation>
    </message>
    <message>
        <source>mixed SKUs</source>
        <translation>mixed SKUs</translation>
    </message>
    <message>
        <source>serial-tracked</source>
        <translation>serial-tracked</translation>
    </message>
    <message>
        <source>Rates are per active hour; an order counts when it is packed, with its whole cycle time.</source>
        <translation>Rates are per active hour; an order counts when it is packed, with its whole cycle time.</translation>
    </message>
    <message>
        <source>Preparing statistics for the first time: %p %</source>
        <translation>Preparing statistics for the first time: %p %</translation>
    </message>
    <message>
        <source>per packer</source>
        <translation>per packer</translation>
    </message>
    <message>
        <source>per station</source>
        <translation>per station</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Shift report (PDF)</source>
        <translation>Shift report (PDF)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Save the shift report</source>
        <translation>Save the shift report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Difficulty weights: {0}.</source>
        <translation>Difficulty weights: {0}.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Orders / h</source>
        <translation>Orders / h</translation>
    </message>
    <message>
        <source>Orders per active hour</source>
        <translation>Orders per active hour</translation>
    </message>
    <message>
        <source>Weighted / h</source>
        <translation>Weighted / h</translation>
    </message>
    <message>
        <source>Fair productivity: orders weighted by difficulty, per active hour</source>
        <translation>Fair productivity: orders weighted by difficulty, per active hour</translation>
    </message>
    <message>
        <source>Median order</source>
        <translation>Median order</translation>
    </message>
    <message>
        <source>Median time from order opened to packed</source>
        <translation>Median time from order opened to packed</translation>
    </message>
    <message>
        <source>P90 order</source>
        <translation>P90 order</translation>
    </message>
    <message>
        <source>9 in 10 orders took at most this long</source>
        <translation>9 in 10 orders took at most this long</translation>
    </message>
    <message>
        <source>Scan errors</source>
        <translation>Scan errors</translation>
    </message>
    <message>
        <source>Refused scans / all scans</source>
        <translation>Refused scans / all scans</translation>
    </message>
    <message>
        <source>Holds in period</source>
        <translation>Holds in period</translation>
    </message>
    <message>
        <source>Orders put on hold at a bench in this period</source>
        <translation>Orders put on hold at a bench in this period</translation>
    </message>
    <message>
        <source>Other exceptions</source>
        <translation>Other exceptions</translation>
    </message>
    <message>
        <source>Orders and units per hour — {0}</source>
        <translation>Orders and units per hour — {0}</translation>
    </message>
    <message>
        <source>— in a rate: not enough data (less than {0} min of active time; a rate from a few minutes is no hourly rate).</source>
        <translation>— in a rate: not enough data (less than {0} min of active time; a rate from a few minutes is no hourly rate).</translation>
    </message>
    <message>
        <source>Not loaded: {0}</source>
        <translation>Not loaded: {0}</translation>
    </message>
    <message>
        <source>All {0}</source>
        <translation>All {0}</translation>
    </message>
    <message>
        <source>packers</source>
        <translation>packers</translation>
    </message>
    <message>
        <source>stations</source>
        <translation>stations</translation>
    </message>
    <message>
        <source>{0} · as of {1}</source>
        <translation>{0} · as of {1}</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Voids {0} · reprints {1} · supervisor overrides {2} · boxes reopened {3}</source>
        <translation>Voids {0} · reprints {1} · supervisor overrides {2} · boxes reopened {3}</translation>
    </message>
</context>
<context>
    <name>SupervisorReturns</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Units shipped</source>
        <translation>Units shipped</translation>
    </message>
    <message>
        <source>Shipment stock movements, net of voided labels</source>
        <translation>Shipment stock movements, net of voided labels</translation>
    </message>
    <message>
        <source>Units returned</source>
        <translation>Units returned</translation>
    </message>
    <message>
        <source>Graded at the returns bench, wrong items left out</source>
        <translation>Graded at the returns bench, wrong items left out</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>Return rate</translation>
    </message>
    <message>
        <source>Units returned / units shipped in the period</source>
        <translation>Units returned / units shipped in the period</translation>
    </message>
    <message>
        <source>Units restocked</source>
        <translation>Units restocked</translation>
    </message>
    <message>
        <source>Back in a sellable bin in the period</source>
        <translation>Back in a sellable bin in the period</translation>
    </message>
    <message>
        <source>Median restock</source>
        <translation>Median restock</translation>
    </message>
    <message>
        <source>From the return's receipt to a sellable bin</source>
        <translation>From the return's receipt to a sellable bin</translation>
    </message>
    <message>
        <source>P90 restock</source>
        <translation>P90 restock</translation>
    </message>
    <message>
        <source>9 in 10 units were back in a bin within this time</source>
        <translation>9 in 10 units were back in a bin within this time</translation>
    </message>
    <message>
        <source>Line accuracy</source>
        <translation>Line accuracy</translation>
    </message>
    <message>
        <source>Counted lines without variance (approved counts)</source>
        <translation>Counted lines without variance (approved counts)</translation>
    </message>
    <message>
        <source>Unit accuracy</source>
        <translation>Unit accuracy</translation>
    </message>
    <message>
        <source>1 - units off / units expected</source>
        <translation>1 - units off / units expected</translation>
    </message>
    <message>
        <source>Units off</source>
        <translation>Units off</translation>
    </message>
    <message>
        <source>Sum of |counted - expected| in approved counts</source>
        <translation>Sum of |counted - expected| in approved counts</translation>
    </message>
    <message>
        <source>Not loaded: {0}</source>
        <translation>Not loaded: {0}</translation>
    </message>
    <message>
        <source>{0} · as of {1}</source>
        <translation>{0} · as of {1}</translation>
    </message>
</context>
<context>
    <name>SupervisorTable</name>
    <message>
        <source>{0} (hidden: not enough room)</source>
        <translation>{0} (hidden: not enough room)</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>Packstation — Supervisor</source>
        <translation>Packstation — Supervisor</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Productivity</source>
        <translation>Productivity</translation>
    </message>
    <message>
        <source>Orders and audit</source>
        <translation>Orders and audit</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Holds</translation>
    </message>
    <message>
        <source>Returns &amp;&amp; stock</source>
        <translation>Returns &amp;&amp; stock</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Sign in to see the floor.</source>
        <translation>Sign in to see the floor.</translation>
    </message>
    <message>
        <source>Packstation</source>
        <translation>Packstation</translation>
    </message>
    <message>
        <source>Supervisor console</source>
        <translation>Supervisor console</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Writing the shift report…</source>
        <translation>Writing the shift report…</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>signed out</translation>
    </message>
    <message>
        <source>Signed in as {0}.</source>
        <translation>Signed in as {0}.</translation>
    </message>
    <message>
        <source>Locked ({0}). Sign in to continue.</source>
        <translation>Locked ({0}). Sign in to continue.</translation>
    </message>
    <message>
        <source>Holds ({0})</source>
        <translation>Holds ({0})</translation>
    </message>
    <message>
        <source>no activity for {0} minutes</source>
        <translation>no activity for {0} minutes</translation>
    </message>
    <message>
        <source>Order {0}: {1}. Recorded in the audit trail.</source>
        <translation>Order {0}: {1}. Recorded in the audit trail.</translation>
    </message>
    <message>
        <source>Shift report saved: {0}</source>
        <translation>Shift report saved: {0}</translation>
    </message>
    <message>
        <source>Shift report not saved: {0}</source>
        <translation>Shift report not saved: {0}</translation>
    </message>
</context>
<context>
    <name>SyncReasons</name>
    <message>
        <source>not connected yet</source>
        <translation>not connected yet</translation>
    </message>
    <message>
        <source>connected to the central database</source>
        <translation>connected to the central database</translation>
    </message>
    <message>
        <source>central database not answering (waited {seconds} s)</source>
        <translation>central database not answering (waited {seconds} s)</translation>
    </message>
    <message>
        <source>central database did not answer within {ms} ms</source>
        <translation>central database did not answer within {ms} ms</translation>
    </message>
    <message>
        <source>central database unreachable: {error}</source>
        <translation>central database unreachable: {error}</translation>
    </message>
    <message>
        <source>central database unreachable</source>
        <translation>central database unreachable</translation>
    </message>
    <message>
        <source>central database refused: {error}</source>
        <translation>central database refused: {error}</translation>
    </message>
    <message>
        <source>sync error: {error}</source>
        <translation>sync error: {error}</translation>
    </message>
    <message>
        <source>Offline: packing the orders this station holds. {reason}</source>
        <translation>Offline: packing the orders this station holds. {reason}</translation>
    </message>
    <message>
        <source>{count} events waiting to be sent</source>
        <translation>{count} events waiting to be sent</translation>
    </message>
    <message>
        <source>{first} · {then}</source>
        <translation>{first} · {then}</translation>
    </message>
</context>
</TS>
