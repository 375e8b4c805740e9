"""Every app of the portal is placed in the import layers that `lint-imports` checks.

lint-imports only looks at the packages it is told about: an app left out of the contract
could import anything unnoticed. This test fails until a new app is added to the contract.
"""

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings

CONFIG = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())["tool"][
    "importlinter"
]


def portal_apps():
    base = Path(settings.BASE_DIR).resolve()
    return {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base
    }


def layered_modules():
    contract = next(c for c in CONFIG["contracts"] if c["type"] == "layers")
    names = set()
    for layer in contract["layers"]:
        for name in layer.replace("|", ":").split(":"):
            names.add(name.strip().strip("()"))
    return names


def test_every_app_is_analysed_and_layered():
    found = portal_apps()
    assert {"core", "home", "editorial", "demo"} <= found
    assert found <= set(CONFIG["root_packages"]), "add the app to root_packages"
    assert found <= layered_modules(), "put the app in a layer of the layers contract"


def test_every_app_with_tests_is_in_the_suite():
    """pytest only collects the folders `testpaths` names: a new app's tests left out of it
    would never run in `make test` or CI (the communities app's tests were, at first)."""
    base = Path(settings.BASE_DIR).resolve()
    testpaths = set(
        tomllib.loads((base / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"][
            "testpaths"
        ]
    )
    with_tests = {name for name in portal_apps() if (base / name / "tests").is_dir()}
    assert with_tests <= testpaths, f"add {sorted(with_tests - testpaths)} to testpaths"


def test_every_app_is_packaged():
    """`pip install .` (and the editable install `make` does) only ships the packages
    setuptools is told to find: a missing app imports from a checkout but not from an install
    (the communities app was missing, and `django.setup()` outside the checkout failed)."""
    base = Path(settings.BASE_DIR).resolve()
    include = tomllib.loads((base / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ]["find"]["include"]
    missing = {name for name in portal_apps() if f"{name}*" not in include}
    assert not missing, f"add {sorted(missing)} to [tool.setuptools.packages.find] include"
