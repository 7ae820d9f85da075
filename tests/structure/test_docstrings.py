"""The examples in the docstrings of the structure modules run and hold."""

import doctest
import importlib
import pkgutil

import pytest

import app.structure

MODULES = [importlib.import_module(f"app.structure.{info.name}") for info in pkgutil.iter_modules(app.structure.__path__)]
WITH_EXAMPLES = [m for m in MODULES if any(test.examples for test in doctest.DocTestFinder().find(m))]


@pytest.mark.parametrize("module", WITH_EXAMPLES, ids=lambda m: m.__name__)
def test_docstring_examples(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted and not result.failed
