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
    "POST /v1/brands/{brand}/returns/{id}/parts/{part_id}/approve": "CONTRACT_PART_APPROVE_ITEM",
    "POST /v1/brands/{brand}/vendor/returns/{id}/approve": "CONTRACT_VENDOR_APPROVE_ITEM",
    "POST /v1/brands/{brand}/vendor/returns/{id}/receive": "CONTRACT_VENDOR_RECEIVE_ITEM",
}


VENDOR = "/v1/brands/{brand}/vendors/{vendor_id}"


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


def spare_the_demo_vendor(case):
    demo = os.environ.get("CONTRACT_VENDOR_ID")
    spare = os.environ.get("CONTRACT_RETIRE_VENDOR_ID")
    params = case.path_parameters
    if spare and spare != "none" and params and params.get("vendor_id") == demo:
        params["vendor_id"] = spare
