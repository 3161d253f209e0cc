"""Validates rendered manifests against one Kubernetes line's JSON schemas, strictly.

Usage: es-validate-manifests.py LINE SCHEMA_DIR FILE...   (SCHEMA_DIR only used for 1.14)

Lines kubernetes-validate ships (1.25+) go through kubernetes_validate.validate(strict=True). The
1.14 schemas (from the 1.22.3 sdist) use draft-04 style "definitions" and relative references that
today's kubernetes-validate no longer resolves, so they are checked here with jsonschema's Draft 4
validator and a registry holding their _definitions.json. Exit 1 when any object fails or has no schema.
"""
import json
import os
import re
import sys

import jsonschema
import kubernetes_validate
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4


def schema_file(obj):
    api = re.sub(r'^([^./]*)(?:\.[^/]*)?/', r'\1-', obj['apiVersion'])
    return '%s-%s.json' % (obj['kind'].lower(), api)


def validate_114(obj, schema_dir):
    path = os.path.join(schema_dir, schema_file(obj))
    if not os.path.exists(path):
        raise LookupError('no schema for %s %s on Kubernetes 1.14' % (obj['apiVersion'], obj['kind']))
    with open(path) as f:
        schema = json.load(f)
    with open(os.path.join(schema_dir, '_definitions.json')) as f:
        definitions = json.load(f)
    registry = Registry().with_resource('_definitions.json', Resource.from_contents(definitions, DRAFT4))
    schema.pop('$schema', None)
    jsonschema.Draft4Validator(schema, registry=registry).validate(obj)


def main(line, schema_dir, files):
    failures = 0
    for name in files:
        with open(name) as f:
            for obj in yaml.safe_load_all(f):
                what = '%s %s/%s' % (name, obj['kind'], obj['metadata']['name'])
                try:
                    if line == '1.14':
                        validate_114(obj, schema_dir)
                    else:
                        kubernetes_validate.validate(obj, line + '.0', strict=True)
                    print('ok     %s on %s' % (what, line))
                except (jsonschema.ValidationError, kubernetes_validate.utils.ValidationError) as e:
                    failures += 1
                    print('FAILED %s on %s: %s: %s' % (what, line, '.'.join(map(str, e.path)), e.message))
                except (LookupError, kubernetes_validate.utils.SchemaNotFoundError) as e:
                    failures += 1
                    print('FAILED %s on %s: %s' % (what, line, getattr(e, 'message', e)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
