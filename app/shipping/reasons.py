"""Why a label could not be bought, by code: the English the packer always read, and a code for the screen.

A shipping error's `packer_message` is what the command line, the logs and an English screen show.
A screen in another language words it from its code and values instead: so the message is a
`CarrierReason`, a str (the English, unchanged) that also carries its `code`, its English `template`
(the key of the translation catalogue, context "CarrierReasons") and its `values` (app.ui.messages
words any such text). The carrier's own words (an address field it refused) stay a value, as sent.
Hand-written for the same reason as printers.reasons: a str with a code is all it takes.
"""

from __future__ import annotations

from app.domain.coded_text import CodedText

CARRIER_REASONS: dict[str, str] = {
    "client_missing": "The EasyPost client is not installed at this station. Tell a supervisor.",
    "no_label_sent": "The carrier accepted the purchase but sent no label. Press Retry.",
    "key_refused": "The carrier account refused this station's key. Tell a supervisor to check the EasyPost API "
                   "key; set the parcel aside and pack the next order.",
    "out_of_funds": "The postage account is out of funds. Tell a supervisor to top it up; set the parcel aside and "
                    "pack the next order.",
    "busy": "The carrier service is busy. Wait ten seconds, then press Retry.",
    "unknown_shipment": "The carrier does not know this shipment.",
    "address_refused": "The carrier cannot deliver to this address: {detail}. Set the parcel aside for the office to "
                       "correct the address.",
    "parcel_refused": "The carrier refused this parcel: {detail}. Check the weight and the box and press Retry; if it "
                      "fails again, set the parcel aside.",
    "not_answering": "The carrier service is not answering. Press Retry in a minute, or set the parcel aside and pack "
                     "the next order.",
    "request_refused": "The carrier refused the request: {detail}. Set the parcel aside and tell a supervisor.",
    "no_rate_source": "No rate source is configured. Tell a supervisor ([shipping] sources).",
    "being_bought": "The label for order {order} box {box} is being bought at this moment. Wait a few seconds, then "
                    "press Retry.",
    "maybe_bought": "The label for order {order} box {box} may have been bought, and the carrier cannot be asked right "
                    "now. Do not label this parcel by hand: press Retry in a minute (it looks the purchase up first), "
                    "or set it aside.",
    "source_gone": "This parcel's label came from {source}, which is no longer set up.",
    "address_unverified": "The ship-to address of order {order} cannot be verified: {detail}. Set the parcel aside for "
                          "the office to correct it.",
    "no_ship_from": "The station's ship-from address is not set. Tell a supervisor ([ship_from]).",
    "no_ship_to": "Order {order} has no complete ship-to address. Set the parcel aside for the office to correct it.",
    "key_file_open": "The carrier account key file can be read by other users of this computer. Tell a supervisor.",
    "key_file_unreadable": "The carrier account key file cannot be read. Tell a supervisor "
                           "(shipping.easypost_api_key_file).",
    "no_key": "No carrier account key is set up at this station. Tell a supervisor: set [shipping] "
              "easypost_api_key_file, or store the key in the keyring with `packstation shipping set-key`.",
    "no_keyring_package": "The station is set to read the carrier key from the keyring, but the keyring package is "
                          "not installed. Tell a supervisor.",
    "keyring_closed": "The keyring holding the carrier key cannot be opened. Tell a supervisor.",
}


class CarrierReason(CodedText):
    """The packer's English words for a shipping failure, with the code and values a screen words them from."""

    context = "CarrierReasons"
    templates = CARRIER_REASONS
