"""Validate exported notebooks strictly against the vendored nbformat v4.5 JSON schema.

Usage (in a throwaway virtual environment with `pip install jsonschema`):
    python3 validate_ipynb.py NOTEBOOK.ipynb [...]

nbformat.validate silently repairs some mistakes, so this uses jsonschema directly. The schema
file is nbformat/v4/nbformat.v4.5.schema.json from the nbformat 5.11.1 wheel on PyPI.
"""

import json
import pathlib
import sys

import jsonschema

SCHEMA = pathlib.Path(__file__).with_name("nbformat.v4.5.schema.json")


def main(paths):
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.Draft4Validator(schema)
    failed = False
    for path in paths:
        notebook = json.loads(pathlib.Path(path).read_text())
        errors = sorted(validator.iter_errors(notebook), key=lambda e: list(e.path))
        ids = [cell["id"] for cell in notebook.get("cells", [])]
        if len(ids) != len(set(ids)):
            errors.append("cell ids are not unique")
        for error in errors:
            failed = True
            print(f"{path}: {getattr(error, 'message', error)}")
        if not errors:
            print(f"{path}: valid nbformat {notebook['nbformat']}.{notebook['nbformat_minor']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
