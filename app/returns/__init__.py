"""Returns, inventory and bulk shipments: the application side (service, CLI, ASN, demo data).

    service   ReturnStation: the returns bench, a ReturnSession wired to the store
    asn       the advance ship notice (JSON, CSV) and GS1 logistic label data
    cli       `packstation returns|stock|count|bulk ...`
    demo      demo stock, a wholesale order, shipped orders to return

No Qt here: a returns screen drives ReturnStation the way the packing screen drives Station.
"""
