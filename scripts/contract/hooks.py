"""Schemathesis hooks of scripts/contract.sh (loaded through SCHEMATHESIS_HOOKS).

Two things the configuration file cannot say:

* Operator operations (brand creation, network imports) take an admin key,
  while every other `api_key` operation takes the demo brand's merchant key:
  a request that carries the merchant key gets the admin key instead. A
  request whose credential the fuzzer removed or changed is left alone.
* A body that names a return item can only succeed with a real item id: a
  generated id (a string, as the schema says) is replaced by the id of the
  item of the return the operation acts on (scripts/contract/fixtures.sh).
  Values of another type are left alone, so a request meant to violate the
  schema still does.
* A payment can only succeed with the amount the return owes: a generated
  amount (an integer, in a money object) on the payment fixture's return is
  replaced by its amount due in EUR; other shapes are left alone.
* Retiring a vendor revokes its keys, and the vendor operations run with the
  demo vendor's key: a request that would retire the demo vendor (`DELETE`,
  or `PATCH` with `"active": false`) retires a vendor made for that in the
  round instead (scripts/contract/fixtures.sh).
"""

import os

import schemathesis

ADMIN_OPERATIONS = {
    "POST /v1/brands",
    "POST /v1/service-points/import",
    "POST /v1/postal-centroids/import",
}

# Operation -> the variable holding the item id of the return it acts on.
ITEM_OF = {
    "POST /v1/brands/{brand}/returns/{id}/approve": "CONTRACT_APPROVE_ITEM",
    "POST /v1/brands/{brand}/returns/{id}/receive": "CONTRACT_RECEIVE_ITEM",
    "POST /v1/brands/{brand}/receipts": "CONTRACT_SCAN_ITEM",
    "POST /v1/brands/{brand}/returns/{id}/parts/{part_id}/approve": "CONTRACT_PART_APPROVE_ITEM",
    "POST /v1/brands/{brand}/vendor/returns/{id}/approve": "CONTRACT_VENDOR_APPROVE_ITEM",
    "POST /v1/brands/{brand}/vendor/returns/{id}/receive": "CONTRACT_VENDOR_RECEIVE_ITEM",
}


VENDOR = "/v1/brands/{brand}/vendors/{vendor_id}"
PAYMENT = "POST /v1/brands/{brand}/returns/{id}/payments"
RECEIPT = "POST /v1/brands/{brand}/receipts"


@schemathesis.hook
def before_call(context, case, kwargs):
    """Runs before every request of every phase, the coverage phase included."""
    label = case.operation.label
    if label in ADMIN_OPERATIONS:
        use_admin_key(case)
    if label == f"DELETE {VENDOR}" or (
        label == f"PATCH {VENDOR}" and isinstance(case.body, dict) and case.body.get("active") is False
    ):
        spare_the_demo_vendor(case)
    if label == PAYMENT:
        pay_what_is_due(case, os.environ.get("CONTRACT_PAYMENT_AMOUNT"))
    if label == RECEIPT:
        scan_the_real_return(case, os.environ.get("CONTRACT_SCAN_RMA"))
    variable = ITEM_OF.get(label)
    if variable:
        use_real_item(case, os.environ.get(variable))


def use_admin_key(case):
    merchant = f"Bearer {os.environ.get('CONTRACT_API_KEY', '')}"
    admin = os.environ.get("CONTRACT_ADMIN_KEY")
    headers = case.headers or {}
    for name in list(headers):
        if name.lower() == "authorization" and headers[name] == merchant and admin:
            headers[name] = f"Bearer {admin}"


def use_real_item(case, item):
    body = case.body
    if item and isinstance(body, dict) and isinstance(body.get("items"), list):
        for entry in body["items"]:
            if isinstance(entry, dict) and isinstance(entry.get("return_item_id"), str):
                entry["return_item_id"] = item


def scan_the_real_return(case, rma):
    body = case.body
    # Only a reference the schema allows is replaced: a request meant to
    # violate it still does.
    if rma and isinstance(body, dict) and isinstance(body.get("reference"), str) and body["reference"].strip():
        body["reference"] = rma


def pay_what_is_due(case, due):
    body = case.body
    if not (due and isinstance(body, dict) and isinstance(body.get("amount"), dict)):
        return
    money = body["amount"]
    amount, currency = money.get("amount"), money.get("currency")
    # Only an amount and a currency the schema allows: a request meant to
    # violate it still does.
    in_range = isinstance(amount, int) and not isinstance(amount, bool) and 0 <= amount <= 10**11
    a_code = isinstance(currency, str) and len(currency) == 3 and currency.isalpha()
    if in_range and a_code:
        money["amount"] = int(due)
        money["currency"] = "EUR"


def spare_the_demo_vendor(case):
    demo = os.environ.get("CONTRACT_VENDOR_ID")
    spare = os.environ.get("CONTRACT_RETIRE_VENDOR_ID")
    params = case.path_parameters
    if spare and spare != "none" and params and params.get("vendor_id") == demo:
        params["vendor_id"] = spare
