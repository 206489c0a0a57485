"""Dumps the facts of Cartography's rules (cartography/rules/data/rules) as JSON.

Usage: python3 dump_facts.py <folder holding the unpacked cartography wheel>

The rule modules import Cartography's runtime (boto3, neo4j, pydantic...), so they are
read, not imported: each `Fact(...)` call's literal arguments are taken from the syntax
tree. A fact whose Cypher is built by code is listed under "skipped" with its file.
"""

import ast
import json
import pathlib
import sys


def literal(node):
    try:
        return ast.literal_eval(node) if node is not None else None
    except ValueError:
        return None


def main(root):
    folder = pathlib.Path(root) / "cartography" / "rules" / "data" / "rules"
    facts, skipped = [], []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Fact"):
                continue
            args = {keyword.arg: keyword.value for keyword in node.keywords}
            module = args.get("module")
            fact = {
                "file": path.name,
                "id": literal(args.get("id")),
                "module": module.attr if isinstance(module, ast.Attribute) else None,
                "label": literal(args.get("asset_label")),
                "cypher": literal(args.get("cypher_query")),
            }
            (facts if isinstance(fact["cypher"], str) else skipped).append(fact)
    json.dump({"facts": facts, "skipped": skipped}, sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
