#!/usr/bin/env python3
"""Refresh the trimmed CodePipeline service model from the installed botocore.

Usage (from the repository root):
    python3 schemas/model/refresh-model.py
then regenerate the JSON Schemas (see schemas/README.md).

Keeps the operations listed below (job workers, action types, pipelines, executions, tags) and every
shape they reach, drops documentation strings,
and records the botocore version and the SHA-256 of the source model in PROVENANCE.md.
"""
import gzip
import hashlib
import json
import os
import sys

OPERATIONS = [
    # job workers
    "PollForThirdPartyJobs", "AcknowledgeThirdPartyJob", "GetThirdPartyJobDetails",
    "PutThirdPartyJobSuccessResult", "PutThirdPartyJobFailureResult",
    "PollForJobs", "AcknowledgeJob", "GetJobDetails", "PutJobSuccessResult", "PutJobFailureResult",
    # action types
    "CreateCustomActionType", "DeleteCustomActionType", "ListActionTypes", "GetActionType",
    # pipelines
    "CreatePipeline", "GetPipeline", "UpdatePipeline", "DeletePipeline", "ListPipelines",
    # executions
    "StartPipelineExecution", "StopPipelineExecution", "GetPipelineState", "GetPipelineExecution",
    "ListPipelineExecutions", "ListActionExecutions", "RetryStageExecution", "PutApprovalResult",
    "DisableStageTransition", "EnableStageTransition",
    # tags of pipelines and custom action types
    "TagResource", "UntagResource", "ListTagsForResource",
]
DROPPED_KEYS = {"documentation", "documentationUrl", "deprecatedMessage"}
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "codepipeline-2015-07-09.json")


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROPPED_KEYS}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def main():
    try:
        import botocore
    except ImportError:
        sys.exit("botocore is not installed: pip install botocore (or boto3), then run this again")
    source = os.path.join(os.path.dirname(botocore.__file__), "data", "codepipeline", "2015-07-09", "service-2.json.gz")
    raw = gzip.open(source).read()
    model = json.loads(raw)
    shapes = model["shapes"]
    reached = set()

    def walk(name):
        if name in reached:
            return
        reached.add(name)
        shape = shapes[name]
        for ref in ("member", "key", "value"):
            if ref in shape:
                walk(shape[ref]["shape"])
        for member in shape.get("members", {}).values():
            walk(member["shape"])

    operations = {}
    for op in OPERATIONS:
        definition = model["operations"][op]
        operations[op] = strip(definition)
        for ref in ("input", "output"):
            if ref in definition:
                walk(definition[ref]["shape"])
        for error in definition.get("errors", []):
            walk(error["shape"])

    trimmed = {
        "version": model.get("version", "2.0"),
        "metadata": strip(model["metadata"]),
        "operations": operations,
        "shapes": {name: strip(shapes[name]) for name in sorted(reached)},
    }
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        json.dump(trimmed, f, indent=2, sort_keys=True)
        f.write("\n")
    with open(os.path.join(HERE, "PROVENANCE.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Provenance of codepipeline-2015-07-09.json\n\n"
            f"- Source: `botocore/data/codepipeline/2015-07-09/service-2.json.gz` of botocore {botocore.__version__}\n"
            f"- SHA-256 of the uncompressed source model: `{hashlib.sha256(raw).hexdigest()}`\n"
            f"- Kept: the operations {', '.join(OPERATIONS)} and the {len(reached)} shapes they reach;\n"
            "  documentation strings removed, nothing else changed.\n"
            "- Refresh: `python3 schemas/model/refresh-model.py`, then regenerate the schemas (schemas/README.md).\n"
            "- Licence: Apache License 2.0, see NOTICE beside this file.\n"
        )
    print(f"wrote {OUT}: {len(operations)} operations, {len(reached)} shapes, botocore {botocore.__version__}")


if __name__ == "__main__":
    main()
