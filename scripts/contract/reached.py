"""What a Schemathesis run reached: status codes per operation of the spec.

    python3 scripts/contract/reached.py REPORT_DIR openapi/openapi.json

Reads the run's NDJSON report, prints one line per operation of the spec
(requests sent, how many succeeded, the other statuses), and exits 1 when an
operation was never called, or never answered 2xx although it can: a run
that only ever meets 401, 403 or 404 on an operation checks nothing of it.
The few operations that generated requests cannot make succeed are listed
below with the reason.
"""

import collections
import glob
import json
import os
import sys

# Operation -> why no generated request can succeed.
NO_SUCCESS_EXPECTED = {
    "POST /v1/carriers/{carrier}/tracking-events": (
        "signed with a carrier's tracking secret, which generated requests cannot "
        "carry (and the demo configures none)"
    ),
}


def operations(spec_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    for path, item in spec["paths"].items():
        for method in item:
            if method in ("get", "put", "post", "patch", "delete"):
                yield f"{method.upper()} {path}"


def statuses(report_dir):
    seen = collections.defaultdict(collections.Counter)
    for name in glob.glob(os.path.join(report_dir, "*.ndjson")):
        with open(name, encoding="utf-8") as f:
            for line in f:
                event = json.loads(line).get("ScenarioFinished")
                if not event:
                    continue
                recorder = event["recorder"]
                for case_id, case in recorder.get("cases", {}).items():
                    value = case["value"]
                    response = (recorder.get("interactions", {}).get(case_id) or {}).get("response")
                    if response:
                        seen[f"{value['method']} {value['path']}"][response["status_code"]] += 1
    return seen


def main():
    report_dir, spec_path = sys.argv[1], sys.argv[2]
    seen = statuses(report_dir)
    unreached = []
    print("\noperations reached (requests, 2xx, other statuses):")
    for op in operations(spec_path):
        counts = seen.get(op, collections.Counter())
        total = sum(counts.values())
        ok = sum(n for status, n in counts.items() if 200 <= status < 300)
        others = ", ".join(f"{status}×{n}" for status, n in sorted(counts.items()) if not 200 <= status < 300)
        mark = "ok" if ok else ("--" if op in NO_SUCCESS_EXPECTED else "NO 2xx")
        print(f"  {mark:6} {op:68} {total:5} {ok:5}  {others}")
        if not ok and op not in NO_SUCCESS_EXPECTED:
            unreached.append(op)
    for op, why in NO_SUCCESS_EXPECTED.items():
        print(f"  -- {op}: {why}")
    if unreached:
        print(f"\n{len(unreached)} operation(s) never succeeded: {', '.join(unreached)}")
        return 1
    print("\nevery operation that can succeed did")
    return 0


if __name__ == "__main__":
    sys.exit(main())
