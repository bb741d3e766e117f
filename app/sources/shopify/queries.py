"""The GraphQL documents the Shopify adapter sends (Admin API 2025-10), and what each costs.

The order selection is written once and rendered two ways: with `first:` arguments and `nodes`
for a page of the `orders` connection (its requested cost must fit the bucket, so the nested
connections are kept small: 25 lines, 3 fulfillment orders), and with `edges { node }` and no
arguments for a bulk operation (bulk queries have no cost limit; each nested connection's nodes
come back as their own JSONL lines with `__parentId`). The mapping (app.sources.shopify.mapping)
reads the same shape from both.

Requested cost of one order in a page, by Shopify's rules (object 1, connection 2 + first x
(node 1 + its fields), scalars and enums 0): the order 1, customAttributes 1, shippingAddress 1,
shippingLines 2+3x1, lineItems 2+25x(line 1 + variant 1), fulfillmentOrders 2+3x(1 + holds 1 +
lines 2+25x(1 + lineItem 1)) = 224; a page of 4 orders asks 2 + 4x224 = 898 of the 1000 a
single query may ask. Actual cost is what came back: about 20 points for an order of two lines.
"""

from __future__ import annotations

import json

LINES_PER_ORDER = 25
FULFILLMENT_ORDERS_PER_ORDER = 3
SHIPPING_LINES_PER_ORDER = 3
ORDERS_PER_PAGE = 4  # requested cost 898 of the 1000 a query may ask
VARIANTS_PER_PRODUCT = 20
PRODUCTS_PER_PAGE = 10  # requested cost 2 + 10x(1 + 2 + 20x(1 + inventoryItem 3)) = 832

_ADDRESS = ("name firstName lastName company address1 address2 city province provinceCode zip country "
            "countryCodeV2 phone")
_LINE = "id name title sku quantity currentQuantity unfulfilledQuantity requiresShipping variant { id sku barcode }"
_FULFILLMENT_ORDER_LINE = "id remainingQuantity totalQuantity lineItem { id }"


def _connection(name: str, fields: str, first: int | None, *, paged: bool = False) -> str:
    if first is None:  # a bulk operation: every node, as its own JSONL line
        return f"{name} {{ edges {{ node {{ {fields} }} }} }}"
    page_info = " pageInfo { hasNextPage endCursor }" if paged else ""
    return f"{name}(first: {first}) {{{page_info} nodes {{ {fields} }} }}"


def order_fields(*, bulk: bool = False) -> str:
    """The fields of an order the station needs: header, ship-to, lines, fulfillment orders and holds."""
    def size(n: int) -> int | None:
        return None if bulk else n

    fulfillment_order = ("id status fulfillAt fulfillmentHolds { reason reasonNotes } "
                         + _connection("lineItems", _FULFILLMENT_ORDER_LINE, size(LINES_PER_ORDER), paged=not bulk))
    return " ".join((
        "id legacyResourceId name createdAt updatedAt cancelledAt cancelReason closed test",
        "displayFinancialStatus displayFulfillmentStatus email phone note tags",
        "customAttributes { key value }",
        f"shippingAddress {{ {_ADDRESS} }}",
        _connection("shippingLines", "id title code carrierIdentifier source", size(SHIPPING_LINES_PER_ORDER)),
        _connection("lineItems", _LINE, size(LINES_PER_ORDER), paged=not bulk),
        _connection("fulfillmentOrders", fulfillment_order, size(FULFILLMENT_ORDERS_PER_ORDER), paged=not bulk),
    ))


ORDERS_PAGE = f"""query OrdersChanged($first: Int!, $after: String, $query: String) {{
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {{
    pageInfo {{ hasNextPage endCursor }}
    nodes {{ {order_fields()} }}
  }}
}}"""

ORDER_ONE = f"""query OrderOne($id: ID!) {{
  order(id: $id) {{ {order_fields()} }}
}}"""

# The rest of an order with more lines or fulfillment orders than a page carries.
ORDER_LINES_MORE = f"""query OrderLinesMore($id: ID!, $after: String) {{
  order(id: $id) {{ id lineItems(first: 100, after: $after) {{
    pageInfo {{ hasNextPage endCursor }} nodes {{ {_LINE} }} }} }}
}}"""

FULFILLMENT_ORDER_LINES_MORE = f"""query FulfillmentOrderLinesMore($id: ID!, $after: String) {{
  fulfillmentOrder(id: $id) {{ id lineItems(first: 100, after: $after) {{
    pageInfo {{ hasNextPage endCursor }} nodes {{ {_FULFILLMENT_ORDER_LINE} }} }} }}
}}"""

ORDER_FULFILLMENT_ORDERS_MORE = f"""query OrderFulfillmentOrdersMore($id: ID!, $after: String) {{
  order(id: $id) {{ id fulfillmentOrders(first: 5, after: $after) {{ pageInfo {{ hasNextPage endCursor }}
    nodes {{ id status fulfillAt fulfillmentHolds {{ reason reasonNotes }}
      lineItems(first: 50) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {_FULFILLMENT_ORDER_LINE} }} }} }} }} }}
}}"""

def bulk_orders(search: str) -> str:
    """The bulk query for every order `search` finds (a bulk query takes no variables: inlined, JSON-quoted)."""
    return (f"{{ orders(query: {json.dumps(search)}, sortKey: UPDATED_AT) "
            f"{{ edges {{ node {{ {order_fields(bulk=True)} }} }} }} }}")


BULK_RUN = """mutation BulkOrders($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status createdAt }
    userErrors { field message }
  }
}"""

BULK_CURRENT = """query BulkCurrent {
  currentBulkOperation(type: QUERY) { id status errorCode createdAt completedAt objectCount rootObjectCount url }
}"""

_VARIANT = ("id legacyResourceId sku barcode title "
            "inventoryItem { measurement { weight { unit value } } }")
_PRODUCT = ("id title status updatedAt "
            f"variants(first: {VARIANTS_PER_PRODUCT}) {{ pageInfo {{ hasNextPage endCursor }} "
            f"nodes {{ {_VARIANT} }} }}")

PRODUCTS_PAGE = f"""query ProductsChanged($first: Int!, $after: String, $query: String) {{
  products(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {{
    pageInfo {{ hasNextPage endCursor }}
    nodes {{ {_PRODUCT} }}
  }}
}}"""

PRODUCT_VARIANTS_MORE = f"""query ProductVariantsMore($id: ID!, $after: String) {{
  product(id: $id) {{ id variants(first: 100, after: $after) {{
    pageInfo {{ hasNextPage endCursor }} nodes {{ {_VARIANT} }} }} }}
}}"""

# Write-back: what the order has already (so a retried parcel is not fulfilled twice), then where
# its open quantities are.
ORDER_FULFILLMENTS = """query OrderFulfillments($id: ID!) {
  order(id: $id) {
    id name cancelledAt
    fulfillments(first: 20) {
      id status
      trackingInfo(first: 3) { number company url }
      fulfillmentLineItems(first: 20) { nodes { quantity lineItem { id sku } } }
    }
  }
}"""

ORDER_OPEN_WORK = """query OrderFulfillmentOrders($id: ID!) {
  order(id: $id) {
    id
    fulfillmentOrders(first: 5) { nodes {
      id status
      assignedLocation { location { id } }
      fulfillmentHolds { reason reasonNotes }
      lineItems(first: 50) { nodes { id remainingQuantity lineItem { id sku } } }
    } }
  }
}"""

FULFILLMENT_CREATE = """mutation FulfillmentCreate($fulfillment: FulfillmentInput!, $message: String) {
  fulfillmentCreate(fulfillment: $fulfillment, message: $message) {
    fulfillment { id status trackingInfo(first: 1) { number company url } }
    userErrors { field message }
  }
}"""
