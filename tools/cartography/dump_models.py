"""Dumps Cartography's node and relationship models as JSON, for skygraph's compatibility test.

Usage: python3 dump_models.py <folder holding the unpacked cartography wheel>

Imports every module under cartography/models (they need only the standard library),
instantiates each CartographyNodeSchema and each stand-alone CartographyRelSchema (match
links), and prints what a graph written by Cartography holds: labels with their kind
(standard, ontology, compatibility), the key, property names, and relationships with type,
direction and target label. Nothing is hand-copied: the test reads Cartography itself.
"""

import dataclasses
import importlib
import json
import pkgutil
import sys


def rel_json(rel):
    matcher = rel.target_node_matcher
    keys = sorted(f.name for f in dataclasses.fields(matcher)) if dataclasses.is_dataclass(matcher) else []
    out = {
        "type": rel.rel_label,
        "direction": "out" if rel.direction.name == "OUTWARD" else "in",
        "target": rel.target_node_label,
        "targetKeys": keys,
        "properties": sorted(f.name for f in dataclasses.fields(rel.properties)),
    }
    source = getattr(rel, "source_node_label", None)
    if source:
        out["source"] = source
    return out


def label_json(extra):
    return {
        "label": extra.label,
        "kind": extra.kind.value,
        "conditions": [list(c) for c in extra.conditions],
        "removeIn": extra.remove_in,
    }


def node_json(schema, module):
    props = {}
    for field in dataclasses.fields(schema.properties):
        ref = getattr(schema.properties, field.name)
        props[field.name] = {
            "source": getattr(ref, "name", None),
            "setInKwargs": bool(getattr(ref, "set_in_kwargs", False)),
            "extraIndex": bool(getattr(ref, "extra_index", False)),
        }
    extra = schema.extra_node_labels
    sub = schema.sub_resource_relationship
    other = schema.other_relationships
    return {
        "label": schema.label,
        "module": module,
        "extraLabels": [label_json(e) for e in (extra.labels if extra else ())],
        "properties": props,
        "subResource": rel_json(sub) if sub else None,
        "relationships": [rel_json(r) for r in (other.rels if other else [])],
    }


def main(root):
    sys.path.insert(0, root)
    import cartography.models
    from cartography.models.core.nodes import CartographyNodeSchema
    from cartography.models.core.relationships import CartographyRelSchema

    nodes, links, failures = [], [], []
    for info in pkgutil.walk_packages(cartography.models.__path__, "cartography.models."):
        try:
            module = importlib.import_module(info.name)
        except Exception as error:  # a model module that needs a third-party package
            failures.append({"module": info.name, "error": repr(error)})
            continue
        for value in vars(module).values():
            if not isinstance(value, type) or value.__module__ != info.name or not dataclasses.is_dataclass(value):
                continue
            # The MRO, not issubclass(): ABC subclass checks over ~9,000 classes take a minute.
            if CartographyNodeSchema in value.__mro__[1:]:
                nodes.append(node_json(value(), info.name))
            elif CartographyRelSchema in value.__mro__[1:] and "source_node_label" in value.__dataclass_fields__:
                try:
                    links.append(rel_json(value()))
                except TypeError:
                    pass
    # (resource)-[:TAGGED]->(AWSTag) is written by a template query (intel/aws/resourcegroupstaggingapi.py),
    # not a model: its mapping table says which labels get it.
    from cartography.models.aws_tagging import AWS_TAGGABLE_RESOURCES

    for resource in AWS_TAGGABLE_RESOURCES:
        link = {"type": "TAGGED", "direction": "out", "target": "AWSTag", "targetKeys": ["id"], "properties": []}
        links.append({**link, "source": resource.label})
    import importlib.metadata as metadata

    try:
        version = metadata.version("cartography")
    except metadata.PackageNotFoundError:
        version = None
    json.dump(
        {"version": version, "nodes": nodes, "matchLinks": links, "importFailures": failures},
        sys.stdout,
        indent=1,
        sort_keys=True,
    )


if __name__ == "__main__":
    main(sys.argv[1])
